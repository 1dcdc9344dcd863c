import NewsKit

/// Carries out `openArticle`: a feed item kept while listing is built from memory, anything
/// else is read from its file. Runs on the effect worker, never on the input loop.
public struct ArticleOpener: Sendable {
  public let store: ArticleStore

  public init(store: ArticleStore = ArticleStore()) {
    self.store = store
  }

  public func open(_ summary: ArticleSummary, request: Int) -> ReaderMessage {
    if let stored = store.article(for: summary) { return .articleLoaded(stored, request: request) }
    do {
      return .articleLoaded(try ArticleCollection.open(path: summary.path), request: request)
    } catch {
      return .articleFailed(summary, error.description, request: request)
    }
  }
}
