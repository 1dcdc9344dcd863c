/// Text attributes a theme can ask for.
public enum TextAttribute: String, Sendable, Hashable, CaseIterable {
  case bold, dim, italic, underline, reverse
}

/// One element's look: colours and attributes. A nil colour leaves the one inherited, or the
/// terminal's own.
public struct ThemeStyle: Sendable, Hashable {
  public var foreground: ColourSpec?
  public var background: ColourSpec?
  public var attributes: Set<TextAttribute>

  public init(foreground: ColourSpec? = nil, background: ColourSpec? = nil, attributes: Set<TextAttribute> = []) {
    self.foreground = foreground
    self.background = background
    self.attributes = attributes
  }
}

/// Everything the reader draws that a theme styles, by the name used in theme files.
public enum ThemeElement: String, Sendable, Hashable, CaseIterable {
  case listRow = "list_row"
  case listSelected = "list_selected"
  case listRead = "list_read"
  case listUnread = "list_unread"
  case listSource = "list_source"
  case headline, source, body
  case focusedParagraph = "focused_paragraph"
  case focusBar = "focus_bar"
  case speech, phrase, speaker
  case currentQuote = "current_quote"
  case searchMatch = "search_match"
  case currentMatch = "current_match"
  case statusBar = "status_bar"
  case statusKey = "status_key"
  case help
  case helpKey = "help_key"
  case border, dim

  /// The element a view's style role is drawn as.
  public init(_ role: StyleRole) {
    switch role {
    case .normal, .body: self = .body
    case .listRow: self = .listRow
    case .listSelected: self = .listSelected
    case .listRead: self = .listRead
    case .listUnread: self = .listUnread
    case .listSource: self = .listSource
    case .headline: self = .headline
    case .source: self = .source
    case .speech: self = .speech
    case .phrase: self = .phrase
    case .speaker: self = .speaker
    case .currentQuote: self = .currentQuote
    case .searchMatch: self = .searchMatch
    case .currentMatch: self = .currentMatch
    case .focusBar: self = .focusBar
    case .statusBar: self = .statusBar
    case .statusKey: self = .statusKey
    case .help: self = .help
    case .helpKey: self = .helpKey
    case .border: self = .border
    case .dim: self = .dim
    }
  }
}

/// A complete theme: a style for every element.
public struct Theme: Sendable, Hashable {
  public var name: String
  public var description: String
  /// Where the theme was read from, if from a file.
  public var path: String?
  public var styles: [ThemeElement: ThemeStyle]

  public init(name: String, description: String = "", path: String? = nil, styles: [ThemeElement: ThemeStyle]) {
    self.name = name
    self.description = description
    self.path = path
    self.styles = styles
  }

  public func style(for element: ThemeElement) -> ThemeStyle {
    styles[element] ?? ThemeStyle()
  }

  /// The look of a cell's style: its element's, over the focused paragraph's background when
  /// the cell is in the focused paragraph and its element sets no background of its own.
  public func look(for style: Style) -> ThemeStyle {
    var look = self.style(for: ThemeElement(style.role))
    if style.focused {
      let focused = self.style(for: .focusedParagraph)
      if look.background == nil || look.background == .terminalDefault { look.background = focused.background }
      if look.foreground == nil || look.foreground == .terminalDefault { look.foreground = focused.foreground ?? look.foreground }
      look.attributes.formUnion(focused.attributes)
    }
    return look
  }
}
