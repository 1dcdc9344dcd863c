import CNcurses

/// How each style role looks on the terminal: a colour pair and attributes. Colour -1 is the
/// terminal's own. A stand-in for the themes to come: one built-in look, and a monochrome one
/// (attributes only) for terminals without colour.
struct Palette {
  struct Look {
    var foreground: Int16
    var background: Int16
    var attributes: attr_t
  }

  private var looks: [Style: (pair: Int16, attributes: attr_t)] = [:]

  /// The background of the focused paragraph: subtle where 256 colours allow it.
  static func focusBackground(colours: Int) -> Int16 { colours >= 256 ? 236 : -1 }

  static func look(for style: Style, colours: Int) -> Look {
    let hasColour = colours >= 8
    func colour(_ value: Int16) -> Int16 { hasColour ? value : -1 }
    var look: Look
    switch style.role {
    case .normal, .body, .listRow: look = Look(foreground: -1, background: -1, attributes: herald_a_normal)
    case .listUnread: look = Look(foreground: -1, background: -1, attributes: herald_a_bold)
    case .listRead: look = Look(foreground: -1, background: -1, attributes: herald_a_dim)
    case .listSelected: look = Look(foreground: colour(0), background: colour(6), attributes: hasColour ? herald_a_normal : herald_a_reverse)
    case .listSource: look = Look(foreground: colour(4), background: -1, attributes: herald_a_normal)
    case .headline: look = Look(foreground: -1, background: -1, attributes: herald_a_bold)
    case .source: look = Look(foreground: colour(4), background: -1, attributes: herald_a_dim)
    case .speech: look = Look(foreground: colour(6), background: -1, attributes: hasColour ? herald_a_normal : herald_a_bold)
    case .phrase: look = Look(foreground: colour(3), background: -1, attributes: herald_a_italic)
    case .currentQuote: look = Look(foreground: colour(6), background: -1, attributes: herald_a_bold | herald_a_underline)
    case .speaker: look = Look(foreground: colour(5), background: -1, attributes: herald_a_bold)
    case .searchMatch: look = Look(foreground: colour(0), background: colour(3), attributes: hasColour ? herald_a_normal : herald_a_underline)
    case .currentMatch: look = Look(foreground: colour(0), background: colour(2), attributes: herald_a_reverse | herald_a_bold)
    case .focusBar: look = Look(foreground: colour(6), background: -1, attributes: herald_a_bold)
    case .statusBar: look = Look(foreground: colour(0), background: colour(7), attributes: hasColour ? herald_a_normal : herald_a_reverse)
    case .statusKey: look = Look(foreground: colour(4), background: colour(7), attributes: hasColour ? herald_a_bold : herald_a_reverse)
    case .help: look = Look(foreground: -1, background: -1, attributes: herald_a_normal)
    case .helpKey: look = Look(foreground: colour(6), background: -1, attributes: herald_a_bold)
    case .border, .dim: look = Look(foreground: -1, background: -1, attributes: herald_a_dim)
    }
    if style.focused && look.background == -1 { look.background = colour(focusBackground(colours: colours)) }
    return look
  }

  /// The pair number and attributes for a style, allocating colour pairs as styles appear.
  mutating func attributes(for style: Style, colours: Int) -> (pair: Int16, attributes: attr_t) {
    if let known = looks[style] { return known }
    let look = Self.look(for: style, colours: colours)
    var pair: Int16 = 0
    if colours >= 8 && (look.foreground != -1 || look.background != -1) {
      pair = Int16(looks.count + 1)
      init_pair(pair, look.foreground, look.background)
    }
    looks[style] = (pair, look.attributes)
    return (pair, look.attributes)
  }
}
