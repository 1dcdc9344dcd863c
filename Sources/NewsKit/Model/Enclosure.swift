/// A file attached to a feed item (RSS enclosure, Atom `rel="enclosure"`, JSON attachment).
public struct Enclosure: Sendable, Hashable {
  public var url: String
  public var type: String?
  public var length: Int?

  public init(url: String, type: String?, length: Int?) {
    self.url = url
    self.type = type
    self.length = length
  }
}
