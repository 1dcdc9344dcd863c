import Foundation
import GRDB
import NewsKit

/// Full text (issue 30): for a subscription that asks for it, each new item's web page, its
/// article stored as the item's text behind the store stage. The feed's paragraphs are kept as
/// the summary; a page that fails or holds no article leaves the feed's text and records why.
/// Either way an article is fetched once.
extension Library {
  /// An article whose page is still to be fetched.
  public struct FullTextRequest: Sendable, Hashable {
    public var articleId: Int64
    public var url: String
  }

  /// What became of an article's page: its article, or why there was none.
  public enum FullTextResult: Sendable, Hashable {
    case extracted(Article)
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
          SELECT a.id, a.link FROM article a JOIN subscription s ON s.id = a.subscriptionId
          WHERE s.fullText = 1 AND a.link IS NOT NULL
            AND NOT EXISTS (SELECT 1 FROM articleFullText f WHERE f.articleId = a.id)
          ORDER BY a.sortDate DESC, a.id DESC LIMIT ?
          """, arguments: [limit]
      ).compactMap { row in
        let url: String = row[1]
        return FeedFetcher.isURL(url) ? FullTextRequest(articleId: row[0], url: url) : nil
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
          WHERE s.fullText = 1 AND a.link IS NOT NULL
            AND NOT EXISTS (SELECT 1 FROM articleFullText f WHERE f.articleId = a.id)
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
  /// feed's (kept as the summary) and is analysed again behind, like any stored article.
  public func storeFullText(_ results: [(FullTextRequest, FullTextResult)], now: Date = Date()) throws(LibraryError) {
    try write { db in
      for (request, result) in results {
        // Fetched by another sync meanwhile, or the article went: nothing to do.
        guard try Row.fetchOne(db, sql: "SELECT 1 FROM articleFullText WHERE articleId = ?", arguments: [request.articleId]) == nil,
          let hash = try String.fetchOne(db, sql: "SELECT contentHash FROM article WHERE id = ?", arguments: [request.articleId])
        else { continue }
        switch result {
        case .failed(let reason):
          try db.execute(
            sql: "INSERT INTO articleFullText (articleId, fetchedAt, failure) VALUES (?, ?, ?)",
            arguments: [request.articleId, now.timeIntervalSince1970, reason])
        case .extracted(let page):
          let summary = try String.fetchOne(db, sql: "SELECT body FROM articleText WHERE articleId = ?", arguments: [request.articleId])
          try Self.unindex(request.articleId, in: db)
          try db.execute(sql: "DELETE FROM quote WHERE articleId = ?", arguments: [request.articleId])
          try db.execute(
            sql: "UPDATE articleText SET body = ?, links = ?, blockquotes = ? WHERE articleId = ?",
            arguments: [
              ArticleSearchIndex.body(page.paragraphs), StringArrayJSON.encode(page.links),
              Self.encodeBlockquotes(page.blockquotes), request.articleId,
            ])
          // The feed's hash, marked: the next sync still sees the feed's item unchanged, and an
          // analysis batch read before this write sees the text changed under it.
          try db.execute(
            sql: "UPDATE article SET contentHash = ?, analysis = 0 WHERE id = ?",
            arguments: [Self.fullTextHash(feedHash: hash), request.articleId])
          try db.execute(
            sql: "INSERT INTO articleFullText (articleId, fetchedAt, summary) VALUES (?, ?, ?)",
            arguments: [request.articleId, now.timeIntervalSince1970, summary])
        }
      }
    }
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
