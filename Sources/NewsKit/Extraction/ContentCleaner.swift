import CLibXML2

/// What to leave out inside the chosen content: whatever the page map dropped, and the
/// link-heavy blocks an article carries inside its body (a list of related stories, a row of
/// tags, a "read more" line), judged by their link density and length as Readability's
/// conditional cleaning does.
struct ContentCleaner {
  let map: PageMap
  /// Reading a page of links (an index), link-heavy blocks are the content.
  let keepsLinks: Bool

  static let listTags: Set<String> = ["ul", "ol", "div", "section", "table", "form", "dl"]

  var skips: (xmlNodePtr) -> Bool {
    let map = self.map
    let keepsLinks = self.keepsLinks
    return { pointer in
      guard let position = map.index[pointer] else { return false }
      let element = map.elements[position]
      if element.dropped { return true }
      if Self.listTags.contains(element.tag) && !keepsLinks {
        if element.text > 0 && element.linkDensity > 0.5 && element.text < 3000 { return true }
        if map.honouringNames && element.hints.isBoilerplate && element.paragraphs < 3 { return true }
      }
      if element.tag == "p" && !keepsLinks && element.linkDensity > 0.85 && element.text < 300 { return true }
      return false
    }
  }
}
