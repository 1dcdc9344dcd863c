import Foundation

/// What a search hit shows: a passage of the headline or the text where the query's words
/// matched, the matches between `[` and `]`. The index's third column, the speakers, is names
/// joined by " ; ": not words the article holds in that order, so it is never shown. Where only
/// a speaker matched (`speaker:` queries, or a word found only among the speakers), the hit
/// shows the paragraph of that speaker's first quote, with the name marked.
enum SearchSnippet {
  /// The marks FTS5's `snippet()` puts around a match: controls that news text does not hold
  /// (hostile text that does only gets a bracket shown in their place).
  static let open = "\u{2}"
  static let close = "\u{3}"

  /// Words either side of the first marked word in a paragraph passage, as FTS5's snippets
  /// of 12 tokens give about.
  static let wordsBefore = 4
  static let wordsInAll = 14

  /// The passage to show, from the three columns' snippets; `firstQuoteParagraph` gives, for
  /// the words matched among the speakers, the paragraph of the first quote one of them spoke
  /// and its speaker as written.
  static func choose(
    headline: String, body: String, speakers: String,
    firstQuoteParagraph: ([String]) throws -> (paragraph: String, speaker: String?)?
  ) rethrows -> String {
    if body.contains(open) { return shown(body) }
    if headline.contains(open) { return shown(headline) }
    let words = marked(in: speakers)
    if !words.isEmpty, let found = try firstQuoteParagraph(words) {
      return passage(of: found.paragraph, marking: words, orElse: found.speaker)
    }
    // Nothing marked anywhere (a query that matched no word of this article's text itself,
    // such as a phrase split across columns): the text's opening, unmarked.
    return shown(body.isEmpty ? headline : body)
  }

  /// A snippet with FTS5's marks made brackets, on one line.
  static func shown(_ snippet: String) -> String {
    snippet.replacingOccurrences(of: open, with: "[").replacingOccurrences(of: close, with: "]")
      .replacingOccurrences(of: "\n", with: " ")
  }

  /// The words FTS5 marked in a snippet.
  static func marked(in snippet: String) -> [String] {
    var words: [String] = []
    var rest = Substring(snippet)
    while let start = rest.range(of: open), let end = rest[start.upperBound...].range(of: close) {
      words.append(String(rest[start.upperBound..<end.lowerBound]))
      rest = rest[end.upperBound...]
    }
    return words
  }

  private static let folding: String.CompareOptions = [.caseInsensitive, .diacriticInsensitive]

  /// Whether `text` holds one of `words` as a whole word, ignoring case and diacritics (as the
  /// index's tokenizer does).
  static func holdsAnyWord(of words: [String], in text: String?) -> Bool {
    guard let text else { return false }
    return words.contains { !wordRanges(of: $0, in: text).isEmpty }
  }

  /// Where `word` stands in `text` as a whole word (not inside a longer one).
  static func wordRanges(of word: String, in text: String) -> [Range<String.Index>] {
    var found: [Range<String.Index>] = []
    var from = text.startIndex
    while from < text.endIndex, let range = text.range(of: word, options: folding, range: from..<text.endIndex) {
      let before = range.lowerBound == text.startIndex ? nil : text[text.index(before: range.lowerBound)]
      let after = range.upperBound == text.endIndex ? nil : text[range.upperBound]
      if !(before?.isLetter ?? false) && !(before?.isNumber ?? false) && !(after?.isLetter ?? false) && !(after?.isNumber ?? false) {
        found.append(range)
      }
      from = range.upperBound
    }
    return found
  }

  /// A window of the paragraph around the first of `words` in it, each of them marked; where
  /// the paragraph names the speaker otherwise ("he"), `speaker` as written is marked.
  static func passage(of paragraph: String, marking words: [String], orElse speaker: String?) -> String {
    var ranges = words.flatMap { wordRanges(of: $0, in: paragraph) }
    if ranges.isEmpty, let speaker { ranges = wordRanges(of: speaker, in: paragraph).prefix(1).map { $0 } }
    ranges.sort { $0.lowerBound < $1.lowerBound }
    var marked = ""
    var at = paragraph.startIndex
    for range in ranges where range.lowerBound >= at {
      marked += paragraph[at..<range.lowerBound] + "[" + paragraph[range] + "]"
      at = range.upperBound
    }
    marked += paragraph[at...]
    let tokens = marked.split(separator: " ", omittingEmptySubsequences: true)
    let first = tokens.firstIndex { $0.contains("[") } ?? 0
    // A mark near the end takes more words before it, so the passage is as long either way.
    let start = max(0, min(first - wordsBefore, tokens.count - wordsInAll))
    let end = min(tokens.count, start + wordsInAll)
    return (start > 0 ? "…" : "") + tokens[start..<end].joined(separator: " ") + (end < tokens.count ? "…" : "")
  }
}
