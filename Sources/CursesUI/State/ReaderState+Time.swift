/// What waits for time: a story counts as read once it has been open `markReadAfter`
/// seconds, and the library is synced every `refreshEvery` minutes. The time comes in
/// `.tick` messages, so the state stays a plain value.
extension ReaderState {
  /// A story opened for reading: read at once, after the delay, or never, as configured.
  mutating func markOpened(_ id: String) {
    openedStoryID = id
    guard let delay = markReadAfter, !readIDs.contains(id) else { return }
    if delay <= 0 {
      readIDs.insert(id)
    } else if pendingRead?.storyID != id {
      pendingRead = PendingRead(storyID: id, since: now)
    }
  }

  /// Whether the program should send ticks.
  public var needsTicks: Bool { pendingRead != nil || refreshEvery != nil }

  mutating func tick(_ time: Double) -> [ReaderEffect] {
    now = time
    if var pending = pendingRead, let delay = markReadAfter {
      if reading?.article.id != pending.storyID || focus != .article {
        // Left before the delay ran out: not read.
        pendingRead = nil
      } else if let since = pending.since {
        if time - since >= delay {
          readIDs.insert(pending.storyID)
          pendingRead = nil
        }
      } else {
        pending.since = time
        pendingRead = pending
      }
    }
    guard let every = refreshEvery, isLibrary else { return [] }
    guard let last = lastRefresh else {
      lastRefresh = time
      return []
    }
    guard time - last >= every * 60, syncStatus == nil else { return [] }
    lastRefresh = time
    syncStatus = "syncing every feed…"
    return [.syncLibrary(feedOf: nil)]
  }
}
