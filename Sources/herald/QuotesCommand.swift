import ArgumentParser
import NewsKit

struct QuotesCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "quotes",
    abstract: "List every quote with its speaker and its article: who said what.",
    discussion: """
      Plain output: a line per quote, tab-separated: article id, paragraph (¶N or ¶N–M), kind \
      (speech or phrase), speaker (or -), the quote. With --json, an array of {"article": {"id", \
      "headline", "source", "path"}, "start", "end", "text", "kind", "speaker"}.
      """
  )

  @OptionGroup var sources: SourceOptions

  @Flag(help: "Print a JSON array of quotes, each with its article.")
  var json = false

  @Flag(name: .customLong("speech"), help: "Only direct speech, leaving out scare-quoted phrases.")
  var speechOnly = false

  func run() throws {
    let reading = try sources.reading()
    var count = 0
    if json { StandardOutput.write("[") }
    let failure = try sources.forEachArticleBatch(of: reading) { articles in
      var output = ""
      for article in articles {
        for quote in article.quotes where !speechOnly || quote.kind == .speech {
          if json {
            guard case .object(let members) = ArticleJSON.quote(quote) else { continue }
            let value = JSONValue.object([("article", ArticleJSON.summary(article.summary))] + members)
            output += (count == 0 ? "\n  " : ",\n  ") + value.serialized(indent: "  ")
          } else {
            let fields = [
              article.id, QuotePlace.label(quote), quote.kind.rawValue, quote.speaker ?? "-",
              quote.text.replacingOccurrences(of: "\n", with: " "),
            ]
            output += fields.map(VisibleText.make).joined(separator: "\t") + "\n"
          }
          count += 1
        }
      }
      StandardOutput.write(output)
    }
    if json { StandardOutput.write(count == 0 ? "]\n" : "\n]\n") }
    if let failure { throw failure }
  }
}
