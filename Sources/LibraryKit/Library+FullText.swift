import Foundation
import GRDB
import NewsKit

/// Full text (issue 30): for a subscription that asks for it, each new item's web page, its
/// article stored as the item's text behind the store stage. The feed's paragraphs are kept as
/// the summary; a page that fails or holds no article leaves the feed's text and records why.
/// Either way an article is fetched once.
extension Library {
  /// An article whose page is to be fetched: for the first time, or again (with the
  /// validators of the last answer) because the feed changed the item.
  public struct FullTextRequest: Sendable, Hashable {
    public var articleId: Int64
    public var url: String
    public var etag: String?
    public var lastModified: String?
  }

  /// What became of an article's page: its article (with the answer's validators), the same
  /// page as before (HTTP 304), or why there was none.
  public enum FullTextResult: Sendable, Hashable {
    case extracted(Article, etag: String?, lastModified: String?)
    case unchanged
    case failed(String)
  }

  /// Asks (or stops asking) for the web page of each new item of a feed.
  public func setFullText(_ on: Bool, for subscriptionId: Int64) throws(LibraryError) {
    try write { db in
      try db.execute(sql: "UPDATE subscription SET fullText = ? WHERE id = ?", arguments: [on, subscriptionId])
    }
  }

  /// The articles whose pages are still to be fetched, newest first.
  public func pendingFullText(limit: Int = 100) throws(LibraryError) -> [FullTextRequest] {
    try read { db in
      try Row.fetchAll(
        db,
        sql: """
          SELECT a.id, a.link, f.etag, f.lastModified FROM article a JOIN subscription s ON s.id = a.subscriptionId
          LEFT JOIN articleFullText f ON f.articleId = a.id
          WHERE s.fullText = 1 AND a.link IS NOT NULL AND (f.articleId IS NULL OR f.stale = 1)
          ORDER BY a.sortDate DESC, a.id DESC LIMIT ?
          """, arguments: [limit]
      ).compactMap { row in
        let url: String = row[1]
        return FeedFetcher.isURL(url) ? FullTextRequest(articleId: row[0], url: url, etag: row[2], lastModified: row[3]) : nil
      }
    }
  }

  /// How many articles' pages are still to be fetched.
  public func pendingFullTextCount() throws(LibraryError) -> Int {
    try read { db in
      try Int.fetchOne(
        db,
        sql: """
          SELECT count(*) FROM article a JOIN subscription s ON s.id = a.subscriptionId
          LEFT JOIN articleFullText f ON f.articleId = a.id
          WHERE s.fullText = 1 AND a.link IS NOT NULL AND (f.articleId IS NULL OR f.stale = 1)
          """) ?? 0
    }
  }

  /// Why an article's page gave no text, if it was fetched and failed.
  public func fullTextFailure(of articleId: Int64) throws(LibraryError) -> String? {
    try read { db in try String.fetchOne(db, sql: "SELECT failure FROM articleFullText WHERE articleId = ?", arguments: [articleId]) }
  }

  /// The feed's own text of an article whose text is now its page's, one paragraph a line.
  public func fullTextSummary(of articleId: Int64) throws(LibraryError) -> [String]? {
    try read { db in
      try String.fetchOne(db, sql: "SELECT summary FROM articleFullText WHERE articleId = ?", arguments: [articleId])
        .map(ArticleSearchIndex.paragraphs)
    }
  }

  /// Stores what the pages gave, in one transaction. An extracted article's text replaces the
  /// feed's (kept as the summary) and is analysed again behind, like any stored article; a page
  /// unchanged since it was last read keeps the text it gave; a failure keeps whatever text the
  /// article has (the feed's, or a page's from before).
  public func storeFullText(_ results: [(FullTextRequest, FullTextResult)], now: Date = Date()) throws(LibraryError) {
    try write { db in
      for (request, result) in results {
        let id = request.articleId
        let recorded = try Row.fetchOne(db, sql: "SELECT stale, summary FROM articleFullText WHERE articleId = ?", arguments: [id])
        // Fetched by another sync meanwhile, or the article went: nothing to do.
        guard recorded == nil || recorded?["stale"] == true,
          let hash = try String.fetchOne(db, sql: "SELECT contentHash FROM article WHERE id = ?", arguments: [id])
        else { continue }
        let holdsPage = recorded?["summary"] as String? != nil
        switch result {
        case .unchanged where recorded != nil:
          try db.execute(sql: "UPDATE articleFullText SET stale = 0, fetchedAt = ? WHERE articleId = ?", arguments: [now.timeIntervalSince1970, id])
        case .unchanged:
          try Self.recordPage(id, summary: nil, failure: "HTTP 304 Not Modified", etag: nil, lastModified: nil, now: now, in: db)
        case .failed(let reason):
          let summary = holdsPage ? recorded?["summary"] as String? : nil
          try Self.recordPage(id, summary: summary, failure: reason, etag: nil, lastModified: nil, now: now, in: db)
        case .extracted(let page, let etag, let lastModified):
          // The feed's text: the summary kept already when the text is a page's from before.
          let summary =
            holdsPage
            ? recorded?["summary"] as String?
            : try String.fetchOne(db, sql: "SELECT body FROM articleText WHERE articleId = ?", arguments: [id])
          try Self.unindex(id, in: db)
          try db.execute(sql: "DELETE FROM quote WHERE articleId = ?", arguments: [id])
          try db.execute(
            sql: "UPDATE articleText SET body = ?, links = ?, blockquotes = ? WHERE articleId = ?",
            arguments: [
              ArticleSearchIndex.body(page.paragraphs), StringArrayJSON.encode(page.links), Self.encodeBlockquotes(page.blockquotes), id,
            ])
          // The feed's hash, marked: the next sync still sees the feed's item unchanged, and an
          // analysis batch read before this write sees the text changed under it.
          try db.execute(
            sql: "UPDATE article SET contentHash = ?, analysis = 0 WHERE id = ?", arguments: [Self.fullTextHash(feedHash: hash), id])
          try Self.recordPage(id, summary: summary, failure: nil, etag: etag, lastModified: lastModified, now: now, in: db)
        }
      }
    }
  }

  private static func recordPage(
    _ id: Int64, summary: String?, failure: String?, etag: String?, lastModified: String?, now: Date, in db: Database
  ) throws {
    try db.execute(
      sql: """
        INSERT INTO articleFullText (articleId, fetchedAt, failure, summary, etag, lastModified, stale)
        VALUES (?, ?, ?, ?, ?, ?, 0)
        ON CONFLICT (articleId) DO UPDATE SET fetchedAt = excluded.fetchedAt, failure = excluded.failure,
          summary = excluded.summary, etag = excluded.etag, lastModified = excluded.lastModified, stale = 0
        """, arguments: [id, now.timeIntervalSince1970, failure, summary, etag, lastModified])
  }

  /// In the store stage: the feed changed an item of a full-text feed. Its page is asked again
  /// (with its validators); meanwhile a page's text stays, with the feed's new text as its
  /// summary, and the rest of the item (headline, dates) is the feed's.
  static func feedChanged(_ rowID: Int64, body: String, in db: Database) throws {
    try db.execute(
      sql: "UPDATE articleFullText SET stale = 1, summary = CASE WHEN summary IS NULL THEN NULL ELSE ? END WHERE articleId = ?",
      arguments: [body, rowID])
  }

  /// Whether the article's text is its page's (the feed's is its summary).
  static func holdsPageText(_ rowID: Int64, in db: Database) throws -> Bool {
    try Bool.fetchOne(db, sql: "SELECT summary IS NOT NULL FROM articleFullText WHERE articleId = ?", arguments: [rowID]) ?? false
  }

  /// The content hash of an article whose text is its page's: the feed's hash and a mark.
  static func fullTextHash(feedHash: String) -> String {
    feedHash.hasSuffix(fullTextMark) ? feedHash : feedHash + fullTextMark
  }

  static let fullTextMark = ":full"

  /// Whether a stored hash is the feed item's, with or without its page's text.
  static func isSameItem(stored: String, feedHash: String) -> Bool {
    stored == feedHash || stored == feedHash + fullTextMark
  }
}
