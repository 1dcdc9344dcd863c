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
    if let total = DisplayWidth.simpleWidth(text) {
      guard total > width else { return text }
      let (head, tail) = ends(of: text.unicodeScalars, head: width - 1 - tailWidth, tail: tailWidth) {
        DisplayWidth.standaloneWidth($0.value) ?? 1
      }
      return String(head) + "…" + String(tail)
    }
    guard DisplayWidth.of(text) > width else { return text }
    let (head, tail) = ends(of: text, head: width - 1 - tailWidth, tail: tailWidth) { DisplayWidth.of($0) }
    return String(head) + "…" + String(tail)
  }

  /// The longest beginning within `head` columns and the longest end within `tail` columns.
  private static func ends<Units: BidirectionalCollection>(
    of units: Units, head: Int, tail: Int, width: (Units.Element) -> Int
  ) -> (Units.SubSequence, Units.SubSequence) {
    var headEnd = units.startIndex
    var used = 0
    while headEnd < units.endIndex, used + width(units[headEnd]) <= head {
      used += width(units[headEnd])
      units.formIndex(after: &headEnd)
    }
    var tailStart = units.endIndex
    used = 0
    while tailStart > headEnd {
      let previous = units.index(before: tailStart)
      if used + width(units[previous]) > tail { break }
      used += width(units[previous])
      tailStart = previous
    }
    return (units[..<headEnd], units[tailStart...])
  }
}
