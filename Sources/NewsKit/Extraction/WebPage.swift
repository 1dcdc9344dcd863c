/// Tells a web page from the other answers a URL can give (a feed, a plain-text article).
public enum WebPage {
  /// HTML by its Content-Type, or, when the server says nothing useful, by its first tag.
  public static func isPage(_ body: FeedFetcher.Body) -> Bool {
    if let type = body.contentType?.lowercased(), type.contains("html") { return true }
    return looksLikeHTML(body.bytes)
  }

  /// Starts (after white space, a byte-order mark and comments) with `<!doctype html`,
  /// `<html`, `<head` or `<body`.
  public static func looksLikeHTML(_ bytes: [UInt8]) -> Bool {
    var head = String(decoding: bytes.prefix(2048), as: UTF8.self).lowercased()
    if head.hasPrefix("\u{FEFF}") { head.removeFirst() }
    var rest = Substring(head).drop { $0.isWhitespace }
    while rest.hasPrefix("<!--"), let end = rest.range(of: "-->") {
      rest = rest[end.upperBound...].drop { $0.isWhitespace }
    }
    return rest.hasPrefix("<!doctype html") || rest.hasPrefix("<html") || rest.hasPrefix("<head") || rest.hasPrefix("<body")
  }
}
