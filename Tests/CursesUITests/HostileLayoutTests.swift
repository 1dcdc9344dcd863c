import CursesUI
import NewsKit
import Testing

/// Text built to break a row's layout: what the grid holds must take exactly the columns the
/// terminal will give it, whatever the article says.
@Suite("Hostile text keeps the layout")
struct HostileLayoutTests {
  static let combiningPile = "e" + String(repeating: "\u{301}", count: 10_000)
  static let joinerRun = (0..<2_000).map { _ in "a\u{200D}" }.joined() + " " + String(repeating: "👩‍👩‍👧‍👦", count: 200)
  static let bidi = "abc\u{202E}reversed\u{202C} \u{2066}isolate\u{2069} \u{200F}mark\u{061C}"
  static let longWord = String(repeating: "x", count: 1 << 20)

  /// Every cell holds one grapheme that takes its span: one column, or two with a continuation
  /// after it; none is zero-width, a control or a bidi control, and none would be cut short by
  /// the curses cell (which keeps five scalars).
  static func expectSound(_ grid: Grid, _ label: String, sourceLocation: SourceLocation = #_sourceLocation) {
    for y in 0..<grid.height {
      var x = 0
      while x < grid.width {
        let cell = grid[x, y]
        let width = DisplayWidth.of(cell.character)
        let scalars = cell.character.unicodeScalars
        let bad =
          cell.isContinuation || width == 0 || width > 2 || (width == 2 && (x + 1 >= grid.width || !grid[x + 1, y].isContinuation))
          || scalars.contains { VisibleText.isControl($0) || VisibleText.isBidiControl($0) }
        if bad {
          Issue.record("\(label): cell \(x),\(y) holds \(scalars.map { String($0.value, radix: 16) }.prefix(8)) in \(width) columns", sourceLocation: sourceLocation)
          return
        }
        x += width
      }
    }
  }

  static let hostile: [Article] = [
    article("Pile \(combiningPile) up\n\nA \(combiningPile) body “quote \(combiningPile),” she said.\n", path: "/h/1.txt"),
    article("Joiners \(joinerRun)\n\n\(joinerRun)\n", path: "/h/2.txt"),
    article("Bidi \(bidi) headline\n\nBody \(bidi) “said \(bidi)” here.\n", path: "/h/3.txt"),
    article("Word\n\n\(longWord)\n\nAfter the word.\n", path: "/h/4.txt"),
    article(String(repeating: "Long headline ", count: 8_000) + "\n\nBody.\n", path: "/h/5.txt"),
    article("Controls \u{1B}[2J\u{9B}1m\u{7F}\n\nBody \u{1B}]0;x\u{07} end.\n", path: "/h/6.txt"),
  ]

  @Test(arguments: [(160, 45), (80, 24), (40, 12), (7, 3)])
  func everyStoryOpenedAndScrolled(width: Int, height: Int) {
    var reader = TestReader(width: width, height: height, articles: Self.hostile)
    for index in Self.hostile.indices {
      Self.expectSound(reader.screen, "list at story \(index), \(width)x\(height)")
      reader.press(.enter)
      Self.expectSound(reader.screen, "story \(index) opened, \(width)x\(height)")
      reader.press(.pageDown, .pageDown, .character("j"), .character("G"))
      Self.expectSound(reader.screen, "story \(index) scrolled, \(width)x\(height)")
      reader.press(.escape, .character("j"))
    }
  }

  @Test func theGridDropsBidiControlsAndKeepsTheWords() {
    var reader = TestReader(width: 120, height: 20, articles: [Self.hostile[2]])
    reader.press(.enter)
    let text = reader.screen.text
    #expect(text.contains("abcreversed isolate"))
    #expect(!text.unicodeScalars.contains { VisibleText.isBidiControl($0) })
  }
}
