import NewsKit

/// `w`: who said what. In the list, the speakers of the stories shown (a feed, a tag, All…),
/// most quoted first; Enter lists one speaker's quotes with their headlines; Enter on a quote
/// opens its story with that quote current. On a quote in the article, `w` goes straight to
/// its speaker's quotes. Esc goes back a level, then closes.
extension ReaderState {
  mutating func openSpeakers() -> [ReaderEffect] {
    guard isLibrary else {
      notice = "who said what across stories needs the library: herald add URL"
      return []
    }
    speakerRequests += 1
    if focus == .article, let reading, let index = reading.quote, reading.article.quotes.indices.contains(index),
      let speaker = reading.article.quotes[index].speakerName
    {
      speakersView = SpeakersView(content: .loading, request: speakerRequests, asked: speaker)
      return [.listQuotes(speaker: speaker, filter, request: speakerRequests)]
    }
    speakersView = SpeakersView(content: .loading, request: speakerRequests)
    return [.listSpeakers(filter, request: speakerRequests)]
  }

  mutating func showSpeakers(_ tallies: [SpeakerTally], request: Int) {
    guard var view = speakersView, view.request == request else { return }
    view.content = .speakers(tallies)
    view.list = ListState()
    speakersView = view
    if tallies.isEmpty { notice = "nobody is quoted by name here" }
    if let partial = partialCoverage("analysed for quotes") { notice = (tallies.isEmpty ? notice! + "; " : "") + partial }
  }

  mutating func showQuotes(_ quotes: [SpokenQuote], request: Int) {
    guard var view = speakersView, view.request == request else { return }
    view.content = .quotes(speaker: view.asked ?? "", quotes)
    view.list = ListState()
    speakersView = view
  }

  /// Keys while the speakers view is open.
  mutating func performInSpeakers(_ action: Action) -> [ReaderEffect] {
    guard var view = speakersView else { return [] }
    if view.list.move(by: action, count: view.count, height: max(1, height - 2)) {
      speakersView = view
      return []
    }
    switch action {
    case .open:
      switch view.content {
      case .loading:
        return []
      case .speakers(let tallies):
        guard tallies.indices.contains(view.list.selected) else { return [] }
        speakerRequests += 1
        view.speakersBefore = (tallies, view.list)
        view.request = speakerRequests
        view.content = .loading
        view.asked = tallies[view.list.selected].speaker
        speakersView = view
        return [.listQuotes(speaker: tallies[view.list.selected].speaker, filter, request: speakerRequests)]
      case .quotes(_, let quotes):
        guard quotes.indices.contains(view.list.selected) else { return [] }
        let chosen = quotes[view.list.selected]
        speakersView = nil
        focus = .article
        if !isSideBySide { articleAlone = true }
        markOpened(chosen.story.id)
        let selecting = selectInList(chosen.story.id)
        if isReading(chosen.story) {
          showQuote(at: chosen.start)
          return selecting
        }
        let effects = requestOpen(chosen.story)
        quoteToShow = chosen.start
        return effects + selecting
      }
    case .back, .quit, .speakers:
      if let before = view.speakersBefore {
        view.content = .speakers(before.tallies)
        view.list = before.list
        view.speakersBefore = nil
        speakersView = view
      } else {
        speakersView = nil
      }
      return []
    case .help, .redraw, .cycleTheme:
      return perform(action)
    default:
      return []
    }
  }

  /// The list's selection follows a story opened from a speaker's quotes, so that the list, the
  /// status bar's "story N/M" and j/k go on from the story being read: at once when its row is
  /// held, else by listing the stories again keeping it (as after a sync, on the same screen
  /// row). During a library search only a hit is selected: the hits are not listed again.
  mutating func selectInList(_ storyID: String) -> [ReaderEffect] {
    guard selectedStory?.id != storyID else { return [] }
    if let row = stories.row(of: storyID) {
      let screenRow = list.selected - list.offset
      list = ListState(selected: row, offset: max(0, row - screenRow))
      list.scrollIntoView(count: stories.count, height: listHeight)
      return []
    }
    guard isLibrary, stories.source != nil, awaitedListing == nil, librarySearch == nil else { return [] }
    storyListings += 1
    awaitedReload = storyListings
    return [.reloadStories(filter, request: storyListings, keeping: storyID)]
  }

  /// Makes the quote starting at `start` current in the open article.
  mutating func showQuote(at start: TextPosition) {
    guard var current = reading, let index = current.article.quotes.firstIndex(where: { $0.start == start }) else { return }
    current.quote = index
    current.paragraph = start.paragraph
    reading = current
    relayout()
    setScroll(current.layout.line(ofParagraph: start.paragraph, offset: start.offset) - articleGeometry.height / 3)
  }
}
