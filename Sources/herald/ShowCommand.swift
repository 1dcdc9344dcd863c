import ArgumentParser
import Foundation
import LibraryKit
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
      "kind", "speaker", "speaker_name"}]}]}. Offsets count Unicode scalars; end is exclusive; missing
      values are null. "speaker" is as the text writes it at the quote ("Mr Pike"); "speaker_name" the
      person's one name across the article ("Gordon Pike").
      Articles are printed as they are read, so a large feed starts printing at once.
      """
  )

  @OptionGroup var sources: SourceOptions
  @OptionGroup var library: LibraryOptions

  @Flag(help: "Print the articles as one JSON object.")
  var json = false

  func validate() throws {
    if sources.paths.isEmpty { throw ValidationError("Give the article file or directory to show, or a library article id.") }
  }

  /// Library article ids, when every argument is a number that names no file.
  private var libraryIDs: [Int64]? {
    let ids = sources.paths.compactMap(Int64.init)
    guard ids.count == sources.paths.count, !sources.paths.contains(where: FileManager.default.fileExists) else { return nil }
    return ids
  }

  func run() throws {
    if let ids = libraryIDs {
      let opened = try library.open()
      let articles = try libraryCall { () throws(LibraryError) in try ids.map { id throws(LibraryError) in try opened.article(id) } }
      if json {
        var stream = JSONStream()
        stream.beginObject()
        stream.key("feed")
        stream.null()
        stream.key("articles")
        stream.beginArray()
        for article in articles { ArticleJSON.write(article, feedFields: true, into: &stream) }
        stream.endArray()
        stream.endObject()
        StandardOutput.write(bytes: stream.take() + [UInt8(ascii: "\n")])
      } else {
        let style = StandardOutput.allowsColour ? QuoteHighlight.terminal : QuoteHighlight.none
        let separator = "\n" + String(repeating: "─", count: 40) + "\n\n"
        StandardOutput.write(articles.map { ArticlePrinter.text(of: $0, highlight: style) }.joined(separator: separator))
      }
      return
    }
    let reading = try sources.reading()
    let failure: CommandFailure?
    if json {
      failure = try printJSON(reading)
    } else {
      let style = StandardOutput.allowsColour ? QuoteHighlight.terminal : QuoteHighlight.none
      let separator = "\n" + String(repeating: "─", count: 40) + "\n\n"
      var first = true
      failure = try sources.forEachArticleBatch(of: reading) { articles in
        var output = ""
        for article in articles {
          if !first { output += separator }
          first = false
          output += ArticlePrinter.text(of: article, highlight: style)
        }
        StandardOutput.write(output)
      }
    }
    if let failure { throw failure }
  }

  /// `{"feed": …, "articles": […]}`, written an article at a time.
  private func printJSON(_ reading: NewsSources) throws -> CommandFailure? {
    let feed = reading.readFirstFeedInfo()
    StandardOutput.write("{\n  \"feed\": \((feed.map(ArticleJSON.feed) ?? .null).serialized(indent: "  ")),\n  \"articles\": [")
    var count = 0
    let failure = try sources.forEachArticleBatch(of: reading) { articles in
      var output: [UInt8] = []
      for article in articles {
        output.appendUTF8(count == 0 ? "\n    " : ",\n    ")
        JSONStream.append(to: &output, depth: 4) { ArticleJSON.write(article, feedFields: feed != nil, into: &$0) }
        count += 1
      }
      StandardOutput.write(bytes: output)
    }
    StandardOutput.write(count == 0 ? "]\n}\n" : "\n  ]\n}\n")
    return failure
  }
}
