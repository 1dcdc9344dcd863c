/// A user's search turned into an FTS5 query. Accepted: words (matched as whole words,
/// diacritics ignored), "quoted phrases", prefix* words, AND, OR, NOT and parentheses, and
/// `speaker:NAME` (or `speaker:"Full Name"`), which matches articles quoting NAME. Words are
/// quoted before FTS5 sees them, so punctuation in a word ("covid-19", "don't") is never FTS5
/// syntax. A malformed query is a `LibraryError.badQuery` saying what is wrong.
struct SearchQuery {
  let match: String
  /// The same query on headlines alone, for the first tier of `Library.search`; nil when the
  /// query cannot be read on one column (NOT, or `speaker:`, which is about another column).
  let headlineMatch: String?

  init(_ text: String) throws(LibraryError) {
    var parts: [String] = []
    var expectOperand = true
    var depth = 0
    var index = text.startIndex
    func appendOperand(_ part: String) {
      if !expectOperand { parts.append("AND") }
      parts.append(part)
      expectOperand = false
    }
    while index < text.endIndex {
      let character = text[index]
      if character.isWhitespace {
        index = text.index(after: index)
        continue
      }
      if character == "(" {
        if !expectOperand { parts.append("AND") }
        parts.append("(")
        depth += 1
        expectOperand = true
        index = text.index(after: index)
        continue
      }
      if character == ")" {
        guard depth > 0 else { throw LibraryError.badQuery("a “)” without its “(”") }
        guard !expectOperand else { throw LibraryError.badQuery("nothing before “)”") }
        parts.append(")")
        depth -= 1
        index = text.index(after: index)
        continue
      }
      if character == "\"" {
        let start = text.index(after: index)
        guard let end = text[start...].firstIndex(of: "\"") else {
          throw LibraryError.badQuery("a quotation mark is not closed")
        }
        let phrase = String(text[start..<end])
        index = text.index(after: end)
        guard phrase.contains(where: { $0.isLetter || $0.isNumber }) else { continue }
        appendOperand(Self.quoted(phrase))
        continue
      }
      var end = index
      while end < text.endIndex, !text[end].isWhitespace, text[end] != "(", text[end] != ")", text[end] != "\"" {
        end = text.index(after: end)
      }
      var word = String(text[index..<end])
      index = end
      if ["AND", "OR", "NOT"].contains(word) {
        guard !expectOperand else {
          throw LibraryError.badQuery("“\(word)” needs a word before it")
        }
        parts.append(word)
        expectOperand = true
        continue
      }
      if word.lowercased().hasPrefix("speaker:") {
        var name = String(word.dropFirst("speaker:".count))
        if name.isEmpty, index < text.endIndex, text[index] == "\"" {
          let start = text.index(after: index)
          guard let close = text[start...].firstIndex(of: "\"") else {
            throw LibraryError.badQuery("a quotation mark is not closed")
          }
          name = String(text[start..<close])
          index = text.index(after: close)
        }
        guard name.contains(where: { $0.isLetter }) else { throw LibraryError.badQuery("speaker: needs a name") }
        appendOperand("speakers : " + Self.quoted(name))
        continue
      }
      let prefix = word.hasSuffix("*")
      if prefix { word.removeLast() }
      guard word.contains(where: { $0.isLetter || $0.isNumber }) else {
        if prefix { throw LibraryError.badQuery("“*” goes after the start of a word, as in harbo*") }
        continue
      }
      appendOperand(Self.quoted(word) + (prefix ? "*" : ""))
    }
    guard depth == 0 else { throw LibraryError.badQuery("a “(” is not closed") }
    if expectOperand, let last = parts.last, ["AND", "OR", "NOT"].contains(last) {
      throw LibraryError.badQuery("“\(last)” needs a word after it")
    }
    guard parts.contains(where: { $0.hasPrefix("\"") || $0.hasPrefix("speakers") }) else {
      throw LibraryError.badQuery("give at least one word to search for")
    }
    match = parts.joined(separator: " ")
    headlineMatch =
      parts.contains(where: { $0 == "NOT" || $0.hasPrefix("speakers") }) ? nil : "{headline} : (" + match + ")"
  }

  /// An FTS5 string: inside double quotes, a double quote is doubled.
  static func quoted(_ text: String) -> String {
    "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }
}
