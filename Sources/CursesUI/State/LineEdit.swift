/// What a key does to a line typed in the status bar (a search): vim's command-line habits,
/// where Backspace on an empty line gives up.
enum LineEdit: Equatable {
  case cancel, submit, unchanged
  case changed(String)

  static func apply(_ key: Key, to text: String) -> LineEdit {
    switch key {
    case .escape: return .cancel
    case .enter: return .submit
    case .backspace: return text.isEmpty ? .cancel : .changed(String(text.dropLast()))
    case .character(let character): return .changed(text + String(character))
    default: return .unchanged
    }
  }
}
