/// A JSON document with object keys kept in the order they were given, so that output follows
/// the documented schema key by key (Foundation's encoder sorts or scrambles them).
public indirect enum JSONValue: Sendable, Hashable {
  case null
  case bool(Bool)
  case int(Int)
  case string(String)
  case array([JSONValue])
  case object([(String, JSONValue)])

  public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
    lhs.serialized() == rhs.serialized()
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(serialized())
  }

  public static func optional(_ text: String?) -> JSONValue {
    text.map(JSONValue.string) ?? .null
  }

  /// The document as text: two-space indentation, one key or element per line.
  public func serialized(indent: String = "") -> String {
    var output: [UInt8] = []
    write(into: &output, indent: indent)
    return String(decoding: output, as: UTF8.self)
  }

  /// Appends the document's UTF-8 to `output`, as `serialized` gives it. Written as bytes:
  /// runs of text that need no escape are copied whole, with no check that they are UTF-8
  /// (they came from Strings); building a String checked every run again.
  public func write(into output: inout [UInt8], indent: String) {
    // Indentation is only ever spaces; a count of them spares a String per level.
    JSONStream.append(to: &output, depth: indent.utf8.count) { $0.value(self) }
  }

  static func writeSpaces(_ count: Int, into output: inout [UInt8]) {
    // From a run of spaces (appending `repeatElement` goes element by element).
    var left = count
    while left > 0 {
      let run = min(left, spaces.count)
      spaces.withUnsafeBufferPointer { output.append(contentsOf: UnsafeBufferPointer(rebasing: $0[..<run])) }
      left -= run
    }
  }

  private static let spaces = [UInt8](repeating: UInt8(ascii: " "), count: 64)

  /// An integer's decimal digits, without making a String of them.
  static func writeInteger(_ value: Int, into output: inout [UInt8]) {
    if value < 0 { output.append(UInt8(ascii: "-")) }
    var magnitude = value.magnitude
    var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
      UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
    var count = 0
    withUnsafeMutableBytes(of: &digits) { buffer in
      repeat {
        buffer[19 - count] = UInt8(ascii: "0") + UInt8(magnitude % 10)
        magnitude /= 10
        count += 1
      } while magnitude > 0
      output.append(contentsOf: buffer[(20 - count)...])
    }
  }

  /// Escapes by UTF-8 bytes: runs that need no escape are copied whole (appending scalar by
  /// scalar was a third of `show --json` on a large feed).
  static func writeString(_ value: String, into output: inout [UInt8]) {
    output.append(UInt8(ascii: "\""))
    var copy = value
    copy.withUTF8 { bytes in
      var runStart = 0
      var index = 0
      func flush(_ end: Int) {
        if end > runStart { output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<end])) }
      }
      let mayEscape = Self.mayEscape
      while index < bytes.count {
        index = Self.firstByteThatMayEscape(in: bytes, from: index)
        guard index < bytes.count else { break }
        let byte = bytes[index]
        guard mayEscape[Int(byte)] else {
          index += 1
          continue
        }
        var escape: String?
        var length = 1
        switch byte {
        case 0x22: escape = "\\\""
        case 0x5C: escape = "\\\\"
        case 0x0A: escape = "\\n"
        case 0x0D: escape = "\\r"
        case 0x09: escape = "\\t"
        case 0..<0x20, 0x7F: escape = unicodeEscape(UInt32(byte))
        case 0xC2 where index + 1 < bytes.count && bytes[index + 1] >= 0x80 && bytes[index + 1] <= 0x9F:
          // C1 controls, U+0080–U+009F.
          escape = unicodeEscape(UInt32(bytes[index + 1]))
          length = 2
        case 0xC2 where index + 1 < bytes.count && bytes[index + 1] == 0xAD:
          // The soft hyphen: invisible unless a line breaks at it.
          escape = unicodeEscape(0xAD)
          length = 2
        case 0xD8, 0xE2, 0xEF:
          if let scalar = Self.invisibleFormatScalar(in: bytes, at: index) {
            escape = unicodeEscape(scalar)
            length = 3 - (byte == 0xD8 ? 1 : 0)
          }
        default: break
        }
        if let escape {
          flush(index)
          output.appendUTF8(escape)
          index += length
          runStart = index
        } else {
          index += 1
        }
      }
      flush(bytes.count)
    }
    output.append(UInt8(ascii: "\""))
  }

  /// The bytes that may start an escape: controls, `"`, `\`, DEL, and the lead bytes of C1
  /// controls and the soft hyphen (0xC2), of the Arabic letter mark (0xD8), of the bidi and
  /// invisible format characters and U+2028/2029 (0xE2), and of the byte-order mark and the
  /// interlinear annotation marks (0xEF). Every other byte is copied as it is.
  private static let mayEscape: [Bool] = (0...255).map { byte in
    byte < 0x20 || byte == 0x22 || byte == 0x5C || byte == 0x7F || byte == 0xC2 || byte == 0xD8 || byte == 0xE2 || byte == 0xEF
  }

  /// The invisible format character whose UTF-8 starts at `index`, if it is one that reorders
  /// or hides text when the JSON is shown ("trojan source"): the Arabic letter mark U+061C,
  /// zero-width spaces and joiners and the directional marks U+200B–U+200F, the line and
  /// paragraph separators U+2028/2029 (they also end lines in JavaScript), the embeddings and
  /// overrides U+202A–U+202E, the invisible operators U+2060–U+2064, the isolates
  /// U+2066–U+2069, the deprecated format controls U+206A–U+206F, the byte-order mark U+FEFF,
  /// and the interlinear annotation marks U+FFF9–U+FFFB. Written as `\uXXXX`, they read back
  /// unchanged and show as what they are.
  @inline(__always)
  private static func invisibleFormatScalar(in bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> UInt32? {
    let lead = bytes[index]
    if lead == 0xD8 {
      guard index + 1 < bytes.count, bytes[index + 1] == 0x9C else { return nil }
      return 0x061C
    }
    guard index + 2 < bytes.count else { return nil }
    let second = bytes[index + 1]
    let third = bytes[index + 2]
    let scalar = (UInt32(lead & 0x0F) << 12) | (UInt32(second & 0x3F) << 6) | UInt32(third & 0x3F)
    switch scalar {
    case 0x200B...0x200F, 0x2028...0x202E, 0x2060...0x2064, 0x2066...0x206F, 0xFEFF, 0xFFF9...0xFFFB: return scalar
    default: return nil
    }
  }

  /// The index of the first byte at or after `start` that `mayEscape` holds, or the end.
  /// Eight bytes are tested at a time (the usual has-a-zero-byte arithmetic, once per kind of
  /// byte): a byte at a time through the table was a tenth of `show --json`'s main thread.
  /// A word the test flags is looked at byte by byte through the table, which decides.
  @inline(__always)
  private static func firstByteThatMayEscape(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
    guard let base = UnsafeRawPointer(bytes.baseAddress) else { return bytes.count }
    let ones: UInt64 = 0x0101_0101_0101_0101
    let highs: UInt64 = 0x8080_8080_8080_8080
    func hasZeroByte(_ word: UInt64) -> Bool { (word &- ones) & ~word & highs != 0 }
    let table = mayEscape
    var index = start
    while index + 8 <= bytes.count {
      let word = base.loadUnaligned(fromByteOffset: index, as: UInt64.self)
      // A byte below 0x20: subtracting 0x20 from each byte borrows into its top bit.
      let control = (word &- ones &* 0x20) & ~word & highs != 0
      if control || hasZeroByte(word ^ (ones &* 0x22)) || hasZeroByte(word ^ (ones &* 0x5C))
        || hasZeroByte(word ^ (ones &* 0x7F)) || hasZeroByte(word ^ (ones &* 0xC2)) || hasZeroByte(word ^ (ones &* 0xD8))
        || hasZeroByte(word ^ (ones &* 0xE2)) || hasZeroByte(word ^ (ones &* 0xEF))
      {
        for offset in index..<(index + 8) where table[Int(bytes[offset])] { return offset }
      }
      index += 8
    }
    while index < bytes.count, !table[Int(bytes[index])] { index += 1 }
    return index
  }

  private static func unicodeEscape(_ value: UInt32) -> String {
    let hex = String(value, radix: 16)
    return "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
  }
}

extension [UInt8] {
  /// Appends a string's UTF-8 in one copy (appending `.utf8` goes byte by byte).
  public mutating func appendUTF8(_ text: String) {
    var text = text
    text.withUTF8 { append(contentsOf: $0) }
  }
}
