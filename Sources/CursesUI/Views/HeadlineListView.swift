import NewsKit

import Foundation

/// The headline list: a read mark (•: unread), a star (*), the day, the source and the headline cut to the
/// width. When the rows shown all come from one source, the day takes the source's place. Only the
/// visible rows are drawn, so a frame costs the same with 100,000 stories as with 100; a row whose
/// page has not arrived yet shows an ellipsis.
public struct HeadlineListView {
  /// What a row whose page has not arrived shows.
  public static let placeholder = "  …"
  public var stories: StoryList
  public var list: ListState
  public var readIDs: Set<String>
  public var starredIDs: Set<String>
  /// Whether listing has finished: an empty list then says so instead of "Loading…".
  public var loadedAll: Bool

  /// The moment "this year" is measured from.
  public var now = Date()

  public init(stories: StoryList, list: ListState, readIDs: Set<String>, starredIDs: Set<String> = [], loadedAll: Bool) {
    self.stories = stories
    self.list = list
    self.readIDs = readIDs
    self.starredIDs = starredIDs
    self.loadedAll = loadedAll
  }

  public func render(into grid: inout Grid, area: Rect) {
    guard !area.isEmpty else { return }
    grid.fill(area, style: Style(.listRow))
    guard !stories.isEmpty else {
      grid.write(loadedAll ? "No stories here" : "Loading…", x: area.x + 1, y: area.y, style: Style(.dim), limit: area.maxX)
      return
    }
    let rows = list.visibleRows(count: stories.count, height: area.height)
    // One feed's stories (or a list from one source) would repeat its name on every row: the
    // day takes its place, so that a list beside the feeds pane and the article still has dates.
    let shown = rows.compactMap { stories.story(at: $0) }
    let oneSource = Self.haveOneSource(shown)
    let sourceWidth = oneSource ? 0 : (area.width >= 60 ? 16 : (area.width >= 36 ? 10 : 0))
    let showsDates = area.width >= 70 || (oneSource && area.width >= 30 && shown.contains { $0.published != nil })
    for index in rows {
      let y = area.y + index - list.offset
      guard let story = stories.story(at: index) else {
        let style = index == list.selected ? Style(.listSelected) : Style(.dim)
        grid.fill(Rect(x: area.x, y: y, width: area.width, height: 1), style: style)
        grid.write(Self.placeholder, x: area.x, y: y, style: style, limit: area.maxX)
        continue
      }
      let isRead = readIDs.contains(story.id)
      let selected = index == list.selected
      let rowStyle = selected ? Style(.listSelected) : Style(isRead ? .listRead : .listUnread)
      grid.fill(Rect(x: area.x, y: y, width: area.width, height: 1), style: rowStyle)
      var x = area.x
      x = grid.write(isRead ? " " : "•", x: x, y: y, style: rowStyle, limit: area.maxX)
      x = grid.write(starredIDs.contains(story.id) ? "*" : " ", x: x, y: y, style: rowStyle, limit: area.maxX)
      if showsDates {
        let day = story.published.map { ShortDate.text($0, now: now) } ?? ""
        let dayStyle = selected ? rowStyle : Style(.listSource)
        grid.write(day, x: x, y: y, style: dayStyle, limit: area.maxX)
        x = min(area.maxX, x + 7)
      }
      if sourceWidth > 0 {
        let sourceStyle = selected ? rowStyle : Style(.listSource)
        let end = grid.write(story.source ?? "—", cutTo: sourceWidth, x: x, y: y, style: sourceStyle, limit: area.maxX)
        x = min(area.maxX, max(end, x + sourceWidth) + 1)
      }
      grid.write(story.headline, cutTo: area.maxX - x, x: x, y: y, style: rowStyle, limit: area.maxX)
    }
  }

  /// Whether the rows shown all come from one source (two rows at least: a lone story keeps
  /// its source).
  static func haveOneSource(_ shown: [ArticleSummary]) -> Bool {
    guard shown.count >= 2, let first = shown.first?.source else { return false }
    return shown.allSatisfy { $0.source == first }
  }
}
