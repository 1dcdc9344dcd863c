import NewsKit

/// Find in the open article: editing the query and stepping through matches.
extension ReaderState {
  mutating func edit(search current: Search, key: Key) -> [ReaderEffect] {
    var edited = current
    switch LineEdit.apply(key, to: edited.query) {
    case .cancel:
      search = nil
      relayout()
      return []
    case .submit:
      edited.editing = false
      search = edited.query.isEmpty ? nil : edited
      runSearch()
      if let search, search.matches.isEmpty { notice = "not found: \(search.query)" }
      return []
    case .changed(let query):
      edited.query = query
    case .unchanged:
      return []
    }
    search = edited
    runSearch()
    return []
  }

  /// Finds the query in the open article and moves to the first match at or after the cursor.
  mutating func runSearch() {
    guard var current = search, let reading else { return }
    current.matches = ArticleSearch.matches(of: current.query, in: reading.article.paragraphs)
    current.current = current.matches.firstIndex { $0.paragraph >= reading.paragraph } ?? (current.matches.isEmpty ? nil : 0)
    search = current
    if let index = current.current { goToMatch(index) } else { relayout() }
  }

  mutating func stepMatch(by delta: Int) -> [ReaderEffect] {
    guard let current = search, !current.matches.isEmpty else { return [] }
    let count = current.matches.count
    let next = ((current.current ?? -delta) + delta + count) % count
    goToMatch(next)
    return []
  }

  mutating func goToMatch(_ index: Int) {
    guard var current = search, var article = reading, current.matches.indices.contains(index) else { return }
    current.current = index
    search = current
    let match = current.matches[index]
    article.paragraph = match.paragraph
    article.quote = nil
    reading = article
    relayout()
    scrollTo(line: article.layout.line(ofParagraph: match.paragraph, offset: match.start))
  }
}
