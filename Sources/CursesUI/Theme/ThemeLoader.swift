import Foundation
import TOMLKit

/// Reads theme files. A theme is TOML: an optional `description`, an optional `inherits = "name"`
/// (another theme whose styles it starts from) and a `[styles]` table with, for each element,
/// `{ fg = colour, bg = colour, attrs = ["bold", …] }`. Mistakes are reported with file and line
/// and the element keeps what it inherited, so a theme with a typo still loads.
public enum ThemeLoader {
  /// A theme's own contents before inheritance.
  struct Parsed {
    var name: String
    var description: String
    var inherits: String?
    var styles: [ThemeElement: ThemeStyle]
    var path: String?
    /// Elements whose `attrs` the file writes: only those replace inherited attributes.
    var attributesWritten: Set<ThemeElement> = []
  }

  static func parse(_ text: String, name: String, path: String?) -> (Parsed, [ThemeProblem]) {
    var parsed = Parsed(name: name, description: "", inherits: nil, styles: [:], path: path)
    let source = TOMLSource(text, file: path ?? name)
    func problem(_ message: String, at key: String) { source.problem(message, at: key) }
    guard let table = source.table else { return (parsed, source.problems) }
    for (key, value) in table {
      switch key {
      case "description", "name":
        if let text = value.string {
          if key == "description" { parsed.description = text }
        } else {
          problem("\(key) must be a string", at: key)
        }
      case "inherits":
        if let base = value.string { parsed.inherits = base } else { problem("inherits must be a theme name", at: key) }
      case "styles":
        guard let styles = value.table else {
          problem("styles must be a table of elements", at: key)
          continue
        }
        for (elementName, styleValue) in styles {
          guard let element = ThemeElement(rawValue: elementName) else {
            problem("unknown element \"\(elementName)\" (known: \(ThemeElement.allCases.map(\.rawValue).joined(separator: ", ")))", at: "styles.\(elementName)")
            continue
          }
          guard let styleTable = styleValue.table else {
            problem("\(elementName) must be a table such as { fg = \"red\" }", at: "styles.\(elementName)")
            continue
          }
          let (style, styleProblems) = parseStyle(styleTable, element: elementName)
          parsed.styles[element] = style
          if styleTable.contains(key: "attrs") { parsed.attributesWritten.insert(element) }
          for message in styleProblems { problem(message, at: "styles.\(elementName)") }
        }
      default:
        problem("unknown key \"\(key)\" (known: description, inherits, styles)", at: key)
      }
    }
    return (parsed, source.problems)
  }

  private static func parseStyle(_ table: TOMLTable, element: String) -> (ThemeStyle, [String]) {
    var style = ThemeStyle()
    var problems: [String] = []
    for (key, value) in table {
      switch key {
      case "fg", "bg":
        let parsed: Result<ColourSpec, ThemeProblem>
        if let text = value.string {
          parsed = ColourSpec.parse(text)
        } else if let index = value.int {
          parsed = ColourSpec.parse(index: index)
        } else {
          parsed = .failure(ThemeProblem("a colour is a name, 0–255 or \"#rrggbb\""))
        }
        switch parsed {
        case .success(let colour): if key == "fg" { style.foreground = colour } else { style.background = colour }
        case .failure(let error): problems.append("\(element).\(key): \(error.message)")
        }
      case "attrs":
        guard let list = value.array else {
          problems.append("\(element).attrs must be a list such as [\"bold\"]")
          continue
        }
        for item in list {
          if let name = item.string, let attribute = TextAttribute(rawValue: name.lowercased()) {
            style.attributes.insert(attribute)
          } else {
            problems.append(
              "\(element).attrs: unknown attribute \(item.debugDescription) (known: \(TextAttribute.allCases.map(\.rawValue).joined(separator: ", ")))")
          }
        }
      default:
        problems.append("\(element): unknown key \"\(key)\" (known: fg, bg, attrs)")
      }
    }
    return (style, problems)
  }
}
