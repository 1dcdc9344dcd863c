import Foundation
import NewsKit
import Testing

@testable import LibraryKit

@Suite("Sync of local sources")
struct LocalSyncTests {
  private func write(_ text: String, _ path: String) throws {
    try text.write(toFile: path, atomically: false, encoding: .utf8)
  }

  @Test func aDirectoryIsRescannedForNewChangedAndRemovedFiles() async throws {
    let directory = try Fixture.scratchDirectory()
    let articles = directory + "/articles"
    try FileManager.default.createDirectory(atPath: articles, withIntermediateDirectories: true)
    try write("Ferry back\n\nThe ferry ran again.\n", articles + "/a.txt")
    try write("Bridge shut\n\nThe bridge shut at noon.\n", articles + "/b.txt")
    try write("Fog\n\nFog on the quays.\n", articles + "/c.txt")
    let library = try Fixture.library(in: directory)
    try library.subscribe(articles)
    #expect(try await library.syncAll().newArticles == 3)
    let starred = try #require(try library.entries().first { $0.headline == "Fog" })
    try library.mark([starred.id], .star)
    #expect(try await library.syncAll().results.first?.outcome == .unchanged)

    try write("Tide tables\n\nHigh water at six.\n", articles + "/d.txt")
    try write("Bridge open\n\nThe bridge reopened.\n", articles + "/b.txt")
    try FileManager.default.removeItem(atPath: articles + "/a.txt")
    try FileManager.default.removeItem(atPath: articles + "/c.txt")
    let report = try await library.syncAll()
    #expect(report.newArticles == 2)
    // a.txt is gone and so is the old b.txt; c.txt is gone but starred, so kept.
    #expect(Set(try library.entries().map(\.headline)) == ["Tide tables", "Bridge open", "Fog"])
  }

  @Test func aFeedFileIsReadAgainOnlyWhenItChanges() async throws {
    let directory = try Fixture.scratchDirectory()
    let feed = directory + "/wire.xml"
    try TestFeed.write([TestItem(guid: "g1", link: nil, title: "One", text: "First.")], to: feed)
    let library = try Fixture.library(in: directory)
    try library.subscribe(feed)
    #expect(try await library.syncAll().newArticles == 1)
    #expect(try await library.syncAll().results.first?.outcome == .unchanged)
    try TestFeed.write(
      [TestItem(guid: "g2", link: nil, title: "Two", text: "Second."), TestItem(guid: "g1", link: nil, title: "One", text: "First.")],
      to: feed)
    #expect(try await library.syncAll().results.first?.outcome == .stored(StoreResult(new: 1, updated: 0, unchanged: 1), warning: nil))
  }

  @Test func aMissingLocalSourceFailsWithItsReasonAndIsTriedAgain() async throws {
    let directory = try Fixture.scratchDirectory()
    let library = try Fixture.library(in: directory)
    try library.subscribe(directory + "/nowhere.xml")
    let report = try await library.syncAll()
    #expect(report.failures.first?.reason == "\(directory)/nowhere.xml: no such file or directory")
    try TestFeed.write([TestItem(guid: "g1", link: nil, title: "One", text: "First.")], to: directory + "/nowhere.xml")
    #expect(try await library.syncAll().newArticles == 1)
  }

  @Test func aSyncStoppedAfterSomeFeedsKeepsThem() async throws {
    // Each feed commits on its own: the first feed's articles are in the database before the
    // second is read, and its state with them.
    let directory = try Fixture.scratchDirectory()
    let library = try Fixture.library(in: directory)
    try TestFeed.write([TestItem(guid: "g1", link: nil, title: "One", text: "First.")], to: directory + "/one.xml")
    let one = try library.subscribe(directory + "/one.xml")
    _ = await library.syncNow([one])
    let other = try Library(path: library.path)
    #expect(try other.entries().map(\.headline) == ["One"])
    #expect(try other.subscription(id: one.id).scanSignature != nil)
  }
}

@Suite("Subscription lists")
struct SubscriptionListTests {
  @Test func exportThenImportIntoAnEmptyLibraryGivesTheSameSubscriptions() throws {
    let directory = try Fixture.scratchDirectory()
    let first = try Library(path: directory + "/one.sqlite")
    try first.subscribe("https://wire.example/feed.xml", tags: ["news", "world"])
    try first.subscribe("https://quay.example/atom?a=1&b=2", tags: ["local"], titleOverride: "Quay <Times>")
    try first.subscribe(directory + "/my articles", tags: [])
    let opml = SubscriptionList.opml(try first.exportList())
    try opml.write(toFile: directory + "/export.opml", atomically: false, encoding: .utf8)

    let second = try Library(path: directory + "/two.sqlite")
    let parsed = try SubscriptionList.read(path: directory + "/export.opml")
    let report = try second.importList(parsed.entries)
    #expect(report.added.count == 3)
    func summary(_ library: Library) throws -> [String] {
      try library.feeds().map { "\($0.subscription.location)|\($0.subscription.titleOverride ?? "-")|\($0.tags)" }.sorted()
    }
    #expect(try summary(second) == summary(first))
    #expect(try second.importList(parsed.entries).alreadySubscribed.count == 3)
  }

  @Test func nestedOPMLOutlinesBecomeTags() throws {
    let directory = try Fixture.scratchDirectory()
    let opml = """
      <?xml version="1.0"?>
      <opml version="1.0"><head><title>mine</title></head><body>
        <outline text="News"><outline text="World"><outline text="Wire" xmlUrl="https://wire.example/rss"/></outline></outline>
        <outline text="Loose" type="rss" xmlUrl="https://loose.example/feed" category="/tech/Linux,/Science"/>
        <outline text="Folder without feeds"/>
      </body></opml>
      """
    try opml.write(toFile: directory + "/list.opml", atomically: false, encoding: .utf8)
    let parsed = try SubscriptionList.read(path: directory + "/list.opml")
    #expect(parsed.entries == [
      SubscriptionEntry(location: "https://wire.example/rss", title: "Wire", tags: ["News", "World"]),
      SubscriptionEntry(location: "https://loose.example/feed", title: "Loose", tags: ["Linux", "Science"]),
    ])
  }

  @Test func newsboatURLsKeepTagsAndTitles() throws {
    let directory = try Fixture.scratchDirectory()
    let urls = """
      # my feeds
      https://wire.example/rss news "world news" ~Wire
      http://quay.example/feed

      query:Unread:unread = "yes"
      exec:~/bin/feed.sh
      """
    try urls.write(toFile: directory + "/urls", atomically: false, encoding: .utf8)
    let parsed = try SubscriptionList.read(path: directory + "/urls")
    #expect(parsed.entries == [
      SubscriptionEntry(location: "https://wire.example/rss", titleOverride: "Wire", tags: ["news", "world news"]),
      SubscriptionEntry(location: "http://quay.example/feed"),
    ])
    #expect(parsed.skipped.count == 2)
    #expect(parsed.skipped[0].hasPrefix("line 5: query:Unread"))
  }

  @Test func aBrokenOPMLFileSaysWhere() throws {
    let directory = try Fixture.scratchDirectory()
    try "<opml><body><outline text=\"x\"></body>".write(toFile: directory + "/bad.opml", atomically: false, encoding: .utf8)
    #expect {
      try SubscriptionList.read(path: directory + "/bad.opml")
    } throws: { error in
      "\(error)".contains("bad.opml: not well-formed XML at line 1")
    }
  }

  @Test func aDryRunChangesNothing() throws {
    let directory = try Fixture.scratchDirectory()
    let library = try Fixture.library(in: directory)
    let report = try library.importList([SubscriptionEntry(location: "https://wire.example/rss")], dryRun: true)
    #expect(report.added.count == 1)
    #expect(try library.feeds().isEmpty)
  }
}

@Suite("Stored text")
struct StoredTextTests {
  @Test func paragraphsSurviveTheHandWrittenJSON() throws {
    let strings = ["plain", "quote \" and \\ slash", "line\nbreak\ttab\u{1}\u{1F}", "café 朝日 🤖", ""]
    let encoded = StringArrayJSON.encode(strings)
    #expect(try JSONDecoder().decode([String].self, from: Data(encoded.utf8)) == strings)
    #expect(StringArrayJSON.encode([]) == "[]")
    #expect(StringArrayJSON.encode(["a\"b\\c\nd\u{1}e", "f"]) == #"["a\"b\\c\nd\u0001e","f"]"#)
  }
}

@Suite("Retention")
struct RetentionTests {
  private func article(_ key: String, daysAgo: Double, now: Date) -> Article {
    Article(id: key, headline: key, source: nil, published: now.addingTimeInterval(-daysAgo * 86_400), paragraphs: ["Text of \(key)."])
  }

  private func library(now: Date) throws -> (Library, Subscription) {
    let library = try Fixture.library(in: try Fixture.scratchDirectory())
    let feed = try library.subscribe("https://wire.example/rss")
    try library.store((0..<6).map { article("a\($0)", daysAgo: Double($0 * 10), now: now) }, in: feed)
    // Everything read but a4 (unread) and a5 (read and starred).
    let ids = try library.entries().map(\.id)
    try library.mark(ids, .read)
    let byKey = Dictionary(uniqueKeysWithValues: try library.entries().map { ($0.headline, $0.id) })
    try library.mark([byKey["a4"]!], .unread)
    try library.mark([byKey["a5"]!], .star)
    return (library, feed)
  }

  @Test func keepingDaysDeletesOnlyOldReadUnstarredArticles() throws {
    let now = Date()
    let (library, feed) = try library(now: now)
    #expect(try library.prune(feed, keep: .days(15), now: now) == 2)
    #expect(try library.entries().map(\.headline) == ["a0", "a1", "a4", "a5"])
    #expect(try library.search("a3").isEmpty)
  }

  @Test func keepingACountKeepsTheNewestAndNeverUnreadOrStarred() throws {
    let now = Date()
    let (library, feed) = try library(now: now)
    #expect(try library.prune(feed, keep: .count(2), now: now) == 2)
    #expect(try library.entries().map(\.headline) == ["a0", "a1", "a4", "a5"])
  }

  @Test func aSyncPrunesByTheFeedsOwnSettingFirst() async throws {
    let directory = try Fixture.scratchDirectory()
    let feed = directory + "/wire.xml"
    try TestFeed.write(
      (1...5).map { TestItem(guid: "g\($0)", link: nil, title: "Story \($0)", text: "Text.", date: "Tue, 0\($0) Nov 2026 10:00:00 GMT") },
      to: feed)
    let library = try Fixture.library(in: directory)
    try library.subscribe(feed)
    _ = try await library.syncAll()
    try library.markAllRead()
    try TestFeed.write([TestItem(guid: "g6", link: nil, title: "Story 6", text: "Text.")], to: feed)
    var options = SyncOptions()
    options.keep = .count(100)
    options.keepPerFeed = ["Harbour Wire": .count(3)]
    let report = await library.sync(try library.feeds().map(\.subscription), options: options)
    #expect(report.pruned == 3)
    #expect(try library.entries().map(\.headline) == ["Story 6", "Story 5", "Story 4"])
    // The pruned items are still in the feed: the next read does not bring them back.
    try TestFeed.write(
      (1...6).map { TestItem(guid: "g\($0)", link: nil, title: "Story \($0)", text: "Text.", date: "Tue, 0\($0) Nov 2026 10:00:00 GMT") },
      to: feed)
    _ = try await library.syncAll()
    #expect(try library.entries().map(\.headline) == ["Story 6", "Story 5", "Story 4"])
  }
}
