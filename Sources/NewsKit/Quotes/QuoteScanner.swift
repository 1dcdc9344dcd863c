/// Pairs quotation marks within one paragraph.
///
/// Rules, in order of precedence:
/// - Double marks: “…” (and ”…” where a text opens with ”), "…" (a straight mark opens when
///   it follows a space or the paragraph start and precedes text, and closes when it follows text),
///   „…“ and „…”, «…» and »…«.
/// - Single marks: ‘…’ and '…', either inside double marks or as the main marks (British style).
/// - Apostrophes are never quotation marks: a mark between two letters (don’t, O’Neill), an
///   elision at a word's start (’90s, ’em, ’tis, rock ’n’ roll), and a plural possessive (Brits’)
///   when the sentence goes on in lower case and a later mark could close the quote.
/// - A closing mark closes the innermost quote of its family; quotes opened inside it and still
///   open are dropped. A stray closing mark is ignored.
/// - An opening double mark after a finished sentence, while a quote of its family is open,
///   continues that quote (a paragraph break lost from `He said: "A. "B."`), not a nested one.
/// - Only outermost quotes are reported. One still open at the paragraph end is reported as
///   open, and `QuoteDetector` decides whether it continues into the next paragraph. An open
///   straight single mark is then taken for an apostrophe unless the next paragraph continues it.
struct QuoteScanner {
  enum Family: Equatable {
    case doubleCurly, doubleStraight, doubleLow, singleCurly, singleStraight, singleLow, guillemet, reversedGuillemet

    var isSingle: Bool { self == .singleCurly || self == .singleStraight || self == .singleLow }
  }

  /// An outermost quote: `end` is nil when it is still open at the end of the paragraph.
  struct Span: Equatable {
    var start: Int
    var end: Int?
    var family: Family
  }

  private struct Open {
    var family: Family
    var start: Int
  }

  let scalars: [Unicode.Scalar]
  /// Where the quotation marks (`isMark`) are, found while decoding: the scans go from mark
  /// to mark, not scalar by scalar.
  let markPositions: [Int]
  /// Positions of marks to take for apostrophes, found by an earlier pass.
  var ignored: Set<Int> = []

  init(_ paragraph: String) {
    (scalars, markPositions) = Self.decode(paragraph)
  }

  /// The text's scalars, decoded from its UTF-8 (valid, as a String's is) in one pass:
  /// `Array(paragraph.unicodeScalars)` counted them first, and the scalar view's iterator
  /// costs twice this loop.
  static func decode(_ text: String) -> (scalars: [Unicode.Scalar], marks: [Int]) {
    var text = text
    var marks: [Int] = []
    let scalars = text.withUTF8 { bytes in
      // Written into the array's storage (there are never more scalars than bytes): appending
      // checked the capacity for every scalar.
      [Unicode.Scalar](unsafeUninitializedCapacity: bytes.count) { scalars, count in
        var index = 0
        count = 0
        while index < bytes.count {
          // Eight ASCII bytes with no straight mark among them are eight scalars.
          if index + 8 <= bytes.count {
            let word = ByteWord(bytes, at: index)
            if !word.holdsNonASCII && !word.holds(0x22) && !word.holds(0x27) {
              for offset in 0..<8 { scalars[count + offset] = Unicode.Scalar(bytes[index + offset]) }
              index += 8
              count += 8
              continue
            }
          }
          let byte = bytes[index]
          let scalar: Unicode.Scalar
          if byte < 0x80 {
            scalar = Unicode.Scalar(byte)
            index += 1
            if byte == 0x22 || byte == 0x27 { marks.append(count) }
          } else {
            let (value, length) = UTF8Scalar.decode(bytes, at: index)
            scalar = Unicode.Scalar(value) ?? "\u{FFFD}"
            index += length
            if isMark(scalar) { marks.append(count) }
          }
          scalars[count] = scalar
          count += 1
        }
      }
    }
    return (scalars, marks)
  }

  /// The outermost quotes of the paragraph, in order.
  func spans() -> [Span] {
    var stack: [Open] = []
    var spans: [Span] = []

    func open(_ family: Family, at index: Int) {
      stack.append(Open(family: family, start: index))
    }
    func openIndex(of families: [Family]) -> Int? {
      stack.lastIndex { families.contains($0.family) }
    }
    func close(at stackIndex: Int, markAt index: Int) {
      let opened = stack[stackIndex]
      stack.removeSubrange(stackIndex...)
      if stackIndex == 0 { spans.append(Span(start: opened.start, end: index + 1, family: opened.family)) }
    }

    for index in markPositions where !ignored.contains(index) {
      let mark = scalars[index]
      let before = index > 0 ? scalars[index - 1] : nil
      let after = index + 1 < scalars.count ? scalars[index + 1] : nil
      let opens = Self.canOpen(before: before, after: after)
      let closes = Self.canClose(before: before, after: after)
      switch mark {
      case "\u{201C}":  // “
        if let low = openIndex(of: [.doubleLow]), stack.count - 1 == low || closes {
          close(at: low, markAt: index)
        } else if closes && !opens, let curly = openIndex(of: [.doubleCurly]) {
          close(at: curly, markAt: index)
        } else if opens {
          if stack.last?.family == .doubleCurly && followsSentenceEnd(index) { continue }
          open(.doubleCurly, at: index)
        }
      case "\u{201D}":  // ”
        if let double = openIndex(of: [.doubleCurly, .doubleLow]) {
          close(at: double, markAt: index)
        } else if opens && !closes {
          open(.doubleCurly, at: index)
        }
      case "\"":
        let straight = openIndex(of: [.doubleStraight])
        if let straight, closes || !opens {
          close(at: straight, markAt: index)
        } else if opens {
          if stack.last?.family == .doubleStraight && followsSentenceEnd(index) { continue }
          open(.doubleStraight, at: index)
        }
      case "\u{201E}":  // „
        if opens { open(.doubleLow, at: index) }
      case "\u{00AB}":  // «
        if let reversed = openIndex(of: [.reversedGuillemet]), closes {
          close(at: reversed, markAt: index)
        } else {
          open(.guillemet, at: index)
        }
      case "\u{00BB}":  // »
        if let guillemet = openIndex(of: [.guillemet]) {
          close(at: guillemet, markAt: index)
        } else if opens && !closes {
          open(.reversedGuillemet, at: index)
        }
      case "\u{201A}":  // ‚
        if opens && !closes { open(.singleLow, at: index) }
      case "\u{2018}":  // ‘
        if let low = openIndex(of: [.singleLow]) {
          close(at: low, markAt: index)
        } else if isElision(at: index) {
          continue
        } else if opens {
          open(.singleCurly, at: index)
        } else if closes, let curly = openIndex(of: [.singleCurly]) {
          close(at: curly, markAt: index)
        }
      case "\u{2019}", "'":  // ’ and '
        let family: Family = mark == "'" ? .singleStraight : .singleCurly
        if Self.isWordCharacter(before) && Self.isWordCharacter(after) { continue }
        if closes, let single = openIndex(of: family == .singleCurly ? [.singleCurly, .singleLow] : [.singleStraight]),
          !isPossessive(at: index) && !isElisionEnd(at: index)
        {
          close(at: single, markAt: index)
        } else if family == .singleStraight && opens && !isElision(at: index) {
          open(.singleStraight, at: index)
        }
      default:
        continue
      }
    }
    if let outer = stack.first { spans.append(Span(start: outer.start, end: nil, family: outer.family)) }
    return spans
  }

  /// Whether the mark at `index` comes after a finished sentence (". ", "? ", "! ", "… ").
  /// An opening mark there, while a quote of its family is open, is the newspaper convention
  /// for a quote going on into a new paragraph, whose break the text has lost: it continues the
  /// open quote instead of nesting a new one inside it.
  func followsSentenceEnd(_ index: Int) -> Bool {
    var cursor = index - 1
    guard cursor >= 0, Self.isSpace(scalars[cursor]) else { return false }
    while cursor >= 0, Self.isSpace(scalars[cursor]) { cursor -= 1 }
    guard cursor >= 0 else { return false }
    switch scalars[cursor] {
    case ".", "!", "?", "\u{2026}": return true
    default: return false
    }
  }

  /// A quotation mark: “ ” " „ « » ‚ ‘ ’ ' (a switch, not a set: this runs for every scalar of
  /// every paragraph).
  static func isMark(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x22, 0x27, 0xAB, 0xBB, 0x2018, 0x2019, 0x201A, 0x201C, 0x201D, 0x201E: return true
    default: return false
    }
  }

  static func isWordCharacter(_ scalar: Unicode.Scalar?) -> Bool {
    guard let scalar else { return false }
    if scalar.isASCII {
      let value = scalar.value
      return (0x30...0x39).contains(value) || (0x41...0x5A).contains(value) || (0x61...0x7A).contains(value)
    }
    return scalar.properties.isAlphabetic || scalar.properties.numericType != nil
  }

  /// White space, answered without a property lookup for ASCII, the common case.
  static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
    if scalar.isASCII { return scalar == " " || (0x09...0x0D).contains(scalar.value) }
    return scalar.properties.isWhitespace
  }

  /// Punctuation a mark may follow and still open: ( [ { — – - / “ ‘ " ' « „ ‚ (a switch, not
  /// a set: this runs at every mark, and hashing a scalar cost more than the test).
  private static func isOpeningContext(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x28, 0x5B, 0x7B, 0x2014, 0x2013, 0x2D, 0x2F, 0x201C, 0x2018, 0x22, 0x27, 0xAB, 0x201E, 0x201A: return true
    default: return false
    }
  }

  /// Punctuation a mark may precede and still close: . , ; : ! ? ) ] } … — – - / ” ’ " ' » “
  private static func isClosingContext(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x2E, 0x2C, 0x3B, 0x3A, 0x21, 0x3F, 0x29, 0x5D, 0x7D, 0x2026, 0x2014, 0x2013, 0x2D, 0x2F, 0x201D, 0x2019, 0x22, 0x27,
      0xBB, 0x201C:
      return true
    default: return false
    }
  }

  /// A mark opens when it starts a word: after a space, the paragraph start or opening
  /// punctuation, and before something that is not a space.
  static func canOpen(before: Unicode.Scalar?, after: Unicode.Scalar?) -> Bool {
    let leftOK = before.map { isSpace($0) || isOpeningContext($0) } ?? true
    let rightOK = after.map { !isSpace($0) } ?? false
    return leftOK && rightOK
  }

  /// A mark closes when it ends a word: after text, and before a space, the paragraph end or
  /// closing punctuation.
  static func canClose(before: Unicode.Scalar?, after: Unicode.Scalar?) -> Bool {
    let leftOK = before.map { !isSpace($0) } ?? false
    let rightOK = after.map { isSpace($0) || isClosingContext($0) } ?? true
    return leftOK && rightOK
  }

  /// Words that begin with an apostrophe standing for missing letters or digits.
  private static let elidedWords: Set<String> = [
    "em", "tis", "twas", "cause", "til", "till", "bout", "round", "nuff", "n", "s", "cos", "kay", "ello",
  ]

  /// Whether the mark at `index` begins an elided word (’90s, ’em, ’n’) rather than a quote.
  func isElision(at index: Int) -> Bool {
    var word = ""
    var cursor = index + 1
    while cursor < scalars.count, Self.isWordCharacter(scalars[cursor]) {
      word.unicodeScalars.append(scalars[cursor])
      cursor += 1
    }
    if let first = word.unicodeScalars.first, first.properties.numericType != nil {
      // ’90s and ’20, but not '2 + 2 = 4' (a closing mark follows soon).
      let digits = word.unicodeScalars.prefix { $0.properties.numericType != nil }.count
      return digits == 2 && (word.count == 2 || word.lowercased().hasSuffix("s"))
    }
    let elided = Self.elidedWords.contains(word.lowercased())
    let endsWord = cursor >= scalars.count || !Self.isWordCharacter(scalars[cursor]) && !Self.isMark(scalars[cursor])
    return elided && (endsWord || word.lowercased() == "n")
  }

  /// The second mark of rock ’n’ roll.
  func isElisionEnd(at index: Int) -> Bool {
    guard index >= 2 else { return false }
    let letter = scalars[index - 1]
    let mark = scalars[index - 2]
    let space = index >= 3 ? scalars[index - 3] : " "
    return (letter == "n" || letter == "N") && (mark == "\u{2019}" || mark == "\u{2018}" || mark == "'")
      && Self.isSpace(space)
  }

  /// A plural possessive (the Brits’ plan) inside a single-quoted passage: the mark follows an
  /// "s", the sentence goes on in lower case, and a later mark could still close the quote.
  func isPossessive(at index: Int) -> Bool {
    guard index >= 1, scalars[index - 1] == "s" || scalars[index - 1] == "S" else { return false }
    guard index + 2 < scalars.count, scalars[index + 1] == " ", scalars[index + 2].properties.isLowercase else {
      return false
    }
    let mark = scalars[index]
    for later in (index + 1)..<scalars.count where scalars[later] == mark {
      let before = scalars[later - 1]
      let after = later + 1 < scalars.count ? scalars[later + 1] : nil
      if Self.canClose(before: before, after: after) && !Self.isWordCharacter(after) { return true }
    }
    return false
  }
}
