import Foundation
import Testing
import TestSupport

/// Colour as a person sees it: the SGR codes tmux reports for the screen.
@Suite("Themes in a terminal", .enabled(if: TmuxSession.isAvailable), .serialized)
struct ThemeEndToEndTests {
  private var herald: String { HeraldRun.executable.path }

  /// The colour codes (30–37, 38;…, 40–47, 48;…, 90–97, 100–107) in a `capture-pane -e` screen.
  private func colourCodes(in screen: String) -> Set<String> {
    var found: Set<String> = []
    var rest = Substring(screen)
    while let start = rest.range(of: "\u{1B}[") {
      rest = rest[start.upperBound...]
      guard let end = rest.firstIndex(of: "m") else { break }
      let parameters = rest[..<end].split(separator: ";").map(String.init)
      var index = 0
      while index < parameters.count {
        let code = Int(parameters[index]) ?? 0
        if code == 38 || code == 48 {
          let length = parameters.count > index + 1 && parameters[index + 1] == "2" ? 5 : 3
          found.insert(parameters[index..<min(parameters.count, index + length)].joined(separator: ";"))
          index += length
          continue
        }
        if (30...37).contains(code) || (40...47).contains(code) || (90...97).contains(code) || (100...107).contains(code) {
          found.insert(String(code))
        }
        index += 1
      }
      rest = rest[end...]
    }
    return found
  }

  private func openQuote(_ tmux: TmuxSession) throws -> String? {
    #expect(try tmux.waitFor("story 1/14") != nil)
    try tmux.send("Enter", "n")
    return try tmux.waitFor(colours: true) { $0.contains("quote 1/3") }
  }

  @Test func monoThemeDrawsNoColour() throws {
    let tmux = try TmuxSession(width: 120, height: 30)
    try tmux.run("\(herald) --theme mono; echo EXITED $?")
    let screen = try #require(try openQuote(tmux))
    #expect(colourCodes(in: screen).isEmpty, "\(colourCodes(in: screen))")
    // Without colour the quote still stands apart: it is drawn bold or underlined.
    let line = try #require(screen.split(separator: "\n").first { $0.contains("People have waited") })
    #expect(sgrState(at: "People", in: String(line)) != sgrState(at: "Harbourmaster", in: String(line)))
    try tmux.send("q", "q")
    #expect(try tmux.waitFor("EXITED 0") != nil)
  }

  @Test func noColorMeansMono() throws {
    let tmux = try TmuxSession(width: 120, height: 30)
    try tmux.run("NO_COLOR=1 \(herald); echo EXITED $?")
    let screen = try #require(try openQuote(tmux))
    #expect(colourCodes(in: screen).isEmpty, "\(colourCodes(in: screen))")
    try tmux.send("q", "q")
    #expect(try tmux.waitFor("EXITED 0") != nil)
  }

  @Test func tChangesTheColoursOnScreen() throws {
    let tmux = try TmuxSession(width: 120, height: 30)
    try tmux.run("\(herald) --theme default; echo EXITED $?")
    let before = try #require(try openQuote(tmux))
    try tmux.send("t")
    let after = try #require(try tmux.waitFor(colours: true) { $0.contains("theme: dusk") })
    #expect(colourCodes(in: before) != colourCodes(in: after))
    // dusk inherits dark's body colour (#c6c8d1, 251 of 256): on screen only after the switch.
    #expect(!colourCodes(in: before).contains("38;5;251"))
    #expect(colourCodes(in: after).contains("38;5;251"))
    try tmux.send("q", "q")
    #expect(try tmux.waitFor("EXITED 0") != nil)
  }

  @Test func eightColourTerminalGetsOnlyTheEightColours() throws {
    let tmux = try TmuxSession(width: 120, height: 30)
    try tmux.run("TERM=xterm \(herald) --theme dark; echo EXITED $?")
    let screen = try #require(try openQuote(tmux))
    let codes = colourCodes(in: screen)
    #expect(!codes.isEmpty)
    #expect(codes.allSatisfy { !$0.hasPrefix("38;5") && !$0.hasPrefix("48;5") && !$0.hasPrefix("38;2") })
    try tmux.send("q", "q")
    #expect(try tmux.waitFor("EXITED 0") != nil)
  }

  @Test func configMistakesAreReportedAndTheReaderStillStarts() throws {
    let directory = Scratch.path("herald-config")
    try FileManager.default.createDirectory(atPath: directory + "/herald", withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: directory) }
    try "theme = \"light\"\nwidth = 3\n[keys]\nnext_quote = [\"x\"]\n".write(
      toFile: directory + "/herald/config.toml", atomically: false, encoding: .utf8)
    let tmux = try TmuxSession(width: 120, height: 30)
    try tmux.run("XDG_CONFIG_HOME=\(directory) \(herald); echo EXITED $?")
    #expect(try tmux.waitFor("story 1/14") != nil)
    try tmux.send("Enter", "x")
    #expect(try tmux.waitFor("quote 1/3") != nil)
    try tmux.send("q", "q")
    let after = try #require(try tmux.waitFor("EXITED 0"))
    // The warning names the config's full path, so it may wrap at the pane's edge.
    #expect(after.replacingOccurrences(of: "\n", with: "").contains("config.toml:2: unknown setting \"width\""))
  }
}
