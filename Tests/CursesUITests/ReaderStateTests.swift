import NewsKit
import Testing

@testable import CursesUI

@Suite("Reader state: keys to new states")
struct ReaderStateTests {
  @Test func jAndKMoveTheSelectionAndPreviewSideBySide() {
    var reader = TestReader(width: 120, height: 30, articles: Stories.all)
    #expect(reader.state.reading?.article.id == Stories.ferry.id)
    reader.press(.character("j"))
    #expect(reader.state.list.selected == 1)
    #expect(reader.state.reading?.article.id == Stories.cafe.id)
    reader.press(.character("k"), .character("k"))
    #expect(reader.state.list.selected == 0)
    #expect(reader.state.focus == .list)
  }

  @Test func gAndGGoToTheEnds() {
    var reader = TestReader(width: 120, height: 30, articles: Stories.all)
    reader.press(.character("G"))
    #expect(reader.state.list.selected == Stories.all.count - 1)
    reader.press(.character("g"))
    #expect(reader.state.list.selected == 0)
    reader.press(.end, .home)
    #expect(reader.state.list.selected == 0)
  }

  @Test func pageDownMovesAPageOfStories() {
    var reader = TestReader(width: 60, height: 8, articles: Stories.all)
    reader.press(.pageDown)
    #expect(reader.state.list.selected == 6)
    reader.press(.character("b"))
    #expect(reader.state.list.selected == 0)
  }

  @Test func enterOpensFullScreenWhenNarrowAndEscGoesBack() {
    var reader = TestReader(width: 60, height: 20, articles: Stories.all)
    #expect(reader.state.reading == nil)
    reader.press(.enter)
    #expect(reader.state.articleAlone)
    #expect(reader.state.focus == .article)
    #expect(reader.state.reading?.article.id == Stories.ferry.id)
    #expect(reader.state.readIDs.contains(Stories.ferry.id))
    reader.press(.escape)
    #expect(!reader.state.articleAlone)
    #expect(reader.state.focus == .list)
  }

  @Test func jMovesTheParagraphInTheArticle() {
    var reader = TestReader(width: 120, height: 30, articles: Stories.all)
    reader.press(.character("l"), .character("j"), .character("j"))
    #expect(reader.state.reading?.paragraph == 2)
    reader.press(.character("k"))
    #expect(reader.state.reading?.paragraph == 1)
    reader.press(.character("G"))
    #expect(reader.state.reading?.paragraph == 3)
    reader.press(.character("j"))
    #expect(reader.state.reading?.paragraph == 3)
  }

  @Test func capitalJMovesTheParagraphFromTheList() {
    var reader = TestReader(width: 120, height: 30, articles: Stories.all)
    reader.press(.character("J"), .character("J"))
    #expect(reader.state.reading?.paragraph == 2)
    reader.press(.character("K"))
    #expect(reader.state.reading?.paragraph == 1)
  }

  @Test func nAndNStepThroughQuotes() {
    var reader = TestReader(width: 120, height: 30, articles: Stories.all)
    reader.press(.enter, .character("n"))
    #expect(reader.state.reading?.quote == 0)
    #expect(reader.state.reading?.paragraph == 1)
    reader.press(.character("n"))
    #expect(reader.state.reading?.paragraph == 2)
    reader.press(.character("n"))
    #expect(reader.state.reading?.paragraph == 3)
    reader.press(.character("n"))
    #expect(reader.state.notice == "no more quotes below")
    reader.press(.character("N"))
    #expect(reader.state.reading?.quote == 1)
  }

  @Test func theCurrentQuoteIsDrawnApart() throws {
    var reader = TestReader(width: 120, height: 30, articles: Stories.all)
    reader.press(.enter, .character("n"))
    let grid = reader.screen
    let row = try #require(grid.lines.firstIndex { $0.contains("People waited") })
    let column = try #require(Array(grid.lines[row]).firstIndex(of: "P"))
    #expect(grid[column, row].style.role == .currentQuote)
    reader.press(.character("j"))
    #expect(reader.screen[column, row].style.role == .speech)
  }

  @Test func nextQuoteScrollsItIntoView() throws {
    var reader = TestReader(width: 60, height: 12, articles: Stories.all)
    reader.press(.character("j"), .character("j"), .enter, .character("n"))
    let reading = try #require(reader.state.reading)
    #expect(reading.paragraph == 20)
    let line = reading.layout.paragraphStarts[20]
    #expect(line >= reading.scroll && line < reading.scroll + reader.state.articleGeometry.height)
  }

  @Test func bracketsChangeStoryWhileReading() {
    var reader = TestReader(width: 120, height: 30, articles: Stories.all)
    reader.press(.enter, .character("]"))
    #expect(reader.state.list.selected == 1)
    #expect(reader.state.reading?.article.id == Stories.cafe.id)
    #expect(reader.state.focus == .article)
    #expect(reader.state.readIDs.contains(Stories.cafe.id))
    reader.press(.character("["), .character("["))
    #expect(reader.state.list.selected == 0)
    #expect(reader.state.notice == "this is the first story")
  }

  @Test func tabSwitchesPanes() {
    var reader = TestReader(width: 120, height: 30, articles: Stories.all)
    reader.press(.tab)
    #expect(reader.state.focus == .article)
    reader.press(.tab)
    #expect(reader.state.focus == .list)
  }

  @Test func qGoesBackFromTheArticleAndQuitsFromTheList() {
    var reader = TestReader(width: 60, height: 20, articles: Stories.all)
    reader.press(.enter, .character("q"))
    #expect(!reader.state.quitting)
    #expect(reader.state.focus == .list)
    reader.press(.character("q"))
    #expect(reader.state.quitting)
  }

  @Test func searchFindsHighlightsAndSteps() {
    var reader = TestReader(width: 120, height: 30, articles: Stories.all)
    reader.press(.character("j"), .character("j"), .enter, .character("/"))
    #expect(reader.state.search?.editing == true)
    reader.type("paragraph 2")
    reader.press(.enter)
    let search = reader.state.search
    #expect(search?.editing == false)
    // "Paragraph 2", "Paragraph 20" … "Paragraph 29": eleven matches, case ignored.
    #expect(search?.matches.count == 11)
    #expect(reader.state.reading?.paragraph == 1)
    reader.press(.character("n"))
    #expect(reader.state.search?.current == 1)
    #expect(reader.state.reading?.paragraph == 19)
    reader.press(.character("N"), .character("N"))
    #expect(reader.state.search?.current == 10)
    reader.press(.escape)
    #expect(reader.state.search == nil)
    #expect(reader.state.focus == .article)
  }

  @Test func searchWithoutMatchesSaysSo() {
    var reader = TestReader(width: 120, height: 30, articles: Stories.all)
    reader.press(.enter, .character("/"))
    reader.type("zebra")
    reader.press(.enter)
    #expect(reader.state.notice == "not found: zebra")
  }

  @Test func escapeWhileTypingCancelsTheSearch() {
    var reader = TestReader(width: 120, height: 30, articles: Stories.all)
    reader.press(.enter, .character("/"), .character("x"), .escape)
    #expect(reader.state.search == nil)
    #expect(reader.state.focus == .article)
  }

  @Test func helpOpensAndAnyKeyClosesIt() {
    var reader = TestReader(width: 120, height: 30, articles: Stories.all)
    reader.press(.character("?"))
    #expect(reader.state.helpVisible)
    reader.press(.character("j"))
    #expect(!reader.state.helpVisible)
    #expect(reader.state.list.selected == 0)
  }

  /// On a small terminal the help wraps every meaning into its box instead of cutting it, and
  /// j/k scroll through what the screen cannot hold; another key closes it.
  @Test func helpOnASmallTerminalWrapsAndScrolls() {
    var reader = TestReader(width: 60, height: 20, articles: Stories.all)
    reader.press(.character("?"))
    var seen = reader.screen.text
    #expect(seen.contains(" 1–18 of "))
    for _ in 0..<40 {
      reader.press(.character("j"))
      seen += reader.screen.text
    }
    #expect(reader.state.helpVisible)
    #expect(reader.state.helpScroll > 0)
    let words = Set(seen.split { $0 == " " || $0 == "\n" || $0 == "\u{2502}" })
    for entry in Keymap.helpEntries {
      for word in entry.meaning.split(separator: " ") { #expect(words.contains(word), "\(word) of \(entry.meaning)") }
    }
    reader.press(.character("g"))
    #expect(reader.state.helpScroll == 0)
    reader.press(.character("x"))
    #expect(!reader.state.helpVisible)
  }

  @Test func resizeToNarrowKeepsTheArticleAndItsFocusedParagraphInView() throws {
    var reader = TestReader(width: 120, height: 30, articles: Stories.all)
    reader.press(.character("j"), .character("j"), .tab)
    for _ in 0..<15 { reader.press(.character("j")) }
    reader.send(.resize(width: 50, height: 10))
    #expect(reader.state.articleAlone)
    let reading = try #require(reader.state.reading)
    #expect(reading.paragraph == 15)
    let lines = reading.layout.lineRange(ofParagraph: 15)
    #expect(lines.lowerBound >= reading.scroll && lines.lowerBound < reading.scroll + 9)
    reader.send(.resize(width: 120, height: 30))
    #expect(!reader.state.articleAlone)
    #expect(reader.state.reading?.paragraph == 15)
  }

  @Test func mouseClickSelectsAStoryAndAParagraph() {
    var reader = TestReader(width: 120, height: 30, articles: Stories.all)
    reader.send(.mouse(MouseEvent(.click, x: 5, y: 1)))
    #expect(reader.state.list.selected == 1)
    reader.send(.mouse(MouseEvent(.click, x: 60, y: 4)))
    #expect(reader.state.focus == .article)
    #expect(reader.state.reading?.paragraph == 0)
  }

  @Test func mouseWheelScrollsThePaneUnderThePointer() {
    var reader = TestReader(width: 120, height: 20, articles: Stories.all)
    reader.send(.mouse(MouseEvent(.wheelDown, x: 3, y: 3)))
    #expect(reader.state.list.selected == 3)
    reader.press(.character("g"), .character("j"), .character("j"))
    reader.send(.mouse(MouseEvent(.wheelDown, x: 80, y: 3)))
    #expect(reader.state.reading?.scroll == 3)
  }

  @Test func emptyCollectionSaysSoOnceLoaded() {
    var state = ReaderState(width: 100, height: 10)
    #expect(ReaderView.render(state).lines[0].contains("Loading…"))
    _ = state.update(.storiesLoaded([], skipped: 0, done: true))
    for key: Key in [.character("j"), .enter, .character("n"), .character("/"), .escape, .character("J"), .character("]")] {
      _ = state.update(.input(.key(key)))
    }
    #expect(ReaderView.render(state).lines[0].contains("No stories here"))
    #expect(ReaderView.render(state).lines[9].hasPrefix("no stories"))
  }

  @Test func keysWorkWhileStoriesAreStillLoading() {
    var state = ReaderState(width: 120, height: 30)
    _ = state.update(.storiesLoaded([Stories.ferry.summary, Stories.cafe.summary], skipped: 1, done: false))
    _ = state.update(.input(.key(.character("j"))))
    #expect(state.list.selected == 1)
    _ = state.update(.storiesLoaded((1...5).map { Stories.filler($0).summary }, skipped: 0, done: true))
    #expect(state.stories.count == 7)
    #expect(state.list.selected == 1)
    #expect(state.skippedFiles == 1)
    #expect(state.loadedAll)
  }
}
