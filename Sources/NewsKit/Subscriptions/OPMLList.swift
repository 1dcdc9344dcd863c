import Foundation

/// OPML 1.0 and 2.0 subscription lists. An outline with `xmlUrl` is a feed; the outlines it
/// sits in are folders, whose names become its tags, as do the entries of its `category`
/// (OPML 2.0: comma-separated, slash-delimited paths). Herald's export writes flat outlines
/// with `category`, so that a feed with several tags appears once.
enum OPMLList {
  static func parse(_ bytes: [UInt8], path: String) throws(LoadError) -> SubscriptionList.Parsed {
    var error: String?
    guard let tree = XMLTree.xml(bytes, error: &error), let root = tree.root else {
      throw LoadError(path: path, reason: .feed(error ?? "not XML"))
    }
    guard root.isNamed("opml"), let body = root.element("body") else {
      throw LoadError(path: path, reason: .feed("not an OPML file (no <opml><body>)"))
    }
    var parsed = SubscriptionList.Parsed()
    collect(body, folders: [], into: &parsed)
    return parsed
  }

  private static func collect(_ node: XMLNode, folders: [String], into parsed: inout SubscriptionList.Parsed) {
    for outline in node.elements("outline") {
      let text = (outline.attribute("text") ?? outline.attribute("title"))?.trimmingCharacters(in: .whitespacesAndNewlines)
      guard let url = outline.attribute("xmlUrl")?.trimmingCharacters(in: .whitespacesAndNewlines), !url.isEmpty else {
        collect(outline, folders: folders + [text].compactMap { $0?.nonEmpty }, into: &parsed)
        continue
      }
      let categories = (outline.attribute("category") ?? "").split(separator: ",").compactMap { category in
        category.split(separator: "/").last.map { $0.trimmingCharacters(in: .whitespaces) }?.nonEmpty
      }
      var tags: [String] = []
      for tag in folders + categories where !tags.contains(tag) { tags.append(tag) }
      parsed.entries.append(
        SubscriptionEntry(
          location: url, title: text?.nonEmpty, titleOverride: outline.attribute("heraldTitle")?.nonEmpty, tags: tags))
    }
  }

  /// An OPML 2.0 document listing the entries.
  static func write(_ entries: [SubscriptionEntry], title: String) -> String {
    var text = """
      <?xml version="1.0" encoding="UTF-8"?>
      <opml version="2.0">
        <head>
          <title>\(escape(title))</title>
        </head>
        <body>

      """
    for entry in entries {
      let name = entry.titleOverride ?? entry.title ?? entry.location
      var attributes = [("type", "rss"), ("text", name), ("title", name), ("xmlUrl", entry.location)]
      if let titleOverride = entry.titleOverride { attributes.append(("heraldTitle", titleOverride)) }
      if !entry.tags.isEmpty { attributes.append(("category", entry.tags.map { "/" + $0 }.joined(separator: ","))) }
      text += "    <outline " + attributes.map { "\($0.0)=\"\(escape($0.1))\"" }.joined(separator: " ") + "/>\n"
    }
    return text + "  </body>\n</opml>\n"
  }

  /// Text safe inside an attribute or element: markup characters and controls escaped.
  private static func escape(_ text: String) -> String {
    var result = ""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": result += "&amp;"
      case "<": result += "&lt;"
      case ">": result += "&gt;"
      case "\"": result += "&quot;"
      // C1 controls and DEL are legal XML, but written raw they would act on a terminal the
      // export is printed to.
      case "\n", "\t", "\r", "\u{7F}"..."\u{9F}": result += "&#\(scalar.value);"
      default:
        // XML 1.0 cannot carry other C0 controls at all, even as references.
        if scalar.value < 0x20 || (0xFFFE...0xFFFF).contains(scalar.value) { continue }
        result.unicodeScalars.append(scalar)
      }
    }
    return result
  }
}

extension SubscriptionList {
  /// OPML 2.0 for the entries (Herald's `export`).
  public static func opml(_ entries: [SubscriptionEntry], title: String = "Herald subscriptions") -> String {
    OPMLList.write(entries, title: title)
  }
}
