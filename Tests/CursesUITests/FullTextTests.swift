import Foundation
import NewsKit
import TestSupport
import Testing

@testable import CursesUI

@Suite("Full text: f shows the story's web page in place of the feed's text")
struct FullTextTests {
  private func reading(link: String?, stories: [Article] = Array(Stories.all.prefix(2))) -> ReaderState {
    var state = ReaderState(width: 80, height: 24)
    var listed = stories
    listed[0].link = link
    _ = state.update(.storiesLoaded(listed.map(\.summary), skipped: 0, done: true))
    if case .openArticle(_, let request)? = state.update(.input(.key(.enter))).first {
      _ = state.update(.articleLoaded(listed[0], request: request))
    }
    return state
  }

  private var page: Article {
    Article(id: "page", headline: "The page's own headline", source: "Page site", paragraphs: ["The whole story, from its page.", "More of it."])
  }

  @Test func fAsksForThePageAndItsAnswerReplacesTheTextKeepingTheStory() throws {
    var state = reading(link: "https://quay.example/story")
    let story = try #require(state.reading?.article)
    #expect(state.update(.input(.key(.character("f")))) == [.fetchFullText(url: "https://quay.example/story", request: 1)])
    #expect(StatusBarView(state: state).facts.contains("fetching the full text from quay.example…"))
    _ = state.update(.fullTextLoaded(page, request: 1))
    let shown = try #require(state.reading)
    #expect(shown.article.paragraphs == page.paragraphs)
    // The story is still the feed's: its id, headline and place; the feed's text is kept.
    #expect(shown.article.id == story.id && shown.article.headline == story.headline && shown.article.path == story.path)
    #expect(shown.otherVersion?.paragraphs == story.paragraphs)
    #expect(shown.showsFullText)
    #expect(StatusBarView(state: state).facts.contains("full text"))
    #expect(state.notice == "full text from quay.example · f: the feed's text")
    // f again: back to the feed's text at once, without a fetch; and again to the page's.
    #expect(state.update(.input(.key(.character("f")))).isEmpty)
    #expect(state.reading?.article.paragraphs == story.paragraphs)
    #expect(state.reading?.showsFullText == false)
    #expect(!StatusBarView(state: state).facts.contains("full text"))
    #expect(state.update(.input(.key(.character("f")))).isEmpty)
    #expect(state.reading?.article.paragraphs == page.paragraphs)
    #expect(state.notice == "full text · f: the feed's text")
  }

  @Test func aLibraryStoryHoldingItsPagesTextOpensWithItAndFShowsTheFeeds() throws {
    var story = Stories.all[0]
    story.link = "https://quay.example/story"
    story.feedSummary = ["The feed's one line."]
    var state = reading(link: story.link, stories: [story, Stories.all[1]])
    #expect(state.reading?.showsFullText == true)
    #expect(StatusBarView(state: state).facts.contains("full text"))
    #expect(state.update(.input(.key(.character("f")))).isEmpty)
    #expect(state.reading?.article.paragraphs == ["The feed's one line."])
    #expect(state.reading?.article.id == story.id)
    #expect(state.update(.input(.key(.character("f")))).isEmpty)
    #expect(state.reading?.article.paragraphs == story.paragraphs)
  }

  @Test func aFailureIsSaidAndTheFeedsTextStays() throws {
    var state = reading(link: "https://quay.example/story")
    let story = try #require(state.reading?.article)
    _ = state.update(.input(.key(.character("f"))))
    _ = state.update(.fullTextFailed("HTTP 404 Not Found", request: 1))
    #expect(state.notice == "no full text: HTTP 404 Not Found")
    #expect(state.reading?.article.paragraphs == story.paragraphs)
    #expect(state.awaitedFullText == nil)
  }

  @Test func anAnswerForAStoryNoLongerOpenIsDropped() throws {
    var state = reading(link: "https://quay.example/story")
    _ = state.update(.input(.key(.character("f"))))
    // The reader moves to the next story before the page comes.
    if case .openArticle(_, let request)? = state.update(.input(.key(.character("]")))).first {
      _ = state.update(.articleLoaded(Stories.all[1], request: request))
    }
    _ = state.update(.fullTextLoaded(page, request: 1))
    #expect(state.reading?.article.id == Stories.all[1].id)
    #expect(state.reading?.article.paragraphs == Stories.all[1].paragraphs)
  }

  @Test func aStoryWithoutAWebAddressHasNoFullText() {
    for link in [nil, "mailto:desk@quay.example", "file:///etc/passwd"] {
      var state = reading(link: link)
      #expect(state.update(.input(.key(.character("f")))).isEmpty, "\(link ?? "nil")")
      #expect(state.notice == "no full text: the story has no web address")
    }
  }
}
