import CNcurses

/// A theme on this terminal: each style's colours mapped to the depth the terminal has (see
/// `ColourMapper`), colour pairs allocated as styles first appear.
struct ThemePalette {
  let theme: Theme
  let depth: ColourDepth
  private var pairs: [Style: (pair: Int32, attributes: attr_t)] = [:]
  private var pairByColours: [ColourPair: Int32] = [:]

  private struct ColourPair: Hashable {
    var foreground: Int32
    var background: Int32
  }

  init(theme: Theme, depth: ColourDepth, monoFallback: Theme) {
    self.theme = theme.degraded(to: depth, fallback: monoFallback)
    self.depth = depth
  }

  mutating func attributes(for style: Style) -> (pair: Int32, attributes: attr_t) {
    if let known = pairs[style] { return known }
    let look = theme.look(for: style)
    var attributes = herald_a_normal
    for attribute in look.attributes {
      switch attribute {
      case .bold: attributes |= herald_a_bold
      case .dim: attributes |= herald_a_dim
      case .italic: attributes |= herald_a_italic
      case .underline: attributes |= herald_a_underline
      case .reverse: attributes |= herald_a_reverse
      }
    }
    let colours = ColourPair(
      foreground: ColourMapper.map(look.foreground ?? .terminalDefault, to: depth),
      background: ColourMapper.map(look.background ?? .terminalDefault, to: depth))
    var pair: Int32 = 0
    if depth != .none && (colours.foreground != -1 || colours.background != -1) {
      if let known = pairByColours[colours] {
        pair = known
      } else {
        pair = Int32(pairByColours.count + 1)
        init_extended_pair(pair, colours.foreground, colours.background)
        pairByColours[colours] = pair
      }
    }
    pairs[style] = (pair, attributes)
    return (pair, attributes)
  }
}
