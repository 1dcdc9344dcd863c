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
      for its keys. When stdout is not a terminal, or TERM is unset or dumb, prints what \
      `herald list` prints instead.
      """
  )

  @OptionGroup var sources: SourceOptions

  func run() throws {
    guard Self.canDrawOnTerminal else {
      return try ListCommand.printList(of: sources, json: false)
    }
    let paths = try sources.resolvedPaths()
    guard let outcome = ReaderProgram.run(paths: paths) else {
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
