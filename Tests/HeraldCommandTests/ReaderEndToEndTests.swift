import Foundation
import TestSupport
import Testing

/// The real binary in tmux: what a person sees and does.
@Suite("The reader in a terminal", .enabled(if: TmuxSession.isAvailable), .serialized)
struct ReaderEndToEndTests {
  private var herald: String { HeraldRun.executable.path }

  @Test func browseReadQuotesResizeAndQuit() throws {
    let tmux = try TmuxSession(width: 120, height: 40)
    try tmux.run("\(herald); echo EXITED $?")
    #expect(try tmux.waitFor("story 1/14") != nil)
    #expect(try tmux.waitFor("Harbour ferry returns after two-year absence") != nil)

    try tmux.send("j", "j")
    #expect(try tmux.waitFor("story 3/14") != nil)
    #expect(try tmux.waitFor("Wickford Gazette · 6 paragraphs · 4 quotes") != nil)

    try tmux.send("Enter")
    #expect(try tmux.waitFor("Esc back") != nil)
    try tmux.send("J")
    #expect(try tmux.waitFor("¶ 2/6") != nil)
    try tmux.send("J")
    #expect(try tmux.waitFor("¶ 3/6") != nil)
    try tmux.send("K")
    #expect(try tmux.waitFor("¶ 2/6") != nil)

    try tmux.send("n")
    #expect(try tmux.waitFor("¶ 3/6 · quote 2/4 Dennis Harrow") != nil)
    // The quote is drawn in another colour than the body text around it.
    let coloured = try #require(try tmux.waitFor(colours: true) { $0.contains("We thought it was the end") })
    let line = try #require(coloured.split(separator: "\n").first { $0.contains("We thought it was the end") })
    let quoteStyle = sgrState(at: "We thought", in: String(line))
    let bodyStyle = try #require(
      coloured.split(separator: "\n").compactMap { sgrState(at: "The pavilion", in: String($0)) }.first)
    #expect(quoteStyle != nil)
    #expect(quoteStyle != bodyStyle)

    try tmux.resize(width: 60, height: 20)
    let narrow = try tmux.waitFor { !$0.contains("│") && $0.contains("¶ 3/6") && $0.contains("We thought") }
    #expect(narrow != nil)
    try tmux.resize(width: 120, height: 40)
    #expect(try tmux.waitFor { $0.contains("│") && $0.contains("Harbour ferry") } != nil)

    try tmux.send("q")
    #expect(try tmux.waitFor("q quit") != nil)
    try tmux.send("q")
    let after = try #require(try tmux.waitFor("EXITED 0"))
    // The shell's screen is back: nothing of the reader is left on it.
    #expect(!after.contains("Harbour ferry"))
    #expect(try tmux.childProcess() == nil)
  }

  /// Skipped, and reported as skipped, when ../shared is not beside the repository.
  @Test(.enabled(if: Fixture.sharedSeed != nil))
  func readsTheSeedArticlesWhenShared() throws {
    let seeds = URL(fileURLWithPath: try #require(Fixture.sharedSeed)).deletingLastPathComponent().path
    let tmux = try TmuxSession(width: 120, height: 40)
    try tmux.run("\(herald) \(seeds); echo EXITED $?")
    #expect(try tmux.waitFor("SAS chiefs refuse US request") != nil)
    try tmux.send("Enter", "n", "n")
    #expect(try tmux.waitFor("quote 2/7 the Mirror source") != nil)
    try tmux.send("q", "q")
    #expect(try tmux.waitFor("EXITED 0") != nil)
  }

  @Test(arguments: [("C-c", "SIGINT", 130), ("TERM", "SIGTERM", 143), ("HUP", "SIGHUP", 129), ("SEGV", "SIGSEGV", 139)])
  func signalsRestoreTheTerminal(key: String, name: String, status: Int) throws {
    let tmux = try TmuxSession(width: 100, height: 20)
    try tmux.run("\(herald); echo EXITED $?")
    #expect(try tmux.waitFor("story 1/14") != nil)
    if key == "C-c" {
      try tmux.send("C-c")
    } else {
      let pid = try #require(try tmux.childProcess())
      kill(pid, ["TERM": SIGTERM, "HUP": SIGHUP, "SEGV": SIGSEGV][key]!)
    }
    let after = try tmux.waitFor("EXITED \(status)")
    #expect(after != nil, "\(name)")
    #expect(after?.contains("story 1/14") == false)
  }

  @Test func nonUTF8LocaleFallsBackToCUTF8() throws {
    let tmux = try TmuxSession(width: 120, height: 30)
    try tmux.run("env -u LANG LC_ALL=C \(herald); echo EXITED $?")
    #expect(try tmux.waitFor("story 1/14") != nil)
    try tmux.send("j", "j", "j", "j", "j")
    #expect(try tmux.waitFor("Robot waiters win over sceptics at Tokyo café 🤖") != nil)
    #expect(try tmux.waitFor("東京 (Tokyo)") != nil)
    try tmux.send("q")
    #expect(try tmux.waitFor("EXITED 0") != nil)
  }

  @Test func withNoPathTheLibraryOpensAndKeepsWhatWasReadAndWhere() throws {
    let library = Scratch.path("herald-e2e-library") + "/library.sqlite"
    let feed = Bundle.module.resourcePath! + "/Fixtures/harbour-feed.xml"
    #expect(try HeraldRun.run(["add", feed, "--library", library]).status == 0)
    let tmux = try TmuxSession(width: 150, height: 30)
    try tmux.run("HERALD_LIBRARY=\(library) \(herald); echo EXITED $?")
    #expect(try tmux.waitFor("story 1/2") != nil)
    // Three panes: the feeds with their unread counts, the headlines, the article.
    #expect(try tmux.waitFor { $0.contains("Quay Times — Harbour") && $0.range(of: #"Unread +2│"#, options: .regularExpression) != nil } != nil)
    try tmux.send("Enter")
    #expect(try tmux.waitFor("Esc back") != nil)
    try tmux.send("j", "j")
    #expect(try tmux.waitFor("¶ 3/4") != nil)
    #expect(try tmux.waitFor { $0.range(of: #"Unread +1│"#, options: .regularExpression) != nil } != nil)
    // q: from the article to the list, to the feeds, and out.
    try tmux.send("q", "q")
    #expect(try tmux.waitFor("feed 1/4 · All") != nil)
    try tmux.send("q")
    #expect(try tmux.waitFor("EXITED 0") != nil)
    let listed = try HeraldRun.run(["list", "--library", library])
    #expect(listed.stdout.split(separator: "\n").filter { $0.contains("\t--\t") }.count == 1)
    try tmux.run("clear; HERALD_LIBRARY=\(library) \(herald); echo EXITED $?")
    #expect(try tmux.waitFor("story 1/2") != nil)
    try tmux.send("Enter")
    #expect(try tmux.waitFor("¶ 3/4") != nil)
    try tmux.send("q", "q", "q")
    #expect(try tmux.waitFor("EXITED 0") != nil)
  }

  @Test func oRunsTheBrowserOnTheLinkAndTheReaderComesBack() throws {
    let browser = try RecordingBrowser()
    let feed = Bundle.module.resourcePath! + "/Fixtures/harbour-feed.xml"
    let tmux = try TmuxSession(width: 120, height: 30)
    try tmux.run("BROWSER=\(browser.path) \(herald) \(feed); echo EXITED $?")
    #expect(try tmux.waitFor("story 1/2") != nil)
    try tmux.send("Enter", "o")
    #expect(try tmux.waitFor("opening https://quay.example/2026/ferry") != nil)
    #expect(try tmux.waitFor("Quay Times — Harbour · 4 paragraphs") != nil)
    #expect(try browser.opened() == "https://quay.example/2026/ferry")
    try tmux.send("q", "q")
    #expect(try tmux.waitFor("EXITED 0") != nil)
  }

  @Test func anEmptyLibraryShowsTheSamplesWithAHint() throws {
    let library = Scratch.path("herald-e2e-empty") + ".sqlite"
    let tmux = try TmuxSession(width: 120, height: 30)
    try tmux.run("\(herald) --library \(library); echo EXITED $?")
    #expect(try tmux.waitFor("herald add URL subscribes to a feed") != nil)
    #expect(try tmux.waitFor("story 1/14") != nil)
    try tmux.send("q")
    #expect(try tmux.waitFor("EXITED 0") != nil)
    #expect(!FileManager.default.fileExists(atPath: library))
  }

  @Test func feedArticlesReadLikeTextArticles() throws {
    let tmux = try TmuxSession(width: 120, height: 30)
    let feed = Bundle.module.resourcePath! + "/Fixtures/harbour-feed.xml"
    try tmux.run("\(herald) \(feed); echo EXITED $?")
    #expect(try tmux.waitFor("story 1/2") != nil)
    try tmux.send("Enter", "n")
    #expect(try tmux.waitFor("Quay Times — Harbour · 4 paragraphs · 2 quotes") != nil)
    #expect(try tmux.waitFor("quote 1/2") != nil)
    #expect(try tmux.waitFor("The harbourmaster said: “People waited a long time.”") != nil)
    try tmux.send("q", "q")
    #expect(try tmux.waitFor("EXITED 0") != nil)
  }

  @Test func dumbTerminalPrintsTheList() throws {
    let tmux = try TmuxSession(width: 120, height: 30)
    try tmux.run("TERM=dumb \(herald); echo EXITED $?")
    let screen = try tmux.waitFor("EXITED 0")
    #expect(screen?.contains("Millbrook Chronicle\tHarbour ferry") == true || screen?.contains("Harbour ferry returns") == true)
    #expect(screen?.contains("story 1/14") == false)
  }

  @Test func hostileTextCannotChangeTheTerminal() throws {
    let tmux = try TmuxSession(width: 100, height: 20)
    let evil = Bundle.module.resourcePath! + "/Fixtures/evil.txt"
    try tmux.run("\(herald) \(evil); echo EXITED $?")
    #expect(try tmux.waitFor("Evil␛[2J headline") != nil)
    try tmux.send("q")
    let after = try tmux.waitFor("EXITED 0")
    #expect(after != nil)
    // Had the ESC]0; sequence reached the terminal it would have set the pane title.
    #expect(after?.contains("pwned") == false)
  }

  /// "🌧️" is two columns in the grid (U+FE0F asks for the emoji picture) but one to ncurses,
  /// which then never wrote its second column: after a resize, text the article pane had
  /// drawn there stayed beside the emoji in the list.
  @Test func anEmojiMadeWideLeavesNoTextOfAnEarlierFrameBesideIt() throws {
    let feed = Scratch.path("herald-e2e-wide-emoji") + ".xml"
    var items = ""
    for day in 1...8 {
      let title = day == 8 ? "Rain falls on the quay as the tide turns \u{1F327}\u{FE0F} later" : "Story \(day)"
      let body = day == 1 ? String(repeating: "x", count: 3_000) : "Text \(day)."
      items += "<item><title>\(title)</title><guid>item-\(day)</guid>"
        + "<pubDate>\(30 - day) Nov 2026 12:00:00 GMT</pubDate><description>\(body)</description></item>"
    }
    let xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>Wide</title>\(items)</channel></rss>"
    #expect(Scratch.createFile(atPath: feed, contents: Data(xml.utf8)))

    // Side by side: the first story's article, a wall of x, fills the right of the screen.
    let tmux = try TmuxSession(width: 120, height: 20)
    try tmux.run("\(herald) \(feed); echo EXITED $?")
    #expect(try tmux.waitFor("story 1/8") != nil)
    #expect(try tmux.waitFor("xxxxxxxxxxxxxxxxxxxx") != nil)
    // One pane: the list now reaches where the article was, the emoji among it.
    try tmux.resize(width: 90, height: 20)
    let screen = try tmux.waitFor { $0.contains("the tide turns") && !$0.contains("xxxxxxxxxx") }
    let line = try #require(screen?.split(separator: "\n").first { $0.contains("the tide turns") })
    #expect(line.contains("later"))
    #expect(!line.contains("\u{1F327}\u{FE0F}x"), "a column of the article left beside the emoji: \(line)")
    try tmux.send("q")
    #expect(try tmux.waitFor("EXITED 0") != nil)
  }

  /// A joined emoji ("👩‍🔬") was given to ncurses whole: its later pictures were lost and the
  /// joiner, sent on its own, swallowed the space after it. It now shows its first picture in
  /// its two columns, and the text after it is intact.
  @Test func aJoinedEmojiKeepsTheTextAfterIt() throws {
    let feed = Scratch.path("herald-e2e-joined-emoji") + ".xml"
    let xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>Lab</title>"
      + "<item><title>Lab \u{1F469}\u{200D}\u{1F52C} \u{201C}We keep going\u{201D} says the chemist</title>"
      + "<guid>1</guid><description>Text.</description></item></channel></rss>"
    #expect(Scratch.createFile(atPath: feed, contents: Data(xml.utf8)))
    let tmux = try TmuxSession(width: 120, height: 10)
    try tmux.run("\(herald) \(feed); echo EXITED $?")
    let screen = try #require(try tmux.waitFor("says the chemist"))
    let line = try #require(screen.split(separator: "\n").first { $0.contains("says the chemist") })
    #expect(line.contains("\u{1F469} \u{201C}We keep going\u{201D} says the chemist"), "\(line)")
    #expect(!line.contains("\u{200D}"), "\(line)")
    try tmux.send("q")
    #expect(try tmux.waitFor("EXITED 0") != nil)
  }
}
