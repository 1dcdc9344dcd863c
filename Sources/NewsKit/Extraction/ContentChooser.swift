/// Chooses the elements that hold a page's article. Candidate scoring in the manner of
/// Readability: every paragraph scores by its length and commas, the score flows to its parent
/// and, fading, to the ancestors above; names weigh in; link-heavy elements lose their score in
/// proportion. The best candidate then takes its siblings that look like more of the same (an
/// article split across several containers). A container the page itself names as the body
/// (`itemprop="articleBody"`, `entry-content`, …) is preferred when it holds most of that text.
struct ContentChooser {
  let map: PageMap

  struct Choice {
    /// The chosen elements, in document order.
    var elements: [Int]
    /// Visible bytes of text they hold.
    var text: Int
  }

  /// How deep a paragraph's score reaches up the tree.
  static let reach = 5

  func choose() -> Choice? {
    var scores: [Int: Double] = [:]
    for (position, element) in map.elements.enumerated() where !element.gone && isParagraph(element) {
      guard element.text >= 25 else { continue }
      let own = 1 + Double(element.commas) + min(Double(element.text) / 100, 3)
      var level = 0
      for ancestor in map.ancestors(of: position).prefix(Self.reach) {
        if scores[ancestor] == nil { scores[ancestor] = baseScore(map.elements[ancestor]) }
        let divider = level == 0 ? 1 : level == 1 ? 2 : Double(level * 3)
        scores[ancestor]! += own / divider
        level += 1
      }
    }
    guard !scores.isEmpty else { return nil }
    for (position, score) in scores { scores[position] = score * (1 - map.elements[position].linkDensity) }
    guard var top = scores.max(by: { $0.value < $1.value || ($0.value == $1.value && $0.key > $1.key) })?.key
    else { return nil }
    top = climb(from: top, scores: scores)
    var chosen = siblings(of: top, scores: scores)
    if let body = namedBody(), prefers(body, over: chosen) { chosen = [body] }
    return Choice(elements: chosen, text: chosen.reduce(0) { $0 + map.elements[$1].text })
  }

  /// A paragraph: a paragraph element, or a container whose text is mostly its own (a `<div>`
  /// written with `<br>`s instead of `<p>`s).
  private func isParagraph(_ element: PageMap.Element) -> Bool {
    if PageMap.paragraphTags.contains(element.tag) { return element.tag != "li" || element.blockChildren == 0 }
    guard element.tag == "div" || element.tag == "section" || element.tag == "article" || element.tag == "span"
    else { return false }
    return element.ownText * 2 > element.text
  }

  private func baseScore(_ element: PageMap.Element) -> Double {
    var score = Double(element.hints.weight)
    switch element.tag {
    case "div", "article", "main": score += 5
    case "section", "pre", "td", "blockquote": score += 3
    case "address", "ol", "ul", "dl", "dd", "dt", "li", "form": score -= 3
    case "h1", "h2", "h3", "h4", "h5", "h6", "th": score -= 5
    default: break
    }
    return score
  }

  /// Moves up from the best candidate while its parent is the better whole: the candidate is
  /// its parent's only content, or the parent scores nearly as well (its text spread over
  /// several children, none of which alone is the article).
  private func climb(from start: Int, scores: [Int: Double]) -> Int {
    var current = start
    while true {
      let parent = map.elements[current].parent
      guard parent >= 0, map.elements[parent].tag != "body", map.elements[parent].tag != "html" else { break }
      let alone = map.elements[parent].text > 0 && Double(map.elements[current].text) / Double(map.elements[parent].text) > 0.9
      let score = scores[current] ?? 0
      let close = (scores[parent] ?? 0) >= score * 0.75 && map.elements[parent].linkDensity < 0.4
      guard alone || close else { break }
      current = parent
    }
    return current
  }

  /// The candidate and those of its siblings that are more of the article: scoring well, or
  /// paragraphs of prose with few links.
  private func siblings(of top: Int, scores: [Int: Double]) -> [Int] {
    let parent = map.elements[top].parent
    guard parent >= 0 else { return [top] }
    let topScore = scores[top] ?? 0
    let threshold = max(10, topScore * 0.2)
    var chosen: [Int] = []
    for position in children(of: parent) {
      let element = map.elements[position]
      if position == top {
        chosen.append(position)
        continue
      }
      guard !element.dropped, element.text > 0 else { continue }
      if (scores[position] ?? 0) >= threshold && element.linkDensity < 0.5 {
        chosen.append(position)
      } else if element.tag == "p" && element.text > 80 && element.linkDensity < 0.25 {
        chosen.append(position)
      }
    }
    return chosen
  }

  func children(of parent: Int) -> [Int] {
    var result: [Int] = []
    var child = map.elements[parent].pointer.pointee.children
    while let pointer = child {
      if let position = map.index[pointer] { result.append(position) }
      child = pointer.pointee.next
    }
    return result
  }

  /// The deepest element that still holds most of the page's text: for a page with no article
  /// (an index of headlines, a product grid), what is shown instead.
  func mainBlock() -> Int? {
    guard let body = map.elements.firstIndex(where: { $0.tag == "body" }) ?? (map.elements.isEmpty ? nil : 0) else { return nil }
    let total = map.elements[body].text
    guard total > 0 else { return nil }
    var current = body
    while let largest = children(of: current).filter({ !map.elements[$0].gone }).max(by: { map.elements[$0].text < map.elements[$1].text }),
      Double(map.elements[largest].text) >= 0.6 * Double(total)
    {
      current = largest
    }
    return current
  }

  /// The largest element the page names as the article's body.
  private func namedBody() -> Int? {
    var best: Int?
    for (position, element) in map.elements.enumerated() where !element.gone && element.text >= ArticleExtractor.minimumText {
      guard element.hints.body || element.isArticleBody else { continue }
      if best == nil || element.text > map.elements[best!].text { best = position }
    }
    return best
  }

  /// The named body wins when it holds much of the chosen text without being mostly links:
  /// the page's own word is better than a guess, and often includes a lead the guess missed.
  private func prefers(_ body: Int, over chosen: [Int]) -> Bool {
    let element = map.elements[body]
    guard element.linkDensity < 0.5 else { return false }
    let chosenText = chosen.reduce(0) { $0 + map.elements[$1].text }
    let overlap = chosen.filter { map.isInside($0, body) || map.isInside(body, $0) }
    // `itemprop="articleBody"` is said once, for the article; a class like `entry-content`
    // is also given to each teaser of an index, so it must hold more to win.
    // Scoring that took it among others agrees it is content; the page says which is the article.
    if element.isArticleBody && chosen.contains(where: { map.isInside(body, $0) }) { return true }
    let factor = element.isArticleBody ? 4 : overlap.isEmpty ? 2 : 3
    return element.text * factor >= chosenText
  }
}
