import Foundation
import GRDB

extension Library {
  /// Keeps the paragraph the reader is at, so that opening the article again resumes there,
  /// and (unless `markRead` is false) marks it read, keeping when it was first read. An unknown
  /// id changes nothing.
  public func recordReading(_ id: Int64, paragraph: Int, markRead: Bool = true, now: Date = Date()) throws(LibraryError) {
    try write { db in
      if markRead {
        try db.execute(
          sql: "UPDATE article SET isRead = 1, readAt = coalesce(readAt, ?), lastParagraph = ? WHERE id = ?",
          arguments: [now.timeIntervalSince1970, max(0, paragraph), id])
      } else {
        try db.execute(sql: "UPDATE article SET lastParagraph = ? WHERE id = ?", arguments: [max(0, paragraph), id])
      }
    }
  }

  /// The paragraph the reader was at when last reading the article, if it was read.
  public func readingPosition(_ id: Int64) throws(LibraryError) -> Int? {
    try read { db in
      try Int.fetchOne(db, sql: "SELECT lastParagraph FROM article WHERE id = ?", arguments: [id])
    }
  }

  /// The subscription an article came from.
  public func subscription(ofArticle id: Int64) throws(LibraryError) -> Subscription {
    let subscriptionId = try read { db in
      try Int64.fetchOne(db, sql: "SELECT subscriptionId FROM article WHERE id = ?", arguments: [id])
    }
    guard let subscriptionId else { throw LibraryError.noSuchArticle(String(id)) }
    return try subscription(id: subscriptionId)
  }
}
