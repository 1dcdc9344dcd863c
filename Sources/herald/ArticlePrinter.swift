import NewsKit

/// How quotes are set off in `herald show`: SGR colour on a terminal, nothing in a pipe.
struct QuoteHighlight {
  var speech: (open: String, close: String)
  var phrase: (open: String, close: String)

  static let none = QuoteHighlight(speech: ("", ""), phrase: ("", ""))
  static let terminal = QuoteHighlight(speech: ("\u{1B}[1;36m", "\u{1B}[0m"), phrase: ("\u{1B}[3;33m", "\u{1B}[0m"))
}

/// An article as readable plain text: headline, source line, numbered paragraphs (a ❝ in the
/// margin where a quote stands), then the quotes with their speakers and paragraph numbers.
enum ArticlePrinter {
  static func text(of article: Article, highlight: QuoteHighlight) -> String {
    var lines: [String] = [VisibleText.make(article.headline)]
    var facts = [article.source.map { "Source: \(VisibleText.make($0))" } ?? "Source: unknown"]
    facts.append(article.paragraphs.count == 1 ? "1 paragraph" : "\(article.paragraphs.count) paragraphs")
    facts.append(article.quotes.count == 1 ? "1 quote" : "\(article.quotes.count) quotes")
    lines.append(facts.joined(separator: " · "))
    var byline: [String] = []
    if let author = article.author { byline.append("By " + VisibleText.make(author)) }
    if let published = article.published { byline.append(ArticleJSON.isoDate(published)) }
    if let link = article.link { byline.append(VisibleText.make(link)) }
    if !byline.isEmpty { lines.append(byline.joined(separator: " · ")) }
    if let path = article.path, path != article.link { lines.append(VisibleText.make(path)) }
    lines.append("")
    let width = String(article.paragraphs.count).count
    for (index, paragraph) in article.paragraphs.enumerated() {
      let number = String(index + 1)
      let marker = article.quotes.contains { $0.touches(paragraph: index) } ? "❝" : " "
      let body = highlighted(paragraph, index: index, quotes: article.quotes, highlight: highlight)
      lines.append(String(repeating: " ", count: width - number.count) + number + " " + marker + " " + body)
      lines.append("")
    }
    if !article.quotes.isEmpty {
      lines.append("Quotes:")
      for quote in article.quotes {
        let place = QuotePlace.label(quote)
        let who = quote.speakerLabel.map { VisibleText.make($0) + ": " } ?? ""
        let text = VisibleText.make(VisibleText.oneLine(quote.text))
        lines.append("  \(place) [\(quote.kind.rawValue)] \(who)\(text)")
      }
      lines.append("")
    }
    if !article.links.isEmpty {
      lines.append("Links:")
      for (number, link) in article.links.enumerated() { lines.append("  [\(number + 1)] \(VisibleText.make(link))") }
      lines.append("")
    }
    return lines.joined(separator: "\n")
  }

  /// The paragraph, made safe to print, with each quoted stretch wrapped in the highlight's codes.
  private static func highlighted(_ paragraph: String, index: Int, quotes: [Quote], highlight: QuoteHighlight) -> String {
    let scalars = Array(paragraph.unicodeScalars)
    func piece(_ range: Range<Int>) -> String {
      var view = String.UnicodeScalarView()
      view.append(contentsOf: scalars[range])
      return VisibleText.make(String(view))
    }
    var output = ""
    var cursor = 0
    for quote in quotes where quote.touches(paragraph: index) {
      let start = quote.start.paragraph == index ? quote.start.offset : 0
      let end = quote.end.paragraph == index ? quote.end.offset : scalars.count
      guard cursor <= start, start <= end, end <= scalars.count else { continue }
      let codes = quote.kind == .speech ? highlight.speech : highlight.phrase
      output += piece(cursor..<start) + codes.open + piece(start..<end) + codes.close
      cursor = end
    }
    return output + piece(cursor..<scalars.count)
  }
}
