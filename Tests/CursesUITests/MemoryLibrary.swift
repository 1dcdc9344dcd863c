import Foundation
import NewsKit
import Testing

@testable import CursesUI

/// A library in memory: the stories given, reading positions and marks kept in dictionaries.
final class MemoryLibrary: ReaderLibrary, @unchecked Sendable {
  // Mutable test settings (arriving, syncDelay) are set before the reader runs.
  private let lock = NSLock()
  private var positions: [String: Int] = [:]
  let articles: [Article]

  init(_ articles: [Article]) {
    self.articles = articles.enumerated().map { index, article in
      var stored = article
      stored.id = String(index + 1)
      stored.path = ReaderLibraryPath.path(of: stored.id)
      return stored
    }
  }

  var recorded: [String: Int] { lock.withLock { positions } }

  private var marks: [String: Set<StoryMark>] = [:]

  var markings: [String: Set<StoryMark>] { lock.withLock { marks } }

  /// The feeds the pane shows; stories belong to feed "1" unless `feedOfStory` says otherwise.
  var feedList: [ReaderFeed] = [ReaderFeed(id: "1", title: "Wire", unread: 0, total: 0)]
  var feedOfStory: [String: String] = [:]

  /// When set, the one feed's unread count is the stories not marked read (else `feedList`).
  var countsMarks = false
  /// Called with every marking before it is kept (a test can hold a write there).
  var beforeMark: (([String]) -> Void)?

  func feeds() throws -> [ReaderFeed] {
    guard countsMarks else { return feedList }
    let read = lock.withLock { marks.filter { $0.value.contains(.read) }.count }
    return [ReaderFeed(id: "1", title: "Wire", unread: articles.count - read, total: articles.count)]
  }

  func speakers(_ filter: StoryFilter) throws -> [SpeakerTally] {
    let counts = Dictionary(grouping: articles.flatMap(\.quotes).compactMap(\.speakerName), by: { $0 }).mapValues(\.count)
    return counts.map { SpeakerTally(speaker: $0.key, quotes: $0.value) }
      .sorted { ($0.quotes, $1.speaker) > ($1.quotes, $0.speaker) }
  }

  func quotes(of speaker: String, _ filter: StoryFilter) throws -> [SpokenQuote] {
    articles.flatMap { article in
      article.quotes.filter { $0.speakerName == speaker }.map { SpokenQuote(story: article.summary, text: $0.text, start: $0.start) }
    }
  }

  /// A filter's stories newest first (synced ones, then the given ones), with the read and
  /// starred among them.
  private func listing(_ filter: StoryFilter) -> (stories: [ArticleSummary], read: Set<String>, starred: Set<String>) {
    if case .feed(let id) = filter {
      return (articles.filter { (feedOfStory[$0.id] ?? "1") == id }.map(\.summary), [], [])
    }
    return lock.withLock {
      let read = Set(positions.keys).union(marks.filter { $0.value.contains(.read) }.map(\.key))
      let starred = Set(marks.filter { $0.value.contains(.star) }.map(\.key))
      return (synced.map(\.summary) + articles.map(\.summary), read, starred)
    }
  }

  /// Pages asked for, as (filter, offset, the total the asker gave).
  var pagesAsked: [(StoryFilter, Int, Int?)] { lock.withLock { asked } }
  private var asked: [(StoryFilter, Int, Int?)] = []

  func countStories(_ filter: StoryFilter) throws -> Int { listing(filter).stories.count }

  func stories(_ filter: StoryFilter, offset: Int, limit: Int, total: Int?) throws -> StoryPage {
    lock.withLock { asked.append((filter, offset, total)) }
    let (all, read, starred) = listing(filter)
    let page = Array(all.dropFirst(offset).prefix(limit))
    return StoryPage(stories: page, readIDs: page.map(\.id).filter(read.contains), starredIDs: page.map(\.id).filter(starred.contains))
  }

  func position(of storyID: String, in filter: StoryFilter) throws -> Int? {
    listing(filter).stories.firstIndex { $0.id == storyID }
  }

  func markAllRead(_ filter: StoryFilter) throws -> [String] {
    let (all, read, _) = listing(filter)
    let ids = all.map(\.id).filter { !read.contains($0) }
    try mark(ids, .read)
    return ids
  }

  /// Stories a sync brings, and how long it takes.
  var arriving: [Article] = []
  var syncDelay: Double = 0
  private var synced: [Article] = []

  /// What `analyse` reports: nothing waits unless a test says so.
  var analysisSteps: [ReaderSyncProgress] = []

  func analyse(progress: @escaping @Sendable (ReaderSyncProgress) -> Void) throws -> String? {
    guard !analysisSteps.isEmpty else { return nil }
    for step in analysisSteps { progress(step) }
    return "analysed"
  }

  func sync(feedOf storyID: String?, progress: @escaping @Sendable (ReaderSyncProgress) -> Void) throws -> String {
    progress(.feeds(done: 0, total: 1, newStories: 0, failed: 0))
    Thread.sleep(forTimeInterval: syncDelay)
    let arrived = lock.withLock {
      synced = arriving.enumerated().map { index, article in
        var stored = article
        stored.id = "new\(index)"
        stored.path = ReaderLibraryPath.path(of: stored.id)
        return stored
      }
      return synced.count
    }
    progress(.feeds(done: 1, total: 1, newStories: arrived, failed: 0))
    return "synced 1 feed: \(arrived) new articles"
  }

  func search(_ query: String, limit: Int) throws -> [ArticleSummary] {
    if query.hasPrefix("\"") && !query.dropFirst().contains("\"") { throw LibrarySearchFailure("a quotation mark is not closed") }
    let word = query.lowercased()
    return articles.filter { article in
      article.paragraphs.contains { $0.lowercased().contains(word) } || article.headline.lowercased().contains(word)
    }.map(\.summary)
  }

  func mark(_ storyIDs: [String], _ mark: StoryMark) throws {
    beforeMark?(storyIDs)
    lock.withLock {
      for id in storyIDs {
        marks[id, default: []].remove(mark.inverse)
        marks[id, default: []].insert(mark)
      }
    }
  }

  func open(_ story: ArticleSummary) throws -> (article: Article, paragraph: Int?) {
    guard let article = (articles + lock.withLock { synced }).first(where: { $0.id == story.id }) else { throw LoadError(path: story.path, reason: .notFound) }
    return (article, lock.withLock { positions[story.id] })
  }

  func recordReading(_ storyID: String, paragraph: Int, read: Bool) throws {
    lock.withLock { positions[storyID] = paragraph }
  }
}

extension ReaderProgram.Setup {
  /// A reader on a library with the defaults and no theme, for program-loop tests.
  static func plain(library: MemoryLibrary) -> ReaderProgram.Setup {
    ReaderProgram.Setup(
      paths: [], config: ReaderConfig(), catalog: ThemeCatalog(bundled: nil, user: nil),
      theme: Theme(name: "plain", styles: [:]), environment: [:], library: library)
  }
}
