import NewsKit

/// The article pane: the wrapped lines of an `ArticleLayout` from its scroll position, with a
/// bar in the margin and a background for the focused paragraph, the current quote drawn apart,
/// and search matches highlighted. Only visible lines are looked at.
public struct ArticleView {
  public var reading: ReaderState.Reading?
  public var search: ReaderState.Search?

  public init(reading: ReaderState.Reading?, search: ReaderState.Search?) {
    self.reading = reading
    self.search = search
  }

  public func render(into grid: inout Grid, area: Rect) {
    guard !area.isEmpty else { return }
    grid.fill(area, style: Style(.body))
    guard let reading else {
      grid.write("No story open", x: area.x + 1, y: area.y, style: Style(.dim), limit: area.maxX)
      return
    }
    let margin = min(ArticleGeometry.margin, max(0, area.width - 1))
    let lines = reading.layout.lines
    let currentQuote = reading.quote.flatMap { reading.article.quotes.indices.contains($0) ? reading.article.quotes[$0] : nil }
    let matches = search?.matches ?? []
    for row in 0..<area.height {
      let index = reading.scroll + row
      guard lines.indices.contains(index) else { break }
      let line = lines[index]
      let y = area.y + row
      let isFocused = line.paragraph == reading.paragraph && line.paragraph != nil
      if isFocused {
        grid.fill(Rect(x: area.x, y: y, width: area.width, height: 1), style: Style(.body, focused: true))
        if margin > 0 { grid.put("▌", x: area.x, y: y, style: Style(.focusBar, focused: true), limit: area.maxX) }
      }
      var x = area.x + margin
      let paragraph = line.paragraph ?? -1
      let lineMatches = matches.enumerated().filter { $0.element.paragraph == paragraph }
      for piece in line.text {
        var style = piece.style
        style.focused = isFocused
        if let currentQuote, covers(currentQuote, paragraph: paragraph, offset: piece.offset) { style.role = .currentQuote }
        if let hit = lineMatches.first(where: { $0.element.start <= piece.offset && piece.offset < $0.element.end }) {
          style.role = hit.offset == search?.current ? .currentMatch : .searchMatch
        }
        x = grid.put(piece.character, x: x, y: y, style: style, limit: area.maxX)
        if x >= area.maxX { break }
      }
    }
  }

  private func covers(_ quote: Quote, paragraph: Int, offset: Int) -> Bool {
    guard offset >= 0 else { return false }
    let afterStart = TextPosition(paragraph: paragraph, offset: offset) >= quote.start
    let beforeEnd = TextPosition(paragraph: paragraph, offset: offset) < quote.end
    return afterStart && beforeEnd
  }
}
