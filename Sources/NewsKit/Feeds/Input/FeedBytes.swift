import CLibXML2

/// Byte-level repairs that make real-world feed bytes parseable, a chunk at a time: Windows-1252
/// bytes inside UTF-8 (and C1 controls, and references to them, which are such bytes
/// re-encoded) become their characters, C0 controls their visible symbols, HTML named entities (`&nbsp;`, which no feed
/// declares) become character references, `&#X41;` becomes `&#x41;` (XML wants a lower-case x), and
/// a bare `&` is escaped. Entities that are neither XML's five nor HTML's are escaped too, so no
/// DTD entity (an "entity bomb", an external entity naming a local file) is ever expanded.
///
/// Each stage returns how much input it used; what it left (a UTF-8 sequence or an entity cut
/// by the chunk's end) comes first in the next chunk. With `final` everything is used.
enum FeedBytes {
  /// The longest entity reference the escaper waits for before deciding a `&` is bare.
  static let entityLookahead = 40

  /// UTF-8 with every byte that is not part of a valid sequence read as Windows-1252, and every
  /// C0 control but tab and the line ends as its Control Pictures symbol.
  static func repairUTF8(_ input: ArraySlice<UInt8>, final: Bool, into output: inout [UInt8]) -> Int {
    input.withUnsafeBufferPointer { bytes in
      let count = bytes.count
      var index = 0
      var runStart = 0
      while index < count {
        let byte = bytes[index]
        if byte >= 0x20 && byte < 0x80 {
          index = endOfPrintableASCII(bytes, from: index + 1)
          continue
        }
        if byte < 0x20 {
          if byte == 0x09 || byte == 0x0A || byte == 0x0D {
            index += 1
            continue
          }
          // XML cannot hold other C0 controls, not even as references, and libxml2 ends the
          // text at one; its Control Pictures symbol (␀, ␛) keeps the text and shows the byte.
          output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
          LegacyDecoder.appendUTF8(0x2400 + UInt32(byte), to: &output)
          index += 1
          runStart = index
          continue
        }
        let length = sequenceLength(bytes, at: index)
        if length == 2 && byte == 0xC2 && bytes[index + 1] <= 0x9F {
          // A C1 control in valid UTF-8 is a Windows-1252 character that a tool re-encoded
          // as Latin-1 (`don\u{92}t`): no feed means the control. Read as browsers read it.
          output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
          LegacyDecoder.appendUTF8(LegacyTextDecoding.windows1252(bytes[index + 1]).value, to: &output)
          index += 2
          runStart = index
          continue
        }
        if length > 0 {
          index += length
          continue
        }
        if length < 0 && !final {
          // A valid start cut by the chunk's end: wait for the rest.
          break
        }
        output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
        LegacyDecoder.appendUTF8(LegacyTextDecoding.windows1252(byte).value, to: &output)
        index += 1
        runStart = index
      }
      output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
      return index
    }
  }

  /// Where the run of printable ASCII (0x20–0x7F) starting at `index` ends, eight bytes at a
  /// time: a feed is mostly such bytes, and a byte at a time this stage was a twentieth of the
  /// main thread of `show --json`.
  @inline(__always)
  private static func endOfPrintableASCII(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
    guard let base = UnsafeRawPointer(bytes.baseAddress) else { return start }
    let ones: UInt64 = 0x0101_0101_0101_0101
    let highs: UInt64 = 0x8080_8080_8080_8080
    var index = start
    while index + 8 <= bytes.count {
      let word = base.loadUnaligned(fromByteOffset: index, as: UInt64.self)
      // No byte has its top bit set, and none is below 0x20 (subtracting 0x20 would borrow).
      guard word & highs == 0, (word &- ones &* 0x20) & ~word & highs == 0 else { break }
      index += 8
    }
    while index < bytes.count, bytes[index] >= 0x20, bytes[index] < 0x80 { index += 1 }
    return index
  }

  /// The length of the valid UTF-8 sequence starting at `index`; 0 when it is invalid, -1 when
  /// it is a valid beginning that the buffer ends inside.
  private static func sequenceLength(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
    let lead = bytes[index]
    let length: Int
    var low: UInt8 = 0x80
    var high: UInt8 = 0xBF
    switch lead {
    case 0xC2...0xDF: length = 2
    case 0xE0: length = 3; low = 0xA0
    case 0xE1...0xEC, 0xEE...0xEF: length = 3
    case 0xED: length = 3; high = 0x9F
    case 0xF0: length = 4; low = 0x90
    case 0xF1...0xF3: length = 4
    case 0xF4: length = 4; high = 0x8F
    default: return 0
    }
    for offset in 1..<length {
      guard index + offset < bytes.count else { return -1 }
      let byte = bytes[index + offset]
      let (minimum, maximum) = offset == 1 ? (low, high) : (UInt8(0x80), UInt8(0xBF))
      guard byte >= minimum && byte <= maximum else { return 0 }
    }
    return length
  }

  private static let xmlEntities: Set<String> = ["amp", "lt", "gt", "quot", "apos"]

  /// Escapes what XML would choke on or expand (see the type's comment). A CDATA section is
  /// copied as it is: its `&` is a character, not a reference (`<![CDATA[&]]>` is "&").
  /// `inCDATA` carries over from one chunk to the next, so a section longer than a chunk is
  /// read once.
  static func escapeEntities(_ input: ArraySlice<UInt8>, final: Bool, inCDATA: inout Bool, into output: inout [UInt8]) -> Int {
    input.withUnsafeBufferPointer { bytes in
      let count = bytes.count
      // Without `final`, a `&` this close to the end may have its name cut off: leave it.
      let decideBefore = final ? count : count - entityLookahead
      var index = 0
      var runStart = 0
      func flushRun(to end: Int) {
        if end > runStart { output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<end])) }
      }
      /// Leaves the last bytes for the next chunk when they could begin `marker`.
      func holdBack(_ marker: [UInt8]) -> Int {
        let keep = final ? count : max(index, count - (marker.count - 1))
        flushRun(to: keep)
        return keep
      }
      // Where the next section opens: searched once per section, not once per `&`.
      var nextOpening = find(cdataOpening, in: bytes, from: 0) ?? count
      while index < count {
        if inCDATA {
          guard let closing = find(cdataClosing, in: bytes, from: index) else { return holdBack(cdataClosing) }
          index = closing + cdataClosing.count
          inCDATA = false
          nextOpening = find(cdataOpening, in: bytes, from: index) ?? count
          continue
        }
        let ampersand = UnsafeBufferPointer(rebasing: bytes[index...]).firstIndex(of: UInt8(ascii: "&")).map { index + $0 } ?? count
        if nextOpening < ampersand {
          index = nextOpening + cdataOpening.count
          inCDATA = true
          continue
        }
        // No `&` left in the chunk: a section's opening may still be cut by its end.
        if ampersand == count { return holdBack(cdataOpening) }
        if ampersand >= decideBefore {
          index = ampersand
          flushRun(to: index)
          return index
        }
        flushRun(to: ampersand)
        index = escapeOne(bytes, at: ampersand, into: &output)
        runStart = index
      }
      flushRun(to: count)
      return count
    }
  }

  private static let cdataOpening = Array("<![CDATA[".utf8)
  private static let cdataClosing = Array("]]>".utf8)

  /// By the marker's `[` or `]`: rare in feeds, where `<` starts every tag.
  private static func find(_ marker: [UInt8], in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
    ByteSearch.firstIndex(of: marker, anchor: marker == cdataOpening ? 2 : 0, in: bytes, from: start)
  }

  /// Writes the reference starting at `start` (a `&`), repaired, and returns where the next
  /// byte is.
  private static func escapeOne(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int, into output: inout [UInt8]) -> Int {
    let amp: [UInt8] = Array("&amp;".utf8)
    var end = start + 1
    if end < bytes.count && bytes[end] == UInt8(ascii: "#") {
      end += 1
      let hex = end < bytes.count && (bytes[end] == UInt8(ascii: "x") || bytes[end] == UInt8(ascii: "X"))
      if hex { end += 1 }
      let digitsStart = end
      while end < bytes.count, end - digitsStart < 8, isDigit(bytes[end]) || (hex && isHexLetter(bytes[end])) { end += 1 }
      guard end > digitsStart, end < bytes.count, bytes[end] == UInt8(ascii: ";") else {
        output.append(contentsOf: amp)
        return start + 1
      }
      let digits = UnsafeBufferPointer(rebasing: bytes[digitsStart..<end])
      if let value = UInt32(String(decoding: digits, as: UTF8.self), radix: hex ? 16 : 10), (0x80...0x9F).contains(value) {
        // `&#146;` means what byte 146 means in Windows-1252, as HTML reads it.
        output.append(contentsOf: Array("&#\(LegacyTextDecoding.windows1252(UInt8(value)).value);".utf8))
        return end + 1
      }
      output.append(contentsOf: [UInt8(ascii: "&"), UInt8(ascii: "#")])
      if hex { output.append(UInt8(ascii: "x")) }
      output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[digitsStart...end]))
      return end + 1
    }
    while end < bytes.count, end - start <= 32, isNameByte(bytes[end]) { end += 1 }
    guard end > start + 1, end < bytes.count, bytes[end] == UInt8(ascii: ";") else {
      output.append(contentsOf: amp)
      return start + 1
    }
    let name = String(decoding: UnsafeBufferPointer(rebasing: bytes[(start + 1)..<end]), as: UTF8.self)
    if xmlEntities.contains(name) {
      output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start...end]))
    } else if let entity = htmlEntityLookup(name) {
      output.append(contentsOf: Array("&#\(entity.pointee.value);".utf8))
    } else {
      output.append(contentsOf: amp)
      output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[(start + 1)...end]))
    }
    return end + 1
  }

  /// Whole-buffer form of `escapeEntities`, for tests and small inputs.
  static func escapingEntities(_ bytes: [UInt8]) -> [UInt8] {
    var output: [UInt8] = []
    var inCDATA = false
    _ = escapeEntities(bytes[...], final: true, inCDATA: &inCDATA, into: &output)
    return output
  }

  private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
  private static func isHexLetter(_ byte: UInt8) -> Bool { (byte >= 0x41 && byte <= 0x46) || (byte >= 0x61 && byte <= 0x66) }
  private static func isNameByte(_ byte: UInt8) -> Bool {
    (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || isDigit(byte)
  }
}
