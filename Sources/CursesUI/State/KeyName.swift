/// Key names as a config file writes them: a single character ("j", "?", "J"), a named key
/// ("Enter", "Esc", "Space", "Tab", "BackTab", "Backspace", "Up", "Down", "Left", "Right",
/// "PageUp", "PageDown", "Home", "End", "F1"…"F12") or a control key ("C-l", "Ctrl-L").
public enum KeyName {
  private static let named: [String: Key] = [
    "enter": .enter, "return": .enter, "esc": .escape, "escape": .escape, "space": .character(" "),
    "tab": .tab, "backtab": .backTab, "s-tab": .backTab, "backspace": .backspace, "up": .up, "down": .down,
    "left": .left, "right": .right, "pageup": .pageUp, "pgup": .pageUp, "pagedown": .pageDown, "pgdn": .pageDown,
    "home": .home, "end": .end,
  ]

  public static func parse(_ text: String) -> Key? {
    if text.count == 1, let character = text.first { return .character(character) }
    let lowered = text.lowercased()
    if let key = named[lowered] { return key }
    for prefix in ["c-", "ctrl-", "ctrl+", "^"] where lowered.hasPrefix(prefix) {
      let rest = lowered.dropFirst(prefix.count)
      if rest.count == 1, let letter = rest.first, letter.isLetter, letter.isASCII { return .control(letter) }
    }
    if lowered.hasPrefix("f"), let number = Int(lowered.dropFirst()), (1...12).contains(number) { return .function(number) }
    return nil
  }

  public static func describe(_ key: Key) -> String {
    switch key {
    case .character(" "): return "Space"
    case .character(let character): return String(character)
    case .control(let letter): return "C-" + String(letter)
    case .up: return "Up"
    case .down: return "Down"
    case .left: return "Left"
    case .right: return "Right"
    case .pageUp: return "PageUp"
    case .pageDown: return "PageDown"
    case .home: return "Home"
    case .end: return "End"
    case .enter: return "Enter"
    case .escape: return "Esc"
    case .tab: return "Tab"
    case .backTab: return "BackTab"
    case .backspace: return "Backspace"
    case .function(let number): return "F\(number)"
    }
  }
}
