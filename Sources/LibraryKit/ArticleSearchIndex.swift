import Foundation
import GRDB

/// The FTS5 index over each analysed article's headline, text and speakers (migrations v7 and
/// v8). Its text is `articleText`'s, not a copy: the index is an external-content table over
/// the view `articleIndexed`, the articles with a row in `articleSpeakers` (those analysed).
/// Whoever adds or replaces that row (`Library.analyse`, or `Library.store` when it analyses
/// at once or replaces an analysed article's text) writes the index in the same transaction,
/// taking the old row out with the values it was indexed with; a trigger before an article
/// is deleted takes its row out (a pruned article, a removed feed's articles by cascade).
/// Adding by trigger was twice as slow: a statement whose trigger writes to FTS5 opens a
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

  /// The paragraphs of a stored body. Split on the bytes: splitting the String by Character
  /// was a fifth of the analysis stage.
  static func paragraphs(_ body: String) -> [String] {
    guard !body.isEmpty else { return [] }
    var body = body
    return body.withUTF8 { bytes in
      bytes.split(separator: 0x0A, omittingEmptySubsequences: false).map { String(decoding: UnsafeBufferPointer(rebasing: $0), as: UTF8.self) }
    }
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
