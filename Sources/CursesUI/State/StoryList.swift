import NewsKit

/// The headline list's stories. Stories read from paths and a search's hits are all held; a
/// library's listing is held a page at a time: the count comes first, pages are fetched as
/// their rows come into view, and pages far from the selection are dropped, so 100,000 stories
/// cost the memory of a few hundred.
public struct StoryList: Sendable {
  public static let pageSize = 128
  /// Pages kept either side of the selection's; farther ones are dropped (and fetched again if
  /// the selection comes back).
  static let pagesKept = 4

  /// Where a paged list's pages come from: a listing of one filter.
  public struct Source: Sendable, Hashable {
    public var listing: Int
    public var filter: StoryFilter
    /// How many stories the listing counted: a page past the middle is then fetched from the
    /// end of the order, which is as cheap as the start (`G` on 100,000 stories: 3 ms -> 0.1).
    public var count: Int?
  }

  public private(set) var count: Int
  /// The listing the pages come from; nil when every story is held.
  public let source: Source?
  private var held: [ArticleSummary]
  private var pages: [Int: [ArticleSummary]] = [:]
  private var requested: Set<Int> = []

  /// A list holding all its stories.
  public init(_ stories: [ArticleSummary] = []) {
    count = stories.count
    source = nil
    held = stories
  }

  /// A library listing of `count` stories, none fetched yet.
  public init(count: Int, source: Source) {
    self.count = max(0, count)
    self.source = source
    held = []
  }

  public var isEmpty: Bool { count == 0 }
  public var indices: Range<Int> { 0..<count }

  /// The story at a row, or nil when its page has not arrived.
  public func story(at index: Int) -> ArticleSummary? {
    guard indices.contains(index) else { return nil }
    if source == nil { return held[index] }
    let page = pages[index / Self.pageSize]
    let offset = index % Self.pageSize
    return page.flatMap { $0.indices.contains(offset) ? $0[offset] : nil }
  }

  /// The row of a story held (of a complete list, or on a fetched page); nil when it is not.
  public func row(of storyID: String) -> Int? {
    if source == nil { return held.firstIndex { $0.id == storyID } }
    for (page, stories) in pages {
      if let offset = stories.firstIndex(where: { $0.id == storyID }) { return page * Self.pageSize + offset }
    }
    return nil
  }

  /// Every story held: all of a complete list, the fetched pages' of a paged one.
  public var heldStories: [ArticleSummary] {
    source == nil ? held : pages.keys.sorted().flatMap { pages[$0] ?? [] }
  }

  /// More stories at the end of a complete list (paths listed in batches).
  mutating func append(_ more: [ArticleSummary]) {
    precondition(source == nil, "a paged list grows by pages")
    held += more
    count = held.count
  }

  /// A page arrived. A page shorter than a full one ends the list there: stories went from
  /// the library since it was counted.
  mutating func fill(page: Int, with stories: [ArticleSummary]) {
    guard source != nil, page >= 0, page * Self.pageSize < count else { return }
    pages[page] = stories
    requested.remove(page)
    if stories.count < Self.pageSize { count = min(count, page * Self.pageSize + stories.count) }
  }

  /// The pages holding the rows in `rows` that are neither held nor asked for; they count as
  /// asked for from now on.
  mutating func pagesToFetch(for rows: Range<Int>) -> [Int] {
    guard source != nil else { return [] }
    let wanted = rows.clamped(to: indices)
    guard !wanted.isEmpty else { return [] }
    var missing: [Int] = []
    for page in (wanted.lowerBound / Self.pageSize)...((wanted.upperBound - 1) / Self.pageSize)
    where pages[page] == nil && !requested.contains(page) {
      requested.insert(page)
      missing.append(page)
    }
    return missing
  }

  /// Drops the pages far from a row, and forgets asking for them (their answers are still
  /// taken if they come). The first and last two pages stay: `g` and `G` go there at once.
  mutating func keepPages(near row: Int) {
    guard source != nil else { return }
    let center = row / Self.pageSize
    let last = max(0, count - 1) / Self.pageSize
    let isKept = { (page: Int) in abs(page - center) <= Self.pagesKept || page <= 1 || page >= last - 1 }
    guard pages.keys.contains(where: { !isKept($0) }) || requested.contains(where: { !isKept($0) }) else { return }
    pages = pages.filter { isKept($0.key) }
    requested = requested.filter(isKept)
  }

  /// Forgets which pages were asked for, so that those not held are asked for again (a list
  /// put back after its answers were dropped).
  mutating func forgetRequests() {
    requested = []
  }
}
