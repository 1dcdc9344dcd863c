/// Reads "he said" / "she said" as the person most recently named before the quote: the last
/// run of two or more capitalised words (Joan Whitaker, Sir Anthony Wells, Yannick Le Goff) in
/// the text before it, looking back at most two paragraphs. Runs that name a place or an
/// organisation (Mill Street, the Environment Agency) and capitalised sentence openers are not
/// names. When no name is found the pronoun is kept as written.
///
/// "He" never stands for a woman nor "she" for a man: a name whose title (Mr, Ms, Dame…), or
/// whose surname's title elsewhere in the article ("Luke Pryce" … "Mr Pryce"), says the other
/// gender is passed over for the one named before it (`Gender`).
enum PronounResolver {
  static func name(before text: String, earlier paragraphs: [String], pronoun: String? = nil, genders: Gender.Evidence? = nil) -> String? {
    let wanted = pronoun.flatMap(Gender.of(pronoun:))
    func fits(_ name: String) -> Bool {
      guard let wanted, let genders else { return true }
      return genders.gender(of: name).map { $0 == wanted } ?? true
    }
    func fullest(_ name: String) -> String { genders?.fullName(of: name) ?? name }
    // In the text just before the quote, a surname alone counts too when the article gives
    // it in full elsewhere ("Okafor himself kept it brief. “…,” he said.").
    for candidate in names(in: text, isSurname: genders?.isSurname).reversed() where fits(candidate) { return fullest(candidate) }
    for paragraph in paragraphs.reversed() {
      for candidate in names(in: paragraph).reversed() where fits(candidate) { return fullest(candidate) }
    }
    return nil
  }

  /// A person's gender as the text shows it, for pronouns: by title only, never guessed.
  enum Gender: Sendable, Hashable {
    case male, female

    static func of(pronoun: String) -> Gender? {
      switch pronoun.lowercased() {
      case "he", "him", "his": return .male
      case "she", "her": return .female
      default: return nil
      }
    }

    static func of(title: Substring) -> Gender? {
      if maleTitles.contains(String(title)) { return .male }
      if femaleTitles.contains(String(title)) { return .female }
      return nil
    }

    private static let maleTitles: Set<String> = ["Mr", "Mr.", "Sir", "Lord", "Mister", "King", "Prince", "Father", "Brother", "Baron"]
    private static let femaleTitles: Set<String> = [
      "Ms", "Ms.", "Mrs", "Mrs.", "Miss", "Dame", "Lady", "Madam", "Madame", "Queen", "Princess", "Sister", "Baroness",
    ]

    /// The genders an article's titles give its surnames: "Mr Pryce" anywhere makes every
    /// "… Pryce" a man, unless another title makes a "… Pryce" a woman too (then nothing is
    /// said).
    final class Evidence {
      private let paragraphs: [String]
      private var bySurname: [String: Gender?] = [:]
      /// "Dame Eleanor" for "Dame Eleanor Fitch": the British honorifics go with the given
      /// name, so the short form names the person the full one does.
      private var byHonorific: [String: String] = [:]
      /// Whether a word is the last of a full name in the article ("Okafor" of "Emeka
      /// Okafor"): asked only of single capitalised words before a quote, and kept.
      private var surnameAnswers: [String: Bool] = [:]

      init(_ paragraphs: [String]) {
        self.paragraphs = paragraphs
        // Only paragraphs that hold a title are split into words: splitting every paragraph
        // cost a tenth of finding quotes.
        for paragraph in paragraphs where Self.scannedTitles.contains(where: { paragraph.containsBytes($0) }) {
          let words = paragraph.split(whereSeparator: { $0.isWhitespace })
          for (index, word) in words.enumerated() where index + 1 < words.count {
            guard let gender = Gender.of(title: word) else { continue }
            // The surname: the last capitalised word of the run after the title.
            var last: Substring?
            for next in words[(index + 1)...] {
              let bare = next.prefix { $0.isLetter || $0 == "-" }
              guard bare.first?.isUppercase == true else { break }
              last = bare
              if bare.count < next.count { break }
            }
            guard let surname = last.map(String.init) else { continue }
            if Self.honorifics.contains(String(word)), index + 2 < words.count {
              let given = words[index + 1].prefix { $0.isLetter || $0 == "-" }
              if given.first?.isUppercase == true, given.count == words[index + 1].count, surname != String(given) {
                byHonorific["\(word) \(given)"] = "\(word) \(given) \(surname)"
              }
            }
            if let known = bySurname[surname], known != gender { bySurname[surname] = .some(nil) } else { bySurname[surname] = gender }
          }
        }
      }

      /// The titles whose surnames are recorded (the rarer ones only tell a name's own gender).
      private static let scannedTitles = ["Mr", "Ms", "Miss", "Dame", "Sir", "Lord", "Lady", "Baron"]
      private static let honorifics: Set<String> = ["Sir", "Dame", "Lord", "Lady"]

      /// The full name an honorific's short form stands for in the article, if it gives one.
      func fullName(of name: String) -> String? { byHonorific[name] }

      /// Whether the article gives `word` as the last word of a person's full name: a
      /// capitalised word right before it, in a run the resolver reads as a person's name.
      func isSurname(_ word: String) -> Bool {
        if let known = surnameAnswers[word] { return known }
        var found = false
        for paragraph in paragraphs where paragraph.containsBytes(word) {
          PronounResolver.scanNames(in: paragraph) { name in
            if !found, name.hasSuffix(" " + word) { found = true }
          }
          if found { break }
        }
        surnameAnswers[word] = found
        return found
      }

      /// The gender of a name as written ("Mr Keane", "Luke Pryce"), when the text says it.
      func gender(of name: String) -> Gender? {
        let words = name.split(separator: " ")
        if let first = words.first, let gender = Gender.of(title: first) { return gender }
        guard let last = words.last else { return nil }
        return bySurname[String(last)] ?? nil
      }
    }
  }

  /// Every name in the text, in order (see `lastName`).
  private static func names(in text: String, isSurname: ((String) -> Bool)? = nil) -> [String] {
    var found: [String] = []
    scanNames(in: text, isSurname: isSurname) { found.append($0) }
    return found
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
    // Bodies that "he" or "she" never stands for: campaigns, studios, teams, tournaments.
    "Alliance", "Coalition", "Campaign", "Studios", "Studio", "United", "FC", "Athletic", "Guild", "Interactive",
    "Open", "League", "Festival", "Championships", "Games", "Partners", "Holdings", "Capital", "Media", "Pictures",
  ]

  /// First words that make a run a body, not a person: Radio Northgate, Team Sky.
  private static let bodyOpeners: Set<String> = ["Radio", "Team", "Club", "Operation", "Project", "Camp", "United"]

  /// Lower-case words that may stand inside a name: Ludwig van Beethoven, Yannick le Goff.
  private static let particles: Set<String> = ["van", "von", "de", "der", "den", "da", "di", "le", "la", "du", "al", "bin", "ibn"]

  /// Calls `found` with each run of two or more capitalised words that names a person, in
  /// order.
  fileprivate static func scanNames(in text: String, isSurname: ((String) -> Bool)? = nil, _ found: (String) -> Void) {
    let words = text.split(whereSeparator: { $0.isWhitespace })
    var run: [Substring] = []
    func finish() {
      while let last = run.last, particles.contains(String(last)) { run.removeLast() }
      while let first = run.first, notNames.contains(String(first)) { run.removeFirst() }
      if run.count >= 2, let last = run.last, !placeWords.contains(String(last)), !bodyOpeners.contains(String(run[0])) {
        found(run.joined(separator: " "))
      } else if run.count == 1, let isSurname, isSurname(String(run[0])) {
        found(String(run[0]))
      }
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
  }
}
