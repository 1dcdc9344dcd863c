import Foundation
import Testing
import TestSupport

@Suite("herald themes and herald config")
struct ThemeCommandTests {
  private func scratchConfigHome() throws -> String {
    let directory = Scratch.path("herald-xdg")
    try FileManager.default.createDirectory(atPath: directory + "/herald/themes", withIntermediateDirectories: true)
    return directory
  }

  @Test func themesListsBundledAndUserThemes() throws {
    let home = try scratchConfigHome()
    defer { try? FileManager.default.removeItem(atPath: home) }
    try "inherits = \"dark\"\ndescription = \"Mine\"\n".write(toFile: home + "/herald/themes/mine.toml", atomically: false, encoding: .utf8)
    let run = try HeraldRun.run(["themes"], environment: ["XDG_CONFIG_HOME": home])
    #expect(run.status == 0)
    let names = run.stdout.split(separator: "\n").map { $0.split(separator: "\t").first.map(String.init) ?? "" }
    #expect(names == ["dark", "default", "dusk", "high-contrast", "light", "mine", "mono"])
    #expect(run.stdout.contains("mine\tMine\tuser: \(home)/herald/themes/mine.toml"))
  }

  @Test func previewInAPipeDescribesEveryStyleWithoutEscapes() throws {
    let run = try HeraldRun.run(["themes", "--preview", "dark"])
    #expect(run.status == 0)
    #expect(!run.stdout.contains("\u{1B}"))
    #expect(run.stdout.contains("speech"))
    #expect(run.stdout.contains("fg #e2a478, bg #161821"))
    #expect(run.stdout.split(separator: "\n").count >= 22)
  }

  @Test func previewOfAnUnknownThemeFails() throws {
    let run = try HeraldRun.run(["themes", "--preview", "nope"])
    #expect(run.status == 1)
    #expect(run.stderr.contains("no theme named \"nope\""))
  }

  @Test func configDefaultPrintsAFileThatChecksClean() throws {
    let home = try scratchConfigHome()
    defer { try? FileManager.default.removeItem(atPath: home) }
    let printed = try HeraldRun.run(["config", "--default"])
    #expect(printed.status == 0)
    try printed.stdout.write(toFile: home + "/herald/config.toml", atomically: false, encoding: .utf8)
    let checked = try HeraldRun.run(["config"], environment: ["XDG_CONFIG_HOME": home])
    #expect(checked.status == 0)
    #expect(checked.stdout.hasSuffix("config.toml: no problems\n"))
  }

  @Test func configCheckListsProblemsWithLines() throws {
    let home = try scratchConfigHome()
    defer { try? FileManager.default.removeItem(atPath: home) }
    try "theme = \"nope\"\n[layout]\nreading_width = 5\n".write(toFile: home + "/herald/config.toml", atomically: false, encoding: .utf8)
    let run = try HeraldRun.run(["config"], environment: ["XDG_CONFIG_HOME": home])
    #expect(run.status == 1)
    #expect(run.stderr.contains("config.toml:3: layout.reading_width = 5 is out of range (20–400)"))
    #expect(run.stderr.contains("no theme named \"nope\""))
  }

  @Test func missingConfigNamedOnTheCommandLineIsAnError() throws {
    let run = try HeraldRun.run(["--config", "/nonexistent/herald.toml"])
    #expect(run.status == 1)
    #expect(run.stderr == "herald: error: /nonexistent/herald.toml: no such config file\n")
  }

  @Test func configCollectionsAreOpenedWhenNoPathIsGiven() throws {
    let home = try scratchConfigHome()
    defer { try? FileManager.default.removeItem(atPath: home) }
    let collection = Bundle.module.resourcePath! + "/Fixtures/collection"
    try "collections = [\"\(collection)\"]\n".write(toFile: home + "/herald/config.toml", atomically: false, encoding: .utf8)
    let run = try HeraldRun.run([], environment: ["XDG_CONFIG_HOME": home])
    #expect(run.status == 0)
    #expect(run.stdout.contains("Dockers return"))
    #expect(!run.stdout.contains("Harbour ferry"))
  }
}
