import Foundation
import TestSupport
import Testing

@Suite("herald extract")
struct ExtractCommandTests {
  private var page: String { WebPageFixtures.path("harbour-story.html") }

  @Test func plainOutputIsTheBodyOneParagraphPerLine() throws {
    let run = try HeraldRun.run(["extract", page])
    #expect(run.status == 0)
    let lines = run.stdout.split(separator: "\n", omittingEmptySubsequences: false)
    #expect(lines.first == "The harbour ferry returned to service on Monday morning after three weeks of repairs to its hull, carrying more than two hundred passengers on its first crossing.")
    #expect(lines.count == 7)  // six paragraphs and the final newline
    #expect(!run.stdout.contains("Ferry returns to the harbour after repairs"))  // the headline
    #expect(!run.stdout.contains("[image") && !run.stdout.contains("Photo: Quay Times") && !run.stdout.contains("[1]"))
  }

  @Test func jsonGivesEveryFieldAndTheAddressResolvesLinks() throws {
    let run = try HeraldRun.run(["extract", "--json", "--url", "https://quay.example/news/ferry", page])
    #expect(run.status == 0)
    let pages = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [[String: Any]])
    let first = try #require(pages.first)
    #expect(first["headline"] as? String == "Ferry returns to the harbour after repairs")
    #expect(first["author"] as? String == "Ada Marsh")
    #expect(first["site"] as? String == "Quay Times")
    #expect(first["published"] as? String == "2026-03-02T09:30:00Z")
    #expect(first["url"] as? String == "https://quay.example/news/ferry-returns")
    #expect(first["method"] as? String == "content")
    #expect((first["body"] as? [String])?.count == 6)
    #expect(first["links"] as? [String] == ["https://quay.example/news/new-seats"])
    #expect((first["paragraphs"] as? [String])?.contains("[image: The ferry at the quay]") == true)
  }

  @Test func aPageWithoutAnArticleOrAMissingFileFailsNamingIt() throws {
    let scratch = Scratch.path("herald-empty-page") + ".html"
    try "<html><body><script>app()</script></body></html>".write(toFile: scratch, atomically: true, encoding: .utf8)
    let run = try HeraldRun.run(["extract", scratch, "/nonexistent/page.html", page])
    #expect(run.status == 1)
    #expect(run.stderr == """
      herald: \(scratch): the page has no text (it may need JavaScript to show any)
      herald: /nonexistent/page.html: no such file or directory

      """)
    #expect(run.stdout.hasPrefix("The harbour ferry"))  // the good page is still extracted
    let json = try HeraldRun.run(["extract", "--json", scratch])
    let rows = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
    let error = rows.first?["error"] as? String
    #expect(error == "\(scratch): the page has no text (it may need JavaScript to show any)")
  }
}
