import Foundation

/// The themes on this machine: those shipped with Herald and the user's own, which sit beside
/// them (and replace a bundled theme of the same name). Resolves inheritance.
public struct ThemeCatalog: Sendable {
  public struct Entry: Sendable, Hashable {
    public var name: String
    public var path: String
    public var isBundled: Bool
  }

  public private(set) var entries: [Entry] = []

  /// - Parameters:
  ///   - bundled: the directory of bundled themes.
  ///   - user: the user's theme directory (`$XDG_CONFIG_HOME/herald/themes`).
  public init(bundled: String?, user: String?) {
    var byName: [String: Entry] = [:]
    for (directory, isBundled) in [(bundled, true), (user, false)] {
      guard let directory, let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { continue }
      for file in names where file.hasSuffix(".toml") {
        let name = String(file.dropLast(5))
        byName[name] = Entry(name: name, path: directory + "/" + file, isBundled: isBundled)
      }
    }
    entries = byName.values.sorted { $0.name < $1.name }
  }

  public var names: [String] { entries.map(\.name) }

  /// A theme by name, or from a file when `nameOrPath` names one (it contains a "/" or ends in
  /// .toml). Problems are returned beside the theme.
  public func load(_ nameOrPath: String) -> (Theme?, [ThemeProblem]) {
    var problems: [ThemeProblem] = []
    let theme = resolve(nameOrPath, seen: [], problems: &problems)
    return (theme, problems)
  }

  private func resolve(_ nameOrPath: String, seen: [String], problems: inout [ThemeProblem]) -> Theme? {
    let isPath = nameOrPath.contains("/") || nameOrPath.hasSuffix(".toml")
    let path: String
    let name: String
    if isPath {
      path = nameOrPath
      name = ((nameOrPath as NSString).lastPathComponent as NSString).deletingPathExtension
    } else if let entry = entries.first(where: { $0.name == nameOrPath }) {
      path = entry.path
      name = entry.name
    } else {
      problems.append(ThemeProblem("no theme named \"\(nameOrPath)\" (themes: \(names.joined(separator: ", ")))"))
      return nil
    }
    guard !seen.contains(path) else {
      problems.append(ThemeProblem("themes inherit from each other in a circle: \((seen + [path]).joined(separator: " → "))"))
      return nil
    }
    guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
      problems.append(ThemeProblem("cannot read the theme file", file: path))
      return nil
    }
    let (parsed, parseProblems) = ThemeLoader.parse(text, name: name, path: path)
    problems += parseProblems
    var styles: [ThemeElement: ThemeStyle] = [:]
    if let base = parsed.inherits {
      if let inherited = resolve(base, seen: seen + [path], problems: &problems) { styles = inherited.styles }
    }
    for (element, style) in parsed.styles {
      var merged = styles[element] ?? ThemeStyle()
      if let foreground = style.foreground { merged.foreground = foreground }
      if let background = style.background { merged.background = background }
      if parsed.attributesWritten.contains(element) { merged.attributes = style.attributes }
      styles[element] = merged
    }
    return Theme(name: name, description: parsed.description, path: path, styles: styles)
  }
}
