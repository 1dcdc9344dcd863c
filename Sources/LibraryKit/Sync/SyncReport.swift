import Foundation
import NewsKit

/// How one subscription's sync ended.
public struct FeedSyncResult: Sendable {
  public enum Outcome: Sendable, Equatable {
    /// Read and stored (new articles, updated ones, unchanged ones); `warning` when the source
    /// was read only in part, or some files in a directory were skipped.
    case stored(StoreResult, warning: String?)
    /// 304, or a local source whose size and time had not changed.
    case unchanged
    /// 410 now or earlier: no longer asked.
    case gone
    /// 429/503: asked again after `until`.
    case postponed(until: Date?)
    case failed(String)
  }

  public var subscription: Subscription
  public var outcome: Outcome
  /// Read articles deleted by the feed's `keep` setting after it was stored.
  public var pruned = 0

  public init(subscription: Subscription, outcome: Outcome) {
    self.subscription = subscription
    self.outcome = outcome
  }

  public var isFailure: Bool {
    switch outcome {
    case .failed, .gone, .postponed: return true
    case .stored, .unchanged: return false
    }
  }

  /// The reason to print after the feed's name (`Subscription.afterName`).
  public var reasonAfterName: String? { reason.map(subscription.afterName) }

  /// The reason, in a few words, for the summary and the progress lines.
  public var reason: String? {
    switch outcome {
    case .failed(let why): return why
    case .gone: return "gone (HTTP 410); no longer asked"
    case .postponed(let until):
      guard let until else { return "the server is busy; try later" }
      return "the server is busy; asked again after \(SyncReport.clock(until))"
    case .stored(_, let warning): return warning
    case .unchanged: return nil
    }
  }
}

/// What a sync did, for its summary line.
public struct SyncReport: Sendable {
  public var results: [FeedSyncResult] = []

  // Plain loops: the optimiser of Swift 6.3 crashes on the same sums written with
  // `count(where:)` over optionals (CopyPropagation, in release builds only).
  public var newArticles: Int { totals.new }
  public var updatedArticles: Int { totals.updated }
  public var feedsUpdated: Int { totals.feedsUpdated }
  public var feedsUnchanged: Int { totals.feedsUnchanged }
  public var failures: [FeedSyncResult] { results.filter(\.isFailure) }
  public var pruned: Int {
    var total = 0
    for result in results { total += result.pruned }
    return total
  }

  private var totals: (new: Int, updated: Int, feedsUpdated: Int, feedsUnchanged: Int) {
    var totals = (new: 0, updated: 0, feedsUpdated: 0, feedsUnchanged: 0)
    for result in results {
      if result.outcome == .unchanged { totals.feedsUnchanged += 1 }
      guard let stored = Self.stored(result) else { continue }
      totals.new += stored.new
      totals.updated += stored.updated
      if stored.new + stored.updated > 0 {
        totals.feedsUpdated += 1
      } else {
        totals.feedsUnchanged += 1
      }
    }
    return totals
  }

  private static func stored(_ result: FeedSyncResult) -> StoreResult? {
    if case .stored(let stored, _) = result.outcome { return stored }
    return nil
  }

  static func clock(_ date: Date) -> String {
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.dateFormat = "yyyy-MM-dd HH:mm:ss"
    return formatter.string(from: date)
  }
}

/// What a sync tells as it goes, for a progress display.
public enum SyncEvent: Sendable {
  case began(total: Int)
  case fetching(Subscription)
  case finished(FeedSyncResult, done: Int, total: Int)
}
