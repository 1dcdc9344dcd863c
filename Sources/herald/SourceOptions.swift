import ArgumentParser
import Foundation
import HeraldAssets
import NewsKit

/// The paths every command reads articles from.
struct SourceOptions: ParsableArguments {
  @Argument(
    help: ArgumentHelp(
      "Article files, directories (searched for *.txt), feed files or http(s) URLs. Default: the bundled samples.",
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

  /// Lists the articles, warning on stderr about every file skipped. A path the user named that
  /// could not be read is a failure, returned for the command to throw once it has shown the
  /// rest; files skipped inside a directory are only warnings.
  func list() throws -> Loaded<ArticleSummary> {
    let paths = try resolvedPaths()
    let listing = NewsSources.list(paths)
    return Loaded(items: listing.articles, failure: report(listing.problems, named: Set(paths)))
  }

  /// Reads every article in full, with the same reporting as `list()`; also the feeds read.
  func open() throws -> Loaded<Article> {
    let paths = try resolvedPaths()
    let loaded = NewsSources.open(paths)
    var result = Loaded(items: loaded.articles, failure: report(loaded.problems, named: Set(paths)))
    result.feeds = loaded.feeds
    return result
  }

  private func report(_ problems: [LoadError], named: Set<String>) -> CommandFailure? {
    var fatal: [LoadError] = []
    for problem in problems {
      if named.contains(problem.path) {
        fatal.append(problem)
      } else {
        Diagnostics.warn(problem.description)
      }
    }
    guard let last = fatal.last else { return nil }
    for problem in fatal.dropLast() { Diagnostics.error(problem.description) }
    return CommandFailure(message: "error: " + VisibleText.make(last.description))
  }
}

/// What a command read, and the failure to end with once it has shown it.
struct Loaded<Item> {
  var items: [Item]
  var failure: CommandFailure?
  /// The feeds among the sources, for `herald show --json`.
  var feeds: [FeedInfo] = []

  /// Throws the failure, if any: call after the output is written.
  func finish() throws {
    if let failure { throw failure }
  }
}

/// Messages on stderr, prefixed with the program's name.
enum Diagnostics {
  static func warn(_ message: String) {
    FileHandle.standardError.write(Data("herald: warning: \(VisibleText.make(message))\n".utf8))
  }

  static func error(_ message: String) {
    FileHandle.standardError.write(Data("herald: error: \(VisibleText.make(message))\n".utf8))
  }
}
