extension ThemeElement {
  /// The element this one is drawn against, and must stand apart from: list rows for the list's
  /// elements, the bar for its keys, the box for help keys, body text for everything else.
  var base: ThemeElement {
    switch self {
    case .listSelected, .listRead, .listUnread, .listSource: return .listRow
    case .statusKey: return .statusBar
    case .helpKey: return .help
    case .body, .listRow: return self
    default: return .body
    }
  }
}

extension Theme {
  /// The theme as a terminal of `depth` can show it. Without colour, only attributes are kept.
  /// At 8 or 16 colours, an element whose colours become those of its base (a violet quote on
  /// grey text both turning white) gets the attributes `fallback` (the mono theme) gives it, and
  /// text that would land on its own background colour becomes black or white.
  public func degraded(to depth: ColourDepth, fallback: Theme) -> Theme {
    if depth >= .palette256 { return self }
    var copy = self
    for element in ThemeElement.allCases {
      var style = self.style(for: element)
      let base = self.style(for: element.base)
      let lostColour = element != element.base && colourLook(style, depth) == colourLook(base, depth)
        && (style.foreground != base.foreground || style.background != base.background)
      if depth == .none {
        let coloured = [style.foreground, style.background].contains { $0 != nil && $0 != .terminalDefault }
        let standsApart = element != element.base && coloured && style.attributes == base.attributes
        if standsApart || lostColour { style.attributes.formUnion(fallback.style(for: element).attributes) }
        style.foreground = nil
        style.background = nil
      } else {
        if lostColour && style.attributes == base.attributes {
          style.attributes.formUnion(fallback.style(for: element).attributes)
        }
        let (foreground, background) = colourLook(style, depth)
        if foreground != -1 && foreground == background {
          style.foreground = .ansi(Self.isLight(index: Int(background)) ? 0 : 15)
        }
      }
      copy.styles[element] = style
    }
    return copy
  }

  private func colourLook(_ style: ThemeStyle, _ depth: ColourDepth) -> (Int32, Int32) {
    (
      ColourMapper.map(style.foreground ?? .terminalDefault, to: depth),
      ColourMapper.map(style.background ?? .terminalDefault, to: depth)
    )
  }

  private static func isLight(index: Int) -> Bool {
    let (red, green, blue) = ColourMapper.rgb(ofIndex: max(0, index))
    return red * 299 + green * 587 + blue * 114 > 128_000
  }
}
