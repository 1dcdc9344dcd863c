/// Eight bytes of text tested at once, for the loops that walk whole bodies byte by byte
/// (collapsing white space, decoding scalars, escaping JSON): most runs of eight bytes hold
/// nothing those loops stop for, and one test of a word skips them.
///
/// The tests are the usual ones on a 64-bit word: a byte of zero is found where subtracting
/// one from it borrows into its top bit. They say whether some byte matches; which one is
/// left to the byte loop, which decides.
struct ByteWord {
  let value: UInt64

  private static let ones: UInt64 = 0x0101_0101_0101_0101
  private static let highs: UInt64 = 0x8080_8080_8080_8080

  /// The eight bytes at `index` (the caller checks that `index + 8 <= bytes.count`).
  @inline(__always)
  init(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) {
    value = UnsafeRawPointer(bytes.baseAddress!).loadUnaligned(fromByteOffset: index, as: UInt64.self)
  }

  /// Whether some byte is `byte`.
  @inline(__always)
  func holds(_ byte: UInt8) -> Bool {
    let word = value ^ (Self.ones &* UInt64(byte))
    return (word &- Self.ones) & ~word & Self.highs != 0
  }

  /// Whether some byte is below `limit` (at most 0x80).
  @inline(__always)
  func holdsByte(below limit: UInt8) -> Bool {
    (value &- Self.ones &* UInt64(limit)) & ~value & Self.highs != 0
  }

  /// Whether some byte is not ASCII.
  @inline(__always)
  var holdsNonASCII: Bool { value & Self.highs != 0 }

  /// Whether some byte is one of 0xE0–0xE3 (lead bytes of U+0000–U+3FFF in three bytes).
  @inline(__always)
  var holdsLeadE0ToE3: Bool {
    let masked = value & (Self.ones &* 0xFC)
    return ByteWord(value: masked).holds(0xE0)
  }

  /// Whether collapsing white space leaves these bytes as they are when the byte before them
  /// is not white space: no control, no lead byte of non-ASCII white space (C2, E0–E3: some
  /// are not white space, and are left to the byte loop), no two spaces together, and no
  /// space last (what follows it is not known).
  @inline(__always)
  var isCollapsedText: Bool {
    if holdsByte(below: 0x20) || holds(0xC2) || holdsLeadE0ToE3 { return false }
    let spaces = Self.zeroBytes(value ^ (Self.ones &* 0x20))
    return spaces & (spaces >> 8) == 0 && spaces >> 56 == 0
  }

  /// 0x80 in each byte of `word` that is zero, and nothing else (exact, unlike `holds`).
  @inline(__always)
  private static func zeroBytes(_ word: UInt64) -> UInt64 {
    let lows: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
    return ~(((word & lows) &+ lows) | word | lows)
  }

  private init(value: UInt64) { self.value = value }
}
