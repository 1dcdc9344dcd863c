/// One RSS item (0.9x, 1.0, 2.0) from its element: the core elements first, then Dublin Core
/// and dcterms, then iTunes and Media RSS, where the core ones are missing.
struct RSSItemReader {
  /// RSS's own namespaces, plus an unknown one the root declared.
  let core: Set<String?>

  /// - Parameter fallbackBase: the channel's link, for feeds read from a file (no URL to resolve
  ///   relative links against).
  func item(_ node: XMLNode, fallbackBase: String?) -> FeedItem {
    let children = ChildElements(node)
    let media = MediaElements(children)
    let dc = FeedNamespace.dc
    var item = FeedItem()
    let base = node.base ?? fallbackBase
    item.base = base
    if let title = children.first([("title", core), ("title", dc)]), let text = title.text.trimmed {
      item.title = Self.titleBody(text)
    } else {
      item.title = media.title
    }
    let guid = children.first("guid", in: core)
    item.guid = guid?.text.trimmed ?? node.attribute("about", namespace: FeedNamespace.rdf)
      ?? children.first("identifier", in: dc)?.text.trimmed
    var link = children.first("link", in: core)?.text.trimmed
    if link == nil, let guid, guid.attribute("isPermaLink")?.lowercased() != "false", let text = guid.text.trimmed,
      text.containsBytes("://")
    {
      link = text
    }
    if link == nil { link = node.attribute("about", namespace: FeedNamespace.rdf) }
    // Microsoft's Channel Definition Format: `<ITEM HREF="…" LASTMOD="…">`.
    if link == nil { link = Self.cdfAttribute("href", of: node) }
    item.link = resolveLink(link, base: base)
    item.author =
      FeedItem.authorName(children.first([("author", core), ("creator", dc), ("author", dc)])?.text) ?? FeedItem.authorName(media.author)
    let date = children.first([
      ("pubDate", core), ("date", dc), ("issued", dc), ("created", dc), ("available", dc),
    ])
    item.published = date.flatMap { FeedDate.parse($0.text) }
    // dc:date is the date of the item's last change, as feedparser and Atom's `updated` read it.
    item.updated = children.first("modified", in: dc).flatMap { FeedDate.parse($0.text) }
      ?? Self.cdfAttribute("lastmod", of: node).flatMap { FeedDate.parse($0) }
      ?? children.first("date", in: dc).flatMap { FeedDate.parse($0.text) }
    if item.published == nil { item.published = item.updated }
    item.summary =
      children.first([("description", core), ("description", dc), ("abstract", core)]).flatMap(htmlBody) ?? media.description
    item.content =
      children.first("encoded", in: FeedNamespace.content).flatMap(htmlBody)
      ?? children.first("body", in: FeedNamespace.xhtml.union(core)).map { .html($0.innerMarkup) }
      // `<fullitem>`: the whole item as escaped HTML, from the days before content:encoded.
      ?? children.first("fullitem", in: core).flatMap(htmlBody)
    item.enclosures =
      children.all("enclosure", in: core).compactMap { enclosure in
        resolveLink(enclosure.attribute("url"), base: base).map {
          Enclosure(url: $0, type: enclosure.attribute("type"), length: enclosure.attribute("length").flatMap { Int($0) })
        }
      } + media.files(base: base)
    return item
  }

  /// An attribute of a CDF element, which writes its names in upper case (`HREF`), or in
  /// lower case as some generators do.
  static func cdfAttribute(_ name: String, of node: XMLNode) -> String? {
    (node.attribute(name.uppercased()) ?? node.attribute(name))?.trimmed
  }

  /// RSS titles are text by the letter of the spec, but publishers put HTML and its escapes in
  /// them (`&amp;amp;` for "&", `<b>`): a title holding `<` or `&` is read as HTML.
  static func titleBody(_ text: String) -> FeedItem.Body {
    text.containsBytes("<") || text.containsBytes("&") ? .html(text) : .text(text)
  }
}

/// An RSS body: entity-encoded or CDATA HTML as text, or HTML written straight into the XML as
/// elements, which is kept as markup.
func htmlBody(_ node: XMLNode) -> FeedItem.Body? {
  let markup = node.elements.isEmpty ? node.text : node.innerMarkup
  return markup.hasVisibleText ? .html(markup) : nil
}
