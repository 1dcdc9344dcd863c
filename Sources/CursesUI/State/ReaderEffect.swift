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
}

/// Everything that can change the reader's state: input, and results of effects or loading.
public enum ReaderMessage: Sendable {
  case input(InputEvent)
  case action(Action)
  case storiesLoaded([ArticleSummary], skipped: Int, done: Bool)
  /// The answer to `openArticle` with this request number.
  case articleLoaded(Article, request: Int)
  case articleFailed(ArticleSummary, String, request: Int)
}
