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

  mutating func markAllRead() -> [ReaderEffect] {
    let read = readIDs
    let ids = stories.compactMap { read.contains($0.id) ? nil : $0.id }
    guard !ids.isEmpty else {
      notice = "every story here is read"
      return []
    }
    notice = "marked \(ids.count) \(ids.count == 1 ? "story" : "stories") read (\(undoKeyName) undoes)"
    return apply(.read, to: ids, undoable: true)
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
    if undoable {
      undoStack.append(MarkChange(ids: ids, mark: mark.inverse))
      if undoStack.count > Self.undoDepth { undoStack.removeFirst() }
    }
    // A reader shows either the library's stories or paths', never both.
    return stories.first?.isFromLibrary == true ? [.mark(ids, mark)] : []
  }

  private var undoKeyName: String {
    keymap.keys(for: .undo).first.map(KeyName.describe) ?? "undo"
  }
}
