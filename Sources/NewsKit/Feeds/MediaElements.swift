/// Media RSS and iTunes podcast elements, which podcast and video feeds use where RSS's own are
/// missing: `media:title`, `media:description`, `itunes:summary`, `itunes:subtitle`, and
/// `media:content` / `media:thumbnail` files (directly in the item or in a `media:group`).
struct MediaElements {
  private let direct: ChildElements
  private let groups: [ChildElements]

  init(_ children: ChildElements) {
    direct = children
    groups = children.all("group", in: FeedNamespace.media).map(ChildElements.init)
  }

  private func first(_ name: String) -> XMLNode? {
    direct.first(name, in: FeedNamespace.media) ?? groups.lazy.compactMap { $0.first(name, in: FeedNamespace.media) }.first
  }

  var title: FeedItem.Body? {
    first("title").flatMap { node in node.text.trimmed.map { mediaText(node, $0) } }
  }

  /// media:description, else itunes:summary, else itunes:subtitle.
  var description: FeedItem.Body? {
    if let node = first("description"), let text = node.text.trimmed { return mediaText(node, text) }
    let itunes = direct.first([("summary", FeedNamespace.itunes), ("subtitle", FeedNamespace.itunes)])
    return itunes.flatMap { $0.text.trimmed }.map(FeedItem.Body.text)
  }

  var author: String? {
    direct.first("author", in: FeedNamespace.itunes)?.text.trimmed
      ?? (direct.first("credit", in: FeedNamespace.media) ?? groups.lazy.compactMap { $0.first("credit", in: FeedNamespace.media) }.first)?
      .text.trimmed
  }

  /// Every media:content and media:thumbnail file, in document order.
  func files(base: String?) -> [Enclosure] {
    let sources = [direct] + groups
    return sources.flatMap { children in
      children.nodes.filter { $0.isNamed("content", in: FeedNamespace.media) || $0.isNamed("thumbnail", in: FeedNamespace.media) }
    }.compactMap { node in
      resolveLink(node.attribute("url"), base: base).map {
        Enclosure(url: $0, type: node.attribute("type"), length: node.attribute("fileSize").flatMap { Int($0) })
      }
    }
  }

  /// Media RSS text is plain unless `type="html"`.
  private func mediaText(_ node: XMLNode, _ text: String) -> FeedItem.Body {
    node.attribute("type")?.lowercased() == "html" ? .html(text) : .text(text)
  }
}
