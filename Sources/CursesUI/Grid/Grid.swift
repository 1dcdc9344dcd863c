import NewsKit

/// One terminal cell: a grapheme and its style. A wide grapheme fills its own cell and marks
/// the next one as its continuation, which shows nothing of its own.
public struct Cell: Sendable, Hashable {
  public var character: Character
  public var style: Style
  public var isContinuation: Bool

  public init(_ character: Character = " ", style: Style = .normal, isContinuation: Bool = false) {
    self.character = character
    self.style = style
    self.isContinuation = isContinuation
  }

  public static let blank = Cell()
}

/// An in-memory screen that views draw into; the terminal backend only shows it. Tests read it
/// back as text and as a map of styles.
public struct Grid: Sendable, Hashable {
  public private(set) var width: Int
  public private(set) var height: Int
  private var stored: [StoredCell]
  /// The graphemes of several scalars written into the grid, in the order written (one
  /// written again nearby reuses its entry).
  private var clusters: [String] = []

  public init(width: Int, height: Int) {
    self.width = max(0, width)
    self.height = max(0, height)
    stored = Array(repeating: .blank, count: self.width * self.height)
  }

  public var bounds: Rect { Rect(x: 0, y: 0, width: width, height: height) }

  public subscript(x: Int, y: Int) -> Cell {
    get { cell(stored[y * width + x]) }
    set { stored[y * width + x] = store(newValue) }
  }

  private func cell(_ stored: StoredCell) -> Cell {
    let character = stored.cluster < 0 ? Character(stored.scalar) : Character(clusters[Int(stored.cluster)])
    return Cell(character, style: stored.style, isContinuation: stored.isContinuation)
  }

  private mutating func store(_ cell: Cell) -> StoredCell {
    let scalars = cell.character.unicodeScalars
    var stored = StoredCell(scalar: scalars.first ?? " ", style: cell.style, isContinuation: cell.isContinuation)
    if scalars.index(after: scalars.startIndex) != scalars.endIndex {
      let text = String(cell.character)
      // The same grapheme is often written again nearby (a flag in every row of a feed); a
      // longer search could make a screen of distinct ones quadratic.
      if let known = clusters.indices.suffix(8).last(where: { clusters[$0] == text }) {
        stored.cluster = Int32(known)
      } else {
        clusters.append(text)
        stored.cluster = Int32(clusters.count - 1)
      }
    }
    return stored
  }

  /// Whether the cell at (x, y) is the second half of a wide grapheme.
  public func isContinuation(x: Int, y: Int) -> Bool { stored[y * width + x].isContinuation }

  /// Whether the cell at (x, y) shows the same as the other grid's there: for a backend drawing
  /// only what changed, without making either cell.
  public func hasSameCell(x: Int, y: Int, as other: Grid) -> Bool {
    let mine = stored[y * width + x]
    let theirs = other.stored[y * other.width + x]
    guard mine.cluster >= 0 || theirs.cluster >= 0 else { return mine == theirs }
    guard mine.cluster >= 0, theirs.cluster >= 0, mine.style == theirs.style, mine.isContinuation == theirs.isContinuation
    else { return false }
    return clusters[Int(mine.cluster)] == other.clusters[Int(theirs.cluster)]
  }

  public static func == (left: Grid, right: Grid) -> Bool {
    guard left.width == right.width, left.height == right.height else { return false }
    for y in 0..<left.height {
      for x in 0..<left.width where !left.hasSameCell(x: x, y: y, as: right) { return false }
    }
    return true
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(width)
    hasher.combine(height)
    for stored in stored {
      if stored.cluster < 0 { hasher.combine(stored.scalar) } else { hasher.combine(clusters[Int(stored.cluster)]) }
      hasher.combine(stored.style)
      hasher.combine(stored.isContinuation)
    }
  }

  /// Fills a rectangle (clipped to the grid) with blanks of a style.
  public mutating func fill(_ rect: Rect, style: Style) {
    let columns = max(0, rect.x)..<min(width, rect.maxX)
    let rows = max(0, rect.y)..<min(height, rect.maxY)
    guard !columns.isEmpty, !rows.isEmpty else { return }
    let blank = StoredCell(scalar: " ", style: style)
    let gridWidth = width
    // Through the buffer: a subscript set per cell checks the array's uniqueness each time.
    stored.withUnsafeMutableBufferPointer { cells in
      for row in rows {
        for index in (row * gridWidth + columns.lowerBound)..<(row * gridWidth + columns.upperBound) { cells[index] = blank }
      }
    }
  }

  /// Writes text from (x, y) without going past `limit` (an exclusive column; the grid's width
  /// by default). Control characters are shown as visible symbols; a wide grapheme that would
  /// straddle the limit is replaced by a space. Returns the column after the last cell written.
  @discardableResult
  public mutating func write(_ text: some StringProtocol, x: Int, y: Int, style: Style, limit: Int? = nil) -> Int {
    let end = min(limit ?? width, width)
    guard y >= 0, y < height, x >= 0, x < end else { return x }
    var text = String(text)
    var column = x
    // The beginning whose every scalar is a character of its own, of a known width and no
    // control (often the whole text) is placed from its bytes: no grapheme breaking and none
    // of `put`'s checks, which were most of drawing the lists. The rest goes grapheme by grapheme.
    let restStart = text.withUTF8 { bytes -> Int in
      let prefixEnd = DisplayWidth.standalonePrefix(bytes).end
      column = placeStandalone(bytes[..<prefixEnd], x: x, y: y, style: style, end: end)
      return prefixEnd
    }
    guard column < end, restStart < text.utf8.count else { return column }
    let rest = VisibleText.make(String(text[text.utf8.index(text.utf8.startIndex, offsetBy: restStart)...]))
    for character in rest {
      column = put(character, x: column, y: y, style: style, limit: end)
      if column >= end { break }
    }
    return column
  }

  /// Writes text cut to `columns` columns, ending in "…" when it had to be cut: what
  /// `write(TextWrapper.truncate(text, width: columns), …)` writes, in one pass over text of
  /// standalone characters (the headline list cuts and writes every row of every frame).
  @discardableResult
  public mutating func write(_ text: String, cutTo columns: Int, x: Int, y: Int, style: Style, limit: Int? = nil) -> Int {
    let end = min(limit ?? width, width)
    guard y >= 0, y < height, x >= 0, x < end, columns > 0 else { return x }
    var text = text
    let written = text.withUTF8 { bytes -> Int? in
      let scan = DisplayWidth.standalonePrefix(bytes, head: columns - 1)
      guard scan.end == bytes.count else { return nil }
      if scan.width <= columns { return placeStandalone(bytes[...], x: x, y: y, style: style, end: end) }
      let column = placeStandalone(bytes[..<scan.headEnd], x: x, y: y, style: style, end: end)
      return column < end ? place("…", width: 1, x: column, y: y, style: style, end: end) : column
    }
    return written ?? write(TextWrapper.truncate(text, width: columns), x: x, y: y, style: style, limit: limit)
  }

  /// Places the scalars of `bytes`, each a standalone character (`DisplayWidth.standaloneWidth`),
  /// from (x, y) until `end` (inside the grid): `place` through the buffer, one row at a time.
  private mutating func placeStandalone(_ bytes: Slice<UnsafeBufferPointer<UInt8>>, x: Int, y: Int, style: Style, end: Int) -> Int {
    let row = y * width
    let gridWidth = width
    var column = x
    stored.withUnsafeMutableBufferPointer { cells in
      var index = bytes.startIndex
      while index < bytes.endIndex, column < end {
        let (value, length) = UTF8Scalar.decode(bytes.base, at: index)
        index += length
        let span = DisplayWidth.standaloneWidth(value) ?? 1
        if span == 2 && column + 1 >= end {
          cells[row + column] = StoredCell(scalar: " ", style: style)
          column += 1
          break
        }
        // Overwriting half of a wide character blanks its other half (`clearWideNeighbours`).
        if cells[row + column].isContinuation, column > 0 {
          cells[row + column - 1] = StoredCell(scalar: " ", style: cells[row + column - 1].style)
        }
        if column + span < gridWidth, cells[row + column + span].isContinuation {
          cells[row + column + span] = StoredCell(scalar: " ", style: cells[row + column + span].style)
        }
        cells[row + column] = StoredCell(scalar: Unicode.Scalar(value) ?? " ", style: style)
        if span == 2 { cells[row + column + 1] = StoredCell(scalar: " ", style: style, isContinuation: true) }
        column += span
      }
    }
    return column
  }

  /// Puts one grapheme at (x, y); returns the next column.
  @discardableResult
  public mutating func put(_ character: Character, x: Int, y: Int, style: Style, limit: Int? = nil) -> Int {
    let end = min(limit ?? width, width)
    guard y >= 0, y < height, x >= 0, x < end else { return x }
    // The last guard between article text and the terminal: a control (C1 ones such as the
    // 8-bit CSI included) is drawn as its visible stand-in, whichever view put it here.
    var character = character
    // Printable ASCII, nearly every cell of an article, is told by its one byte (the scalar
    // view's first element validates an index, a tenth of drawing the article pane).
    if let byte = character.utf8.first, byte >= 0x20, byte < 0x7F, character.utf8.count == 1 {
      return place(character, width: 1, x: x, y: y, style: style, end: end)
    }
    if let first = character.unicodeScalars.first, VisibleText.isControl(first) {
      character = Character(VisibleText.replacement(for: first))
    }
    let cellWidth = DisplayWidth.of(character)
    if cellWidth == 0 { return x }
    return place(character, width: cellWidth, x: x, y: y, style: style, end: end)
  }

  /// Puts a visible grapheme of `cellWidth` (1 or 2) columns at (x, y), inside the grid and
  /// before `end`; returns the next column.
  private mutating func place(_ character: Character, width cellWidth: Int, x: Int, y: Int, style: Style, end: Int) -> Int {
    if cellWidth == 2 && x + 1 >= end {
      stored[y * width + x] = StoredCell(scalar: " ", style: style)
      return x + 1
    }
    clearWideNeighbours(x: x, y: y, span: cellWidth)
    self[x, y] = Cell(character, style: style)
    if cellWidth == 2 { stored[y * width + x + 1] = StoredCell(scalar: " ", style: style, isContinuation: true) }
    return x + cellWidth
  }

  /// Overwriting half of a wide grapheme blanks its other half, so no half character is left.
  private mutating func clearWideNeighbours(x: Int, y: Int, span: Int) {
    let index = y * width + x
    if stored[index].isContinuation, x > 0 { stored[index - 1] = StoredCell(scalar: " ", style: stored[index - 1].style) }
    let after = x + span
    if after < width, stored[index + span].isContinuation { stored[index + span] = StoredCell(scalar: " ", style: stored[index + span].style) }
  }

  /// The screen as lines of text, trailing blanks kept so that columns line up.
  public var lines: [String] {
    (0..<height).map { row in
      var line = ""
      for column in 0..<width where !stored[row * width + column].isContinuation {
        line.append(self[column, row].character)
      }
      return line
    }
  }

  public var text: String { lines.joined(separator: "\n") }

  /// One symbol per cell for its style, from `legend` (roles missing from it show as "?"); a
  /// focused cell shows its symbol in upper case when the legend gives a letter.
  public func styleMap(_ legend: [StyleRole: Character]) -> String {
    (0..<height).map { row in
      String(
        (0..<width).map { column -> Character in
          let style = stored[row * width + column].style
          let symbol = legend[style.role] ?? "?"
          return style.focused ? Character(symbol.uppercased()) : symbol
        })
    }.joined(separator: "\n")
  }
}
