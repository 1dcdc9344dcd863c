import Foundation
import Testing
import TestSupport

/// Every family of terminal control sequence, put in every field that reaches stdout or stderr:
/// none may come out as a control code, whichever command prints it.
@Suite("Hostile text never reaches the terminal as control codes")
struct HostileOutputTests {
  /// One of each family: cursor moves and clear screen (CSI), window title (OSC 0 and 2), a
  /// hyperlink (OSC 8), a clipboard write (OSC 52), DCS, APC, PM, the 8-bit CSI (U+009B),
  /// a bell, a backspace and DEL.
  static let families = [
    "\u{1B}[2J\u{1B}[H", "\u{1B}]0;pwned-title\u{07}", "\u{1B}]2;pwned-title\u{1B}\\",
    "\u{1B}]8;;http://evil.example/\u{1B}\\link\u{1B}]8;;\u{1B}\\", "\u{1B}]52;c;cHduZWQ=\u{07}", "\u{1B}Pq#0;2;0;0;0\u{1B}\\",
    "\u{1B}_apc\u{1B}\\", "\u{1B}^pm\u{1B}\\", "\u{9B}31m", "\u{08}\u{7F}",
  ].joined()

  /// The bytes that would make a terminal act: C0 but tab and newline, DEL, and C1 in UTF-8
  /// (0xC2 0x80–0x9F) or raw.
  static func controls(in text: String) -> [String] {
    var found: [String] = []
    var previous: UInt8 = 0
    for byte in text.utf8 {
      if (byte < 0x20 && byte != 0x0A && byte != 0x09) || byte == 0x7F { found.append(String(format: "0x%02X", byte)) }
      if previous == 0xC2 && (0x80...0x9F).contains(byte) { found.append(String(format: "U+%04X", byte)) }
      previous = byte
    }
    return found
  }

  static func expectClean(_ run: HeraldRun, _ label: String, sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(controls(in: run.stdout).isEmpty, "stdout of \(label): \(controls(in: run.stdout))", sourceLocation: sourceLocation)
    #expect(controls(in: run.stderr).isEmpty, "stderr of \(label): \(controls(in: run.stderr))", sourceLocation: sourceLocation)
  }

  /// A directory holding a JSON Feed and an RSS feed with the families in every field, and a
  /// plain-text article whose file name holds them too.
  static func hostileDirectory() throws -> String {
    let directory = Scratch.path("herald-hostile")
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    let evil = families
    func json(_ text: String) -> String {
      String(decoding: try! JSONSerialization.data(withJSONObject: text, options: .fragmentsAllowed), as: UTF8.self)
    }
    let feed = """
      {"version": "https://jsonfeed.org/version/1.1", "title": \(json("Feed " + evil)),
       "home_page_url": \(json("http://home.example/" + evil)), "authors": [{"name": \(json("Author " + evil))}],
       "items": [{"id": \(json("id-" + evil)), "url": \(json("http://item.example/" + evil)),
         "title": \(json("Headline " + evil)), "content_text": \(json("Body " + evil + " “Quote " + evil + ",” said Ann " + evil + ".")),
         "date_published": \(json("2026-11-30T08:00:00Z" + evil))},
        {"id": "2", "title": "HTML item", "content_html": \(json("<p>Para " + evil + "<a href=\"http://a.example/" + evil + "\">link " + evil + "</a></p>"))}]}
      """
    try feed.write(toFile: directory + "/hostile.json", atomically: false, encoding: .utf8)
    // XML cannot hold C0 controls even escaped; feeds in the wild put the raw bytes in anyway.
    let rss = """
      <?xml version="1.0" encoding="UTF-8"?>
      <rss version="2.0"><channel><title>RSS \(evil)</title><link>http://rss.example/\(evil)</link>
      <item><title>Item \(evil)</title><author>Writer \(evil)</author><link>http://rss.example/1\(evil)</link>
      <description>&lt;p&gt;Text \(evil) “Words \(evil),” said Bo.&lt;/p&gt;</description></item></channel></rss>
      """
    try rss.write(toFile: directory + "/hostile.xml", atomically: false, encoding: .utf8)
    try "Plain \(evil) headline\n\nA body \(evil) where “someone \(evil),” said Cy \(evil).\n".write(
      toFile: directory + "/name \u{1B}]0;pwned\u{07} and\nnewline.txt", atomically: false, encoding: .utf8)
    return directory
  }

  @Test func filesAndFeedsOnEveryCommand() throws {
    let directory = try Self.hostileDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    for path in [directory, directory + "/hostile.json", directory + "/hostile.xml"] {
      for command in [["list"], ["show"], ["quotes"], ["show", "--json"], ["quotes", "--json"], ["list", "--json"]] {
        let run = try HeraldRun.run(command + [path])
        #expect(run.status == 0, "\(command) \(path): \(run.stderr)")
        Self.expectClean(run, "\(command) \(path)")
      }
    }
    // The words around the controls are all there, the controls shown as symbols.
    let shown = try HeraldRun.run(["show", directory + "/hostile.json"])
    #expect(shown.stdout.contains("Headline ␛[2J␛[H␛]0;pwned-title␇"))
    #expect(shown.stdout.contains("Author ␛[2J"))
  }

  @Test func theLibraryCommands() throws {
    let directory = try Self.hostileDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let library = ["--library", directory + "/library.sqlite"]
    let commands: [[String]] = [
      ["add", directory + "/hostile.json", directory + "/hostile.xml", directory], ["sync"], ["feeds"], ["list"], ["list", "--json"],
      ["show", "1"], ["quotes"], ["search", "Headline"], ["search", "said"], ["export"], ["mark", "--read", "1"],
      ["search", "speaker:Ann"], ["remove", "2"],
    ]
    for command in commands {
      let run = try HeraldRun.run(command + library)
      Self.expectClean(run, "\(command)")
    }
  }

  /// U+202E and its kin in a text article's headline, body, quote and speaker: every JSON
  /// output writes them as `\\u` escapes (a terminal showing the JSON would reorder the line),
  /// and a JSON parser reads back the text as it was.
  @Test func bidiControlsInEveryJSONOutputAreEscaped() throws {
    let directory = Scratch.path("herald-bidi")
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let headline = "Invoice \u{202E}fdp.exe\u{202C} paid"
    let article = "\(headline)\n\n“It was \u{2066}hidden\u{2069} \u{200F}here,” said Ann\u{200B} Lee.\n\nSource: Gazette \u{202D}x\n"
    try article.write(toFile: directory + "/bidi.txt", atomically: false, encoding: .utf8)
    let bidi: Set<UInt32> = [0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069, 0x200B, 0x200E, 0x200F]
    func expectEscaped(_ run: HeraldRun, _ label: String) throws {
      #expect(run.status == 0, "\(label): \(run.stderr)")
      let raw = run.stdout.unicodeScalars.filter { bidi.contains($0.value) }
      #expect(raw.isEmpty, "\(label) wrote \(raw.map { String($0.value, radix: 16) }) raw")
      #expect(run.stdout.contains("\\u202e"), "\(label): \(run.stdout)")
      let parsed = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8))
      #expect(String(describing: parsed).contains("\u{202E}"), "\(label) did not read back")
    }
    for command in [["show", "--json"], ["list", "--json"], ["quotes", "--json"]] {
      try expectEscaped(try HeraldRun.run(command + [directory + "/bidi.txt"]), "\(command)")
    }
    let shown = try JSONSerialization.jsonObject(with: Data(try HeraldRun.run(["show", "--json", directory + "/bidi.txt"]).stdout.utf8))
    let articles = (shown as? [String: Any])?["articles"] as? [[String: Any]]
    #expect(articles?.first?["headline"] as? String == headline)
    let library = ["--library", directory + "/library.sqlite"]
    #expect(try HeraldRun.run(["add", directory] + library).status == 0)
    #expect(try HeraldRun.run(["sync"] + library).status == 0)
    for command in [["list", "--json"], ["search", "--json", "Invoice"], ["quotes", "--json"], ["show", "--json", "1"]] {
      try expectEscaped(try HeraldRun.run(command + library), "library \(command)")
    }
  }

  @Test func fileNamesInErrorsAndWarnings() throws {
    let directory = try Self.hostileDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let missing = directory + "/gone \u{1B}[2J\u{9B}1m\nname.txt"
    let empty = directory + "/empty \u{1B}]0;x\u{07}.txt"
    #expect(Scratch.createFile(atPath: empty, contents: Data()))
    for command in ["list", "show", "quotes"] {
      let run = try HeraldRun.run([command, missing, empty, directory + "/hostile.json"])
      #expect(run.stderr.contains("gone ␛[2J"), "\(run.stderr)")
      Self.expectClean(run, "\(command) with bad files")
    }
  }

  @Test func aFileNameThatIsNotUTF8IsNamedAndSkipped() throws {
    let directory = Scratch.path("herald-badname")
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: directory) }
    try "Fine\n\nBody.\n".write(toFile: directory + "/ok.txt", atomically: false, encoding: .utf8)
    let name = Array((directory + "/caf").utf8) + [0xE9, 0x20, 0xFF, 0x1B] + Array("[2J.txt".utf8) + [0]
    let fd = name.withUnsafeBufferPointer { open(UnsafeRawPointer($0.baseAddress!).assumingMemoryBound(to: CChar.self), O_CREAT | O_WRONLY, 0o644) }
    #expect(fd >= 0)
    _ = Array("Latin name\n\nBody.\n".utf8).withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
    close(fd)
    let run = try HeraldRun.run(["list", directory])
    #expect(run.status == 0)
    #expect(run.stdout.contains("Fine"))
    #expect(run.stderr.contains("/caf\u{FFFD} \u{FFFD}␛[2J.txt: the file name is not UTF-8"), "\(run.stderr)")
    Self.expectClean(run, "list with a name that is not UTF-8")
  }

  /// Permissions do not bind root, so as root the check runs as `nobody` through runuser(1).
  static var unprivileged: [String]? {
    if getuid() != 0 { return [] }
    let runuser = "/usr/sbin/runuser"
    return FileManager.default.isExecutableFile(atPath: runuser) ? [runuser, "-u", "nobody", "--"] : nil
  }

  @Test(.enabled(if: unprivileged != nil)) func unreadableFilesAndDirectoriesAreNamedAndTheRestListed() throws {
    let directory = Scratch.path("herald-unreadable")
    try FileManager.default.createDirectory(atPath: directory + "/locked", withIntermediateDirectories: true)
    defer {
      chmod(directory + "/locked", 0o755)
      try? FileManager.default.removeItem(atPath: directory)
    }
    try "Readable\n\nBody.\n".write(toFile: directory + "/ok.txt", atomically: false, encoding: .utf8)
    try "Secret\n\nBody.\n".write(toFile: directory + "/secret.txt", atomically: false, encoding: .utf8)
    try "Deep\n\nBody.\n".write(toFile: directory + "/locked/deep.txt", atomically: false, encoding: .utf8)
    #expect(chmod(directory + "/secret.txt", 0) == 0 && chmod(directory + "/locked", 0) == 0 && chmod(directory, 0o755) == 0)
    let prefix = try #require(Self.unprivileged)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: prefix.first ?? HeraldRun.executable.path)
    process.arguments = Array(prefix.dropFirst()) + (prefix.isEmpty ? [] : [HeraldRun.executable.path]) + ["list", directory]
    process.environment = ["PATH": "/usr/bin:/bin", "XDG_DATA_HOME": "/nonexistent", "XDG_CONFIG_HOME": "/nonexistent", "LANG": "C.UTF-8"]
    let output = Pipe()
    let errors = Pipe()
    process.standardOutput = output
    process.standardError = errors
    try process.run()
    let listed = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    let warned = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    #expect(process.terminationStatus == 0)
    #expect(listed.contains("Readable") && !listed.contains("Secret"))
    #expect(warned.contains("\(directory)/secret.txt: cannot read: Permission denied"), "\(warned)")
    #expect(warned.contains("\(directory)/locked: cannot read: Permission denied"), "\(warned)")
  }

  @Test func themeNamesAndConfigValues() throws {
    let home = Scratch.path("herald-hostile-xdg")
    try FileManager.default.createDirectory(atPath: home + "/herald/themes", withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: home) }
    let evil = Self.families
    try "description = \"Theme \(evil.tomlEscaped)\"\n[styles]\n\"el\(evil.tomlEscaped)\" = { fg = \"\(evil.tomlEscaped)\" }\n".write(
      toFile: home + "/herald/themes/evil \u{1B}]0;t\u{07}.toml", atomically: false, encoding: .utf8)
    try "theme = \"\(evil.tomlEscaped)\"\n[\"reader\(evil.tomlEscaped)\"]\nkey = \"\(evil.tomlEscaped)\"\n".write(
      toFile: home + "/herald/config.toml", atomically: false, encoding: .utf8)
    let environment = ["XDG_CONFIG_HOME": home]
    for command in [["themes"], ["themes", "--preview", "evil \u{1B}]0;t\u{07}"], ["config"], ["list", "/nonexistent"]] {
      let run = try HeraldRun.run(command, environment: environment)
      Self.expectClean(run, "\(command)")
    }
  }
}

extension String {
  /// The text as the inside of a TOML basic string: controls as \u escapes.
  var tomlEscaped: String {
    var result = ""
    for scalar in unicodeScalars {
      switch scalar {
      case "\"": result += "\\\""
      case "\\": result += "\\\\"
      case _ where scalar.value < 0x20 || scalar.value == 0x7F: result += String(format: "\\u%04X", scalar.value)
      default: result.unicodeScalars.append(scalar)
      }
    }
    return result
  }
}
