import NewsKit

/// `herald quotes` as a person reads it: the quotes gathered under each speaker's one name
/// (`Quote.speakerName`, so "Mr Pike" and "he" land with "Gordon Pike"), most quoted first,
/// then those whose speaker the text does not give. Within a speaker, in the order they came.
struct SpeakerGroups {
  private var groups: [(name: String?, lines: [String])] = []
  private var indexOfName: [String?: Int] = [:]

  var isEmpty: Bool { groups.isEmpty }

  mutating func add(_ quote: Quote, articleId: String) {
    // Places and kinds are Herald's own ASCII; ids (a feed's guid), quotes and speakers are
    // the source's words, made visible.
    var line = "  " + VisibleText.make(articleId) + "  " + QuotePlace.label(quote) + "  " + quote.kind.rawValue + "  "
      + VisibleText.make(VisibleText.oneLine(quote.text))
    // The words at the quote, when they are not simply the name it is listed under.
    if let speaker = quote.speaker, speaker != quote.speakerName { line += "  (" + VisibleText.make(speaker) + ")" }
    let name = quote.speakerName
    if let index = indexOfName[name] {
      groups[index].lines.append(line)
    } else {
      indexOfName[name] = groups.count
      groups.append((name, [line]))
    }
  }

  /// Every group: a heading line ("Gordon Pike · 3 quotes"), then its quotes, indented.
  func rendered() -> String {
    let ordered = groups.enumerated().sorted { left, right in
      let (a, b) = (left.element, right.element)
      if (a.name == nil) != (b.name == nil) { return b.name == nil }
      if a.lines.count != b.lines.count { return a.lines.count > b.lines.count }
      return left.offset < right.offset
    }
    var output = ""
    for (_, group) in ordered {
      let count = group.lines.count == 1 ? "1 quote" : "\(group.lines.count) quotes"
      output += VisibleText.make(group.name ?? "(speaker not given)") + " · " + count + "\n"
      output += group.lines.joined(separator: "\n") + "\n"
    }
    return output
  }
}
