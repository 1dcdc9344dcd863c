/// One name per person within an article: "Finance chief Gordon Pike", "Mr Pike" and a "he"
/// resolved to him all become "Gordon Pike", the fullest name the article gives.
///
/// A speaker's name is the run of capitalised words that ends it, without the titles and roles
/// that lead it (Mr, Dr, Councillor, Chief Inspector) or a possessive (Labour's), at most its
/// last two words; in
/// `ROLE, NAME` or `NAME, ROLE` the part that is all capitalised. A name of one word (a surname)
/// becomes the longest name in the article with that surname, from its speakers and its text.
/// A description with no name ("the chancellor", "a spokesman for the union") is its own
/// canonical name; a pronoun nobody was found for has none.
public enum SpeakerNames {
  /// Sets every quote's `speakerName`; `paragraphs` are searched for fuller names.
  public static func assign(to quotes: inout [Quote], paragraphs: [String]) {
    guard quotes.contains(where: { $0.speaker != nil }) else { return }
    // Each speaker is read once: an article quotes few people many times. Each distinct
    // speaker gets a slot, in order of appearance, and each quote its speaker's slot, so the
    // names are considered in the article's order. The slot is found by comparing with the
    // few speakers seen so far: hashing each quote's speaker into a dictionary cost more
    // than comparing it with a handful of strings. Past a handful a dictionary takes over, so
    // an article quoting thousands of people stays linear.
    var speakers: [String] = []
    var slots: [String: Int] = [:]
    var slotOfQuote = [Int](repeating: -1, count: quotes.count)
    for index in quotes.indices {
      guard let speaker = quotes[index].speaker else { continue }
      let slot = speakers.count <= 16 ? speakers.firstIndex(of: speaker) : slots[speaker]
      if let slot {
        slotOfQuote[index] = slot
        continue
      }
      slotOfQuote[index] = speakers.count
      speakers.append(speaker)
      if speakers.count == 17 {
        for (slot, name) in speakers.enumerated() { slots[name] = slot }
      } else if speakers.count > 17 {
        slots[speaker] = speakers.count - 1
      }
    }
    let runs = speakers.map { capitalisedEnd(of: $0) }
    // Stripped once per speaker, for the fuller names and for each speaker's own name.
    let strippedRuns = runs.map { $0.map(stripped) }
    let names = strippedRuns.compactMap { $0 }
    var known = names.filter { $0.count >= 2 }
    // Fuller names in the text are looked for only when some speaker is a surname alone that
    // no other speaker gives in full.
    let fullSurnames = Set(known.compactMap { $0.last })
    let surnames = Set(names.filter { $0.count == 1 && !fullSurnames.contains($0[0]) }.map { $0[0] })
    if !surnames.isEmpty {
      // By UTF-8 bytes: Foundation's `contains` bridged every paragraph to NSString.
      for paragraph in paragraphs where surnames.contains(where: { paragraph.containsBytes($0) }) {
        known += capitalisedRuns(in: paragraph).compactMap { run in
          let name = stripped(run)
          return name.count >= 2 && surnames.contains(name[name.count - 1]) ? name : nil
        }
      }
    }
    let canonicalNames = speakers.indices.map { canonical(speakers[$0], run: runs[$0], name: strippedRuns[$0], known: known) }
    // A speaker described by age ("the 52-year-old") is the person last named as a speaker:
    // news writes the age to refer back, never to bring someone new in.
    // Decided once per speaker, not per quote (per quote it tripled this function's cost).
    let byAge = speakers.map { $0.containsBytes("-year-old") && Self.describesByAge($0) }
    let isPerson = speakers.indices.map { slot in
      canonicalNames[slot].map { $0.containsBytes(" ") && $0.first?.isUppercase == true } ?? false
    }
    var lastPerson: String?
    for index in quotes.indices where slotOfQuote[index] >= 0 {
      let slot = slotOfQuote[index]
      if byAge[slot], let lastPerson {
        quotes[index].speakerName = lastPerson
        continue
      }
      quotes[index].speakerName = canonicalNames[slot]
      if isPerson[slot] { lastPerson = canonicalNames[slot] }
    }
  }

  /// "the 52-year-old", "The 48-year-old": a person referred to by age alone.
  static func describesByAge(_ speaker: String) -> Bool {
    let words = speaker.split(separator: " ")
    guard words.count == 2, words[0].lowercased() == "the" else { return false }
    let parts = words[1].split(separator: "-")
    return parts.count == 3 && parts[0].allSatisfy(\.isNumber) && parts[1] == "year" && parts[2] == "old"
  }

  static func canonical(_ speaker: String, known: [[Substring]]) -> String? {
    let run = capitalisedEnd(of: speaker)
    return canonical(speaker, run: run, name: run.map(stripped), known: known)
  }

  /// `name` is `stripped(run)`.
  private static func canonical(_ speaker: String, run: [Substring]?, name: [Substring]?, known: [[Substring]]) -> String? {
    if SpeakerFinder.isPronoun(speaker) { return nil }
    guard let run, let name else { return speaker }
    // A body speaks under the name the text gives it, whole: "Social Care" is not
    // the name of "The Department of Health and Social Care".
    if let last = run.last, PronounResolver.namesBody(last) { return speaker }
    if name.count >= 2 { return name.joined(separator: " ") }
    // A surname alone: the fullest name with it, or the run as written ("Mr Okafor").
    let fuller = known.filter { $0.last == name[0] }.max { $0.count < $1.count }
    return (fuller ?? run).joined(separator: " ")
  }

  /// The name a speaker ends with, titles and roles dropped; nil when it ends with no
  /// capitalised word (a description).
  static func personName(in speaker: String) -> [Substring]? {
    capitalisedEnd(of: speaker).map(stripped)
  }

  /// The capitalised words that end the speaker (of the all-capitalised part, in `ROLE, NAME`
  /// or `NAME, ROLE`); nil when there are none.
  private static func capitalisedEnd(of speaker: String) -> [Substring]? {
    let part: [Substring]
    if speaker.utf8.contains(UInt8(ascii: ",")) {
      let parts = Substring(speaker).split(byte: UInt8(ascii: ",")).map { $0.split(byte: UInt8(ascii: " ")) }.filter { !$0.isEmpty }
      guard let first = parts.first else { return nil }
      part = parts.first { $0.allSatisfy(isCapitalised) } ?? first
    } else {
      part = Substring(speaker).split(byte: UInt8(ascii: " "))
    }
    guard let start = part.lastIndex(where: { !isCapitalised($0) }).map({ $0 + 1 }) ?? (part.isEmpty ? nil : 0), start < part.count
    else { return nil }
    // "the special forces source in the UK": a proper noun after "the", "in", "for" … is a
    // place or a body the description mentions, not the speaker's name.
    if start > 0, linkingWords.contains(part[start - 1].lowercased()) { return nil }
    // "A spokeswoman for the supermarket group Brennans": a description of someone at a body
    // the name ends it with; the speaker is the description, not the body.
    if start > 1, ["a", "an", "the", "one"].contains(part[0].lowercased()),
      part[1..<start].contains(where: { ["for", "of", "at", "from", "with"].contains($0) })
    {
      return nil
    }
    return Array(part[start...])
  }

  private static let linkingWords: Set<String> = ["the", "a", "an", "of", "in", "at", "for", "from", "to", "on", "by", "with", "near"]

  /// A run of capitalised words without the titles, roles and possessives that lead it; of a
  /// longer run, the last two words (a role written with a capital at a sentence's start:
  /// "Farmer Josie Allen"), or the last three when the first of them reads as a given name,
  /// not a role ("Ana Lúcia Prado", "Mary Ann Hale").
  static func stripped(_ run: [Substring]) -> [Substring] {
    // "The Crossley family bakery": an article capitalised at a sentence's start is no name.
    var start = run.count > 1 && ["The", "A", "An"].contains(run[0]) ? 1 : 0
    while start < run.count - 1, roles.contains(run[start].trimmingDots) || run[start].isPossessive {
      start += 1
    }
    if run.count - start == 3, !readsAsRole(run[start]) { return Array(run[start...]) }
    return Array(run[max(start, run.count - 2)...])
  }

  /// Words that lead a name as what the person is: an occupation ("Farmer", "Astronomer",
  /// "Hydrologist", "Historian", "Conservative", "Nurse"), an abbreviation ("MP", "RMT").
  /// Given names with such endings (Peter, Brian) only keep the two-word reading.
  private static func readsAsRole(_ word: Substring) -> Bool {
    if word.count > 1, word.allSatisfy({ $0.isUppercase || $0.isNumber }) { return true }
    let lowered = word.lowercased()
    if occupations.contains(lowered) { return true }
    return ["er", "or", "ist", "ian", "ant", "ent", "ive", "man", "woman", "person", "chief", "head", "boss", "lead"]
      .contains { lowered.hasSuffix($0) }
  }

  private static let occupations: Set<String> = [
    "nurse", "chef", "priest", "actress", "widow", "witness", "vicar", "referee", "pilot", "landlord", "mum", "dad",
    "veteran", "rabbi", "imam", "coach", "cook", "clerk", "judge", "guard", "mp", "mep", "ms", "star",
    "magistrate", "sheriff", "dean", "pope",
  ]

  /// By scalars, ASCII first: Character properties cost most of naming speakers.
  private static func isCapitalised(_ word: Substring) -> Bool {
    guard let first = word.unicodeScalars.first else { return false }
    let upper = first.isASCII ? (0x41...0x5A).contains(first.value) : first.properties.isUppercase
    guard upper else { return false }
    return word.unicodeScalars.allSatisfy { scalar in
      if scalar.isASCII {
        let value = scalar.value
        return (0x41...0x5A).contains(value) || (0x61...0x7A).contains(value) || scalar == "'" || scalar == "-" || scalar == "."
      }
      return scalar == "’" || scalar.properties.isAlphabetic || scalar.properties.generalCategory == .nonspacingMark
    }
  }

  /// Runs of two or more capitalised words in a paragraph.
  private static func capitalisedRuns(in paragraph: String) -> [[Substring]] {
    var runs: [[Substring]] = []
    var current: [Substring] = []
    for raw in Substring(paragraph).split(byte: UInt8(ascii: " ")) {
      let word = raw.trimmingTrailingPunctuation
      let closes = raw.last.map { $0.isOne(of: ",.;:!?)”\"") } ?? false
      if isCapitalised(word) {
        current.append(word)
        if closes {
          if current.count >= 2 { runs.append(current) }
          current = []
        }
      } else {
        if current.count >= 2 { runs.append(current) }
        current = []
      }
    }
    if current.count >= 2 { runs.append(current) }
    return runs
  }

  /// Words that lead a name without being part of it.
  private static let roles: Set<Substring> = [
    "Mr", "Mrs", "Ms", "Miss", "Dr", "Prof", "Professor", "Sir", "Dame", "Lord", "Lady", "Rev", "Reverend", "Chief",
    "Inspector", "Superintendent", "Sergeant", "Sgt", "Constable", "Detective", "Councillor", "Cllr", "Mayor", "Minister",
    "President", "Senator", "Sen", "Governor", "Gov", "Judge", "Justice", "Captain", "Capt", "General", "Gen", "Colonel",
    "Col", "Commissioner", "Chancellor", "Secretary", "Coxswain", "Officer", "Director", "Chairman", "Chairwoman", "Chair",
    "Bishop", "Father", "Sister", "Deputy", "Prime", "Prince", "Princess", "King", "Queen", "Coach",
  ]
}

extension Substring {
  /// Whether the word ends in 's or ’s. On the bytes: as Characters (`hasSuffix`) this was a
  /// tenth of naming speakers. The two differ only when the apostrophe joins the scalar before
  /// it into one Character (a prepended mark, always non-ASCII), which is left to `hasSuffix`.
  fileprivate var isPossessive: Bool {
    var word = self
    return word.withUTF8 { bytes -> Bool? in
      let count = bytes.count
      guard count >= 2, bytes[count - 1] == UInt8(ascii: "s") else { return false }
      let apostrophe: Int
      if bytes[count - 2] == UInt8(ascii: "'") {
        apostrophe = count - 2
      } else if count >= 4, bytes[count - 4] == 0xE2, bytes[count - 3] == 0x80, bytes[count - 2] == 0x99 {
        apostrophe = count - 4
      } else {
        return false
      }
      return apostrophe == 0 || bytes[apostrophe - 1] < 0x80 ? true : nil
    } ?? (hasSuffix("'s") || hasSuffix("’s"))
  }

  fileprivate var trimmingDots: Substring {
    var word = self
    while word.last == "." { word = word.dropLast() }
    return word
  }

  fileprivate var trimmingTrailingPunctuation: Substring {
    var word = self
    while let last = word.last, !last.isLetter { word = word.dropLast() }
    while let first = word.first, !first.isLetter { word = word.dropFirst() }
    return word
  }
}
