import Foundation
import GRDB
import NewsKit

extension Library {
  /// Articles stored per transaction while a large feed is read. A feed up to this size
  /// commits whole, with its subscription record, in one transaction; a larger one commits in
  /// parts, its subscription (and so its validators) with the last, so that an interrupted
  /// read is fetched again next time and memory stays bounded.
  static let articlesPerTransaction = 250

  /// Reads a subscription's source and stores its articles: `fetched` is the body a sync
  /// already fetched for a URL; without it the source is read (and fetched) now. A directory's
  /// articles whose files are gone are removed, unless starred. The subscription as given
  /// (validators, signature, location) is saved with the last articles; its title, site link,
  /// error and success time come from the read. With `analysing` false the articles are stored
  /// without their quotes and search rows, to be analysed behind (`analyse`): finding quotes
  /// is half the work of a first sync, and reading must not wait for it.
  @discardableResult
  public func refresh(
    _ subscription: Subscription, fetched: FeedFetcher.Body? = nil, fetcher: FeedFetcher = FeedFetcher(),
    analysing: Bool = true, now: Date = Date()
  ) throws(LibraryError) -> IntakeResult {
    guard let subscriptionId = subscription.id else { throw LibraryError.noSuchFeed(subscription.location) }
    var subscription = subscription
    subscription.lastAttempt = now
    let sources =
      fetched.map { NewsSources([subscription.location], fetched: [subscription.location: .success($0)]) }
      ?? NewsSources([subscription.location], fetcher: fetcher)
    var result = StoreResult()
    var problems: [LoadError] = []
    var pending: [Article] = []
    var seenKeys: Set<String> = []
    var storeError: LibraryError?
    sources.forEachArticleBatch(findingQuotes: analysing) { batch in
      problems += batch.problems
      if let feed = batch.feed {
        subscription.title = feed.title ?? subscription.title
        if subscription.siteLink == nil { subscription.siteLink = feed.link }
      }
      guard storeError == nil else { return }
      pending += batch.articles
      if subscription.kind == .directory { seenKeys.formUnion(batch.articles.map(\.id)) }
      if pending.count >= Self.articlesPerTransaction {
        do throws(LibraryError) {
          result.add(try store(pending, in: subscription, analysed: analysing, now: now))
        } catch {
          storeError = error
        }
        pending = []
      }
    }
    if let storeError { throw storeError }
    // A source that could not be read keeps its validators unset, so the next sync reads it
    // whole again rather than getting a 304 for what was never stored.
    let failed = problems.contains { !$0.isPartial && $0.path == subscription.location }
    if let problem = problems.first(where: { $0.path == subscription.location }) ?? problems.first {
      subscription.lastError = problem.description
      if problem.isPartial || failed {
        subscription.etag = nil
        subscription.lastModified = nil
        subscription.scanSignature = nil
      }
    } else {
      subscription.lastError = nil
    }
    if !failed { subscription.lastSuccess = now }
    let finished = subscription
    let prune = subscription.kind == .directory && !failed
    let last = try write { db in
      let stored = try Self.store(pending, subscriptionId: subscriptionId, analysed: analysing, now: now, in: db)
      if prune { try Self.removeArticles(of: subscriptionId, notIn: seenKeys, in: db) }
      try finished.update(db)
      return stored
    }
    result.add(last)
    return IntakeResult(
      stored: result, subscription: finished, failure: failed ? finished.lastError : nil,
      warning: failed ? nil : finished.lastError)
  }

  /// Deletes a subscription's unstarred articles whose keys are not in `kept` (a directory's
  /// removed or changed files), with their quotes and search rows.
  static func removeArticles(of subscriptionId: Int64, notIn kept: Set<String>, in db: Database) throws {
    let rows = try Row.fetchAll(
      db, sql: "SELECT id, itemKey FROM article WHERE subscriptionId = ? AND isStarred = 0", arguments: [subscriptionId])
    for row in rows where !kept.contains(row["itemKey"]) {
      let id: Int64 = row["id"]
      try db.execute(sql: "DELETE FROM article WHERE id = ?", arguments: [id])
    }
  }
}

/// What reading a source into the library did.
public struct IntakeResult: Sendable {
  public var stored: StoreResult
  /// The subscription as saved.
  public var subscription: Subscription
  /// Why the source could not be read, when it could not.
  public var failure: String?
  /// What went wrong while reading it (a feed cut short, files skipped), when it was read.
  public var warning: String?
}

extension StoreResult {
  mutating func add(_ other: StoreResult) {
    new += other.new
    updated += other.updated
    unchanged += other.unchanged
  }
}
