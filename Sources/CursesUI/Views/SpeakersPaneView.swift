/// "Who said what", drawn over the panes: each speaker with their number of quotes, or one
/// speaker's quotes, each with the headline of its story.
public struct SpeakersPaneView {
  public var view: SpeakersView

  public init(view: SpeakersView) {
    self.view = view
  }

  public func render(into grid: inout Grid, area: Rect) {
    guard !area.isEmpty else { return }
    grid.fill(area, style: Style(.listRow))
    let title: String
    switch view.content {
    case .loading: title = "Who said what — counting…"
    case .speakers(let tallies): title = "Who said what — \(tallies.count) \(tallies.count == 1 ? "speaker" : "speakers"), most quoted first"
    case .quotes(let speaker, let quotes): title = "\(speaker) — \(quotes.count) \(quotes.count == 1 ? "quote" : "quotes")"
    }
    grid.write(TextWrapper.truncate(title, width: area.width - 1), x: area.x + 1, y: area.y, style: Style(.headline), limit: area.maxX)
    let rows = Rect(x: area.x, y: area.y + 2, width: area.width, height: max(0, area.height - 2))
    for index in view.list.visibleRows(count: view.count, height: rows.height) {
      let y = rows.y + index - view.list.offset
      let selected = index == view.list.selected
      let style = selected ? Style(.listSelected) : Style(.listUnread)
      grid.fill(Rect(x: rows.x, y: y, width: rows.width, height: 1), style: style)
      switch view.content {
      case .loading:
        break
      case .speakers(let tallies):
        let count = String(tallies[index].quotes)
        let x = grid.write(count.padding(toLength: 6, withPad: " ", startingAt: 0), x: rows.x + 1, y: y, style: selected ? style : Style(.listSource), limit: rows.maxX)
        grid.write(TextWrapper.truncate(tallies[index].speaker, width: rows.maxX - x), x: x, y: y, style: style, limit: rows.maxX)
      case .quotes(_, let quotes):
        let quote = quotes[index]
        let headlineWidth = min(36, rows.width / 3)
        let headline = TextWrapper.truncate(quote.story.headline, width: headlineWidth)
        let end = grid.write(headline, x: rows.x + 1, y: y, style: selected ? style : Style(.listSource), limit: rows.maxX)
        let x = max(end, rows.x + 1 + headlineWidth) + 1
        let text = TextWrapper.truncate(quote.text.split(whereSeparator: \.isNewline).joined(separator: " "), width: rows.maxX - x)
        grid.write(text, x: x, y: y, style: selected ? style : Style(.speech), limit: rows.maxX)
      }
    }
  }
}
