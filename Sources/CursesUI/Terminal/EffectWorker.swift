import Dispatch
import NewsKit
import Synchronization

/// Carries out the effects that read the disk or the network on a thread of its own and hands
/// their answers back as messages, so the input loop never waits for a 16 MiB article or a
/// slow server. Opening is "latest wins": a request overtaken by a newer one before it started
/// is skipped (holding `j` through a list opens only where it stops).
///
/// Reading positions go to the library on a queue of their own, coalesced (only the latest
/// position of each story is written), and `finish` waits for them: quitting never loses one.
final class EffectWorker: Sendable {
  private let queue = DispatchQueue(label: "herald.effects", qos: .userInitiated)
  private let writes = DispatchQueue(label: "herald.effects.writes", qos: .utility)
  private let syncs = DispatchQueue(label: "herald.effects.sync", qos: .utility)
  private let counts = DispatchQueue(label: "herald.effects.counts", qos: .utility)
  /// Web pages for `f`: the network must not hold up opening stories on `queue`.
  private let pages = DispatchQueue(label: "herald.effects.pages", qos: .userInitiated)
  private let positions = Mutex<[String: (paragraph: Int, read: Bool)]>([:])
  private let failures = Mutex<[String]>([])
  private let answers = Mutex<[ReaderMessage]>([])
  private let latestOpen = Atomic<Int>(0)
  private let latestListing = Atomic<Int>(0)
  private let feedCountRequests = Atomic<Int>(0)
  private let pending = Atomic<Int>(0)
  private let syncing = Atomic<Int>(0)
  private let opener: ArticleOpener

  init(opener: ArticleOpener) {
    self.opener = opener
  }

  /// Whether some effect has not answered yet: the loop then polls more often.
  var isBusy: Bool { pending.load(ordering: .acquiring) > 0 }
  /// Whether a sync is running: its progress is worth a frame now and then, not at once.
  var isSyncing: Bool { syncing.load(ordering: .acquiring) > 0 }

  func open(_ summary: ArticleSummary, request: Int, wrapping: ArticleOpener.Wrapping? = nil) {
    latestOpen.store(request, ordering: .releasing)
    pending.add(1, ordering: .acquiringAndReleasing)
    queue.async { [self] in
      defer { pending.subtract(1, ordering: .acquiringAndReleasing) }
      guard latestOpen.load(ordering: .acquiring) == request else { return }
      let answer = opener.open(summary, request: request, wrapping: wrapping)
      answers.withLock { $0.append(answer) }
    }
  }

  /// Fetches a story's web page and extracts its article, with the fetch limits of feeds.
  func fetchFullText(_ url: String, request: Int) {
    pending.add(1, ordering: .acquiringAndReleasing)
    pages.async { [self] in
      defer { pending.subtract(1, ordering: .acquiringAndReleasing) }
      let answer = FullTextFetch.fetch(url, request: request)
      answers.withLock { $0.append(answer) }
    }
  }

  /// Syncs on a thread of its own (a sync can take minutes and must not hold up opening),
  /// sending progress as messages, then lists the stories again once the writes are done.
  func sync(feedOf storyID: String?) {
    guard let library = opener.library else { return }
    syncing.add(1, ordering: .acquiringAndReleasing)
    syncs.async { [self] in
      defer { syncing.subtract(1, ordering: .acquiringAndReleasing) }
      let summary: String
      do {
        summary = try library.sync(feedOf: storyID) { progress in
          self.answers.withLock { $0.append(.syncProgressed(progress)) }
        }
      } catch {
        summary = "cannot sync: \(error)"
      }
      answers.withLock { $0.append(.syncFinished(summary)) }
      refreshFeeds()
    }
  }

  /// Analyses on the sync thread (after any sync asked for before), sending progress as
  /// messages; lists the stories again when it did anything.
  func analyse() {
    guard let library = opener.library else { return }
    syncing.add(1, ordering: .acquiringAndReleasing)
    syncs.async { [self] in
      defer { syncing.subtract(1, ordering: .acquiringAndReleasing) }
      let summary: String?
      do {
        summary = try library.analyse { progress in
          self.answers.withLock { $0.append(.syncProgressed(progress)) }
        }
      } catch {
        summary = "cannot analyse: \(error)"
      }
      guard let summary else { return }
      answers.withLock { $0.append(.syncFinished(summary)) }
      refreshFeeds()
    }
  }

  /// Lists the library's stories again (after a sync), once the marks and positions sent so
  /// far are written, with the page that holds the story to keep.
  func reloadStories(_ filter: StoryFilter, request: Int, keeping storyID: String?) {
    guard let library = opener.library else { return }
    pending.add(1, ordering: .acquiringAndReleasing)
    syncs.async { [self] in
      defer { pending.subtract(1, ordering: .acquiringAndReleasing) }
      writes.sync {}
      answer("cannot list the library again") { try Self.listing(of: library, filter, request: request, keeping: storyID) }
    }
  }

  /// Lists the stories of a filter (the feeds pane's choice); the answer names the request.
  /// Runs where opening does: a listing overtaken by a newer one is skipped.
  func listStories(_ filter: StoryFilter, request: Int) {
    guard let library = opener.library else { return }
    latestListing.store(request, ordering: .releasing)
    pending.add(1, ordering: .acquiringAndReleasing)
    queue.async { [self] in
      defer { pending.subtract(1, ordering: .acquiringAndReleasing) }
      guard latestListing.load(ordering: .acquiring) == request else { return }
      answer("cannot list the stories") { try Self.listing(of: library, filter, request: request, keeping: nil) }
    }
  }

  /// Fetches one page of a listing, after the marks sent so far are written (so that the
  /// page's marks are not older than the reader's).
  func loadPage(_ page: Int, of source: StoryList.Source) {
    guard let library = opener.library else { return }
    pending.add(1, ordering: .acquiringAndReleasing)
    queue.async { [self] in
      defer { pending.subtract(1, ordering: .acquiringAndReleasing) }
      writes.sync {}
      answer("cannot list the stories") {
        .storyPageLoaded(
          source, page: page,
          try library.stories(source.filter, offset: page * StoryList.pageSize, limit: StoryList.pageSize, total: source.count))
      }
    }
  }

  /// Marks a filter's stories read in the library, in order with the other writes.
  func markAllRead(_ filter: StoryFilter) {
    guard let library = opener.library else { return }
    pending.add(1, ordering: .acquiringAndReleasing)
    writes.async { [self] in
      defer { pending.subtract(1, ordering: .acquiringAndReleasing) }
      answer("cannot mark the stories read") { .allMarkedRead(try library.markAllRead(filter), filter) }
    }
    refreshFeeds()
  }

  /// A filter counted, with the page that holds the story to keep (else the first page).
  private static func listing(of library: any ReaderLibrary, _ filter: StoryFilter, request: Int, keeping storyID: String?) throws
    -> ReaderMessage
  {
    let count = try library.countStories(filter)
    let keptAt = try storyID.flatMap { try library.position(of: $0, in: filter) }
    let page = (keptAt ?? 0) / StoryList.pageSize
    let stories = try library.stories(filter, offset: page * StoryList.pageSize, limit: StoryList.pageSize, total: count)
    return .storiesListed(StoryListing(request: request, filter: filter, count: count, page: page, stories: stories, keptAt: keptAt))
  }

  /// Runs a query and queues its answer, or says in the status bar why it failed.
  private func answer(_ failure: String, _ query: () throws -> ReaderMessage) {
    do {
      let message = try query()
      answers.withLock { $0.append(message) }
    } catch {
      answers.withLock { $0.append(.effectFailed("\(failure): \(error)")) }
    }
  }

  /// Runs `body` once the reads asked for so far (opening, listing, pages) are done.
  func afterReads(_ body: @escaping @Sendable () -> Void) {
    queue.async(execute: body)
  }

  /// Counts the feeds again once the writes sent so far are done. Every request queues its
  /// count behind those writes; a count overtaken by a later request before it starts is
  /// skipped (the later one comes after more writes), so a burst of marks costs one count and
  /// the last count always follows the last write. The count runs on a queue of its own, so
  /// that the writes, and the pages waiting for them, do not wait for it.
  func refreshFeeds() {
    guard let library = opener.library else { return }
    writes.async { [self] in
      let request = feedCountRequests.add(1, ordering: .acquiringAndReleasing).newValue
      counts.async { [self] in
        guard feedCountRequests.load(ordering: .acquiring) == request else { return }
        do {
          let feeds = try library.feeds()
          answers.withLock { $0.append(.feedsListed(feeds)) }
        } catch {
          failures.withLock { $0.append("cannot count the feeds: \(error)") }
        }
      }
    }
  }

  /// Counts speakers, or lists one speaker's quotes; the answer names the request.
  func listSpeakers(_ filter: StoryFilter, quotesOf speaker: String?, request: Int) {
    guard let library = opener.library else { return }
    pending.add(1, ordering: .acquiringAndReleasing)
    queue.async { [self] in
      defer { pending.subtract(1, ordering: .acquiringAndReleasing) }
      do {
        let answer: ReaderMessage =
          if let speaker {
            .quotesListed(try library.quotes(of: speaker, filter), request: request)
          } else {
            .speakersListed(try library.speakers(filter), request: request)
          }
        answers.withLock { $0.append(answer) }
      } catch {
        answers.withLock { $0.append(.effectFailed("cannot list who said what: \(error)")) }
      }
    }
  }

  /// Searches the library; the answer names the request.
  func search(_ query: String, limit: Int, request: Int) {
    guard let library = opener.library else { return }
    pending.add(1, ordering: .acquiringAndReleasing)
    queue.async { [self] in
      defer { pending.subtract(1, ordering: .acquiringAndReleasing) }
      let result: Result<[ArticleSummary], LibrarySearchFailure>
      do {
        result = .success(try library.search(query, limit: limit))
      } catch let failure as LibrarySearchFailure {
        result = .failure(failure)
      } catch {
        result = .failure(LibrarySearchFailure(String(describing: error)))
      }
      answers.withLock { $0.append(.librarySearchAnswered(result, request: request)) }
    }
  }

  /// Keeps a story's reading position in the library.
  func record(_ storyID: String, paragraph: Int, read: Bool) {
    guard let library = opener.library else { return }
    positions.withLock { $0[storyID] = (paragraph, read) }
    writes.async { [self] in
      let batch = positions.withLock { taken in
        defer { taken = [:] }
        return taken
      }
      for (id, position) in batch {
        do {
          try library.recordReading(id, paragraph: position.paragraph, read: position.read)
        } catch {
          failures.withLock { $0.append("cannot keep the reading state: \(error)") }
        }
      }
    }
    refreshFeeds()
  }

  /// Keeps a marking in the library, after the reading positions sent before it.
  func mark(_ ids: [String], _ mark: StoryMark) {
    guard let library = opener.library else { return }
    writes.async { [self] in
      do {
        try library.mark(ids, mark)
      } catch {
        failures.withLock { $0.append("cannot keep the marks: \(error)") }
      }
    }
    refreshFeeds()
  }

  /// Waits until every reading position sent so far is written.
  func finish() {
    writes.sync {}
  }

  /// Failures to write reading state, once each, for the status bar.
  func takeFailures() -> [String] {
    failures.withLock { taken in
      defer { taken = [] }
      return taken
    }
  }

  /// The answers that arrived since the last call, in order.
  func take() -> [ReaderMessage] {
    answers.withLock { taken in
      defer { taken = [] }
      return taken
    }
  }
}
