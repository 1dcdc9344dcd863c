import Foundation
import NewsKit

/// Runs the reader on a terminal: lists the paths in the background, shows the first screen at
/// once, and applies input to the state until the user quits or a signal arrives.
public enum ReaderProgram {
  /// What the reader starts with.
  public struct Setup: Sendable {
    public var paths: [String]
    public var config: ReaderConfig
    public var catalog: ThemeCatalog
    public var theme: Theme
    public var environment: [String: String]

    public init(paths: [String], config: ReaderConfig, catalog: ThemeCatalog, theme: Theme, environment: [String: String]) {
      self.paths = paths
      self.config = config
      self.catalog = catalog
      self.theme = theme
      self.environment = environment
    }
  }

  public struct Outcome: Sendable {
    /// Files skipped while listing, to be reported on stderr.
    public var problems: [LoadError]
    /// The quit signal that ended the reader, if one did.
    public var signal: Int32?
  }

  /// Runs the reader; nil when the terminal cannot be driven, so the caller can fall back to
  /// printing the list.
  public static func run(_ setup: Setup) -> Outcome? {
    let monoFallback = setup.catalog.load("mono").0 ?? setup.theme
    guard let backend = CursesBackend(theme: setup.theme, monoFallback: monoFallback, environment: setup.environment)
    else { return nil }
    defer { backend.end() }
    let inbox = StoryInbox()
    let paths = setup.paths
    let loader = Thread {
      NewsSources.listProgressively(paths) { stories, problems in inbox.deliver(stories, problems: problems) }
      inbox.finish()
    }
    loader.stackSize = 1 << 22
    loader.start()

    let size = backend.size
    var loop = Loop(state: ReaderState(width: size.width, height: size.height), setup: setup, backend: backend)
    loop.state.readingWidth = setup.config.readingWidth
    loop.state.paragraphSpacing = setup.config.paragraphSpacing
    loop.state.listPercent = setup.config.listPercent
    loop.state.themeNames = setup.catalog.names
    loop.state.themeName = setup.theme.name
    loop.state.keymap = setup.config.keymap

    var dirty = true
    while !loop.state.quitting {
      if backend.quitSignal != nil { break }
      if let arrived = inbox.take() {
        loop.send(arrived)
        dirty = true
      }
      if dirty || loop.needsFull {
        backend.present(ReaderView.render(loop.state), forceFull: loop.needsFull)
        dirty = false
        loop.needsFull = false
      }
      guard let event = backend.readEvent(timeout: loop.state.loadedAll ? 500 : 40) else { continue }
      loop.send(.input(event))
      // Several keys typed at once (a paste, a held key) are applied before the next frame.
      var drained = 0
      while drained < 64, let next = backend.readEvent(timeout: 0) {
        loop.send(.input(next))
        drained += 1
      }
      dirty = true
    }
    return Outcome(problems: inbox.problems, signal: backend.quitSignal)
  }

  /// The state and what carrying out its effects needs.
  private struct Loop {
    var state: ReaderState
    let setup: Setup
    let backend: CursesBackend
    var needsFull = true

    /// Applies a message and carries out the effects it asks for, feeding results back in.
    mutating func send(_ message: ReaderMessage) {
      var queue = state.update(message)
      while !queue.isEmpty {
        switch queue.removeFirst() {
        case .redrawAll:
          needsFull = true
        case .openArticle(let summary):
          queue += state.update(ReaderEffects.open(summary))
        case .applyTheme(let name):
          let (theme, problems) = setup.catalog.load(name)
          if let theme { backend.setTheme(theme) }
          if let first = problems.first { state.notice = "theme \(name): \(first.message)" }
          needsFull = true
        }
      }
    }
  }
}

/// What the effects do, kept apart so tests can carry them out the same way without a terminal.
public enum ReaderEffects {
  public static func open(_ summary: ArticleSummary) -> ReaderMessage {
    if let stored = ArticleStore.shared.article(for: summary) { return .articleLoaded(stored) }
    do {
      return .articleLoaded(try ArticleCollection.open(path: summary.path))
    } catch {
      return .articleFailed(summary, error.description)
    }
  }
}
