import Dispatch
import Foundation
import NewsKit

/// How a sync goes about it.
public struct SyncOptions: Sendable {
  /// Fetches in flight at once, and to one host at once.
  public var connections = 8
  public var perHost = 2
  /// Feeds parsed and stored at once: parsing already spreads a feed's articles over the
  /// cores, so more would only hold more feeds in memory.
  public var ingesting = 2
  public var limits = FeedFetcher.Limits()
  /// How many articles each feed keeps after it is stored (nil: all), and the same per feed,
  /// by URL, path or title.
  public var keep: Retention?
  public var keepPerFeed: [String: Retention] = [:]
  /// Whether each feed's quotes and search rows are found before it commits (the library as
  /// it was), or left to `Library.analyse` after the sync, so that articles are listed and
  /// readable as soon as they are stored.
  public var analysesWhileStoring = true
  /// Feeds (by URL, path or title) whose items' web pages are fetched for their full text, as
  /// `herald add --full-text` asks (the config's `[library] full_text`).
  public var fullTextFeeds: Set<String> = []

  public init() {}

  /// Whether the config asks for the feed's full text.
  public func wantsFullText(_ subscription: Subscription) -> Bool {
    fullTextFeeds.contains(subscription.location) || subscription.title.map(fullTextFeeds.contains) == true
      || subscription.titleOverride.map(fullTextFeeds.contains) == true
  }

  public func retention(for subscription: Subscription) -> Retention? {
    keepPerFeed[subscription.location] ?? subscription.title.flatMap { keepPerFeed[$0] }
      ?? subscription.titleOverride.flatMap { keepPerFeed[$0] } ?? keep
  }
}

extension Library {
  /// Syncs the subscriptions concurrently: URLs with conditional GET (a 304 costs no parsing),
  /// local files and directories only when their size or time changed. Each feed's articles
  /// and its new state commit together, so a sync stopped at any moment loses nothing already
  /// committed. A feed that fails, is slow or is huge only affects its own result.
  public func sync(
    _ subscriptions: [Subscription], options: SyncOptions = SyncOptions(), now: Date = Date(),
    progress: @escaping @Sendable (SyncEvent) -> Void = { _ in }
  ) async -> SyncReport {
    progress(.began(total: subscriptions.count))
    // The config's full-text feeds are recorded as such, as `add --full-text` would (in the
    // copies too: the sync saves each subscription whole when it is done).
    let subscriptions = subscriptions.map { subscription in
      guard !subscription.fullText, options.wantsFullText(subscription), let id = subscription.id,
        (try? setFullText(true, for: id)) != nil
      else { return subscription }
      var asking = subscription
      asking.fullText = true
      return asking
    }
    let session = FeedFetcher(limits: options.limits).session(perHost: options.perHost)
    let ingestSlots = DispatchSemaphore(value: max(1, options.ingesting))
    // A fetched body waits for an ingest slot; without a bound, every connection's body
    // waited in memory at once (40 MB of the bench's 5 MB feeds). Two more than the feeds
    // being parsed: a slow server holds one while it trickles, and two such still leave the
    // others going.
    let bodies = AsyncLimiter(max(1, options.ingesting) + 2)
    var report = SyncReport()
    await withTaskGroup(of: FeedSyncResult.self) { group in
      var waiting = subscriptions.makeIterator()
      func startNext() {
        guard let subscription = waiting.next() else { return }
        group.addTask {
          progress(.fetching(subscription))
          var result = await self.sync(
            subscription, session: session, ingestSlots: ingestSlots, bodies: bodies, analysing: options.analysesWhileStoring, now: now)
          if let keep = options.retention(for: result.subscription), !result.isFailure {
            result.pruned = (try? self.prune(result.subscription, keep: keep, now: now)) ?? 0
          }
          return result
        }
      }
      for _ in 0..<max(1, options.connections) { startNext() }
      for await result in group {
        report.results.append(result)
        progress(.finished(result, done: report.results.count, total: subscriptions.count))
        startNext()
      }
    }
    await session.shutdown()
    return report
  }

  /// `sync` for code that is not async.
  public func syncBlocking(
    _ subscriptions: [Subscription], options: SyncOptions = SyncOptions(), now: Date = Date(),
    progress: @escaping @Sendable (SyncEvent) -> Void = { _ in }
  ) -> SyncReport {
    let box = ResultBox<SyncReport>()
    let done = DispatchSemaphore(value: 0)
    Task {
      box.value = await self.sync(subscriptions, options: options, now: now, progress: progress)
      done.signal()
    }
    done.wait()
    return box.value ?? SyncReport()
  }

  private func sync(
    _ subscription: Subscription, session: FetchSession, ingestSlots: DispatchSemaphore, bodies: AsyncLimiter, analysing: Bool,
    now: Date
  ) async -> FeedSyncResult {
    var subscription = subscription
    if subscription.gone { return FeedSyncResult(subscription: subscription, outcome: .gone) }
    if let until = subscription.retryAfter, until > now {
      return FeedSyncResult(subscription: subscription, outcome: .postponed(until: until))
    }
    subscription.retryAfter = nil
    switch subscription.kind {
    case .url:
      let request = FetchRequest(url: subscription.location, etag: subscription.etag, lastModified: subscription.lastModified)
      await bodies.acquire()
      let outcome = await session.fetch(request, now: now)
      // Only a fetched body stays held, until it is parsed and stored.
      if case .fetched = outcome {} else { await bodies.release() }
      switch outcome {
      case .fetched(let body, let etag, let lastModified, let movedTo):
        subscription.etag = etag
        subscription.lastModified = lastModified
        subscription = moved(subscription, to: movedTo)
        let result = await ingest(subscription, fetched: body, slots: ingestSlots, analysing: analysing, now: now)
        await bodies.release()
        return result
      case .notModified(let movedTo):
        subscription = moved(subscription, to: movedTo)
        return record(subscription, outcome: .unchanged, error: nil, now: now)
      case .gone:
        subscription.gone = true
        return record(subscription, outcome: .gone, error: "HTTP 410 Gone: no longer asked", now: now)
      case .postponed(let until, let status):
        subscription.retryAfter = until
        return record(subscription, outcome: .postponed(until: until), error: status, now: now)
      case .failed(let error):
        return record(subscription, outcome: .failed(error.description), error: error.description, now: now)
      }
    case .file, .directory:
      let signature = LocalSignature.of(subscription)
      if let signature, signature == subscription.scanSignature {
        return record(subscription, outcome: .unchanged, error: nil, now: now)
      }
      subscription.scanSignature = signature
      return await ingest(subscription, fetched: nil, slots: ingestSlots, analysing: analysing, now: now)
    }
  }

  /// Parses and stores on a thread of its own, so that the fetches waiting on the network are
  /// not held up by the parsing, and at most `slots` feeds are held in memory at once.
  private func ingest(
    _ subscription: Subscription, fetched: FeedFetcher.Body?, slots: DispatchSemaphore, analysing: Bool, now: Date
  ) async -> FeedSyncResult {
    await withCheckedContinuation { continuation in
      DispatchQueue.global(qos: .userInitiated).async {
        slots.wait()
        defer { slots.signal() }
        continuation.resume(returning: self.ingestNow(subscription, fetched: fetched, analysing: analysing, now: now))
      }
    }
  }

  private func ingestNow(_ subscription: Subscription, fetched: FeedFetcher.Body?, analysing: Bool, now: Date) -> FeedSyncResult {
    do {
      let intake = try refresh(subscription, fetched: fetched, analysing: analysing, now: now)
      if let failure = intake.failure { return FeedSyncResult(subscription: intake.subscription, outcome: .failed(failure)) }
      return FeedSyncResult(subscription: intake.subscription, outcome: .stored(intake.stored, warning: intake.warning))
    } catch {
      return FeedSyncResult(subscription: subscription, outcome: .failed(error.description))
    }
  }

  /// The subscription asking at its new address from now on, unless another subscription
  /// already has that address (then the old one is kept and the move is not recorded).
  private func moved(_ subscription: Subscription, to location: String?) -> Subscription {
    guard let location, (try? isSubscribed(location)) == false else { return subscription }
    var moved = subscription
    moved.location = location
    return moved
  }

  /// Saves an outcome that stored no articles.
  private func record(_ subscription: Subscription, outcome: FeedSyncResult.Outcome, error: String?, now: Date)
    -> FeedSyncResult
  {
    var subscription = subscription
    subscription.lastAttempt = now
    subscription.lastError = error
    if error == nil { subscription.lastSuccess = now }
    do {
      try update(subscription)
    } catch {
      return FeedSyncResult(subscription: subscription, outcome: .failed(error.description))
    }
    return FeedSyncResult(subscription: subscription, outcome: outcome)
  }
}

/// Carries a value out of a task into blocking code that waited for it.
final class ResultBox<Value: Sendable>: @unchecked Sendable {
  private let lock = NSLock()
  private var stored: Value?

  var value: Value? {
    get { lock.withLock { stored } }
    set { lock.withLock { stored = newValue } }
  }
}
