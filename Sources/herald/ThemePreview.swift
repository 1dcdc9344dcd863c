import CursesUI
import NewsKit

/// `herald themes --preview`: each element's name, drawn in its style with SGR codes when the
/// depth allows, followed by what the style is made of.
enum ThemePreview {
  static func text(of theme: Theme, depth: ColourDepth) -> String {
    // The name, description and path come from a file anyone may have written.
    var lines = [VisibleText.make("Theme \(theme.name)" + (theme.description.isEmpty ? "" : ": \(theme.description)"))]
    if let path = theme.path { lines.append(VisibleText.make(path)) }
    lines.append("")
    let width = ThemeElement.allCases.map(\.rawValue.count).max() ?? 0
    for element in ThemeElement.allCases {
      let style = theme.style(for: element)
      let name = element.rawValue.padding(toLength: width, withPad: " ", startingAt: 0)
      let sample = depth == .none ? name : sgr(style, depth: depth) + " \(name) " + "\u{1B}[0m"
      lines.append("\(sample)  \(describe(style))")
    }
    let sampleQuote = theme.style(for: .speech)
    if depth != .none {
      lines.append("")
      lines.append(
        "The minister said: " + sgr(sampleQuote, depth: depth) + "“We are ready.”" + "\u{1B}[0m" + " Critics called it "
          + sgr(theme.style(for: .phrase), depth: depth) + "“a shambles”" + "\u{1B}[0m" + ".")
    }
    return lines.joined(separator: "\n") + "\n"
  }

  static func describe(_ style: ThemeStyle) -> String {
    var parts: [String] = []
    if let foreground = style.foreground { parts.append("fg \(foreground)") }
    if let background = style.background { parts.append("bg \(background)") }
    if !style.attributes.isEmpty { parts.append(style.attributes.map(\.rawValue).sorted().joined(separator: " ")) }
    return parts.isEmpty ? "terminal default" : parts.joined(separator: ", ")
  }

  /// The SGR sequence for a style at a colour depth.
  static func sgr(_ style: ThemeStyle, depth: ColourDepth) -> String {
    var codes: [String] = ["0"]
    let attributeCodes: [TextAttribute: String] = [.bold: "1", .dim: "2", .italic: "3", .underline: "4", .reverse: "7"]
    codes += style.attributes.sorted { $0.rawValue < $1.rawValue }.compactMap { attributeCodes[$0] }
    for (colour, base) in [(style.foreground, 38), (style.background, 48)] {
      guard let colour else { continue }
      let value = Int(ColourMapper.map(colour, to: depth))
      guard value >= 0 else { continue }
      switch depth {
      case .trueColour:
        if case .rgb = colour {
          codes.append("\(base);2;\(value >> 16);\((value >> 8) & 0xFF);\(value & 0xFF)")
        } else {
          codes.append("\(base);5;\(value)")
        }
      case .palette256: codes.append("\(base);5;\(value)")
      default: codes.append(value < 8 ? "\(base - 8 + value)" : "\(base + 52 + value - 8)")
      }
    }
    return "\u{1B}[" + codes.joined(separator: ";") + "m"
  }
}
