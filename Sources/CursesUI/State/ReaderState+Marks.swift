import NewsKit

/// Read and star marks: `u`, `s`, `A` and `U`. The state changes at once; library stories'
/// marks go to the library as an effect. Stars need the library; read marks of stories read
/// from paths last as long as the reader.
extension ReaderState {
  static let undoDepth = 50

  mutating func toggleRead() -> [ReaderEffect] {
    guard let story = selectedStory else { return [] }
    let mark: StoryMark = readIDs.contains(story.id) ? .unread : .read
    notice = mark == .read ? "marked read" : "marked unread"
    return apply(mark, to: [story.id], undoable: true)
  }

  mutating func toggleStar() -> [ReaderEffect] {
    guard let story = selectedStory else { return [] }
    guard story.isFromLibrary else {
      notice = "stars are kept in the library: herald add PATH subscribes to it"
      return []
    }
    let mark: StoryMark = starredIDs.contains(story.id) ? .unstar : .star
    notice = mark == .star ? "starred" : "star removed"
    return apply(mark, to: [story.id], undoable: true)
  }

  /// `A`: a list held whole is marked here; a library listing, which holds a few pages, is
  /// marked by the library, which says which stories it marked.
  mutating func markAllRead() -> [ReaderEffect] {
    if let source = stories.source {
      notice = "marking read…"
      return [.markAllRead(source.filter)]
    }
    let read = readIDs
    let ids = stories.heldStories.compactMap { read.contains($0.id) ? nil : $0.id }
    guard !ids.isEmpty else {
      notice = "every story here is read"
      return []
    }
    notice = Self.markedReadNotice(ids.count, undoKey: undoKeyName)
    return apply(.read, to: ids, undoable: true)
  }

  /// The library marked a filter's stories read (whichever list shows now, those stories are
  /// read, and `U` takes it back).
  mutating func noteAllMarkedRead(_ ids: [String]) {
    guard !ids.isEmpty else {
      notice = "every story here is read"
      return
    }
    readIDs.formUnion(ids)
    remember(MarkChange(ids: ids, mark: .unread))
    notice = Self.markedReadNotice(ids.count, undoKey: undoKeyName)
  }

  private static func markedReadNotice(_ count: Int, undoKey: String) -> String {
    "marked \(count) \(count == 1 ? "story" : "stories") read (\(undoKey) undoes)"
  }

  mutating func undoMarking() -> [ReaderEffect] {
    guard let last = undoStack.popLast() else {
      notice = "nothing to undo"
      return []
    }
    notice = "undone: \(last.ids.count) \(last.ids.count == 1 ? "story" : "stories") marked \(last.mark.rawValue)"
    return apply(last.mark, to: last.ids, undoable: false)
  }

  /// Marks the stories in the state, remembers how to undo it, and asks the library to keep
  /// the marks of its stories.
  private mutating func apply(_ mark: StoryMark, to ids: [String], undoable: Bool) -> [ReaderEffect] {
    switch mark {
    case .read: readIDs.formUnion(ids)
    case .unread: readIDs.subtract(ids)
    case .star: starredIDs.formUnion(ids)
    case .unstar: starredIDs.subtract(ids)
    }
    if undoable { remember(MarkChange(ids: ids, mark: mark.inverse)) }
    // A reader shows either the library's stories or paths', never both.
    return isLibrary || selectedStory?.isFromLibrary == true ? [.mark(ids, mark)] : []
  }

  private mutating func remember(_ change: MarkChange) {
    undoStack.append(change)
    if undoStack.count > Self.undoDepth { undoStack.removeFirst() }
  }

  private var undoKeyName: String {
    keymap.keys(for: .undo).first.map(KeyName.describe) ?? "undo"
  }
}
