import Synchronization

/// Articles already parsed whole while listing (every item of a feed is), kept so that opening
/// one does not read or fetch its feed again. Keyed by path and id.
public final class ArticleStore: Sendable {
  public static let shared = ArticleStore()

  private let articles = Mutex<[String: Article]>([:])

  public init() {}

  public func keep(_ batch: [Article]) {
    articles.withLock { stored in
      for article in batch { stored[Self.key(article.path ?? "", article.id)] = article }
    }
  }

  public func article(for summary: ArticleSummary) -> Article? {
    articles.withLock { $0[Self.key(summary.path, summary.id)] }
  }

  private static func key(_ path: String, _ id: String) -> String { path + "\u{0}" + id }
}
