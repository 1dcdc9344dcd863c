import NewsKit

/// Work the reducer asks the program to do outside of it; its result comes back as a message.
public enum ReaderEffect: Sendable, Hashable {
  /// Read and parse this story off the input loop, then send `.articleLoaded` or
  /// `.articleFailed` naming the same request, so that a late answer for a story the reader
  /// has already left is dropped.
  case openArticle(ArticleSummary, request: Int)
  /// Repaint the whole terminal, not only what changed.
  case redrawAll
  /// Draw with the named theme from now on.
  case applyTheme(String)
  /// Keep in the library where the reader is in this story, and whether it is read.
  case recordReading(storyID: String, paragraph: Int, read: Bool)
  /// Keep a marking of library stories in the library.
  case mark([String], StoryMark)
  /// Open a web address with the user's browser, the terminal handed over while it runs.
  case openURL(String)
  /// Put text on the terminal's clipboard (OSC 52).
  case copyToClipboard(String)
  /// Search the library (ranked), then send `.librarySearchAnswered` with the same request.
  case searchLibrary(String, request: Int)
  /// Sync the library in the background (the feed of this story, or every feed), sending
  /// `.syncProgressed` as it goes and `.syncFinished` at the end.
  case syncLibrary(feedOf: String?)
  /// List the library's stories of this filter again, then send `.storiesReplaced`.
  case reloadStories(StoryFilter)
  /// List the stories of a feed, tag or virtual feed, then send `.storiesListed`.
  case listStories(StoryFilter, request: Int)
  /// Count who is quoted in a filter's stories, then send `.speakersListed`.
  case listSpeakers(StoryFilter, request: Int)
  /// List one speaker's quotes, then send `.quotesListed`.
  case listQuotes(speaker: String, StoryFilter, request: Int)
}

/// A change of a story's read or star state.
public enum StoryMark: String, Sendable, Hashable {
  case read, unread, star, unstar

  /// The marking that undoes this one.
  public var inverse: StoryMark {
    switch self {
    case .read: return .unread
    case .unread: return .read
    case .star: return .unstar
    case .unstar: return .star
    }
  }
}

/// Everything that can change the reader's state: input, and results of effects or loading.
public enum ReaderMessage: Sendable {
  case input(InputEvent)
  case action(Action)
  /// Stories listed, with the ids of those already read (library stories).
  case storiesLoaded([ArticleSummary], skipped: Int, done: Bool, read: [String] = [], starred: [String] = [])
  /// The answer to `openArticle` with this request number; `resumeAt` is the paragraph the
  /// reader left it at, for a library story read before.
  case articleLoaded(Article, request: Int, resumeAt: Int? = nil)
  case articleFailed(ArticleSummary, String, request: Int)
  /// An effect that answers nothing (keeping the reading state) failed: said in the status bar.
  case effectFailed(String)
  /// The time, now and then (seconds since 1970), for what waits: marking read after a delay,
  /// syncing every so often.
  case tick(Double)
  case syncProgressed(ReaderSyncProgress)
  /// A sync ended: its summary, or why it could not run.
  case syncFinished(String)
  /// The library's stories listed again (after a sync), with their read and starred ids.
  case storiesReplaced([ArticleSummary], read: [String], starred: [String], filter: StoryFilter)
  /// The library's feeds with their counts (at start, after a sync, after marks).
  case feedsListed([ReaderFeed])
  case speakersListed([SpeakerTally], request: Int)
  case quotesListed([SpokenQuote], request: Int)
  /// The answer to `listStories`.
  case storiesListed([ArticleSummary], read: [String], starred: [String], request: Int)
  /// The answer to `searchLibrary`: the hits, best first, or why the query failed.
  case librarySearchAnswered(Result<[ArticleSummary], LibrarySearchFailure>, request: Int)
}

/// Why a library search found nothing to show (a malformed query, a database error).
public struct LibrarySearchFailure: Error, Sendable, Hashable {
  public var message: String

  public init(_ message: String) {
    self.message = message
  }
}
