import CLibXML2

/// Reads an RSS or Atom feed with libxml2's push parser, one item at a time: chunks of input
/// build a partial tree; after each chunk every item that is complete (no longer on the path
/// of open elements) is read and freed. Memory is bounded by the largest item whatever the
/// feed's size, the first items are ready before the last bytes are read, and broken XML is
/// recovered as far as it goes: at the end, a truncated last item is read too.
///
/// Liberal where the meaning is unambiguous: element names in any letter case, an unknown
/// namespace on the root taken as the feed's own.
final class XMLFeedReader {
  enum Kind { case rss, atom }

  let location: String
  private(set) var kind: Kind = .rss
  private let input: FeedInput
  private let context: xmlParserCtxtPtr
  private var inputEnded = false
  private var ready: [FeedItem] = []
  private var readyIndex = 0
  private var rssItems = RSSItemReader(core: FeedNamespace.rss)
  private var atomEntries = AtomEntryReader(core: FeedNamespace.atomOrNone)
  private var builder = FeedInfoBuilder()
  private var feedAuthor: String?
  /// What went wrong on the way: ill-formed XML (recovered as far as it goes), a read error,
  /// the size limit. Known once `next()` has returned nil.
  private(set) var problem: String?

  /// Bytes taken from the source so far.
  var bytesRead: Int { input.bytesRead }

  var info: FeedInfo { builder.info }

  /// Opens the feed and reads up to its root element; throws when it is not XML or not a feed.
  init(_ input: FeedInput, location: String) throws(FeedError) {
    XMLParserSetup.initialise()
    self.input = input
    self.location = location
    let url = location.containsBytes("://") ? location : nil
    guard let context = xmlCreatePushParserCtxt(nil, nil, nil, 0, url) else {
      throw FeedError(location: location, message: "cannot start the XML parser")
    }
    self.context = context
    // No NOENT (entities are never substituted beyond XML's own), no DTD loading, no network;
    // libxml2's own expansion limits stay on (no HUGE). IGNORE_ENC: the input is UTF-8 already,
    // whatever the declaration says.
    let options = Int32(
      XML_PARSE_RECOVER.rawValue | XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue
        | XML_PARSE_NOCDATA.rawValue | XML_PARSE_COMPACT.rawValue | XML_PARSE_IGNORE_ENC.rawValue)
    xmlCtxtUseOptions(context, options)
    context.pointee.sax.pointee.serror = ignoreXMLError
    while root == nil && !inputEnded { pushChunk() }
    guard let root else {
      throw FeedError(location: location, message: input.failure ?? "not XML that can be read as a feed")
    }
    let rootName = root.name
    let rootNamespace = root.namespace
    switch rootName.lowercased() {
    case "rss", "rdf", "channel": kind = .rss
    case "feed": kind = .atom
    default:
      throw FeedError(
        location: location, message: "not a feed: the document is <\(rootName)>, not <rss>, <rdf:RDF> or <feed>")
    }
    let own: Set<String?> = FeedNamespace.known.contains(rootNamespace) ? [] : [rootNamespace]
    rssItems = RSSItemReader(core: FeedNamespace.rss.union(own))
    atomEntries = AtomEntryReader(core: FeedNamespace.atomOrNone.union(own))
  }

  deinit {
    if let document = context.pointee.myDoc { xmlFreeDoc(document) }
    xmlFreeParserCtxt(context)
  }

  /// The next item, or nil at the end of the feed.
  func next() -> FeedItem? {
    while readyIndex == ready.count {
      ready.removeAll(keepingCapacity: true)
      readyIndex = 0
      if inputEnded { return nil }
      pushChunk()
      harvest()
    }
    defer { readyIndex += 1 }
    return ready[readyIndex]
  }

  private var root: XMLNode? {
    context.pointee.myDoc.flatMap { xmlDocGetRootElement($0) }.map(XMLNode.init)
  }

  /// Gives the parser one chunk of input, or tells it the input has ended.
  private func pushChunk() {
    var chunk = [CChar](repeating: 0, count: FeedInput.chunkSize)
    let count = chunk.withUnsafeMutableBufferPointer { input.fill($0.baseAddress!, count: $0.count) }
    if count > 0 {
      xmlParseChunk(context, chunk, Int32(count), 0)
    } else {
      xmlParseChunk(context, nil, 0, 1)
      inputEnded = true
      problem = input.failure ?? illFormedness()
    }
  }

  /// What libxml2 recovered from, with the line of its last error, when the XML was not
  /// well-formed.
  private func illFormedness() -> String? {
    guard context.pointee.wellFormed == 0 else { return nil }
    let error = context.pointee.lastError
    let message = error.message.map { String(cString: $0).trimmed ?? "" } ?? ""
    let line = error.line > 0 ? " at line \(error.line)" : ""
    return "ill-formed XML\(line)" + (message.isEmpty ? "" : " (\(message))")
  }

  /// Reads and frees every element that is complete: items become `ready`, channel- or
  /// feed-level elements describe the feed. After the input has ended, everything is complete.
  private func harvest() {
    guard let root else { return }
    let open = openElements()
    switch kind {
    case .rss:
      if root.isNamed("channel") {
        // A CDF channel names its site in an attribute: `<CHANNEL HREF="…">`.
        builder.readCDFChannel(root)
        harvestChildren(of: root, open: open, channel: true)
      } else {
        for child in root.children {
          if child.isElement && child.isNamed("channel", in: rssItems.core) {
            harvestChildren(of: child, open: open, channel: true)
            if !open.contains(child.pointer) { free(child) }
          } else {
            harvestChild(child, open: open, channel: false)
          }
        }
      }
    case .atom:
      for child in root.children { harvestChild(child, open: open, channel: true) }
    }
  }

  private func harvestChildren(of container: XMLNode, open: Set<xmlNodePtr>, channel: Bool) {
    for child in container.children { harvestChild(child, open: open, channel: channel) }
  }

  private func harvestChild(_ child: XMLNode, open: Set<xmlNodePtr>, channel: Bool) {
    if open.contains(child.pointer) { return }
    // The last text node may still be growing: libxml2 appends the next characters to it.
    if !child.isElement && child.pointer.pointee.next == nil && !inputEnded { return }
    if child.isElement {
      switch kind {
      case .rss:
        if child.isNamed("item", in: rssItems.core) {
          ready.append(finished(rssItems.item(child, fallbackBase: info.link)))
        } else if channel {
          builder.readRSSChannelChild(child, core: rssItems.core)
        }
      case .atom:
        readAtomChild(child)
      }
    }
    free(child)
  }

  private func readAtomChild(_ node: XMLNode) {
    let core = atomEntries.core
    if node.isNamed("entry", in: core) {
      var item = atomEntries.entry(node)
      if item.author == nil { item.author = feedAuthor }
      ready.append(finished(item))
    } else if node.isNamed("author", in: core) {
      if feedAuthor == nil { feedAuthor = ChildElements(node).first("name", in: core)?.text.trimmed }
    } else if node.isNamed("link", in: core) {
      builder.atomLinks.append(
        node.attribute("rel") ?? "alternate", node.attribute("type"), resolveLink(node.attribute("href"), base: node.base))
    } else {
      builder.readAtomFeedChild(node, core: core)
    }
  }

  /// The elements the parser is still inside: none once the input has ended.
  private func openElements() -> Set<xmlNodePtr> {
    guard !inputEnded else { return [] }
    var open = Set<xmlNodePtr>()
    var node = context.pointee.node
    while let current = node {
      open.insert(current)
      node = current.pointee.parent.flatMap { $0.pointee.type == XML_ELEMENT_NODE ? xmlNodePtr($0) : nil }
    }
    return open
  }

  private func free(_ node: XMLNode) {
    xmlUnlinkNode(node.pointer)
    xmlFreeNode(node.pointer)
  }

  private func finished(_ item: FeedItem) -> FeedItem {
    var item = item
    item.source = info.title
    item.feedKey = info.key(or: location)
    item.location = location
    return item
  }
}

/// libxml2 reports errors through this, which says nothing: broken feeds are recovered, and
/// what matters is reported by the reader.
private let ignoreXMLError: xmlStructuredErrorFunc = { _, _ in }

/// libxml2 must be initialised once before threads use it.
enum XMLParserSetup {
  private static let initialised: Bool = {
    xmlInitParser()
    return true
  }()

  static func initialise() { _ = initialised }
}

/// The feed's own description, gathered from channel- or feed-level elements as they stream by:
/// for each field the first core element wins, Dublin Core and iTunes fill what is missing.
struct FeedInfoBuilder {
  private var title: String?
  private var fallbackTitle: String?
  private var link: String?
  private var description: String?
  private var fallbackDescription: String?
  var atomLinks = AtomLinks()

  var info: FeedInfo {
    FeedInfo(title: title ?? fallbackTitle, link: link ?? atomLinks.alternate, description: description ?? fallbackDescription)
  }

  mutating func readRSSChannelChild(_ node: XMLNode, core: Set<String?>) {
    if node.isNamed("title", in: core) {
      if title == nil { title = node.text.trimmed.map { FeedItem.headline(RSSItemReader.titleBody($0)) ?? $0 } }
    } else if node.isNamed("title", in: FeedNamespace.dc) {
      if fallbackTitle == nil { fallbackTitle = node.text.trimmed }
    } else if node.isNamed("link", in: core) {
      if link == nil { link = resolveLink(node.text, base: node.base) }
    } else if node.isNamed("description", in: core) || node.isNamed("abstract", in: core) {
      if description == nil { description = node.text.trimmed }
    } else if node.isNamed("description", in: FeedNamespace.dc) || node.isNamed("summary", in: FeedNamespace.itunes)
      || node.isNamed("subtitle", in: FeedNamespace.itunes)
    {
      if fallbackDescription == nil { fallbackDescription = node.text.trimmed }
    }
  }

  /// A CDF channel's `HREF`, the site it describes.
  mutating func readCDFChannel(_ node: XMLNode) {
    if link == nil { link = RSSItemReader.cdfAttribute("href", of: node).flatMap { resolveLink($0, base: node.base) } }
  }

  mutating func readAtomFeedChild(_ node: XMLNode, core: Set<String?>) {
    if node.isNamed("title", in: core) {
      if title == nil { title = AtomEntryReader.text(of: node) }
    } else if node.isNamed("title", in: FeedNamespace.dc) {
      if fallbackTitle == nil { fallbackTitle = node.text.trimmed }
    } else if node.isNamed("subtitle", in: core) || node.isNamed("tagline", in: core) {
      if description == nil { description = AtomEntryReader.text(of: node) }
    } else if node.isNamed("description", in: FeedNamespace.dc) {
      if fallbackDescription == nil { fallbackDescription = node.text.trimmed }
    }
  }

  /// Atom's feed-level links: the alternate HTML one is the site.
  struct AtomLinks {
    private var preferred: String?
    private var any: String?

    mutating func append(_ rel: String, _ type: String?, _ href: String?) {
      guard rel == "alternate", let href else { return }
      if preferred == nil, type.map({ $0.containsBytes("html") }) ?? true { preferred = href }
      if any == nil { any = href }
    }

    var alternate: String? { preferred ?? any }
  }
}
