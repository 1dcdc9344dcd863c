/// Reads "he said" / "she said" as the person most recently named before the quote: the last
/// run of two or more capitalised words (Joan Whitaker, Sir Anthony Wells, Yannick Le Goff) in
/// the text before it, looking back at most two paragraphs. Runs that name a place or an
/// organisation (Mill Street, the Environment Agency) and capitalised sentence openers are not
/// names. When no name is found the pronoun is kept as written.
enum PronounResolver {
  static func name(before text: String, earlier paragraphs: [String]) -> String? {
    if let name = lastName(in: text) { return name }
    for paragraph in paragraphs.reversed() {
      if let name = lastName(in: paragraph) { return name }
    }
    return nil
  }

  private static let notNames: Set<String> = [
    "The", "A", "An", "In", "On", "At", "But", "And", "It", "This", "That", "He", "She", "They", "We", "I",
    "Her", "His", "Their", "Our", "My", "Its", "Some", "One", "When", "After", "Before", "As", "If", "For",
    "Yesterday", "Today", "Tonight", "Asked", "Speaking", "Back", "Now", "Then", "There", "Here",
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
    "November", "December",
  ]

  /// Whether a capitalised word ends the name of a body rather than a person's (the
  /// Environment Agency, the Department of Health and Social Care). Words that are also
  /// surnames (Park, Hall, Brook) are left out: "Leo Park" is a person.
  static func namesBody(_ lastWord: Substring) -> Bool {
    bodyWords.contains(String(lastWord))
  }

  private static let bodyWords: Set<String> = [
    "Agency", "Council", "Department", "Ministry", "Committee", "Office", "Institute", "Centre", "Center",
    "Association", "Society", "Authority", "Commission", "Foundation", "Police", "Government", "Parliament",
    "Company", "University", "College", "Hospital", "Trust", "Fund", "Service", "Board", "Corporation",
    "Federation", "Care", "Museum", "Library", "Motors", "Rail", "Union", "Party", "Group", "Club", "School",
  ]

  private static let placeWords: Set<String> = [
    "Street", "Road", "Lane", "Avenue", "Square", "Brook", "River", "Beck", "Agency", "Council", "Group",
    "Club", "Party", "Institute", "Centre", "Center", "Station", "Airport", "Bridge", "Office", "Department",
    "Ministry", "Committee", "Union", "Court", "House", "Hall", "Park", "Town", "City", "Times", "News",
    "Post", "Gazette", "Herald", "Mirror", "Army", "Front", "Valley", "Brigade", "Forces", "State",
    "Government", "Parliament", "Bank", "Company", "University", "School", "Hospital", "Trust", "Fund",
    "College", "Association", "Society", "Service", "Authority", "Board", "Commission", "Foundation", "Police",
    "Museum", "Library", "Motors", "Rail", "Care", "Council", "Network", "Corporation", "Federation",
  ]

  /// Lower-case words that may stand inside a name: Ludwig van Beethoven, Yannick le Goff.
  private static let particles: Set<String> = ["van", "von", "de", "der", "den", "da", "di", "le", "la", "du", "al", "bin", "ibn"]

  private static func lastName(in text: String) -> String? {
    let words = text.split(whereSeparator: { $0.isWhitespace })
    var best: [Substring]?
    var run: [Substring] = []
    func finish() {
      while let last = run.last, particles.contains(String(last)) { run.removeLast() }
      while let first = run.first, notNames.contains(String(first)) { run.removeFirst() }
      if run.count >= 2, let last = run.last, !placeWords.contains(String(last)) { best = run }
      run = []
    }
    for raw in words {
      let word = raw.drop { !$0.isLetter }
      let bare = word.prefix { $0.isLetter || $0 == "-" || $0 == "’" || $0 == "'" }
      let ending = word.dropFirst(bare.count)
      let capitalised = bare.first?.isUppercase == true && bare.count > 1
      if capitalised || (!run.isEmpty && particles.contains(String(bare))) {
        run.append(bare.hasSuffix("’s") || bare.hasSuffix("'s") ? bare.dropLast(2) : bare)
        if bare.hasSuffix("’s") || bare.hasSuffix("'s") || !ending.isEmpty { finish() }
      } else {
        finish()
      }
    }
    finish()
    return best?.joined(separator: " ")
  }
}
