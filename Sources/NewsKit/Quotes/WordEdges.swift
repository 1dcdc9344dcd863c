/// The first and last characters of a word, read from its bytes when they are plain ASCII.
///
/// The speaker finder asks of every word near every quote whether it ends with a comma or
/// opens in lower case. As `Character`s (`word.last`, `word.first?.isLowercase`) each question
/// broke graphemes, about a thousand instructions a word. An ASCII byte whose neighbour is
/// ASCII too is a whole character (only CR LF joins two ASCII scalars, and it is handled), so
/// those answers come from the byte; any other edge is asked of the `Character` as before, so
/// the answers are the same.
extension Substring {
  /// The last character's one scalar; nil when the text is empty or the character is more
  /// than one scalar.
  var lastSingleScalar: Unicode.Scalar? {
    if let byte = lastASCIICharacter { return Unicode.Scalar(byte) }
    guard let character = self.last else { return nil }
    let scalars = character.unicodeScalars
    return scalars.index(after: scalars.startIndex) == scalars.endIndex ? scalars.first : nil
  }

  /// The last character's one ASCII byte when the bytes show it is a character of its own;
  /// nil when that takes asking the `Character`. (On the contiguous bytes: the UTF-8 view's
  /// indices cost more than the test.)
  private var lastASCIICharacter: UInt8? {
    var text = self
    return text.withUTF8 { bytes -> UInt8? in
      guard let last = bytes.last, last < 0x80 else { return nil }
      if bytes.count == 1 { return last }
      let before = bytes[bytes.count - 2]
      return before < 0x80 && !(before == 0x0D && last == 0x0A) ? last : nil
    }
  }

  /// The first character's one ASCII byte when the bytes show it is a character of its own;
  /// nil when that takes asking the `Character`.
  private var firstASCIICharacter: UInt8? {
    var text = self
    return text.withUTF8 { bytes -> UInt8? in
      guard let first = bytes.first, first < 0x80 else { return nil }
      if bytes.count == 1 { return first }
      let after = bytes[1]
      return after < 0x80 && !(first == 0x0D && after == 0x0A) ? first : nil
    }
  }

  /// `first?.isLowercase == true`.
  var opensInLowercase: Bool {
    if let byte = firstASCIICharacter { return byte >= 0x61 && byte <= 0x7A }
    return first?.isLowercase == true
  }

  /// `first?.isUppercase == true`.
  var opensInUppercase: Bool {
    if let byte = firstASCIICharacter { return byte >= 0x41 && byte <= 0x5A }
    return first?.isUppercase == true
  }

  /// `first?.isLetter == true || first?.isNumber == true`.
  var opensWithLetterOrNumber: Bool {
    if let byte = firstASCIICharacter {
      return (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x30 && byte <= 0x39)
    }
    guard let first else { return false }
    return first.isLetter || first.isNumber
  }

  /// Whether some character is a letter or a number (`Character.isLetter` and `isNumber` ask
  /// the first scalar): an ASCII letter or digit at the start or after an ASCII byte is the
  /// first scalar of its character, and answers yes; only text with no such byte but some
  /// non-ASCII is walked by `Character`.
  var holdsLetterOrNumber: Bool {
    var text = self
    let answer = text.withUTF8 { bytes -> Bool? in
      var sawOther = false
      var previousIsASCII = true
      for byte in bytes {
        let isAlphanumeric = (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x30 && byte <= 0x39)
        if isAlphanumeric && previousIsASCII { return true }
        previousIsASCII = byte < 0x80
        if !previousIsASCII { sawOther = true }
      }
      return sawOther ? nil : false
    }
    return answer ?? contains { $0.isLetter || $0.isNumber }
  }

  /// The text without its last character, which the caller knows is one scalar: one byte
  /// off when it is ASCII, else `dropLast()`.
  var droppingLastMark: Substring {
    if lastASCIICharacter != nil { return self[..<utf8.index(before: endIndex)] }
    return dropLast()
  }
}

extension Substring {
  /// The first character's one scalar; nil when the text is empty or the character is more
  /// than one scalar.
  var firstSingleScalar: Unicode.Scalar? {
    if let byte = firstASCIICharacter { return Unicode.Scalar(byte) }
    guard let character = first else { return nil }
    let scalars = character.unicodeScalars
    return scalars.index(after: scalars.startIndex) == scalars.endIndex ? scalars.first : nil
  }

  /// `count == 1 && first?.isUppercase == true`: a word of one ASCII byte is one character,
  /// and one of several ASCII bytes is several.
  var isOneUppercaseCharacter: Bool {
    var text = self
    let answer = text.withUTF8 { bytes -> Bool? in
      if bytes.count == 1 { return bytes[0] >= 0x41 && bytes[0] <= 0x5A }
      return bytes.contains { $0 >= 0x80 } ? nil : false
    }
    return answer ?? (count == 1 && first?.isUppercase == true)
  }

  /// `drop { $0.isWhitespace }`, dropping ASCII white space by the byte.
  var droppingLeadingWhitespace: Substring {
    var rest = self
    while let byte = rest.firstASCIICharacter {
      guard byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) else { return rest }
      rest = rest[rest.utf8.index(after: rest.startIndex)...]
    }
    return rest.drop { $0.isWhitespace }
  }
}

extension Substring {
  /// `contains { $0.isOne(of: ".!?") }`: a mark byte with ASCII on both sides is a character
  /// of its own; the text is walked by `Character` only when every mark found has a non-ASCII
  /// neighbour.
  var holdsSentenceMark: Bool {
    var text = self
    let answer = text.withUTF8 { bytes -> Bool? in
      var unsure = false
      for index in 0..<bytes.count {
        let byte = bytes[index]
        guard byte == UInt8(ascii: ".") || byte == UInt8(ascii: "!") || byte == UInt8(ascii: "?") else { continue }
        let asciiBefore = index == 0 || bytes[index - 1] < 0x80
        let asciiAfter = index + 1 == bytes.count || bytes[index + 1] < 0x80
        if asciiBefore && asciiAfter { return true }
        unsure = true
      }
      return unsure ? nil : false
    }
    return answer ?? contains { $0.isOne(of: ".!?") }
  }
}
