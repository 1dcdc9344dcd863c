import Foundation

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
