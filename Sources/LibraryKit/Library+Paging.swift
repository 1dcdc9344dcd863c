import Foundation
import GRDB

/// What a reader needs to show a filter's articles a page at a time without holding them all:
/// how many there are, where one of them sits in the order, and marking them all read.
extension Library {
  /// How many articles a filter selects (the limit and offset aside).
  public func countEntries(_ filter: ArticleFilter = ArticleFilter()) throws(LibraryError) -> Int {
    let (conditions, arguments) = Self.conditions(for: filter)
    let whereClause = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
    return try read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM article a \(whereClause)", arguments: arguments) ?? 0 }
  }

  /// Where an article sits in a filter's newest-first order (the order of `entries`), or nil
  /// when the filter does not select it.
  public func position(of id: Int64, in filter: ArticleFilter = ArticleFilter()) throws(LibraryError) -> Int? {
    let (conditions, arguments) = Self.conditions(for: filter)
    let filtered = conditions.isEmpty ? "" : " AND " + conditions.joined(separator: " AND ")
    return try read { db in
      guard
        let sortDate = try Double.fetchOne(
          db, sql: "SELECT a.sortDate FROM article a WHERE a.id = ?\(filtered)", arguments: [id] + arguments)
      else { return nil }
      // Articles before it: newer, or as new with a larger id (`entries` orders by both).
      let before = try Int.fetchOne(
        db,
        sql: "SELECT count(*) FROM article a WHERE (a.sortDate > ? OR (a.sortDate = ? AND a.id > ?))\(filtered)",
        arguments: [sortDate, sortDate, id] + arguments)
      return before ?? 0
    }
  }

  /// Marks every unread article a filter selects read; returns their ids (to undo it with
  /// `mark(_:_:)`), in one transaction.
  public func markAllRead(_ filter: ArticleFilter, now: Date = Date()) throws(LibraryError) -> [Int64] {
    var unread = filter
    unread.unreadOnly = true
    let (conditions, arguments) = Self.conditions(for: unread)
    let selection = "SELECT a.id FROM article a WHERE " + conditions.joined(separator: " AND ")
    return try write { db in
      let ids = try Int64.fetchAll(db, sql: selection, arguments: arguments)
      try db.execute(sql: Self.markSQL(.read) + " WHERE id IN (\(selection))", arguments: Self.markArguments(.read, now) + arguments)
      return ids
    }
  }
}
