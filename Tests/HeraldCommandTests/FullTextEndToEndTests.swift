import Foundation
import TestSupport
import Testing

/// The local web server of Fixtures/page_server.py, serving Fixtures/pages.
private final class PageServer: LocalServer {
  init(delay: Double) throws {
    try super.init(script: Fixture.path("page_server.py"), arguments: [WebPageFixtures.directory, String(delay)])
  }
}

@Suite("Full text in the reader, in a terminal", .enabled(if: TmuxSession.isAvailable && LocalServer.isAvailable), .serialized)
struct FullTextEndToEndTests {
  private var herald: String { HeraldRun.executable.path }

  @Test func fFetchesTheFullTextInTheBackgroundAndFAgainGoesBackToTheSummary() throws {
    // The page takes 2 s to come: the keys keep answering meanwhile.
    let server = try PageServer(delay: 2)
    let tmux = try TmuxSession(width: 120, height: 30)
    try tmux.run("\(herald) http://127.0.0.1:\(server.port)/summary-feed.xml; echo EXITED $?")
    #expect(try tmux.waitFor("story 1/2") != nil)
    try tmux.send("Enter")
    #expect(try tmux.waitFor("One line, as summary feeds give.") != nil)
    try tmux.send("f")
    #expect(try tmux.waitFor("fetching the full text from 127.0.0.1…") != nil)
    try tmux.send("?")
    #expect(try tmux.waitFor(timeout: 1.5) { $0.contains("full text from the story") && $0.contains("fetching the full text") } != nil)
    try tmux.send("Escape")
    let full = try tmux.waitFor { $0.contains("carrying more than two hundred passengers") && $0.contains("full text") }
    #expect(full != nil)
    #expect(full?.contains("Most read") == false && full?.contains("Share on") == false)
    // Its quotes are found, with the speaker.
    #expect(full?.contains("2 quotes") == true)
    try tmux.send("f")
    #expect(try tmux.waitFor { $0.contains("One line, as summary feeds give.") && $0.contains("the feed's text") } != nil)
    try tmux.send("q", "q")
    #expect(try tmux.waitFor("EXITED 0") != nil)
  }

  @Test func theReaderOpensAWebPagesArticle() throws {
    // Found by trying it: the page was listed, then opened as a file ("no such file").
    let server = try PageServer(delay: 0)
    let tmux = try TmuxSession(width: 120, height: 30)
    try tmux.run("\(herald) http://127.0.0.1:\(server.port)/harbour-story.html; echo EXITED $?")
    #expect(try tmux.waitFor("story 1/1") != nil)
    try tmux.send("Enter")
    #expect(try tmux.waitFor { $0.contains("carrying more than two hundred passengers") && $0.contains("2 quotes") } != nil)
    try tmux.send("n")
    #expect(try tmux.waitFor("quote 1/2 Mira Holt") != nil)
    try tmux.send("q", "q")
    #expect(try tmux.waitFor("EXITED 0") != nil)
  }

  @Test func aPageThatCannotBeFetchedIsSaidAndTheSummaryStays() throws {
    let server = try PageServer(delay: 0)
    let tmux = try TmuxSession(width: 120, height: 30)
    try tmux.run("\(herald) http://127.0.0.1:\(server.port)/summary-feed.xml; echo EXITED $?")
    #expect(try tmux.waitFor("story 1/2") != nil)
    try tmux.send("j", "Enter")
    #expect(try tmux.waitFor("This summary is all there is.") != nil)
    try tmux.send("f")
    #expect(try tmux.waitFor { $0.contains("no full text: HTTP 404 Not Found") && $0.contains("This summary is all there is.") } != nil)
    try tmux.send("q", "q")
    #expect(try tmux.waitFor("EXITED 0") != nil)
  }

  @Test func addWithFullTextStoresThePagesBehindTheFeedAndSaysWhatBecameOfThem() throws {
    let server = try PageServer(delay: 0)
    let library = Scratch.path("herald-full-text") + ".sqlite"
    let run = try HeraldRun.run(["add", "--full-text", "http://127.0.0.1:\(server.port)/summary-feed.xml", "--library", library])
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stdout.contains("added Quay Times summaries: 2 articles"))
    #expect(run.stdout.contains("full text: 1 page stored, 1 kept the feed's text (no page or no article in it)"))
    let list = try HeraldRun.run(["list", "--library", library])
    let ferry = try #require(list.stdout.split(separator: "\n").first { $0.contains("Ferry returns") }?.split(separator: "\t").first)
    let shown = try HeraldRun.run(["show", String(ferry), "--library", library])
    #expect(shown.stdout.contains("The harbour ferry returned to service on Monday morning"))
    #expect(shown.stdout.contains("Mira Holt"))
    #expect(try HeraldRun.run(["status", "--json", "--library", library]).stdout.contains("\"pending_full_text\": 0"))
    #expect(try HeraldRun.run(["feeds", "--json", "--library", library]).stdout.contains("\"full_text\": true"))
    // A second sync fetches no page again.
    let again = try HeraldRun.run(["sync", "--library", library])
    #expect(again.status == 0)
    #expect(!again.stdout.contains("full text:"))
  }

  @Test func theReadersSyncFetchesAFullTextFeedsPagesWhileKeysKeepAnswering() throws {
    // The page takes 3 s; the feed becomes a full-text one through the config, so the reader's
    // own sync (R) has its pages to fetch.
    let server = try PageServer(delay: 3)
    let home = Scratch.path("herald-full-text-reader")
    try FileManager.default.createDirectory(atPath: home + "/herald", withIntermediateDirectories: true)
    try "[library]\nfull_text = [\"Quay Times summaries\"]\n".write(toFile: home + "/herald/config.toml", atomically: false, encoding: .utf8)
    let library = home + "/library.sqlite"
    #expect(try HeraldRun.run(["add", "http://127.0.0.1:\(server.port)/summary-feed.xml", "--library", library]).status == 0)
    let tmux = try TmuxSession(width: 150, height: 30)
    try tmux.run("XDG_CONFIG_HOME=\(home) HERALD_LIBRARY=\(library) \(herald); echo EXITED $?")
    #expect(try tmux.waitFor("story 1/2") != nil)
    try tmux.send("R")
    #expect(try tmux.waitFor("fetching full text") != nil)
    try tmux.send("j")
    #expect(try tmux.waitFor(timeout: 2) { $0.contains("story 2/2") && $0.contains("fetching full text") } != nil)
    // Once stored, the story (opened again) has its page's text, and f shows the feed's.
    #expect(try tmux.waitFor(timeout: 15) { $0.contains("synced 1 feed") } != nil)
    // (The story shown is not read again by itself; the list reloads after the sync, so the
    // reader is started again rather than raced.)
    try tmux.send("q", "q")
    #expect(try tmux.waitFor("EXITED 0") != nil)
    try tmux.run("clear; XDG_CONFIG_HOME=\(home) HERALD_LIBRARY=\(library) \(herald); echo EXITED $?")
    #expect(try tmux.waitFor("story 1/2") != nil)
    try tmux.send("j")
    let reopened = try tmux.waitFor { $0.contains("carrying more than two hundred passengers") && $0.contains("full text") }
    let screen = try tmux.screen()
    #expect(reopened != nil, "\(screen)")
    try tmux.send("f")
    #expect(try tmux.waitFor("One line, as summary feeds give.") != nil)
    try tmux.send("q", "q")
    #expect(try tmux.waitFor("EXITED 0") != nil)
  }
}
