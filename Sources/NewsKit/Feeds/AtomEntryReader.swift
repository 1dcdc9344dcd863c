import Foundation

/// Atom 1.0 and 0.3 entries and the feed's own text constructs.
struct AtomEntryReader {
  /// Atom's namespaces and none, plus an unknown one the root declared.
  let core: Set<String?>

  func entry(_ node: XMLNode) -> FeedItem {
    let children = ChildElements(node)
    let media = MediaElements(children)
    let dc = FeedNamespace.dc
    var item = FeedItem()
    item.base = node.base
    item.guid = children.first("id", in: core)?.text.trimmed
    if let title = children.first("title", in: core) {
      item.title = Self.body(of: title)
    } else if let title = children.first("title", in: dc)?.text.trimmed {
      item.title = .text(title)
    } else {
      item.title = media.title
    }
    item.link = alternateLink(children)
    item.author =
      children.first("author", in: core).flatMap { ChildElements($0).first("name", in: core)?.text.trimmed }
      ?? children.first([("creator", dc), ("author", dc)]).flatMap { FeedItem.authorName($0.text) } ?? media.author
    let published = children.first([
      ("published", core), ("issued", core), ("created", core), ("issued", dc), ("created", dc), ("date", dc),
    ])
    item.published = published.flatMap { FeedDate.parse($0.text) }
    // Of two `updated` or Atom 0.3 `modified` (an invalid entry some generators write), the
    // last stands, as feedparser reads it: it is the value written over the first.
    let updated = children.all("updated", in: core).last ?? children.all("modified", in: core).last ?? children.first("modified", in: dc)
    item.updated = updated.flatMap { FeedDate.parse($0.text) }
    if item.published == nil { item.published = item.updated }
    item.summary =
      children.first("summary", in: core).flatMap(Self.body(of:))
      ?? children.first("description", in: dc).flatMap { $0.text.trimmed }.map(FeedItem.Body.text) ?? media.description
    item.content = children.first("content", in: core).flatMap(Self.body(of:))
    item.enclosures =
      children.all("link", in: core).filter { $0.attribute("rel") == "enclosure" }.compactMap { link in
        resolveLink(link.attribute("href"), base: link.base).map {
          Enclosure(url: $0, type: link.attribute("type"), length: link.attribute("length").flatMap { Int($0) })
        }
      } + media.files(base: node.base)
    return item
  }

  /// The `rel="alternate"` link (or one without rel), resolved against xml:base.
  func alternateLink(_ children: ChildElements) -> String? {
    let links = children.all("link", in: core)
    let chosen =
      links.first { ($0.attribute("rel") ?? "alternate") == "alternate" && $0.attribute("type").map { $0.containsBytes("html") } ?? true }
      ?? links.first { ($0.attribute("rel") ?? "alternate") == "alternate" }
    return chosen.flatMap { resolveLink($0.attribute("href"), base: $0.base) }
  }

  /// Atom text constructs: type="text" (or none), "html", "xhtml" (a div of markup); Atom 0.3's
  /// mode="escaped", mode="xml" and mode="base64" (the text base64-encoded, of the given type).
  static func body(of node: XMLNode) -> FeedItem.Body? {
    let type = (node.attribute("type") ?? "text").lowercased()
    let mode = node.attribute("mode")?.lowercased()
    if type == "xhtml" || type.hasSuffix("xhtml+xml") || mode == "xml" {
      let markup = node.innerMarkup
      return markup.hasVisibleText ? .html(markup) : nil
    }
    var value = node.text
    if mode == "base64" {
      let compact = value.filter { !$0.isWhitespace }
      guard let data = Data(base64Encoded: compact, options: .ignoreUnknownCharacters) else { return nil }
      value = LegacyTextDecoding.decode(Array(data))
    }
    guard value.hasVisibleText else { return nil }
    if type == "html" || type == "text/html" || mode == "escaped" { return .html(value) }
    return .text(value)
  }

  /// A feed-level text construct (title, subtitle) as plain text.
  static func text(of node: XMLNode) -> String? {
    FeedItem.headline(body(of: node))
  }
}
