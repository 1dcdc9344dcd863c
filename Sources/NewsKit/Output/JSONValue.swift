/// A JSON document with object keys kept in the order they were given, so that output follows
/// the documented schema key by key (Foundation's encoder sorts or scrambles them).
public indirect enum JSONValue: Sendable, Hashable {
  case null
  case bool(Bool)
  case int(Int)
  case string(String)
  case array([JSONValue])
  case object([(String, JSONValue)])

  public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
    lhs.serialized() == rhs.serialized()
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(serialized())
  }

  public static func optional(_ text: String?) -> JSONValue {
    text.map(JSONValue.string) ?? .null
  }

  /// The document as text: two-space indentation, one key or element per line.
  public func serialized(indent: String = "") -> String {
    var output = ""
    write(into: &output, indent: indent)
    return output
  }

  private func write(into output: inout String, indent: String) {
    switch self {
    case .null: output += "null"
    case .bool(let value): output += value ? "true" : "false"
    case .int(let value): output += String(value)
    case .string(let value): Self.writeString(value, into: &output)
    case .array(let values):
      guard !values.isEmpty else { return output += "[]" }
      output += "[\n"
      for (index, value) in values.enumerated() {
        output += indent + "  "
        value.write(into: &output, indent: indent + "  ")
        output += index + 1 < values.count ? ",\n" : "\n"
      }
      output += indent + "]"
    case .object(let members):
      guard !members.isEmpty else { return output += "{}" }
      output += "{\n"
      for (index, (key, value)) in members.enumerated() {
        output += indent + "  "
        Self.writeString(key, into: &output)
        output += ": "
        value.write(into: &output, indent: indent + "  ")
        output += index + 1 < members.count ? ",\n" : "\n"
      }
      output += indent + "}"
    }
  }

  /// Escapes by UTF-8 bytes: runs that need no escape are copied whole (appending scalar by
  /// scalar was a third of `show --json` on a large feed).
  private static func writeString(_ value: String, into output: inout String) {
    output += "\""
    var copy = value
    copy.withUTF8 { bytes in
      var runStart = 0
      var index = 0
      func flush(_ end: Int) {
        if end > runStart { output += String(decoding: UnsafeBufferPointer(rebasing: bytes[runStart..<end]), as: UTF8.self) }
      }
      while index < bytes.count {
        let byte = bytes[index]
        var escape: String?
        var length = 1
        switch byte {
        case 0x22: escape = "\\\""
        case 0x5C: escape = "\\\\"
        case 0x0A: escape = "\\n"
        case 0x0D: escape = "\\r"
        case 0x09: escape = "\\t"
        case 0..<0x20, 0x7F: escape = unicodeEscape(UInt32(byte))
        case 0xC2 where index + 1 < bytes.count && bytes[index + 1] >= 0x80 && bytes[index + 1] <= 0x9F:
          // C1 controls, U+0080–U+009F.
          escape = unicodeEscape(UInt32(bytes[index + 1]))
          length = 2
        case 0xE2 where index + 2 < bytes.count && bytes[index + 1] == 0x80 && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9):
          // U+2028 and U+2029 end lines in JavaScript.
          escape = unicodeEscape(bytes[index + 2] == 0xA8 ? 0x2028 : 0x2029)
          length = 3
        default: break
        }
        if let escape {
          flush(index)
          output += escape
          index += length
          runStart = index
        } else {
          index += 1
        }
      }
      flush(bytes.count)
    }
    output += "\""
  }

  private static func unicodeEscape(_ value: UInt32) -> String {
    let hex = String(value, radix: 16)
    return "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
  }
}
