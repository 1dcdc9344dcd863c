import NewsKit

extension ReaderState {
  /// The only place the reader's state changes. Returns the effects to carry out.
  /// - Parameter keymap: the keys to act on; the state's own `keymap` when nil.
  public mutating func update(_ message: ReaderMessage, keymap: Keymap? = nil) -> [ReaderEffect] {
    let keymap = keymap ?? self.keymap
    switch message {
    case .input(.key(let key)):
      return handle(key: key, keymap: keymap)
    case .input(.resize(let newWidth, let newHeight)):
      resize(width: newWidth, height: newHeight)
      return []
    case .input(.mouse(let event)):
      return handle(mouse: event)
    case .action(let action):
      return perform(action)
    case .storiesLoaded(let more, let skipped, let done):
      return appendStories(more, skipped: skipped, done: done)
    case .articleLoaded(let article):
      show(article)
      return []
    case .articleFailed(let summary, let reason):
      notice = "cannot open: \(reason)"
      _ = summary
      return []
    }
  }

  private mutating func handle(key: Key, keymap: Keymap) -> [ReaderEffect] {
    notice = nil
    if helpVisible {
      helpVisible = false
      return []
    }
    if let search, search.editing { return edit(search: search, key: key) }
    guard let action = keymap.action(for: key) else { return [] }
    return perform(action)
  }

  mutating func perform(_ action: Action) -> [ReaderEffect] {
    let inArticle = focus == .article && reading != nil && articleVisible
    switch action {
    case .moveDown: return inArticle ? moveParagraph(by: 1) : moveSelection(to: list.selected + 1)
    case .moveUp: return inArticle ? moveParagraph(by: -1) : moveSelection(to: list.selected - 1)
    case .nextParagraph: return paragraphFromAnywhere(by: 1)
    case .previousParagraph: return paragraphFromAnywhere(by: -1)
    case .pageDown: return inArticle ? scrollArticlePage(by: 1) : moveSelection(to: list.selected + max(1, listHeight - 1))
    case .pageUp: return inArticle ? scrollArticlePage(by: -1) : moveSelection(to: list.selected - max(1, listHeight - 1))
    case .first: return inArticle ? focusParagraph(0) : moveSelection(to: 0)
    case .last:
      if inArticle { return focusParagraph((reading?.article.paragraphs.count ?? 1) - 1) }
      return moveSelection(to: stories.count - 1)
    case .switchPane: return switchPane()
    case .open: return open()
    case .back: return back()
    case .nextQuote: return search?.matches.isEmpty == false ? stepMatch(by: 1) : stepQuote(by: 1)
    case .previousQuote: return search?.matches.isEmpty == false ? stepMatch(by: -1) : stepQuote(by: -1)
    case .nextStory: return changeStory(by: 1)
    case .previousStory: return changeStory(by: -1)
    case .search:
      guard reading != nil else {
        notice = "open a story to search in it"
        return []
      }
      if !isSideBySide && !articleAlone { return [] }
      focus = .article
      search = Search(query: "", editing: true)
      return []
    case .quit:
      if focus == .article && (articleAlone || isSideBySide) && reading != nil { return back() }
      quitting = true
      return []
    case .redraw: return [.redrawAll]
    case .help:
      helpVisible = true
      return []
    case .cycleTheme:
      guard !themeNames.isEmpty else { return [] }
      let next = ((themeNames.firstIndex(of: themeName) ?? -1) + 1) % themeNames.count
      themeName = themeNames[next]
      notice = "theme: \(themeName)"
      return [.applyTheme(themeName)]
    }
  }

  // MARK: The list

  private mutating func moveSelection(to row: Int) -> [ReaderEffect] {
    guard !stories.isEmpty else { return [] }
    let before = list.selected
    list.select(row, count: stories.count, height: listHeight)
    guard list.selected != before || reading == nil else { return [] }
    return previewIfSideBySide()
  }

  /// Side by side, the article pane always shows the selected story.
  private mutating func previewIfSideBySide() -> [ReaderEffect] {
    guard isSideBySide, let story = selectedStory else { return [] }
    if reading?.article.id == story.id && reading?.article.path == story.path { return [] }
    return [.openArticle(story)]
  }

  private mutating func appendStories(_ more: [ArticleSummary], skipped: Int, done: Bool) -> [ReaderEffect] {
    let wasEmpty = stories.isEmpty
    stories += more
    skippedFiles += skipped
    loadedAll = done
    list.scrollIntoView(count: stories.count, height: listHeight)
    return wasEmpty && !stories.isEmpty ? previewIfSideBySide() : []
  }

  private mutating func open() -> [ReaderEffect] {
    guard let story = selectedStory else { return [] }
    if focus == .article { return [] }
    focus = .article
    if !isSideBySide { articleAlone = true }
    readIDs.insert(story.id)
    if reading?.article.id == story.id && reading?.article.path == story.path { return [] }
    return [.openArticle(story)]
  }

  private mutating func back() -> [ReaderEffect] {
    if search != nil {
      search = nil
      relayout()
      return []
    }
    guard focus == .article else { return [] }
    focus = .list
    articleAlone = false
    return []
  }

  private mutating func switchPane() -> [ReaderEffect] {
    if focus == .article {
      focus = .list
      if !isSideBySide { articleAlone = false }
      return []
    }
    guard reading != nil || selectedStory != nil else { return [] }
    return open()
  }

  private mutating func changeStory(by delta: Int) -> [ReaderEffect] {
    guard !stories.isEmpty else { return [] }
    let target = list.selected + delta
    guard stories.indices.contains(target) else {
      notice = delta > 0 ? "this is the last story" : "this is the first story"
      return []
    }
    list.select(target, count: stories.count, height: listHeight)
    search = nil
    guard let story = selectedStory else { return [] }
    if focus == .article { readIDs.insert(story.id) }
    return [.openArticle(story)]
  }

  // MARK: The article

  private mutating func show(_ article: Article) {
    let geometry = articleGeometry
    reading = Reading(
      article: article,
      layout: ArticleLayout(article: article, width: geometry.textWidth, paragraphSpacing: paragraphSpacing))
    if focus == .article { readIDs.insert(article.id) }
    if let query = search?.query, search?.editing == false {
      search = Search(query: query, editing: false)
      runSearch()
    } else {
      search = nil
    }
  }

  private mutating func paragraphFromAnywhere(by delta: Int) -> [ReaderEffect] {
    if reading == nil || !articleVisible {
      let effects = open()
      if reading == nil { return effects }
    }
    return moveParagraph(by: delta)
  }

  private mutating func moveParagraph(by delta: Int) -> [ReaderEffect] {
    guard let reading else { return [] }
    return focusParagraph(reading.paragraph + delta)
  }

  private mutating func focusParagraph(_ index: Int) -> [ReaderEffect] {
    guard var current = reading, !current.article.paragraphs.isEmpty else { return [] }
    current.paragraph = min(max(0, index), current.article.paragraphs.count - 1)
    current.quote = nil
    reading = current
    relayout()
    scrollToParagraph()
    return []
  }

  private mutating func scrollArticlePage(by direction: Int) -> [ReaderEffect] {
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

  private mutating func stepQuote(by delta: Int) -> [ReaderEffect] {
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

  // MARK: Search

  private mutating func edit(search current: Search, key: Key) -> [ReaderEffect] {
    var edited = current
    switch key {
    case .escape:
      search = nil
      relayout()
      return []
    case .enter:
      edited.editing = false
      search = edited.query.isEmpty ? nil : edited
      runSearch()
      if let search, search.matches.isEmpty { notice = "not found: \(search.query)" }
      return []
    case .backspace:
      if edited.query.isEmpty {
        search = nil
        return []
      }
      edited.query.removeLast()
    case .character(let character):
      edited.query.append(character)
    default:
      return []
    }
    search = edited
    runSearch()
    return []
  }

  /// Finds the query in the open article and moves to the first match at or after the cursor.
  private mutating func runSearch() {
    guard var current = search, let reading else { return }
    current.matches = ArticleSearch.matches(of: current.query, in: reading.article.paragraphs)
    current.current = current.matches.firstIndex { $0.paragraph >= reading.paragraph } ?? (current.matches.isEmpty ? nil : 0)
    search = current
    if let index = current.current { goToMatch(index) } else { relayout() }
  }

  private mutating func stepMatch(by delta: Int) -> [ReaderEffect] {
    guard let current = search, !current.matches.isEmpty else { return [] }
    let count = current.matches.count
    let next = ((current.current ?? -delta) + delta + count) % count
    goToMatch(next)
    return []
  }

  private mutating func goToMatch(_ index: Int) {
    guard var current = search, var article = reading, current.matches.indices.contains(index) else { return }
    current.current = index
    search = current
    let match = current.matches[index]
    article.paragraph = match.paragraph
    article.quote = nil
    reading = article
    relayout()
    scrollTo(line: article.layout.line(ofParagraph: match.paragraph, offset: match.start))
  }

  // MARK: Layout and scrolling

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
  private mutating func scrollToParagraph() {
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

  private mutating func scrollTo(line: Int) {
    guard let current = reading else { return }
    let height = articleGeometry.height
    if line < current.scroll || line >= current.scroll + height { setScroll(line - height / 3) }
  }

  private mutating func setScroll(_ scroll: Int) {
    guard var current = reading else { return }
    let maxScroll = max(0, current.layout.lines.count - articleGeometry.height)
    current.scroll = min(max(0, scroll), maxScroll)
    reading = current
  }

  private mutating func resize(width newWidth: Int, height newHeight: Int) {
    width = max(0, newWidth)
    height = max(0, newHeight)
    if isSideBySide { articleAlone = false } else if focus == .article { articleAlone = true }
    list.scrollIntoView(count: stories.count, height: listHeight)
    relayout()
    scrollToParagraph()
  }

  // MARK: The mouse

  private mutating func handle(mouse event: MouseEvent) -> [ReaderEffect] {
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
