import ArgumentParser
import NewsKit

struct ListCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "list",
    abstract: "List articles: of the library (newest first), or of the paths given.",
    discussion: """
      Without a path, the library's articles, a line each, tab-separated: id, state (N unread, \
      * starred, - neither), date, feed, headline; --json gives {"id", "headline", "source", \
      "feed", "published", "read", "starred"}. With paths, the articles in them, read and not \
      stored: id, source and headline, or --json {"id", "headline", "source", "path"}. Files \
      that are not articles are skipped with a warning on stderr naming the file and the reason.
      """
  )

  @OptionGroup var sources: SourceOptions
  @OptionGroup var library: LibraryOptions
  @OptionGroup var filters: LibraryFilterOptions

  @Flag(help: "Print a JSON array instead.")
  var json = false

  func validate() throws {
    if !sources.paths.isEmpty && filters.isSet {
      throw ValidationError("--unread, --starred, --feed, --tag and --limit list the library; give no path with them.")
    }
  }

  func run() throws {
    if sources.paths.isEmpty {
      let opened = try library.open()
      try LibraryListing.print(opened, filter: try filters.filter(in: opened), json: json)
      return
    }
    try Self.printList(of: sources, json: json)
  }

  /// Prints entries as they are read (a batch at a time), so memory stays flat however many
  /// articles there are.
  static func printList(of sources: SourceOptions, json: Bool) throws {
    var count = 0
    if json { StandardOutput.write("[") }
    let failure = try sources.listEachBatch { summaries in
      var output = ""
      for summary in summaries {
        if json {
          output += (count == 0 ? "\n  " : ",\n  ") + ArticleJSON.summary(summary).serialized(indent: "  ")
        } else {
          output += ListLine.make(summary) + "\n"
        }
        count += 1
      }
      StandardOutput.write(output)
    }
    if json { StandardOutput.write(count == 0 ? "]\n" : "\n]\n") }
    if let failure { throw failure }
  }
}

/// One line of `herald list`: id, source (or "-") and headline, separated by tabs.
enum ListLine {
  static func make(_ summary: ArticleSummary) -> String {
    [summary.id, summary.source ?? "-", summary.headline].map(field).joined(separator: "\t")
  }

  /// A field with no tab or control character left to break the columns or the terminal.
  private static func field(_ text: String) -> String {
    VisibleText.make(text)
  }
}
