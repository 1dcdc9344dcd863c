import ArgumentParser
import NewsKit

struct ShowCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "show",
    abstract: "Show articles in full: headline, source, numbered paragraphs and the quotes found.",
    discussion: """
      A directory shows every article in it. With --json, prints one object:
      {"feed": null, "articles": [{"id", "headline", "source", "link", "author", "published",
      "paragraphs": [string], "quotes": [{"start": {"paragraph", "offset"}, "end": {…}, "text",
      "kind", "speaker"}]}]}. Offsets count Unicode scalars; end is exclusive; missing values are null.
      """
  )

  @OptionGroup var sources: SourceOptions

  @Flag(help: "Print the articles as one JSON object.")
  var json = false

  func validate() throws {
    if sources.paths.isEmpty { throw ValidationError("Give the article file or directory to show.") }
  }

  func run() throws {
    let loaded = try sources.open()
    if json {
      print(ArticleJSON.document(articles: loaded.items).serialized())
    } else {
      let style = StandardOutput.allowsColour ? QuoteHighlight.terminal : QuoteHighlight.none
      let pages = loaded.items.map { ArticlePrinter.text(of: $0, highlight: style) }
      StandardOutput.write(pages.joined(separator: "\n" + String(repeating: "─", count: 40) + "\n\n"))
    }
    try loaded.finish()
  }
}
