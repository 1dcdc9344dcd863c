/// JSON allows `\ud800` alone in a string, but no Swift string can hold half of a UTF-16 pair,
/// and Foundation's parser refuses the whole document for one. Feeds in the wild carry them
/// (text cut in the middle of an emoji), so each lone half becomes `\ufffd` before parsing, and
/// the feed loses a character instead of every item.
enum JSONSurrogates {
  static func replacingLoneHalves(_ bytes: [UInt8]) -> [UInt8] {
    let backslash = UInt8(ascii: "\\")
    guard bytes.contains(backslash) else { return bytes }
    var output: [UInt8] = []
    var index = 0
    var runStart = 0
    while index < bytes.count {
      guard bytes[index] == backslash else {
        index += 1
        continue
      }
      // Every backslash in valid JSON starts a two-byte escape or a `\uXXXX` one, so stepping
      // over whole escapes keeps `\\u` (an escaped backslash, then "u") apart from `\u`.
      guard index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "u"), let unit = hexUnit(bytes, at: index + 2) else {
        index += 2
        continue
      }
      if (0xD800...0xDBFF).contains(unit), index + 11 < bytes.count, bytes[index + 6] == backslash,
        bytes[index + 7] == UInt8(ascii: "u"), let low = hexUnit(bytes, at: index + 8), (0xDC00...0xDFFF).contains(low)
      {
        index += 12
        continue
      }
      if (0xD800...0xDFFF).contains(unit) {
        output += bytes[runStart..<index]
        output += Array(#"\ufffd"#.utf8)
        index += 6
        runStart = index
        continue
      }
      index += 6
    }
    if runStart == 0 { return bytes }
    output += bytes[runStart...]
    return output
  }

  /// The four hex digits at `start` as a number, or nil.
  private static func hexUnit(_ bytes: [UInt8], at start: Int) -> UInt32? {
    guard start + 4 <= bytes.count else { return nil }
    var value: UInt32 = 0
    for byte in bytes[start..<(start + 4)] {
      let digit: UInt8
      switch byte {
      case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
      case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
      case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
      default: return nil
      }
      value = value << 4 | UInt32(digit)
    }
    return value
  }
}
