/// Parses Herald's plain-text article format and the variants of it found in the wild.
///
/// The format: the headline; a blank line; the headline again; a blank line; body paragraphs
/// separated by blank lines; optionally a last paragraph `Source: <outlet>`. Accepted too: the
/// repeated headline missing, CRLF or CR line endings, trailing white space, runs of blank lines,
/// paragraphs hard-wrapped over several lines (joined with one space), a `Source:` line directly
/// under the last paragraph, and no `Source:` line at all.
public enum PlainTextArticleParser {
  public struct Parsed: Sendable, Hashable {
    public var headline: String
    public var source: String?
    public var paragraphs: [String]
  }

  public static func parse(_ text: String) -> Parsed {
    var blocks = self.blocks(of: text)
    guard !blocks.isEmpty else { return Parsed(headline: "", source: nil, paragraphs: []) }
    let headline = blocks.removeFirst().joined(separator: " ")
    if let first = blocks.first, first.joined(separator: " ") == headline { blocks.removeFirst() }
    var source: String?
    if var last = blocks.popLast() {
      if let outlet = sourceName(in: last[last.count - 1]) {
        source = outlet
        last.removeLast()
      }
      if !last.isEmpty { blocks.append(last) }
    }
    return Parsed(headline: headline, source: source, paragraphs: blocks.map { $0.joined(separator: " ") })
  }

  /// The outlet named by a `Source: Outlet` line, nil when the line is something else.
  static func sourceName(in line: Substring) -> String? {
    let prefix = "source:"
    guard line.count > prefix.count, line.prefix(prefix.count).lowercased() == prefix else { return nil }
    let name = line.dropFirst(prefix.count).trimmingWhitespace
    return name.isEmpty ? nil : String(name)
  }

  /// Paragraph blocks: runs of non-blank lines, each line trimmed.
  static func blocks(of text: String) -> [[Substring]] {
    var blocks: [[Substring]] = []
    var current: [Substring] = []
    for line in lines(of: text) {
      let trimmed = line.trimmingWhitespace
      if trimmed.isEmpty {
        if !current.isEmpty { blocks.append(current) }
        current = []
      } else {
        current.append(trimmed)
      }
    }
    if !current.isEmpty { blocks.append(current) }
    return blocks
  }

  /// Lines split at LF, CRLF or a lone CR, the same breaks `ArticleSummaryReader` finds in
  /// bytes; other separators stay inside their line. Split by UTF-8 bytes, not graphemes or
  /// scalars: far cheaper (CR and LF are single bytes that never occur inside a sequence), and
  /// CRLF is handled by hand.
  static func lines(of text: String) -> [Substring] {
    var result: [Substring] = []
    let bytes = text.utf8
    var start = bytes.startIndex
    var index = start
    while index < bytes.endIndex {
      let byte = bytes[index]
      if byte == 0x0A || byte == 0x0D {
        result.append(text[start..<index])
        var next = bytes.index(after: index)
        if byte == 0x0D, next < bytes.endIndex, bytes[next] == 0x0A { next = bytes.index(after: next) }
        start = next
        index = next
      } else {
        index = bytes.index(after: index)
      }
    }
    result.append(text[start..<bytes.endIndex])
    return result
  }
}

extension Substring {
  /// The substring without leading and trailing white space (including no-break spaces).
  var trimmingWhitespace: Substring {
    var result = self
    while let first = result.first, first.isWhitespace { result.removeFirst() }
    while let last = result.last, last.isWhitespace { result.removeLast() }
    return result
  }
}
