import Foundation
import GRDB
import NewsKit

/// What storing a feed's articles changed.
public struct StoreResult: Sendable, Hashable {
  public var new = 0
  public var updated = 0
  public var unchanged = 0
}

/// One line of the library's article list.
public struct LibraryEntry: Sendable, Hashable {
  public var id: Int64
  public var headline: String
  public var source: String?
  public var feed: String
  public var published: Date?
  public var isRead: Bool
  public var isStarred: Bool
}

/// Which articles to list.
public struct ArticleFilter: Sendable {
  public var unreadOnly = false
  public var starredOnly = false
  public var subscriptionId: Int64?
  public var tag: String?
  public var limit: Int?
  public var offset = 0
  /// How many articles the filter selects, when the caller has counted them: a page past the
  /// middle is then found walking the index from the oldest end.
  public var total: Int?

  public init(unreadOnly: Bool = false, starredOnly: Bool = false, subscriptionId: Int64? = nil, tag: String? = nil, limit: Int? = nil) {
    self.unreadOnly = unreadOnly
    self.starredOnly = starredOnly
    self.subscriptionId = subscriptionId
    self.tag = tag
    self.limit = limit
  }
}

extension Library {
  /// Stores a feed's articles in one transaction: new ones are added, changed ones replace
  /// their text (keeping read and star state), unchanged ones cost one lookup. With
  /// `analysed` (the articles' quotes were found by today's rules) the quotes and the search
  /// index follow in the same transaction; without, the articles are stored unanalysed, to be
  /// listed and read at once and analysed behind (`analyse`).
  @discardableResult
  public func store(
    _ articles: [Article], in subscription: Subscription, analysed: Bool = true, now: Date = Date()
  ) throws(LibraryError) -> StoreResult {
    guard let subscriptionId = subscription.id else { throw LibraryError.noSuchFeed(subscription.location) }
    return try write { db in try Self.store(articles, subscriptionId: subscriptionId, analysed: analysed, now: now, in: db) }
  }

  /// `store` inside a transaction the caller holds, so that more can commit with it.
  static func store(_ articles: [Article], subscriptionId: Int64, analysed: Bool, now: Date, in db: Database) throws -> StoreResult {
    let analysis = analysed ? ArticleAnalysis.version : 0
    var result = StoreResult()
    for article in articles {
      let hash = Self.contentHash(article)
      let existing = try Row.fetchOne(
        db.cachedStatement(sql: "SELECT id, contentHash FROM article WHERE subscriptionId = ? AND itemKey = ?"),
        arguments: [subscriptionId, article.id])
      if let existing, Self.isSameItem(stored: existing["contentHash"], feedHash: hash) {
        result.unchanged += 1
        continue
      }
      if existing == nil,
        try Row.fetchOne(
          db.cachedStatement(sql: "SELECT 1 FROM prunedItem WHERE subscriptionId = ? AND itemKey = ?"),
          arguments: [subscriptionId, article.id]) != nil
      {
        result.unchanged += 1
        continue
      }
      let body = ArticleSearchIndex.body(article.paragraphs)
      let links = StringArrayJSON.encode(article.links)
      let speakers = analysed ? Self.searchableSpeakers(article.quotes) : ""
      let blockquotes = Self.encodeBlockquotes(article.blockquotes)
      let sortDate = (article.published ?? now).timeIntervalSince1970
      let rowID: Int64
      if let existing {
        rowID = existing["id"]
        try db.cachedStatement(
          sql: """
            UPDATE article SET headline = ?, source = ?, link = ?, author = ?, published = ?, updated = ?,
              path = ?, contentHash = ?, sortDate = ?, analysis = ? WHERE id = ?
            """).execute(
          arguments: [
            article.headline, article.source, article.link, article.author, article.published?.timeIntervalSince1970,
            article.updated?.timeIntervalSince1970, article.path, hash, sortDate, analysis, rowID,
          ])
        // An analysed article's search row goes with its old text and speakers; the new one
        // comes if the new text is analysed (ArticleSearchIndex).
        try Self.unindex(rowID, in: db)
        try db.cachedStatement(sql: "DELETE FROM quote WHERE articleId = ?").execute(arguments: [rowID])
        if try Self.holdsPageText(rowID, in: db) {
          // A full-text feed's item whose text is its page's: the page's text stays until the
          // page is asked again; the feed's new text becomes its summary; analysed behind.
          try db.cachedStatement(sql: "UPDATE articleText SET headline = ? WHERE articleId = ?").execute(arguments: [article.headline, rowID])
          try db.cachedStatement(sql: "UPDATE article SET contentHash = ?, analysis = 0 WHERE id = ?")
            .execute(arguments: [Self.fullTextHash(feedHash: hash), rowID])
          try Self.feedChanged(rowID, body: body, in: db)
          result.updated += 1
          continue
        }
        try db.cachedStatement(
          sql: "UPDATE articleText SET headline = ?, body = ?, links = ?, blockquotes = ? WHERE articleId = ?"
        ).execute(arguments: [article.headline, body, links, blockquotes, rowID])
        if analysed { try Self.index(rowID, headline: article.headline, body: body, speakers: speakers, in: db) }
        // The feed changed the item: its page is asked again for the new version.
        try Self.feedChanged(rowID, body: body, in: db)
        result.updated += 1
      } else {
        try db.cachedStatement(
          sql: """
            INSERT INTO article (subscriptionId, itemKey, headline, source, link, author, published, updated,
              path, contentHash, firstSeen, sortDate, analysis)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(
          arguments: [
            subscriptionId, article.id, article.headline, article.source, article.link, article.author,
            article.published?.timeIntervalSince1970, article.updated?.timeIntervalSince1970,
            article.path, hash, now.timeIntervalSince1970, sortDate, analysis,
          ])
        rowID = db.lastInsertedRowID
        try db.cachedStatement(
          sql: "INSERT INTO articleText (articleId, headline, body, links, blockquotes) VALUES (?, ?, ?, ?, ?)"
        ).execute(arguments: [rowID, article.headline, body, links, blockquotes])
        if analysed { try Self.index(rowID, headline: article.headline, body: body, speakers: speakers, in: db) }
        result.new += 1
      }
      try insertQuotes(analysed ? article.quotes : [], of: rowID, in: db)
    }
    return result
  }

  /// Records an article as analysed with these speakers, and adds its search row.
  static func index(_ rowID: Int64, headline: String, body: String, speakers: String, in db: Database) throws {
    try db.cachedStatement(sql: "INSERT INTO articleSpeakers (articleId, speakers) VALUES (?, ?)").execute(arguments: [rowID, speakers])
    try ArticleSearchIndex.add(articleId: rowID, headline: headline, body: body, speakers: speakers, in: db)
  }

  /// Takes an analysed article's search row out (with the values it was indexed with) and
  /// its speakers; nothing for an article not analysed.
  static func unindex(_ rowID: Int64, in db: Database) throws {
    guard
      let old = try Row.fetchOne(
        db.cachedStatement(
          sql: "SELECT t.headline, t.body, s.speakers FROM articleText t JOIN articleSpeakers s ON s.articleId = t.articleId WHERE t.articleId = ?"),
        arguments: [rowID])
    else { return }
    try ArticleSearchIndex.remove(articleId: rowID, headline: old[0], body: old[1], speakers: old[2], in: db)
    try db.cachedStatement(sql: "DELETE FROM articleSpeakers WHERE articleId = ?").execute(arguments: [rowID])
  }

  /// An article's quotes, stored in the caller's transaction.
  static func insertQuotes(_ quotes: [Quote], of rowID: Int64, in db: Database) throws {
    for quote in quotes {
      try db.cachedStatement(
        sql: """
          INSERT INTO quote (articleId, startParagraph, startOffset, endParagraph, endOffset, text, kind, speaker,
            speakerName)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
          """
      ).execute(
        arguments: [
          rowID, quote.start.paragraph, quote.start.offset, quote.end.paragraph, quote.end.offset, quote.text,
          quote.kind.rawValue, quote.speaker, quote.speakerName,
        ])
    }
  }

  /// Blockquotes as the library keeps them: `[[first, last], …]`.
  static func encodeBlockquotes(_ ranges: [ClosedRange<Int>]) -> String {
    "[" + ranges.map { "[\($0.lowerBound),\($0.upperBound)]" }.joined(separator: ",") + "]"
  }

  static func decodeBlockquotes(_ text: String) -> [ClosedRange<Int>] {
    guard let pairs = try? JSONDecoder().decode([[Int]].self, from: Data(text.utf8)) else { return [] }
    return pairs.compactMap { $0.count == 2 && $0[0] <= $0[1] ? $0[0]...$0[1] : nil }
  }

  /// Articles newest first, one line each; paged with `filter.limit` and `filter.offset`.
  public func entries(_ filter: ArticleFilter = ArticleFilter()) throws(LibraryError) -> [LibraryEntry] {
    var entries: [LibraryEntry] = []
    try forEachEntry(filter) { entries.append($0) }
    return entries
  }

  /// `entries` one at a time from a cursor, so listing the whole library holds one row.
  public func forEachEntry(_ filter: ArticleFilter = ArticleFilter(), _ body: (LibraryEntry) -> Void) throws(LibraryError) {
    let (conditions, arguments) = Self.conditions(for: filter)
    let whereClause = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
    let order = "ORDER BY a.sortDate DESC, a.id DESC"
    // A page is chosen among the ids alone (an index walk), then only its rows are read and
    // joined: skipping 99,000 joined rows took 75 ms, skipping 99,000 index entries takes 3.
    let selection = filter.limit.map { limit in
      "(\(Self.pageIDs(whereClause, limit: limit, offset: filter.offset, total: filter.total))) page JOIN article a ON a.id = page.id"
    } ?? "article a"
    let pageWhere = filter.limit == nil ? whereClause : ""
    let sql = """
      SELECT a.id, a.headline, a.source, a.published, a.isRead, a.isStarred,
        coalesce(s.titleOverride, s.title, s.location) AS feed
      FROM \(selection) JOIN subscription s ON s.id = a.subscriptionId
      \(pageWhere) \(order)
      """
    try read { db in
      let rows = try Row.fetchCursor(db, sql: sql, arguments: arguments)
      while let row = try rows.next() { body(Self.entry(row)) }
    }
  }

  /// The ids of one page, newest first from `offset`. Past the middle of `total` they are
  /// counted from the oldest end instead, so the walk is never longer than half the index.
  static func pageIDs(_ whereClause: String, limit: Int, offset: Int, total: Int?) -> String {
    guard let total, offset > total / 2 else {
      return "SELECT a.id FROM article a \(whereClause) ORDER BY a.sortDate DESC, a.id DESC LIMIT \(limit) OFFSET \(offset)"
    }
    // Rows offset..<offset+limit from the newest are rows total-offset-limit..<total-offset
    // from the oldest.
    let end = max(0, total - offset)
    let start = max(0, end - limit)
    return "SELECT a.id FROM article a \(whereClause) ORDER BY a.sortDate ASC, a.id ASC LIMIT \(end - start) OFFSET \(start)"
  }

  /// The SQL conditions (on `article a`) and their arguments that select a filter's articles.
  static func conditions(for filter: ArticleFilter) -> (clauses: [String], arguments: StatementArguments) {
    var conditions: [String] = []
    var arguments: StatementArguments = []
    if filter.unreadOnly { conditions.append("a.isRead = 0") }
    if filter.starredOnly { conditions.append("a.isStarred = 1") }
    if let id = filter.subscriptionId {
      conditions.append("a.subscriptionId = ?")
      _ = arguments.append(contentsOf: [id])
    }
    if let tag = filter.tag {
      conditions.append("a.subscriptionId IN (SELECT subscriptionId FROM subscriptionTag WHERE tag = ?)")
      _ = arguments.append(contentsOf: [tag])
    }
    return (conditions, arguments)
  }

  /// A row whose first columns are id, headline, source, published, isRead, isStarred, feed
  /// (by position: looking columns up by name was a tenth of listing the library).
  static func entry(_ row: Row) -> LibraryEntry {
    LibraryEntry(
      id: row[0], headline: row[1], source: row[2], feed: row[6],
      published: (row[3] as Double?).map(Date.init(timeIntervalSince1970:)), isRead: row[4], isStarred: row[5])
  }

  /// One stored article in full, with its quotes.
  public func article(_ id: Int64) throws(LibraryError) -> Article {
    try read { db in
      guard
        let row = try Row.fetchOne(
          db,
          sql: """
            SELECT article.*, articleText.body, articleText.links, articleFullText.summary
            FROM article JOIN articleText ON articleText.articleId = article.id
            LEFT JOIN articleFullText ON articleFullText.articleId = article.id WHERE id = ?
            """,
          arguments: [id])
      else {
        throw LibraryError.noSuchArticle(String(id))
      }
      let paragraphs = ArticleSearchIndex.paragraphs(row["body"])
      var article = Article(
        id: String(id), headline: row["headline"], source: row["source"], link: row["link"], author: row["author"],
        published: (row["published"] as Double?).map(Date.init(timeIntervalSince1970:)), paragraphs: paragraphs,
        path: row["path"])
      article.updated = (row["updated"] as Double?).map(Date.init(timeIntervalSince1970:))
      article.links = (try? JSONDecoder().decode([String].self, from: Data((row["links"] as String).utf8))) ?? []
      article.feedSummary = (row["summary"] as String?).map(ArticleSearchIndex.paragraphs)
      article.quotes = try Row.fetchAll(
        db, sql: "SELECT * FROM quote WHERE articleId = ? ORDER BY startParagraph, startOffset", arguments: [id]
      ).map(Self.quote)
      return article
    }
  }

  public enum Mark: String, Sendable, CaseIterable {
    case read, unread, star, unstar
  }

  /// Marks articles; returns how many exist and were marked. Unknown ids throw before anything
  /// changes.
  @discardableResult
  public func mark(_ ids: [Int64], _ mark: Mark, now: Date = Date()) throws(LibraryError) -> Int {
    try write { db in
      // A few hundred ids per statement: undoing `A` on 100,000 stories took 4 s one by one.
      // An unknown id throws, and the transaction takes back the chunks already marked.
      for start in stride(from: 0, to: ids.count, by: 500) {
        let chunk = Array(ids[start..<min(start + 500, ids.count)])
        let list = "(" + databaseQuestionMarks(count: chunk.count) + ")"
        let found = Set(try Int64.fetchAll(db, sql: "SELECT id FROM article WHERE id IN \(list)", arguments: StatementArguments(chunk)))
        if let unknown = chunk.first(where: { !found.contains($0) }) { throw LibraryError.noSuchArticle(String(unknown)) }
        try db.execute(sql: Self.markSQL(mark) + " WHERE id IN \(list)", arguments: Self.markArguments(mark, now) + StatementArguments(chunk))
      }
      return ids.count
    }
  }

  /// Marks every article (of one feed, when given) read; returns how many changed.
  @discardableResult
  public func markAllRead(subscriptionId: Int64? = nil, now: Date = Date()) throws(LibraryError) -> Int {
    try markAllRead(ArticleFilter(subscriptionId: subscriptionId), now: now).count
  }

  static func markSQL(_ mark: Mark) -> String {
    switch mark {
    case .read: return "UPDATE article SET isRead = 1, readAt = coalesce(readAt, ?)"
    case .unread: return "UPDATE article SET isRead = 0, readAt = NULL"
    case .star: return "UPDATE article SET isStarred = 1"
    case .unstar: return "UPDATE article SET isStarred = 0"
    }
  }

  static func markArguments(_ mark: Mark, _ now: Date) -> StatementArguments {
    mark == .read ? [now.timeIntervalSince1970] : []
  }

  /// Remembers the paragraph the reader was on, to resume there.
  public func setLastParagraph(_ paragraph: Int, of id: Int64) throws(LibraryError) {
    try write { db in try db.execute(sql: "UPDATE article SET lastParagraph = ? WHERE id = ?", arguments: [paragraph, id]) }
  }

  /// What identifies an article's content: an update with the same hash changes nothing.
  static func contentHash(_ article: Article) -> String {
    var text = ([article.headline, article.author ?? "", article.link ?? ""] + article.paragraphs).joined(separator: "\u{1F}")
    return text.withUTF8 { ArticleID.make(for: $0) }
  }
}
