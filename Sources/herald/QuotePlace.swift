import NewsKit

/// Where a quote stands, as readers number paragraphs: ¶3, or ¶3–4 for one running over two.
enum QuotePlace {
  static func label(_ quote: Quote) -> String {
    let first = quote.start.paragraph + 1
    let last = quote.end.paragraph + 1
    return first == last ? "¶\(first)" : "¶\(first)–\(last)"
  }
}
