import Foundation
import GRDB
import Testing

@testable import LibraryKit
import TestSupport

@Suite("Stored dates")
struct StoredDateTests {
  @Test(arguments: [
    ("1970-01-01", 0.0),
    ("2026-11-30 05:51:13.610", 1_796_017_873.61),
    ("2026-11-30T05:51:13", 1_796_017_873),
    ("2026-11-30 05:51", 1_796_017_860),
    ("2000-02-29 23:59:59.5", 951_868_799.5),
    ("1969-12-31 23:59:59", -1),
  ])
  func textDatesReadAsUTC(text: String, seconds: Double) throws {
    let date = try #require(StoredDate.date(fromText: text))
    #expect(abs(date.timeIntervalSince1970 - seconds) < 0.0005)
  }

  @Test(arguments: ["", "2026", "2026-13-01", "2026-11-30 25:00", "2026-11-30 05:51:13.", "2026-11-30x", "30/11/2026"])
  func malformedTextIsNoDate(text: String) {
    #expect(StoredDate.date(fromText: text) == nil)
  }

  @Test func numbersAreSecondsSince1970() {
    #expect(StoredDate.date(from: 1_000.5.databaseValue)?.timeIntervalSince1970 == 1_000.5)
    #expect(StoredDate.date(from: 7.databaseValue)?.timeIntervalSince1970 == 7)
    #expect(StoredDate.date(from: .null) == nil)
  }

  @Test func aSubscriptionsDatesAreStoredAsNumbersAndReadBack() throws {
    let library = try Library(path: Scratch.path("herald-dates") + ".sqlite")
    let added = Date(timeIntervalSince1970: 1_796_017_873.5)
    let feed = try library.subscribe("https://wire.example/rss", now: added)
    let kind = try library.pool.read { try String.fetchOne($0, sql: "SELECT typeof(added) FROM subscription") }
    #expect(kind == "real")
    #expect(try library.subscription(id: feed.id).added == added)
  }

  @Test func textDatesWrittenBeforeV6BecomeNumbersWithTheSameMoment() throws {
    let path = Scratch.path("herald-dates") + ".sqlite"
    let queue = try DatabaseQueue(path: path)
    try LibrarySchema.migrator.migrate(queue, upTo: "v5: quotes carry their speaker's one name in the article")
    try queue.write { db in
      try db.execute(
        sql: """
          INSERT INTO subscription (kind, location, added, lastSuccess)
          VALUES ('url', 'https://wire.example/rss', '2026-11-30 05:51:13.610', '2026-11-30 06:00:00.000')
          """)
    }
    try queue.close()
    let library = try Library(path: path)
    let kinds = try library.pool.read {
      try Row.fetchOne($0, sql: "SELECT typeof(added), typeof(lastSuccess), typeof(lastAttempt) FROM subscription")
    }
    #expect(kinds.map { [$0[0], $0[1], $0[2]] as [String] } == ["real", "real", "null"])
    let feed = try #require(try library.feeds().first).subscription
    #expect(abs(feed.added.timeIntervalSince1970 - 1_796_017_873.61) < 0.001)
    #expect(feed.lastSuccess?.timeIntervalSince1970 == 1_796_018_400)
  }
}
