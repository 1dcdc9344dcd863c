import Foundation
import GRDB
import NewsKit

/// A subscribed source: a feed URL, a feed file, or a directory of plain-text articles.
public struct Subscription: Sendable, Hashable, Codable, FetchableRecord, MutablePersistableRecord {
  public enum Kind: String, Sendable, Codable {
    case url, file, directory
  }

  public var id: Int64?
  public var kind: Kind
  public var location: String
  public var title: String?
  public var titleOverride: String?
  public var siteLink: String?
  public var etag: String?
  public var lastModified: String?
  public var lastAttempt: Date?
  public var lastSuccess: Date?
  public var lastError: String?
  public var gone = false
  public var retryAfter: Date?
  public var scanSignature: String?
  public var settings: String?
  public var added: Date
  /// Each new item's web page is fetched and its article stored as the text (`--full-text`).
  public var fullText = false

  public static let databaseTableName = "subscription"
  // Numbers, like the article table's dates, so that they compare and sort in SQL. (GRDB 7
  // asks these functions; a static property of the same name is silently not used, and was
  // here before v6, which left the dates as text.)
  public static func databaseDateEncodingStrategy(for column: String) -> DatabaseDateEncodingStrategy {
    StoredDate.encoding
  }
  public static func databaseDateDecodingStrategy(for column: String) -> DatabaseDateDecodingStrategy {
    StoredDate.decoding
  }

  /// The title to show: the user's override, else the feed's, else the location.
  public var displayTitle: String { titleOverride ?? title ?? location }

  /// An error to show after the feed's name: without the location a fetch error starts with
  /// when the name is that location (an untitled feed), which would say it twice. A titled
  /// feed keeps it, as it tells which URL failed.
  public func afterName(_ error: String) -> String {
    guard displayTitle == location, error.hasPrefix(location + ": ") else { return error }
    return String(error.dropFirst(location.count + 2))
  }

  public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

  /// The kind of source a location names: a URL, a directory, or a file (which must be a feed).
  public static func kind(of location: String) -> Kind {
    if FeedFetcher.isURL(location) { return .url }
    var isDirectory: ObjCBool = false
    if FileManager.default.fileExists(atPath: location, isDirectory: &isDirectory), isDirectory.boolValue { return .directory }
    return .file
  }
}

/// A subscription with what `herald feeds` shows beside it.
public struct FeedOverview: Sendable, Hashable {
  public var subscription: Subscription
  public var tags: [String]
  public var unread: Int
  public var total: Int
}

extension Library {
  /// Subscribes to a location (stored as given for URLs, as an absolute path for files).
  /// Subscribing twice throws `alreadySubscribed` and changes nothing.
  @discardableResult
  public func subscribe(
    _ location: String, tags: [String] = [], title: String? = nil, titleOverride: String? = nil, now: Date = Date()
  ) throws(LibraryError) -> Subscription {
    let stored = Self.storedLocation(location)
    let kind = Subscription.kind(of: stored)
    return try write { db in
      if try Subscription.filter(Column("location") == stored).fetchOne(db) != nil {
        throw LibraryError.alreadySubscribed(stored)
      }
      var subscription = Subscription(
        kind: kind, location: stored, title: title, titleOverride: titleOverride, added: now)
      try subscription.insert(db)
      for tag in Set(tags) {
        try db.execute(sql: "INSERT INTO subscriptionTag (subscriptionId, tag) VALUES (?, ?)", arguments: [subscription.id, tag])
      }
      return subscription
    }
  }

  /// A location as the library keeps it: a URL as given, a path (or file: URL) made absolute.
  public static func storedLocation(_ location: String) -> String {
    if FeedFetcher.isURL(location) { return location }
    if location.lowercased().hasPrefix("file://"), let url = URL(string: location), url.isFileURL {
      return url.standardizedFileURL.path
    }
    return URL(fileURLWithPath: location).standardizedFileURL.path
  }

  /// Every subscription with its tags and unread and total counts, by title.
  public func feeds() throws(LibraryError) -> [FeedOverview] {
    try read { db in
      let subscriptions = try Subscription.fetchAll(db)
      // Two counts, each answered from an index (the unread one from the partial index of v4).
      var byFeed: [Int64: (unread: Int, total: Int)] = [:]
      for row in try Row.fetchAll(db, sql: "SELECT subscriptionId, COUNT(*) FROM article GROUP BY subscriptionId") {
        byFeed[row[0]] = (0, row[1])
      }
      for row in try Row.fetchAll(db, sql: "SELECT subscriptionId, COUNT(*) FROM article WHERE isRead = 0 GROUP BY subscriptionId") {
        byFeed[row[0], default: (0, 0)].unread = row[1]
      }
      var tags: [Int64: [String]] = [:]
      for row in try Row.fetchAll(db, sql: "SELECT subscriptionId, tag FROM subscriptionTag ORDER BY tag") {
        tags[row["subscriptionId"], default: []].append(row["tag"])
      }
      // Case and accents folded (CoreFoundation's tables), not a localized compare: that goes
      // through ICU's collation tables, megabytes of resident memory in the reader, for an
      // order that differs from this one only in rare titles.
      return subscriptions.map { subscription in
        let (unread, total) = byFeed[subscription.id!] ?? (0, 0)
        return (key: subscription.displayTitle.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil),
                feed: FeedOverview(subscription: subscription, tags: tags[subscription.id!] ?? [], unread: unread, total: total))
      }.sorted { ($0.key, $0.feed.subscription.location) < ($1.key, $1.feed.subscription.location) }.map(\.feed)
    }
  }

  /// The subscription with this id, as stored now.
  public func subscription(id: Int64?) throws(LibraryError) -> Subscription {
    guard let id else { throw LibraryError.noSuchFeed("?") }
    return try read { db in
      guard let found = try Subscription.fetchOne(db, key: id) else { throw LibraryError.noSuchFeed(String(id)) }
      return found
    }
  }

  /// Whether a subscription asks at exactly this location.
  public func isSubscribed(_ location: String) throws(LibraryError) -> Bool {
    try read { db in try Subscription.filter(Column("location") == location).fetchCount(db) > 0 }
  }

  /// The subscription a user named: its id, its location (URL or path), or its title.
  public func subscription(named name: String) throws(LibraryError) -> Subscription {
    try read { db in
      if let id = Int64(name), let found = try Subscription.fetchOne(db, key: id) { return found }
      let path = URL(fileURLWithPath: name).standardizedFileURL.path
      if let found = try Subscription.filter(Column("location") == name || Column("location") == path).fetchOne(db) {
        return found
      }
      let titled = try Subscription.fetchAll(
        db, sql: "SELECT * FROM subscription WHERE lower(coalesce(titleOverride, title)) = lower(?)", arguments: [name])
      if titled.count == 1 { return titled[0] }
      if titled.count > 1 { throw LibraryError.ambiguousFeed(name, matches: titled.map { String($0.id!) }) }
      throw LibraryError.noSuchFeed(name)
    }
  }

  /// Unsubscribes and deletes its articles; a feed with starred articles is kept unless `force`.
  /// Returns how many articles were deleted.
  @discardableResult
  public func unsubscribe(_ subscription: Subscription, force: Bool) throws(LibraryError) -> Int {
    try write { db in
      let starred = try Int.fetchOne(
        db, sql: "SELECT COUNT(*) FROM article WHERE subscriptionId = ? AND isStarred = 1", arguments: [subscription.id]) ?? 0
      if starred > 0 && !force {
        throw LibraryError.hasStarred(feed: subscription.displayTitle, count: starred)
      }
      let count = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM article WHERE subscriptionId = ?", arguments: [subscription.id]) ?? 0
      try Subscription.deleteOne(db, key: subscription.id)
      return count
    }
  }

  /// Records the outcome of fetching or scanning a subscription.
  public func update(_ subscription: Subscription) throws(LibraryError) {
    try write { db in try subscription.update(db) }
  }
}
