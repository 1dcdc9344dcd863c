/// JSON written as it is produced, in the layout `JSONValue.serialized` gives (two-space
/// indentation, one key or element per line). `show --json` writes each article through it
/// rather than building a `JSONValue` tree first: making and freeing those trees, a few arrays
/// and a tuple per key, was a twentieth of the command.
public struct JSONStream {
  public private(set) var bytes: [UInt8]
  /// The indentation of the innermost open object or array's own lines.
  private var depth: Int
  /// For each open object or array, innermost last: whether it is an array, and how many
  /// members or elements it holds so far.
  private var open: [(isArray: Bool, count: Int)] = []

  /// A stream whose first value is written at `depth` spaces of indentation, after `bytes`.
  public init(appendingTo bytes: [UInt8] = [], depth: Int = 0) {
    self.bytes = bytes
    self.depth = depth
  }

  /// The bytes written, leaving the stream empty (so that they are moved, not copied).
  public mutating func take() -> [UInt8] {
    var taken: [UInt8] = []
    swap(&taken, &bytes)
    return taken
  }

  /// Writes through a stream onto the end of `output`, its first value at `depth` spaces of
  /// indentation (the bytes are moved into the stream and back, not copied).
  public static func append(to output: inout [UInt8], depth: Int, _ write: (inout JSONStream) -> Void) {
    var stream = JSONStream(appendingTo: output, depth: depth)
    output = []
    write(&stream)
    output = stream.take()
  }

  public mutating func beginObject() { begin("{", isArray: false) }
  public mutating func endObject() { end("}") }
  public mutating func beginArray() { begin("[", isArray: true) }
  public mutating func endArray() { end("]") }

  /// A member's key in the open object; its value is what is written next.
  public mutating func key(_ name: String) {
    newLine()
    JSONValue.writeString(name, into: &bytes)
    bytes.append(UInt8(ascii: ":"))
    bytes.append(UInt8(ascii: " "))
  }

  public mutating func string(_ text: String) {
    elementStart()
    JSONValue.writeString(text, into: &bytes)
  }

  public mutating func optional(_ text: String?) {
    guard let text else { return null() }
    string(text)
  }

  public mutating func int(_ value: Int) {
    elementStart()
    JSONValue.writeInteger(value, into: &bytes)
  }

  public mutating func bool(_ value: Bool) {
    elementStart()
    bytes.appendUTF8(value ? "true" : "false")
  }

  public mutating func null() {
    elementStart()
    bytes.appendUTF8("null")
  }

  /// An array of strings, one per line.
  public mutating func strings(_ texts: [String]) {
    beginArray()
    for text in texts { string(text) }
    endArray()
  }

  /// A whole value.
  public mutating func value(_ value: JSONValue) {
    switch value {
    case .null: null()
    case .bool(let flag): bool(flag)
    case .int(let number): int(number)
    case .string(let text): string(text)
    case .array(let values):
      beginArray()
      for element in values { self.value(element) }
      endArray()
    case .object(let members):
      beginObject()
      for (name, member) in members {
        key(name)
        self.value(member)
      }
      endObject()
    }
  }

  private mutating func begin(_ bracket: Unicode.Scalar, isArray: Bool) {
    elementStart()
    bytes.append(UInt8(ascii: bracket))
    open.append((isArray, 0))
    depth += 2
  }

  private mutating func end(_ bracket: Unicode.Scalar) {
    let closed = open.removeLast()
    depth -= 2
    // An empty object or array is `{}` or `[]` on one line.
    if closed.count > 0 {
      bytes.append(UInt8(ascii: "\n"))
      JSONValue.writeSpaces(depth, into: &bytes)
    }
    bytes.append(UInt8(ascii: bracket))
  }

  /// An array's elements each start a line; an object's values follow their key.
  private mutating func elementStart() {
    if open.last?.isArray == true { newLine() }
  }

  /// A comma after the previous member or element, then a new line at the current depth.
  private mutating func newLine() {
    if open[open.count - 1].count > 0 { bytes.append(UInt8(ascii: ",")) }
    open[open.count - 1].count += 1
    bytes.append(UInt8(ascii: "\n"))
    JSONValue.writeSpaces(depth, into: &bytes)
  }
}
