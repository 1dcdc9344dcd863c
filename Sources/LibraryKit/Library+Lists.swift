import Foundation
import GRDB
import NewsKit

/// What an import did (or, dry, would do).
public struct ImportReport: Sendable {
  public var added: [SubscriptionEntry] = []
  public var alreadySubscribed: [SubscriptionEntry] = []
}

extension Library {
  /// Subscribes to every entry not yet in the library, with its tags and titles; fetches
  /// nothing (a sync does). In one transaction: an import that fails part way adds nothing.
  public func importList(_ entries: [SubscriptionEntry], dryRun: Bool = false, now: Date = Date()) throws(LibraryError)
    -> ImportReport
  {
    var report = ImportReport()
    var seen: Set<String> = []
    let existing = Set(try feeds().map(\.subscription.location))
    for entry in entries {
      let location = Self.storedLocation(entry.location)
      if existing.contains(location) || seen.contains(location) {
        report.alreadySubscribed.append(entry)
      } else {
        report.added.append(entry)
      }
      seen.insert(location)
    }
    if dryRun || report.added.isEmpty { return report }
    let adding = report.added
    try write { db in
      for entry in adding {
        let location = Self.storedLocation(entry.location)
        var subscription = Subscription(
          kind: Subscription.kind(of: location), location: location, title: entry.title, titleOverride: entry.titleOverride,
          added: now)
        try subscription.insert(db)
        for tag in Set(entry.tags) {
          try db.execute(sql: "INSERT INTO subscriptionTag (subscriptionId, tag) VALUES (?, ?)", arguments: [subscription.id, tag])
        }
      }
    }
    return report
  }

  /// Every subscription as a list entry (local sources as file: URLs), by title.
  public func exportList() throws(LibraryError) -> [SubscriptionEntry] {
    try feeds().map { feed in
      let subscription = feed.subscription
      let location =
        subscription.kind == .url ? subscription.location : URL(fileURLWithPath: subscription.location).absoluteString
      return SubscriptionEntry(
        location: location, title: subscription.title, titleOverride: subscription.titleOverride, tags: feed.tags)
    }
  }
}
