import Foundation
import NewsKit
import Testing

@testable import LibraryKit

@Suite("Sync against a local server", .enabled(if: SyncServer.isAvailable), .serialized)
struct SyncTests {
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
  }

  private func items(_ count: Int) -> [TestItem] {
    (1...count).map { TestItem(guid: "g\($0)", link: "https://harbour.example/\($0)", title: "Story \($0)", text: "Text \($0).") }
  }

  private func outcome(_ report: SyncReport, _ index: Int = 0) -> FeedSyncResult.Outcome? {
    report.results.count > index ? report.results[index].outcome : nil
  }

  @Test(arguments: ["feeds", "lastmod"])
  func anUnchangedFeedCostsA304(route: String) async throws {
    try TestFeed.write(items(3), to: feeds + "/wire.xml")
    try library.subscribe(server.url("\(route)/wire.xml"))
    let first = try await library.syncAll()
    #expect(outcome(first) == .stored(StoreResult(new: 3, updated: 0, unchanged: 0), warning: nil))
    let second = try await library.syncAll()
    #expect(outcome(second) == .unchanged)
    #expect(try await server.log().filter { $0.hasPrefix("GET /\(route)/") } == ["GET /\(route)/wire.xml 200", "GET /\(route)/wire.xml 304"])
    #expect(try library.feeds()[0].subscription.lastError == nil)
  }

  @Test func aChangedFeedAddsOnlyWhatIsNewAndKeepsState() async throws {
    try TestFeed.write(items(3), to: feeds + "/wire.xml")
    try library.subscribe(server.url("feeds/wire.xml"))
    _ = try await library.syncAll()
    let read = try #require(try library.entries().first { $0.headline == "Story 2" })
    try library.mark([read.id], .read)
    try library.mark([read.id], .star)
    // A new item on top, the old ones reordered, and one of them rewritten.
    var next = items(3).reversed().map { $0 }
    next[1].text = "Text 2, corrected."
    next.insert(TestItem(guid: "g4", link: "https://harbour.example/4", title: "Story 4", text: "Text 4."), at: 0)
    try TestFeed.write(next, to: feeds + "/wire.xml")
    let report = try await library.syncAll()
    #expect(outcome(report) == .stored(StoreResult(new: 1, updated: 1, unchanged: 2), warning: nil))
    let after = try #require(try library.entries().first { $0.headline == "Story 2" })
    #expect(after.id == read.id)
    #expect(after.isRead && after.isStarred)
    #expect(try library.article(read.id).paragraphs == ["Text 2, corrected."])
    #expect(try library.entries().count == 4)
  }

  @Test func itemsWithoutGuidOrLinkKeepTheirIdentityWhenReordered() async throws {
    let bare = [
      TestItem(guid: nil, link: nil, title: "Tide tables", text: "High water at six."),
      TestItem(guid: nil, link: "https://harbour.example/ferry", title: "Ferry", text: "Back in service."),
    ]
    try TestFeed.write(bare, to: feeds + "/bare.xml")
    try library.subscribe(server.url("feeds/bare.xml"))
    _ = try await library.syncAll()
    let before = try library.entries().map(\.id).sorted()
    try TestFeed.write(bare.reversed() + [TestItem(guid: nil, link: nil, title: "Fog", text: "Fog on the quays.")], to: feeds + "/bare.xml")
    let report = try await library.syncAll()
    #expect(outcome(report) == .stored(StoreResult(new: 1, updated: 0, unchanged: 2), warning: nil))
    #expect(try library.entries().map(\.id).sorted().prefix(2) == before[...])
  }

  @Test func aPermanentRedirectMovesTheFeedAndATemporaryOneDoesNot() async throws {
    try TestFeed.write(items(1), to: feeds + "/wire.xml")
    try TestFeed.write(items(2), to: feeds + "/other.xml")
    let moved = try library.subscribe(server.url("moved/wire.xml"))
    let temporary = try library.subscribe(server.url("temporary/other.xml"))
    let report = try await library.syncAll()
    #expect(report.failures.isEmpty)
    #expect(try library.subscription(id: moved.id).location == server.url("feeds/wire.xml"))
    #expect(try library.subscription(id: temporary.id).location == server.url("temporary/other.xml"))
  }

  @Test func aGoneFeedIsMarkedAndNoLongerAsked() async throws {
    let gone = try library.subscribe(server.url("gone"))
    let first = try await library.syncAll()
    #expect(outcome(first) == .gone)
    #expect(try library.subscription(id: gone.id).gone)
    #expect(try library.subscription(id: gone.id).lastError == "HTTP 410 Gone: no longer asked")
    _ = try await library.syncAll()
    #expect(try await server.log().filter { $0.contains("/gone") }.count == 1)
  }

  @Test func aBusyServerPutsTheFeedOffForAsLongAsItSays() async throws {
    let now = Date()
    let busy = try library.subscribe(server.url("busy"))
    let unavailable = try library.subscribe(server.url("unavailable"))
    let report = try await library.syncAll(now: now)
    #expect(report.failures.count == 2)
    let until = try #require(try library.subscription(id: busy.id).retryAfter)
    #expect(abs(until.timeIntervalSince(now) - 120) < 2)
    let later = try #require(try library.subscription(id: unavailable.id).retryAfter)
    #expect(abs(later.timeIntervalSince(now) - 3600) < 5)
    _ = try await library.syncAll(now: now.addingTimeInterval(60))
    #expect(try await server.log().filter { $0.contains("/busy") }.count == 1)
    _ = try await library.syncAll(now: now.addingTimeInterval(121))
    #expect(try await server.log().filter { $0.contains("/busy") }.count == 2)
  }

  @Test func aSlowFeedDoesNotHoldUpTheOthers() async throws {
    try TestFeed.write(items(2), to: feeds + "/wire.xml")
    try library.subscribe(server.url("slow"))
    try library.subscribe(server.url("feeds/wire.xml"))
    let started = Date()
    let report = try await library.syncAll(timeout: 1)
    #expect(Date().timeIntervalSince(started) < 4.5)
    #expect(report.newArticles == 2)
    #expect(report.failures.map(\.reason) == ["\(server.url("slow")): no answer within 1 s"])
  }

  @Test func garbageHTMLAndHugeBodiesAreFailuresNotCrashes() async throws {
    for route in ["garbage", "html", "huge"] { try library.subscribe(server.url(route)) }
    let report = try await library.syncAll()
    #expect(report.failures.count == 3)
    let reasons = report.failures.compactMap(\.reason).joined(separator: "\n")
    #expect(reasons.contains("over the 20 MiB limit"))
    #expect(try library.entries().isEmpty)
    #expect(report.failures.allSatisfy { $0.subscription.lastError != nil && $0.subscription.etag == nil })
  }
}
