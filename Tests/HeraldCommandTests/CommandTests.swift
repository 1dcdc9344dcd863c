import Foundation
import Testing
import TestSupport

@Suite("herald list, show and quotes")
struct CommandTests {
  @Test func listPrintsIdSourceAndHeadlineAndWarnsAboutBrokenFiles() throws {
    let run = try HeraldRun.run(["list", Fixture.path("collection")])
    #expect(run.status == 0)
    #expect(
      run.stdout == """
        caeaf89c450e211a\tQuay Times\tDockers return as “ghost ship” leaves port
        cc03112059e9140e\tcollection\tSecond

        """)
    #expect(run.stderr == "herald: warning: \(Fixture.path("collection/c-empty.txt")): empty file, not an article\n")
  }

  /// A lone file that names no source has none (`-`, "Source: unknown"); found in a directory,
  /// it is shown under the directory's name.
  @Test func anArticleWithoutASourceIsItsCollectionsUnlessNamedAlone() throws {
    let lone = try HeraldRun.run(["list", Fixture.path("collection/b-quiet.txt")])
    #expect(lone.stdout == "cc03112059e9140e\t-\tSecond\n")
    #expect(try HeraldRun.run(["show", Fixture.path("collection/b-quiet.txt")]).stdout.contains("Source: unknown"))
    let shown = try HeraldRun.run(["show", Fixture.path("collection")])
    #expect(shown.stdout.contains("Source: collection"), "\(shown.stdout)")
  }

  @Test func listJSONIsAnArrayOfSummaries() throws {
    let run = try HeraldRun.run(["list", "--json", Fixture.path("dockside.txt")])
    #expect(run.status == 0)
    let value = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [[String: Any]]
    let first = try #require(value?.first)
    #expect(value?.count == 1)
    #expect(first["id"] as? String == "caeaf89c450e211a")
    #expect(first["headline"] as? String == "Dockers return as “ghost ship” leaves port")
    #expect(first["source"] as? String == "Quay Times")
    #expect(first["path"] as? String == Fixture.path("dockside.txt"))
  }

  @Test func showJSONMatchesTheGoldenFileExactly() throws {
    let run = try HeraldRun.run(["show", Fixture.path("dockside.txt"), "--json"])
    #expect(run.status == 0)
    #expect(run.stdout == (try Fixture.text("dockside.json")))
  }

  @Test func feedShowJSONMatchesTheGoldenFileExactly() throws {
    let run = try HeraldRun.run(["show", Fixture.path("harbour-feed.xml"), "--json"])
    #expect(run.status == 0)
    #expect(run.stdout == (try Fixture.text("harbour-feed.json")))
  }

  @Test func feedShowPlainGivesBylineAndNumberedLinks() throws {
    let run = try HeraldRun.run(["show", Fixture.path("harbour-feed.xml")])
    #expect(run.status == 0)
    #expect(run.stdout.contains("By Lina Park · 2026-11-24T12:00:00Z · https://quay.example/2026/ferry\n"))
    #expect(run.stdout.contains("4   See the map[1].\n"))
    #expect(run.stdout.contains("Links:\n  [1] https://quay.example/map\n  [2] https://quay.example/audio.mp3\n"))
  }

  @Test func feedsAndArticlesListTogether() throws {
    let run = try HeraldRun.run(["list", Fixture.path("harbour-feed.xml"), Fixture.path("dockside.txt")])
    #expect(run.status == 0)
    #expect(run.stdout.split(separator: "\n").map { $0.split(separator: "\t").last.map(String.init) ?? "" } == [
      "Ferry back in service", "No guid, no date", "Dockers return as “ghost ship” leaves port",
    ])
  }

  @Test func showPrintsNumberedParagraphsAndTheQuotes() throws {
    let run = try HeraldRun.run(["show", Fixture.path("dockside.txt")])
    #expect(run.status == 0)
    #expect(run.stdout.hasPrefix("Dockers return as “ghost ship” leaves port\nSource: Quay Times · 5 paragraphs · 3 quotes\n"))
    #expect(run.stdout.contains("\n4 ❝ Critics called the delay “a farce”.\n"))
    #expect(run.stdout.contains("  ¶5 [speech] union organiser Lina Park: “It should never have taken this long,”\n"))
    #expect(!run.stdout.contains("\u{1B}"))
  }

  @Test func textFromAnArticleNeverReachesTheTerminalAsEscapes() throws {
    for command in ["show", "list", "quotes"] {
      let run = try HeraldRun.run([command, Fixture.path("evil.txt")])
      #expect(run.status == 0)
      #expect(!run.stdout.contains("\u{1B}") && !run.stdout.contains("\u{07}"), "\(command)")
    }
    let shown = try HeraldRun.run(["show", Fixture.path("evil.txt")])
    #expect(shown.stdout.contains("Evil␛[2J headline"))
  }

  @Test func quotesListsWhoSaidWhatUnderEachSpeakersName() throws {
    let run = try HeraldRun.run(["quotes", Fixture.path("dockside.txt")])
    #expect(run.status == 0)
    #expect(
      run.stdout == """
        The harbour authority’s director · 1 quote
          caeaf89c450e211a  ¶2–3  speech  “It has been a difficult summer for everyone on the quays. “We are grateful for the patience of the crews.”
        Critics · 1 quote
          caeaf89c450e211a  ¶4  phrase  “a farce”
        Lina Park · 1 quote
          caeaf89c450e211a  ¶5  speech  “It should never have taken this long,”  (union organiser Lina Park)

        """)
  }

  @Test func quotesFlatIsALinePerQuoteInReadingOrder() throws {
    let run = try HeraldRun.run(["quotes", "--flat", Fixture.path("dockside.txt")])
    #expect(run.status == 0)
    let lines = run.stdout.split(separator: "\n").map { $0.split(separator: "\t").map(String.init) }
    #expect(lines.count == 3)
    #expect(lines[0] == ["caeaf89c450e211a", "¶2–3", "speech", "The harbour authority’s director", "The harbour authority’s director",
      "“It has been a difficult summer for everyone on the quays. “We are grateful for the patience of the crews.”"])
    #expect(lines[1] == ["caeaf89c450e211a", "¶4", "phrase", "Critics", "Critics", "“a farce”"])
    #expect(lines[2][3...4] == ["union organiser Lina Park", "Lina Park"])
  }

  /// "Mr Pike" and "he" are listed with "Finance chief Gordon Pike", and --speaker finds them by the name.
  @Test func quotesGroupsOnePersonsMentionsUnderTheFullestName() throws {
    let path = Scratch.path("herald-pike") + ".txt"
    try """
      Pike keeps the budget

      Finance chief Gordon Pike said: "The figures are worse than expected."

      Mr Pike added that cuts were "not on the table".

      The council meets on Friday.
      """.write(toFile: path, atomically: false, encoding: .utf8)
    defer { try? FileManager.default.removeItem(atPath: path) }
    let run = try HeraldRun.run(["quotes", "--speaker", "gordon", path])
    let lines = run.stdout.split(separator: "\n").map(String.init)
    #expect(lines.first == "Gordon Pike · 2 quotes")
    #expect(lines.count == 3)
    #expect(lines.last?.hasSuffix("¶2  phrase  \"not on the table\"  (Mr Pike)") == true)
  }

  @Test func quotesJSONCarriesTheArticle() throws {
    let run = try HeraldRun.run(["quotes", "--json", "--speech", Fixture.path("dockside.txt")])
    let value = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [[String: Any]])
    #expect(value.count == 2)
    #expect((value[0]["article"] as? [String: Any])?["id"] as? String == "caeaf89c450e211a")
    #expect(value[1]["speaker"] as? String == "union organiser Lina Park")
  }

  @Test func noPathReadsTheBundledSamples() throws {
    let run = try HeraldRun.run([])
    #expect(run.status == 0)
    let lines = run.stdout.split(separator: "\n")
    #expect(lines.count >= 12)
    #expect(lines.contains { $0.hasSuffix("Robot waiters win over sceptics at Tokyo café 🤖") })
    #expect(run.stderr.isEmpty)
  }
}

@Suite("Exit codes, help and errors")
struct ExitCodeTests {
  @Test func missingPathIsARuntimeErrorNamingIt() throws {
    let run = try HeraldRun.run(["list", "/nonexistent/herald.txt"])
    #expect(run.status == 1)
    #expect(run.stderr == "herald: error: /nonexistent/herald.txt: no such file or directory\n")
  }

  @Test func namedBrokenFileFailsButTheOthersAreStillShown() throws {
    let run = try HeraldRun.run(["list", Fixture.path("collection/c-empty.txt"), Fixture.path("dockside.txt")])
    #expect(run.status == 1)
    #expect(run.stdout.contains("Dockers return"))
    #expect(run.stderr.contains("c-empty.txt: empty file, not an article"))
  }

  @Test func unknownOptionIsBadUsage() throws {
    let run = try HeraldRun.run(["list", "--frobnicate"])
    #expect(run.status == 2)
    #expect(run.stderr.contains("--frobnicate"))
  }

  @Test func showWithoutAPathIsBadUsage() throws {
    let run = try HeraldRun.run(["show"])
    #expect(run.status == 2)
  }

  @Test(arguments: [["--help"], ["list", "--help"], ["show", "--help"], ["quotes", "--help"], ["help", "show"]])
  func helpExplainsAndSucceeds(arguments: [String]) throws {
    let run = try HeraldRun.run(arguments)
    #expect(run.status == 0)
    #expect(run.stdout.contains("USAGE:"))
  }

  /// The parser wraps a command's discussion to the width; a line broken by hand in the source
  /// came out as a short line mid-sentence ("…every item. With --json," then a new line).
  @Test(arguments: [[String](), ["list"], ["show"], ["quotes"], ["read"], ["sync"], ["add"], ["themes"], ["config"], ["prune"]])
  func helpParagraphsAreWrappedByTheParser(command: [String]) throws {
    let run = try HeraldRun.run(command + ["--help"])
    let lines = (run.stdout.components(separatedBy: "USAGE:").first ?? "").components(separatedBy: "\n")
    for (line, next) in zip(lines, lines.dropFirst()) where !line.isEmpty && !next.isEmpty && !next.hasPrefix(" ") {
      let endsSentence = line.last.map { ".:)\"".contains($0) } ?? true
      #expect(endsSentence || line.count >= 60, "\(command): a short line mid-paragraph: \(line)")
    }
  }

  @Test func versionIsPrinted() throws {
    let run = try HeraldRun.run(["--version"])
    #expect(run.status == 0)
    #expect(run.stdout.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: ".").count == 3)
  }
}

@Suite("Against ../shared, when it is there")
struct SharedCorpusTests {
  @Test(.enabled(if: Fixture.sharedSeed != nil))
  func seedArticleGivesTheKnownAnswer() throws {
    let run = try HeraldRun.run(["show", try #require(Fixture.sharedSeed), "--json"])
    let document = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
    let article = try #require((document["articles"] as? [[String: Any]])?.first)
    #expect(article["source"] as? String == "Mirror")
    #expect((article["paragraphs"] as? [String])?.count == 24)
    let quotes = try #require(article["quotes"] as? [[String: Any]])
    #expect(quotes.count == 7)
    #expect(quotes.filter { $0["kind"] as? String == "phrase" }.count == 4)
    let speech = quotes.filter { $0["kind"] as? String == "speech" }
    #expect(speech.compactMap { $0["speaker"] as? String } == ["the Mirror source", "The source", "The source"])
    for quote in speech {
      let start = try #require(quote["start"] as? [String: Int])
      let end = try #require(quote["end"] as? [String: Int])
      #expect(end["paragraph"]! == start["paragraph"]! + 1)
    }
  }

  @Test(.enabled(if: Fixture.sharedGenerator != nil))
  func generatedArticlesMatchTheGeneratorsCounts() throws {
    let directory = Scratch.path("herald-gen")
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let generator = Process()
    generator.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    generator.arguments = ["python3", try #require(Fixture.sharedGenerator), directory, "--count", "300", "--seed", "7"]
    generator.standardError = FileHandle.nullDevice
    try generator.run()
    generator.waitUntilExit()
    try #require(generator.terminationStatus == 0)
    let manifest = try String(contentsOfFile: directory + "/MANIFEST.tsv", encoding: .utf8)
      .split(separator: "\n").dropFirst().map { $0.split(separator: "\t").map(String.init) }
    let run = try HeraldRun.run(["show", directory, "--json"])
    let document = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
    let articles = try #require(document["articles"] as? [[String: Any]])
    #expect(articles.count == manifest.count)
    for (article, row) in zip(articles, manifest) {
      let quotes = article["quotes"] as? [[String: Any]] ?? []
      let spanning = quotes.filter {
        ($0["start"] as? [String: Int])?["paragraph"] != ($0["end"] as? [String: Int])?["paragraph"]
      }
      #expect((article["paragraphs"] as? [String])?.count == Int(row[1]), "\(row[0])")
      #expect(quotes.count == Int(row[2]), "\(row[0])")
      #expect(spanning.count == Int(row[3]), "\(row[0])")
    }
  }
}
