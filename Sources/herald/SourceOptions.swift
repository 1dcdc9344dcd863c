import ArgumentParser
import Foundation
import HeraldAssets
import NewsKit

/// The paths every command reads articles from.
struct SourceOptions: ParsableArguments {
  @Argument(
    help: ArgumentHelp(
      "Article files, directories (searched for *.txt), feed files or http(s) URLs, read without storing them. Without any: the library (the reader shows the bundled samples while it is empty).",
      valueName: "path"))
  var paths: [String] = []

  /// The paths to read, the bundled samples when none were given.
  func resolvedPaths() throws -> [String] {
    if !paths.isEmpty { return paths }
    guard let samples = HeraldAssets.samplesDirectory else {
      throw CommandFailure(message: "error: the bundled samples were not found beside the binary; give a path to read")
    }
    return [samples]
  }

  /// Lists the articles a batch at a time, warning on stderr about every file skipped. A path
  /// the user named that could not be read is a failure, returned for the command to throw
  /// once it has shown the rest; files skipped inside a directory are only warnings.
  func listEachBatch(_ body: ([ArticleSummary]) -> Void) throws -> CommandFailure? {
    let paths = try resolvedPaths()
    var reporter = ProblemReporter(named: Set(paths))
    NewsSources(paths).listProgressively { summaries, problems in
      reporter.add(problems)
      body(summaries)
    }
    return reporter.failure
  }

  /// The sources, URLs fetched and kinds told apart, ready to stream.
  func reading() throws -> NewsSources {
    NewsSources(try resolvedPaths())
  }

  /// Streams every article in full, a batch at a time, warning about skipped files as they
  /// come; returns the failure to end with (see `listEachBatch`).
  func forEachArticleBatch(of sources: NewsSources, _ body: ([Article]) -> Void) throws -> CommandFailure? {
    var reporter = ProblemReporter(named: Set(try resolvedPaths()))
    // Two batches converting while the next is read: `show --json` 2.66 -> 2.48 s on the
    // 50 MB bench feed (the main thread reads and writes JSON, the workers convert).
    sources.forEachArticleBatch(batchesInFlight: 2) { batch in
      reporter.add(batch.problems)
      body(batch.articles)
    }
    return reporter.failure
  }
}

/// Warns about files skipped inside directories at once, and keeps the paths the user named
/// that could not be read for the end: those make the command fail once it has shown the rest.
struct ProblemReporter {
  let named: Set<String>
  private var fatal: [LoadError] = []

  init(named: Set<String>) {
    self.named = named
  }

  mutating func add(_ problems: [LoadError]) {
    for problem in problems {
      if named.contains(problem.path) && !problem.isPartial {
        fatal.append(problem)
      } else {
        Diagnostics.warn(problem.description)
      }
    }
  }

  var failure: CommandFailure? {
    guard let last = fatal.last else { return nil }
    for problem in fatal.dropLast() { Diagnostics.error(problem.description) }
    return CommandFailure(message: "error: " + VisibleText.make(last.description))
  }
}

/// Messages on stderr, prefixed with the program's name.
enum Diagnostics {
  static func warn(_ message: String) {
    StandardOutput.writeError("herald: warning: \(VisibleText.make(message))\n")
  }

  static func error(_ message: String) {
    StandardOutput.writeError("herald: error: \(VisibleText.make(message))\n")
  }
}
