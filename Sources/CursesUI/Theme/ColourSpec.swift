/// A colour as a theme writes it: the terminal's own, one of the 16 ANSI colours by name, a
/// 256-colour index, or `#rrggbb`.
public enum ColourSpec: Sendable, Hashable, CustomStringConvertible {
  case terminalDefault
  case ansi(Int)
  case indexed(Int)
  case rgb(red: Int, green: Int, blue: Int)

  public static let ansiNames = [
    "black", "red", "green", "yellow", "blue", "magenta", "cyan", "white",
    "bright_black", "bright_red", "bright_green", "bright_yellow", "bright_blue", "bright_magenta", "bright_cyan",
    "bright_white",
  ]

  /// Parses a theme's colour; the error says what was wrong in words a user can act on.
  public static func parse(_ text: String) -> Result<ColourSpec, ThemeProblem> {
    let name = text.lowercased().replacingOccurrences(of: "-", with: "_").replacingOccurrences(of: " ", with: "_")
    if name == "default" || name == "none" { return .success(.terminalDefault) }
    if name == "grey" || name == "gray" { return .success(.ansi(8)) }
    if let index = ansiNames.firstIndex(of: name) { return .success(.ansi(index)) }
    if name.hasPrefix("#") {
      let hex = name.dropFirst()
      guard hex.count == 6, let value = Int(hex, radix: 16) else {
        return .failure(ThemeProblem("bad colour \"\(text)\": write #rrggbb with six hex digits"))
      }
      return .success(.rgb(red: value >> 16, green: (value >> 8) & 0xFF, blue: value & 0xFF))
    }
    if let index = Int(name) { return parse(index: index, written: text) }
    return .failure(
      ThemeProblem("bad colour \"\(text)\": use default, an ANSI name (red, bright_blue…), 0–255, or #rrggbb"))
  }

  public static func parse(index: Int, written: String? = nil) -> Result<ColourSpec, ThemeProblem> {
    guard (0...255).contains(index) else {
      return .failure(ThemeProblem("bad colour \(written ?? String(index)): an index is 0–255"))
    }
    return .success(index < 16 ? .ansi(index) : .indexed(index))
  }

  public var description: String {
    switch self {
    case .terminalDefault: return "default"
    case .ansi(let index): return Self.ansiNames[index]
    case .indexed(let index): return String(index)
    case .rgb(let red, let green, let blue):
      return "#" + [red, green, blue].map { value in
        let hex = String(value, radix: 16)
        return hex.count == 1 ? "0" + hex : hex
      }.joined()
    }
  }
}

/// Something wrong in a theme or the config: the message, and where when it is known.
public struct ThemeProblem: Error, Sendable, Hashable, CustomStringConvertible {
  public var message: String
  public var file: String?
  public var line: Int?

  public init(_ message: String, file: String? = nil, line: Int? = nil) {
    self.message = message
    self.file = file
    self.line = line
  }

  public var description: String {
    switch (file, line) {
    case (let file?, let line?): return "\(file):\(line): \(message)"
    case (let file?, nil): return "\(file): \(message)"
    default: return message
    }
  }
}
