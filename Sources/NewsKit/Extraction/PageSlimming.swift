/// A page without the bodies of its scripts and styles, which are most of a modern page's bytes
/// and never text, so that the parser builds a tree of what matters; JSON-LD scripts are kept
/// (they hold the metadata). Inline SVG and MathML go too: libxml2's HTML parser does not know
/// their self-closing `<path/>`, and nested the rest of a page inside the first one. Past `limit`
/// bytes the rest is cut.
enum PageSlimming {
  static func slimmed(_ bytes: [UInt8], limit: Int) -> [UInt8] {
    bytes.withUnsafeBufferPointer { slimmed($0, limit: limit) }
  }

  static func slimmed(_ page: UnsafeBufferPointer<UInt8>, limit: Int) -> [UInt8] {
    var output: [UInt8] = []
    output.reserveCapacity(min(page.count, limit))
    var index = 0
    var runStart = 0
    while index < page.count && output.count < limit {
      guard let open = ByteSearch.firstIndex(of: [UInt8(ascii: "<")], in: page, from: index) else { break }
      guard let tag = openedTag(page, at: open) else {
        index = open + 1
        continue
      }
      let headEnd = ByteSearch.firstIndex(of: [UInt8(ascii: ">")], in: page, from: open) ?? page.count
      let head = String(decoding: UnsafeBufferPointer(rebasing: page[open..<min(headEnd, page.count)]), as: UTF8.self).lowercased()
      let closing = Array("</\(tag)".utf8)
      guard !head.contains("ld+json"), let close = firstIndexIgnoringCase(closing, in: page, from: headEnd) else {
        index = headEnd
        continue
      }
      // Keep the opening tag, drop the body, keep the closing tag.
      output.append(contentsOf: UnsafeBufferPointer(rebasing: page[runStart..<min(headEnd + 1, page.count)]))
      runStart = close
      index = close + closing.count
    }
    let end = min(page.count, runStart + max(0, limit - output.count))
    if runStart < end { output.append(contentsOf: UnsafeBufferPointer(rebasing: page[runStart..<end])) }
    return output
  }

  /// `script`, `style`, `svg` or `math` when a tag of that name opens at `position`.
  private static func openedTag(_ page: UnsafeBufferPointer<UInt8>, at position: Int) -> String? {
    for name in ["script", "style", "svg", "math"] {
      let end = position + 1 + name.utf8.count
      guard end < page.count else { continue }
      var matches = true
      for (offset, byte) in name.utf8.enumerated() where page[position + 1 + offset] | 0x20 != byte {
        matches = false
        break
      }
      let after = page[end]
      if matches && (after == UInt8(ascii: ">") || after == UInt8(ascii: " ") || after == 0x09 || after == 0x0A || after == 0x0D || after == UInt8(ascii: "/")) {
        return name
      }
    }
    return nil
  }

  private static func firstIndexIgnoringCase(_ marker: [UInt8], in page: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
    var from = start
    while let candidate = ByteSearch.firstIndex(of: [UInt8(ascii: "<")], in: page, from: from) {
      guard candidate + marker.count <= page.count else { return nil }
      var matches = true
      for offset in 0..<marker.count where page[candidate + offset] | 0x20 != marker[offset] | 0x20 {
        matches = false
        break
      }
      if matches { return candidate }
      from = candidate + 1
    }
    return nil
  }
}
