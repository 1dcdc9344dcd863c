import Foundation
/// One item's fields as a feed gave them, before they become an `Article`.
struct FeedItem {
  enum Body {
    case html(String)
    case text(String)
  }

  var id: String?
  var title: String?
  var titleIsHTML = false
  var link: String?
  var author: String?
  var published: Date?
  var updated: Date?
  var summary: Body?
  var content: Body?
  var enclosures: [Enclosure] = []
  /// The base that relative links in the body resolve against.
  var base: String?

  /// Every item's article, built on all cores (HTML and quote detection are most of the cost
  /// of reading a feed), in document order.
  static func articles(_ items: [FeedItem], info: FeedInfo, location: String) -> [Article] {
    let key = info.key(or: location)
    let slots = OrderedSlots<Article>(count: items.count)
    let chunk = 32
    DispatchQueue.concurrentPerform(iterations: (items.count + chunk - 1) / chunk) { part in
      let range = (part * chunk)..<min(items.count, (part + 1) * chunk)
      slots.store(
        range.map { items[$0].article(source: info.title, location: location, feedKey: key, index: $0) },
        startingAt: range.lowerBound)
    }
    return slots.values
  }

  /// The article: paragraphs from the fullest body, quotes found in them and in blockquotes.
  /// - Parameter feedKey: what names the feed wherever it is read from (its link, else its
  ///   title): an item without an id gets a hash of it and the item's own fields.
  func article(source: String?, location: String, feedKey: String, index: Int) -> Article {
    var paragraphs: [String] = []
    var links: [String] = []
    var blockquotes: [ClosedRange<Int>] = []
    switch content ?? summary {
    case .html(let html):
      let text = HTMLText.parse(html, base: base ?? link)
      paragraphs = text.paragraphs
      links = text.links
      blockquotes = text.blockquotes
    case .text(let text):
      paragraphs = Self.plainParagraphs(text)
    case nil:
      break
    }
    let headline = Self.headline(title, isHTML: titleIsHTML) ?? paragraphs.first.map { String($0.prefix(80)) } ?? "(untitled)"
    let stableID =
      id?.trimmingCharacters(in: .whitespacesAndNewlines).nonEmpty
      ?? ArticleID.make(for: Array("\(feedKey)\n\(link ?? "")\n\(headline)\n\(published?.timeIntervalSince1970 ?? 0)\n\(index)".utf8))
    var article = Article(
      id: stableID, headline: headline, source: source, link: link, author: author, published: published,
      paragraphs: paragraphs, quotes: Self.quotes(in: paragraphs, blockquotes: blockquotes), path: location)
    article.updated = updated
    article.links = links + enclosures.map(\.url).filter { !links.contains($0) }
    article.enclosures = enclosures
    return article
  }

  /// Quotes found in the text, and each blockquote as a quote of its own; a found quote inside
  /// a blockquote is left to the blockquote.
  static func quotes(in paragraphs: [String], blockquotes: [ClosedRange<Int>]) -> [Quote] {
    let found = QuoteDetector.quotes(in: paragraphs)
    guard !blockquotes.isEmpty else { return found }
    let blocks = blockquotes.map { range in
      Quote(
        start: TextPosition(paragraph: range.lowerBound, offset: 0),
        end: TextPosition(paragraph: range.upperBound, offset: paragraphs[range.upperBound].unicodeScalars.count),
        text: paragraphs[range].joined(separator: "\n"), kind: .speech, speaker: nil)
    }
    let outside = found.filter { quote in
      !blockquotes.contains { $0.contains(quote.start.paragraph) && $0.contains(quote.end.paragraph) }
    }
    return (outside + blocks).sorted { $0.start < $1.start }
  }

  static func plainParagraphs(_ text: String) -> [String] {
    let blocks = PlainTextArticleParser.blocks(of: text)
    return blocks.map { $0.joined(separator: " ").collapsingWhitespace }
  }

  static func headline(_ title: String?, isHTML: Bool) -> String? {
    guard let title else { return nil }
    let text = isHTML || title.contains("<") ? HTMLText.parse(title, base: nil).paragraphs.joined(separator: " ") : title
    let collapsed = text.collapsingWhitespace
    return collapsed.isEmpty ? nil : collapsed
  }

  /// "jo@example.org (Jo Bloggs)" → "Jo Bloggs"; anything else as written.
  static func authorName(_ text: String?) -> String? {
    guard let text = text?.trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty else { return nil }
    if let open = text.firstIndex(of: "("), let close = text.lastIndex(of: ")"), open < close {
      let name = text[text.index(after: open)..<close].trimmingCharacters(in: .whitespaces)
      if !name.isEmpty { return name }
    }
    return text
  }
}

extension String {
  var nonEmpty: String? { isEmpty ? nil : self }
}
