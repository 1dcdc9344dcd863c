import Foundation
import NewsKit
import TestSupport
import Testing

@testable import LibraryKit

/// `--full-text` feeds: each new item's web page fetched behind the store stage, its article
/// stored as the text, the feed's kept as the summary; failures recorded, never fetched twice.
@Suite("Full-text sync against a local server", .enabled(if: SyncServer.isAvailable), .serialized)
struct FullTextSyncTests {
  let directory: String
  let feeds: String
  let server: SyncServer
  let library: Library

  init() throws {
    directory = try Fixture.scratchDirectory()
    feeds = directory + "/feeds"
    try FileManager.default.createDirectory(atPath: feeds, withIntermediateDirectories: true)
    server = try SyncServer(root: feeds)
    library = try Fixture.library(in: directory)
    try FileManager.default.copyItem(atPath: WebPageFixtures.path("harbour-story.html"), toPath: feeds + "/story.html")
    try "<html><body><div id=app></div><script>render()</script></body></html>".write(
      toFile: feeds + "/app.html", atomically: false, encoding: .utf8)
  }

  private func feedItems(storyText: String = "The ferry is back. One line, as summary feeds give.") -> [TestItem] {
    [
      TestItem(guid: "ferry", link: server.url("feeds/story.html"), title: "Ferry returns", text: storyText),
      TestItem(guid: "gone", link: server.url("feeds/missing.html"), title: "A page that is gone", text: "Only a summary."),
      TestItem(guid: "app", link: server.url("feeds/app.html"), title: "A page of script", text: "Only this summary too."),
    ]
  }

  private func id(_ headline: String) throws -> Int64 {
    try #require(try library.entries().first { $0.headline == headline }?.id)
  }

  private func indexIsInStep() -> Bool {
    (try? library.pool.write { db in
      try db.execute(sql: "INSERT INTO articleSearch (articleSearch, rank) VALUES ('integrity-check', 1)")
    }) != nil
  }

  @Test func pagesAreFetchedBehindTheStoreStageAndTheirArticlesBecomeTheText() async throws {
    try TestFeed.write(feedItems(), to: feeds + "/wire.xml")
    let subscription = try library.subscribe(server.url("feeds/wire.xml"))
    try library.setFullText(true, for: try #require(subscription.id))
    var options = SyncOptions()
    options.analysesWhileStoring = false
    _ = await library.sync(try library.feeds().map(\.subscription), options: options)
    // Stored first: readable with the feed's text at once, the pages still to come.
    let ferry = try id("Ferry returns")
    #expect(try library.article(ferry).paragraphs == ["The ferry is back. One line, as summary feeds give."])
    #expect(try library.pendingFullTextCount() == 3)

    let outcome = try await library.fetchFullText()
    #expect(outcome == FullTextProgress(done: 3, total: 3, failed: 2))
    let article = try library.article(ferry)
    #expect(article.headline == "Ferry returns")  // the feed's headline stays
    #expect(article.paragraphs.first?.hasPrefix("The harbour ferry returned to service on Monday morning") == true)
    #expect(!article.paragraphs.joined().contains("Most read"))
    #expect(try library.fullTextSummary(of: ferry) == ["The ferry is back. One line, as summary feeds give."])
    // The reader gets the feed's text with the article, for f.
    #expect(article.feedSummary == ["The ferry is back. One line, as summary feeds give."])
    #expect(try library.article(try id("A page that is gone")).feedSummary == nil)
    #expect(try library.fullTextFailure(of: try id("A page that is gone")) == "HTTP 404 Not Found")
    #expect(try library.fullTextFailure(of: try id("A page of script")) == "the page has no text (it may need JavaScript to show any)")
    #expect(try library.article(try id("A page of script")).paragraphs == ["Only this summary too."])
    #expect(try library.pendingFullTextCount() == 0)

    // Quotes and the search index follow the full text.
    _ = try library.analyse()
    #expect(try library.search("passengers").map(\.entry.id) == [ferry])
    #expect(try library.article(ferry).quotes.map(\.speakerName) == ["Mira Holt", "Mira Holt"])
    #expect(indexIsInStep())

    // The next sync: the feed is unchanged, the full text stays, no page is fetched again.
    _ = await library.sync(try library.feeds().map(\.subscription), options: options)
    #expect(try library.article(ferry).paragraphs.first?.hasPrefix("The harbour ferry returned") == true)
    #expect(try await library.fetchFullText() == FullTextProgress(done: 0, total: 0, failed: 0))
    let pageRequests = try await server.log().filter { $0.contains(".html") }
    #expect(pageRequests.count == 3)
  }

  @Test func anItemTheFeedChangesAsksForItsPageAgainConditionally() async throws {
    try TestFeed.write(feedItems(), to: feeds + "/wire.xml")
    let subscription = try library.subscribe(server.url("feeds/wire.xml"))
    try library.setFullText(true, for: try #require(subscription.id))
    _ = try await library.syncAll()
    _ = try await library.fetchFullText()
    _ = try library.analyse()
    let ferry = try id("Ferry returns")

    // The feed changes the item: its page's text stays, the feed's new text is the summary,
    // and the page is asked again with its validators: unchanged, a 304, nothing rewritten.
    try TestFeed.write(feedItems(storyText: "The ferry is back, and busier."), to: feeds + "/wire.xml")
    _ = try await library.syncAll()
    #expect(try library.article(ferry).paragraphs.first?.hasPrefix("The harbour ferry returned") == true)
    #expect(try library.fullTextSummary(of: ferry) == ["The ferry is back, and busier."])
    #expect(try library.pendingFullTextCount() == 1)  // the items the feed left alone are not asked
    #expect(try await library.fetchFullText() == FullTextProgress(done: 1, total: 1, failed: 0))
    #expect(try await server.log().filter { $0.contains("story.html") } == ["GET /feeds/story.html 200", "GET /feeds/story.html 304"])
    #expect(try library.article(ferry).paragraphs.first?.hasPrefix("The harbour ferry returned") == true)
    #expect(try library.fullTextSummary(of: ferry) == ["The ferry is back, and busier."])

    // The page changes too: the next change of the item brings its new text.
    let story = try String(contentsOfFile: feeds + "/story.html", encoding: .utf8)
    try story.replacingOccurrences(of: "The harbour ferry returned", with: "The repaired ferry returned").write(
      toFile: feeds + "/story.html", atomically: false, encoding: .utf8)
    try TestFeed.write(feedItems(storyText: "The ferry is back, busier still."), to: feeds + "/wire.xml")
    _ = try await library.syncAll()
    _ = try await library.fetchFullText()
    #expect(try library.article(ferry).paragraphs.first?.hasPrefix("The repaired ferry returned") == true)
    #expect(try library.fullTextSummary(of: ferry) == ["The ferry is back, busier still."])
    _ = try library.analyse()
    #expect(try library.search("repaired").map(\.entry.id) == [ferry])
    #expect(indexIsInStep())
  }

  @Test func theConfigCanAskForAFeedsFullTextByItsTitle() async throws {
    try TestFeed.write(feedItems(), to: feeds + "/wire.xml", title: "Quay Wire")
    try library.subscribe(server.url("feeds/wire.xml"))
    _ = try await library.syncAll()
    #expect(try library.pendingFullTextCount() == 0)
    var options = SyncOptions()
    options.fullTextFeeds = ["Quay Wire"]
    _ = await library.sync(try library.feeds().map(\.subscription), options: options)
    #expect(try library.feeds()[0].subscription.fullText)
    #expect(try library.pendingFullTextCount() == 3)
  }

  @Test func feedsThatDoNotAskFetchNoPages() async throws {
    try TestFeed.write(feedItems(), to: feeds + "/wire.xml")
    try library.subscribe(server.url("feeds/wire.xml"))
    _ = try await library.syncAll()
    #expect(try library.pendingFullTextCount() == 0)
    #expect(try await library.fetchFullText().total == 0)
    #expect(try await server.log().filter { $0.contains(".html") }.isEmpty)
  }
}
