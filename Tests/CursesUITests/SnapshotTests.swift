import Foundation
import NewsKit
import Testing

@testable import CursesUI

@Suite("Rendered screens")
struct SnapshotTests {
  @Test func wideLayoutShowsListBesideArticle() {
    let reader = TestReader(width: 100, height: 12, articles: Stories.all)
    assertSnapshot(reader.screen, named: "wide-list-and-article")
  }

  @Test func focusedParagraphWithSpeakerAndQuoteStyles() {
    var reader = TestReader(width: 100, height: 12, articles: Stories.all)
    reader.press(.tab, .character("j"))
    assertSnapshot(reader.screen, named: "wide-focused-speech")
  }

  @Test func narrowLayoutShowsTheListAlone() {
    let reader = TestReader(width: 40, height: 8, articles: Stories.all)
    assertSnapshot(reader.screen, named: "narrow-list")
  }

  @Test func narrowArticleWrapsWideCharacters() {
    var reader = TestReader(width: 40, height: 8, articles: Stories.all)
    reader.press(.character("j"), .enter)
    assertSnapshot(reader.screen, named: "narrow-article-cjk")
  }

  @Test func tinyTerminalShowsWhatFits() {
    let reader = TestReader(width: 20, height: 5, articles: Stories.all)
    assertSnapshot(reader.screen, named: "tiny-20x5")
  }

  @Test func searchMatchesAreHighlighted() {
    var reader = TestReader(width: 100, height: 12, articles: Stories.all)
    reader.press(.enter, .character("/"))
    reader.type("the")
    reader.press(.enter)
    assertSnapshot(reader.screen, named: "search-matches")
  }

  @Test func helpOverlay() {
    var reader = TestReader(width: 100, height: 26, articles: Stories.all)
    reader.press(.character("?"))
    assertSnapshot(reader.screen, named: "help-overlay")
  }

  @Test func everyQuoteStyleIsDrawnApartFromBody() throws {
    let quoteStyles = article(
      """
      Marks

      “double”, 'single', "straight", «guillemets», „low“ — don’t.

      Source: Test
      """, path: "/t/marks.txt")
    var reader = TestReader(width: 100, height: 8, articles: [quoteStyles])
    reader.press(.enter)
    let grid = reader.screen
    assertSnapshot(grid, named: "quote-styles")
    // Every mark of every style is drawn as a phrase, never as body text; the apostrophe is body.
    let row = try #require(grid.lines.firstIndex { $0.contains("double") })
    let line = Array(grid.lines[row])
    for (column, character) in line.enumerated() where "“”'\"«»„“".contains(character) {
      #expect(grid[column, row].style.role == .phrase, "mark \(character) at \(column)")
    }
    let apostrophe = try #require(line.firstIndex(of: "’"))
    #expect(grid[apostrophe, row].style.role == .body)
  }

  @Test func feedItemShowsBylineAndItsLinks() throws {
    var item = article("Feed item\n\nSee the map[1] and the plan[2].", path: "/t/feed.xml")
    item.author = "Lina Park"
    item.published = Date(timeIntervalSince1970: 1_795_521_600)
    item.links = ["https://quay.example/map", "https://quay.example/plan"]
    var reader = TestReader(width: 60, height: 14, articles: [item])
    reader.press(.enter)
    let lines = reader.screen.lines.map { $0.trimmingCharacters(in: .whitespaces) }
    #expect(lines.contains("By Lina Park · 2026-11-24T12:00:00Z"))
    #expect(lines.contains("Links"))
    #expect(lines.contains("[1] https://quay.example/map"))
    #expect(lines.contains("[2] https://quay.example/plan"))
    // Moving past the last paragraph stays on it: the link list is not a paragraph.
    reader.press(.character("j"), .character("j"))
    #expect(reader.state.reading?.paragraph == 0)
  }

  @Test(arguments: [(1, 1), (2, 2), (5, 1), (0, 0), (1, 30), (99, 3), (100, 2)])
  func anySizeRendersWithoutCrashing(width: Int, height: Int) {
    var reader = TestReader(width: width, height: height, articles: Stories.all)
    reader.press(.enter, .character("j"), .character("n"), .character("?"))
    let grid = reader.screen
    #expect(grid.width == width && grid.height == height)
  }

  @Test func frameCostDoesNotGrowWithTheStoryCount() {
    // Only visible rows are drawn: the screen for 100,000 stories equals the one for 30 apart
    // from the count in the status bar.
    let few = (0..<30).map { ArticleSummary(id: "\($0)", headline: "Headline \($0)", source: "S", path: "/p/\($0)") }
    let many = (0..<100_000).map { ArticleSummary(id: "\($0)", headline: "Headline \($0)", source: "S", path: "/p/\($0)") }
    var small = ReaderState(width: 60, height: 10, stories: few)
    var large = ReaderState(width: 60, height: 10, stories: many)
    small.loadedAll = true
    large.loadedAll = true
    #expect(Array(ReaderView.render(small).lines.prefix(9)) == Array(ReaderView.render(large).lines.prefix(9)))
  }
}
