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
    /// Inside a dropped element (or dropped itself): not part of anything.
    var gone = false
    /// Boilerplate by its tag or name, left out unless it holds at most `softShare` of the page
    /// (libxml2 nests the rest of a page in an element a typo left open, and a sidebar that
    /// holds the page is the page).
    var softShare: Double = 0
    /// It is, or holds, what the page names as its content (`<main>`, `itemprop="articleBody"`,
    /// `entry-content`): never boilerplate, whatever else its name says (`content-area
    /// has-sidebar`).
    var holdsContent = false
    var isArticleBody = false
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

  /// Names already judged on this page, shared by the strict and the lenient reading.
  struct HintCache {
    var byName: [String: PageHints] = [:]
    var byToken: [Substring: PageHints.Token] = [:]
  }

  /// Elements never part of an article, whatever they hold. Not `<head>`: libxml2 leaves
  /// a page's body inside it when something unexpected comes before `<body>`; its own
  /// elements (title, meta, link, script, style) are dropped one by one.
  static let droppedTags: Set<String> = ["script", "style", "title", "textarea", "link", "meta", "base"]
  /// Widgetry, dropped unless it holds much of the page: libxml2 nests what follows an
  /// element a page left open inside it (an `<svg>`, a `<noscript>`), and a streaming React
  /// page keeps its whole content in a `hidden` element until a script moves it.
  static let widgetTags: Set<String> = [
    "noscript", "template", "svg", "math", "button", "select", "input", "option", "iframe", "object", "embed",
    "applet", "dialog", "label", "canvas", "video", "audio", "map", "frameset", "frame",
  ]
  /// Elements that are boilerplate by their tag, unless they hold most of the page.
  static let boilerplateTags: Set<String> = ["nav", "aside", "footer", "menu", "header"]
  static let paragraphTags: Set<String> = ["p", "pre", "blockquote", "td", "dd", "li", "h2", "h3", "h4"]
  static let blockTags: Set<String> = [
    "p", "div", "section", "article", "main", "ul", "ol", "dl", "table", "tbody", "tr", "td", "pre", "blockquote",
    "h1", "h2", "h3", "h4", "h5", "h6", "figure", "header", "form", "li", "dd", "dt", "hr", "br",
  ]

  var elements: [Element] = []
  /// Whether boilerplate names were weighed (the strict reading) or not (the lenient one).
  let honouringNames: Bool
  /// Where each element's pointer is in `elements`.
  var index: [xmlNodePtr: Int] = [:]
  /// `<script type="application/ld+json">`, `<meta>`, `<link>`, `<title>` and `<time>`
  /// wherever they are: what the metadata is read from.
  var metadataNodes: [xmlNodePtr] = []

  /// Measures the page; with `honouringNames` false, boilerplate by name is kept (the lenient
  /// second try for a page whose content itself is named like boilerplate, a forum's posts).
  init(root: XMLNode, honouringNames: Bool, hints hintCache: inout HintCache) {
    self.honouringNames = honouringNames
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
      let attributes = ElementAttributes(pointer)
      if tag == "meta" || tag == "link" || tag == "title" || tag == "time"
        || (tag == "script" && attributes.type?.contains("ld+json") == true)
      {
        metadataNodes.append(pointer)
      }
      // A page repeats its class names thousands of times: each is judged once.
      let key = attributes.role.map { attributes.names + "\u{0}" + $0 } ?? attributes.names
      let hints: PageHints
      if let known = hintCache.byName[key] {
        hints = known
      } else {
        hints = PageHints(names: attributes.names, role: attributes.role, cache: &hintCache.byToken)
        hintCache.byName[key] = hints
      }
      let isArticleBody = attributes.itemprop == "articlebody"
      let dropped = Self.droppedTags.contains(tag)
      var softShare = 0.0
      if Self.widgetTags.contains(tag) || attributes.hidden { softShare = 0.3 }
      if Self.boilerplateTags.contains(tag) && !(tag == "header" && hints.positive) { softShare = 0.5 }
      if honouringNames, hints.isBoilerplate, !Self.protectedTags.contains(tag), !isArticleBody {
        softShare = max(softShare, hints.strong ? 0.85 : 0.5)
      }
      let position = elements.count
      var element = Element(pointer: pointer, parent: parent, depth: depth, tag: tag, hints: hints, dropped: dropped)
      element.softShare = softShare
      element.holdsContent = (hints.body || tag == "main" || isArticleBody) && !hints.strong
      element.isArticleBody = isArticleBody
      elements.append(element)
      index[pointer] = position
      if parent >= 0, Self.blockTags.contains(tag) { elements[parent].blockChildren += 1 }
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
      if elements[position].holdsContent && elements[position].text >= 200 { elements[parent].holdsContent = true }
    }
    excludeBoilerplate()
  }

  /// Drops each boilerplate element that holds no more than its share of the page's text, and
  /// takes what it held out of its ancestors' measures.
  private mutating func excludeBoilerplate() {
    guard let pageText = elements.first?.text, pageText > 0 else { return }
    for position in elements.indices {
      let parent = elements[position].parent
      if parent >= 0 && elements[parent].gone {
        elements[position].gone = true
        continue
      }
      let element = elements[position]
      if !element.dropped && element.softShare > 0 && !element.holdsContent && Double(element.text) <= element.softShare * Double(pageText) {
        elements[position].dropped = true
        var ancestor = parent
        while ancestor >= 0 {
          elements[ancestor].text -= element.text
          elements[ancestor].linkText -= element.linkText
          elements[ancestor].commas -= element.commas
          elements[ancestor].paragraphs -= element.paragraphs
          ancestor = elements[ancestor].parent
        }
      }
      elements[position].gone = elements[position].dropped
    }
  }

  /// Never boilerplate by name: a WordPress `<article>` carries its tags' names in its class.
  static let protectedTags: Set<String> = ["html", "body", "main", "article"]

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
