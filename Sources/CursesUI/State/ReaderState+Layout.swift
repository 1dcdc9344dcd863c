import NewsKit

/// Wrapping the open article for the screen, scrolling, and resizing.
extension ReaderState {
  /// Wraps the open article again when the width or spacing changed, and keeps the scroll
  /// position within it. Focus, quotes and matches need no re-wrapping: views lay them over.
  mutating func relayout() {
    guard var current = reading else { return }
    let width = articleGeometry.textWidth
    if current.layout.textWidth != width || current.layout.paragraphSpacing != paragraphSpacing {
      current.layout = ArticleLayout(article: current.article, width: width, paragraphSpacing: paragraphSpacing)
    }
    let maxScroll = max(0, current.layout.lines.count - articleGeometry.height)
    current.scroll = min(max(0, current.scroll), maxScroll)
    reading = current
  }

  /// Scrolls so the focused paragraph is in view: its first line, and as much of it as fits.
  mutating func scrollToParagraph() {
    guard let current = reading else { return }
    let range = current.layout.lineRange(ofParagraph: current.paragraph)
    let height = articleGeometry.height
    guard height > 0 else { return }
    var scroll = current.scroll
    if range.upperBound > scroll + height { scroll = range.upperBound - height }
    if range.lowerBound < scroll || range.count > height { scroll = range.lowerBound }
    if current.paragraph == 0 { scroll = 0 }
    setScroll(scroll)
  }

  mutating func scrollTo(line: Int) {
    guard let current = reading else { return }
    let height = articleGeometry.height
    if line < current.scroll || line >= current.scroll + height { setScroll(line - height / 3) }
  }

  mutating func setScroll(_ scroll: Int) {
    guard var current = reading else { return }
    let maxScroll = max(0, current.layout.lines.count - articleGeometry.height)
    current.scroll = min(max(0, scroll), maxScroll)
    reading = current
  }

  mutating func resize(width newWidth: Int, height newHeight: Int) {
    width = max(0, newWidth)
    height = max(0, newHeight)
    if isSideBySide { articleAlone = false } else if focus == .article { articleAlone = true }
    list.scrollIntoView(count: stories.count, height: listHeight)
    relayout()
    scrollToParagraph()
  }
}
