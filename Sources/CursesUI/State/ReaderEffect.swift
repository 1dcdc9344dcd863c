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
  /// Analyse the library's stories stored without their quotes and search words (a sync's
  /// second stage, left over by `herald sync --no-analyse`, a stopped analysis or an upgrade)
  /// in the background, sending `.syncProgressed(.analysing …)` as it goes and
  /// `.syncFinished` at the end; nothing when there is nothing to do.
  case analyseLibrary
  /// Count the stories of a feed, tag or virtual feed and fetch their first page, then send
  /// `.storiesListed`.
  case listStories(StoryFilter, request: Int)
  /// List a filter's stories again once the marks sent so far are written (after a sync),
  /// with the page that holds `keeping`, then send `.storiesListed`.
  case reloadStories(StoryFilter, request: Int, keeping: String?)
  /// Fetch one page of a listing, then send `.storyPageLoaded`.
  case loadStoryPage(StoryList.Source, page: Int)
  /// Mark every unread story of a filter read in the library, then send `.allMarkedRead`.
  case markAllRead(StoryFilter)
  /// Count who is quoted in a filter's stories, then send `.speakersListed`.
  case listSpeakers(StoryFilter, request: Int)
  /// List one speaker's quotes, then send `.quotesListed`.
  case listQuotes(speaker: String, StoryFilter, request: Int)
  /// Fetch the story's web page and extract its article, off the loop, then send
  /// `.fullTextLoaded` or `.fullTextFailed` with this request number.
  case fetchFullText(url: String, request: Int)
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
  /// The reader has started: a library's lists its stories.
  case started
  /// Stories listed whole (from paths), with the ids of those already read or starred when known.
  case storiesLoaded([ArticleSummary], skipped: Int, done: Bool, read: [String] = [], starred: [String] = [])
  /// The answer to `openArticle` with this request number; `resumeAt` is the paragraph the
  /// reader left it at, for a library story read before.
  /// `layout` is the article already wrapped off the loop, for the width asked for then.
  case articleLoaded(Article, request: Int, resumeAt: Int? = nil, layout: ArticleLayout? = nil)
  case articleFailed(ArticleSummary, String, request: Int)
  /// An effect that answers nothing (keeping the reading state) failed: said in the status bar.
  case effectFailed(String)
  /// The time, now and then (seconds since 1970), for what waits: marking read after a delay,
  /// syncing every so often.
  case tick(Double)
  case syncProgressed(ReaderSyncProgress)
  /// A sync ended: its summary, or why it could not run.
  case syncFinished(String)
  /// The library's feeds with their counts (at start, after a sync, after marks).
  case feedsListed([ReaderFeed])
  case speakersListed([SpeakerTally], request: Int)
  case quotesListed([SpokenQuote], request: Int)
  /// The answer to `listStories` and `reloadStories`.
  case storiesListed(StoryListing)
  /// The answer to `loadStoryPage`.
  case storyPageLoaded(StoryList.Source, page: Int, StoryPage)
  /// The answer to `markAllRead`: the stories it marked.
  case allMarkedRead([String], StoryFilter)
  /// The answer to `searchLibrary`: the hits, best first, or why the query failed.
  case librarySearchAnswered(Result<[ArticleSummary], LibrarySearchFailure>, request: Int)
  /// The answer to `fetchFullText`: the page's article, or why there was none.
  case fullTextLoaded(Article, request: Int)
  case fullTextFailed(String, request: Int)
}

/// Why a library search found nothing to show (a malformed query, a database error).
public struct LibrarySearchFailure: Error, Sendable, Hashable {
  public var message: String

  public init(_ message: String) {
    self.message = message
  }
}

/// A filter's stories counted, with one page of them: the page that holds the story asked to
/// be kept (after a sync), else the first.
public struct StoryListing: Sendable, Hashable {
  public var request: Int
  public var filter: StoryFilter
  public var count: Int
  public var page: Int
  public var stories: StoryPage
  /// Where the story asked to be kept is now, when the filter still selects it.
  public var keptAt: Int?

  public init(request: Int, filter: StoryFilter, count: Int, page: Int, stories: StoryPage, keptAt: Int? = nil) {
    self.request = request
    self.filter = filter
    self.count = count
    self.page = page
    self.stories = stories
    self.keptAt = keptAt
  }
}
