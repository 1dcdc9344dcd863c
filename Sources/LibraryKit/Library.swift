import Foundation
import GRDB
import NewsKit

/// The library: one SQLite database (WAL, a pool of readers and one writer, a busy timeout, so
/// a sync and a reader, or two commands, never meet "database is locked"), holding
/// subscriptions, their articles with read and star state, quotes with their speakers, and a
/// full-text index. Every write is one transaction.
public final class Library: Sendable {
  let pool: DatabasePool
  public let path: String

  /// Opens (creating if needed, with its directory) and upgrades the library at `path`.
  /// `upgrading` is called before an existing library's schema is upgraded, which rewrites
  /// tables and can take a while on a large one.
  public init(path: String, footprint: Footprint = .standard, upgrading: (() -> Void)? = nil) throws(LibraryError) {
    self.path = path
    let directory = (path as NSString).deletingLastPathComponent
    if !directory.isEmpty {
      try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    }
    var configuration = Configuration()
    configuration.foreignKeysEnabled = true
    configuration.busyMode = .timeout(10)
    configuration.label = "herald library"
    // In WAL mode NORMAL never corrupts the database, and a killed process loses nothing
    // committed; only a power cut may lose the last transactions. FULL would fsync every
    // feed's commit during a sync.
    configuration.prepareDatabase { db in
      try db.execute(sql: "PRAGMA synchronous = NORMAL")
      if footprint == .standard && !db.configuration.readonly {
        try db.execute(sql: "PRAGMA cache_size = \(Footprint.standardWriterCacheKiB)")
      }
      if footprint == .small && db.configuration.readonly {
        try db.execute(sql: "PRAGMA cache_size = \(Footprint.smallReaderCacheKiB)")
      }
    }
    if footprint == .small { configuration.maximumReaderCount = Footprint.smallReaderCount }
    do {
      pool = try DatabasePool(path: path, configuration: configuration)
      let migrator = LibrarySchema.migrator
      let needsUpgrade = try pool.read { db in try db.tableExists("article") && !(try migrator.hasCompletedMigrations(db)) }
      guard needsUpgrade else {
        // A new library (or an up-to-date one): the schema is made in moments.
        try migrator.migrate(pool)
        return
      }
      upgrading?()
      // An upgrade can outlast the busy timeout (v7 takes 45 s at 100,000 articles), so a
      // second herald opening the library meanwhile waits on a lock file for it to finish,
      // rather than failing with "database is locked"; then there is nothing left to do.
      let lock = try FileLock(path: path + ".upgrade-lock")
      let rewritesText = try pool.read { db in !(try migrator.appliedIdentifiers(db)).contains(LibrarySchema.textKeptOnce) }
      try migrator.migrate(pool)
      // v7 writes every article's text anew and drops the old copies: the file held both, and
      // SQLite keeps freed pages for later, so it gives them back once (half the file). If that
      // fails (VACUUM needs room for a copy, and no other connection), the library still works
      // and later syncs reuse the free pages.
      if rewritesText { try? pool.vacuum() }
      withExtendedLifetime(lock) {}
    } catch {
      throw LibraryError.cannotOpen(path: path, reason: Self.describe(error))
    }
  }

  /// How much memory the library's connections may keep.
  public enum Footprint: Sendable {
    /// For commands: up to five readers, each caching up to 2 MiB of pages (SQLite's
    /// default), and a writer caching 8 MiB, as a sync inserts into indexes and the search
    /// index all over the file (30 bench feeds cold: 14.3 -> 13.4 s, 6 MiB more at peak).
    case standard
    /// For a long-running interactive process (the reader): two readers with small page
    /// caches. Counting 100,000 headlines walks a whole index, and each reader kept what it
    /// walked, 2 MiB apiece, although the operating system caches the file anyway.
    case small

    /// Negative: KiB, as `PRAGMA cache_size` reads it.
    static let smallReaderCacheKiB = -256
    static let standardWriterCacheKiB = -8192
    static let smallReaderCount = 2
  }

  static func describe(_ error: any Error) -> String {
    if let error = error as? DatabaseError { return error.message ?? "\(error.resultCode)" }
    return "\(error)"
  }

  func write<T>(_ body: (Database) throws -> T) throws(LibraryError) -> T {
    do {
      return try pool.write(body)
    } catch let error as LibraryError {
      throw error
    } catch {
      throw LibraryError.database(Self.describe(error))
    }
  }

  func read<T>(_ body: (Database) throws -> T) throws(LibraryError) -> T {
    do {
      return try pool.read(body)
    } catch let error as LibraryError {
      throw error
    } catch {
      throw LibraryError.database(Self.describe(error))
    }
  }
}

/// What went wrong with the library, in words for the user.
public enum LibraryError: Error, Sendable, CustomStringConvertible, Equatable {
  case cannotOpen(path: String, reason: String)
  case database(String)
  case alreadySubscribed(String)
  case noSuchFeed(String)
  case ambiguousFeed(String, matches: [String])
  case noSuchArticle(String)
  case hasStarred(feed: String, count: Int)
  case badQuery(String)

  public var description: String {
    switch self {
    case .cannotOpen(let path, let reason): return "\(path): cannot open the library: \(reason)"
    case .database(let reason): return "the library: \(reason)"
    case .alreadySubscribed(let location): return "\(location): already subscribed; nothing changed"
    case .noSuchFeed(let name): return "\(name): no such feed in the library (see herald feeds)"
    case .ambiguousFeed(let name, let matches):
      return "\(name): names several feeds (\(matches.joined(separator: ", "))); give its id or URL"
    case .noSuchArticle(let id): return "\(id): no such article in the library"
    case .hasStarred(let feed, let count):
      return "\(feed) has \(count) starred article\(count == 1 ? "" : "s"); remove it with --force to delete them too"
    case .badQuery(let why): return "cannot search for that: \(why)"
    }
  }
}
