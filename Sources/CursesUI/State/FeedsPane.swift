/// Which stories the headline list shows: a virtual feed, a tag or one feed.
public enum StoryFilter: Sendable, Hashable {
  case all, unread, starred
  case tag(String)
  case feed(String)
}

/// A subscription as the feeds pane shows it.
public struct ReaderFeed: Sendable, Hashable {
  public var id: String
  public var title: String
  public var unread: Int
  public var total: Int
  public var tags: [String]
  /// Why the last sync failed, when it did.
  public var error: String?

  public init(id: String, title: String, unread: Int, total: Int, tags: [String] = [], error: String? = nil) {
    self.id = id
    self.title = title
    self.unread = unread
    self.total = total
    self.tags = tags
    self.error = error
  }
}

/// One row of the feeds pane.
public struct FeedRow: Sendable, Hashable {
  public var filter: StoryFilter
  public var title: String
  /// Unread stories (nil where it is not counted).
  public var unread: Int?
  public var depth: Int
  /// For a tag: whether its feeds are shown under it.
  public var isOpen: Bool?
  public var error: String?

  /// The pane's rows: All, Unread, Starred; then each tag as a folder (its feeds under it when
  /// open); then the feeds without a tag.
  public static func rows(for feeds: [ReaderFeed], openTags: Set<String>) -> [FeedRow] {
    let unread = feeds.reduce(0) { $0 + $1.unread }
    var rows = [
      FeedRow(filter: .all, title: "All", unread: unread, depth: 0),
      FeedRow(filter: .unread, title: "Unread", unread: unread, depth: 0),
      FeedRow(filter: .starred, title: "Starred", unread: nil, depth: 0),
    ]
    func row(_ feed: ReaderFeed, depth: Int) -> FeedRow {
      FeedRow(filter: .feed(feed.id), title: feed.title, unread: feed.unread, depth: depth, error: feed.error)
    }
    let tags = Set(feeds.flatMap(\.tags)).sorted { $0.lowercased() < $1.lowercased() }
    for tag in tags {
      let tagged = feeds.filter { $0.tags.contains(tag) }
      let open = openTags.contains(tag)
      rows.append(FeedRow(filter: .tag(tag), title: tag, unread: tagged.reduce(0) { $0 + $1.unread }, depth: 0, isOpen: open))
      if open { rows += tagged.map { row($0, depth: 1) } }
    }
    rows += feeds.filter(\.tags.isEmpty).map { row($0, depth: 0) }
    return rows
  }
}
