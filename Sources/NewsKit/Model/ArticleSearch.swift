import Foundation

/// Finding text in an article's paragraphs, ignoring case and diacritics ("cafe" finds "Café").
public enum ArticleSearch {
  /// A match: a paragraph and a half-open range of Unicode-scalar offsets within it.
  public struct Match: Sendable, Hashable {
    public var paragraph: Int
    public var start: Int
    public var end: Int
  }

  public static func matches(of query: String, in paragraphs: [String]) -> [Match] {
    guard !query.isEmpty else { return [] }
    var found: [Match] = []
    for (index, paragraph) in paragraphs.enumerated() {
      var searchStart = paragraph.startIndex
      while searchStart < paragraph.endIndex,
        let range = paragraph.range(
          of: query, options: [.caseInsensitive, .diacriticInsensitive], range: searchStart..<paragraph.endIndex)
      {
        let start = paragraph.unicodeScalars.distance(from: paragraph.startIndex, to: range.lowerBound)
        let length = paragraph.unicodeScalars.distance(from: range.lowerBound, to: range.upperBound)
        found.append(Match(paragraph: index, start: start, end: start + length))
        searchStart = range.upperBound > range.lowerBound ? range.upperBound : paragraph.index(after: range.lowerBound)
      }
    }
    return found
  }
}
