import Foundation
import TestSupport
import Testing

/// An RSS feed of the given items: (guid, title, paragraph HTML, day of November 2026).
private func rss(_ items: [(String, String, String, Int)]) -> String {
  var text = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>Quay Wire</title>\n"
  for (guid, title, body, day) in items {
    text += "<item><guid>\(guid)</guid><title>\(title)</title>"
    text += "<pubDate>\(String(format: "%02d", day)) Nov 2026 09:00:00 GMT</pubDate>"
    text += "<description><![CDATA[\(body)]]></description></item>\n"
  }
  return text + "</channel></rss>\n"
}

private let ferry = ("ferry", "Ferry back in service", "<p>The ferry ran again on Monday.</p><p>“People waited a long time,” said Gwen Tallis, the harbourmaster.</p>", 20)
private let bridge = ("bridge", "Bridge shut for repairs", "<p>The bridge shut at noon.</p><p>“It will reopen in spring,” said engineer Ravi Dhillon.</p>", 21)
private let quay = ("quay", "New quay opens", "<p>The new quay opened.</p><p>“We kept our promise,” said Gwen Tallis.</p>", 22)

/// The feed server of Fixtures/slow_feed_server.py: the first answer at once, the later ones
/// slowly. Killed by its PID when the test ends (it also exits after 60 s).
private final class SlowFeedServer: LocalServer {
  init(first: String, later: String, delay: Double) throws {
    try super.init(script: Fixture.path("slow_feed_server.py"), arguments: [first, later, String(delay)])
  }
}

/// The real binary on a library the test builds from local feeds.
@Suite(
  "The reader on a library, in a terminal",
  .enabled(if: TmuxSession.isAvailable && LocalServer.isAvailable), .serialized)
struct LibraryReaderEndToEndTests {
  private let directory = Scratch.path("herald-e2e-lib")
  private var library: String { directory + "/library.sqlite" }
  private var herald: String { HeraldRun.executable.path }

  init() throws {
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
  }

  @Test func rSyncsFromASlowServerWhileKeysKeepAnsweringAndTheNewStoryAppearsAbove() throws {
    try rss([bridge, ferry]).write(toFile: directory + "/first.xml", atomically: false, encoding: .utf8)
    try rss([quay, bridge, ferry]).write(toFile: directory + "/later.xml", atomically: false, encoding: .utf8)
    let server = try SlowFeedServer(first: directory + "/first.xml", later: directory + "/later.xml", delay: 3)
    #expect(try HeraldRun.run(["add", "http://127.0.0.1:\(server.port)/feed.xml", "--library", library]).status == 0)
    let tmux = try TmuxSession(width: 150, height: 30)
    try tmux.run("HERALD_LIBRARY=\(library) \(herald); echo EXITED $?")
    #expect(try tmux.waitFor("story 1/2") != nil)
    try tmux.send("R")
    #expect(try tmux.waitFor("syncing") != nil)
    // The server holds its answer for 3 s; meanwhile the keys move, open and leave a story.
    try tmux.send("j")
    #expect(try tmux.waitFor(timeout: 2) { $0.contains("story 2/2") && $0.contains("syncing") } != nil)
    try tmux.send("Enter")
    #expect(try tmux.waitFor(timeout: 2) { $0.contains("Gwen Tallis") && $0.contains("syncing") } != nil)
    try tmux.send("Escape")
    // The new story arrives above; the selection stays on the story it was on.
    #expect(try tmux.waitFor("synced 1 feed: 1 new") != nil)
    #expect(try tmux.waitFor("story 3/3") != nil)
    #expect(try tmux.waitFor("New quay opens") != nil)
    try tmux.send("q", "q")
    #expect(try tmux.waitFor("EXITED 0") != nil)
  }

  @Test func syncsStatusLineFitsANarrowTerminalAndNamesTheFeedStillFetched() throws {
    try rss([ferry]).write(toFile: directory + "/first.xml", atomically: false, encoding: .utf8)
    try rss([quay]).write(toFile: directory + "/later.xml", atomically: false, encoding: .utf8)
    let server = try SlowFeedServer(first: directory + "/first.xml", later: directory + "/later.xml", delay: 4)
    let syncLibrary = directory + "/narrow.sqlite"
    // The server answers any path; the two differ only at their end, as one site's feeds do.
    let base = "http://127.0.0.1:\(server.port)/news/sections/regional/coverage/"
    try "\(base)harbour-and-quays.xml\n\(base)bridges-and-roads.xml\n".write(
      toFile: directory + "/narrow-urls", atomically: false, encoding: .utf8)
    #expect(try HeraldRun.run(["import", directory + "/narrow-urls", "--library", syncLibrary]).status == 0)
    let tmux = try TmuxSession(width: 50, height: 10)
    try tmux.run("\(herald) sync --library \(syncLibrary); echo EXITED $?")
    // One feed answers at once, the other after 4 s: meanwhile the line names the one left.
    let screen = try tmux.waitFor(timeout: 3) { $0.contains("syncing 1/2 feeds") }
    let line = try #require(screen?.split(separator: "\n").first { $0.contains("syncing 1/2 feeds") })
    #expect(line.count <= 49, "\(line)")
    #expect(line.hasSuffix("roads.xml") || line.hasSuffix("quays.xml"), "\(line)")
    #expect(line.contains(" · http://127.") && line.contains("…"), "\(line)")
    #expect(try tmux.waitFor("EXITED 0") != nil)
  }

  @Test func aDirectoryIsNamedByItsLastPartInTheListAndInSearchHits() throws {
    // Articles without a source line are shown under their feed: a directory with no title
    // is named by its path, which a headline row has no room for.
    let articles = directory + "/Notes"
    try FileManager.default.createDirectory(atPath: articles, withIntermediateDirectories: true)
    try "Seed library opens\n\nThe library now lends seeds as well as books.\n".write(
      toFile: articles + "/seeds.txt", atomically: false, encoding: .utf8)
    let dirLibrary = directory + "/directory.sqlite"
    #expect(try HeraldRun.run(["add", articles, "--library", dirLibrary]).status == 0)
    let tmux = try TmuxSession(width: 150, height: 20)
    try tmux.run("HERALD_LIBRARY=\(dirLibrary) \(herald); echo EXITED $?")
    #expect(try tmux.waitFor { $0.contains("story 1/1") && $0.contains("• Notes") } != nil)
    try tmux.send("/")
    try tmux.send("-l", "seeds")
    try tmux.send("Enter")
    let hits = try tmux.waitFor("1 found for seeds")
    let row = try #require(hits?.split(separator: "\n").first { $0.contains("Seed library opens") && $0.contains("•") })
    #expect(row.contains("• Notes") && !row.contains("/"), "\(row)")
    try tmux.send("Escape", "q", "q")
    #expect(try tmux.waitFor("EXITED 0") != nil)
  }

  @Test func slashSearchesTheLibraryMarksStayAndWShowsWhoSaidWhat() throws {
    try rss([quay, bridge, ferry]).write(toFile: directory + "/wire.xml", atomically: false, encoding: .utf8)
    #expect(try HeraldRun.run(["add", directory + "/wire.xml", "--library", library]).status == 0)
    let tmux = try TmuxSession(width: 150, height: 30)
    try tmux.run("HERALD_LIBRARY=\(library) \(herald); echo EXITED $?")
    #expect(try tmux.waitFor("story 1/3") != nil)
    // `/` in the list searches the whole library; the hits replace the list until Esc.
    try tmux.send("/")
    try tmux.send("-l", "spring")
    try tmux.send("Enter")
    #expect(try tmux.waitFor("1 found for spring") != nil)
    #expect(try tmux.waitFor { $0.contains("story 1/1") && $0.contains("Bridge shut for repairs") } != nil)
    try tmux.send("Escape")
    #expect(try tmux.waitFor("story 1/3") != nil)
    // Marks: s stars, u marks read, U takes back the last; they are in the library after quitting.
    try tmux.send("s")
    #expect(try tmux.waitFor { $0.contains("starred") && $0.contains("•*") } != nil)
    try tmux.send("u")
    #expect(try tmux.waitFor("marked read") != nil)
    try tmux.send("U")
    #expect(try tmux.waitFor("undone: 1 story marked unread") != nil)
    // `w`: who is quoted in these stories, most quoted first; Enter lists one speaker's quotes,
    // Enter on a quote opens its story with the quote current.
    try tmux.send("w")
    #expect(try tmux.waitFor { $0.range(of: #"2 +Gwen Tallis"#, options: .regularExpression) != nil } != nil)
    try tmux.send("Enter")
    #expect(try tmux.waitFor("We kept our promise") != nil)
    try tmux.send("j", "Enter")
    #expect(try tmux.waitFor { $0.contains("Ferry back in service") && $0.contains("quote 1/1") } != nil)
    try tmux.send("q", "q", "q")
    #expect(try tmux.waitFor("EXITED 0") != nil)
    let listed = try HeraldRun.run(["list", "--library", library]).stdout.split(separator: "\n")
    #expect(listed.first?.contains("\tN*\t") == true)
    #expect(listed.last?.contains("\t-") == true)
  }
}
