/// Walking a text's valid UTF-8 bytes scalar by scalar, for the speaker finder's sentence and
/// word splitting, which runs around every quote: through a Substring's scalar view, each step
/// back validated and decoded an index (a quarter of finding speakers).
enum TextScan {
  /// The start of the scalar that ends just before `end`.
  static func scalarStart(before end: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
    var index = end - 1
    while index > 0, bytes[index] & 0xC0 == 0x80 { index -= 1 }
    return index
  }

  /// Where the scalar after the one starting at `index` starts.
  static func scalarEnd(after index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
    index + UTF8Scalar.decode(bytes, at: index).length
  }

  /// `QuoteScanner.isSpace` of the scalar starting at `index` (both are Unicode's White_Space).
  static func isSpace(at index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    UTF8Whitespace.length(bytes, at: index) > 0
  }

  /// ".", "!" or "?": each a whole scalar of one byte.
  static func isSentenceEnd(_ byte: UInt8) -> Bool {
    byte == UInt8(ascii: ".") || byte == UInt8(ascii: "!") || byte == UInt8(ascii: "?")
  }

  /// The words (runs between white space) of the bytes, as byte ranges: the last `count`
  /// walking back from the end, in text order, or the first `count`.
  static func words(in bytes: UnsafeBufferPointer<UInt8>, count: Int, fromEnd: Bool) -> [Range<Int>] {
    var words: [Range<Int>] = []
    if fromEnd {
      var end = bytes.count
      while words.count < count {
        while end > 0 {
          let start = scalarStart(before: end, in: bytes)
          guard isSpace(at: start, in: bytes) else { break }
          end = start
        }
        guard end > 0 else { break }
        var start = end
        while start > 0 {
          let previous = scalarStart(before: start, in: bytes)
          guard !isSpace(at: previous, in: bytes) else { break }
          start = previous
        }
        words.append(start..<end)
        end = start
      }
      words.reverse()
    } else {
      var start = 0
      while words.count < count {
        while start < bytes.count, isSpace(at: start, in: bytes) { start = scalarEnd(after: start, in: bytes) }
        guard start < bytes.count else { break }
        var end = start
        while end < bytes.count, !isSpace(at: end, in: bytes) { end = scalarEnd(after: end, in: bytes) }
        words.append(start..<end)
        start = end
      }
    }
    return words
  }
}

extension Substring {
  /// The index `offset` bytes from the start (a scalar boundary).
  func index(atUTF8Offset offset: Int) -> Index {
    utf8.index(utf8.startIndex, offsetBy: offset)
  }

  /// The part between two byte offsets (scalar boundaries).
  func slice(utf8 range: Range<Int>) -> Substring {
    self[index(atUTF8Offset: range.lowerBound)..<index(atUTF8Offset: range.upperBound)]
  }

  /// The first `count` scalars (all of them when there are fewer), found from lead bytes:
  /// the scalar view's `prefix` validated an index per scalar.
  func prefix(scalars count: Int) -> Substring {
    var bytes = self
    let end = bytes.withUTF8 { bytes -> Int in
      var seen = 0
      for index in 0..<bytes.count where bytes[index] & 0xC0 != 0x80 {
        if seen == count { return index }
        seen += 1
      }
      return bytes.count
    }
    return self[..<index(atUTF8Offset: end)]
  }

  /// The parts between occurrences of an ASCII byte, empty ones left out: what
  /// `split(separator:)` gives for a separator no mark follows, without grapheme breaking
  /// (which was most of naming speakers).
  func split(byte separator: UInt8) -> [Substring] {
    var bytes = self
    let ranges = bytes.withUTF8 { bytes -> [Range<Int>] in
      var ranges: [Range<Int>] = []
      var start = 0
      for index in 0...bytes.count where index == bytes.count || bytes[index] == separator {
        if index > start { ranges.append(start..<index) }
        start = index + 1
      }
      return ranges
    }
    return ranges.map { slice(utf8: $0) }
  }
}
