import Foundation

/// One item's fields as a feed gave them, before they become an `Article`. Cheap to make: the
/// body stays markup until `article()` is asked for, so listing a feed parses no HTML and finds
/// no quotes.
public struct FeedItem: Sendable {
  enum Body: Sendable {
    case html(String)
    case text(String)

    var raw: String {
      switch self {
      case .html(let value), .text(let value): return value
      }
    }
  }

  var guid: String?
  var title: Body?
  var link: String?
  var author: String?
  var published: Date?
  var updated: Date?
  var summary: Body?
  var content: Body?
  var enclosures: [Enclosure] = []
  /// The base that relative links in the body resolve against.
  var base: String?

  /// Filled in by the reader from the feed: its title, what names it, where it was read from.
  var source: String?
  var feedKey = ""
  var location = ""

  /// The item's identity: its guid (Atom id, JSON Feed id), else its link, else a hash of the
  /// feed, its title, its date and its text with white space normalised. Never its position, so
  /// an item added at the top of a feed changes no other item's id.
  public var id: String {
    if let guid = guid?.trimmed { return guid }
    if let link = link?.trimmed { return link }
    let text = (content ?? summary)?.raw.collapsingWhitespace ?? ""
    let date = published.map { String(Int($0.timeIntervalSince1970)) } ?? ""
    return ArticleID.make(for: Array("\(feedKey)\n\(title?.raw.collapsingWhitespace ?? "")\n\(date)\n\(text)".utf8))
  }

  /// The headline list's entry, without parsing the body (unless the item has no title).
  public var listEntry: ArticleSummary {
    let headline = Self.headline(title) ?? Self.headline(fromFirstParagraphOf: body().paragraphs)
    return ArticleSummary(id: id, headline: headline, source: source, path: location, published: published)
  }

  /// The article: paragraphs from the fullest body, quotes found in them and in blockquotes
  /// (unless `findingQuotes` is false: the library stores first and analyses behind).
  public func article(findingQuotes: Bool = true) -> Article {
    let text = body()
    let headline = Self.headline(title) ?? Self.headline(fromFirstParagraphOf: text.paragraphs)
    var article = Article(
      id: id, headline: headline, source: source, link: link, author: author, published: published,
      paragraphs: text.paragraphs,
      quotes: findingQuotes ? ArticleAnalysis.quotes(in: text.paragraphs, blockquotes: text.blockquotes) : [],
      path: location)
    article.blockquotes = text.blockquotes
    article.updated = updated
    article.links = text.links + enclosures.map(\.url).filter { !text.links.contains($0) }
    article.enclosures = enclosures
    return article
  }

  private func body() -> HTMLText {
    switch content ?? summary {
    case .html(let html): return HTMLText.parse(html, base: base ?? link)
    case .text(let text): return HTMLText(paragraphs: Self.plainParagraphs(text))
    case nil: return HTMLText()
    }
  }

  static func plainParagraphs(_ text: String) -> [String] {
    let blocks = PlainTextArticleParser.blocks(of: text)
    return blocks.map { $0.joined(separator: " ").collapsingWhitespace }
  }

  /// A title as text: HTML is parsed once (entities decoded, tags and comments dropped), plain
  /// text kept as written; nil when nothing is left.
  static func headline(_ title: Body?) -> String? {
    let text: String
    switch title {
    case .html(let html): text = HTMLText.parse(html, base: nil).paragraphs.joined(separator: " ")
    case .text(let plain): text = plain
    case nil: return nil
    }
    let collapsed = text.collapsingWhitespace
    return collapsed.isEmpty ? nil : collapsed
  }

  static func headline(fromFirstParagraphOf paragraphs: [String]) -> String {
    paragraphs.first.map { String($0.prefix(80)) } ?? "(untitled)"
  }

  /// "jo@example.org (Jo Bloggs)" → "Jo Bloggs"; anything else as written.
  static func authorName(_ text: String?) -> String? {
    guard let text = text?.trimmed else { return nil }
    if let open = text.firstIndex(of: "("), let close = text.lastIndex(of: ")"), open < close {
      let inside = text[text.index(after: open)..<close].trimmed
      // "Example editor (me@example.com)" is the other way round: the name is outside.
      if let inside, inside.containsBytes("@"), let outside = String(text[..<open] + text[text.index(after: close)...]).trimmed,
        !outside.containsBytes("@")
      {
        return outside
      }
      if let inside { return inside }
    }
    return text
  }
}

extension String {
  var nonEmpty: String? { isEmpty ? nil : self }
}
