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

  /// How to wrap an opened article before handing it over: the width of the article pane's
  /// text and the spacing between paragraphs when it was asked for.
  public struct Wrapping: Sendable, Hashable {
    public var width: Int
    public var paragraphSpacing: Int
  }

  public func open(_ summary: ArticleSummary, request: Int, wrapping: Wrapping? = nil) -> ReaderMessage {
    func loaded(_ opened: Article, resumeAt: Int? = nil) -> ReaderMessage {
      // An article that names no source is shown under the one its row showed: its
      // collection's or its feed's name ("Unknown source" only where the row had none).
      var article = opened
      if article.source == nil { article.source = summary.source }
      // Wrapping a long article takes milliseconds: done here, it does not hold up a key.
      let layout = wrapping.map { ArticleLayout(article: article, width: $0.width, paragraphSpacing: $0.paragraphSpacing) }
      return .articleLoaded(article, request: request, resumeAt: resumeAt, layout: layout)
    }
    do {
      if let library, summary.isFromLibrary {
        let (article, paragraph) = try library.open(summary)
        return loaded(article, resumeAt: paragraph)
      }
      if let stored = store.article(for: summary) { return loaded(stored) }
      return loaded(try ArticleCollection.open(path: summary.path))
    } catch let error as LoadError {
      return .articleFailed(summary, error.description, request: request)
    } catch {
      return .articleFailed(summary, String(describing: error), request: request)
    }
  }
}
