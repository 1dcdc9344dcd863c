import NewsKit

/// The feeds pane: moving through the virtual feeds, tag folders and feeds, opening one into
/// the headline list, and going back to it from the list.
extension ReaderState {
  var selectedFeedRow: FeedRow? {
    let rows = feedRows
    return rows.indices.contains(feedList.selected) ? rows[feedList.selected] : nil
  }

  /// Actions while the feeds pane has the focus; those that mean nothing here do nothing.
  mutating func performInFeeds(_ action: Action) -> [ReaderEffect]? {
    if feedList.move(by: action, count: feedRows.count, height: feedsHeight) { return [] }
    switch action {
    case .open: return openFeedRow()
    case .switchPane:
      focus = .list
      return []
    case .back: return []
    case .quit:
      quitting = true
      return []
    // The whole library is searched from here as from the list; the hits take the list's place.
    case .search: return startLibrarySearch()
    case .nextQuote, .previousQuote, .nextStory, .previousStory, .toggleRead, .toggleStar, .openLink,
      .copyLink, .moveDown, .moveUp, .nextParagraph, .previousParagraph, .pageDown, .pageUp, .first, .last, .fullText:
      return []
    // A marks the feed's stories from here, so U undoes from here too.
    case .markAllRead, .undo, .syncFeed, .syncAll, .redraw, .help, .cycleTheme, .speakers:
      return nil
    }
  }

  /// Enter on a row: a tag opens or closes its folder and shows its stories; a feed or a
  /// virtual feed shows its stories in the list, which takes the focus.
  mutating func openFeedRow() -> [ReaderEffect] {
    guard let row = selectedFeedRow else { return [] }
    if case .tag(let tag) = row.filter {
      if openTags.contains(tag) { openTags.remove(tag) } else { openTags.insert(tag) }
    }
    focus = .list
    return showStories(of: row.filter)
  }

  /// Asks for the stories of a filter; the list shows them when they come.
  mutating func showStories(of newFilter: StoryFilter) -> [ReaderEffect] {
    guard newFilter != filter || awaitedListing != nil else { return [] }
    filter = newFilter
    storyListings += 1
    awaitedListing = storyListings
    librarySearch = nil
    notice = Self.loadingNotice
    return [.listStories(newFilter, request: storyListings)]
  }

  /// From the list back to the feeds pane (a library's `q` and Esc in the list).
  mutating func backToFeeds() -> [ReaderEffect] {
    focus = .feeds
    articleAlone = false
    return []
  }

  mutating func replaceFeeds(_ listed: [ReaderFeed]) {
    let selected = selectedFeedRow?.filter
    feeds = listed
    let rows = feedRows
    if let selected, let index = rows.firstIndex(where: { $0.filter == selected }) {
      feedList.select(index, count: rows.count, height: feedsHeight)
    } else {
      feedList.scrollIntoView(count: rows.count, height: feedsHeight)
    }
  }
}
