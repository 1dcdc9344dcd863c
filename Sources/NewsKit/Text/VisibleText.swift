/// Makes text safe to show on a terminal: control characters (C0, DEL, C1, ESC among them) are
/// replaced by visible stand-ins, so no article can move the cursor or change the terminal; bidi
/// embeddings, overrides and isolates (U+202A–202E, U+2066–2069) are dropped, so none can
/// reorder the rest of a line (the reader's grid drops them too, as zero-width).
public enum VisibleText {
  public static func make(_ text: String) -> String {
    // By bytes first: a control is a byte below 0x20, DEL, or (C1) a sequence led by 0xC2; a
    // bidi control is led by 0xE2, as are typographic quotes, so that case looks at scalars.
    guard text.utf8.contains(where: { $0 < 0x20 || $0 == 0x7F || $0 == 0xC2 || $0 == 0xE2 }),
      text.unicodeScalars.contains(where: { isControl($0) || isBidiControl($0) })
    else { return text }
    var result = String.UnicodeScalarView()
    for scalar in text.unicodeScalars where !isBidiControl(scalar) {
      result.append(isControl(scalar) ? replacement(for: scalar) : scalar)
    }
    return String(result)
  }

  /// The text with its line breaks as spaces, for one-line output. By scalars: Foundation's
  /// `replacingOccurrences` bridges to NSString and was a sixth of `herald quotes`.
  public static func oneLine(_ text: String) -> String {
    guard text.utf8.contains(0x0A) else { return text }
    var result = String.UnicodeScalarView()
    for scalar in text.unicodeScalars { result.append(scalar == "\n" ? " " : scalar) }
    return String(result)
  }

  public static func isControl(_ scalar: Unicode.Scalar) -> Bool {
    scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
  }

  /// An explicit bidi embedding, override, pop or isolate: each changes the order of what
  /// follows it on the line.
  public static func isBidiControl(_ scalar: Unicode.Scalar) -> Bool {
    (0x202A...0x202E).contains(scalar.value) || (0x2066...0x2069).contains(scalar.value)
  }

  /// Tab becomes a space; other C0 controls their Control Pictures symbol (␛ for ESC); DEL ␡;
  /// C1 controls the replacement character.
  public static func replacement(for scalar: Unicode.Scalar) -> Unicode.Scalar {
    switch scalar.value {
    case 0x09: return " "
    case 0x00..<0x20: return Unicode.Scalar(0x2400 + scalar.value)!
    case 0x7F: return "\u{2421}"
    default: return "\u{FFFD}"
    }
  }
}
