import Foundation
import GRDB
import NewsKit

extension Library {
  /// Deletes a feed's articles beyond what `keep` allows: older than so many days, or past the
  /// newest so many. Unread and starred articles are kept unless `unread` or `starred` asks
  /// for them too (a count still counts them among the newest). A pruned item's key is
  /// remembered, so that it is not stored again while its feed still carries it. Returns how
  /// many were deleted.
  @discardableResult
  public func prune(
    _ subscription: Subscription, keep: Retention, unread: Bool = false, starred: Bool = false, now: Date = Date()
  ) throws(LibraryError) -> Int {
    guard let subscriptionId = subscription.id else { return 0 }
    let condition: String
    let arguments: StatementArguments
    switch keep {
    case .days(let days):
      condition = "sortDate < ?2"
      arguments = [subscriptionId, now.timeIntervalSince1970 - Double(days) * 86_400]
    case .count(let count):
      condition = """
        id NOT IN (SELECT id FROM article WHERE subscriptionId = ?1 ORDER BY sortDate DESC, id DESC LIMIT ?2)
        """
      arguments = [subscriptionId, count]
    }
    let state = (unread ? "" : "isRead = 1 AND ") + (starred ? "" : "isStarred = 0 AND ")
    let selection = "SELECT id FROM article WHERE subscriptionId = ?1 AND \(state)\(condition)"
    return try write { db in
      try db.execute(
        sql: "INSERT OR IGNORE INTO prunedItem (subscriptionId, itemKey) SELECT subscriptionId, itemKey FROM article WHERE id IN (\(selection))",
        arguments: arguments)
      try db.execute(sql: "DELETE FROM article WHERE id IN (\(selection))", arguments: arguments)
      return db.changesCount
    }
  }
}
