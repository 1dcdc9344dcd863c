import NewsKit

/// A grapheme with the style it is drawn in.
public struct StyledCharacter: Sendable, Hashable {
  public var character: Character
  public var style: Style
  /// Where the character starts in its paragraph, in Unicode scalars; -1 outside paragraphs.
  public var offset: Int

  public init(_ character: Character, _ style: Style, offset: Int = -1) {
    self.character = character
    self.style = style
    self.offset = offset
  }

  public var width: Int { DisplayWidth.of(character) }
}

/// Greedy word wrapping by display width: lines break at spaces; a word wider than the line is
/// broken between graphemes (never inside one). Runs of spaces collapse to one; none starts or
/// ends a line.
public enum TextWrapper {
  public static func wrap(_ text: [StyledCharacter], width: Int) -> [[StyledCharacter]] {
    guard width > 0 else { return [] }
    var lines: [[StyledCharacter]] = []
    var line: [StyledCharacter] = []
    var lineWidth = 0
    var pendingSpace: StyledCharacter?

    func flush() {
      lines.append(line)
      line = []
      lineWidth = 0
    }

    var index = 0
    while index < text.count {
      if text[index].character.isWhitespace {
        if !line.isEmpty && pendingSpace == nil { pendingSpace = StyledCharacter(" ", text[index].style, offset: text[index].offset) }
        index += 1
        continue
      }
      var word: [StyledCharacter] = []
      var wordWidth = 0
      while index < text.count, !text[index].character.isWhitespace {
        word.append(text[index])
        wordWidth += text[index].width
        index += 1
      }
      let spaceWidth = pendingSpace == nil ? 0 : 1
      if lineWidth + spaceWidth + wordWidth <= width {
        if let space = pendingSpace { line.append(space) }
        line += word
        lineWidth += spaceWidth + wordWidth
      } else {
        if !line.isEmpty { flush() }
        for piece in word {
          if lineWidth + piece.width > width && !line.isEmpty { flush() }
          line.append(piece)
          lineWidth += piece.width
        }
      }
      pendingSpace = nil
    }
    if !line.isEmpty || lines.isEmpty { lines.append(line) }
    return lines
  }

  /// Plain text in one style.
  public static func wrap(_ text: String, style: Style, width: Int) -> [[StyledCharacter]] {
    wrap(text.map { StyledCharacter($0, style) }, width: width)
  }

  /// Text cut to `width` columns, ending in … when it had to be cut.
  public static func truncate(_ text: String, width: Int) -> String {
    cut(text, width: width, keepingEnd: false)
  }

  /// Cuts text to `width` columns keeping both ends ("Asahi Dai…ness #005"), for names that
  /// differ only at their end, as the feeds of one publisher do.
  public static func truncateMiddle(_ text: String, width: Int) -> String {
    cut(text, width: width, keepingEnd: width > 2)
  }

  /// Text that fits, else its beginning (and, keeping the end, its end) around "…". Walks the
  /// scalars when each stands alone (no grapheme breaking: this runs for every row drawn),
  /// else the graphemes.
  private static func cut(_ text: String, width: Int, keepingEnd: Bool) -> String {
    guard width > 0 else { return "" }
    let tailWidth = keepingEnd ? (width - 1) / 2 : 0
    switch simpleCut(text, width: width, head: width - 1 - tailWidth, tail: tailWidth) {
    case .fits: return text
    case .cut(let cut): return cut
    case .notSimple: return graphemeCut(text, width: width, head: width - 1 - tailWidth, tail: tailWidth)
    }
  }

  private enum SimpleCut {
    case fits, cut(String), notSimple
  }

  /// `cut` for text whose every scalar stands alone (`DisplayWidth.standaloneWidth`), on its
  /// UTF-8 bytes: one pass decodes, measures and finds where the beginning ends, a second walks
  /// back from the end, and the result is made from two byte ranges. Through the scalar view
  /// (an index validated at every step) this was most of drawing the headline list.
  private static func simpleCut(_ text: String, width: Int, head: Int, tail: Int) -> SimpleCut {
    var text = text
    return text.withUTF8 { bytes in
      var total = 0
      var headEnd = 0
      var headDone = false
      var index = 0
      while index < bytes.count {
        let (value, length) = UTF8Scalar.decode(bytes, at: index)
        guard let columns = DisplayWidth.standaloneWidth(value) else { return .notSimple }
        // The longest beginning within `head` columns: it stops at the first that does not fit.
        if !headDone {
          if total + columns <= head { headEnd = index + length } else { headDone = true }
        }
        total += columns
        index += length
      }
      guard total > width else { return .fits }
      // The longest end within `tail` columns, not reaching into the beginning.
      var tailStart = bytes.count
      var used = 0
      while tailStart > headEnd {
        var start = tailStart - 1
        while start > headEnd, bytes[start] & 0xC0 == 0x80 { start -= 1 }
        let columns = DisplayWidth.standaloneWidth(UTF8Scalar.decode(bytes, at: start).value) ?? 1
        if used + columns > tail { break }
        used += columns
        tailStart = start
      }
      let beginning = String(decoding: UnsafeBufferPointer(rebasing: bytes[0..<headEnd]), as: UTF8.self)
      let end = String(decoding: UnsafeBufferPointer(rebasing: bytes[tailStart..<bytes.count]), as: UTF8.self)
      return .cut(beginning + "…" + end)
    }
  }

  /// `cut` for text with graphemes of several scalars (an emoji, an accent as a mark): its
  /// standalone beginning is measured on its bytes, the rest grapheme by grapheme, each once,
  /// into where each grapheme ends and its columns; the cut is then made from two byte ranges.
  private static func graphemeCut(_ text: String, width: Int, head: Int, tail: Int) -> String {
    var text = text
    var pieces: [(end: Int, columns: Int)] = []
    let restStart = text.withUTF8 { bytes -> Int in
      let prefixEnd = DisplayWidth.standalonePrefix(bytes).end
      var index = 0
      while index < prefixEnd {
        let (value, length) = UTF8Scalar.decode(bytes, at: index)
        index += length
        pieces.append((index, DisplayWidth.standaloneWidth(value) ?? 1))
      }
      return prefixEnd
    }
    let utf8 = text.utf8
    func index(_ offset: Int) -> String.Index { utf8.index(utf8.startIndex, offsetBy: offset) }
    var offset = restStart
    for character in text[index(restStart)...] {
      offset += character.utf8.count
      pieces.append((offset, DisplayWidth.of(character)))
    }
    guard pieces.reduce(0, { $0 + $1.columns }) > width else { return text }
    // The longest beginning within `head` columns (it stops at the first that does not fit),
    // then the longest end within `tail` columns, not reaching into the beginning.
    var headCount = 0
    var used = 0
    while headCount < pieces.count, used + pieces[headCount].columns <= head {
      used += pieces[headCount].columns
      headCount += 1
    }
    var tailStart = pieces.count
    used = 0
    while tailStart > headCount, used + pieces[tailStart - 1].columns <= tail {
      used += pieces[tailStart - 1].columns
      tailStart -= 1
    }
    let headEnd = headCount == 0 ? 0 : pieces[headCount - 1].end
    let tailBegins = tailStart == 0 ? 0 : pieces[tailStart - 1].end
    return String(text[..<index(headEnd)]) + "…" + String(text[index(tailBegins)...])
  }
}
