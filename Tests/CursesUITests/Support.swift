import CursesUI
import NewsKit

/// An article made from plain text in Herald's format, quotes detected as when loaded.
func article(_ text: String, path: String) -> Article {
  ArticleCollection.article(from: Array(text.utf8), path: path)
}

/// A reader driven by keys, with articles in memory instead of files: effects are carried out
/// at once, as the real program does between frames.
struct TestReader {
  var state: ReaderState
  var articles: [String: Article]

  init(width: Int, height: Int, articles: [Article]) {
    state = ReaderState(width: width, height: height)
    self.articles = Dictionary(uniqueKeysWithValues: articles.map { ($0.path!, $0) })
    apply(state.update(.storiesLoaded(articles.map(\.summary), skipped: 0, done: true)))
  }

  mutating func press(_ keys: Key...) {
    for key in keys { send(.key(key)) }
  }

  mutating func type(_ text: String) {
    for character in text { send(.key(.character(character))) }
  }

  mutating func send(_ event: InputEvent) {
    apply(state.update(.input(event)))
  }

  private mutating func apply(_ effects: [ReaderEffect]) {
    for effect in effects {
      guard case .openArticle(let summary, let request) = effect, let found = articles[summary.path] else { continue }
      apply(state.update(.articleLoaded(found, request: request)))
    }
  }

  var screen: Grid { ReaderView.render(state) }
}

/// Ten short stories with quotes, and one long one.
enum Stories {
  static let ferry = article(
    """
    Ferry returns after two years

    Ferry returns after two years

    The green ferry crossed the harbour again on Monday.

    Harbourmaster Gwen Tallis said: “People waited a long time. You could hear the cheering.”

    Critics called the subsidy a “vanity project” on Tuesday.

    “It is how half the town gets to work,” said councillor Ravi Dhillon.

    Source: Millbrook Chronicle
    """, path: "/t/01.txt")

  static let cafe = article(
    """
    東京の café 🤖 wins fans

    A café in 東京 is staffed by robots piloted from home. 私たちはロボットではなく人に会いに来てもらいたい。

    “We want people to meet people,” Sato said.

    Source: Pacific Weekly
    """, path: "/t/02.txt")

  static func filler(_ number: Int) -> Article {
    article(
      """
      Story number \(number)

      Paragraph one of story \(number).

      Paragraph two of story \(number).

      Source: Wire \(number)
      """, path: "/t/\(100 + number).txt")
  }

  static let long: Article = {
    var text = "A long read\n\nA long read\n\n"
    for index in 1...30 {
      text += "Paragraph \(index) is here, and it says enough to take more than one line in a narrow pane.\n\n"
      if index == 20 { text += "The chair said: “We will publish the findings in spring.”\n\n" }
    }
    return article(text + "Source: Review", path: "/t/03.txt")
  }()

  static var all: [Article] { [ferry, cafe, long] + (1...20).map(filler) }
}
