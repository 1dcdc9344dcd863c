/// The link numbers and `[image: …]` an extraction's paragraphs carry between U+E000 and U+E001: kept for
/// the reader (which shows `[n]`), taken out for the body alone.
enum LinkNumbers {
  static let open: Unicode.Scalar = "\u{E000}"
  static let close: Unicode.Scalar = "\u{E001}"

  /// The paragraph as the reader shows it: `[n]` kept, the fences gone.
  static func shown(_ paragraph: String) -> String {
    guard paragraph.unicodeScalars.contains(open) else { return paragraph }
    var scalars = String.UnicodeScalarView()
    for scalar in paragraph.unicodeScalars where scalar != open && scalar != close { scalars.append(scalar) }
    return String(scalars)
  }

  /// The paragraph without its link numbers.
  static func removed(_ paragraph: String) -> String {
    guard paragraph.unicodeScalars.contains(open) else { return paragraph }
    var scalars = String.UnicodeScalarView()
    var inside = false
    for scalar in paragraph.unicodeScalars {
      if scalar == open { inside = true } else if scalar == close { inside = false } else if !inside { scalars.append(scalar) }
    }
    return String(scalars).collapsingWhitespace
  }
}
