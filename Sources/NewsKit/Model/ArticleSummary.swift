import Foundation

/// What the headline list needs to show an article, read without parsing its body.
public struct ArticleSummary: Sendable, Hashable {
  public var id: String
  public var headline: String
  public var source: String?
  public var path: String
  /// When it was published, when known (the list shows the day).
  public var published: Date?

  public init(id: String, headline: String, source: String?, path: String, published: Date? = nil) {
    self.id = id
    self.headline = headline
    self.source = source
    self.path = path
    self.published = published
  }
}
