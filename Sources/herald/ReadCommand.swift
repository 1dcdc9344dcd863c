import ArgumentParser
import CursesUI
import Foundation
import LibraryKit
import NewsKit

struct ReadCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "read",
    abstract: "Open the reader (the default command).",
    discussion: """
      A headline list beside the article (or before it, below 100 columns). Press ? in the reader \
      for its keys, t to change theme. With no path, opens the library (where opening a story \
      marks it read and the reader resumes where it left off), else the config's collections, \
      else the bundled samples. Paths given are read, not stored. When stdout is not a \
      terminal, or TERM is unset or dumb, prints what `herald list` prints instead.
      """
  )

  @OptionGroup var sources: SourceOptions
  @OptionGroup var appearance: AppearanceOptions
  @OptionGroup var library: LibraryOptions

  func run() throws {
    let (config, configProblems) = try appearance.loadConfig()
    var sources = self.sources
    var shelf: LibraryShelf?
    var notice: String?
    if sources.paths.isEmpty {
      shelf = try openShelf(config: config)
      if shelf == nil && config.collections.isEmpty {
        notice = "your library is empty: these are the samples (herald add URL subscribes to a feed)"
      }
      sources.paths = config.collections
    }
    guard Self.canDrawOnTerminal else {
      for problem in configProblems { Diagnostics.warn(problem.description) }
      if let shelf { return try LibraryListing.print(shelf.library, filter: ArticleFilter(), json: false) }
      return try ListCommand.printList(of: sources, json: false)
    }
    let paths = try sources.resolvedPaths()
    let catalog = appearance.catalog
    let (theme, themeProblems) = ThemeChoice.resolve(
      commandLine: appearance.theme, config: config.theme, environment: appearance.environment, catalog: catalog)
    // Shown before the reader takes the screen, and so still there when it gives it back.
    for problem in configProblems + themeProblems { Diagnostics.warn(problem.description) }
    let setup = ReaderProgram.Setup(
      paths: paths, config: config, catalog: catalog, theme: theme, environment: appearance.environment,
      library: shelf, notice: notice)
    guard let outcome = ReaderProgram.run(setup) else {
      return try ListCommand.printList(of: sources, json: false)
    }
    for problem in outcome.problems { Diagnostics.warn(problem.description) }
    if let signal = outcome.signal { throw ExitCode(128 + signal) }
    let named = Set(paths)
    if let failed = outcome.problems.last(where: { named.contains($0.path) }) {
      throw CommandFailure(message: "error: " + VisibleText.make(failed.description))
    }
  }

  /// The library, when it exists and holds articles (an empty or missing one is not created).
  private func openShelf(config: ReaderConfig) throws -> LibraryShelf? {
    let location = LibraryLocation.resolve(explicit: library.path)
    guard FileManager.default.fileExists(atPath: location) else { return nil }
    let opened = try library.open(footprint: .small)
    let first = try libraryCall { () throws(LibraryError) in try opened.entries(ArticleFilter(limit: 1)) }
    guard !first.isEmpty else { return nil }
    var shelf = LibraryShelf(library: opened)
    // Store first, analyse behind (LibraryShelf.sync): new stories are listed at once.
    shelf.syncOptions.analysesWhileStoring = false
    shelf.syncOptions.keep = config.keep
    shelf.syncOptions.keepPerFeed = config.keepPerFeed
    shelf.syncOptions.fullTextFeeds = Set(config.fullTextFeeds)
    return shelf
  }

  /// Both ends of the conversation are a terminal that can be driven.
  static var canDrawOnTerminal: Bool {
    let term = ProcessInfo.processInfo.environment["TERM"] ?? ""
    return isatty(STDOUT_FILENO) == 1 && isatty(STDIN_FILENO) == 1 && !term.isEmpty && term != "dumb"
  }
}
