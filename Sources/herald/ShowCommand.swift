import ArgumentParser
import Foundation
import LibraryKit
import NewsKit

struct ShowCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "show",
    abstract: "Show articles in full: headline, source, numbered paragraphs and the quotes found.",
    discussion: """
      A directory shows every article in it; a feed file (RSS, Atom, JSON Feed) every item. \
      Articles are printed as they are read, so a large feed starts printing at once.
      --json: one object (for a feed, "feed" is {"title", "link", "description"} and each \
      article adds "updated" and "links"): \
      {"feed": null, "articles": [{"id", "headline", "source", "link", "author", "published", \
      "paragraphs": [string], "quotes": [{"start": {"paragraph", "offset"}, "end": {…}, "text", \
      "kind", "speaker", "speaker_name"}]}]}. Offsets count Unicode scalars; end is exclusive; \
      missing values are null. "speaker" is as the text writes it at the quote ("Mr Pike"); \
      "speaker_name" the person's one name across the article ("Gordon Pike").
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
      let articles = try libraryCall { () throws(LibraryError) in
        try ids.map { id throws(LibraryError) in
          var article = try opened.article(id)
          // An article that names no source is shown under its feed's name, as in the list.
          if article.source == nil { article.source = LibraryShelf.shortName(try opened.subscription(ofArticle: id).displayTitle) }
          return article
        }
      }
      // Library articles are feed items or text articles alike: they carry "updated" and "links".
      var output = Output(json: json, feed: nil, feedFields: true)
      output.print(articles)
      output.finish()
      return
    }
    let reading = try sources.reading()
    let feed = json ? reading.readFirstFeedInfo() : nil
    var output = Output(json: json, feed: feed, feedFields: feed != nil)
    let failure = try sources.forEachArticleBatch(of: reading) { output.print($0) }
    output.finish()
    if let failure { throw failure }
  }

  /// Articles printed as they come, a batch at a time: as text, separated by a rule, or as
  /// `{"feed": …, "articles": […]}`.
  private struct Output {
    let json: Bool
    let feedFields: Bool
    private var count = 0
    /// One buffer for every batch: a batch's JSON passes the 1 MiB at which large blocks are
    /// mapped afresh (`MemoryTuning`), and a new buffer per batch faulted its pages in each time.
    private var output: [UInt8] = []
    private let highlight = StandardOutput.allowsColour ? QuoteHighlight.terminal : QuoteHighlight.none

    init(json: Bool, feed: FeedInfo?, feedFields: Bool) {
      self.json = json
      self.feedFields = feedFields
      if json {
        StandardOutput.write("{\n  \"feed\": \((feed.map(ArticleJSON.feed) ?? .null).serialized(indent: "  ")),\n  \"articles\": [")
      }
    }

    mutating func print(_ articles: [Article]) {
      output.removeAll(keepingCapacity: true)
      for article in articles {
        if json {
          output.appendUTF8(count == 0 ? "\n    " : ",\n    ")
          JSONStream.append(to: &output, depth: 4) { ArticleJSON.write(article, feedFields: feedFields, into: &$0) }
        } else {
          if count > 0 { output.appendUTF8("\n" + String(repeating: "─", count: 40) + "\n\n") }
          output.appendUTF8(ArticlePrinter.text(of: article, highlight: highlight))
        }
        count += 1
      }
      StandardOutput.write(bytes: output)
    }

    func finish() {
      if json { StandardOutput.write(count == 0 ? "]\n}\n" : "\n  ]\n}\n") }
    }
  }
}
