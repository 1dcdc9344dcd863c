import Foundation
import GRDB
import NewsKit

/// A stored quote with the article it is in.
public struct LibraryQuote: Sendable, Hashable {
  public var entry: LibraryEntry
  public var quote: Quote
}

extension Library {
  /// Quotes across the library, newest articles first, in reading order within each: all of
  /// them, or those whose speaker, as written or by name, contains `speaker` (letter case
  /// aside): "Pike" finds the quotes of "Mr Pike" and of a "he" resolved to Gordon Pike.
  public func quotes(speaker: String? = nil, subscriptionId: Int64? = nil, speechOnly: Bool = false, limit: Int? = nil)
    throws(LibraryError) -> [LibraryQuote]
  {
    var conditions: [String] = []
    var arguments: StatementArguments = []
    if let speaker {
      conditions.append("(q.speakerName LIKE ?1 ESCAPE '\\' OR q.speaker LIKE ?1 ESCAPE '\\')")
      let escaped = speaker.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%")
        .replacingOccurrences(of: "_", with: "\\_")
      _ = arguments.append(contentsOf: ["%" + escaped + "%"])
    }
    if let subscriptionId {
      conditions.append("a.subscriptionId = ?")
      _ = arguments.append(contentsOf: [subscriptionId])
    }
    if speechOnly { conditions.append("q.kind = 'speech'") }
    let whereClause = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
    let sql = """
      SELECT a.id, a.headline, a.source, a.published, a.isRead, a.isStarred,
        coalesce(s.titleOverride, s.title, s.location) AS feed,
        q.startParagraph, q.startOffset, q.endParagraph, q.endOffset, q.text, q.kind, q.speaker, q.speakerName
      FROM quote q JOIN article a ON a.id = q.articleId JOIN subscription s ON s.id = a.subscriptionId
      \(whereClause) ORDER BY a.sortDate DESC, a.id DESC, q.startParagraph, q.startOffset
      \(limit.map { "LIMIT \($0)" } ?? "")
      """
    return try read { db in
      try Row.fetchAll(db, sql: sql, arguments: arguments).map { row in
        LibraryQuote(entry: Self.entry(row), quote: Self.quote(row))
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
