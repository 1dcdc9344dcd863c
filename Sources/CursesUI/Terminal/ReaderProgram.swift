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
    /// Read from (and keep reading state in) this library instead of the paths.
    public var library: (any ReaderLibrary)?
    /// A line for the status bar of the first screen.
    public var notice: String?

    public init(
      paths: [String], config: ReaderConfig, catalog: ThemeCatalog, theme: Theme, environment: [String: String],
      library: (any ReaderLibrary)? = nil, notice: String? = nil
    ) {
      self.paths = paths
      self.config = config
      self.catalog = catalog
      self.theme = theme
      self.environment = environment
      self.library = library
      self.notice = notice
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
    return run(setup, on: backend)
  }

  /// The program loop on any terminal: stories are listed on a thread of their own, effects
  /// that read are carried out by a worker, and both come back as messages between keys.
  public static func run(_ setup: Setup, on backend: any TerminalBackend) -> Outcome {
    let store = ArticleStore()
    let inbox = StoryInbox()
    let paths = setup.paths
    let library = setup.library
    // A library's stories are paged by the worker; paths are listed on a thread of their own.
    if library == nil {
      let loader = Thread {
        NewsSources.listProgressively(paths, store: store) { stories, problems in inbox.deliver(stories, problems: problems) }
        inbox.finish()
      }
      loader.stackSize = 1 << 22
      loader.start()
    }
    let worker = EffectWorker(opener: ArticleOpener(store: store, library: library))
    defer { worker.finish() }

    let size = backend.size
    var loop = Loop(state: ReaderState(width: size.width, height: size.height), setup: setup, backend: backend, worker: worker)
    loop.state.readingWidth = setup.config.readingWidth
    loop.state.paragraphSpacing = setup.config.paragraphSpacing
    loop.state.listPercent = setup.config.listPercent
    loop.state.themeNames = setup.catalog.names
    loop.state.themeName = setup.theme.name
    loop.state.keymap = setup.config.keymap
    loop.state.notice = setup.notice
    loop.state.isLibrary = setup.library != nil
    loop.state.markReadAfter = setup.config.markReadAfter.map(Double.init)
    loop.state.refreshEvery = setup.config.refreshMinutes.map(Double.init)
    loop.send(.started)
    // The feed counts after the first page of headlines (both read the library; on a small
    // machine the count would otherwise hold up the first screen).
    worker.afterReads { worker.refreshFeeds() }

    var dirty = true
    while !loop.state.quitting {
      if backend.quitSignal != nil { break }
      if let arrived = inbox.take() {
        loop.send(arrived)
        dirty = true
      }
      for answer in worker.take() {
        loop.send(answer)
        dirty = true
      }
      if loop.state.needsTicks {
        let before = (loop.state.readIDs.count, loop.state.syncStatus)
        loop.send(.tick(Date().timeIntervalSince1970))
        if before != (loop.state.readIDs.count, loop.state.syncStatus) { dirty = true }
      }
      if let failure = worker.takeFailures().last {
        loop.send(.effectFailed(failure))
        dirty = true
      }
      if dirty || loop.needsFull {
        backend.present(ReaderView.render(loop.state), forceFull: loop.needsFull)
        dirty = false
        loop.needsFull = false
      }
      // Poll often while an effect or the listing may still answer (an answer waits at most
      // this long for its frame: a page of headlines, an article); rarely once all is quiet.
      let timeout: Int32 =
        loop.state.stories.isEmpty && !loop.state.loadedAll ? 5
        : worker.isBusy ? 2 : worker.isSyncing ? 50 : loop.state.pendingRead != nil ? 100 : loop.state.loadedAll ? 500 : 40
      guard let event = backend.readEvent(timeout: timeout) else { continue }
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
    let backend: any TerminalBackend
    let worker: EffectWorker
    var needsFull = true

    /// Applies a message and starts the effects it asks for; what they read comes back later.
    mutating func send(_ message: ReaderMessage) {
      for effect in state.update(message) {
        switch effect {
        case .redrawAll:
          needsFull = true
        case .openArticle(let summary, let request):
          let wrapping = ArticleOpener.Wrapping(width: state.articleGeometry.textWidth, paragraphSpacing: state.paragraphSpacing)
          worker.open(summary, request: request, wrapping: wrapping)
        case .recordReading(let storyID, let paragraph, let read):
          worker.record(storyID, paragraph: paragraph, read: read)
        case .mark(let ids, let mark):
          worker.mark(ids, mark)
        case .openURL(let url):
          // The browser owns the terminal until it exits (a terminal browser needs it; a
          // graphical one, or xdg-open, returns at once).
          let command = BrowserLauncher.command(for: url, environment: setup.environment)
          var failure: String?
          backend.releasingTerminal { failure = BrowserLauncher.run(command) }
          needsFull = true
          if let failure { send(.effectFailed(failure)) }
        case .copyToClipboard(let text):
          backend.copyToClipboard(text)
        case .syncLibrary(let story):
          worker.sync(feedOf: story)
        case .analyseLibrary:
          worker.analyse()
        case .reloadStories(let filter, let request, let keeping):
          worker.reloadStories(filter, request: request, keeping: keeping)
        case .loadStoryPage(let source, let page):
          worker.loadPage(page, of: source)
        case .markAllRead(let filter):
          worker.markAllRead(filter)
        case .listSpeakers(let filter, let request):
          worker.listSpeakers(filter, quotesOf: nil, request: request)
        case .listQuotes(let speaker, let filter, let request):
          worker.listSpeakers(filter, quotesOf: speaker, request: request)
        case .listStories(let filter, let request):
          worker.listStories(filter, request: request)
        case .fetchFullText(let url, let request):
          worker.fetchFullText(url, request: request)
        case .searchLibrary(let query, let request):
          worker.search(query, limit: ReaderState.librarySearchLimit, request: request)
        case .applyTheme(let name):
          // A theme is a small local file read once; not worth a round trip through the worker.
          let (theme, problems) = setup.catalog.load(name)
          if let theme { backend.setTheme(theme) }
          if let first = problems.first { state.notice = "theme \(name): \(first.message)" }
          needsFull = true
        }
      }
    }
  }
}
