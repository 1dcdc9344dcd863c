import Foundation
import GRDB
import NewsKit

/// A stored quote with the article it is in.
public struct LibraryQuote: Sendable, Hashable {
  public var entry: LibraryEntry
  public var quote: Quote
}

/// The order `forEachQuote` gives quotes in.
public enum QuoteOrder: Sendable {
  /// Newest articles first, in reading order within each.
  case reading
  /// Grouped by speaker name: most quoted first (ties by name), quotes with no name last;
  /// within a speaker, in reading order.
  case bySpeaker
}

extension Library {
  /// Quotes across the library, newest articles first, in reading order within each: all of
  /// them, or those whose speaker, as written or by name, contains `speaker` (letter case
  /// aside): "Pike" finds the quotes of "Mr Pike" and of a "he" resolved to Gordon Pike.
  public func quotes(speaker: String? = nil, subscriptionId: Int64? = nil, speechOnly: Bool = false, limit: Int? = nil)
    throws(LibraryError) -> [LibraryQuote]
  {
    var found: [LibraryQuote] = []
    try forEachQuote(speaker: speaker, subscriptionId: subscriptionId, speechOnly: speechOnly, limit: limit) { quote, _ in
      found.append(quote)
    }
    return found
  }

  /// `quotes` one at a time from a cursor, so printing the whole library's holds one row
  /// (collecting 1.4 million quotes for `herald quotes` took 1.9 GiB). In `.bySpeaker` order
  /// each quote comes with its speaker's number of quotes (among those selected).
  public func forEachQuote(
    speaker: String? = nil, subscriptionId: Int64? = nil, speechOnly: Bool = false, limit: Int? = nil,
    order: QuoteOrder = .reading, _ body: (LibraryQuote, _ speakerQuotes: Int) -> Void
  ) throws(LibraryError) {
    var conditions: [String] = []
    var arguments: [String: (any DatabaseValueConvertible)?] = [:]
    if let speaker {
      conditions.append("(q.speakerName LIKE :speaker ESCAPE '\\' OR q.speaker LIKE :speaker ESCAPE '\\')")
      let escaped = speaker.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%")
        .replacingOccurrences(of: "_", with: "\\_")
      arguments["speaker"] = "%" + escaped + "%"
    }
    if let subscriptionId {
      conditions.append("a.subscriptionId = :feed")
      arguments["feed"] = subscriptionId
    }
    if speechOnly { conditions.append("q.kind = 'speech'") }
    let whereClause = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
    let reading = "a.sortDate DESC, a.id DESC, q.startParagraph, q.startOffset"
    let (counts, join, orderBy): (String, String, String)
    switch order {
    case .reading:
      (counts, join, orderBy) = ("0", "", reading)
    case .bySpeaker:
      // Each speaker's count over the same selection, grouped once and joined by name (no name
      // is '' here: a name is never empty); the sort of every quote by it is SQLite's (a
      // temporary b-tree), not held in the program.
      counts = "c.quotes"
      join = """
        JOIN (SELECT coalesce(q.speakerName, '') AS name, COUNT(*) AS quotes
              FROM quote q JOIN article a ON a.id = q.articleId \(whereClause) GROUP BY name) c
          ON c.name = coalesce(q.speakerName, '')
        """
      orderBy = "q.speakerName IS NULL, c.quotes DESC, q.speakerName, " + reading
    }
    let sql = """
      SELECT a.id, a.headline, a.source, a.published, a.isRead, a.isStarred,
        coalesce(s.titleOverride, s.title, s.location) AS feed,
        q.startParagraph, q.startOffset, q.endParagraph, q.endOffset, q.text, q.kind, q.speaker, q.speakerName,
        \(counts) AS speakerQuotes
      FROM quote q JOIN article a ON a.id = q.articleId JOIN subscription s ON s.id = a.subscriptionId \(join)
      \(whereClause) ORDER BY \(orderBy)
      \(limit.map { "LIMIT \($0)" } ?? "")
      """
    try read { db in
      let rows = try Row.fetchCursor(db, sql: sql, arguments: StatementArguments(arguments))
      while let row = try rows.next() {
        body(LibraryQuote(entry: Self.entry(row), quote: Self.quote(row)), row["speakerQuotes"])
      }
    }
  }

  static func quote(_ row: Row) -> Quote {
    Quote(
      start: TextPosition(paragraph: row["startParagraph"], offset: row["startOffset"]),
      end: TextPosition(paragraph: row["endParagraph"], offset: row["endOffset"]), text: row["text"],
      kind: Quote.Kind(rawValue: row["kind"]) ?? .speech, speaker: row["speaker"], speakerName: row["speakerName"])
  }

  /// What the search index's `speakers` column holds for an article: each speaker as written
  /// and by name, so `speaker:Pike` finds "Mr Pike", "Gordon Pike" and a "he" resolved to him.
  static func searchableSpeakers(_ quotes: [Quote]) -> String {
    Set(quotes.flatMap { [$0.speaker, $0.speakerName].compactMap(\.self) }).sorted().joined(separator: " ; ")
  }
}
