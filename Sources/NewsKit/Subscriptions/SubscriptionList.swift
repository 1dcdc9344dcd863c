import Foundation

/// A feed in a list of subscriptions another reader wrote (OPML, newsboat's `urls`) or Herald
/// exports.
public struct SubscriptionEntry: Sendable, Hashable {
  public var location: String
  /// The feed's title as the list gives it.
  public var title: String?
  /// A title the user chose (newsboat's `~name`, Herald's own export).
  public var titleOverride: String?
  public var tags: [String]

  public init(location: String, title: String? = nil, titleOverride: String? = nil, tags: [String] = []) {
    self.location = location
    self.title = title
    self.titleOverride = titleOverride
    self.tags = tags
  }
}

/// Reads and writes lists of subscriptions: OPML 1.0/2.0 (nested outlines become tags, and so
/// does `category`) and newsboat's `urls` file (tags and `~title` kept).
public enum SubscriptionList {
  /// What a list held, and the lines or outlines that could not be used.
  public struct Parsed: Sendable {
    public var entries: [SubscriptionEntry] = []
    public var skipped: [String] = []
  }

  /// Reads a list file, telling OPML from `urls` by its content.
  public static func read(path: String) throws(LoadError) -> Parsed {
    try parse(ArticleFile.read(path: path), path: path)
  }

  /// Reads a list from its bytes; `path` names it in errors.
  public static func parse(_ bytes: [UInt8], path: String) throws(LoadError) -> Parsed {
    let head = String(decoding: bytes.prefix(512), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    if head.hasPrefix("<") { return try OPMLList.parse(bytes, path: path) }
    return NewsboatURLs.parse(String(decoding: bytes, as: UTF8.self))
  }
}
