import Foundation
import TOMLKit

/// Finds the line a key was written on in a TOML document. TOMLKit reports positions for
/// syntax errors only, so warnings about values ("bad colour") look their key up here. Covers
/// `[table]` headers and `key = value` lines, which is what themes and the config use.
struct TOMLKeyLines {
  private var lines: [String: Int] = [:]

  init(_ text: String) {
    var table = ""
    for (number, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
      let line = raw.drop { $0 == " " || $0 == "\t" }
      if line.hasPrefix("[") {
        let name = line.dropFirst().prefix { $0 != "]" }.trimmingCharacters(in: .whitespaces)
        table = name
        lines[table] = number + 1
        continue
      }
      guard let equals = line.firstIndex(of: "="), !line.hasPrefix("#") else { continue }
      let key = line[..<equals].trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\"'"))
      let path = table.isEmpty ? key : table + "." + key
      if lines[path] == nil { lines[path] = number + 1 }
    }
  }

  /// The line of `path` ("styles.speech", "theme"), or of its table when the key is not found.
  func line(of path: String) -> Int? {
    if let line = lines[path] { return line }
    let parent = path.split(separator: ".").dropLast().joined(separator: ".")
    return parent.isEmpty ? nil : line(of: parent)
  }
}

/// A TOML file being read by a loader: its table (nil when it is not valid TOML), and the
/// problems found in it so far, each placed on its line. Themes and the config both read this way.
final class TOMLSource {
  let file: String
  private(set) var table: TOMLTable?
  private let lines: TOMLKeyLines
  private var found: [ThemeProblem] = []

  init(_ text: String, file: String) {
    self.file = file
    lines = TOMLKeyLines(text)
    if let line = Self.lineTheParserCannotRead(text) {
      found.append(ThemeProblem("a table name must start with a letter, a digit, _ or -, or be quoted", file: file, line: line))
      return
    }
    if let line = Self.lineWithAnArrayValueTheParserCannotRead(text) {
      found.append(ThemeProblem("an array holds a } where a value should be", file: file, line: line))
      return
    }
    do {
      table = try TOMLTable(string: text)
    } catch let error as TOMLParseError {
      found.append(ThemeProblem(error.description, file: file, line: error.source.begin.line))
    } catch {
      found.append(ThemeProblem("cannot read: \(error)", file: file))
    }
  }

  /// The first line whose table header does not start with a bare-key character or a quote
  /// (`[é]`, `[~a]`, `[.a]`, a lone `[`): the TOML parser under TOMLKit asserts on those and
  /// takes the program down (found by fuzzing), so such a document is refused here with its
  /// line.
  static func lineTheParserCannotRead(_ text: String) -> Int? {
    // Split by scalars: split by Characters, a CRLF ("\r\n" is one Character) hid the next line's
    // header from this check (found by fuzzing).
    for (number, raw) in text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
      // The parser skips a byte-order mark before the first line's header, so this does too.
      var scalars = raw.drop { $0 == " " || $0 == "\t" || $0 == "\u{FEFF}" }[...]
      guard scalars.first == "[" else { continue }
      scalars = scalars.dropFirst()
      if scalars.first == "[" { scalars = scalars.dropFirst() }
      let first = scalars.first { $0 != " " && $0 != "\t" }
      guard let first, first.isASCII else { return number + 1 }
      let value = first.value
      let startsKey =
        (0x30...0x39).contains(value) || (0x41...0x5A).contains(value) || (0x61...0x7A).contains(value)
        || "_-\"']".unicodeScalars.contains(first)
      if !startsKey { return number + 1 }
    }
    return nil
  }

  /// The line of a `}` where an array's value should start (`[}]`, `[1, }]`): the TOML parser
  /// under TOMLKit asserts on it (found by fuzzing). Strings and comments are skipped; a
  /// multi-line string holding quotes may be misread, which can only refuse a document, never
  /// let a crashing one through to the parser unchecked by the table-name rule above.
  static func lineWithAnArrayValueTheParserCannotRead(_ text: String) -> Int? {
    var line = 1
    var quote: Unicode.Scalar?
    var escaped = false
    var inComment = false
    var expectingValue = false
    for scalar in text.unicodeScalars {
      if scalar == "\n" {
        line += 1
        inComment = false
        continue
      }
      if inComment { continue }
      if let open = quote {
        if escaped {
          escaped = false
        } else if scalar == "\\" && open == "\"" {
          escaped = true
        } else if scalar == open {
          quote = nil
        }
        continue
      }
      switch scalar {
      case "\"", "'":
        quote = scalar
        expectingValue = false
      case "#": inComment = true
      case " ", "\t", "\r": break
      case "[", ",": expectingValue = true
      case "}" where expectingValue: return line
      default: expectingValue = false
      }
    }
    return nil
  }

  /// Records a problem with the value at `key` ("styles.speech", "layout.list_width").
  func problem(_ message: String, at key: String) {
    found.append(ThemeProblem(message, file: file, line: lines.line(of: key)))
  }

  /// Every problem, in the order of their lines.
  var problems: [ThemeProblem] { found.sorted { ($0.line ?? 0) < ($1.line ?? 0) } }
}
