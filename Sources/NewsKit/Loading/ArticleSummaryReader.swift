/// Reads what the headline list needs (the headline and the `Source:` line) straight from a
/// file's bytes: only the first block and the last line are decoded, so listing costs little
/// more than reading the file, however long the body.
enum ArticleSummaryReader {
  static func summary(of bytes: [UInt8]) -> (headline: String, source: String?) {
    let start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
    let isUTF8 = String(validating: bytes[start...], as: UTF8.self) != nil
    func line(_ range: Range<Int>) -> Substring {
      let slice = bytes[range]
      let text = isUTF8 ? String(decoding: slice, as: UTF8.self) : LegacyTextDecoding.decode(slice)
      return Substring(text).trimmingWhitespace
    }

    var headlineLines: [Substring] = []
    var lastHeadlineLineEnd = start
    var cursor = start
    while cursor < bytes.count {
      let end = lineEnd(in: bytes, from: cursor)
      let text = line(cursor..<end)
      if text.isEmpty {
        if !headlineLines.isEmpty { break }
      } else {
        headlineLines.append(text)
        lastHeadlineLineEnd = end
      }
      cursor = nextLineStart(in: bytes, after: end)
    }

    var source: String?
    var end = bytes.count
    while end > lastHeadlineLineEnd {
      let lineStart = lineStart(in: bytes, before: end, limit: lastHeadlineLineEnd)
      let text = line(lineStart..<end)
      if !text.isEmpty {
        source = PlainTextArticleParser.sourceName(in: text)
        break
      }
      end = max(lastHeadlineLineEnd, lineStart - 1)
    }
    return (headlineLines.joined(separator: " "), source)
  }

  private static func isBreak(_ byte: UInt8) -> Bool { byte == 0x0A || byte == 0x0D }

  private static func lineEnd(in bytes: [UInt8], from start: Int) -> Int {
    var index = start
    while index < bytes.count, !isBreak(bytes[index]) { index += 1 }
    return index
  }

  /// Just past the line break at `end` (CRLF counts as one break).
  private static func nextLineStart(in bytes: [UInt8], after end: Int) -> Int {
    guard end < bytes.count else { return end }
    if bytes[end] == 0x0D, end + 1 < bytes.count, bytes[end + 1] == 0x0A { return end + 2 }
    return end + 1
  }

  private static func lineStart(in bytes: [UInt8], before end: Int, limit: Int) -> Int {
    var index = end
    while index > limit, !isBreak(bytes[index - 1]) { index -= 1 }
    return index
  }
}
