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
    guard width > 0 else { return "" }
    guard DisplayWidth.of(text) > width else { return text }
    if DisplayWidth.simpleWidth(text) != nil {
      // One column per scalar: cut after width - 1 of them.
      let scalars = text.unicodeScalars
      return String(scalars[..<scalars.index(scalars.startIndex, offsetBy: width - 1)]) + "…"
    }
    var result = ""
    var used = 0
    for character in text {
      let characterWidth = DisplayWidth.of(character)
      if used + characterWidth > width - 1 { break }
      result.append(character)
      used += characterWidth
    }
    return result + "…"
  }

  /// Cuts text to `width` columns keeping both ends ("Asahi Dai…ness #005"), for names that
  /// differ only at their end, as the feeds of one publisher do.
  public static func truncateMiddle(_ text: String, width: Int) -> String {
    guard width > 2, DisplayWidth.of(text) > width else { return truncate(text, width: width) }
    let characters = Array(text)
    let tailWidth = (width - 1) / 2
    let headWidth = width - 1 - tailWidth
    func prefix(_ sequence: some Sequence<Character>, columns: Int) -> [Character] {
      var taken: [Character] = []
      var used = 0
      for character in sequence {
        let characterWidth = DisplayWidth.of(character)
        if used + characterWidth > columns { break }
        taken.append(character)
        used += characterWidth
      }
      return taken
    }
    let head = prefix(characters, columns: headWidth)
    let tail = prefix(characters.reversed(), columns: tailWidth).reversed()
    return String(head) + "…" + String(tail)
  }
}
