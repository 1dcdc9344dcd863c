/// Which keys do what. The defaults follow vim and less; a config file may change them.
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
    .character("u"): .toggleRead, .character("s"): .toggleStar,
    .character("A"): .markAllRead, .character("U"): .undo,
    .character("o"): .openLink, .character("y"): .copyLink,
    .character("r"): .syncFeed, .character("R"): .syncAll,
    .character("w"): .speakers,
    .character("f"): .fullText,
  ])

  /// This keymap with `action` bound to exactly `keys`: its old keys are dropped, and the new
  /// keys leave whatever they did before.
  public func rebinding(_ action: Action, to keys: [Key]) -> Keymap {
    var bindings = self.bindings.filter { $0.value != action }
    for key in keys { bindings[key] = action }
    return Keymap(bindings: bindings)
  }

  /// The keys bound to an action, in a stable order for display: typed characters first.
  public func keys(for action: Action) -> [Key] {
    bindings.filter { $0.value == action }.map(\.key).sorted { first, second in
      let firstIsCharacter = if case .character = first { true } else { false }
      let secondIsCharacter = if case .character = second { true } else { false }
      if firstIsCharacter != secondIsCharacter { return firstIsCharacter }
      return KeyName.describe(first) < KeyName.describe(second)
    }
  }

  /// What the help overlay explains, one line per group of actions, in this order.
  public static let helpEntries: [(actions: [Action], meaning: String)] = [
    ([.moveDown, .moveUp], "next / previous story; paragraph in the article"),
    ([.nextParagraph, .previousParagraph], "next / previous paragraph, from anywhere"),
    ([.pageDown, .pageUp], "a page down / up"),
    ([.first, .last], "first / last"),
    ([.switchPane], "switch between list and article"),
    ([.open], "open the story"),
    ([.back], "back to the list"),
    ([.nextQuote, .previousQuote], "next / previous quote (matches while searching)"),
    ([.nextStory, .previousStory], "next / previous story while reading"),
    ([.search], "search the library; in an article, find text in it"),
    ([.quit], "back one pane (article, list, feeds), quit from the first"),
    ([.redraw], "redraw the screen"),
    ([.cycleTheme], "next theme (its name shows in the status bar)"),
    ([.toggleRead, .toggleStar], "mark the story read or unread / star or unstar it"),
    ([.markAllRead], "mark every story in the list read"),
    ([.undo], "undo the last marking (several levels)"),
    ([.openLink, .copyLink], "open the link in $BROWSER (3o: link [3]) / copy it"),
    ([.syncFeed, .syncAll], "sync this story's feed / every feed, in the background"),
    ([.speakers], "who said what: speakers here, or the current quote's speaker"),
    ([.fullText], "full text from the story's web page / the feed's again"),
    ([.help], "this help; j/k scroll it if cut, other keys close it"),
  ]

  /// The help overlay's lines for this keymap: each group's keys as bound now (a remapped key
  /// shows where it went), then the mouse, which no config changes.
  public var helpLines: [(keys: String, meaning: String)] {
    Self.helpEntries.map { entry in
      let keys = entry.actions.map { action in
        self.keys(for: action).map(KeyName.describe).joined(separator: " ")
      }
      return (keys.map { $0.isEmpty ? "–" : $0 }.joined(separator: " / "), entry.meaning)
    } + [("mouse", "wheel scrolls the pane under it; click selects")]
  }
}
