import NewsKit

/// Work the reducer asks the program to do outside of it; its result comes back as a message.
public enum ReaderEffect: Sendable, Hashable {
  /// Read and parse this story, then send `.articleLoaded` or `.articleFailed`.
  case openArticle(ArticleSummary)
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
  case articleLoaded(Article)
  case articleFailed(ArticleSummary, String)
}
