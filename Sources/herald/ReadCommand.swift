import ArgumentParser
import CursesUI
import Foundation
import NewsKit

struct ReadCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "read",
    abstract: "Open the reader (the default command).",
    discussion: """
      A headline list beside the article (or before it, below 100 columns). Press ? in the reader \
      for its keys, t to change theme. With no path, opens the config's collections, else the \
      bundled samples. When stdout is not a terminal, or TERM is unset or dumb, prints what \
      `herald list` prints instead.
      """
  )

  @OptionGroup var sources: SourceOptions
  @OptionGroup var appearance: AppearanceOptions

  func run() throws {
    let (config, configProblems) = try appearance.loadConfig()
    var sources = self.sources
    if sources.paths.isEmpty { sources.paths = config.collections }
    guard Self.canDrawOnTerminal else {
      for problem in configProblems { Diagnostics.warn(problem.description) }
      return try ListCommand.printList(of: sources, json: false)
    }
    let paths = try sources.resolvedPaths()
    let catalog = appearance.catalog
    let (theme, themeProblems) = ThemeChoice.resolve(
      commandLine: appearance.theme, config: config.theme, environment: appearance.environment, catalog: catalog)
    // Shown before the reader takes the screen, and so still there when it gives it back.
    for problem in configProblems + themeProblems { Diagnostics.warn(problem.description) }
    let setup = ReaderProgram.Setup(
      paths: paths, config: config, catalog: catalog, theme: theme, environment: appearance.environment)
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

  /// Both ends of the conversation are a terminal that can be driven.
  static var canDrawOnTerminal: Bool {
    let term = ProcessInfo.processInfo.environment["TERM"] ?? ""
    return isatty(STDOUT_FILENO) == 1 && isatty(STDIN_FILENO) == 1 && !term.isEmpty && term != "dumb"
  }
}
