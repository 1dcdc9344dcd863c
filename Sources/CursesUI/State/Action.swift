/// Everything the reader can be asked to do. Keys map to actions through a `Keymap`; the
/// reducer gives each its meaning in the current context (list or article).
public enum Action: String, Sendable, Hashable, CaseIterable {
  case moveDown, moveUp
  case nextParagraph, previousParagraph
  case pageDown, pageUp
  case first, last
  case switchPane
  case open, back
  case nextQuote, previousQuote
  case nextStory, previousStory
  case search
  case quit
  case redraw
  case help
  case cycleTheme
  case toggleRead, toggleStar, markAllRead, undo
  case openLink, copyLink
  case syncFeed, syncAll
  case speakers
  case fullText

  /// The name a config file uses: move_down, next_quote, cycle_theme…
  public var configName: String {
    rawValue.reduce(into: "") { name, character in
      if character.isUppercase { name += "_" + character.lowercased() } else { name.append(character) }
    }
  }

  public init?(configName: String) {
    guard let action = Action.allCases.first(where: { $0.configName == configName }) else { return nil }
    self = action
  }
}
