/// An element's child elements, listed once so that an item's many look-ups ("title, else
/// dc:title, else media:title") do not walk the children again each time.
struct ChildElements {
  let nodes: [XMLNode]

  init(_ node: XMLNode) {
    nodes = node.elements
  }

  func first(_ name: String, in namespaces: Set<String?>) -> XMLNode? {
    nodes.first { $0.isNamed(name, in: namespaces) }
  }

  func all(_ name: String, in namespaces: Set<String?>) -> [XMLNode] {
    nodes.filter { $0.isNamed(name, in: namespaces) }
  }

  /// The first of several alternatives that is present, in order of preference.
  func first(_ choices: [(String, Set<String?>)]) -> XMLNode? {
    for (name, namespaces) in choices {
      if let node = first(name, in: namespaces) { return node }
    }
    return nil
  }
}

/// Resolves a link against a base (xml:base or the feed's URL); nil for an empty link.
func resolveLink(_ link: String?, base: String?) -> String? {
  guard let trimmed = link?.trimmed else { return nil }
  guard let base, let baseURL = URL(string: base), let url = URL(string: trimmed, relativeTo: baseURL) else { return trimmed }
  return url.absoluteString
}

import Foundation
