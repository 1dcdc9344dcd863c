/// A scrolling selection over a list: which row is selected and which is at the top. Like
/// ratatui's `ListState`, it is clamped once the row count and the height are known.
public struct ListState: Sendable, Hashable {
  public var selected: Int = 0
  public var offset: Int = 0

  public init(selected: Int = 0, offset: Int = 0) {
    self.selected = selected
    self.offset = offset
  }

  /// Rows kept between the selection and the top or bottom edge, until the list's ends.
  public static func margin(forHeight height: Int) -> Int {
    min(3, max(0, (height - 1) / 2))
  }

  /// Selects `row` (clamped) and scrolls so it stays `margin` rows from the edges.
  public mutating func select(_ row: Int, count: Int, height: Int) {
    guard count > 0 else {
      selected = 0
      offset = 0
      return
    }
    selected = min(max(0, row), count - 1)
    scrollIntoView(count: count, height: height)
  }

  /// The rows of a list of `count` that a pane `height` rows high shows; row `offset` is at the
  /// pane's top.
  public func visibleRows(count: Int, height: Int) -> Range<Int> {
    let first = max(0, offset)
    return first..<max(first, min(count, offset + height))
  }

  public mutating func scrollIntoView(count: Int, height: Int) {
    guard height > 0, count > 0 else { return }
    selected = min(max(0, selected), count - 1)
    let margin = Self.margin(forHeight: height)
    if selected - margin < offset { offset = selected - margin }
    if selected + margin > offset + height - 1 { offset = selected + margin - height + 1 }
    offset = min(max(0, offset), max(0, count - height))
  }
}

extension ListState {
  /// Moves the selection as a movement key asks (`j` `k`, `J` `K`, a page, `g` `G`) in a list
  /// of `count` rows shown `height` high; false, and nothing moved, for any other action.
  mutating func move(by action: Action, count: Int, height: Int) -> Bool {
    let page = max(1, height - 1)
    switch action {
    case .moveDown, .nextParagraph: select(selected + 1, count: count, height: height)
    case .moveUp, .previousParagraph: select(selected - 1, count: count, height: height)
    case .pageDown: select(selected + page, count: count, height: height)
    case .pageUp: select(selected - page, count: count, height: height)
    case .first: select(0, count: count, height: height)
    case .last: select(count - 1, count: count, height: height)
    default: return false
    }
    return true
  }
}
