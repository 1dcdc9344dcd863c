/// What a cell shows, by meaning rather than colour: a theme turns roles into colours and
/// attributes, so views and their tests never deal with colour numbers.
public enum StyleRole: String, Sendable, Hashable, CaseIterable {
  case normal
  case listRow, listSelected, listRead, listUnread, listSource
  case headline, source, body
  case speech, phrase, speaker, currentQuote
  case searchMatch, currentMatch
  case focusBar
  case statusBar, statusKey
  case help, helpKey
  case border, dim
}

/// A cell's style: its role, and whether it lies in the focused paragraph (which a theme may
/// give a subtle background).
public struct Style: Sendable, Hashable {
  public var role: StyleRole
  public var focused: Bool

  public init(_ role: StyleRole, focused: Bool = false) {
    self.role = role
    self.focused = focused
  }

  public static let normal = Style(.normal)
}
