import Foundation
import Testing
import TestSupport

@Suite("herald add, feeds, search and mark")
struct LibraryCommandTests {
  private let library = Scratch.path("herald-cmd-library") + "/library.sqlite"

  private func herald(_ arguments: [String]) throws -> HeraldRun {
    try HeraldRun.run(arguments + ["--library", library])
  }

  @Test func anEmptyLibrarySaysSoToListAndQuotes() throws {
    for command in ["list", "quotes"] {
      let run = try herald([command])
      #expect(run.status == 0)
      #expect(run.stdout.isEmpty)
      #expect(run.stderr.contains("the library is empty: add a feed with herald add URL"), "\(command)")
    }
  }

  @Test func addFeedsSearchAndMark() throws {
    let add = try herald(["add", Fixture.path("harbour-feed.xml"), "--tag", "harbour"])
    #expect(add.status == 0)
    #expect(add.stdout.contains("added Quay Times — Harbour: 2 articles"))
    let again = try herald(["add", Fixture.path("harbour-feed.xml")])
    #expect(again.status == 1)
    #expect(again.stderr.contains("already subscribed; nothing changed"))
    let feeds = try herald(["feeds"])
    #expect(feeds.stdout.split(separator: "\n") == ["1\t2\t2\tharbour\tQuay Times — Harbour\t-"])
    let search = try herald(["search", "ferry"])
    #expect(search.status == 0)
    let hit = try #require(search.stdout.split(separator: "\n").first)
    #expect(hit.hasPrefix("1\tQuay Times — Harbour\tFerry back in service\t"))
    #expect(hit.contains("[ferry]"))
    let mark = try herald(["mark", "read", "1"])
    #expect(mark.stdout == "marked 1 article read\n")
    #expect(try herald(["feeds"]).stdout.hasPrefix("1\t1\t2\t"))
    let all = try herald(["mark", "read", "--all", "--feed", "Quay Times — Harbour"])
    #expect(all.stdout == "marked 1 article read\n")
  }

  @Test func aPathThatDoesNotExistIsNotSubscribed() throws {
    let missing = Scratch.path("herald-cmd-missing") + "/no-such-feed.xml"
    let add = try herald(["add", missing, Fixture.path("harbour-feed.xml")])
    #expect(add.status == 1)
    #expect(add.stderr.contains("no-such-feed.xml: no such file or directory; not subscribed"))
    // The other source is added all the same, and only it.
    #expect(add.stdout.contains("added Quay Times — Harbour: 2 articles"))
    #expect(try herald(["feeds"]).stdout.split(separator: "\n").count == 1)
  }

  @Test func errorsAreOneClearLine() throws {
    _ = try herald(["add", Fixture.path("harbour-feed.xml")])
    let badQuery = try herald(["search", "\"unclosed"])
    #expect(badQuery.status == 1)
    #expect(badQuery.stderr == "herald: error: cannot search for that: a quotation mark is not closed\n")
    let unknown = try herald(["mark", "star", "1", "42"])
    #expect(unknown.status == 1)
    #expect(unknown.stderr == "herald: error: 42: no such article in the library; nothing was marked\n")
    #expect(try herald(["list", "--starred"]).stdout.isEmpty)
    let usage = try herald(["mark", "shout", "1"])
    #expect(usage.status == 2)
  }

  @Test func pruneKeepsUnreadAndStarredUnlessAsked() throws {
    _ = try herald(["add", Fixture.path("harbour-feed.xml")])
    let refused = try herald(["prune", "--keep", "forever"])
    #expect(refused.status == 2)
    #expect(refused.stderr.contains("--keep must be a number of days such as 30d or a count such as 500"))
    // Both articles unread: a count of 1 prunes nothing until asked for unread ones too.
    #expect(try herald(["prune", "--keep", "1"]).stdout == "pruned 0 articles\n")
    _ = try herald(["mark", "read", "1", "2"])
    _ = try herald(["mark", "star", "1", "2"])
    #expect(try herald(["prune", "--keep", "1"]).stdout == "pruned 0 articles\n")
    let starred = try herald(["prune", "--keep", "1", "--starred"])
    #expect(starred.stdout.hasSuffix("pruned 1 article\n"))
    #expect(try herald(["feeds"]).stdout.hasPrefix("1\t0\t1\t"))
    let nothing = try herald(["prune"])
    #expect(nothing.stderr.contains("nothing to do: give --keep, or set [library] keep in the config"))
  }
}
