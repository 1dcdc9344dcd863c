import Foundation
import NewsKit

/// `f`: the full text of the open story, fetched from its web page in the background and shown
/// in place of the feed's text; `f` again swaps back. The other text is kept, so swapping costs
/// nothing and the story's identity (id, marks, place in the list) never changes. A library story
/// of a full-text feed opens with its page's text and the feed's kept (`Article.feedSummary`).
extension ReaderState {
  mutating func toggleFullText() -> [ReaderEffect] {
    guard let current = reading, articleVisible || isSideBySide else { return [] }
    if let other = current.otherVersion {
      let showsFullText = !current.showsFullText
      showVersion(other, other: current.article, showsFullText: showsFullText)
      notice = showsFullText ? "full text · f: the feed's text" : "the feed's text · f: full text"
      return []
    }
    guard let link = current.article.link, FeedFetcher.isURL(link) else {
      notice = "no full text: the story has no web address"
      return []
    }
    fullTextRequests += 1
    awaitedFullText = (fullTextRequests, current.article.id, Self.host(of: link))
    notice = nil
    return [.fetchFullText(url: link, request: fullTextRequests)]
  }

  /// Shows the page's article for the story it was asked for, if that story is still open.
  mutating func showFullText(_ page: Article, request: Int) {
    guard let awaited = awaitedFullText, awaited.request == request else { return }
    awaitedFullText = nil
    guard let current = reading, current.article.id == awaited.storyID else { return }
    showVersion(Self.fullVersion(of: current.article, from: page), other: current.article, showsFullText: true)
    notice = "full text from \(Self.host(of: current.article.link ?? "")) · f: the feed's text"
  }

  /// A library story that holds its page's text opens with the feed's text kept beside it.
  mutating func keepFeedSummary() {
    guard var current = reading, let summary = current.article.feedSummary, current.otherVersion == nil else { return }
    var feed = current.article
    feed.paragraphs = summary
    feed.feedSummary = nil
    feed.quotes = []
    feed.links = []
    feed.blockquotes = []
    current.otherVersion = feed
    current.showsFullText = true
    reading = current
  }

  /// The story with the page's text: still the feed's story (id, path, headline, source).
  static func fullVersion(of story: Article, from page: Article) -> Article {
    var full = page
    full.id = story.id
    full.path = story.path
    full.headline = story.headline
    full.source = story.source ?? page.source
    full.published = story.published ?? page.published
    full.link = story.link
    return full
  }

  /// Shows one text of the open story from its top, keeping the other and a finished search.
  private mutating func showVersion(_ article: Article, other: Article, showsFullText: Bool) {
    let search = self.search
    show(article)
    reading?.otherVersion = other
    reading?.showsFullText = showsFullText
    self.search = search.map { Search(query: $0.query, editing: false) }
  }

  static func host(of link: String) -> String {
    URL(string: link)?.host ?? link
  }
}
