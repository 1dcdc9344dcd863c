import Dispatch
import Foundation
import GRDB
import NewsKit

/// How far the library's analysis has got: articles analysed by today's rules, of all.
public struct AnalysisProgress: Sendable, Hashable {
  public var analysed: Int
  public var total: Int
  /// Articles with quotes and a search row by any version's rules: what search and "who said
  /// what" cover (an article analysed by older rules is covered until it is analysed again).
  public var covered: Int

  public init(analysed: Int, total: Int, covered: Int? = nil) {
    self.analysed = analysed
    self.total = total
    self.covered = covered ?? analysed
  }

  public var pending: Int { total - analysed }
  public var isComplete: Bool { analysed >= total }
}

/// How a call to `analyse` ended.
public enum AnalysisOutcome: Sendable, Hashable {
  /// Every article is analysed by today's rules; `analysed` of them by this call.
  case finished(analysed: Int)
  /// `shouldStop` said so; what was analysed is kept.
  case stopped(analysed: Int)
  /// Another process is analysing this library: it will do the work.
  case leftToAnother
}

extension Library {
  /// Articles analysed per transaction: FTS5 writes its pending terms once per transaction,
  /// so one article each made a segment apiece (see ArticleSearchIndex); a thousand keeps a
  /// transaction short enough (a few hundred ms) for the reader's writes to wait on.
  public static let articlesPerAnalysis = 1000

  /// Articles analysed by today's rules, of all.
  public func analysisProgress() throws(LibraryError) -> AnalysisProgress {
    try read { db in
      let row = try Row.fetchOne(
        db, sql: "SELECT count(*), coalesce(sum(analysis >= ?), 0), coalesce(sum(analysis > 0), 0) FROM article",
        arguments: [ArticleAnalysis.version])
      return AnalysisProgress(analysed: row?[1] ?? 0, total: row?[0] ?? 0, covered: row?[2] ?? 0)
    }
  }

  /// The second stage of a sync: finds the quotes, speakers and speakers' names of every
  /// article stored without them (newest first), then of every article analysed by older
  /// rules (newest first), and adds each to the search index, a batch per transaction. One
  /// analyser at a time per library: when another process holds the analysis lock this
  /// returns at once, leaving the work to it. Killed at any moment, it loses only the batch
  /// being written; the next call goes on from there. The quotes of a batch are found on all
  /// cores while nothing is locked; only the writing holds the database.
  public func analyse(
    batchSize: Int = Library.articlesPerAnalysis, shouldStop: @escaping @Sendable () -> Bool = { false },
    progress: (AnalysisProgress) -> Void = { _ in }
  ) throws(LibraryError) -> AnalysisOutcome {
    guard let lock = try FileLock.attempt(path: path + ".analysis-lock") else { return .leftToAnother }
    defer { withExtendedLifetime(lock) {} }
    var state = try analysisProgress()
    progress(state)
    var analysed = 0
    for version in 0..<ArticleAnalysis.version {
      // Down from the newest; once the end is reached, again from the top for what a sync
      // stored meanwhile, until nothing is left at this version. Each batch is read and its
      // quotes found while the one before it is written.
      var cursor: (sortDate: Double, id: Int64)?
      var sawAny = false
      var prepared = try prepareBatch(at: version, after: nil, limit: batchSize)
      while true {
        guard let last = prepared.last else {
          if cursor == nil || !sawAny { break }
          cursor = nil
          sawAny = false
          prepared = try prepareBatch(at: version, after: nil, limit: batchSize)
          continue
        }
        if shouldStop() { return .stopped(analysed: analysed) }
        sawAny = true
        cursor = (last.sortDate, last.id)
        let next = BatchPreparation { [self, cursor] () throws(LibraryError) in try prepareBatch(at: version, after: cursor, limit: batchSize) }
        let batch = prepared
        let written: Int
        do {
          written = try write { db in try Self.record(batch, at: version, in: db) }
        } catch {
          _ = try? next.wait()
          throw error
        }
        analysed += written
        state.analysed = min(state.total, state.analysed + written)
        if version == 0 { state.covered = min(state.total, state.covered + written) }
        if written < batch.count { state = try analysisProgress() }
        progress(state)
        prepared = try next.wait()
      }
    }
    return .finished(analysed: analysed)
  }

  /// The next batch at `version`, read and with its quotes found.
  private func prepareBatch(at version: Int, after cursor: (sortDate: Double, id: Int64)?, limit: Int) throws(LibraryError)
    -> [PendingArticle]
  {
    Self.findQuotes(try pendingArticles(at: version, after: cursor, limit: limit))
  }

  /// An article waiting for analysis, with what the analysis reads.
  struct PendingArticle: Sendable {
    var id: Int64
    var sortDate: Double
    var contentHash: String
    var headline: String
    /// The text as stored, one paragraph per line.
    var body: String
    var blockquotes: [ClosedRange<Int>]
    var quotes: [Quote] = []
  }

  private func pendingArticles(at version: Int, after cursor: (sortDate: Double, id: Int64)?, limit: Int) throws(LibraryError)
    -> [PendingArticle]
  {
    try read { db in
      let rows: [Row]
      let columns = "a.id, a.sortDate, a.contentHash, t.headline, t.body, t.blockquotes FROM article a JOIN articleText t ON t.articleId = a.id"
      if let cursor {
        rows = try Row.fetchAll(
          db,
          sql: """
            SELECT \(columns) WHERE a.analysis = ? AND (a.sortDate < ? OR (a.sortDate = ? AND a.id < ?))
            ORDER BY a.sortDate DESC, a.id DESC LIMIT ?
            """, arguments: [version, cursor.sortDate, cursor.sortDate, cursor.id, limit])
      } else {
        rows = try Row.fetchAll(
          db, sql: "SELECT \(columns) WHERE a.analysis = ? ORDER BY a.sortDate DESC, a.id DESC LIMIT ?", arguments: [version, limit])
      }
      return rows.map { row in
        PendingArticle(
          id: row[0], sortDate: row[1], contentHash: row[2], headline: row[3], body: row[4], blockquotes: Self.decodeBlockquotes(row[5]))
      }
    }
  }

  /// Each article's quotes, found on all cores, a few articles per task (its paragraphs split
  /// there too).
  static func findQuotes(_ batch: [PendingArticle]) -> [PendingArticle] {
    let results = AnalysisSlots(batch)
    let chunk = 8
    DispatchQueue.concurrentPerform(iterations: (batch.count + chunk - 1) / chunk) { part in
      for index in (part * chunk)..<min(batch.count, (part + 1) * chunk) {
        let paragraphs = ArticleSearchIndex.paragraphs(batch[index].body)
        results.set(index, ArticleAnalysis.quotes(in: paragraphs, blockquotes: batch[index].blockquotes))
      }
    }
    return results.articles
  }

  /// Writes a batch's analysis in the caller's transaction: quotes replaced, the speakers
  /// and the search row written, the version recorded. An article that changed or was
  /// analysed by someone else since it was read is left (the next pass reads it again).
  /// Returns how many were written.
  static func record(_ batch: [PendingArticle], at version: Int, in db: Database) throws -> Int {
    var written = 0
    for article in batch {
      guard
        let row = try Row.fetchOne(
          db.cachedStatement(
            sql: """
              SELECT a.analysis, a.contentHash, s.speakers
              FROM article a LEFT JOIN articleSpeakers s ON s.articleId = a.id WHERE a.id = ?
              """), arguments: [article.id]),
        row[0] as Int == version, row[1] as String == article.contentHash
      else { continue }
      // The same content hash: the headline and text read with the batch are still stored.
      let (headline, body) = (article.headline, article.body)
      try db.cachedStatement(sql: "DELETE FROM quote WHERE articleId = ?").execute(arguments: [article.id])
      try insertQuotes(article.quotes, of: article.id, in: db)
      let speakers = searchableSpeakers(article.quotes)
      // Analysed before (by older rules): its search row goes with the speakers it had.
      if let old = row[2] as String? {
        try ArticleSearchIndex.remove(articleId: article.id, headline: headline, body: body, speakers: old, in: db)
        try db.cachedStatement(sql: "DELETE FROM articleSpeakers WHERE articleId = ?").execute(arguments: [article.id])
      }
      try index(article.id, headline: headline, body: body, speakers: speakers, in: db)
      try db.cachedStatement(sql: "UPDATE article SET analysis = ? WHERE id = ?").execute(arguments: [ArticleAnalysis.version, article.id])
      written += 1
    }
    return written
  }
}

/// A batch being read and analysed on another thread while the caller writes the one before.
private final class BatchPreparation: @unchecked Sendable {
  private let done = DispatchSemaphore(value: 0)
  private var result: Result<[Library.PendingArticle], LibraryError> = .success([])

  init(_ work: @escaping @Sendable () throws(LibraryError) -> [Library.PendingArticle]) {
    DispatchQueue.global(qos: .utility).async { [self] in
      result = Result { () throws(LibraryError) in try work() }
      done.signal()
    }
  }

  func wait() throws(LibraryError) -> [Library.PendingArticle] {
    done.wait()
    return try result.get()
  }
}

/// Where the analysis threads put each article's quotes.
private final class AnalysisSlots: @unchecked Sendable {
  private let lock = NSLock()
  private(set) var articles: [Library.PendingArticle]

  init(_ articles: [Library.PendingArticle]) { self.articles = articles }

  func set(_ index: Int, _ quotes: [Quote]) {
    lock.withLock { articles[index].quotes = quotes }
  }
}
