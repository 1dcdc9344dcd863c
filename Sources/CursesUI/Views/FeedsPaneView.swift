/// The feeds pane: All, Unread, Starred, tag folders (▸ closed, ▾ open) with their feeds, then
/// the other feeds; each with its unread count on the right, a feed whose last sync failed
/// marked with `!`. A title too long keeps its beginning and its end (feeds of one publisher
/// differ at the end: "Guardian — World", "Guardian — Science"). The selected row is highlighted while the pane has the focus, underlined
/// in the list's colours when it does not.
public struct FeedsPaneView {
  public var rows: [FeedRow]
  public var list: ListState
  public var focused: Bool
  public var current: StoryFilter

  public init(rows: [FeedRow], list: ListState, focused: Bool, current: StoryFilter) {
    self.rows = rows
    self.list = list
    self.focused = focused
    self.current = current
  }

  public func render(into grid: inout Grid, area: Rect) {
    guard !area.isEmpty else { return }
    grid.fill(area, style: Style(.listRow))
    for index in list.visibleRows(count: rows.count, height: area.height) {
      let row = rows[index]
      let y = area.y + index - list.offset
      let selected = index == list.selected && focused
      let shown = row.filter == current
      let style = selected ? Style(.listSelected) : Style(shown || (row.unread ?? 0) > 0 ? .listUnread : .listRead)
      grid.fill(Rect(x: area.x, y: y, width: area.width, height: 1), style: style)
      let count = row.unread.map { $0 > 0 ? String($0) : "" } ?? ""
      let countWidth = DisplayWidth.of(count)
      var x = area.x + row.depth * 2
      let marker: String
      if let open = row.isOpen {
        marker = open ? "▾" : "▸"
      } else {
        marker = row.error != nil ? "!" : (shown ? "›" : " ")
      }
      x = grid.write(marker + " ", x: x, y: y, style: style, limit: area.maxX)
      let titleLimit = max(x, area.maxX - countWidth - 1)
      grid.write(TextWrapper.truncateMiddle(row.title, width: titleLimit - x), x: x, y: y, style: style, limit: titleLimit)
      if countWidth > 0, area.width > countWidth + 4 {
        grid.write(count, x: area.maxX - countWidth, y: y, style: selected ? style : Style(.listSource), limit: area.maxX)
      }
    }
  }
}
