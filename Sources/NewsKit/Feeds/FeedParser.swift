import Foundation

/// Reads RSS 0.90, 0.91, 0.92, 1.0 (RDF) and 2.0, Atom 0.3 and 1.0, and JSON Feed 1.0 and 1.1
/// into `Article`s, the same model as plain-text articles. Elements are recognised by namespace
/// URI, whatever prefix a feed gives them. Broken feeds are read as far as they go (see
/// `FeedBytes` and `XMLTree.xml`).
public enum FeedParser {
  /// Whether bytes look like a feed rather than a plain-text article: after white space and a
  /// byte-order mark they open with `<` or `{`.
  public static func looksLikeFeed(_ bytes: [UInt8]) -> Bool {
    var index = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
    while index < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) { index += 1 }
    return index < bytes.count && (bytes[index] == UInt8(ascii: "<") || bytes[index] == UInt8(ascii: "{"))
  }

  /// - Parameters:
  ///   - location: the file or URL the bytes came from; it names the feed in errors, is every
  ///     article's `path`, and (for a URL) is the base for relative links.
  public static func parse(_ bytes: [UInt8], location: String) throws(FeedError) -> FeedDocument {
    XMLTree.initialise()
    let prepared = FeedBytes.prepare(bytes)
    if prepared.bytes.first == UInt8(ascii: "{") { return try JSONFeedReader.parse(prepared.bytes, location: location) }
    let url = location.contains("://") ? location : nil
    guard let tree = XMLTree.xml(prepared.bytes, encoding: prepared.encoding, url: url), let root = tree.root else {
      throw FeedError(location: location, message: "not XML that can be read as a feed")
    }
    switch root.name {
    case "rss", "RDF": return RSSReader.parse(root, location: location)
    case "feed": return AtomReader.parse(root, location: location)
    default: throw FeedError(location: location, message: "not a feed: the document is <\(root.name)>, not <rss>, <rdf:RDF> or <feed>")
    }
  }
}

/// Namespace URIs of the vocabularies feeds use.
enum FeedNamespace {
  static let rss: Set<String?> = [
    nil, "http://purl.org/rss/1.0/", "http://my.netscape.com/rdf/simple/0.9/", "http://backend.userland.com/rss2",
    "http://backend.userland.com/rss",
  ]
  static let atom: Set<String?> = ["http://www.w3.org/2005/Atom", "http://purl.org/atom/ns#"]
  static let atomOrNone: Set<String?> = atom.union([nil])
  static let content: Set<String?> = ["http://purl.org/rss/1.0/modules/content/"]
  static let dc: Set<String?> = ["http://purl.org/dc/elements/1.1/", "http://purl.org/dc/terms/"]
  static let rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
}

extension FeedInfo {
  /// What identifies the feed wherever it is read from.
  func key(or location: String) -> String { link ?? title ?? location }
}

/// Resolves a link against a base (xml:base or the feed's URL); nil for an empty link.
func resolveLink(_ link: String?, base: String?) -> String? {
  guard let trimmed = link?.trimmingCharacters(in: .whitespacesAndNewlines), !trimmed.isEmpty else { return nil }
  guard let base, let baseURL = URL(string: base), let url = URL(string: trimmed, relativeTo: baseURL) else { return trimmed }
  return url.absoluteString
}

enum RSSReader {
  static func parse(_ root: XMLNode, location: String) -> FeedDocument {
    let channel = root.element("channel", in: FeedNamespace.rss)
    let info = FeedInfo(
      title: channel?.element("title", in: FeedNamespace.rss)?.text.trimmed,
      link: resolveLink(channel?.element("link", in: FeedNamespace.rss)?.text, base: channel?.base),
      description: channel?.element("description", in: FeedNamespace.rss)?.text.trimmed)
    // RSS 0.9x and 2.0 put items in the channel; RDF (0.90 and 1.0) beside it.
    let items = (channel?.elements("item", in: FeedNamespace.rss) ?? []) + root.elements("item", in: FeedNamespace.rss)
    let fields = items.map { item($0, fallbackBase: info.link) }
    return FeedDocument(info: info, articles: FeedItem.articles(fields, info: info, location: location))
  }

  /// - Parameter fallbackBase: the channel's link, for feeds read from a file (no URL to resolve
  ///   relative links against).
  static func item(_ node: XMLNode, fallbackBase: String?) -> FeedItem {
    var item = FeedItem()
    let base = node.base ?? fallbackBase
    item.base = base
    item.title = node.element("title", in: FeedNamespace.rss)?.text ?? node.element("title", in: FeedNamespace.dc)?.text
    let guid = node.element("guid", in: FeedNamespace.rss)
    item.id = guid?.text.trimmed ?? node.attribute("about", namespace: FeedNamespace.rdf)
    var link = node.element("link", in: FeedNamespace.rss)?.text.trimmed
    if link == nil, let guid, guid.attribute("isPermaLink")?.lowercased() != "false", guid.text.contains("://") {
      link = guid.text.trimmed
    }
    if link == nil { link = node.attribute("about", namespace: FeedNamespace.rdf) }
    item.link = resolveLink(link, base: base)
    item.author = FeedItem.authorName(
      node.element("author", in: FeedNamespace.rss)?.text ?? node.element("creator", in: FeedNamespace.dc)?.text)
    let date = node.element("pubDate", in: FeedNamespace.rss) ?? node.element("date", in: FeedNamespace.dc)
    item.published = date.flatMap { FeedDate.parse($0.text) }
    item.updated = node.element("modified", in: FeedNamespace.dc).flatMap { FeedDate.parse($0.text) }
    item.summary = node.element("description", in: FeedNamespace.rss).flatMap(htmlBody)
    item.content = node.element("encoded", in: FeedNamespace.content).flatMap(htmlBody)
    item.enclosures = node.elements("enclosure", in: FeedNamespace.rss).compactMap { enclosure in
      resolveLink(enclosure.attribute("url"), base: base).map {
        Enclosure(url: $0, type: enclosure.attribute("type"), length: enclosure.attribute("length").flatMap { Int($0) })
      }
    }
    return item
  }
}

/// An RSS body: entity-encoded or CDATA HTML as text, or HTML written straight into the XML as
/// elements, which is kept as markup.
func htmlBody(_ node: XMLNode) -> FeedItem.Body? {
  let markup = node.elements.isEmpty ? node.text : node.innerMarkup
  return markup.trimmed == nil ? nil : .html(markup)
}

enum AtomReader {
  static func parse(_ root: XMLNode, location: String) -> FeedDocument {
    let ns = FeedNamespace.atomOrNone
    let info = FeedInfo(
      title: root.element("title", in: ns).map(text(of:))?.trimmed,
      link: alternateLink(root),
      description: (root.element("subtitle", in: ns) ?? root.element("tagline", in: ns)).map(text(of:))?.trimmed)
    let feedAuthor = root.element("author", in: ns)?.element("name", in: ns)?.text.trimmed
    let fields = root.elements("entry", in: ns).map { entry in
      var item = self.entry(entry)
      if item.author == nil { item.author = feedAuthor }
      return item
    }
    return FeedDocument(info: info, articles: FeedItem.articles(fields, info: info, location: location))
  }

  static func entry(_ node: XMLNode) -> FeedItem {
    let ns = FeedNamespace.atomOrNone
    var item = FeedItem()
    item.base = node.base
    item.id = node.element("id", in: ns)?.text.trimmed
    if let title = node.element("title", in: ns) {
      item.title = text(of: title)
      item.titleIsHTML = isHTML(title)
    }
    item.link = alternateLink(node)
    item.author = node.element("author", in: ns)?.element("name", in: ns)?.text.trimmed
      ?? node.element("creator", in: FeedNamespace.dc)?.text.trimmed
    let published = node.element("published", in: ns) ?? node.element("issued", in: ns) ?? node.element("created", in: ns)
    item.published = published.flatMap { FeedDate.parse($0.text) }
    let updated = node.element("updated", in: ns) ?? node.element("modified", in: ns)
    item.updated = updated.flatMap { FeedDate.parse($0.text) }
    if item.published == nil { item.published = item.updated }
    item.summary = node.element("summary", in: ns).flatMap(body(of:))
    item.content = node.element("content", in: ns).flatMap(body(of:))
    item.enclosures = node.elements("link", in: ns).filter { $0.attribute("rel") == "enclosure" }.compactMap { link in
      resolveLink(link.attribute("href"), base: link.base).map {
        Enclosure(url: $0, type: link.attribute("type"), length: link.attribute("length").flatMap { Int($0) })
      }
    }
    return item
  }

  /// The `rel="alternate"` link (or one without rel), resolved against xml:base.
  static func alternateLink(_ node: XMLNode) -> String? {
    let links = node.elements("link", in: FeedNamespace.atomOrNone)
    let chosen = links.first { ($0.attribute("rel") ?? "alternate") == "alternate" && $0.attribute("type").map { $0.contains("html") } ?? true }
      ?? links.first { ($0.attribute("rel") ?? "alternate") == "alternate" }
    return chosen.flatMap { resolveLink($0.attribute("href"), base: $0.base) }
  }

  /// Atom text constructs: type="text" (or none), "html", "xhtml" (a div of markup); Atom 0.3's
  /// mode="escaped" and mode="xml" mean the same as html and xhtml.
  static func body(of node: XMLNode) -> FeedItem.Body? {
    let type = (node.attribute("type") ?? "text").lowercased()
    let mode = node.attribute("mode")?.lowercased()
    if type == "xhtml" || type.hasSuffix("xhtml+xml") || mode == "xml" {
      return .html(node.innerMarkup)
    }
    let value = node.text
    guard value.trimmed != nil else { return nil }
    if type == "html" || type == "text/html" || mode == "escaped" { return .html(value) }
    return .text(value)
  }

  private static func isHTML(_ node: XMLNode) -> Bool {
    let type = (node.attribute("type") ?? "text").lowercased()
    return type == "html" || type == "xhtml" || type == "text/html" || node.attribute("mode") == "escaped"
  }

  private static func text(of node: XMLNode) -> String {
    switch body(of: node) {
    case .html(let html): return HTMLText.parse(html, base: nil).paragraphs.joined(separator: " ")
    case .text(let text): return text
    case nil: return ""
    }
  }
}

enum JSONFeedReader {
  static func parse(_ bytes: [UInt8], location: String) throws(FeedError) -> FeedDocument {
    let object: Any
    do {
      object = try JSONSerialization.jsonObject(with: Data(bytes))
    } catch {
      throw FeedError(location: location, message: "not valid JSON: \((error as NSError).localizedDescription)")
    }
    guard let feed = object as? [String: Any] else {
      throw FeedError(location: location, message: "a JSON Feed is an object")
    }
    guard let version = feed["version"] as? String, version.contains("jsonfeed.org/version/1") else {
      throw FeedError(location: location, message: "not a JSON Feed: no \"version\" of https://jsonfeed.org/version/1 or 1.1")
    }
    let base = feed["feed_url"] as? String ?? (location.contains("://") ? location : nil)
    let info = FeedInfo(
      title: (feed["title"] as? String)?.trimmed, link: resolveLink(feed["home_page_url"] as? String, base: base),
      description: (feed["description"] as? String)?.trimmed)
    let feedAuthor = authorName(feed)
    let items = feed["items"] as? [Any] ?? []
    let fields = items.compactMap { value -> FeedItem? in
      guard let entry = value as? [String: Any] else { return nil }
      var item = FeedItem()
      item.id = (entry["id"] as? String) ?? (entry["id"] as? NSNumber)?.stringValue
      item.title = entry["title"] as? String
      item.link = resolveLink((entry["url"] as? String) ?? (entry["external_url"] as? String), base: base)
      item.base = item.link ?? base
      item.author = authorName(entry) ?? feedAuthor
      item.published = (entry["date_published"] as? String).flatMap(FeedDate.parse)
      item.updated = (entry["date_modified"] as? String).flatMap(FeedDate.parse)
      if let html = entry["content_html"] as? String {
        item.content = .html(html)
      } else if let text = entry["content_text"] as? String {
        item.content = .text(text)
      }
      if let summary = entry["summary"] as? String { item.summary = .text(summary) }
      item.enclosures = (entry["attachments"] as? [[String: Any]] ?? []).compactMap { attachment in
        resolveLink(attachment["url"] as? String, base: base).map {
          Enclosure(url: $0, type: attachment["mime_type"] as? String, length: (attachment["size_in_bytes"] as? NSNumber)?.intValue)
        }
      }
      return item
    }
    return FeedDocument(info: info, articles: FeedItem.articles(fields, info: info, location: location))
  }

  /// JSON Feed 1.1's `authors` list, or 1.0's `author`.
  private static func authorName(_ object: [String: Any]) -> String? {
    if let authors = object["authors"] as? [[String: Any]], let name = authors.first?["name"] as? String { return name }
    return (object["author"] as? [String: Any])?["name"] as? String
  }
}

extension String {
  /// Without surrounding white space; nil when nothing else is left.
  var trimmed: String? {
    let value = trimmingCharacters(in: .whitespacesAndNewlines)
    return value.isEmpty ? nil : value
  }
}
