import Foundation
import Testing

@testable import NewsKit
import TestSupport

@Suite("Collections: directories, lists of files, order, problems")
struct CollectionTests {
  @Test func directoryIsSearchedRecursivelyInPathOrder() {
    let listing = ArticleCollection.list([Fixture.path("collection")])
    #expect(listing.articles.map(\.headline) == ["First story", "Second story", "Third story", "Fourth story"])
    // The third names no source: it is shown under its collection's name.
    #expect(listing.articles.map(\.source) == ["One", "Two", "collection", "Four"])
  }

  /// An article without a `Source:` line found in a directory is its collection's (the
  /// directory named, however it was written); one named on its own has no source.
  @Test func anArticleWithoutASourceTakesItsCollectionsName() throws {
    let root = Scratch.path("herald-archive")
    try FileManager.default.createDirectory(atPath: root + "/2024/june", withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: root) }
    try "Rates held\n\nThe bank held rates.\n".write(toFile: root + "/2024/june/a.txt", atomically: false, encoding: .utf8)
    try "Named\n\nBody.\n\nSource: Gazette\n".write(toFile: root + "/2024/b.txt", atomically: false, encoding: .utf8)
    let name = (root as NSString).lastPathComponent
    for written in [root, root + "/", root + "//"] {
      #expect(ArticleCollection.list([written]).articles.map(\.source) == ["Gazette", name], "\(written)")
    }
    #expect(ArticleCollection.list([root + "/2024/june/a.txt"]).articles.map(\.source) == [nil])
    #expect(ArticleFileFinder.collectionName(ofDirectory: root + "/2024/june/.") == "june")
    #expect(ArticleFileFinder.collectionName(ofDirectory: root + "/2024/june/..") == "2024")
    #expect(ArticleFileFinder.collectionName(ofDirectory: "/") == "/")
    // Opened in full (show, quotes), the same.
    var opened: [String?] = []
    NewsSources([root]).forEachArticleBatch { opened += $0.articles.map(\.source) }
    #expect(opened == ["Gazette", name])
    var lone: [String?] = []
    NewsSources([root + "/2024/june/a.txt"]).forEachArticleBatch { lone += $0.articles.map(\.source) }
    #expect(lone == [nil])
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
