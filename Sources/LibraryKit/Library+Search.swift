import Foundation
import GRDB

/// A search hit: the article's line and where it matched.
public struct SearchHit: Sendable, Hashable {
  public var entry: LibraryEntry
  /// The matched text with the matched words between `[` and `]`.
  public var snippet: String
}

extension Library {
  /// Articles matching `query` (see `SearchQuery`), best first by bm25 with the headline
  /// weighted above the text and the speakers between.
  ///
  /// In two tiers: articles whose headline matches come first, ranked among themselves, then
  /// the rest. Ranking every match costs a lookup per match (120 ms for a word in 83,000 of
  /// 100,000 articles); the headline matches of a common word are few and usually fill the
  /// page, and a headline match outranks a body match almost always under these weights
  /// anyway. Ordered by FTS5's own `rank` column so that FTS5 sorts and the limit stops the
  /// scan: ordering by `bm25(...)` instead computed a snippet for every match before sorting.
  public func search(_ query: String, limit: Int = 20) throws(LibraryError) -> [SearchHit] {
    let parsed = try SearchQuery(query)
    var hits: [SearchHit] = []
    if let headlineMatch = parsed.headlineMatch {
      // The first tier's ids; their lines and snippets then come from the whole query, so a
      // snippet shows the text where it matched, not the headline over again.
      let ids = try rankedIds(match: headlineMatch, limit: limit)
      let found = Dictionary(uniqueKeysWithValues: try search(match: parsed.match, limit: ids.count, among: ids).map { ($0.entry.id, $0) })
      hits = ids.compactMap { found[$0] }
      if hits.count >= limit { return hits }
    }
    let seen = Set(hits.map(\.entry.id))
    let rest = try search(match: parsed.match, limit: limit + hits.count).filter { !seen.contains($0.entry.id) }
    return hits + rest.prefix(limit - hits.count)
  }

  /// The best `limit` matches, or those of `among` (then unordered), with their snippets.
  private func search(match: String, limit: Int, among ids: [Int64]? = nil) throws(LibraryError) -> [SearchHit] {
    // Among given ids each is looked up by rowid: ranking would read every match again.
    let ranking =
      ids.map { "AND articleSearch.rowid IN (" + $0.map(String.init).joined(separator: ",") + ") LIMIT ?" }
      ?? "AND articleSearch.rank MATCH 'bm25(10.0, 1.0, 3.0)' ORDER BY articleSearch.rank LIMIT ?"
    // A snippet per column, the matches between marks no text holds, so that which column
    // matched can be told (the text may hold brackets of its own: a feed's "[1]").
    let (open, close) = (SearchSnippet.open, SearchSnippet.close)
    let arguments: StatementArguments = [open, close, open, close, open, close, match, limit]
    let sql = """
      SELECT a.id, a.headline, a.source, a.published, a.isRead, a.isStarred,
        coalesce(s.titleOverride, s.title, s.location) AS feed,
        snippet(articleSearch, 0, ?, ?, '…', 12) AS headlineSnippet,
        snippet(articleSearch, 1, ?, ?, '…', 12) AS bodySnippet,
        snippet(articleSearch, 2, ?, ?, '…', 12) AS speakersSnippet
      FROM articleSearch JOIN article a ON a.id = articleSearch.rowid JOIN subscription s ON s.id = a.subscriptionId
      WHERE articleSearch MATCH ? \(ranking)
      """
    return try ftsRead { db in
      try Row.fetchAll(db, sql: sql, arguments: arguments).map { row in
        let entry = Self.entry(row)
        let snippet = try SearchSnippet.choose(
          headline: row["headlineSnippet"], body: row["bodySnippet"], speakers: row["speakersSnippet"],
          firstQuoteParagraph: { words in try Self.firstQuoteParagraph(of: entry.id, spokenBy: words, in: db) })
        return SearchHit(entry: entry, snippet: snippet)
      }
    }
  }

  /// The paragraph holding the first quote, in reading order, whose speaker (as written or by
  /// name) holds one of `words`, with that speaker as written there.
  private static func firstQuoteParagraph(of articleId: Int64, spokenBy words: [String], in db: Database) throws -> (
    paragraph: String, speaker: String?
  )? {
    let quotes = try Row.fetchAll(
      db, sql: "SELECT startParagraph, speaker, speakerName FROM quote WHERE articleId = ? ORDER BY startParagraph, startOffset",
      arguments: [articleId])
    guard
      let quote = quotes.first(where: { row in
        [row["speaker"] as String?, row["speakerName"] as String?].contains { SearchSnippet.holdsAnyWord(of: words, in: $0) }
      }),
      let body = try String.fetchOne(db, sql: "SELECT body FROM articleText WHERE articleId = ?", arguments: [articleId])
    else { return nil }
    let paragraphs = ArticleSearchIndex.paragraphs(body)
    let index: Int = quote["startParagraph"]
    guard paragraphs.indices.contains(index) else { return nil }
    return (paragraphs[index], quote["speaker"])
  }

  private func rankedIds(match: String, limit: Int) throws(LibraryError) -> [Int64] {
    try ftsRead { db in
      try Int64.fetchAll(
        db,
        sql: """
          SELECT rowid FROM articleSearch WHERE articleSearch MATCH ? AND articleSearch.rank MATCH 'bm25(10.0, 1.0, 3.0)'
          ORDER BY articleSearch.rank LIMIT ?
          """, arguments: [match, limit])
    }
  }

  /// A read whose SQL errors are the query's fault (FTS5 refusing it), said as such.
  private func ftsRead<Value>(_ body: (Database) throws -> Value) throws(LibraryError) -> Value {
    do {
      return try pool.read(body)
    } catch let error as DatabaseError where error.resultCode == .SQLITE_ERROR {
      throw LibraryError.badQuery(error.message ?? "the query cannot be read")
    } catch {
      throw LibraryError.database(Self.describe(error))
    }
  }
}
