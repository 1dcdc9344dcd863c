import NewsKit

/// The headline list: moving the selection, opening and leaving stories, stories arriving.
extension ReaderState {
  /// Asks for a story to be opened; only the answer to the latest request is shown.
  mutating func requestOpen(_ story: ArticleSummary) -> [ReaderEffect] {
    openRequests += 1
    awaitedOpen = openRequests
    // Keys typed ahead (or a quote to show) for the story asked for before are not for this one.
    keysAwaitingArticle = []
    quoteToShow = nil
    return [.openArticle(story, request: openRequests)]
  }

  mutating func moveSelection(to row: Int) -> [ReaderEffect] {
    guard !stories.isEmpty else { return [] }
    let before = list.selected
    list.select(row, count: stories.count, height: listHeight)
    guard list.selected != before || reading == nil else { return [] }
    return previewIfSideBySide()
  }

  /// Side by side, the article pane always shows the selected story.
  mutating func previewIfSideBySide() -> [ReaderEffect] {
    guard isSideBySide, let story = selectedStory else { return [] }
    if isReading(story) { return [] }
    return requestOpen(story)
  }

  /// Whether the story is the one open; if so, an answer still awaited for another is no
  /// longer wanted.
  mutating func isReading(_ story: ArticleSummary) -> Bool {
    guard reading?.article.id == story.id && reading?.article.path == story.path else { return false }
    awaitedOpen = nil
    keysAwaitingArticle = []
    return true
  }

  mutating func appendStories(_ more: [ArticleSummary], skipped: Int, done: Bool) -> [ReaderEffect] {
    let wasEmpty = stories.isEmpty
    stories.append(more)
    skippedFiles += skipped
    loadedAll = done
    list.scrollIntoView(count: stories.count, height: listHeight)
    return wasEmpty && !stories.isEmpty ? previewIfSideBySide() : []
  }

  mutating func open() -> [ReaderEffect] {
    guard let story = selectedStory else { return [] }
    if focus == .article { return [] }
    focus = .article
    if !isSideBySide { articleAlone = true }
    markOpened(story.id)
    if isReading(story) { return [] }
    return requestOpen(story)
  }

  mutating func back() -> [ReaderEffect] {
    // In the list of a library search's hits, Esc is back to the whole list.
    if focus == .list && librarySearch?.previous != nil { return leaveLibrarySearchResults() }
    if search != nil {
      search = nil
      relayout()
      return []
    }
    guard focus == .article else { return isLibrary && focus == .list ? backToFeeds() : [] }
    focus = .list
    articleAlone = false
    return []
  }

  mutating func switchPane() -> [ReaderEffect] {
    if focus == .article {
      focus = .list
      if !isSideBySide { articleAlone = false }
      return []
    }
    guard reading != nil || selectedStory != nil else { return [] }
    return open()
  }

  mutating func changeStory(by delta: Int) -> [ReaderEffect] {
    guard !stories.isEmpty else { return [] }
    let target = list.selected + delta
    guard stories.indices.contains(target) else {
      notice = delta > 0 ? "this is the last story" : "this is the first story"
      return []
    }
    list.select(target, count: stories.count, height: listHeight)
    search = nil
    guard let story = selectedStory else { return [] }
    if focus == .article { markOpened(story.id) }
    return requestOpen(story)
  }
}
