import NewsKit

/// A library's headline list, paged: a listing brings the count and one page, the rows that
/// come into view (and a margin either side) are fetched a page at a time, and a listing made
/// again after a sync keeps the selected story on its screen row.
extension ReaderState {
  static let loadingNotice = "loading…"

  /// The reader started: a library's lists every story.
  mutating func started() -> [ReaderEffect] {
    guard isLibrary else { return [] }
    storyListings += 1
    awaitedListing = storyListings
    // What a sync stored without analysing (or an upgrade left to analyse again) is analysed
    // behind the first screen.
    return [.listStories(filter, request: storyListings), .analyseLibrary]
  }

  /// A listing arrived: a new list (another feed chosen, or the first), or the same list again
  /// after a sync.
  mutating func showListing(_ listing: StoryListing) -> [ReaderEffect] {
    if listing.request == awaitedListing { return showNewListing(listing) }
    if listing.request == awaitedReload {
      awaitedReload = nil
      // Another feed chosen meanwhile: its own listing is on its way.
      guard listing.filter == filter, awaitedListing == nil else { return [] }
      renewListing(listing)
    }
    return []
  }

  private mutating func showNewListing(_ listing: StoryListing) -> [ReaderEffect] {
    awaitedListing = nil
    loadedAll = true
    if notice == Self.loadingNotice { notice = nil }
    stories = paged(listing)
    list = ListState()
    list.scrollIntoView(count: stories.count, height: listHeight)
    reading = nil
    search = nil
    if stories.isEmpty { notice = "no stories here" }
    return previewIfSideBySide()
  }

  /// The list as listed again: the selected story stays selected, on the same screen row,
  /// however many arrived above it. During a library search the hits stay and the list they
  /// replaced is the one renewed.
  private mutating func renewListing(_ listing: StoryListing) {
    let renewed = paged(listing)
    if var current = librarySearch, current.previous != nil {
      current.previous = (renewed, listing.keptAt ?? 0)
      librarySearch = current
      return
    }
    let row = list.selected - list.offset
    stories = renewed
    guard let index = listing.keptAt else {
      list.scrollIntoView(count: stories.count, height: listHeight)
      return
    }
    list = ListState(selected: index, offset: max(0, index - row))
    list.scrollIntoView(count: stories.count, height: listHeight)
  }

  private mutating func paged(_ listing: StoryListing) -> StoryList {
    var renewed = StoryList(count: listing.count, source: StoryList.Source(listing: listing.request, filter: listing.filter, count: listing.count))
    renewed.fill(page: listing.page, with: listing.stories.stories)
    noteMarks(of: listing.stories)
    return renewed
  }

  /// A page arrived for the list shown, or for the list a library search put aside.
  mutating func fillPage(_ page: Int, of source: StoryList.Source, with fetched: StoryPage) -> [ReaderEffect] {
    if stories.source == source {
      noteMarks(of: fetched)
      let selectedWasHeld = selectedStory != nil
      stories.fill(page: page, with: fetched.stories)
      list.scrollIntoView(count: stories.count, height: listHeight)
      // The selected row was waiting for this page: side by side, its story shows now.
      return selectedWasHeld ? [] : previewIfSideBySide()
    }
    if var current = librarySearch, var previous = current.previous, previous.stories.source == source {
      noteMarks(of: fetched)
      previous.stories.fill(page: page, with: fetched.stories)
      current.previous = previous
      librarySearch = current
    }
    return []
  }

  /// A page's read and starred marks are the library's word on its stories.
  private mutating func noteMarks(of page: StoryPage) {
    let read = Set(page.readIDs)
    let starred = Set(page.starredIDs)
    for story in page.stories {
      if read.contains(story.id) { readIDs.insert(story.id) } else { readIDs.remove(story.id) }
      if starred.contains(story.id) { starredIDs.insert(story.id) } else { starredIDs.remove(story.id) }
    }
  }

  /// Asks for the pages of the rows on screen, a margin either side and the two ends that are
  /// neither held nor asked for, and drops those far from the selection.
  mutating func requestVisiblePages() -> [ReaderEffect] {
    guard let source = stories.source, !stories.isEmpty else { return [] }
    stories.keepPages(near: list.selected)
    // A page either side: two screens' paging never waits.
    let margin = StoryList.pageSize
    let rows = max(0, list.offset - margin)..<(list.offset + listHeight + margin)
    // The first and the last screens too, so that `g` and `G` never wait.
    let ends = [0..<listHeight, (stories.count - listHeight)..<stories.count]
    let pages = ([rows] + ends).flatMap { stories.pagesToFetch(for: $0) }
    return pages.map { .loadStoryPage(source, page: $0) }
  }

  /// After a sync: the same list again, keeping the selected story (or, during a library
  /// search, the one selected in the list the hits replaced).
  mutating func reloadListing() -> [ReaderEffect] {
    guard isLibrary, awaitedListing == nil else { return [] }
    storyListings += 1
    awaitedReload = storyListings
    let kept =
      if let previous = librarySearch?.previous { previous.stories.story(at: previous.selected)?.id } else { selectedStory?.id }
    return [.reloadStories(filter, request: storyListings, keeping: kept)]
  }
}
