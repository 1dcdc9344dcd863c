import NewsKit

/// The reader's settings from `config.toml`, each with its default.
public struct ReaderConfig: Sendable {
  /// A theme name or a path to a theme file; nil means `default` (or `mono` under NO_COLOR).
  public var theme: String?
  public var keymap: Keymap = .standard
  /// The list's share of a side-by-side screen, in percent (10–90).
  public var listPercent = 33
  /// The widest a line of article text gets, in columns (20–400).
  public var readingWidth = 80
  /// Blank lines between paragraphs (0–3).
  public var paragraphSpacing = 1
  /// What `herald` opens when given no path.
  public var collections: [String] = []
  /// `[library] keep`: how many articles each feed keeps (nil: all).
  public var keep: Retention?
  /// `[library.keep_feed]`: the same for one feed, by its URL, path or title.
  public var keepPerFeed: [String: Retention] = [:]
  /// `[library] full_text`: feeds (by URL, path or title) whose items' web pages are fetched.
  public var fullTextFeeds: [String] = []
  /// `[library] refresh`: minutes between syncs while the reader runs (nil: none).
  public var refreshMinutes: Int?
  /// `[library] mark_read` and `mark_read_after`: seconds an opened story stays open before
  /// it counts as read (0: at once; nil: never, only `u` marks it).
  public var markReadAfter: Int? = 0

  public init() {}

  static let listPercentRange = 10...90
  static let readingWidthRange = 20...400
  static let paragraphSpacingRange = 0...3
}
