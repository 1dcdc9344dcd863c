import CLibXML2

/// A parsed HTML document, owned: libxml2's tree is freed with it. Nodes are read through
/// `XMLNode` values that must not outlive the document. (Feeds are not parsed into a tree: see
/// `XMLFeedReader`, which streams.)
final class XMLTree {
  let document: xmlDocPtr

  private init(document: xmlDocPtr) {
    self.document = document
  }

  deinit { xmlFreeDoc(document) }

  /// libxml2 must be initialised once before threads use it.
  private static let initialised: Bool = {
    xmlInitParser()
    return true
  }()

  static func initialise() { _ = initialised }

  /// Parses an HTML fragment or page the way a browser would, broken markup and all.
  static func html(_ text: String) -> XMLTree? {
    let options = Int32(
      HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
        | HTML_PARSE_NONET.rawValue | HTML_PARSE_NOIMPLIED.rawValue | HTML_PARSE_COMPACT.rawValue
        // Without it libxml2 gives up on markup nested over 256 deep and every word is lost;
        // the walk over the tree bounds its own depth (HTMLText).
        | XML_PARSE_HUGE.rawValue)
    var bytes = Array(text.utf8)
    closeUnclosedComment(&bytes)
    // An empty buffer gives no document; a fragment needs a root to hang from.
    bytes = Array("<div>".utf8) + bytes + Array("</div>".utf8)
    let document = bytes.withUnsafeBufferPointer { buffer in
      buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) { pointer in
        htmlReadMemory(pointer, Int32(buffer.count), nil, "UTF-8", options)
      }
    }
    return document.map(XMLTree.init(document:))
  }

  /// Parses a whole web page, given as UTF-8, the way a browser would. The parser adds the
  /// `<html>` and `<body>` a page leaves out, and never loads anything.
  static func page(_ utf8: [UInt8]) -> XMLTree? {
    initialise()
    let options = Int32(
      HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
        | HTML_PARSE_NONET.rawValue | HTML_PARSE_COMPACT.rawValue | XML_PARSE_HUGE.rawValue)
    var bytes = utf8
    closeUnclosedComment(&bytes)
    if bytes.isEmpty { bytes = Array("<html></html>".utf8) }
    let document = bytes.withUnsafeBufferPointer { buffer in
      buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) { pointer in
        htmlReadMemory(pointer, Int32(clamping: buffer.count), nil, "UTF-8", options)
      }
    }
    return document.map(XMLTree.init(document:))
  }

  /// A comment never closed would hide the rest of the text from the parser (`sa<!-- -- x
  /// >fe` would be "sa"); it is ended at its first `>`, as SGML reads `<!-- -- … >` and as the
  /// text after it is nearly always meant to be seen.
  static func closeUnclosedComment(_ bytes: inout [UInt8]) {
    let opening = Array("<!--".utf8)
    let closing = Array("-->".utf8)
    var from = 0
    while let start = firstRange(of: opening, in: bytes, from: from) {
      let body = start + opening.count
      if let end = firstRange(of: closing, in: bytes, from: body) {
        from = end + closing.count
        continue
      }
      guard let close = bytes[body...].firstIndex(of: UInt8(ascii: ">")) else { return }
      bytes.replaceSubrange(close...close, with: closing)
      from = close + closing.count
    }
  }

  private static func firstRange(of marker: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
    // By the `!` of `<!--` (or the first `-` of `-->`): rarer than `<` in markup.
    bytes.withUnsafeBufferPointer { ByteSearch.firstIndex(of: marker, anchor: marker.first == UInt8(ascii: "<") ? 1 : 0, in: $0, from: start) }
  }

  /// Parses a small XML document whole (an OPML file): no network, no entity expansion, no
  /// DTD loading. Nil when it is not well-formed XML; `error` then says where.
  static func xml(_ bytes: [UInt8], error: inout String?) -> XMLTree? {
    initialise()
    let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue)
    let document = bytes.withUnsafeBufferPointer { buffer -> xmlDocPtr? in
      guard let base = buffer.baseAddress else { return nil }
      return base.withMemoryRebound(to: CChar.self, capacity: buffer.count) { pointer in
        xmlReadMemory(pointer, Int32(clamping: buffer.count), nil, nil, options)
      }
    }
    guard let document else {
      if let last = xmlGetLastError() {
        let message = last.pointee.message.map { String(cString: $0) }?.trimmingCharacters(in: .whitespacesAndNewlines)
        error = "not well-formed XML at line \(last.pointee.line)" + (message.map { " (\($0))" } ?? "")
      } else {
        error = "not well-formed XML"
      }
      return nil
    }
    return XMLTree(document: document)
  }

  var root: XMLNode? {
    xmlDocGetRootElement(document).map(XMLNode.init)
  }
}

/// An element or text node of an `XMLTree`.
struct XMLNode {
  let pointer: xmlNodePtr

  init(_ pointer: xmlNodePtr) {
    self.pointer = pointer
  }

  var isElement: Bool { pointer.pointee.type == XML_ELEMENT_NODE }
  var isText: Bool { pointer.pointee.type == XML_TEXT_NODE || pointer.pointee.type == XML_CDATA_SECTION_NODE }

  /// The local name, without a prefix.
  var name: String { pointer.pointee.name.map { String(cString: $0) } ?? "" }

  /// The namespace URI, whatever prefix the document gave it.
  var namespace: String? { pointer.pointee.ns?.pointee.href.map { String(cString: $0) } }

  var children: [XMLNode] {
    var result: [XMLNode] = []
    var child = pointer.pointee.children
    while let node = child {
      result.append(XMLNode(node))
      child = node.pointee.next
    }
    return result
  }

  var elements: [XMLNode] { children.filter(\.isElement) }

  /// The first child element with this local name (in any letter case), in the namespace if
  /// one is given.
  func element(_ name: String, in namespaces: Set<String?>? = nil) -> XMLNode? {
    elements.first { $0.isNamed(name, in: namespaces) }
  }

  func elements(_ name: String, in namespaces: Set<String?>? = nil) -> [XMLNode] {
    elements.filter { $0.isNamed(name, in: namespaces) }
  }

  /// Whether the local name is `name` (lower case) in any letter case, and the namespace one of
  /// `namespaces` (any when nil). Feeds written by hand spell `<TiTlE>` too.
  func isNamed(_ name: String, in namespaces: Set<String?>? = nil) -> Bool {
    guard let raw = pointer.pointee.name else { return false }
    var index = 0
    for var expected in name.utf8 {
      if expected >= 0x41 && expected <= 0x5A { expected += 0x20 }
      var byte = raw[index]
      guard byte != 0 else { return false }
      if byte >= 0x41 && byte <= 0x5A { byte += 0x20 }
      guard byte == expected else { return false }
      index += 1
    }
    guard raw[index] == 0 else { return false }
    return namespaces?.contains(namespace) ?? true
  }

  /// All the text inside, entities decoded.
  /// The text of this node and everything under it, gathered by libxml2 without recursion.
  var allText: String {
    guard let content = xmlNodeGetContent(pointer) else { return "" }
    defer { herald_xml_free(content) }
    return String(cString: content)
  }

  var text: String {
    guard let content = xmlNodeGetContent(pointer) else { return "" }
    defer { herald_xml_free(content) }
    return String(cString: content)
  }

  func attribute(_ name: String) -> String? {
    guard let value = xmlGetProp(pointer, name) else { return nil }
    defer { herald_xml_free(value) }
    return String(cString: value)
  }

  func attribute(_ name: String, namespace: String) -> String? {
    guard let value = xmlGetNsProp(pointer, name, namespace) else { return nil }
    defer { herald_xml_free(value) }
    return String(cString: value)
  }

  /// The base URI in force at this node (xml:base, resolved against its ancestors and the
  /// document's URL).
  var base: String? {
    guard let document = pointer.pointee.doc, let value = xmlNodeGetBase(document, pointer) else { return nil }
    defer { herald_xml_free(value) }
    return String(cString: value)
  }

  /// The node's children serialised back to markup (for Atom xhtml content).
  var innerMarkup: String {
    guard let buffer = xmlBufferCreate() else { return "" }
    defer { xmlBufferFree(buffer) }
    for child in children {
      xmlNodeDump(buffer, pointer.pointee.doc, child.pointer, 0, 0)
    }
    guard let content = xmlBufferContent(buffer) else { return "" }
    return String(cString: content)
  }
}
