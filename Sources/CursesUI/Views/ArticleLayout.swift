import NewsKit

/// An article wrapped to a width: every screen line it takes, with the styles of quotes and
/// speakers, and where each paragraph starts. Built only when the article or the width changes:
/// the focused paragraph, the current quote and search matches are laid over the visible lines
/// when they are drawn (`ArticleView`), so moving through a huge article costs no re-wrapping.
public struct ArticleLayout: Sendable, Hashable {
  public struct Line: Sendable, Hashable {
    /// The paragraph the line belongs to; nil for the headline, the source line and spacing.
    public var paragraph: Int?
    public var text: [StyledCharacter]
  }

  public private(set) var lines: [Line] = []
  /// The first line of each paragraph.
  public private(set) var paragraphStarts: [Int] = []
  public let textWidth: Int

  public let paragraphSpacing: Int

  /// - Parameter width: the columns available for text (the margin is not included).
  public init(article: Article, width: Int, paragraphSpacing: Int = 1) {
    textWidth = max(1, width)
    self.paragraphSpacing = paragraphSpacing
    for line in TextWrapper.wrap(article.headline, style: Style(.headline), width: textWidth) {
      lines.append(Line(paragraph: nil, text: line))
    }
    var facts = [article.source ?? "Unknown source"]
    facts.append(article.paragraphs.count == 1 ? "1 paragraph" : "\(article.paragraphs.count) paragraphs")
    if !article.quotes.isEmpty { facts.append(article.quotes.count == 1 ? "1 quote" : "\(article.quotes.count) quotes") }
    for line in TextWrapper.wrap(facts.joined(separator: " · "), style: Style(.source), width: textWidth) {
      lines.append(Line(paragraph: nil, text: line))
    }
    var byline: [String] = []
    if let author = article.author { byline.append("By \(author)") }
    if let published = article.published { byline.append(ArticleJSON.isoDate(published)) }
    if !byline.isEmpty {
      for line in TextWrapper.wrap(byline.joined(separator: " · "), style: Style(.dim), width: textWidth) {
        lines.append(Line(paragraph: nil, text: line))
      }
    }
    for (index, paragraph) in article.paragraphs.enumerated() {
      for _ in 0..<max(0, paragraphSpacing) { lines.append(Line(paragraph: nil, text: [])) }
      if index == 0 && paragraphSpacing == 0 { lines.append(Line(paragraph: nil, text: [])) }
      paragraphStarts.append(lines.count)
      let styled = Self.styled(paragraph, index: index, article: article)
      for line in TextWrapper.wrap(styled, width: textWidth) {
        lines.append(Line(paragraph: index, text: line))
      }
    }
    // A feed item's numbered links, so the [n] in its text can be followed.
    if !article.links.isEmpty {
      lines.append(Line(paragraph: nil, text: []))
      lines.append(Line(paragraph: nil, text: "Links".map { StyledCharacter($0, Style(.headline)) }))
      for (number, link) in article.links.enumerated() {
        for line in TextWrapper.wrap("[\(number + 1)] \(link)", style: Style(.dim), width: textWidth) {
          lines.append(Line(paragraph: nil, text: line))
        }
      }
    }
  }

  /// The lines of a paragraph: from its start to the next paragraph's start (spacing excluded).
  public func lineRange(ofParagraph index: Int) -> Range<Int> {
    guard paragraphStarts.indices.contains(index) else { return 0..<0 }
    var end = index + 1 < paragraphStarts.count ? paragraphStarts[index + 1] : lines.count
    while end > paragraphStarts[index] + 1, lines[end - 1].paragraph != index { end -= 1 }
    return paragraphStarts[index]..<end
  }

  /// The paragraph shown on a line, or the next paragraph after spacing.
  public func paragraph(atLine line: Int) -> Int? {
    guard !paragraphStarts.isEmpty else { return nil }
    if line >= 0 && line < lines.count, let paragraph = lines[line].paragraph { return paragraph }
    return paragraphStarts.firstIndex { $0 >= line } ?? paragraphStarts.count - 1
  }

  /// The line a scalar offset in a paragraph is drawn on.
  public func line(ofParagraph index: Int, offset: Int) -> Int {
    let range = lineRange(ofParagraph: index)
    var consumed = 0
    for line in range {
      let scalars = lines[line].text.reduce(0) { $0 + $1.character.unicodeScalars.count } + 1
      if offset < consumed + scalars { return line }
      consumed += scalars
    }
    return max(range.lowerBound, range.upperBound - 1)
  }

  private static func styled(_ paragraph: String, index: Int, article: Article) -> [StyledCharacter] {
    let scalarCount = paragraph.unicodeScalars.count
    var roles = [StyleRole](repeating: .body, count: scalarCount)
    for quote in article.quotes where quote.touches(paragraph: index) {
      let start = quote.start.paragraph == index ? quote.start.offset : 0
      let end = min(scalarCount, quote.end.paragraph == index ? quote.end.offset : scalarCount)
      guard start < end else { continue }
      let role: StyleRole = quote.kind == .speech ? .speech : .phrase
      for offset in start..<end { roles[offset] = role }
      if let speaker = quote.speaker {
        for range in Self.occurrences(of: speaker, in: paragraph) where roles[range.lowerBound] == .body {
          for offset in range { roles[offset] = .speaker }
        }
      }
    }
    var result: [StyledCharacter] = []
    result.reserveCapacity(scalarCount)
    var offset = 0
    for character in paragraph {
      result.append(StyledCharacter(character, Style(roles[min(offset, scalarCount - 1)]), offset: offset))
      offset += character.unicodeScalars.count
    }
    return result
  }

  private static func occurrences(of needle: String, in text: String) -> [Range<Int>] {
    let haystack = Array(text.unicodeScalars)
    let pattern = Array(needle.unicodeScalars)
    guard !pattern.isEmpty, pattern.count <= haystack.count else { return [] }
    var found: [Range<Int>] = []
    var start = 0
    while start + pattern.count <= haystack.count {
      if haystack[start..<(start + pattern.count)].elementsEqual(pattern) {
        found.append(start..<(start + pattern.count))
        start += pattern.count
      } else {
        start += 1
      }
    }
    return found
  }
}
