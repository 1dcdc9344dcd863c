/// How many colours the terminal can show, from none (attributes only) to 24-bit.
public enum ColourDepth: Int, Sendable, Hashable, Comparable, CaseIterable {
  case none = 0
  case eight = 8
  case sixteen = 16
  case palette256 = 256
  case trueColour = 16_777_216

  public static func < (lhs: ColourDepth, rhs: ColourDepth) -> Bool { lhs.rawValue < rhs.rawValue }

  /// The depth to draw with: what the terminal's terminfo entry reports (`colours`), and 24-bit
  /// only where both COLORTERM says so and the entry can address 24-bit colours directly.
  public static func detect(colours: Int, environment: [String: String]) -> ColourDepth {
    if environment["NO_COLOR"].map({ !$0.isEmpty }) == true { return .none }
    let colorterm = (environment["COLORTERM"] ?? "").lowercased()
    let wantsTrueColour = colorterm == "truecolor" || colorterm == "24bit"
    switch colours {
    case 0x100_0000...: return wantsTrueColour ? .trueColour : .palette256
    case 256...: return .palette256
    case 16...: return .sixteen
    case 8...: return .eight
    default: return .none
    }
  }
}
