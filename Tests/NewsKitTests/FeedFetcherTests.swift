import Foundation
import NIOCore
import TestSupport
import Testing

@testable import NewsKit

/// The local test server (Fixtures/feed_server.py), started for one test and stopped after it;
/// it also stops by itself after 60 seconds.
final class LocalFeedServer: LocalServer {
  init() throws {
    try super.init(script: Fixture.path("feed_server.py"))
  }
}

@Suite("Loading feeds from URLs", .enabled(if: LocalFeedServer.isAvailable), .serialized)
struct FeedFetcherTests {
  private func fetch(_ paths: [String], timeout: Int64 = 15, bodyDeadline: Int64 = 60) throws -> [Result<FeedFetcher.Body, LoadError>] {
    var limits = FeedFetcher.Limits()
    limits.timeout = .seconds(timeout)
    limits.bodyDeadline = .seconds(bodyDeadline)
    return FeedFetcher(limits: limits).fetchBlocking(paths)
  }

  private func reason(_ result: Result<FeedFetcher.Body, LoadError>) -> String? {
    if case .failure(let error) = result, case .network(let why) = error.reason { return why }
    return nil
  }

  @Test func feedLoadsFromAURL() throws {
    let server = try LocalFeedServer()
    let loaded = NewsSources.open([server.url("feed.xml")])
    #expect(loaded.problems.isEmpty)
    #expect(loaded.feeds.first?.title == "Quay Times — Harbour")
    #expect(loaded.articles.map(\.headline) == ["Ferry back in service", "No guid, no date"])
    #expect(loaded.articles.first?.path == server.url("feed.xml"))
  }

  @Test func redirectsAreFollowedUpToFive() throws {
    let server = try LocalFeedServer()
    let results = try fetch([server.url("redirect"), server.url("chain/5"), server.url("chain/7"), server.url("loop")])
    #expect((try? results[0].get())?.bytes.isEmpty == false)
    #expect((try? results[1].get())?.bytes.isEmpty == false)
    #expect(reason(results[2]) == "more than 5 redirects")
    #expect(reason(results[3]) == "redirects go round in a circle")
  }

  @Test func notFoundNamesTheStatus() throws {
    let server = try LocalFeedServer()
    let loaded = NewsSources.open([server.url("missing")])
    #expect(loaded.problems.map(\.description) == ["\(server.url("missing")): HTTP 404 Not Found"])
  }

  @Test func slowServerTimesOut() throws {
    let server = try LocalFeedServer()
    let results = try fetch([server.url("slow")], timeout: 1)
    #expect(reason(results[0]) == "no answer within 1 s")
  }

  @Test func aServerTricklingAByteASecondIsGivenUpOnAtTheBodyDeadline() throws {
    let server = try LocalFeedServer()
    let started = ContinuousClock.now
    let results = try fetch([server.url("trickle")], timeout: 2, bodyDeadline: 3)
    // Each byte comes within the read timeout; only a deadline for the whole body ends it.
    #expect(ContinuousClock.now - started < .seconds(10))
    #expect(reason(results[0]) == "the body did not arrive within 3 s", "\(results[0])")
  }

  @Test func gzipAndDeflateAreDecoded() throws {
    let server = try LocalFeedServer()
    let plain = try fetch([server.url("feed.xml")])[0].get()
    #expect(try fetch([server.url("gzip")])[0].get().bytes == plain.bytes)
    #expect(try fetch([server.url("deflate")])[0].get().bytes == plain.bytes)
  }

  @Test func aWebPageAtAURLIsReadAsItsArticleWithItsQuotes() throws {
    let server = try LocalFeedServer()
    let loaded = NewsSources.open([server.url("page.html")])
    #expect(loaded.problems.isEmpty)
    let article = try #require(loaded.articles.first)
    #expect(article.headline == "Ferry returns to the harbour after repairs")
    #expect(article.path == server.url("page.html"))
    #expect(article.link == server.url("news/ferry-returns"))
    #expect(article.quotes.map(\.text) == ["\"We are delighted to have her back,\"", "\"The town has missed its ferry.\""])
    #expect(article.quotes.map(\.speakerName) == ["Mira Holt", "Mira Holt"])
  }

  @Test func aWebPageListedWithAStoreOpensFromIt() throws {
    // The reader lists, then opens from the store: a page has no file to be read again from.
    let server = try LocalFeedServer()
    let store = ArticleStore()
    var listed: [ArticleSummary] = []
    NewsSources.listProgressively([server.url("page.html")], store: store) { summaries, _ in listed += summaries }
    let summary = try #require(listed.first)
    #expect(store.article(for: summary)?.headline == "Ferry returns to the harbour after repairs")
  }

  @Test func aWebPageWithoutAnArticleSaysWhy() throws {
    let server = try LocalFeedServer()
    let loaded = NewsSources.open([server.url("script-only.html")])
    #expect(loaded.articles.isEmpty)
    #expect(loaded.problems.map(\.description) == [
      "\(server.url("script-only.html")): the page has no text (it may need JavaScript to show any)"
    ])
  }

  @Test func oversizeAndExpandingBodiesStopAtTheLimit() throws {
    let server = try LocalFeedServer()
    let results = try fetch([server.url("huge"), server.url("bomb")])
    #expect(reason(results[0])?.contains("over the 20 MiB limit") == true)
    #expect(reason(results[1]) == "the compressed body expands past the 20 MiB limit")
  }

  @Test func userAgentNamesHeraldAndItsVersion() throws {
    let server = try LocalFeedServer()
    let loaded = NewsSources.open([server.url("ua")])
    #expect(loaded.articles.first?.paragraphs == [FeedFetcher.userAgent])
    #expect(FeedFetcher.userAgent.hasPrefix("Herald/\(HeraldVersion.current)"))
  }

  @Test func failuresAreOneLineEachAndTheOthersStillLoad() throws {
    let server = try LocalFeedServer()
    let loaded = NewsSources.open([server.url("missing"), server.url("feed.xml"), "http://127.0.0.1:1/closed"])
    #expect(loaded.articles.count == 2)
    #expect(loaded.problems.count == 2)
    #expect(loaded.problems.allSatisfy { !$0.description.contains("\n") })
    #expect(loaded.problems.last?.description == "http://127.0.0.1:1/closed: connection refused")
  }

  /// Not a speed target: whether a refused connection is reported when it happens, or only
  /// when the connect timeout (here a minute) has run out.
  @Test func aRefusedConnectionFailsAtOnceNotAtTheTimeout() throws {
    let started = Date()
    let results = try fetch((1...4).map { "http://127.0.0.1:1/closed-\($0)" }, timeout: 60)
    #expect(results.map(reason) == Array(repeating: "connection refused", count: 4))
    #expect(Date().timeIntervalSince(started) < 30)
  }
}

@Suite("Content-Type charset")
struct ContentTypeCharsetTests {
  @Test(arguments: [
    ("text/xml; charset=koi8-r", "koi8-r"), ("application/rss+xml;charset=\"Shift_JIS\"", "Shift_JIS"),
    ("text/xml; format=flowed; CHARSET='iso-8859-1'", "iso-8859-1"),
  ])
  func charsetIsRead(contentType: String, charset: String) {
    #expect(FeedFetcher.charset(contentType) == charset)
  }

  @Test func noCharsetIsNil() {
    #expect(FeedFetcher.charset("application/atom+xml") == nil)
    #expect(FeedFetcher.charset("text/xml; charset=") == nil)
    #expect(FeedFetcher.charset(nil) == nil)
  }
}
