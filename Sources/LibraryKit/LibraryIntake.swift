import Foundation
import NewsKit

extension Library {
  /// Reads a subscription's source now (a feed URL or file, or a directory of articles) and
  /// stores its articles, a batch per transaction, so an interrupted read loses nothing already
  /// stored. Records the attempt, and the error when there is one.
  @discardableResult
  public func refresh(_ subscription: Subscription, fetcher: FeedFetcher = FeedFetcher(), now: Date = Date()) throws(LibraryError)
    -> StoreResult
  {
    var subscription = subscription
    subscription.lastAttempt = now
    var result = StoreResult()
    var problems: [LoadError] = []
    var feedTitle: String?
    var storeError: LibraryError?
    NewsSources([subscription.location], fetcher: fetcher).forEachArticleBatch { batch in
      problems += batch.problems.filter { !$0.isPartial }
      if let feed = batch.feed {
        feedTitle = feed.title ?? feedTitle
        if subscription.siteLink == nil { subscription.siteLink = feed.link }
      }
      guard storeError == nil, !batch.articles.isEmpty else { return }
      switch Result(catching: { () throws(LibraryError) in try store(batch.articles, in: subscription, now: now) }) {
      case .success(let stored):
        result.new += stored.new
        result.updated += stored.updated
        result.unchanged += stored.unchanged
      case .failure(let error):
        storeError = error
      }
    }
    if let storeError { throw storeError }
    if let feedTitle { subscription.title = feedTitle }
    if let problem = problems.first {
      subscription.lastError = problem.description
    } else {
      subscription.lastError = nil
      subscription.lastSuccess = now
    }
    try update(subscription)
    return result
  }
}
