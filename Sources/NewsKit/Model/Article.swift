import Foundation

/// One news story, fully parsed: what the reader and `herald show` display.
public struct Article: Sendable, Hashable {
  /// Stable identity: the same file content always gives the same id (see `ArticleID`).
  public var id: String
  public var headline: String
  /// The outlet, from a `Source:` line or a feed; nil when the text names none.
  public var source: String?
  public var link: String?
  public var author: String?
  public var published: Date?
  /// When a feed last changed the item.
  public var updated: Date?
  /// Body paragraphs, each a single line of text (hard-wrapped lines already joined).
  public var paragraphs: [String]
  /// Quotations found in `paragraphs`, in reading order.
  public var quotes: [Quote]
  /// Where the article was read from: a file, a feed file or a feed's URL.
  public var path: String?
  /// The numbered links of a feed item's body (`[n]` in the text), then its enclosures.
  public var links: [String] = []
  /// Files attached to a feed item: podcasts, images.
  public var enclosures: [Enclosure] = []
  /// Runs of paragraphs that were a blockquote in the feed's HTML: each is a quote of its own
  /// (`ArticleAnalysis`), kept so that an article stored before it was analysed gets them.
  public var blockquotes: [ClosedRange<Int>] = []
  /// For an article whose text is its web page's (a full-text feed): the feed's own paragraphs.
  public var feedSummary: [String]?

  public init(
    id: String, headline: String, source: String? = nil, link: String? = nil, author: String? = nil,
    published: Date? = nil, paragraphs: [String], quotes: [Quote] = [], path: String? = nil
  ) {
    self.id = id
    self.headline = headline
    self.source = source
    self.link = link
    self.author = author
    self.published = published
    self.paragraphs = paragraphs
    self.quotes = quotes
    self.path = path
  }

  /// What the headline list shows for this article.
  public var summary: ArticleSummary {
    ArticleSummary(id: id, headline: headline, source: source, path: path ?? "", published: published)
  }
}
