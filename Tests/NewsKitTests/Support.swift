import Foundation
import NewsKit
import TestSupport

/// Fixture files shipped with the tests, and scratch directories for files made at test time.
enum Fixture {
  static var directory: String {
    Bundle.module.resourcePath! + "/Fixtures"
  }

  static func path(_ name: String) -> String {
    directory + "/" + name
  }

  static func article(_ name: String) throws -> Article {
    try ArticleCollection.open(path: path(name))
  }

  /// A new empty directory in this test run's scratch directory (see `Scratch`).
  static func scratchDirectory() throws -> String {
    let path = Scratch.path("herald-tests")
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
  }

  /// The repository's top directory, found from this source file.
  static var repositoryRoot: URL {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
  }

  /// `../shared` beside the repository, when it is there.
  static var shared: URL? {
    let url = repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared")
    return FileManager.default.fileExists(atPath: url.path) ? url : nil
  }
}

/// Quotes of a single paragraph, the way most rule tests want them.
func quotes(_ paragraphs: String...) -> [Quote] {
  QuoteDetector.quotes(in: paragraphs)
}
