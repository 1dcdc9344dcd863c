import NewsKit

/// `/` in the headline list of a library: the query is typed in the status bar, the library's
/// ranked search runs on the worker, and its hits replace the list until Esc brings the whole
/// list back. Opened from the hits, an article has the query's words highlighted (n/N step
/// through them, as find-in-article does).
extension ReaderState {
  static let librarySearchLimit = 200

  mutating func startLibrarySearch() -> [ReaderEffect] {
    librarySearch = LibrarySearch(query: "", editing: true, request: nil, previous: librarySearch?.previous)
    return []
  }

  mutating func editLibrarySearch(_ current: LibrarySearch, key: Key) -> [ReaderEffect] {
    var edited = current
    switch LineEdit.apply(key, to: edited.query) {
    case .cancel:
      edited.editing = false
      librarySearch = edited.previous == nil ? nil : edited
      return []
    case .submit:
      let query = Self.trimmed(edited.query[...], [" "])
      guard !query.isEmpty else {
        edited.editing = false
        librarySearch = edited.previous == nil ? nil : edited
        return []
      }
      searchRequests += 1
      edited.editing = false
      edited.request = searchRequests
      librarySearch = edited
      notice = "searching for \(query)…"
      return [.searchLibrary(query, request: searchRequests)]
    case .changed(let query):
      edited.query = query
    case .unchanged:
      return []
    }
    librarySearch = edited
    return []
  }

  mutating func showLibrarySearch(_ result: Result<[ArticleSummary], LibrarySearchFailure>, request: Int) -> [ReaderEffect] {
    guard var current = librarySearch, current.request == request else { return [] }
    current.request = nil
    switch result {
    case .failure(let failure):
      librarySearch = current.previous == nil ? nil : current
      notice = failure.message
      return []
    case .success(let hits) where hits.isEmpty:
      librarySearch = current.previous == nil ? nil : current
      notice = "nothing found for \(current.query)" + (partialCoverage("indexed").map { " (\($0))" } ?? "")
      return []
    case .success(let hits):
      if current.previous == nil { current.previous = (stories, list.selected) }
      librarySearch = current
      // Asked from the feeds pane, the hits are shown in the list, which takes the focus.
      focus = .list
      stories = StoryList(hits)
      list = ListState()
      list.scrollIntoView(count: stories.count, height: listHeight)
      let more = hits.count >= Self.librarySearchLimit ? " (the best \(hits.count))" : ""
      notice = "\(hits.count) found for \(current.query)\(more) · \(backKeyName) returns"
      if let partial = partialCoverage("indexed") { notice = "\(hits.count) found in \(partial)\(more) · \(backKeyName) returns" }
      let words = Self.highlightedWords(of: current.query)
      search = words.isEmpty ? nil : Search(query: words, editing: false)
      reading = nil
      return previewIfSideBySide()
    }
  }

  /// Esc in the list of hits: the whole list again, where it was.
  mutating func leaveLibrarySearchResults() -> [ReaderEffect] {
    guard let previous = librarySearch?.previous else { return [] }
    librarySearch = nil
    search = nil
    stories = previous.stories
    // Pages that arrived while the hits were shown were kept; those asked for and dropped are asked again.
    stories.forgetRequests()
    list = ListState()
    list.select(previous.selected, count: stories.count, height: listHeight)
    return previewIfSideBySide()
  }

  /// What to highlight in an article found by a query: a quoted phrase, else its first plain
  /// word (operators, `speaker:` terms and prefix stars left out).
  static func highlightedWords(of query: String) -> String {
    if let open = query.firstIndex(of: "\""), let close = query[query.index(after: open)...].firstIndex(of: "\"") {
      return String(query[query.index(after: open)..<close])
    }
    let operators: Set<String> = ["AND", "OR", "NOT"]
    let words = query.split(separator: " ").map { trimmed($0, ["(", ")", "*"]) }
    return words.first { !$0.isEmpty && !operators.contains($0) && !$0.lowercased().hasPrefix("speaker:") } ?? ""
  }

  private static func trimmed(_ text: Substring, _ characters: Set<Character>) -> String {
    var result = text
    while let first = result.first, characters.contains(first) { result.removeFirst() }
    while let last = result.last, characters.contains(last) { result.removeLast() }
    return String(result)
  }

  /// Esc when it goes back (the habit), else the first key that does.
  private var backKeyName: String {
    let keys = keymap.keys(for: .back)
    return KeyName.describe(keys.contains(.escape) ? .escape : keys.first ?? .escape)
  }
}
