import ArgumentParser
import LibraryKit
import NewsKit

struct QuotesCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "quotes",
    abstract: "Who said what: every quote, under its speaker's name (in the library, or in paths).",
    discussion: """
      Without a path, the quotes stored in the library; with paths, the quotes found in them. \
      A speaker is listed by one name per person: "Mr Pike", "Finance chief Gordon Pike" and a \
      "he" that refers to him are all "Gordon Pike" (the fullest name the article gives). \
      --speaker keeps the quotes whose speaker, as written or by name, contains NAME.
      Plain output: each speaker with their number of quotes, most quoted first, then those \
      with no speaker; under each, a line per quote: article id, paragraph (¶N or ¶N–M), kind \
      (speech or phrase), the quote, and the speaker as written when it differs from the name.
      --flat: a line per quote in reading order, tab-separated: article id, paragraph, kind, \
      speaker as written (or -), speaker name (or -), the quote.
      --json: an array of {"article": {"id", "headline", "source", "path"}, "start", "end", \
      "text", "kind", "speaker", "speaker_name"} in reading order.
      """
  )

  @OptionGroup var sources: SourceOptions
  @OptionGroup var library: LibraryOptions

  @Option(help: "Only quotes whose speaker, as written or by name, contains this (letter case aside).")
  var speaker: String?

  @Flag(help: "Print a JSON array of quotes, each with its article.")
  var json = false

  @Flag(help: "A tab-separated line per quote in reading order, for scripts, instead of grouping by speaker.")
  var flat = false

  @Flag(name: .customLong("speech"), help: "Only direct speech, leaving out scare-quoted phrases.")
  var speechOnly = false

  func run() throws {
    var count = 0
    var groups = SpeakerGroups()
    if json { StandardOutput.write("[") }
    // Grouped output waits for every quote; JSON and --flat are printed as they come.
    func emit(_ quote: Quote, article: JSONValue, id: String) -> String {
      count += 1
      if json {
        var output = Array((count == 1 ? "\n  " : ",\n  ").utf8)
        JSONStream.append(to: &output, depth: 2) { stream in
          stream.beginObject()
          stream.key("article")
          stream.value(article)
          ArticleJSON.writeMembers(of: quote, into: &stream)
          stream.endObject()
        }
        return String(decoding: output, as: UTF8.self)
      }
      guard flat else {
        groups.add(quote, articleId: id)
        return ""
      }
      let fields = [
        id, QuotePlace.label(quote), quote.kind.rawValue, quote.speaker ?? "-", quote.speakerName ?? "-",
        VisibleText.oneLine(quote.text),
      ]
      return fields.map(VisibleText.make).joined(separator: "\t") + "\n"
    }
    var failure: CommandFailure?
    if sources.paths.isEmpty {
      let opened = try library.open()
      if let progress = try? opened.analysisProgress() { AnalyseCommand.warnIfPartial(progress, covering: "analysed for quotes") }
      // Streamed from the library, grouped by SQLite when grouping: holding 1.4 million quotes
      // to group them took 1.9 GiB.
      var output: [UInt8] = []
      // The speaker whose group is being written; `.none` before the first (a group's name
      // may itself be nil: the quotes with no speaker).
      var group: String?? = .none
      var found = false
      try libraryCall { () throws(LibraryError) in
        try opened.forEachQuote(speaker: speaker, speechOnly: speechOnly, order: json || flat ? .reading : .bySpeaker) {
          quote, speakerQuotes in
          found = true
          let id = String(quote.entry.id)
          if json || flat {
            output.appendUTF8(emit(quote.quote, article: LibraryListing.jsonValue(quote.entry), id: id))
          } else {
            if group != .some(quote.quote.speakerName) {
              group = .some(quote.quote.speakerName)
              output.appendUTF8(SpeakerGroups.heading(quote.quote.speakerName, quotes: speakerQuotes))
            }
            output.appendUTF8(SpeakerGroups.line(quote.quote, articleId: id))
          }
          if output.count >= 1 << 16 {
            StandardOutput.write(bytes: output)
            output.removeAll(keepingCapacity: true)
          }
        }
      }
      StandardOutput.write(bytes: output)
      if !found, speaker == nil, !json, (try? opened.countEntries()) == 0 {
        Diagnostics.warn("the library is empty: add a feed with herald add URL, or give paths: herald quotes PATH")
      }
    } else {
      let wanted = speaker?.lowercased()
      failure = try sources.forEachArticleBatch(of: try sources.reading()) { articles in
        var output = ""
        for article in articles {
          for quote in article.quotes where !speechOnly || quote.kind == .speech {
            if let wanted, ![quote.speaker, quote.speakerName].contains(where: { $0?.lowercased().contains(wanted) == true }) {
              continue
            }
            output += emit(quote, article: ArticleJSON.summary(article.summary), id: article.id)
          }
        }
        StandardOutput.write(output)
      }
    }
    if json { StandardOutput.write(count == 0 ? "]\n" : "\n]\n") }
    if !json && !flat { groups.render { StandardOutput.write(bytes: $0) } }
    if let failure { throw failure }
  }
}
