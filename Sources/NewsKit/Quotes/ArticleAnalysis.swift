/// What "understanding" an article means, and which version of it: the quotes found in its
/// paragraphs and in its blockquotes, with their speakers and speakers' names. The library
/// stores articles first and analyses them behind (issue 29); it records this version with
/// each analysed article, so articles analysed by older rules are analysed again after an
/// upgrade.
public enum ArticleAnalysis {
  /// Bump whenever a change to quote finding, speakers or speakers' names changes what an
  /// article's analysis gives. 1 is every library analysed before versions were recorded;
  /// 2 the rules of issue 29; 3 pronouns that agree in gender and never stand for a body, and
  /// the subject of a describing clause (issue 33).
  public static let version = 3

  /// Quotes found in the text, and each blockquote as a quote of its own; a found quote inside
  /// a blockquote is left to the blockquote.
  public static func quotes(in paragraphs: [String], blockquotes: [ClosedRange<Int>] = []) -> [Quote] {
    let found = QuoteDetector.quotes(in: paragraphs)
    let valid = blockquotes.filter { paragraphs.indices.contains($0.lowerBound) && paragraphs.indices.contains($0.upperBound) }
    guard !valid.isEmpty else { return found }
    let blocks = valid.map { range in
      Quote(
        start: TextPosition(paragraph: range.lowerBound, offset: 0),
        end: TextPosition(paragraph: range.upperBound, offset: paragraphs[range.upperBound].unicodeScalars.count),
        text: paragraphs[range].joined(separator: "\n"), kind: .speech, speaker: nil)
    }
    let outside = found.filter { quote in
      !valid.contains { $0.contains(quote.start.paragraph) && $0.contains(quote.end.paragraph) }
    }
    return (outside + blocks).sorted { $0.start < $1.start }
  }

  /// The article with its quotes found (from its paragraphs and blockquotes).
  public static func analysed(_ article: Article) -> Article {
    var analysed = article
    analysed.quotes = quotes(in: article.paragraphs, blockquotes: article.blockquotes)
    return analysed
  }
}
