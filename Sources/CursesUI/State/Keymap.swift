/// Which keys do what. The defaults follow vim and less; a config file may change them later.
public struct Keymap: Sendable, Hashable {
  public var bindings: [Key: Action]

  public init(bindings: [Key: Action]) {
    self.bindings = bindings
  }

  public func action(for key: Key) -> Action? {
    bindings[key]
  }

  public static let standard = Keymap(bindings: [
    .character("j"): .moveDown, .down: .moveDown,
    .character("k"): .moveUp, .up: .moveUp,
    .character("J"): .nextParagraph, .character("K"): .previousParagraph,
    .character(" "): .pageDown, .pageDown: .pageDown, .control("f"): .pageDown, .control("d"): .pageDown,
    .character("b"): .pageUp, .pageUp: .pageUp, .control("b"): .pageUp, .control("u"): .pageUp,
    .character("g"): .first, .home: .first,
    .character("G"): .last, .end: .last,
    .tab: .switchPane, .backTab: .switchPane,
    .enter: .open, .character("l"): .open, .right: .open,
    .escape: .back, .character("h"): .back, .left: .back,
    .character("n"): .nextQuote, .character("N"): .previousQuote,
    .character("]"): .nextStory, .character("["): .previousStory,
    .character("/"): .search,
    .character("q"): .quit,
    .control("l"): .redraw,
    .character("?"): .help,
    .character("t"): .cycleTheme,
  ])

  /// This keymap with `action` bound to exactly `keys`: its old keys are dropped, and the new
  /// keys leave whatever they did before.
  public func rebinding(_ action: Action, to keys: [Key]) -> Keymap {
    var bindings = self.bindings.filter { $0.value != action }
    for key in keys { bindings[key] = action }
    return Keymap(bindings: bindings)
  }

  /// The keys bound to an action, in a stable order for display.
  public func keys(for action: Action) -> [Key] {
    bindings.filter { $0.value == action }.map(\.key).sorted { KeyName.describe($0) < KeyName.describe($1) }
  }

  /// The keys shown for each action in the help overlay, in the order listed there.
  public static let helpLines: [(keys: String, meaning: String)] = [
    ("j k  ↓ ↑", "next / previous story; paragraph in the article"),
    ("J K", "next / previous paragraph, from anywhere"),
    ("Space b  PgDn PgUp", "a page down / up"),
    ("g G  Home End", "first / last"),
    ("Tab", "switch between list and article"),
    ("Enter l →", "open the story"),
    ("Esc h ←", "back to the list"),
    ("n N", "next / previous quote (matches while searching)"),
    ("] [", "next / previous story while reading"),
    ("/", "find text in the article; Enter keeps it, Esc clears"),
    ("q", "quit from the list, back from the article"),
    ("Ctrl-L", "redraw the screen"),
    ("t", "next theme (its name shows in the status bar)"),
    ("?", "this help (any key closes it)"),
    ("mouse", "wheel scrolls the pane under it; click selects"),
  ]
}
