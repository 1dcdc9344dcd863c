import NewsKit

/// A store the reader reads stories from and keeps its reading state in: the library, in
/// `herald` (CursesUI knows nothing of SQLite). Every call runs off the input loop. Its stories
/// have paths that start with `library:`.
public protocol ReaderLibrary: Sendable {
  /// How many stories a filter selects.
  func countStories(_ filter: StoryFilter) throws -> Int
  /// A filter's stories newest first from `offset`, at most `limit` of them, with which of
  /// them are read and starred. `total`, when known, is how many the filter selects.
  func stories(_ filter: StoryFilter, offset: Int, limit: Int, total: Int?) throws -> StoryPage
  /// Where a story sits in a filter's order, or nil when the filter does not select it.
  func position(of storyID: String, in filter: StoryFilter) throws -> Int?
  /// Marks every unread story of a filter read; returns their ids (for undo).
  func markAllRead(_ filter: StoryFilter) throws -> [String]
  /// The subscriptions with their unread and total counts, tags and last errors.
  func feeds() throws -> [ReaderFeed]
  /// Who is quoted in a filter's stories, most quoted first.
  func speakers(_ filter: StoryFilter) throws -> [SpeakerTally]
  /// One speaker's quotes in a filter's stories, newest stories first.
  func quotes(of speaker: String, _ filter: StoryFilter) throws -> [SpokenQuote]
  /// One story in full, and the paragraph the reader was at when last reading it.
  func open(_ story: ArticleSummary) throws -> (article: Article, paragraph: Int?)
  /// Keeps where the reader is in a story, and marks it read when `read` says so.
  func recordReading(_ storyID: String, paragraph: Int, read: Bool) throws
  /// Marks stories read, unread, starred or not.
  func mark(_ storyIDs: [String], _ mark: StoryMark) throws
  /// The stories that match a query, best first; a query that cannot be read throws a
  /// `LibrarySearchFailure` saying why.
  func search(_ query: String, limit: Int) throws -> [ArticleSummary]
  /// Syncs the feed a story came from (every feed when nil), reporting as it goes; returns a
  /// one-line summary.
  func sync(feedOf storyID: String?, progress: @escaping @Sendable (ReaderSyncProgress) -> Void) throws -> String
  /// Analyses what waits for analysis; its summary, or nil when nothing waited.
  func analyse(progress: @escaping @Sendable (ReaderSyncProgress) -> Void) throws -> String?
}

/// Some of a filter's stories, and which of them are read and starred.
public struct StoryPage: Sendable, Hashable {
  public var stories: [ArticleSummary]
  public var readIDs: [String]
  public var starredIDs: [String]

  public init(stories: [ArticleSummary], readIDs: [String] = [], starredIDs: [String] = []) {
    self.stories = stories
    self.readIDs = readIDs
    self.starredIDs = starredIDs
  }
}

/// How a sync started from the reader is going.
public enum ReaderSyncProgress: Sendable, Hashable {
  /// Another process is syncing this library; this one waits for it.
  case waitingForAnotherSync
  case feeds(done: Int, total: Int, newStories: Int, failed: Int)
  /// The second stage: stories analysed by today's rules, and covered by search and "who
  /// said what" (by any rules'), of all.
  case analysing(analysed: Int, covered: Int, total: Int)
  /// Between the two: the web pages of full-text feeds' new stories.
  case fetchingFullText(done: Int, total: Int)
}

extension ArticleSummary {
  /// Whether the story comes from a `ReaderLibrary` (its reading state is kept).
  public var isFromLibrary: Bool { path.hasPrefix(ReaderLibraryPath.prefix) }
}

public enum ReaderLibraryPath {
  public static let prefix = "library:"

  public static func path(of id: String) -> String { prefix + id }
}
