import Foundation
import GRDB

/// The FTS5 index over each analysed article's headline, text and speakers (migrations v7 and
/// v8). Its text is `articleText`'s, not a copy: the index is an external-content table over
/// the view `articleIndexed`, the rows whose `indexed` is set. Analysis (`Library.analyse`, or
/// `Library.store` when it analyses at once) adds an article's row in the transaction that
/// sets the flag; triggers on `articleText` take an indexed row out when its text changes or
/// goes (a feed removed or an article pruned deletes its `articleText` row by cascade), and
/// put it back when the changed row is still indexed. Nothing else writes to `articleSearch`:
/// a row taken out by hand and again by a trigger would leave the index wrong.
/// Adding by trigger too was twice as slow: a statement whose trigger writes to FTS5 opens a
/// savepoint, and FTS5 writes its pending terms out at every savepoint, so each article made
/// a segment of its own.
enum ArticleSearchIndex {
  /// An article's paragraphs as the index reads them: one per line. A paragraph holds no line
  /// break (white space is collapsed, a text file's lines joined); one that did would read
  /// back as two, so it is made a space here.
  static func body(_ paragraphs: [String]) -> String {
    paragraphs.map { hasLineBreak($0) ? $0.replacingOccurrences(of: "\n", with: " ") : $0 }.joined(separator: "\n")
  }

  /// With memchr: a byte-by-byte `utf8.contains` was 3% of a cold sync.
  private static func hasLineBreak(_ paragraph: String) -> Bool {
    var paragraph = paragraph
    return paragraph.withUTF8 { bytes in
      guard let base = bytes.baseAddress else { return false }
      return memchr(base, 0x0A, bytes.count) != nil
    }
  }

  /// The paragraphs of a stored body.
  static func paragraphs(_ body: String) -> [String] {
    body.isEmpty ? [] : body.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
  }

  /// Adds a stored article's row: its `articleText` values, in the same transaction.
  static func add(articleId: Int64, headline: String, body: String, speakers: String, in db: Database) throws {
    try db.cachedStatement(sql: "INSERT INTO articleSearch (rowid, headline, body, speakers) VALUES (?, ?, ?, ?)")
      .execute(arguments: [articleId, headline, body, speakers])
  }

  /// Takes an indexed article's row out, given the values it was indexed with.
  static func remove(articleId: Int64, headline: String, body: String, speakers: String, in db: Database) throws {
    try db.cachedStatement(
      sql: "INSERT INTO articleSearch (articleSearch, rowid, headline, body, speakers) VALUES ('delete', ?, ?, ?, ?)"
    ).execute(arguments: [articleId, headline, body, speakers])
  }
}
