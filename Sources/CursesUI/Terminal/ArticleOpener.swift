import NewsKit

/// Carries out `openArticle`: a library story from the library (with where the reader left
/// it), a feed item kept while listing from memory, anything else from its file. Runs on the
/// effect worker, never on the input loop.
public struct ArticleOpener: Sendable {
  public let store: ArticleStore
  public let library: (any ReaderLibrary)?

  public init(store: ArticleStore = ArticleStore(), library: (any ReaderLibrary)? = nil) {
    self.store = store
    self.library = library
  }

  public func open(_ summary: ArticleSummary, request: Int) -> ReaderMessage {
    do {
      if let library, summary.isFromLibrary {
        let (article, paragraph) = try library.open(summary)
        return .articleLoaded(article, request: request, resumeAt: paragraph)
      }
      if let stored = store.article(for: summary) { return .articleLoaded(stored, request: request) }
      return .articleLoaded(try ArticleCollection.open(path: summary.path), request: request)
    } catch let error as LoadError {
      return .articleFailed(summary, error.description, request: request)
    } catch {
      return .articleFailed(summary, String(describing: error), request: request)
    }
  }
}
