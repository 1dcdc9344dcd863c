import Synchronization

/// Feed items seen while listing, kept as the feed gave them so that opening one builds its
/// article without reading or fetching the feed again; and the articles a URL answered with
/// whole (a web page, a plain-text article), which have no file to be read again from. Keyed
/// by path and id. Whoever lists
/// and opens (the reader's program) owns one and passes it to both.
public final class ArticleStore: Sendable {
  private let items = Mutex<[String: FeedItem]>([:])
  private let whole = Mutex<[String: Article]>([:])

  public init() {}

  public func keep(_ batch: [FeedItem]) {
    items.withLock { stored in
      for item in batch { stored[Self.key(item.location, item.id)] = item }
    }
  }

  public func keep(articles: [Article]) {
    whole.withLock { stored in
      for article in articles { stored[Self.key(article.path ?? "", article.id)] = article }
    }
  }

  public func article(for summary: ArticleSummary) -> Article? {
    let key = Self.key(summary.path, summary.id)
    if let article = whole.withLock({ $0[key] }) { return article }
    return items.withLock { $0[key] }?.article()
  }

  private static func key(_ path: String, _ id: String) -> String { path + "\u{0}" + id }
}
