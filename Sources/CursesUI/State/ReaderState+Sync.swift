import NewsKit

/// `r` and `R`: a sync of the library in the background. Keys go on working; the status bar
/// tells the progress; at the end the stories are listed again and the new ones appear
/// without moving the selection or the screen.
extension ReaderState {
  mutating func startSync(all: Bool) -> [ReaderEffect] {
    guard isLibrary else {
      notice = "sync needs the library: herald add URL subscribes to a feed"
      return []
    }
    guard syncStatus == nil else {
      notice = "a sync is running"
      return []
    }
    let story = all ? nil : selectedStory?.id
    if !all && story == nil { return [] }
    syncStatus = all ? "syncing every feed…" : "syncing this feed…"
    return [.syncLibrary(feedOf: story)]
  }

  static func describe(_ progress: ReaderSyncProgress) -> String {
    switch progress {
    case .waitingForAnotherSync:
      return "waiting for another sync of this library…"
    case .feeds(let done, let total, let new, let failed):
      let failures = failed > 0 ? ", \(failed) failed" : ""
      return "syncing \(done)/\(total) feeds, \(new) new\(failures)"
    }
  }

  /// The stories as listed again: the selected story stays selected, on the same screen row,
  /// however many arrived above it. During a library search the hits stay and the list they
  /// replaced is the one renewed.
  mutating func replaceStories(_ listed: [ArticleSummary], read: [String], starred: [String]) {
    readIDs = Set(read)
    starredIDs = Set(starred)
    if var current = librarySearch, let previous = current.previous {
      let selectedID = previous.stories.indices.contains(previous.selected) ? previous.stories[previous.selected].id : nil
      let index = selectedID.flatMap { id in listed.firstIndex { $0.id == id } } ?? 0
      current.previous = (listed, index)
      librarySearch = current
      return
    }
    let row = list.selected - list.offset
    let selectedID = selectedStory?.id
    stories = listed
    guard let selectedID, let index = stories.firstIndex(where: { $0.id == selectedID }) else {
      list.scrollIntoView(count: stories.count, height: listHeight)
      return
    }
    list = ListState(selected: index, offset: max(0, index - row))
    list.scrollIntoView(count: stories.count, height: listHeight)
  }
}
