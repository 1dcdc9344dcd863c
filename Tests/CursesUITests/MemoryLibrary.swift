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

  func feeds() throws -> [ReaderFeed] { feedList }

  func speakers(_ filter: StoryFilter) throws -> [SpeakerTally] {
    let counts = Dictionary(grouping: articles.flatMap(\.quotes).compactMap(\.speaker), by: { $0 }).mapValues(\.count)
    return counts.map { SpeakerTally(speaker: $0.key, quotes: $0.value) }
      .sorted { ($0.quotes, $1.speaker) > ($1.quotes, $0.speaker) }
  }

  func quotes(of speaker: String, _ filter: StoryFilter) throws -> [SpokenQuote] {
    articles.flatMap { article in
      article.quotes.filter { $0.speaker == speaker }.map { SpokenQuote(story: article.summary, text: $0.text, start: $0.start) }
    }
  }

  func listStories(_ filter: StoryFilter, _ deliver: ([ArticleSummary], [String], [String]) -> Void) throws {
    if case .feed(let id) = filter {
      deliver(articles.filter { (feedOfStory[$0.id] ?? "1") == id }.map(\.summary), [], [])
      return
    }
    let (read, starred) = lock.withLock {
      (Array(positions.keys) + marks.filter { $0.value.contains(.read) }.map(\.key),
       marks.filter { $0.value.contains(.star) }.map(\.key))
    }
    deliver(lock.withLock { synced }.map(\.summary) + articles.map(\.summary), read, starred)
  }

  /// Stories a sync brings, and how long it takes.
  var arriving: [Article] = []
  var syncDelay: Double = 0
  private var synced: [Article] = []

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
