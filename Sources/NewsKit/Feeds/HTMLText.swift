import CLibXML2
import Foundation

/// An article body read from HTML: its paragraphs, its numbered links, and which paragraphs
/// came from a blockquote.
public struct HTMLText: Sendable, Hashable {
  public var paragraphs: [String] = []
  /// Link targets in order; the text shows `[n]` after a link, n counting from 1.
  public var links: [String] = []
  /// Runs of paragraphs that were inside a blockquote.
  public var blockquotes: [ClosedRange<Int>] = []
  /// Paragraphs (of an extraction) that are a figure's caption, or only images and links: not body text for `herald
  /// extract`, which prints the body alone.
  var captions: Set<Int> = []

  /// Turns HTML into paragraphs with libxml2's HTML parser: p, div, li, blockquote, h1–h6, pre,
  /// table rows and a double br make paragraphs; inline markup is flattened; entities decoded;
  /// white space collapsed; scripts and styles dropped with their content, embedded objects
  /// (iframe, object, embed, …) dropped without the text around them; an image becomes `[image: alt]`;
  /// `<q>` gets quotation marks. Relative links are resolved against `base`.
  public static func parse(_ html: String, base: String?) -> HTMLText {
    guard let tree = XMLTree.html(html), let root = tree.root else { return HTMLText() }
    var walker = Walker(base: base.flatMap { URL(string: $0) })
    walker.visit(root)
    walker.flush()
    return walker.result
  }

  /// The text of the nodes of a page an extractor chose, in order, leaving out every node
  /// `skips` says is not the article's (boilerplate inside the content).
  static func read(_ nodes: [XMLNode], base: URL?, skips: @escaping (xmlNodePtr) -> Bool) -> HTMLText {
    var walker = Walker(base: base, skips: skips, extracting: true)
    for node in nodes {
      walker.visit(node)
      walker.flush()
    }
    return walker.result
  }

  /// How deep the walk follows elements before taking the rest as plain text.
  private static let deepest = 200
  /// Elements whose content is code or widgetry, dropped with everything inside.
  private static let skipped: Set<String> = [
    "script", "style", "noscript", "template", "head", "title", "svg", "math", "button", "select", "textarea",
  ]
  /// Embedded or void elements that are dropped themselves while what the parser put inside them
  /// is kept: libxml2 nests the text after an unclosed `<embed>` or `<iframe>` in it, and that
  /// text is the element's neighbours', not its own.
  private static let transparent: Set<String> = [
    "embed", "frame", "frameset", "link", "meta", "param", "source", "track", "base", "input", "keygen", "area", "col",
    "wbr", "form",
  ]
  /// Embedding containers: their own content (fallback text) is dropped, but one left unclosed
  /// swallows the rest of its parent, so when it has no following sibling what it holds is
  /// the neighbours' text and is kept.
  private static let embedding: Set<String> = ["iframe", "object", "applet"]
  private static let blocks: Set<String> = [
    "p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "tr", "section", "article", "header", "footer",
    "aside", "figure", "figcaption", "table", "tbody", "thead", "tfoot", "ul", "ol", "dl", "dt", "dd", "hr",
    "address", "main", "nav", "details", "summary", "center", "body", "html", "caption",
  ]

  /// Builds each paragraph as UTF-8 bytes copied from libxml2's nodes, made a String once,
  /// with its white space collapsed: a String per text node, and appending it to a String
  /// that was collapsed into another, cost a twentieth of `show --json`.
  private struct Walker {
    let base: URL?
    var skips: ((xmlNodePtr) -> Bool)? = nil
    /// Reading a page for the extractor: link numbers and images are fenced (`LinkNumbers`)
    /// and captions recorded, so that the body alone can be had from the same walk.
    var extracting = false
    var result = HTMLText()
    var captionDepth = 0
    var current: [UInt8] = []
    var breaks = 0
    var blockquoteDepth = 0
    var depth = 0

    mutating func visit(_ node: XMLNode) {
      if node.isText {
        guard let content = node.pointer.pointee.content else { return }
        let text = UnsafeBufferPointer(start: content, count: strlen(content))
        if UTF8Whitespace.hasVisibleText(text) { breaks = 0 }
        appendRepairingC1(text)
        return
      }
      guard node.isElement else { return }
      if let skips, skips(node.pointer) { return }
      let name = node.name.lowercased()
      if HTMLText.skipped.contains(name) { return }
      if HTMLText.embedding.contains(name) && node.pointer.pointee.next != nil { return }
      if HTMLText.transparent.contains(name) || HTMLText.embedding.contains(name) {
        current.append(space)
        visitChildren(node)
        return
      }
      switch name {
      case "br":
        breaks += 1
        if breaks >= 2 { flush() } else { current.append(space) }
      case "img":
        let alt = node.attribute("alt")?.trimmed ?? ""
        let image = alt.isEmpty ? "[image]" : "[image: \(alt)]"
        current.appendUTF8(extracting ? " \u{E000}\(image)\u{E001} " : " \(image) ")
        breaks = 0
      case "a":
        visitChildren(node)
        if let href = node.attribute("href"), let url = resolve(href) {
          result.links.append(url)
          // Read for extraction, the number is fenced by two private-use characters so that
          // the body alone can be had without it (`LinkNumbers`).
          current.appendUTF8(extracting ? "\u{E000}[\(result.links.count)]\u{E001}" : "[\(result.links.count)]")
        }
      case "q":
        current.appendUTF8("“")
        visitChildren(node)
        current.appendUTF8("”")
      case "td", "th":
        if current.withUnsafeBufferPointer(UTF8Whitespace.hasVisibleText) { current.appendUTF8(" | ") }
        visitChildren(node)
      case "blockquote":
        flush()
        let first = result.paragraphs.count
        blockquoteDepth += 1
        visitChildren(node)
        flush()
        blockquoteDepth -= 1
        if result.paragraphs.count > first && blockquoteDepth == 0 {
          result.blockquotes.append(first...(result.paragraphs.count - 1))
        }
      case "figcaption":
        flush()
        captionDepth += 1
        visitChildren(node)
        flush()
        captionDepth -= 1
      case _ where HTMLText.blocks.contains(name):
        flush()
        if name == "li" { current.appendUTF8("• ") }
        visitChildren(node)
        flush()
      default:
        visitChildren(node)
      }
    }

    private var space: UInt8 { UInt8(ascii: " ") }

    /// Appends a text node's bytes with each C1 control (U+0080–U+009F, which the HTML parser
    /// makes of `&#146;`) read as the Windows-1252 character it stands for, as browsers do.
    private mutating func appendRepairingC1(_ text: UnsafeBufferPointer<UInt8>) {
      guard let base = text.baseAddress, memchr(base, 0xC2, text.count) != nil else {
        current.append(contentsOf: text)
        return
      }
      var index = 0
      while index < text.count {
        if text[index] == 0xC2, index + 1 < text.count, (0x80...0x9F).contains(text[index + 1]) {
          LegacyDecoder.appendUTF8(LegacyTextDecoding.windows1252(text[index + 1]).value, to: &current)
          index += 2
        } else {
          current.append(text[index])
          index += 1
        }
      }
    }

    mutating func visitChildren(_ node: XMLNode) {
      // Markup nested deeper than any real page is read as plain text, so hostile nesting
      // cannot exhaust the stack of the thread building articles.
      guard depth < HTMLText.deepest else {
        current.appendUTF8(" " + node.allText + " ")
        return
      }
      depth += 1
      defer { depth -= 1 }
      var child = node.pointer.pointee.children
      while let pointer = child {
        visit(XMLNode(pointer))
        child = pointer.pointee.next
      }
    }

    /// Ends the paragraph being built, if it has any text.
    mutating func flush() {
      let collapsed = current.withUnsafeBufferPointer(UTF8Whitespace.collapsed)
      current.removeAll(keepingCapacity: true)
      breaks = 0
      guard !collapsed.isEmpty, collapsed != "•" else { return }
      if extracting && (captionDepth > 0 || LinkNumbers.removed(collapsed).isEmpty) {
        result.captions.insert(result.paragraphs.count)
      }
      result.paragraphs.append(collapsed)
    }

    func resolve(_ href: String) -> String? {
      let trimmed = href.trimmed ?? ""
      guard !trimmed.isEmpty, !trimmed.hasPrefix("#"), let url = URL(string: trimmed, relativeTo: base) else { return nil }
      let scheme = url.scheme?.lowercased()
      guard scheme == "http" || scheme == "https" || scheme == "mailto" else { return nil }
      return url.absoluteString
    }
  }
}
