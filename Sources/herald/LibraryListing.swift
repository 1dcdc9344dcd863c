import ArgumentParser
import Foundation
import LibraryKit
import NewsKit

/// What `herald list` filters the library by (without paths).
struct LibraryFilterOptions: ParsableArguments {
  @Flag(help: "Library only: unread articles.")
  var unread = false

  @Flag(help: "Library only: starred articles.")
  var starred = false

  @Option(help: "Library only: articles of this feed (id, URL, path or title).")
  var feed: String?

  @Option(help: "Library only: articles of feeds with this tag.")
  var tag: String?

  @Option(help: "Library only: at most this many articles.")
  var limit: Int?

  var isSet: Bool { unread || starred || feed != nil || tag != nil || limit != nil }

  func filter(in library: Library) throws -> ArticleFilter {
    var filter = ArticleFilter(unreadOnly: unread, starredOnly: starred, tag: tag, limit: limit)
    if let feed {
      filter.subscriptionId = try libraryCall { () throws(LibraryError) in try library.subscription(named: feed).id }
    }
    return filter
  }
}

/// `herald list` on the library: newest first, a line per article, printed as rows come.
enum LibraryListing {
  static func print(_ library: Library, filter: ArticleFilter, json: Bool) throws {
    var output = json ? "[" : ""
    var count = 0
    try libraryCall { () throws(LibraryError) in
      try library.forEachEntry(filter) { entry in
        if json {
          output += (count == 0 ? "\n  " : ",\n  ") + jsonValue(entry).serialized(indent: "  ")
        } else {
          output += line(entry) + "\n"
        }
        count += 1
        if output.utf8.count >= 1 << 16 {
          StandardOutput.write(output)
          output = ""
        }
      }
    }
    if json { output += count == 0 ? "]\n" : "\n]\n" }
    StandardOutput.write(output)
    if count == 0 && !json && filter.subscriptionId == nil && filter.tag == nil && !filter.unreadOnly && !filter.starredOnly {
      Diagnostics.warn("the library is empty: add a feed with herald add URL, or list files with herald list PATH")
    }
  }

  /// id, state (N unread, * starred, - neither), date, feed, headline; tab-separated.
  static func line(_ entry: LibraryEntry) -> String {
    var line = String(entry.id)
    line += entry.isRead ? "\t-" : "\tN"
    line += entry.isStarred ? "*\t" : "-\t"
    line += entry.published.map { ArticleJSON.isoDate($0).prefix(10) } ?? "-"
    line += "\t" + VisibleText.make(entry.feed) + "\t" + VisibleText.make(entry.headline)
    return line
  }

  static func jsonValue(_ entry: LibraryEntry) -> JSONValue {
    .object([
      ("id", .int(Int(entry.id))), ("headline", .string(entry.headline)), ("source", .optional(entry.source)),
      ("feed", .string(entry.feed)), ("published", .optional(entry.published.map(ArticleJSON.isoDate))),
      ("read", .bool(entry.isRead)), ("starred", .bool(entry.isStarred)),
    ])
  }
}
