import NewsKit

/// The whole state of the reader: a plain value that `reduce` changes and views draw.
public struct ReaderState: Sendable {
  public enum Pane: Sendable, Hashable { case feeds, list, article }

  /// An article being read: its text, its wrapped layout and where the reader is in it.
  public struct Reading: Sendable {
    public var article: Article
    public var layout: ArticleLayout
    public var paragraph: Int = 0
    public var scroll: Int = 0
    public var quote: Int?
    /// The story's other text, which `f` swaps in: the feed's while its page's full text is
    /// shown, the page's while the feed's is (a full-text feed's story in the library).
    public var otherVersion: Article?
    /// Whether the text shown is the story's web page's.
    public var showsFullText = false
  }

  /// A search in the open article: the query and its matches.
  public struct Search: Sendable, Hashable {
    public var query: String
    public var editing: Bool
    public var matches: [ArticleSearch.Match] = []
    public var current: Int?
  }

  /// The headline list's stories: all held (paths, search hits) or paged from the library.
  public var stories = StoryList()
  public var list = ListState()
  public var focus: Pane = .list
  /// In a narrow terminal, whether the article fills the screen instead of the list.
  public var articleAlone = false
  public var reading: Reading?
  /// The last `openArticle` request made, and the one whose answer is awaited (nil when none
  /// is): answers to earlier requests are dropped.
  public var openRequests = 0
  public var awaitedOpen: Int?
  /// Keys typed for the article before it arrived, applied when it does.
  public var keysAwaitingArticle: [Key] = []
  /// A count typed before an action (the 3 of `3o`).
  public var count: Int?
  /// The reading position last sent to the library, so that only changes are sent.
  public var recorded: RecordedPosition?
  /// The story opened for reading (not only previewed beside the list): its position is kept.
  public var openedStoryID: String?
  /// Seconds an opened story stays open before it counts as read (0: at once; nil: never,
  /// only `u` marks it), and the story waiting for that.
  public var markReadAfter: Double? = 0
  public var pendingRead: PendingRead?
  /// Minutes between syncs while the reader runs (nil: none), and when the last one started.
  public var refreshEvery: Double?
  public var lastRefresh: Double?
  /// The time of the last tick.
  public var now: Double?
  public var search: Search?
  /// A search of the whole library, typed in the list: its query and, once answered, the list
  /// it replaced (restored by Esc).
  public var librarySearch: LibrarySearch?
  /// Whether the stories come from a library (searching the list then searches it).
  public var isLibrary = false
  public var searchRequests = 0
  /// A sync running in the background, as the status bar tells it (nil when none runs).
  public var syncStatus: String?
  /// While analysis runs: stories covered by search and "who said what", of all.
  public var analysisCoverage: (covered: Int, total: Int)?
  /// The library's feeds, the tags whose folders are open, the pane's selection, and which
  /// stories the list shows (with the listing awaited for it).
  public var feeds: [ReaderFeed] = [] {
    didSet { feedRows = FeedRow.rows(for: feeds, openTags: openTags) }
  }
  public var openTags: Set<String> = [] {
    didSet { feedRows = FeedRow.rows(for: feeds, openTags: openTags) }
  }
  /// The feeds pane's rows, made again only when the feeds or the open folders change (not
  /// for every frame and key).
  public private(set) var feedRows: [FeedRow] = []
  public var feedList = ListState()
  public var filter: StoryFilter = .all
  public var storyListings = 0
  public var awaitedListing: Int?
  /// A listing asked for again after a sync: it keeps the selected story selected.
  public var awaitedReload: Int?
  /// The speakers view, when open.
  public var speakersView: SpeakersView?
  public var speakerRequests = 0
  /// The quote to make current once the article asked for arrives (from the speakers view).
  public var quoteToShow: TextPosition?
  public var readIDs: Set<String> = []
  public var starredIDs: Set<String> = []
  /// Markings that `undo` takes back, the latest last.
  public var undoStack: [MarkChange] = []
  public var helpVisible = false
  /// The help overlay's first row shown, when its keys are more than the screen holds.
  public var helpScroll = 0
  public var width: Int
  public var height: Int
  public var readingWidth = 80
  public var paragraphSpacing = 1
  /// The list's share of a side-by-side screen, in percent.
  public var listPercent = 33
  /// The themes `t` cycles through, and the one in use.
  public var themeNames: [String] = []
  public var themeName = "default"
  /// The keys in use: what `update` acts on unless given another, and what the help shows.
  public var keymap: Keymap = .standard
  public var loadedAll = false
  public var skippedFiles = 0
  /// A one-line notice for the status bar, cleared by the next key.
  public var notice: String?
  /// The last full-text fetch asked for, and the one whose answer is awaited (for the story open
  /// then; nil once answered or overtaken).
  public var fullTextRequests = 0
  public var awaitedFullText: (request: Int, storyID: String, host: String)?
  public var quitting = false

  public init(width: Int, height: Int, stories: [ArticleSummary] = []) {
    self.width = max(0, width)
    self.height = max(0, height)
    self.stories = StoryList(stories)
  }

  public var layout: ScreenLayout {
    ScreenLayout(
      width: width, height: height, showArticleAlone: articleAlone, listPercent: listPercent, feedsPlacement: feedsPlacement)
  }

  /// The feeds pane is a library's: beside the others on a wide terminal, else in the list's
  /// place while it has the focus.
  public var feedsPlacement: ScreenLayout.FeedsPlacement {
    guard isLibrary else { return .hidden }
    if width >= ScreenLayout.threePaneWidth { return .beside }
    return focus == .feeds ? .insteadOfList : .hidden
  }

  public var feedsHeight: Int { layout.feeds?.height ?? max(0, height - 1) }

  public var isSideBySide: Bool { ScreenLayout.isSideBySide(width: width) }

  public var listHeight: Int { layout.list?.height ?? max(0, height - 1) }

  public var articleGeometry: ArticleGeometry {
    let pane = layout.article ?? Rect(x: 0, y: 0, width: width, height: max(0, height - 1))
    return ArticleGeometry(pane: pane, readingWidth: readingWidth)
  }

  public var selectedStory: ArticleSummary? {
    stories.story(at: list.selected)
  }

  /// Whether the article pane is on screen.
  public var articleVisible: Bool { layout.article != nil }
}

/// A story, the paragraph the reader is at in it, and whether it is read.
public struct RecordedPosition: Sendable, Hashable {
  public var storyID: String
  public var paragraph: Int
  public var read: Bool
}

/// A story opened and waiting to count as read.
public struct PendingRead: Sendable, Hashable {
  public var storyID: String
  public var since: Double?
}

/// Markings to undo: applying `mark` to `ids` restores what was before.
public struct MarkChange: Sendable, Hashable {
  public var ids: [String]
  public var mark: StoryMark
}

/// A search of the library from the headline list.
public struct LibrarySearch: Sendable {
  public var query: String
  public var editing: Bool
  public var request: Int?
  /// The list before the hits replaced it, and its selection.
  public var previous: (stories: StoryList, selected: Int)?
}

/// "Who said what": the speakers of the current view, most quoted first, or one speaker's
/// quotes with their headlines.
public struct SpeakersView: Sendable {
  public enum Content: Sendable {
    case loading
    case speakers([SpeakerTally])
    case quotes(speaker: String, [SpokenQuote])
  }

  public var content: Content
  public var list = ListState()
  public var request: Int
  /// The speaker whose quotes were asked for.
  public var asked: String?
  /// The speakers list to go back to from one speaker's quotes.
  public var speakersBefore: (tallies: [SpeakerTally], list: ListState)?

  public var count: Int {
    switch content {
    case .loading: return 0
    case .speakers(let tallies): return tallies.count
    case .quotes(_, let quotes): return quotes.count
    }
  }
}
