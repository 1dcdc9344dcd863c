import Foundation
import Testing
import TestSupport

@Suite("herald sync, remove, import, export, and list/show/quotes on the library")
struct SyncCommandTests {
  private let directory = Scratch.path("herald-cmd-sync")
  private var library: String { directory + "/library.sqlite" }

  init() throws {
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
  }

  private func herald(_ arguments: [String]) throws -> HeraldRun {
    try HeraldRun.run(arguments + ["--library", library])
  }

  /// A feed file of `count` items written here, large enough to take a moment to store.
  private func bigFeed(_ name: String, count: Int) throws -> String {
    var text = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>\(name)</title>\n"
    for index in 0..<count {
      text += "<item><guid>\(name)-\(index)</guid><title>Story \(index) of \(name)</title><description>"
      text += String(repeating: "The harbour master said the tide was high. ", count: 20)
      text += "&lt;p&gt;“We are ready,” said Ana Ruiz.&lt;/p&gt;</description></item>\n"
    }
    let path = directory + "/" + name + ".xml"
    try (text + "</channel></rss>\n").write(toFile: path, atomically: false, encoding: .utf8)
    return path
  }

  /// An untitled feed is named by its URL, which the fetch error starts with too: the line
  /// says it once ("failed   URL: connection refused").
  @Test func anUntitledFeedThatFailsIsNamedOnce() throws {
    let url = "http://127.0.0.1:1/never.xml"
    let added = try herald(["add", url])
    #expect(added.stdout.contains("added \(url) (id 1), but it could not be read yet: connection refused\n"))
    let sync = try herald(["sync"])
    #expect(sync.status == 1)
    #expect(sync.stderr.contains("failed   \(url): connection refused\n"))
    #expect(sync.stdout.contains("failed   \(url): connection refused\n"))
    #expect(!sync.stdout.contains("\(url): \(url)"))
  }

  @Test func syncPrintsALinePerFeedAndASummaryAndFailsWhenAFeedFails() throws {
    let feed = directory + "/harbour.xml"
    try FileManager.default.copyItem(atPath: Fixture.path("harbour-feed.xml"), toPath: feed)
    #expect(try herald(["add", feed]).status == 0)
    // A feed file that goes away after it was added fails each sync, with the reason.
    let gone = try bigFeed("missing", count: 1)
    #expect(try herald(["add", gone]).status == 0)
    try FileManager.default.removeItem(atPath: gone)
    let sync = try herald(["sync"])
    #expect(sync.status == 1)
    #expect(sync.stderr.contains("same     Quay Times — Harbour\n"))
    #expect(sync.stderr.contains("failed   missing: \(directory)/missing.xml: no such file or directory"))
    #expect(sync.stdout.hasPrefix("synced 2 feeds: 0 new articles; 0 updated, 1 unchanged, 1 failed\n"))
    #expect(sync.stdout.contains("failed   missing: \(directory)/missing.xml: no such file or directory"))
    let one = try herald(["sync", "Quay Times — Harbour"])
    #expect(one.status == 0)
    #expect(one.stdout == "synced 1 feed: 0 new articles; 0 updated, 1 unchanged, 0 failed\n")
    let removed = try herald(["remove", "Quay Times — Harbour"])
    #expect(removed.stdout == "removed Quay Times — Harbour and its 2 articles\n")
    #expect(try herald(["feeds"]).stdout.split(separator: "\n").count == 1)
  }

  /// `herald reader-bench` (hidden, used by scripts/first-screen-library.sh) runs the reader's
  /// loop on a library and prints its two timings; a bad size is refused.
  @Test func readerBenchTimesKeysOnALibrary() throws {
    let feed = directory + "/harbour.xml"
    try FileManager.default.copyItem(atPath: Fixture.path("harbour-feed.xml"), toPath: feed)
    #expect(try herald(["add", feed]).status == 0)
    let bench = try herald(["reader-bench", "--keys", "40", "--size", "100x20"])
    #expect(bench.status == 0)
    #expect(bench.stdout.hasPrefix("reader-bench: 2 stories in the library, 40 keys, 100x20"))
    #expect(bench.stdout.contains("\nkey to frame: p50 "))
    #expect(bench.stdout.contains("(40 keys)\nkey to every headline shown (page queries included): p50 "))
    #expect(!(try herald(["--help"]).stdout.contains("reader-bench")))
    let badSize = try herald(["reader-bench", "--size", "wide"])
    #expect(badSize.status != 0)
    #expect(badSize.stderr.contains("--size wants COLUMNSxROWS"))
  }

  @Test func listShowAndQuotesReadTheLibrary() throws {
    let articles = directory + "/articles"
    try FileManager.default.createDirectory(atPath: articles, withIntermediateDirectories: true)
    try FileManager.default.copyItem(atPath: Fixture.path("dockside.txt"), toPath: articles + "/dockside.txt")
    #expect(try herald(["add", articles]).status == 0)
    let list = try herald(["list"])
    let fields = try #require(list.stdout.split(separator: "\n").first).split(separator: "\t").map(String.init)
    #expect(fields.count == 5)
    #expect(fields[1] == "N-")
    #expect(fields[4].hasPrefix("Dockers return"))
    let id = fields[0]
    #expect(try herald(["mark", "star", id]).status == 0)
    let starred = try herald(["list", "--starred", "--json"])
    let value = try #require(try JSONSerialization.jsonObject(with: Data(starred.stdout.utf8)) as? [[String: Any]])
    #expect(value.first?["starred"] as? Bool == true && value.first?["read"] as? Bool == false)
    #expect(try herald(["list", "--unread", "--tag", "nothing"]).stdout.isEmpty)
    let show = try herald(["show", id])
    #expect(show.stdout.contains("union organiser Lina Park"))
    let quotes = try herald(["quotes", "--flat", "--speaker", "PARK"])
    #expect(quotes.stdout.split(separator: "\n").map { $0.split(separator: "\t")[3] } == ["union organiser Lina Park"])
    #expect(try herald(["quotes", "--speaker", "PARK"]).stdout.hasPrefix("Lina Park · 1 quote\n"))
    #expect(try herald(["quotes", "--speaker", "nobody"]).stdout.isEmpty)
    // A second source where one speaker is quoted twice and a phrase has no speaker, so the
    // grouped order below has something to get wrong.
    let more = directory + "/more"
    try FileManager.default.createDirectory(atPath: more, withIntermediateDirectories: true)
    try "Pier reopens\n\n“It was worth the wait,” said Ana Ruiz.\n\n“We start again on Monday,” said Ana Ruiz.\n\nThe old pier was “a mess”.\n"
      .write(toFile: more + "/pier.txt", atomically: false, encoding: .utf8)
    #expect(try herald(["add", more]).status == 0)
    // The whole library, grouped: headings most quoted first, no speaker last, every quote once.
    let grouped = try herald(["quotes"]).stdout.split(separator: "\n")
    let headings = grouped.filter { !$0.hasPrefix("  ") }
    let named = headings.filter { !$0.hasPrefix("(speaker not given)") }
    let counts = named.compactMap { Int($0.split(separator: "·").last?.split(separator: " ").first ?? "") }
    #expect(counts.count == named.count && counts == counts.sorted(by: >))
    #expect(headings.last.map { $0.hasPrefix("(speaker not given)") || named.count == headings.count } == true)
    #expect(grouped.count - headings.count == (try herald(["quotes", "--flat"])).stdout.split(separator: "\n").count)
    // Ties (one quote each) by name, as the reader's speakers view orders them.
    #expect(
      headings == [
        "Ana Ruiz · 2 quotes", "Critics · 1 quote", "Lina Park · 1 quote", "The harbour authority’s director · 1 quote",
        "(speaker not given) · 1 quote",
      ])
  }

  @Test func exportThenImportGivesTheSameSubscriptionsAndDryRunChangesNothing() throws {
    let feed = directory + "/harbour.xml"
    try FileManager.default.copyItem(atPath: Fixture.path("harbour-feed.xml"), toPath: feed)
    #expect(try herald(["add", feed, "--tag", "harbour", "--tag", "local"]).status == 0)
    let export = try herald(["export"])
    #expect(export.stdout.contains("category=\"/harbour,/local\""))
    try export.stdout.write(toFile: directory + "/export.opml", atomically: false, encoding: .utf8)
    let other = ["--library", directory + "/other.sqlite"]
    let dry = try HeraldRun.run(["import", directory + "/export.opml", "--dry-run"] + other)
    #expect(dry.stdout.hasSuffix("would import 1 feed\n"))
    #expect(try HeraldRun.run(["feeds"] + other).stdout.isEmpty)
    let imported = try HeraldRun.run(["import", directory + "/export.opml"] + other)
    #expect(imported.stdout.hasSuffix("imported 1 feed; run herald sync to fetch them\n"))
    #expect(try HeraldRun.run(["export"] + other).stdout == export.stdout)
  }

  @Test func twoSyncsAndMarksAtOnceNeverMeetALockedDatabase() throws {
    #expect(try herald(["add", Fixture.path("harbour-feed.xml")]).status == 0)
    let lists = (0..<3).map { "file://" + (try? bigFeed("wire\($0)", count: 800))! }.joined(separator: "\n")
    try lists.write(toFile: directory + "/urls", atomically: false, encoding: .utf8)
    #expect(try herald(["import", directory + "/urls"]).status == 0)
    let runs = Runs()
    DispatchQueue.concurrentPerform(iterations: 8) { index in
      let arguments =
        index < 2 ? ["sync"] : [["mark", "read", "1"], ["mark", "star", "1"], ["list", "--unread"], ["search", "harbour"]][index % 4]
      runs.add((try? herald(arguments)) ?? HeraldRun(status: -1, stdout: "", stderr: "did not run"))
    }
    for run in runs.all {
      #expect(run.status == 0, "\(run.stderr)")
      #expect(!run.stderr.contains("locked"))
    }
    #expect(try herald(["feeds"]).stdout.contains("\t800\t800\t"))
    #expect(try herald(["list", "--starred"]).stdout.split(separator: "\n").count == 1)
  }
}

/// Results gathered from several threads.
private final class Runs: @unchecked Sendable {
  private let lock = NSLock()
  private var runs: [HeraldRun] = []

  func add(_ run: HeraldRun) { lock.withLock { runs.append(run) } }
  var all: [HeraldRun] { lock.withLock { runs } }
}
