import CLibXML2

/// The attributes extraction weighs, read in one pass over an element's attribute list
/// (`xmlGetProp` searches the list and allocates a copy for each name asked).
struct ElementAttributes {
  var names = ""
  var role: String?
  var style: String?
  var itemprop: String?
  var type: String?
  var hidden = false

  init(_ pointer: xmlNodePtr) {
    var classValue: String?
    var idValue: String?
    var attribute = pointer.pointee.properties
    while let current = attribute {
      defer { attribute = current.pointee.next }
      guard let name = current.pointee.name else { continue }
      let key = String(cString: name)
      switch key.lowercased() {
      case "class": classValue = Self.value(current)
      case "id": idValue = Self.value(current)
      case "role": role = Self.value(current)
      case "style": style = Self.value(current)
      case "itemprop": itemprop = Self.value(current)?.lowercased()
      case "type": type = Self.value(current)?.lowercased()
      case "hidden": hidden = true
      case "aria-hidden": hidden = hidden || Self.value(current)?.lowercased() == "true"
      default: break
      }
    }
    names = [classValue, idValue].compactMap { $0 }.joined(separator: " ")
    if let style {
      let compact = style.lowercased().filter { $0 != " " }
      if compact.contains("display:none") || compact.contains("visibility:hidden") { hidden = true }
    }
  }

  private static func value(_ attribute: xmlAttrPtr) -> String? {
    guard let text = attribute.pointee.children, text.pointee.next == nil, let content = text.pointee.content else {
      // An attribute made of several nodes (entities in it) is rare: let libxml2 join it.
      guard let value = xmlNodeListGetString(attribute.pointee.doc, attribute.pointee.children, 1) else { return nil }
      defer { herald_xml_free(value) }
      return String(cString: value)
    }
    return String(cString: content)
  }
}
