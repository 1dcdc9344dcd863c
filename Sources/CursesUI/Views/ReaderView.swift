/// The whole screen for a state: a pure function from `ReaderState` to a `Grid`.
public enum ReaderView {
  public static func render(_ state: ReaderState) -> Grid {
    var grid = Grid(width: state.width, height: state.height)
    let screen = state.layout
    if let area = screen.feeds {
      FeedsPaneView(rows: state.feedRows, list: state.feedList, focused: state.focus == .feeds, current: state.filter)
        .render(into: &grid, area: area)
    }
    if let divider = screen.feedsDivider {
      for y in divider.y..<divider.maxY { grid.put("│", x: divider.x, y: y, style: Style(.border)) }
    }
    if let area = screen.list {
      HeadlineListView(
        stories: state.stories, list: state.list, readIDs: state.readIDs, starredIDs: state.starredIDs,
        loadedAll: state.loadedAll)
        .render(into: &grid, area: area)
    }
    if let divider = screen.divider {
      for y in divider.y..<divider.maxY { grid.put("│", x: divider.x, y: y, style: Style(.border)) }
    }
    if let area = screen.article {
      ArticleView(reading: state.reading, search: state.search)
        .render(into: &grid, area: area)
    }
    if let view = state.speakersView {
      SpeakersPaneView(view: view).render(into: &grid, area: Rect(x: 0, y: 0, width: state.width, height: screen.status.y))
    }
    StatusBarView(state: state).render(into: &grid, area: screen.status)
    if state.helpVisible { HelpOverlay(keymap: state.keymap, scroll: state.helpScroll).render(into: &grid, area: grid.bounds) }
    return grid
  }
}
