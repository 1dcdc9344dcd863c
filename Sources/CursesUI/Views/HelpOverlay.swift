/// The key list shown by `?`, drawn in a box over the middle of the screen.
///
/// Keys and meanings wrap within their columns, so that nothing is cut on a narrow terminal;
/// a list taller than the screen scrolls (`scroll`, moved by the reader's scroll keys) and its
/// bottom border says where it is.
public struct HelpOverlay {
  public var keymap: Keymap
  /// The first row shown, when the rows are more than the box holds.
  public var scroll: Int

  public init(keymap: Keymap, scroll: Int = 0) {
    self.keymap = keymap
    self.scroll = scroll
  }

  /// Where the box goes and what it holds on a screen of `area`.
  struct Layout {
    var box: Rect
    var keyWidth: Int
    var padding: Int
    /// Each entry's keys and meaning, wrapped: a row per screen line.
    var rows: [(keys: String, meaning: String)]
    /// How many rows the box shows at once.
    var visible: Int

    var maxScroll: Int { max(0, rows.count - visible) }
  }

  static func layout(of keymap: Keymap, area: Rect) -> Layout? {
    let lines = keymap.helpLines
    let keyWidth = lines.map { DisplayWidth.of($0.keys) }.max() ?? 0
    let textWidth = lines.map { DisplayWidth.of($0.meaning) }.max() ?? 0
    let width = min(area.width, keyWidth + textWidth + 6)
    // Inside the borders, a margin either side and a column between keys and meaning.
    let inner = width - 5
    guard inner >= 3, area.height >= 3 else { return nil }
    // The keys keep their width while the widest meaning still fits beside them; on a narrower
    // screen they give way first, down to two fifths of the box, and the meanings wrap.
    let keyColumn = max(1, min(keyWidth, max(inner - textWidth, inner * 2 / 5)))
    let textColumn = max(1, inner - keyColumn)
    var rows: [(keys: String, meaning: String)] = []
    for line in lines {
      let keys = wrapped(line.keys, width: keyColumn)
      let meaning = wrapped(line.meaning, width: textColumn)
      for row in 0..<max(keys.count, meaning.count) {
        rows.append((row < keys.count ? keys[row] : "", row < meaning.count ? meaning[row] : ""))
      }
    }
    // A blank line above and below the keys when there is room; none on a short terminal.
    let padding = area.height >= rows.count + 4 ? 1 : 0
    let height = min(area.height, rows.count + 2 + 2 * padding)
    let box = Rect(x: area.x + (area.width - width) / 2, y: area.y + (area.height - height) / 2, width: width, height: height)
    return Layout(box: box, keyWidth: keyColumn, padding: padding, rows: rows, visible: max(0, height - 2 - 2 * padding))
  }

  private static func wrapped(_ text: String, width: Int) -> [String] {
    let lines = TextWrapper.wrap(text, style: Style(.help), width: width).map { String($0.map(\.character)) }
    return lines.isEmpty ? [""] : lines
  }

  public func render(into grid: inout Grid, area: Rect) {
    guard let layout = Self.layout(of: keymap, area: area) else { return }
    let box = layout.box
    grid.fill(box, style: Style(.help))
    drawBorder(into: &grid, box: box)
    grid.write(" Keys ", x: box.x + 2, y: box.y, style: Style(.helpKey), limit: box.maxX - 1)
    let first = min(max(0, scroll), layout.maxScroll)
    for (index, row) in layout.rows.dropFirst(first).prefix(layout.visible).enumerated() {
      let y = box.y + 1 + layout.padding + index
      grid.write(row.keys, x: box.x + 2, y: y, style: Style(.helpKey), limit: box.maxX - 1)
      grid.write(row.meaning, x: box.x + 3 + layout.keyWidth, y: y, style: Style(.help), limit: box.maxX - 1)
    }
    if layout.maxScroll > 0 {
      let last = first + layout.visible
      let position = " \(first + 1)–\(last) of \(layout.rows.count) · j/k "
      grid.write(position, x: max(box.x + 1, box.maxX - 2 - DisplayWidth.of(position)), y: box.maxY - 1, style: Style(.helpKey), limit: box.maxX - 1)
    }
  }

  private func drawBorder(into grid: inout Grid, box: Rect) {
    let style = Style(.help)
    for x in box.x..<box.maxX {
      grid.put("─", x: x, y: box.y, style: style)
      grid.put("─", x: x, y: box.maxY - 1, style: style)
    }
    for y in box.y..<box.maxY {
      grid.put("│", x: box.x, y: y, style: style)
      grid.put("│", x: box.maxX - 1, y: y, style: style)
    }
    grid.put("┌", x: box.x, y: box.y, style: style)
    grid.put("┐", x: box.maxX - 1, y: box.y, style: style)
    grid.put("└", x: box.x, y: box.maxY - 1, style: style)
    grid.put("┘", x: box.maxX - 1, y: box.maxY - 1, style: style)
  }
}
