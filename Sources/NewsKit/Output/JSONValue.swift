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

  private static func writeString(_ value: String, into output: inout String) {
    output += "\""
    for scalar in value.unicodeScalars {
      switch scalar {
      case "\"": output += "\\\""
      case "\\": output += "\\\\"
      case "\n": output += "\\n"
      case "\r": output += "\\r"
      case "\t": output += "\\t"
      case _ where scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar == "\u{2028}" || scalar == "\u{2029}":
        let hex = String(scalar.value, radix: 16)
        output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
      default: output.unicodeScalars.append(scalar)
      }
    }
    output += "\""
  }
}
