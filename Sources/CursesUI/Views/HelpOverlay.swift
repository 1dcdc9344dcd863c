/// The key list shown by `?`, drawn in a box over the middle of the screen.
public struct HelpOverlay {
  public var keymap: Keymap

  public init(keymap: Keymap) {
    self.keymap = keymap
  }

  public func render(into grid: inout Grid, area: Rect) {
    let lines = keymap.helpLines
    let keyWidth = lines.map { DisplayWidth.of($0.keys) }.max() ?? 0
    let textWidth = lines.map { DisplayWidth.of($0.meaning) }.max() ?? 0
    let width = min(area.width, keyWidth + textWidth + 6)
    // A blank line above and below the keys when there is room; none on a short terminal.
    let padding = area.height >= lines.count + 4 ? 1 : 0
    let height = min(area.height, lines.count + 2 + 2 * padding)
    guard width >= 3, height >= 3 else { return }
    let box = Rect(x: area.x + (area.width - width) / 2, y: area.y + (area.height - height) / 2, width: width, height: height)
    grid.fill(box, style: Style(.help))
    drawBorder(into: &grid, box: box)
    grid.write(" Keys ", x: box.x + 2, y: box.y, style: Style(.helpKey), limit: box.maxX - 1)
    for (row, line) in lines.enumerated() where row + 1 + padding < box.height - 1 {
      let y = box.y + 1 + padding + row
      grid.write(line.keys, x: box.x + 2, y: y, style: Style(.helpKey), limit: box.maxX - 1)
      grid.write(line.meaning, x: box.x + 3 + keyWidth, y: y, style: Style(.help), limit: box.maxX - 1)
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
