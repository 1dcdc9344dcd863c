import ArgumentParser
import LibraryKit
import NewsKit

struct QuotesCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "quotes",
    abstract: "List every quote with its speaker and its article: who said what (in the library, or in paths).",
    discussion: """
      Without a path, the quotes stored in the library (newest articles first); with paths, the \
      quotes found in them. --speaker keeps the quotes whose speaker contains NAME.
      Plain output: a line per quote, tab-separated: article id, paragraph (¶N or ¶N–M), kind \
      (speech or phrase), speaker (or -), the quote. With --json, an array of {"article": {"id", \
      "headline", "source", "path"}, "start", "end", "text", "kind", "speaker", "speaker_name"} \
      (speaker_name: the person's one name across the article; null for quotes listed from the \
      library, which stores the speaker as written).
      """
  )

  @OptionGroup var sources: SourceOptions
  @OptionGroup var library: LibraryOptions

  @Option(help: "Only quotes whose speaker contains this name (letter case aside).")
  var speaker: String?

  @Flag(help: "Print a JSON array of quotes, each with its article.")
  var json = false

  @Flag(name: .customLong("speech"), help: "Only direct speech, leaving out scare-quoted phrases.")
  var speechOnly = false

  func run() throws {
    var count = 0
    if json { StandardOutput.write("[") }
    func emit(_ quote: Quote, article: JSONValue, id: String) -> String {
      count += 1
      if json {
        guard case .object(let members) = ArticleJSON.quote(quote) else { return "" }
        let value = JSONValue.object([("article", article)] + members)
        return (count == 1 ? "\n  " : ",\n  ") + value.serialized(indent: "  ")
      }
      let fields = [
        id, QuotePlace.label(quote), quote.kind.rawValue, quote.speaker ?? "-", VisibleText.oneLine(quote.text),
      ]
      return fields.map(VisibleText.make).joined(separator: "\t") + "\n"
    }
    var failure: CommandFailure?
    if sources.paths.isEmpty {
      let opened = try library.open()
      let found = try libraryCall { () throws(LibraryError) in try opened.quotes(speaker: speaker, speechOnly: speechOnly) }
      StandardOutput.write(
        found.map { emit($0.quote, article: LibraryListing.jsonValue($0.entry), id: String($0.entry.id)) }.joined())
    } else {
      let wanted = speaker?.lowercased()
      failure = try sources.forEachArticleBatch(of: try sources.reading()) { articles in
        var output = ""
        for article in articles {
          for quote in article.quotes where !speechOnly || quote.kind == .speech {
            if let wanted, quote.speaker?.lowercased().contains(wanted) != true { continue }
            output += emit(quote, article: ArticleJSON.summary(article.summary), id: article.id)
          }
        }
        StandardOutput.write(output)
      }
    }
    if json { StandardOutput.write(count == 0 ? "]\n" : "\n]\n") }
    if let failure { throw failure }
  }
}
