import ArgumentParser
import CursesUI
import NewsKit
import Foundation

struct ThemesCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "themes",
    abstract: "List the themes, or preview one.",
    discussion: """
      Bundled themes sit beside user themes in $XDG_CONFIG_HOME/herald/themes/ (a user theme of \
      the same name replaces the bundled one). --preview prints every style of a theme: in its \
      colours on a terminal, as a description of each style otherwise.
      """
  )

  @OptionGroup var appearance: AppearanceOptions

  @Option(name: .long, help: ArgumentHelp("Print a sample of every style of this theme.", valueName: "name|path"))
  var preview: String?

  func run() throws {
    let catalog = appearance.catalog
    guard let preview else {
      var output = ""
      for entry in catalog.entries {
        let (theme, problems) = catalog.load(entry.name)
        let origin = entry.isBundled ? "bundled" : "user: \(entry.path)"
        let note = problems.isEmpty ? "" : "  (\(problems.count) problem\(problems.count == 1 ? "" : "s"))"
        output += [entry.name, theme?.description ?? "", origin + note].map(VisibleText.make).joined(separator: "\t") + "\n"
      }
      return StandardOutput.write(output)
    }
    let (loaded, problems) = catalog.load(preview)
    for problem in problems { Diagnostics.warn(problem.description) }
    guard let theme = loaded else { throw CommandFailure(message: "error: cannot load theme \"\(VisibleText.make(preview))\"") }
    let depth = StandardOutput.allowsColour ? Self.depthFromEnvironment : .none
    StandardOutput.write(ThemePreview.text(of: theme, depth: depth))
  }

  /// Without curses, the depth is guessed from COLORTERM and TERM, as terminals advertise it.
  static var depthFromEnvironment: ColourDepth {
    let environment = ProcessInfo.processInfo.environment
    let term = environment["TERM"] ?? ""
    let colours = term.contains("direct") ? 0x100_0000 : term.contains("256") ? 256 : term.contains("16color") ? 16 : 8
    let colorterm = (environment["COLORTERM"] ?? "").lowercased()
    if colorterm == "truecolor" || colorterm == "24bit" { return .trueColour }
    return ColourDepth.detect(colours: colours, environment: environment)
  }
}
