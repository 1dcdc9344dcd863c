import NewsKit

extension ReaderState {
  /// The only place the reader's state changes. Returns the effects to carry out.
  /// - Parameter keymap: the keys to act on; the state's own `keymap` when nil.
  public mutating func update(_ message: ReaderMessage, keymap: Keymap? = nil) -> [ReaderEffect] {
    var effects = apply(message, keymap: keymap ?? self.keymap)
    effects += requestVisiblePages()
    if let position = readingPositionToRecord() {
      recorded = position
      effects.append(.recordReading(storyID: position.storyID, paragraph: position.paragraph, read: position.read))
    }
    return effects
  }

  /// Where the reader is in an opened library story, and whether it is read, when that
  /// changed since it was last recorded. A story only previewed beside the list is not
  /// recorded.
  private func readingPositionToRecord() -> RecordedPosition? {
    guard let reading, reading.article.path.map({ $0.hasPrefix(ReaderLibraryPath.prefix) }) == true,
      reading.article.id == openedStoryID || readIDs.contains(reading.article.id)
    else { return nil }
    let position = RecordedPosition(
      storyID: reading.article.id, paragraph: reading.paragraph, read: readIDs.contains(reading.article.id))
    return position == recorded ? nil : position
  }

  private mutating func apply(_ message: ReaderMessage, keymap: Keymap) -> [ReaderEffect] {
    switch message {
    case .input(.key(let key)):
      return handle(key: key, keymap: keymap)
    case .input(.resize(let newWidth, let newHeight)):
      resize(width: newWidth, height: newHeight)
      // Widened to side by side, the article pane shows the selected story at once.
      return previewIfSideBySide()
    case .input(.mouse(let event)):
      return handle(mouse: event)
    case .action(let action):
      return perform(action)
    case .storiesLoaded(let more, let skipped, let done, let read, let starred):
      readIDs.formUnion(read)
      starredIDs.formUnion(starred)
      return appendStories(more, skipped: skipped, done: done)
    case .articleLoaded(let article, let request, let resumeAt, let layout):
      guard request == awaitedOpen else { return [] }
      awaitedOpen = nil
      show(article, laidOut: layout)
      if let start = quoteToShow {
        quoteToShow = nil
        showQuote(at: start)
      } else if let resumeAt {
        _ = focusParagraph(resumeAt)
      }
      // Keys typed while it was on its way apply to it now, in order.
      let typedAhead = keysAwaitingArticle
      keysAwaitingArticle = []
      return typedAhead.flatMap { handle(key: $0, keymap: keymap) }
    case .syncProgressed(let progress):
      syncStatus = Self.describe(progress)
      if case .analysing(_, let covered, let total) = progress { analysisCoverage = (covered, total) }
      return []
    case .syncFinished(let summary):
      syncStatus = nil
      analysisCoverage = nil
      notice = summary
      return reloadListing()
    case .speakersListed(let tallies, let request):
      showSpeakers(tallies, request: request)
      return []
    case .quotesListed(let quotes, let request):
      showQuotes(quotes, request: request)
      return []
    case .feedsListed(let listed):
      replaceFeeds(listed)
      return []
    case .started:
      return started()
    case .storiesListed(let listing):
      return showListing(listing)
    case .storyPageLoaded(let source, let page, let fetched):
      return fillPage(page, of: source, with: fetched)
    case .allMarkedRead(let ids, _):
      noteAllMarkedRead(ids)
      return []
    case .librarySearchAnswered(let result, let request):
      return showLibrarySearch(result, request: request)
    case .fullTextLoaded(let article, let request):
      showFullText(article, request: request)
      return []
    case .fullTextFailed(let reason, let request):
      guard awaitedFullText?.request == request else { return [] }
      awaitedFullText = nil
      notice = "no full text: \(reason)"
      return []
    case .tick(let time):
      return tick(time)
    case .effectFailed(let reason):
      notice = reason
      return []
    case .articleFailed(_, let reason, let request):
      guard request == awaitedOpen else { return [] }
      awaitedOpen = nil
      keysAwaitingArticle = []
      notice = "cannot open: \(reason)"
      return []
    }
  }

  mutating func handle(key: Key, keymap: Keymap) -> [ReaderEffect] {
    notice = nil
    if helpVisible {
      if let action = keymap.action(for: key), scrollHelp(action) { return [] }
      helpVisible = false
      return []
    }
    if speakersView != nil {
      guard let action = keymap.action(for: key) else { return [] }
      return performInSpeakers(action)
    }
    if let librarySearch, librarySearch.editing { return editLibrarySearch(librarySearch, key: key) }
    if let search, search.editing { return edit(search: search, key: key) }
    guard let action = keymap.action(for: key) else {
      // Digits no key is bound to make a count for the next action (vi's 3o).
      if case .character(let character) = key, let digit = character.wholeNumberValue, digit <= 9,
        (count ?? 0) < 100_000
      {
        if digit > 0 || count != nil { count = (count ?? 0) * 10 + digit }
        notice = count.map { "count \($0)" }
      } else {
        count = nil
      }
      return []
    }
    if waitsForArticle(action) {
      keysAwaitingArticle.append(key)
      return []
    }
    return perform(action)
  }

  /// Whether an action must wait for the article being opened: one that acts on the article
  /// (quotes, paragraphs, search) or any key while the article pane has the focus. Leaving,
  /// quitting, help and list movement never wait.
  func waitsForArticle(_ action: Action) -> Bool {
    guard awaitedOpen != nil else { return false }
    switch action {
    case .quit, .back, .help, .redraw, .cycleTheme: return false
    case .nextQuote, .previousQuote, .nextParagraph, .previousParagraph, .search: return true
    default: return focus == .article
    }
  }

  mutating func perform(_ action: Action) -> [ReaderEffect] {
    // A count is for the action right after it; any other action drops it.
    if action != .openLink && action != .copyLink { count = nil }
    if focus == .feeds, let effects = performInFeeds(action) { return effects }
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
      if isLibrary && focus == .list { return startLibrarySearch() }
      guard reading != nil else {
        notice = "open a story to search in it"
        return []
      }
      if !isSideBySide && !articleAlone { return [] }
      focus = .article
      search = Search(query: "", editing: true)
      return []
    case .quit:
      if focus == .article && (articleAlone || isSideBySide) && (reading != nil || awaitedOpen != nil) { return back() }
      // In a library, q goes from the list to the feeds, and quits from there.
      if focus == .list && isLibrary && librarySearch?.previous == nil { return backToFeeds() }
      if focus == .list && isLibrary { return back() }
      quitting = true
      return []
    case .redraw: return [.redrawAll]
    case .help:
      helpVisible = true
      helpScroll = 0
      return []
    case .cycleTheme:
      guard !themeNames.isEmpty else { return [] }
      let next = ((themeNames.firstIndex(of: themeName) ?? -1) + 1) % themeNames.count
      themeName = themeNames[next]
      notice = "theme: \(themeName)"
      return [.applyTheme(themeName)]
    case .speakers: return openSpeakers()
    case .fullText: return toggleFullText()
    case .syncFeed: return startSync(all: false)
    case .syncAll: return startSync(all: true)
    case .openLink: return openLink(number: takeCount())
    case .copyLink: return copyLink(number: takeCount())
    case .toggleRead: return toggleRead()
    case .toggleStar: return toggleStar()
    case .markAllRead: return markAllRead()
    case .undo: return undoMarking()
    }
  }
}
