import Foundation

/// For tuning the extractor: `HERALD_EXTRACT_DEBUG=DEPTH herald extract PAGE` prints the page
/// map to stderr down to DEPTH (default 4): each element with its class and id, visible text,
/// link text and paragraphs, and DROPPED for what was left out. Elements with little text are
/// not shown.
enum PageMapDebug {
  /// The depth asked for, when asked; read once per process.
  static let depth: Int? = ProcessInfo.processInfo.environment["HERALD_EXTRACT_DEBUG"].map { Int($0) ?? 4 }

  static func dump(_ map: PageMap, depth: Int) {
    var text = ""
    for element in map.elements where element.depth <= depth && (element.text > 100 || element.dropped) {
      let node = XMLNode(element.pointer)
      text += String(repeating: "  ", count: element.depth) + element.tag
      text += " .\(node.attribute("class") ?? "") #\(node.attribute("id") ?? "")"
      text += " text=\(element.text) link=\(element.linkText) p=\(element.paragraphs)\(element.dropped ? " DROPPED" : "")\n"
    }
    FileHandle.standardError.write(Data(text.utf8))
  }
}
