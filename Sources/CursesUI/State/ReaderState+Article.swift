import NewsKit

/// The open article: the paragraph cursor, pages and quotes.
extension ReaderState {
  /// Shows an article, with the layout made for it off the loop when that fits the pane as it
  /// is now (a resize meanwhile wraps it again here).
  mutating func show(_ article: Article, laidOut: ArticleLayout? = nil) {
    let width = articleGeometry.textWidth
    let layout =
      if let laidOut, laidOut.textWidth == max(1, width), laidOut.paragraphSpacing == paragraphSpacing { laidOut } else {
        ArticleLayout(article: article, width: width, paragraphSpacing: paragraphSpacing)
      }
    reading = Reading(article: article, layout: layout)
    keepFeedSummary()
    if focus == .article { markOpened(article.id) }
    if let query = search?.query, search?.editing == false {
      search = Search(query: query, editing: false)
      runSearch()
    } else {
      search = nil
    }
  }

  mutating func paragraphFromAnywhere(by delta: Int) -> [ReaderEffect] {
    if reading == nil || !articleVisible {
      let effects = open()
      if reading == nil { return effects }
    }
    return moveParagraph(by: delta)
  }

  mutating func moveParagraph(by delta: Int) -> [ReaderEffect] {
    guard let reading else { return [] }
    return focusParagraph(reading.paragraph + delta)
  }

  mutating func focusParagraph(_ index: Int) -> [ReaderEffect] {
    guard var current = reading, !current.article.paragraphs.isEmpty else { return [] }
    current.paragraph = min(max(0, index), current.article.paragraphs.count - 1)
    current.quote = nil
    reading = current
    relayout()
    scrollToParagraph()
    return []
  }

  mutating func scrollArticlePage(by direction: Int) -> [ReaderEffect] {
    guard var current = reading else { return [] }
    let page = max(1, articleGeometry.height - 1)
    let maxScroll = max(0, current.layout.lines.count - articleGeometry.height)
    current.scroll = min(max(0, current.scroll + direction * page), maxScroll)
    // The cursor follows the page: the first paragraph that starts on screen, else the one on top.
    let visible = current.scroll..<(current.scroll + articleGeometry.height)
    let firstStart = current.layout.paragraphStarts.firstIndex { visible.contains($0) }
    if let paragraph = firstStart ?? current.layout.paragraph(atLine: current.scroll) {
      current.paragraph = paragraph
    }
    current.quote = nil
    reading = current
    relayout()
    return []
  }

  mutating func stepQuote(by delta: Int) -> [ReaderEffect] {
    guard var current = reading else { return [] }
    let quotes = current.article.quotes
    guard !quotes.isEmpty else {
      notice = "no quotes in this story"
      return []
    }
    let target: Int?
    if let index = current.quote {
      target = quotes.indices.contains(index + delta) ? index + delta : nil
    } else if delta > 0 {
      target = quotes.firstIndex { $0.start.paragraph > current.paragraph }
        ?? (current.paragraph == 0 && quotes[0].start.paragraph == 0 ? 0 : nil)
    } else {
      target = quotes.lastIndex { $0.start.paragraph < current.paragraph }
    }
    guard let target else {
      notice = delta > 0 ? "no more quotes below" : "no more quotes above"
      return []
    }
    current.quote = target
    current.paragraph = quotes[target].start.paragraph
    reading = current
    relayout()
    scrollTo(line: current.layout.line(ofParagraph: quotes[target].start.paragraph, offset: quotes[target].start.offset))
    return []
  }
}
