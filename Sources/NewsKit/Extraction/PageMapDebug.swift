import Foundation
enum PageMapDebug {
  static func dump(_ map: PageMap) {
    for e in map.elements where e.depth <= Int(ProcessInfo.processInfo.environment["HERALD_EXTRACT_DEBUG"] ?? "4")! && (e.text > 100 || e.dropped) {
      let node = XMLNode(e.pointer)
      FileHandle.standardError.write("\(String(repeating: "  ", count: e.depth))\(e.tag) .\(node.attribute("class") ?? "") #\(node.attribute("id") ?? "") text=\(e.text) link=\(e.linkText) p=\(e.paragraphs)\(e.dropped ? " DROPPED" : "")\n".data(using: .utf8)!)
    }
  }
}
