/// The bottom line: where the reader is (story, paragraph, quote or match), loading progress,
/// and a key hint, or the search being typed.
public struct StatusBarView {
  public var state: ReaderState

  public init(state: ReaderState) {
    self.state = state
  }

  public func render(into grid: inout Grid, area: Rect) {
    guard !area.isEmpty else { return }
    let style = Style(.statusBar)
    grid.fill(area, style: style)
    if let search = state.librarySearch, search.editing {
      grid.write("search the library: " + search.query + "▏", x: area.x, y: area.y, style: style, limit: area.maxX)
      return
    }
    if let search = state.search, search.editing {
      grid.write("/" + search.query + "▏", x: area.x, y: area.y, style: style, limit: area.maxX)
      return
    }
    let goesBack = state.focus == .article || (state.focus == .list && state.isLibrary)
    let hint = "\(key(for: .help)) help  " + (goesBack ? "\(key(for: .back)) back" : "\(key(for: .quit)) quit")
    let left = TextWrapper.truncate(facts.joined(separator: " · "), width: area.width)
    let end = grid.write(left, x: area.x, y: area.y, style: style, limit: area.maxX)
    let hintWidth = DisplayWidth.of(hint)
    if area.maxX - end >= hintWidth + 2 {
      grid.write(hint, x: area.maxX - hintWidth, y: area.y, style: Style(.statusKey), limit: area.maxX)
    }
  }

  /// The key shown for an action in the hint: Esc when it is one of them (the habit for going
  /// back), else the first, as the keymap in use binds it.
  private func key(for action: Action) -> String {
    let keys = state.keymap.keys(for: action)
    return KeyName.describe(keys.contains(.escape) ? .escape : keys.first ?? .escape)
  }

  var facts: [String] {
    var facts: [String] = []
    if let notice = state.notice { facts.append(notice) }
    if let sync = state.syncStatus { facts.append(sync) }
    if let view = state.speakersView {
      if view.count > 0 { facts.append("\(view.list.selected + 1)/\(view.count)") }
      facts.append("Enter opens")
      return facts
    }
    if state.focus == .feeds {
      let rows = state.feedRows
      if rows.indices.contains(state.feedList.selected) {
        let row = rows[state.feedList.selected]
        facts.append("feed \(state.feedList.selected + 1)/\(rows.count) · \(row.title)")
        if let error = row.error { facts.append("last sync failed: \(error)") }
      }
      return facts
    }
    let count = state.stories.count
    facts.append(count == 0 ? "no stories" : "story \(state.list.selected + 1)/\(count)")
    if !state.loadedAll { facts.append("loading \(count)…") }
    if state.skippedFiles > 0 { facts.append("\(state.skippedFiles) skipped") }
    if let fetching = state.awaitedFullText { facts.append("fetching the full text from \(fetching.host)…") }
    if let reading = state.reading, state.articleVisible {
      if reading.showsFullText { facts.append("full text") }
      let paragraphs = reading.article.paragraphs.count
      if paragraphs > 0 { facts.append("¶ \(reading.paragraph + 1)/\(paragraphs)") }
      let quotes = reading.article.quotes
      if let search = state.search {
        let position = search.current.map { "\($0 + 1)/\(search.matches.count)" } ?? "0/0"
        facts.append("“\(search.query)” \(position) n/N")
      } else if let index = reading.quote, quotes.indices.contains(index) {
        let speaker = quotes[index].speakerLabel.map { " " + $0 } ?? ""
        facts.append("quote \(index + 1)/\(quotes.count)\(speaker)")
      } else {
        facts.append(quotes.count == 1 ? "1 quote" : "\(quotes.count) quotes")
      }
    }
    return facts
  }
}
