import Foundation
import Testing
import TestSupport

/// `herald sync --no-analyse`, `herald analyse` and `herald status` (issue 29): articles are
/// listed and readable once stored; search and quotes say what they cover until the analysis
/// is done.
@Suite("herald sync --no-analyse, analyse and status")
struct AnalyseCommandTests {
  private let directory = Scratch.path("herald-cmd-analyse")
  private var library: String { directory + "/library.sqlite" }

  init() throws {
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
  }

  private func herald(_ arguments: [String]) throws -> HeraldRun {
    try HeraldRun.run(arguments + ["--library", library])
  }

  private func feed(count: Int) throws -> String {
    var text = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Wire</title>\n"
    for index in 0..<count {
      text += "<item><guid>w-\(index)</guid><title>Story \(index)</title><description>"
      text += "&lt;p&gt;Tide word\(index). “We are ready,” said Ana Ruiz.&lt;/p&gt;</description></item>\n"
    }
    let path = directory + "/wire.xml"
    try (text + "</channel></rss>\n").write(toFile: path, atomically: false, encoding: .utf8)
    return path
  }

  @Test func storedArticlesAreReadableAndTheAnalysisFollows() throws {
    #expect(try herald(["import", try listOf(try feed(count: 12))]).status == 0)
    let stored = try herald(["sync", "--no-analyse"])
    #expect(stored.status == 0)
    #expect(stored.stdout.contains("12 of 12 articles wait for analysis (herald analyse)"), "\(stored.stdout)")
    #expect(try herald(["list"]).stdout.split(separator: "\n").count == 12)
    #expect(try herald(["show", "1"]).stdout.contains("We are ready"))
    let status = try herald(["status", "--json"])
    let object = try JSONSerialization.jsonObject(with: Data(status.stdout.utf8)) as? [String: Any]
    #expect(object?["articles"] as? Int == 12)
    #expect(object?["pending_analysis"] as? Int == 12)
    let search = try herald(["search", "word3"])
    #expect(search.stdout.isEmpty)
    #expect(search.stderr.contains("0 of 12 stories indexed so far"), "\(search.stderr)")
    #expect(try herald(["quotes"]).stderr.contains("0 of 12 stories analysed for quotes so far"))

    let analysed = try herald(["analyse"])
    #expect(analysed.status == 0)
    #expect(analysed.stdout == "analysed 12 articles; all 12 analysed\n")
    #expect(try herald(["status"]).stdout.contains("all analysed"))
    let found = try herald(["search", "word3"])
    #expect(found.stdout.contains("Story 3"))
    #expect(!found.stderr.contains("so far"))
    #expect(try herald(["quotes"]).stdout.contains("Ana Ruiz"))
    // Nothing left: a second analysis does nothing.
    #expect(try herald(["analyse"]).stdout == "analysed 0 articles; all 12 analysed\n")
  }

  /// A plain sync stores and analyses; `add` too, under the sync lock.
  @Test func aPlainSyncAndAddAnalyseAndAddWaitsForARunningSync() throws {
    let path = try feed(count: 5)
    let lockHolder = Process()
    lockHolder.executableURL = URL(fileURLWithPath: "/usr/bin/flock")
    // Held for 3 s: time enough for `add` to start and meet it on a loaded machine.
    lockHolder.arguments = [library + ".sync-lock", "-c", "sleep 3"]
    try lockHolder.run()
    defer { lockHolder.terminate() }
    // Until flock holds the lock, a try to take it succeeds: wait (bounded) until it fails.
    let deadline = Date().addingTimeInterval(5)
    while Date() < deadline {
      let probe = Process()
      probe.executableURL = URL(fileURLWithPath: "/usr/bin/flock")
      probe.arguments = ["-n", library + ".sync-lock", "true"]
      try probe.run()
      probe.waitUntilExit()
      if probe.terminationStatus != 0 { break }
    }
    let added = try herald(["add", path])
    #expect(added.status == 0)
    #expect(added.stderr.contains("another sync is running on this library; waiting for it to finish"), "\(added.stderr)")
    #expect(try herald(["status", "--json"]).stdout.contains("\"pending_analysis\": 0"))
    #expect(try herald(["search", "word2"]).stdout.contains("Story 2"))
  }

  private func listOf(_ feed: String) throws -> String {
    let urls = directory + "/urls"
    try "\(feed)\n".write(toFile: urls, atomically: false, encoding: .utf8)
    return urls
  }
}
