import NewsKit

/// A store the reader reads stories from and keeps its reading state in: the library, in
/// `herald` (CursesUI knows nothing of SQLite). Every call runs off the input loop. Its stories
/// have paths that start with `library:`.
public protocol ReaderLibrary: Sendable {
  /// The stories of a filter newest first, a batch at a time, each batch with the ids of its
  /// read and its starred ones.
  func listStories(
    _ filter: StoryFilter, _ deliver: (_ stories: [ArticleSummary], _ readIDs: [String], _ starredIDs: [String]) -> Void
  ) throws
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
}

/// How a sync started from the reader is going.
public enum ReaderSyncProgress: Sendable, Hashable {
  /// Another process is syncing this library; this one waits for it.
  case waitingForAnotherSync
  case feeds(done: Int, total: Int, newStories: Int, failed: Int)
}

extension ArticleSummary {
  /// Whether the story comes from a `ReaderLibrary` (its reading state is kept).
  public var isFromLibrary: Bool { path.hasPrefix(ReaderLibraryPath.prefix) }
}

public enum ReaderLibraryPath {
  public static let prefix = "library:"

  public static func path(of id: String) -> String { prefix + id }
}
