/// What a feed says about itself.
public struct FeedInfo: Sendable, Hashable {
  public var title: String?
  public var link: String?
  public var description: String?

  public init(title: String?, link: String?, description: String?) {
    self.title = title
    self.link = link
    self.description = description
  }
}

/// A parsed feed: its own description and one article per item, in document order.
public struct FeedDocument: Sendable {
  public var info: FeedInfo
  public var articles: [Article]
}

/// Why a feed could not be read. The message names where it came from.
public struct FeedError: Error, Sendable, Hashable, CustomStringConvertible {
  public var location: String
  public var message: String

  public init(location: String, message: String) {
    self.location = location
    self.message = message
  }

  public var description: String { "\(location): \(message)" }
}
