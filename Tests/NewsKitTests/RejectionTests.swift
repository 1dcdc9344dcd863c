import Foundation
import Testing

@testable import NewsKit
import TestSupport

@Suite("Files that are not articles")
struct RejectionTests {
  @Test func emptyFileIsRejected() {
    #expect(throws: LoadError(path: Fixture.path("collection/empty.txt"), reason: .empty)) {
      try ArticleCollection.open(path: Fixture.path("collection/empty.txt"))
    }
  }

  @Test func blankFileIsRejected() {
    #expect(throws: LoadError(path: Fixture.path("collection/blank.txt"), reason: .blank)) {
      try ArticleCollection.open(path: Fixture.path("collection/blank.txt"))
    }
  }

  @Test func byteOrderMarkAloneIsEmpty() throws {
    let directory = try Fixture.scratchDirectory()
    let path = directory + "/bom.txt"
    _ = Scratch.createFile(atPath: path, contents: Data([0xEF, 0xBB, 0xBF]))
    #expect(throws: LoadError(path: path, reason: .empty)) { try ArticleCollection.open(path: path) }
  }

  @Test func fileWithNulBytesIsRejectedAsBinary() {
    #expect(throws: LoadError(path: Fixture.path("collection/binary.txt"), reason: .binary)) {
      try ArticleCollection.summary(ofFile: Fixture.path("collection/binary.txt"))
    }
  }

  @Test func fileOver16MiBIsRejected() throws {
    let directory = try Fixture.scratchDirectory()
    let path = directory + "/huge.txt"
    _ = Scratch.createFile(atPath: path, contents: Data("Headline\n\nBody\n".utf8))
    let handle = try #require(FileHandle(forWritingAtPath: path))
    try handle.truncate(atOffset: UInt64(16 << 20) + 1)
    try handle.close()
    #expect(throws: LoadError(path: path, reason: .tooLarge(bytes: (16 << 20) + 1))) {
      try ArticleCollection.open(path: path)
    }
  }

  @Test func fileOfExactly16MiBIsAccepted() throws {
    let directory = try Fixture.scratchDirectory()
    let path = directory + "/big.txt"
    var bytes = Array("Big headline\n\n".utf8)
    bytes += Array(repeating: UInt8(ascii: "a"), count: (16 << 20) - bytes.count)
    _ = Scratch.createFile(atPath: path, contents: Data(bytes))
    #expect(try ArticleCollection.summary(ofFile: path).headline == "Big headline")
  }

  @Test func missingFileIsReportedByName() {
    let error = #expect(throws: LoadError.self) { try ArticleCollection.open(path: "/nonexistent/story.txt") }
    #expect(error?.description == "/nonexistent/story.txt: no such file or directory")
  }

  @Test func messagesNameTheFileAndTheReason() {
    #expect(LoadError(path: "a.txt", reason: .binary).description == "a.txt: binary file (contains NUL bytes), not an article")
    #expect(LoadError(path: "b.txt", reason: .empty).description == "b.txt: empty file, not an article")
    #expect(LoadError(path: "d.txt", reason: .blank).description == "d.txt: blank file (only white space), not an article")
    #expect(LoadError(path: "c.txt", reason: .tooLarge(bytes: 20_000_000)).description.hasPrefix("c.txt: 20000000 bytes is over the 16 MiB limit"))
  }
}
