import Dispatch
import Foundation
import NewsKit

/// The full-text stage of a sync, behind the store stage: the pages of the articles that wait
/// for them, newest first, a batch at a time, through one HTTP client (at most one connection
/// to a host at a time, `connections` fetches in all, the fetch limits of feeds), each page's
/// article extracted off the fetching tasks and every batch stored in one transaction.
public struct FullTextProgress: Sendable, Hashable {
  public var done: Int
  public var total: Int
  public var failed: Int
}

extension Library {
  public static let fullTextBatch = 20

  public func fetchFullText(
    fetcher: FeedFetcher = FeedFetcher(), connections: Int = 4, shouldStop: @escaping @Sendable () -> Bool = { false },
    progress: @escaping @Sendable (FullTextProgress) -> Void = { _ in }
  ) async throws(LibraryError) -> FullTextProgress {
    let total = try pendingFullTextCount()
    var state = FullTextProgress(done: 0, total: total, failed: 0)
    guard total > 0 else { return state }
    progress(state)
    let session = fetcher.session(perHost: 1)
    let limiter = AsyncLimiter(connections)
    var failure: LibraryError?
    while !shouldStop() {
      let requests: [FullTextRequest]
      do {
        requests = try pendingFullText(limit: Self.fullTextBatch)
      } catch {
        failure = error
        break
      }
      if requests.isEmpty { break }
      let results = await withTaskGroup(of: (FullTextRequest, FullTextResult).self) { group in
        for request in requests {
          group.addTask {
            await limiter.acquire()
            let outcome = await session.fetch(FetchRequest(url: request.url, etag: request.etag, lastModified: request.lastModified))
            await limiter.release()
            return (request, Self.fullText(from: outcome, url: request.url))
          }
        }
        var collected: [(FullTextRequest, FullTextResult)] = []
        for await result in group { collected.append(result) }
        return collected
      }
      do {
        try storeFullText(results)
      } catch {
        failure = error
        break
      }
      state.done += results.count
      state.failed += results.filter { if case .failed = $0.1 { true } else { false } }.count
      progress(state)
    }
    await session.shutdown()
    if let failure { throw failure }
    return state
  }

  /// `fetchFullText` for code that is not async.
  public func fetchFullTextBlocking(
    fetcher: FeedFetcher = FeedFetcher(), shouldStop: @escaping @Sendable () -> Bool = { false },
    progress: @escaping @Sendable (FullTextProgress) -> Void = { _ in }
  ) throws(LibraryError) -> FullTextProgress {
    let box = ResultBox<Result<FullTextProgress, LibraryError>>()
    let done = DispatchSemaphore(value: 0)
    Task {
      do throws(LibraryError) {
        box.value = .success(try await self.fetchFullText(fetcher: fetcher, shouldStop: shouldStop, progress: progress))
      } catch {
        box.value = .failure(error)
      }
      done.signal()
    }
    done.wait()
    return try (box.value ?? .success(FullTextProgress(done: 0, total: 0, failed: 0))).get()
  }

  /// A page's article with its quotes, or why there is none, in a few words.
  static func fullText(from outcome: FetchOutcome, url: String) -> FullTextResult {
    switch outcome {
    case .fetched(let body, let etag, let lastModified, _):
      switch ArticleExtractor.extract(body.bytes, url: url, contentType: body.contentType) {
      case .success(let extracted):
        return .extracted(ArticleAnalysis.analysed(extracted.article), etag: etag, lastModified: lastModified)
      case .failure(let why): return .failed(LoadError(path: url, reason: .noArticle(why)).reasonDescription)
      }
    case .failed(let error): return .failed(error.reasonDescription)
    case .notModified: return .unchanged
    case .gone: return .failed("HTTP 410 Gone")
    case .postponed(_, let status): return .failed(status)
    }
  }
}
