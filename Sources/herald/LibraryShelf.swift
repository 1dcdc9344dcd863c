import CursesUI
import Foundation
import LibraryKit
import NewsKit

/// The library as the reader sees it: stories newest first, each opened with where it was
/// left, reading state written back. The reader runs these calls on its worker threads.
struct LibraryShelf: ReaderLibrary {
  let library: Library
  /// How syncs from the reader go (timeouts, retention), as `herald sync` would.
  var syncOptions = SyncOptions()

  func feeds() throws -> [ReaderFeed] {
    try library.feeds().map { feed in
      ReaderFeed(
        id: String(feed.subscription.id ?? 0), title: Self.shortName(feed.subscription.displayTitle), unread: feed.unread, total: feed.total,
        tags: feed.tags, error: feed.subscription.lastError.map(feed.subscription.afterName))
    }
  }

  func speakers(_ filter: StoryFilter) throws -> [SpeakerTally] {
    try library.speakers(Self.articleFilter(filter)).map { SpeakerTally(speaker: $0.speaker, quotes: $0.quotes) }
  }

  func quotes(of speaker: String, _ filter: StoryFilter) throws -> [SpokenQuote] {
    try library.quotes(of: speaker, Self.articleFilter(filter)).map { found in
      let id = String(found.entry.id)
      return SpokenQuote(
        story: ArticleSummary(id: id, headline: found.entry.headline, source: Self.source(of: found.entry), path: ReaderLibraryPath.path(of: id)),
        text: found.quote.text, start: found.quote.start)
    }
  }

  /// What a headline row shows as its source: the article's own, else its feed's name (the
  /// same in the list, in search hits and in a speaker's quotes).
  static func source(of entry: LibraryEntry) -> String {
    entry.source ?? shortName(entry.feed)
  }

  /// A local source without a title is named by its path; a pane a few columns wide shows
  /// its last part ("Samples", not "/home/jo/news/Samples").
  static func shortName(_ title: String) -> String {
    guard title.hasPrefix("/") else { return title }
    let last = (title as NSString).lastPathComponent
    return last.isEmpty ? title : last
  }

  static func articleFilter(_ filter: StoryFilter) -> ArticleFilter {
    var articleFilter = ArticleFilter()
    switch filter {
    case .all: break
    case .unread: articleFilter.unreadOnly = true
    case .starred: articleFilter.starredOnly = true
    case .tag(let tag): articleFilter.tag = tag
    case .feed(let id): articleFilter.subscriptionId = Int64(id) ?? -1
    }
    return articleFilter
  }

  func countStories(_ filter: StoryFilter) throws -> Int {
    try library.countEntries(Self.articleFilter(filter))
  }

  func stories(_ filter: StoryFilter, offset: Int, limit: Int, total: Int?) throws -> StoryPage {
    var articleFilter = Self.articleFilter(filter)
    articleFilter.offset = offset
    articleFilter.limit = limit
    articleFilter.total = total
    var page = StoryPage(stories: [])
    try library.forEachEntry(articleFilter) { entry in
      let id = String(entry.id)
      page.stories.append(
        ArticleSummary(
          id: id, headline: entry.headline, source: Self.source(of: entry), path: ReaderLibraryPath.path(of: id),
          published: entry.published))
      if entry.isRead { page.readIDs.append(id) }
      if entry.isStarred { page.starredIDs.append(id) }
    }
    return page
  }

  func position(of storyID: String, in filter: StoryFilter) throws -> Int? {
    guard let id = Int64(storyID) else { return nil }
    return try library.position(of: id, in: Self.articleFilter(filter))
  }

  func markAllRead(_ filter: StoryFilter) throws -> [String] {
    try library.markAllRead(Self.articleFilter(filter)).map { String($0) }
  }

  func open(_ story: ArticleSummary) throws -> (article: Article, paragraph: Int?) {
    guard let id = Int64(story.id) else { throw LibraryError.noSuchArticle(story.id) }
    var article = try library.article(id)
    article.path = story.path
    return (article, try library.readingPosition(id))
  }

  func mark(_ storyIDs: [String], _ mark: StoryMark) throws {
    let ids = storyIDs.compactMap { Int64($0) }
    let stored: Library.Mark =
      switch mark {
      case .read: .read
      case .unread: .unread
      case .star: .star
      case .unstar: .unstar
      }
    _ = try library.mark(ids, stored)
  }

  func search(_ query: String, limit: Int) throws -> [ArticleSummary] {
    do {
      return try library.search(query, limit: limit).map { hit in
        let id = String(hit.entry.id)
        return ArticleSummary(id: id, headline: hit.entry.headline, source: Self.source(of: hit.entry), path: ReaderLibraryPath.path(of: id), published: hit.entry.published)
      }
    } catch {
      throw LibrarySearchFailure(error.description)
    }
  }

  func sync(feedOf storyID: String?, progress: @escaping @Sendable (ReaderSyncProgress) -> Void) throws -> String {
    let subscriptions: [Subscription]
    if let storyID, let id = Int64(storyID) {
      subscriptions = [try library.subscription(ofArticle: id)]
    } else {
      subscriptions = try library.feeds().map(\.subscription)
    }
    let lock = try SyncLock(library: library) { progress(.waitingForAnotherSync) }
    defer { withExtendedLifetime(lock) {} }
    let tally = SyncTally()
    let report = library.syncBlocking(subscriptions, options: syncOptions) { event in
      if let counts = tally.add(event) { progress(.feeds(done: counts.done, total: counts.total, newStories: counts.new, failed: counts.failed)) }
    }
    var summary = SyncCommand.summary(report).split(separator: "\n").first.map(String.init) ?? "synced"
    if let failure = report.failures.first { summary += " (\(failure.subscription.displayTitle): \(failure.reasonAfterName ?? "failed"))" }
    // Behind the store stage, on the same thread (the new stories are listed already): the
    // pages of full-text feeds, then the analysis, which reads their text.
    _ = try library.fetchFullTextBlocking(progress: { state in progress(.fetchingFullText(done: state.done, total: state.total)) })
    _ = try analyse(progress: progress)
    return summary
  }

  func analyse(progress: @escaping @Sendable (ReaderSyncProgress) -> Void) throws -> String? {
    guard try !library.analysisProgress().isComplete else { return nil }
    let outcome = try library.analyse(progress: { state in
      progress(.analysing(analysed: state.analysed, covered: state.covered, total: state.total))
    })
    switch outcome {
    case .finished(let count): return "analysed \(ReaderState.grouped(count)) stories: quotes and search are complete"
    case .stopped(let count): return "analysed \(ReaderState.grouped(count)) stories"
    case .leftToAnother: return "another herald is analysing this library"
    }
  }

  func recordReading(_ storyID: String, paragraph: Int, read: Bool) throws {
    guard let id = Int64(storyID) else { return }
    try library.recordReading(id, paragraph: paragraph, markRead: read)
  }

}

/// Counts of a sync in progress, fed its events from the sync's tasks.
private final class SyncTally: @unchecked Sendable {
  private let lock = NSLock()
  private var total = 0
  private var done = 0
  private var new = 0
  private var failed = 0

  /// The counts after an event that changes them.
  func add(_ event: SyncEvent) -> (done: Int, total: Int, new: Int, failed: Int)? {
    lock.withLock {
      switch event {
      case .began(let count):
        total = count
      case .fetching:
        return nil
      case .finished(let result, let finished, let count):
        done = finished
        total = count
        if case .stored(let stored, _) = result.outcome { new += stored.new }
        if result.isFailure { failed += 1 }
      }
      return (done, total, new, failed)
    }
  }
}
