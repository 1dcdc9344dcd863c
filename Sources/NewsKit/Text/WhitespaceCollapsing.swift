extension StringProtocol {
  /// The text with every run of white space made one space and none at either end. Works on
  /// UTF-8 bytes: splitting by `Character` (grapheme breaking) cost a third of feed parsing,
  /// and appending scalar by scalar most of what was left.
  var collapsingWhitespace: String {
    var text = String(self)
    return text.withUTF8(UTF8Whitespace.collapsed)
  }

  /// Without white space at either end; nil when nothing else is left. Scalar-level:
  /// Foundation's `trimmingCharacters(in:)` bridges to NSString and cost three quarters of
  /// listing a feed.
  var trimmed: String? {
    let scalars = unicodeScalars
    guard let first = scalars.firstIndex(where: { !$0.isWhitespaceScalar }) else { return nil }
    let last = scalars.lastIndex(where: { !$0.isWhitespaceScalar })!
    if first == scalars.startIndex && scalars.index(after: last) == scalars.endIndex { return String(self) }
    return String(self[first..<scalars.index(after: last)])
  }

  /// Whether anything but white space is in the text.
  var hasVisibleText: Bool {
    var text = Substring(self)
    return text.withUTF8(UTF8Whitespace.hasVisibleText)
  }

  /// How many words (runs of non-white-space) the text has.
  /// On UTF-8 bytes, as `collapsingWhitespace` (decoding scalars was 2% of `show --json`).
  var wordCount: Int {
    var text = Substring(self)
    return text.withUTF8 { bytes in
      var count = 0
      UTF8Whitespace.forEachWord(in: bytes) { _ in count += 1 }
      return count
    }
  }
}

extension Unicode.Scalar {
  var isWhitespaceScalar: Bool {
    if isASCII { return self == " " || (0x09...0x0D).contains(value) }
    return properties.isWhitespace
  }
}

/// White space found in UTF-8 bytes without decoding scalars: ASCII's, U+0085, U+00A0, U+1680,
/// U+2000–U+200A, U+2028, U+2029, U+202F, U+205F and U+3000 (Unicode's White_Space property).
enum UTF8Whitespace {
  /// The text of UTF-8 bytes with every run of white space made one space and none at either
  /// end; invalid UTF-8 is repaired as `String(decoding:as:)` repairs it.
  static func collapsed(_ source: UnsafeBufferPointer<UInt8>) -> String {
    // Written straight into the new string's storage: it is never longer than the source.
    String(unsafeUninitializedCapacity: source.count) { output in
      var written = 0
      var index = 0
      // White space seen since the last byte written.
      var spaceBefore = false
      while index < source.count {
        // Text already collapsed (single spaces between words) is copied eight bytes at a
        // time: after a byte that is not white space, eight that `ByteWord.isCollapsedText`.
        if written > 0, !spaceBefore, index + 8 <= source.count, ByteWord(source, at: index).isCollapsedText {
          for offset in 0..<8 { output[written + offset] = source[index + offset] }
          written += 8
          index += 8
          continue
        }
        let space = length(source, at: index)
        if space > 0 {
          spaceBefore = true
          index += space
          continue
        }
        if spaceBefore && written > 0 {
          output[written] = 0x20
          written += 1
        }
        spaceBefore = false
        output[written] = source[index]
        written += 1
        index += 1
      }
      return written
    }
  }

  /// Whether the bytes hold anything but white space.
  static func hasVisibleText(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    var index = 0
    while index < bytes.count {
      let space = length(bytes, at: index)
      if space == 0 { return true }
      index += space
    }
    return false
  }

  /// Calls `body` with the byte range of each word (run of anything but white space), in order.
  @inline(__always)
  static func forEachWord(in bytes: UnsafeBufferPointer<UInt8>, _ body: (Range<Int>) -> Void) {
    var start: Int?
    var index = 0
    while index < bytes.count {
      let space = length(bytes, at: index)
      guard space > 0 else {
        if start == nil { start = index }
        index += 1
        continue
      }
      if let begun = start { body(begun..<index) }
      start = nil
      index += space
    }
    if let begun = start { body(begun..<bytes.count) }
  }

  /// The byte length of the white-space character at `index`, or 0 when there is none.
  @inline(__always)
  static func length(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
    let byte = bytes[index]
    if byte < 0x80 { return byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) ? 1 : 0 }
    let count = bytes.count
    switch byte {
    case 0xC2:
      guard index + 1 < count else { return 0 }
      return bytes[index + 1] == 0x85 || bytes[index + 1] == 0xA0 ? 2 : 0
    case 0xE1:
      guard index + 2 < count else { return 0 }
      return bytes[index + 1] == 0x9A && bytes[index + 2] == 0x80 ? 3 : 0
    case 0xE2:
      guard index + 2 < count else { return 0 }
      let second = bytes[index + 1]
      let third = bytes[index + 2]
      if second == 0x80 && (third <= 0x8A || third == 0xA8 || third == 0xA9 || third == 0xAF) { return 3 }
      if second == 0x81 && third == 0x9F { return 3 }
      return 0
    case 0xE3:
      guard index + 2 < count else { return 0 }
      return bytes[index + 1] == 0x80 && bytes[index + 2] == 0x80 ? 3 : 0
    default:
      return 0
    }
  }
}
