import Foundation
import Testing

@testable import NewsKit
import TestSupport

@Suite("Collections: directories, lists of files, order, problems")
struct CollectionTests {
  @Test func directoryIsSearchedRecursivelyInPathOrder() {
    let listing = ArticleCollection.list([Fixture.path("collection")])
    #expect(listing.articles.map(\.headline) == ["First story", "Second story", "Third story", "Fourth story"])
    #expect(listing.articles.map(\.source) == ["One", "Two", nil, "Four"])
  }

  @Test func brokenFilesAreReportedAndTheRestListed() {
    let listing = ArticleCollection.list([Fixture.path("collection")])
    let reported = Set(listing.problems.map { ($0.path as NSString).lastPathComponent })
    #expect(reported == ["binary.txt", "blank.txt", "empty.txt"])
  }

  @Test func filesAreTakenInTheOrderGiven() {
    let listing = ArticleCollection.list([Fixture.path("collection/b-second.txt"), Fixture.path("collection/a-first.txt")])
    #expect(listing.articles.map(\.headline) == ["Second story", "First story"])
  }

  @Test func idsAreTheSameEachTimeTheCollectionIsOpened() {
    let first = ArticleCollection.list([Fixture.path("collection")]).articles.map(\.id)
    let second = ArticleCollection.list([Fixture.path("collection")]).articles.map(\.id)
    #expect(first == second)
    #expect(Set(first).count == first.count)
  }

  @Test func symlinkLoopIsSurvived() throws {
    let root = try Fixture.scratchDirectory()
    try FileManager.default.createDirectory(atPath: root + "/a", withIntermediateDirectories: true)
    try "Looped\n\nBody.".write(toFile: root + "/a/story.txt", atomically: false, encoding: .utf8)
    try FileManager.default.createSymbolicLink(atPath: root + "/a/loop", withDestinationPath: root)
    try FileManager.default.createSymbolicLink(atPath: root + "/a/self", withDestinationPath: ".")
    let listing = ArticleCollection.list([root])
    #expect(listing.articles.map(\.headline) == ["Looped"])
  }

  @Test func danglingSymlinkIsReportedAndSkipped() throws {
    let root = try Fixture.scratchDirectory()
    try "Real\n\nBody.".write(toFile: root + "/real.txt", atomically: false, encoding: .utf8)
    try FileManager.default.createSymbolicLink(atPath: root + "/gone.txt", withDestinationPath: root + "/missing.txt")
    let listing = ArticleCollection.list([root])
    #expect(listing.articles.map(\.headline) == ["Real"])
    #expect(listing.problems.map(\.path) == [root + "/gone.txt"])
  }

  @Test func missingPathIsAProblem() {
    let listing = ArticleCollection.list(["/nonexistent-herald-dir"])
    #expect(listing.articles.isEmpty)
    #expect(listing.problems == [LoadError(path: "/nonexistent-herald-dir", reason: .notFound)])
  }

  @Test func twoThousandArticlesWithBrokenOnesAmongThem() throws {
    let root = try Fixture.scratchDirectory()
    var broken: Set<String> = []
    for index in 0..<2000 {
      let name = String(format: "%@/%05d.txt", root, index)
      switch index % 250 {
      case 7:
        _ = Scratch.createFile(atPath: name, contents: Data())
        broken.insert(name)
      case 99:
        _ = Scratch.createFile(atPath: name, contents: Data([0x48, 0x00, 0x49]))
        broken.insert(name)
      default:
        try "Story \(index)\n\nStory \(index)\n\nParagraph.\n\nSource: Wire".write(toFile: name, atomically: false, encoding: .utf8)
      }
    }
    let listing = ArticleCollection.list([root])
    #expect(listing.articles.count == 2000 - broken.count)
    #expect(Set(listing.problems.map(\.path)) == broken)
    #expect(listing.articles.first?.headline == "Story 0")
    #expect(listing.articles.last?.headline == "Story 1999")
  }
}
