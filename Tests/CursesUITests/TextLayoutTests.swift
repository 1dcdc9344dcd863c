import Foundation
import NewsKit
import Testing

@testable import CursesUI

@Suite("Display width, wrapping and cutting")
struct TextLayoutTests {
  @Test(arguments: [
    ("a", 1), ("é", 1), ("e\u{301}", 1), ("東", 2), ("ｱ", 1), ("Ａ", 2), ("🤖", 2), ("👍🏽", 2), ("🇬🇧", 2),
    ("👩‍🔬", 2), ("🌧️", 2), ("\u{200B}", 0), ("한", 2), ("—", 1),
  ] as [(String, Int)])
  func graphemeWidth(text: String, width: Int) {
    #expect(DisplayWidth.of(Character(text)) == width)
  }

  @Test func cjkWrapsAtTwentyAndTwentyOneColumns() {
    // Eleven wide characters: 22 columns. +1 is not enough to store one more wide character.
    let text = "東京都の天気は晴れです。"
    let at20 = TextWrapper.wrap(text, style: Style(.body), width: 20).map { String($0.map(\.character)) }
    let at21 = TextWrapper.wrap(text, style: Style(.body), width: 21).map { String($0.map(\.character)) }
    #expect(at20 == ["東京都の天気は晴れで", "す。"])
    #expect(at21 == ["東京都の天気は晴れで", "す。"])
  }

  @Test func wordsWrapAtSpacesAndSpacesCollapse() {
    let lines = TextWrapper.wrap("one  two three   four", style: Style(.body), width: 9).map { String($0.map(\.character)) }
    #expect(lines == ["one two", "three", "four"])
  }

  @Test func wordLongerThanTheLineIsBrokenBetweenGraphemes() {
    let lines = TextWrapper.wrap("ab e\u{301}e\u{301}e\u{301}e\u{301}e\u{301}", style: Style(.body), width: 3)
      .map { String($0.map(\.character)) }
    #expect(lines == ["ab", "e\u{301}e\u{301}e\u{301}", "e\u{301}e\u{301}"])
  }

  @Test func zeroWidthLineWrapsToNothing() {
    #expect(TextWrapper.wrap("text", style: Style(.body), width: 0).isEmpty)
  }

  /// The quick path for one-column text must agree with measuring grapheme by grapheme,
  /// and leave to it everything it does not know.
  @Test(arguments: [
    "plain words", "the city’s “budget” — again…", "café crème", "Łódź señor", "e\u{301}clair", "日本の新聞", "👍🏽 ok",
    "a\u{200D}b", "tab\there", "ﬁne", "", "한국어 뉴스", "가\u{11A8}", "か\u{3099}な", "ニュース・速報、東京", "ｆｕｌｌ",
  ])
  func quickWidthAgreesWithGraphemes(text: String) {
    let slow = text.reduce(0) { $0 + DisplayWidth.of($1) }
    #expect(DisplayWidth.of(text) == slow)
    if let quick = DisplayWidth.simpleWidth(text) { #expect(quick == slow) }
    for width in 1...12 {
      let cut = TextWrapper.truncate(text, width: width)
      #expect(DisplayWidth.of(cut) <= width)
      if slow > width { #expect(cut.hasSuffix("…")) } else { #expect(cut == text) }
    }
    var grid = Grid(width: 20, height: 1)
    // Controls are drawn visibly, so the grid measures the visible text.
    #expect(grid.write(text, x: 0, y: 0, style: Style(.body)) == min(20, DisplayWidth.of(VisibleText.make(text))))
  }

  @Test func cuttingInTheMiddleKeepsBothEndsWithinTheWidth() {
    #expect(TextWrapper.truncateMiddle("Asahi Daily — Business #005", width: 19) == "Asahi Dai…ness #005")
    #expect(TextWrapper.truncateMiddle("Asahi Daily — Business #005", width: 40) == "Asahi Daily — Business #005")
    #expect(TextWrapper.truncateMiddle("朝日新聞ビジネス", width: 9) == "朝日…ネス")
    #expect(DisplayWidth.of(TextWrapper.truncateMiddle("朝日新聞ビジネス", width: 9)) <= 9)
    #expect(TextWrapper.truncateMiddle("abcdef", width: 2) == "a…")
    #expect(TextWrapper.truncateMiddle("abcdef", width: 0) == "")
  }

  @Test func truncationCountsDisplayWidth() {
    #expect(TextWrapper.truncate("東京の天気", width: 6) == "東京…")
    #expect(TextWrapper.truncate("Short", width: 10) == "Short")
    #expect(TextWrapper.truncate("Exactly10!", width: 10) == "Exactly10!")
    #expect(TextWrapper.truncate("Eleven cols", width: 10) == "Eleven co…")
  }
}

@Suite("Cutting text to a width")
struct TextCutTests {
  /// The cut worked out grapheme by grapheme, as the definition says.
  private func reference(_ text: String, width: Int, keepingEnd: Bool) -> String {
    guard width > 0 else { return "" }
    let characters = Array(text)
    guard characters.reduce(0, { $0 + DisplayWidth.of($1) }) > width else { return text }
    let tailWidth = keepingEnd ? (width - 1) / 2 : 0
    var headEnd = 0
    var used = 0
    while headEnd < characters.count, used + DisplayWidth.of(characters[headEnd]) <= width - 1 - tailWidth {
      used += DisplayWidth.of(characters[headEnd])
      headEnd += 1
    }
    var tailStart = characters.count
    used = 0
    while tailStart > headEnd, used + DisplayWidth.of(characters[tailStart - 1]) <= tailWidth {
      used += DisplayWidth.of(characters[tailStart - 1])
      tailStart -= 1
    }
    return String(characters[..<headEnd]) + "…" + String(characters[tailStart...])
  }

  @Test(arguments: [
    "Why the data breach could complicate the city’s finances", "Le Monde Synthétique — Culture #003",
    "Asahi Daily 朝日 — Business #005", "東京の天気は晴れ", "ab", "", "Ünïcödé ßtraße ÆØÅ", "«Guillemets» et ‘quotes’",
  ])
  func textOfStandaloneCharactersIsCutAsGraphemeByGrapheme(text: String) {
    for width in 0...40 {
      #expect(TextWrapper.truncate(text, width: width) == reference(text, width: width, keepingEnd: false), "width \(width)")
      #expect(
        TextWrapper.truncateMiddle(text, width: width) == reference(text, width: width, keepingEnd: width > 2), "width \(width)")
    }
  }

  /// Emoji sequences, flags, marks and jamo in a standalone text: its beginning is cut on its
  /// bytes and the rest grapheme by grapheme.
  @Test(arguments: Self.mixedTexts)
  func textWithGraphemesOfSeveralScalarsIsCutAsGraphemeByGrapheme(text: String) {
    for width in 0...40 {
      #expect(TextWrapper.truncate(text, width: width) == reference(text, width: width, keepingEnd: false), "width \(width)")
      #expect(
        TextWrapper.truncateMiddle(text, width: width) == reference(text, width: width, keepingEnd: width > 2), "width \(width)")
    }
  }

  static let mixedTexts = [
    "Markets fall 📉 as the 🇬🇧 pound slides", "👩‍🔬 Scientists say the cafe\u{301} is “open”", "Zoë 👍🏽 ok, ⚡️ storms ahead",
    "e\u{301}e\u{301}e\u{301} abc", "한국 \u{1100}\u{1161}\u{11A8} 뉴스 and more words here", "©\u{200D}® mark", "\u{301}leading mark",
    "北京 (Beijing) braces 🚀 for the “data breach”",
  ]
}

@Suite("Writing text into the grid")
struct GridWriteTests {
  /// The text put grapheme by grapheme, as the definition says.
  private func reference(_ text: String, x: Int, limit: Int, width: Int) -> (lines: [String], end: Int) {
    var grid = Grid(width: width, height: 1)
    var column = x
    for character in VisibleText.make(text) {
      column = grid.put(character, x: column, y: 0, style: Style(.body), limit: limit)
      if column >= limit { break }
    }
    return (grid.lines, column)
  }

  @Test(arguments: TextCutTests.mixedTexts + ["plain ASCII text", "東京の天気は晴れ", "tab\there, bell\u{7} and \u{1B}[31m", "\u{202E}reversed"])
  func textIsWrittenAsGraphemeByGrapheme(text: String) {
    for x in [0, 3] {
      for limit in stride(from: 0, through: 44, by: 1) {
        var grid = Grid(width: 44, height: 1)
        let end = grid.write(text, x: x, y: 0, style: Style(.body), limit: limit)
        let expected = reference(text, x: x, limit: limit, width: 44)
        #expect(grid.lines == expected.lines, "x \(x), limit \(limit)")
        #expect(end == expected.end, "x \(x), limit \(limit)")
      }
    }
  }

  @Test(arguments: TextCutTests.mixedTexts + ["plain ASCII text", "東京の天気は晴れ", "Asahi Daily 朝日 — Business #005", "tab\there"])
  func textCutToColumnsIsWrittenAsItsTruncation(text: String) {
    for columns in 0...40 {
      for limit in [10, 25, 44, 60] {
        var grid = Grid(width: 44, height: 1)
        let end = grid.write(text, cutTo: columns, x: 2, y: 0, style: Style(.body), limit: limit)
        var expected = Grid(width: 44, height: 1)
        let expectedEnd = expected.write(TextWrapper.truncate(text, width: columns), x: 2, y: 0, style: Style(.body), limit: limit)
        #expect(grid.lines == expected.lines, "columns \(columns), limit \(limit)")
        #expect(end == expectedEnd, "columns \(columns), limit \(limit)")
      }
    }
  }
}

@Suite("The cell grid")
struct GridTests {
  @Test func wideCharacterTakesTwoCells() {
    var grid = Grid(width: 6, height: 1)
    let end = grid.write("a東b", x: 0, y: 0, style: Style(.body))
    #expect(end == 4)
    #expect(grid.lines == ["a東b  "])
    #expect(grid[2, 0].isContinuation)
  }

  @Test func gridsShowingTheSameAreEqualWhateverWasWrittenBefore() {
    var first = Grid(width: 8, height: 1)
    first.write("🇬🇧 e\u{301}    ", x: 0, y: 0, style: Style(.body))
    var second = Grid(width: 8, height: 1)
    second.write("👩‍🔬 🇫🇷 x", x: 0, y: 0, style: Style(.body))
    second.write("🇬🇧 e\u{301}    ", x: 0, y: 0, style: Style(.body))
    #expect(first.lines == second.lines)
    #expect(first == second)
    #expect(first.hashValue == second.hashValue)
    #expect(first[0, 0].character == "🇬🇧")
    #expect(first[3, 0].character == "e\u{301}")
    second.write("🇫🇷", x: 0, y: 0, style: Style(.body))
    #expect(first != second)
    #expect(!first.hasSameCell(x: 0, y: 0, as: second))
    #expect(first.hasSameCell(x: 3, y: 0, as: second))
    second.write("🇬🇧", x: 0, y: 0, style: Style(.dim))
    #expect(!first.hasSameCell(x: 0, y: 0, as: second), "the same flag in another style")
  }

  @Test func wideCharacterAtTheEdgeBecomesASpace() {
    var grid = Grid(width: 3, height: 1)
    grid.write("ab東", x: 0, y: 0, style: Style(.body))
    #expect(grid.lines == ["ab "])
  }

  @Test func overwritingHalfAWideCharacterClearsTheOtherHalf() {
    var grid = Grid(width: 4, height: 1)
    grid.write("東京", x: 0, y: 0, style: Style(.body))
    grid.put("x", x: 1, y: 0, style: Style(.body))
    #expect(grid.lines == [" x京"])
    // The same through `write`'s path for text of standalone characters.
    grid.write("東京", x: 0, y: 0, style: Style(.body))
    grid.write("yz", x: 1, y: 0, style: Style(.body))
    #expect(grid.lines == [" yz "])
  }

  @Test func controlCharactersAreDrawnVisibly() {
    var grid = Grid(width: 8, height: 1)
    grid.write("a\u{1B}[2J", x: 0, y: 0, style: Style(.body))
    #expect(grid.lines == ["a␛[2J   "])
  }

  @Test func writingOutsideTheGridIsIgnored() {
    var grid = Grid(width: 2, height: 1)
    grid.write("abc", x: 0, y: 5, style: Style(.body))
    grid.write("abc", x: 5, y: 0, style: Style(.body))
    grid.write("abc", x: -1, y: 0, style: Style(.body))
    grid.fill(Rect(x: -3, y: -3, width: 10, height: 10), style: Style(.dim))
    #expect(grid.lines == ["  "])
    #expect(Grid(width: 0, height: 0).lines.isEmpty)
  }
}

@Suite("List scrolling")
struct ListStateTests {
  @Test func visibleRowsStopAtTheEndOfTheListAndThePane() {
    let list = ListState(selected: 6, offset: 5)
    #expect(list.visibleRows(count: 8, height: 10) == 5..<8)
    #expect(list.visibleRows(count: 100, height: 10) == 5..<15)
    #expect(list.visibleRows(count: 0, height: 10).isEmpty)
    #expect(list.visibleRows(count: 100, height: 0).isEmpty)
  }

  @Test func selectionKeepsAMarginFromTheEdges() {
    var list = ListState()
    list.select(6, count: 100, height: 10)
    #expect(list.offset == 0)
    list.select(7, count: 100, height: 10)
    #expect(list.offset == 1)
    list.select(8, count: 100, height: 10)
    #expect(list.offset == 2)
    list.select(5, count: 100, height: 10)
    #expect(list.offset == 2)
    list.select(4, count: 100, height: 10)
    #expect(list.offset == 1)
  }

  @Test func marginGivesWayAtTheEnds() {
    var list = ListState()
    list.select(99, count: 100, height: 10)
    #expect(list.offset == 90)
    #expect(list.selected == 99)
    list.select(0, count: 100, height: 10)
    #expect(list.offset == 0)
  }

  @Test func selectionIsClamped() {
    var list = ListState()
    list.select(500, count: 3, height: 10)
    #expect(list.selected == 2 && list.offset == 0)
    list.select(-4, count: 3, height: 10)
    #expect(list.selected == 0)
    list.select(3, count: 0, height: 10)
    #expect(list.selected == 0 && list.offset == 0)
  }

  /// ncurses holds one spacing character per cell: a joined emoji is given its first picture,
  /// never the joiner (sent alone, the terminal joined it with the next cell's text); accents
  /// and variation selectors stay on their letter.
  @Test(arguments: [
    ("👩‍🔬", [0x1F469]), ("👨‍👩‍👧", [0x1F468]), ("🏳️‍🌈", [0x1F3F3, 0xFE0F]), ("🌧️", [0x1F327, 0xFE0F]),
    ("e\u{301}", [0x65, 0x301]), ("a", [0x61]), ("👍🏽", [0x1F44D]),
  ] as [(String, [UInt32])])
  func cursesGetsOneSpacingCharacterPerCell(text: String, scalars: [UInt32]) throws {
    let character = try #require(text.first)
    #expect(CursesBackend.cursesCharacters(of: character).map { UInt32(bitPattern: $0) } == scalars)
  }

  /// One source's stories show the day where the source would repeat on every row (the list
  /// beside the feeds pane and the article is too narrow for both); mixed sources keep theirs.
  @Test func aListFromOneSourceShowsDaysInsteadOfTheSource() {
    let day = Date(timeIntervalSince1970: 1_795_521_600)
    func summaries(_ sources: [String], dated: Bool = true) -> [ArticleSummary] {
      sources.enumerated().map { index, source in
        ArticleSummary(id: "\(index)", headline: "Story \(index)", source: source, path: "/s/\(index)", published: dated ? day : nil)
      }
    }
    func rendered(_ stories: [ArticleSummary]) -> String {
      var grid = Grid(width: 44, height: 4)
      var view = HeadlineListView(stories: StoryList(stories), list: ListState(), readIDs: [], loadedAll: true)
      view.now = day
      view.render(into: &grid, area: grid.bounds)
      return grid.text
    }
    let dayText = ShortDate.text(day, now: day)
    let one = rendered(summaries(["Wire", "Wire", "Wire"]))
    #expect(!one.contains("Wire") && one.contains("\(dayText) Story 0"))
    let mixed = rendered(summaries(["Wire", "Post", "Wire"]))
    #expect(mixed.contains("Wire") && mixed.contains("Post") && !mixed.contains(dayText))
    // Undated stories from one source leave no empty column.
    #expect(rendered(summaries(["Wire", "Wire"], dated: false)).contains("• Story 0"))
  }
}
