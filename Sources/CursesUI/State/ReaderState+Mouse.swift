import NewsKit

/// The mouse: the wheel scrolls the pane under it, a click selects a story or a paragraph.
extension ReaderState {
  mutating func handle(mouse event: MouseEvent) -> [ReaderEffect] {
    notice = nil
    helpVisible = false
    let screen = layout
    if let pane = screen.list, pane.contains(x: event.x, y: event.y) {
      switch event.kind {
      case .wheelDown: return moveSelection(to: list.selected + 3)
      case .wheelUp: return moveSelection(to: list.selected - 3)
      case .click:
        let row = list.offset + (event.y - pane.y)
        guard stories.indices.contains(row) else { return [] }
        focus = .list
        return moveSelection(to: row)
      }
    }
    if let pane = screen.article, pane.contains(x: event.x, y: event.y), let current = reading {
      switch event.kind {
      case .wheelDown: setScroll(current.scroll + 3)
      case .wheelUp: setScroll(current.scroll - 3)
      case .click:
        focus = .article
        if let paragraph = current.layout.paragraph(atLine: current.scroll + event.y - pane.y) {
          return focusParagraph(paragraph)
        }
      }
    }
    return []
  }
}
