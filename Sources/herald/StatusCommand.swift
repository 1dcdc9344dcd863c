import ArgumentParser
import Foundation
import LibraryKit
import NewsKit

struct StatusCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "status",
    abstract: "What the library holds and what waits: articles, unread, analysed, left to analyse.",
    discussion: """
      Articles are stored first and analysed behind (see `herald sync --help`); until an \
      article is analysed its quotes are not listed and search does not find it. `--json` \
      gives {"feeds", "articles", "unread", "analysed", "pending_analysis", \
      "analysis_version", "pending_full_text"} ("pending_full_text": web pages of full-text \
      feeds still to fetch, see `herald add --full-text`).
      """)

  @OptionGroup var library: LibraryOptions

  @Flag(help: "One JSON object.")
  var json = false

  func run() throws {
    let opened = try library.open()
    let (feeds, progress, pages) = try libraryCall { () throws(LibraryError) in
      (try opened.feeds(), try opened.analysisProgress(), try opened.pendingFullTextCount())
    }
    let unread = feeds.reduce(0) { $0 + $1.unread }
    if json {
      let value = JSONValue.object([
        ("feeds", .int(feeds.count)), ("articles", .int(progress.total)), ("unread", .int(unread)),
        ("analysed", .int(progress.analysed)), ("pending_analysis", .int(progress.pending)),
        ("analysis_version", .int(ArticleAnalysis.version)), ("pending_full_text", .int(pages)),
      ])
      print(value.serialized())
      return
    }
    let count = AnalyseCommand.count
    var text = "\(count(feeds.count)) feeds, \(count(progress.total)) articles, \(count(unread)) unread\n"
    text +=
      progress.isComplete
      ? "all analysed (quotes, speakers, search)\n"
      : "\(count(progress.analysed)) of \(count(progress.total)) analysed; \(count(progress.pending)) wait (herald analyse)\n"
    if pages > 0 { text += "\(count(pages)) web \(pages == 1 ? "page" : "pages") of full-text feeds to fetch (herald sync)\n" }
    StandardOutput.write(text)
  }
}
