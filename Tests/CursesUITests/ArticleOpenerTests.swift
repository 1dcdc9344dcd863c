import Foundation
import NewsKit
import Testing
import TestSupport

@testable import CursesUI

@Suite("Opening an article")
struct ArticleOpenerTests {
  /// An article that names no source is shown under its row's source (its collection's name);
  /// only a row without one (a lone file) leaves the article pane's "Unknown source".
  @Test func anArticleWithoutASourceIsShownUnderItsRowsSource() throws {
    let directory = Scratch.path("herald-opener")
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let path = directory + "/a.txt"
    try "Rates held\n\nThe bank held rates.\n".write(toFile: path, atomically: false, encoding: .utf8)
    let opener = ArticleOpener()
    func opened(_ source: String?) -> Article? {
      guard case .articleLoaded(let article, _, _, _) = opener.open(ArticleSummary(id: "1", headline: "Rates held", source: source, path: path), request: 1)
      else { return nil }
      return article
    }
    #expect(opened("archive")?.source == "archive")
    #expect(opened(nil)?.source == nil)
    let layout = ArticleLayout(article: try #require(opened("archive")), width: 60, paragraphSpacing: 1)
    let lone = ArticleLayout(article: try #require(opened(nil)), width: 60, paragraphSpacing: 1)
    func text(_ layout: ArticleLayout) -> String { layout.lines.map { String($0.text.map(\.character)) }.joined(separator: "\n") }
    #expect(text(layout).contains("archive · 1 paragraph") && !text(layout).contains("Unknown source"))
    #expect(text(lone).contains("Unknown source · 1 paragraph"))
  }
}
