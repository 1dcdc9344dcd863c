import ArgumentParser
import NewsKit

struct ShowCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "show",
    abstract: "Show articles in full: headline, source, numbered paragraphs and the quotes found.",
    discussion: """
      A directory shows every article in it; a feed file (RSS, Atom, JSON Feed) every item. With --json,
      prints one object (for a feed, "feed" is {"title", "link", "description"} and each article adds
      "updated" and "links"):
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
      let feed = loaded.feeds.first.map(ArticleJSON.feed) ?? .null
      print(ArticleJSON.document(feed: feed, articles: loaded.items).serialized())
    } else {
      let style = StandardOutput.allowsColour ? QuoteHighlight.terminal : QuoteHighlight.none
      let pages = loaded.items.map { ArticlePrinter.text(of: $0, highlight: style) }
      StandardOutput.write(pages.joined(separator: "\n" + String(repeating: "─", count: 40) + "\n\n"))
    }
    try loaded.finish()
  }
}
