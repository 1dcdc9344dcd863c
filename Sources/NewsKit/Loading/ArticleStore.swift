import Synchronization

/// Feed items seen while listing, kept as the feed gave them so that opening one builds its
/// article without reading or fetching the feed again. Keyed by path and id. Whoever lists
/// and opens (the reader's program) owns one and passes it to both.
public final class ArticleStore: Sendable {
  private let items = Mutex<[String: FeedItem]>([:])

  public init() {}

  public func keep(_ batch: [FeedItem]) {
    items.withLock { stored in
      for item in batch { stored[Self.key(item.location, item.id)] = item }
    }
  }

  public func article(for summary: ArticleSummary) -> Article? {
    items.withLock { $0[Self.key(summary.path, summary.id)] }?.article()
  }

  private static func key(_ path: String, _ id: String) -> String { path + "\u{0}" + id }
}
