import Foundation
import HeraldAssets
import Testing

@testable import CursesUI

enum Themes {
  static let catalog = ThemeCatalog(bundled: HeraldAssets.themesDirectory, user: fixtures)
  static var fixtures: String { Bundle.module.resourcePath! + "/Fixtures" }
  static let bundledNames = ["dark", "default", "dusk", "high-contrast", "light", "mono"]
}

@Suite("Bundled themes")
struct BundledThemeTests {
  @Test func atLeastTheFiveRequiredThemesShip() {
    let bundled = Set(Themes.catalog.entries.filter(\.isBundled).map(\.name))
    #expect(bundled.isSuperset(of: ["default", "dark", "light", "high-contrast", "mono"]))
  }

  @Test(arguments: Themes.bundledNames)
  func themeLoadsWithoutProblemsAndStylesEveryElement(name: String) throws {
    let (theme, problems) = Themes.catalog.load(name)
    #expect(problems.isEmpty, "\(problems)")
    let loaded = try #require(theme)
    for element in ThemeElement.allCases {
      #expect(loaded.styles[element] != nil, "\(name) does not style \(element.rawValue)")
    }
  }

  /// What a style becomes on a terminal of some depth: colour numbers and attributes.
  private func rendered(_ theme: Theme, _ style: Style, _ depth: ColourDepth, mono: Theme) -> String {
    let effective = theme.degraded(to: depth, fallback: mono)
    let look = effective.look(for: style)
    let foreground = ColourMapper.map(look.foreground ?? .terminalDefault, to: depth)
    let background = ColourMapper.map(look.background ?? .terminalDefault, to: depth)
    return "\(foreground)/\(background)/\(look.attributes.map(\.rawValue).sorted())"
  }

  @Test(arguments: Themes.bundledNames, ColourDepth.allCases)
  func quotesAndSelectionStandApartAtEveryDepth(name: String, depth: ColourDepth) throws {
    let theme = try #require(Themes.catalog.load(name).0)
    let mono = try #require(Themes.catalog.load("mono").0)
    let body = rendered(theme, Style(.body), depth, mono: mono)
    #expect(rendered(theme, Style(.speech), depth, mono: mono) != body, "\(name) at \(depth): speech looks like body")
    #expect(rendered(theme, Style(.phrase), depth, mono: mono) != body, "\(name) at \(depth): phrase looks like body")
    #expect(rendered(theme, Style(.speech, focused: true), depth, mono: mono) != rendered(theme, Style(.body, focused: true), depth, mono: mono))
    let selected = rendered(theme, Style(.listSelected), depth, mono: mono)
    #expect(selected != rendered(theme, Style(.listUnread), depth, mono: mono), "\(name) at \(depth)")
    #expect(selected != rendered(theme, Style(.listRead), depth, mono: mono), "\(name) at \(depth)")
  }

  @Test(arguments: Themes.bundledNames, [ColourDepth.trueColour, .palette256, .sixteen, .eight])
  func noTextIsDrawnInItsOwnBackgroundColour(name: String, depth: ColourDepth) throws {
    let mono = try #require(Themes.catalog.load("mono").0)
    let theme = try #require(Themes.catalog.load(name).0).degraded(to: depth, fallback: mono)
    for element in ThemeElement.allCases where element != .focusedParagraph {
      let look = theme.look(for: Style(StyleRole.allCases.first { ThemeElement($0) == element } ?? .body))
      guard let foreground = look.foreground, let background = look.background else { continue }
      let front = ColourMapper.map(foreground, to: depth)
      let back = ColourMapper.map(background, to: depth)
      #expect(front == -1 || front != back, "\(name).\(element.rawValue) at \(depth): text and background both \(front)")
    }
  }

  @Test func monoThemeUsesNoColour() throws {
    let mono = try #require(Themes.catalog.load("mono").0)
    for style in mono.styles.values {
      #expect(style.foreground == nil && style.background == nil)
    }
  }
}

@Suite("Theme files: inheritance and mistakes")
struct ThemeFileTests {
  @Test func childInheritsAndChangesAFewStyles() throws {
    let (theme, problems) = Themes.catalog.load(Themes.fixtures + "/child-theme.toml")
    let child = try #require(theme)
    let base = try #require(Themes.catalog.load("default").0)
    #expect(problems.isEmpty)
    #expect(child.style(for: .speech).foreground == .rgb(red: 255, green: 136, blue: 0))
    #expect(child.style(for: .listSelected).background == .indexed(27))
    #expect(child.style(for: .listSelected).foreground == base.style(for: .listSelected).foreground)
    #expect(child.style(for: .listSelected).attributes == [.underline])
    // Attributes not written are inherited.
    #expect(child.style(for: .speaker) == base.style(for: .speaker))
  }

  @Test func userThemesSitBesideBundledOnes() {
    #expect(Themes.catalog.names.contains("child-theme"))
    #expect(Themes.catalog.names.contains("dark"))
  }

  @Test func inheritanceLoopIsReportedNotFollowedForever() {
    let (theme, problems) = Themes.catalog.load("loop-a")
    #expect(theme != nil)
    #expect(problems.contains { $0.message.contains("circle") })
  }

  @Test func mistakesAreReportedWithTheirLinesAndTheRestLoads() throws {
    let path = Themes.fixtures + "/broken-theme.toml"
    let (theme, problems) = Themes.catalog.load(path)
    let loaded = try #require(theme)
    let lines = problems.map { "\($0.line.map(String.init) ?? "?"): \($0.message)" }
    #expect(lines.contains("5: speech.fg: bad colour \"#12345\": write #rrggbb with six hex digits"))
    #expect(lines.contains { $0.hasPrefix("6: phrase.fg: bad colour \"chartreuse\"") })
    #expect(lines.contains { $0.hasPrefix("6: phrase.attrs: unknown attribute") })
    #expect(lines.contains { $0.hasPrefix("7: unknown element \"sparkle\"") })
    #expect(lines.contains { $0.hasPrefix("8: speaker: unknown key \"colour\"") })
    #expect(problems.allSatisfy { $0.file == path })
    // A bad value keeps what was inherited; a good one in the same style still applies.
    let base = try #require(Themes.catalog.load("default").0)
    #expect(loaded.style(for: .speech).foreground == base.style(for: .speech).foreground)
    #expect(loaded.style(for: .phrase).attributes == [.bold])
  }

  @Test func unknownThemeNameIsReported() {
    let (theme, problems) = Themes.catalog.load("no-such-theme")
    #expect(theme == nil)
    #expect(problems.first?.message.hasPrefix("no theme named \"no-such-theme\"") == true)
  }

  @Test func choiceFollowsCommandLineThenNoColorThenConfig() {
    let catalog = Themes.catalog
    #expect(ThemeChoice.resolve(commandLine: "light", config: "dark", environment: ["NO_COLOR": "1"], catalog: catalog).0.name == "light")
    #expect(ThemeChoice.resolve(commandLine: nil, config: "dark", environment: ["NO_COLOR": "1"], catalog: catalog).0.name == "mono")
    #expect(ThemeChoice.resolve(commandLine: nil, config: "dark", environment: [:], catalog: catalog).0.name == "dark")
    let (fallback, problems) = ThemeChoice.resolve(commandLine: "nope", config: nil, environment: [:], catalog: catalog)
    #expect(fallback.name == "default")
    #expect(problems.count == 1)
  }
}

@Suite("Colours degrade with the terminal")
struct ColourDegradationTests {
  @Test func parsesEveryWayOfWritingAColour() throws {
    #expect(try ColourSpec.parse("default").get() == .terminalDefault)
    #expect(try ColourSpec.parse("bright_blue").get() == .ansi(12))
    #expect(try ColourSpec.parse("Bright-Blue").get() == .ansi(12))
    #expect(try ColourSpec.parse("236").get() == .indexed(236))
    #expect(try ColourSpec.parse("#FF8800").get() == .rgb(red: 255, green: 136, blue: 0))
    #expect(throws: ThemeProblem.self) { try ColourSpec.parse("#ff88").get() }
    #expect(throws: ThemeProblem.self) { try ColourSpec.parse("256").get() }
    #expect(throws: ThemeProblem.self) { try ColourSpec.parse("chartreuse").get() }
  }

  @Test func depthFollowsTerminfoColorTermAndNoColor() {
    #expect(ColourDepth.detect(colours: 256, environment: [:]) == .palette256)
    #expect(ColourDepth.detect(colours: 256, environment: ["COLORTERM": "truecolor"]) == .palette256)
    #expect(ColourDepth.detect(colours: 0x100_0000, environment: ["COLORTERM": "truecolor"]) == .trueColour)
    #expect(ColourDepth.detect(colours: 0x100_0000, environment: [:]) == .palette256)
    #expect(ColourDepth.detect(colours: 16, environment: [:]) == .sixteen)
    #expect(ColourDepth.detect(colours: 8, environment: [:]) == .eight)
    #expect(ColourDepth.detect(colours: 2, environment: [:]) == .none)
    #expect(ColourDepth.detect(colours: 256, environment: ["NO_COLOR": "1"]) == .none)
  }

  @Test func rgbMapsToTheNearestColourAtEachDepth() {
    let orange = ColourSpec.rgb(red: 255, green: 136, blue: 0)
    #expect(ColourMapper.map(orange, to: .trueColour) == 0xFF8800)
    #expect(ColourMapper.map(orange, to: .palette256) == 208)
    #expect(ColourMapper.map(orange, to: .sixteen) == 3)
    #expect(ColourMapper.map(orange, to: .eight) == 3)
    #expect(ColourMapper.map(orange, to: .none) == -1)
    #expect(ColourMapper.map(.rgb(red: 0x16, green: 0x18, blue: 0x21), to: .palette256) == 233)
    #expect(ColourMapper.map(.rgb(red: 128, green: 128, blue: 128), to: .palette256) == 244)
  }

  @Test func indexesAndNamesDegrade() {
    #expect(ColourMapper.map(.indexed(196), to: .palette256) == 196)
    #expect(ColourMapper.map(.indexed(196), to: .sixteen) == 9)
    #expect(ColourMapper.map(.indexed(196), to: .eight) == 1)
    #expect(ColourMapper.map(.ansi(12), to: .sixteen) == 12)
    #expect(ColourMapper.map(.ansi(12), to: .eight) == 4)
    #expect(ColourMapper.map(.terminalDefault, to: .trueColour) == -1)
  }
}
