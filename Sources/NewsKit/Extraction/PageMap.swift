import CLibXML2
import Foundation

/// A page's elements in document order, each measured once: how much text it holds, how much of
/// that is link text, its commas and paragraphs, and whether it is left out of the article
/// (code, widgetry, navigation, hidden, or boilerplate by its name). Built without recursion,
/// so nesting 10,000 deep costs time, not stack.
struct PageMap {
  struct Element {
    let pointer: xmlNodePtr
    /// Index of the parent element, -1 for the root.
    let parent: Int
    let depth: Int
    let tag: String
    let hints: PageHints
    /// Left out with everything inside: its text counts nowhere.
    var dropped: Bool
    /// Visible bytes (not white space) of the text nodes directly inside.
    var ownText = 0
    /// Visible bytes of all text inside, and of the text inside links.
    var text = 0
    var linkText = 0
    var commas = 0
    /// Paragraph-like elements inside (p, pre, blockquote, …), itself included.
    var paragraphs = 0
    var blockChildren = 0

    var linkDensity: Double { text == 0 ? 0 : Double(linkText) / Double(text) }
  }

  /// Elements never part of an article, whatever they hold.
  static let droppedTags: Set<String> = [
    "script", "style", "noscript", "template", "svg", "math", "button", "select", "textarea", "input", "option",
    "iframe", "object", "embed", "applet", "nav", "aside", "footer", "dialog", "menu", "head", "title", "label",
    "canvas", "video", "audio", "map", "link", "meta", "base", "frameset", "frame",
  ]
  static let paragraphTags: Set<String> = ["p", "pre", "blockquote", "td", "dd", "li", "h2", "h3", "h4"]
  static let blockTags: Set<String> = [
    "p", "div", "section", "article", "main", "ul", "ol", "dl", "table", "tbody", "tr", "td", "pre", "blockquote",
    "h1", "h2", "h3", "h4", "h5", "h6", "figure", "header", "form", "li", "dd", "dt", "hr", "br",
  ]

  var elements: [Element] = []
  /// Where each element's pointer is in `elements`.
  var index: [xmlNodePtr: Int] = [:]
  /// `<script type="application/ld+json">`, `<meta>`, `<link>`, `<title>` and `<time>`
  /// wherever they are: what the metadata is read from.
  var metadataNodes: [xmlNodePtr] = []

  /// Measures the page; with `honouringNames` false, boilerplate by name is kept (the lenient
  /// second try for a page whose content itself is named like boilerplate, a forum's posts).
  init(root: XMLNode, honouringNames: Bool) {
    var stack: [(pointer: xmlNodePtr, parent: Int, depth: Int, inLink: Bool)] = [(root.pointer, -1, 0, false)]
    while let (pointer, parent, depth, inLink) = stack.popLast() {
      let type = pointer.pointee.type
      if type == XML_TEXT_NODE || type == XML_CDATA_SECTION_NODE {
        guard parent >= 0, let content = pointer.pointee.content else { continue }
        let (visible, commas) = Self.count(content)
        elements[parent].ownText += visible
        elements[parent].commas += commas
        if inLink { elements[parent].linkText += visible }
        continue
      }
      guard type == XML_ELEMENT_NODE else { continue }
      let tag = XMLNode(pointer).name.lowercased()
      let node = XMLNode(pointer)
      if tag == "meta" || tag == "link" || tag == "title" || tag == "time"
        || (tag == "script" && node.attribute("type")?.lowercased().contains("ld+json") == true)
      {
        metadataNodes.append(pointer)
      }
      let hints = PageHints(names: [node.attribute("class"), node.attribute("id")].compactMap { $0 }.joined(separator: " "), role: node.attribute("role"))
      var dropped = Self.droppedTags.contains(tag) || Self.isHidden(node)
      if honouringNames, hints.isBoilerplate, !Self.protectedTags.contains(tag),
        node.attribute("itemprop")?.lowercased() != "articlebody"
      {
        dropped = true
      }
      if tag == "header" && honouringNames && !hints.positive { dropped = true }
      let position = elements.count
      elements.append(Element(pointer: pointer, parent: parent, depth: depth, tag: tag, hints: hints, dropped: dropped))
      index[pointer] = position
      if parent >= 0, Self.blockTags.contains(tag) { elements[parent].blockChildren += 1 }
      if tag == "head" { recordMetadata(inHead: pointer) }
      guard !dropped else { continue }
      let linked = inLink || tag == "a"
      var children: [xmlNodePtr] = []
      var child = pointer.pointee.children
      while let next = child {
        children.append(next)
        child = next.pointee.next
      }
      for next in children.reversed() { stack.append((next, position, depth + 1, linked)) }
    }
    for position in elements.indices.reversed() {
      elements[position].text += elements[position].ownText
      if Self.paragraphTags.contains(elements[position].tag) && elements[position].text >= 25 {
        elements[position].paragraphs += 1
      }
      let parent = elements[position].parent
      guard parent >= 0 else { continue }
      elements[parent].text += elements[position].text
      elements[parent].linkText += elements[position].linkText
      elements[parent].commas += elements[position].commas
      elements[parent].paragraphs += elements[position].paragraphs
    }
  }

  /// The head is dropped, so its metadata elements are gathered here (and any nested in the
  /// `<noscript>` or unknown elements the parser may have left there).
  private mutating func recordMetadata(inHead head: xmlNodePtr) {
    var stack: [xmlNodePtr] = []
    var child = head.pointee.children
    while let next = child {
      stack.append(next)
      child = next.pointee.next
    }
    while let pointer = stack.popLast() {
      guard pointer.pointee.type == XML_ELEMENT_NODE else { continue }
      let name = XMLNode(pointer).name.lowercased()
      let isLinkedData = name == "script" && XMLNode(pointer).attribute("type")?.lowercased().contains("ld+json") == true
      if name == "meta" || name == "link" || name == "title" || isLinkedData { metadataNodes.append(pointer) }
      var inner = pointer.pointee.children
      while let next = inner {
        stack.append(next)
        inner = next.pointee.next
      }
    }
  }

  /// Never boilerplate by name: a WordPress `<article>` carries its tags' names in its class.
  static let protectedTags: Set<String> = ["html", "body", "main", "article"]

  /// Hidden by attribute or inline style: what a browser does not show is not the article.
  static func isHidden(_ node: XMLNode) -> Bool {
    if node.attribute("hidden") != nil { return true }
    if node.attribute("aria-hidden")?.lowercased() == "true" { return true }
    guard let style = node.attribute("style")?.lowercased() else { return false }
    let compact = style.filter { $0 != " " }
    return compact.contains("display:none") || compact.contains("visibility:hidden")
  }

  /// Visible bytes (not ASCII white space) and commas of a NUL-terminated UTF-8 string.
  private static func count(_ content: UnsafePointer<xmlChar>) -> (Int, Int) {
    var visible = 0
    var commas = 0
    var pointer = content
    while pointer.pointee != 0 {
      let byte = pointer.pointee
      if byte > 0x20 {
        visible += 1
        if byte == UInt8(ascii: ",") { commas += 1 }
      }
      pointer += 1
    }
    return (visible, commas)
  }

  /// The elements from `position` up to the root.
  func ancestors(of position: Int) -> some Sequence<Int> {
    sequence(first: elements[position].parent) { $0 >= 0 ? elements[$0].parent : nil }.prefix { $0 >= 0 }
  }

  func isInside(_ position: Int, _ ancestor: Int) -> Bool {
    position == ancestor || ancestors(of: position).contains(ancestor)
  }
}
