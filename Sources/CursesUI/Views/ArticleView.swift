/// The article pane: the wrapped lines of an `ArticleLayout` from its scroll position, with a
/// bar in the margin beside the focused paragraph.
public struct ArticleView {
  public var reading: ReaderState.Reading?
  public var readingWidth: Int
  public var focused: Bool

  public init(reading: ReaderState.Reading?, readingWidth: Int, focused: Bool) {
    self.reading = reading
    self.readingWidth = readingWidth
    self.focused = focused
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
      for piece in line.text {
        x = grid.put(piece.character, x: x, y: y, style: piece.style, limit: area.maxX)
        if x >= area.maxX { break }
      }
    }
  }
}
