/// A fixed list of lower-case ASCII words, asked whether a word of text is one of them once
/// punctuation (, . : ; ! ?) is trimmed from its ends and its letters lowered.
///
/// The speaker finder asks this of every word near every quote. Making each word a lowered
/// String and hashing it into a `Set<String>` was a twentieth of `show --json`, and a word with
/// a curly quote or an accent went through Unicode lowering. Here a word is read from its
/// bytes into two integers on the stack and looked up in a small open-addressed table. Only
/// ASCII can lower to ASCII, but for the Kelvin sign (K, which lowers to k): any other
/// non-ASCII scalar rules the word out, so the answers are those of lowering it the Unicode
/// way (`WordListTests` checks every scalar).
struct WordList: Sendable {
  /// Slots of packed words (`Packed.empty` where none is); the count is a power of two.
  private let slots: [Packed]
  private let mask: Int
  /// Whether punctuation at the ends is trimmed before looking (else the word is lowered only).
  private let trims: Bool

  init(_ words: Set<String>, trimmingPunctuation: Bool = true) {
    trims = trimmingPunctuation
    var count = 16
    while count < words.count * 4 { count *= 2 }
    var slots = [Packed](repeating: .empty, count: count)
    for word in words {
      let bytes = Array(word.utf8)
      precondition(
        !bytes.isEmpty && bytes.count <= 16 && bytes.allSatisfy { $0 > 0 && $0 < 0x80 && !(0x41...0x5A).contains($0) },
        "a word list holds lower-case ASCII words of 1 to 16 bytes")
      var packed = Packed.empty
      for (index, byte) in bytes.enumerated() { packed.set(byte: byte, at: index) }
      var slot = packed.slot(mask: count - 1)
      while slots[slot] != .empty { slot = (slot + 1) & (count - 1) }
      slots[slot] = packed
    }
    self.slots = slots
    mask = count - 1
  }

  /// A word already trimmed and lowered (trimming and lowering it again changes nothing).
  func contains(_ word: String) -> Bool {
    contains(Substring(word))
  }

  func contains(_ word: Substring) -> Bool {
    var word = word
    return word.withUTF8 { contains(utf8: $0) }
  }

  /// A word given as its UTF-8 bytes (a scalar-aligned slice of valid text).
  func contains(utf8 bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let found = packed(bytes) else { return false }
    var slot = found.slot(mask: mask)
    while slots[slot] != .empty {
      if slots[slot] == found { return true }
      slot = (slot + 1) & mask
    }
    return false
  }

  /// The word trimmed (when the list trims) and lowered, packed; nil when it can be in no list.
  private func packed(_ bytes: UnsafeBufferPointer<UInt8>) -> Packed? {
    var start = 0
    var end = bytes.count
    while trims, start < end, Self.isTrimmed(bytes[start]) { start += 1 }
    while trims, end > start, Self.isTrimmed(bytes[end - 1]) { end -= 1 }
    var packed = Packed.empty
    var length = 0
    var index = start
    while index < end {
      // Longer than any word of a list.
      if length == 16 { return nil }
      let byte = bytes[index]
      if byte < 0x80 {
        // No list word holds NUL, which the packing could not tell from the end.
        if byte == 0 { return nil }
        packed.set(byte: byte >= 0x41 && byte <= 0x5A ? byte + 32 : byte, at: length)
        index += 1
      } else if byte == 0xE2, index + 2 < end, bytes[index + 1] == 0x84, bytes[index + 2] == 0xAA {
        // U+212A KELVIN SIGN lowers to "k".
        packed.set(byte: UInt8(ascii: "k"), at: length)
        index += 3
      } else {
        // Lowers to something that is not ASCII: in no list.
        return nil
      }
      length += 1
    }
    return length == 0 ? nil : packed
  }

  private static func isTrimmed(_ byte: UInt8) -> Bool {
    byte == UInt8(ascii: ",") || byte == UInt8(ascii: ".") || byte == UInt8(ascii: ":") || byte == UInt8(ascii: ";")
      || byte == UInt8(ascii: "!") || byte == UInt8(ascii: "?")
  }

  /// Up to 16 non-zero bytes, the first in the lowest byte: each word packs differently, and
  /// the empty word (all zero) marks a free slot.
  private struct Packed: Equatable {
    var low: UInt64 = 0
    var high: UInt64 = 0

    static let empty = Packed()

    mutating func set(byte: UInt8, at index: Int) {
      if index < 8 { low |= UInt64(byte) << (8 * index) } else { high |= UInt64(byte) << (8 * (index - 8)) }
    }

    func slot(mask: Int) -> Int {
      let mixed = (low ^ (high &* 0x9E37_79B9_7F4A_7C15)) &* 0xBF58_476D_1CE4_E5B9
      return Int(truncatingIfNeeded: mixed >> 32) & mask
    }
  }
}
