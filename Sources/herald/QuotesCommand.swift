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
    let loaded = try sources.open()
    let pairs = loaded.items.flatMap { article in
      article.quotes.filter { !speechOnly || $0.kind == .speech }.map { (article, $0) }
    }
    if json {
      let values = pairs.map { article, quote -> JSONValue in
        guard case .object(let members) = ArticleJSON.quote(quote) else { return .null }
        return .object([("article", ArticleJSON.summary(article.summary))] + members)
      }
      print(JSONValue.array(values).serialized())
    } else {
      var output = ""
      for (article, quote) in pairs {
        let place = QuotePlace.label(quote)
        let fields = [
          article.id, place, quote.kind.rawValue, quote.speaker ?? "-",
          quote.text.replacingOccurrences(of: "\n", with: " "),
        ]
        output += fields.map(VisibleText.make).joined(separator: "\t") + "\n"
      }
      StandardOutput.write(output)
    }
    try loaded.finish()
  }
}
