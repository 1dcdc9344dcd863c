/// Finds who a quote is attributed to from the words around it.
///
/// Before the quote, within its sentence: `X said: “…”`, `X said, “…”`, `X told Y: “…”` (any
/// verb of saying, with up to three words of object), `according to X, “…”`.
/// After the quote, when the quote ends its clause (a comma, ! or ? at its end or just after
/// it): `“…,” X said.` and `“…,” said X.`
/// The speaker is the noun phrase as written ("chairman and chief executive Richard Parsons"),
/// without sentence openers ("But", "Yesterday") or auxiliaries ("has", "also").
enum SpeakerFinder {
  private static let verbWords: Set<String> = [
    "said", "says", "say", "told", "tells", "added", "adds", "warned", "warns", "explained", "explains",
    "insisted", "insists", "stated", "states", "declared", "declares", "wrote", "writes", "tweeted", "posted",
    "replied", "replies", "continued", "continues", "asked", "asks", "admitted", "admits", "claimed", "claims",
    "argued", "argues", "noted", "notes", "commented", "remarked", "recalled", "recalls", "agreed", "acknowledged",
    "confirmed", "announced", "suggested", "joked", "laughed", "whispered", "shouted", "conceded", "stressed",
    "urged", "observed", "revealed", "cautioned", "predicted", "responded", "answered", "concluded",
    "disagreed", "countered", "retorted", "objected", "protested", "complained", "read",
  ]
  static let verbs = WordList(verbWords)

  /// Words that open a sentence but are not part of the speaker.
  private static let openers = WordList([
    "but", "and", "yet", "so", "however", "meanwhile", "now", "then", "yesterday", "today", "tonight",
    "later", "earlier", "also", "still", "instead", "separately", "previously", "finally", "indeed", "last",
    "night", "week", "here", "there", "speaking", "monday", "tuesday",
    "wednesday", "thursday", "friday", "saturday", "sunday", "afterwards", "asked", "when", "while",
  ])

  /// Words between a speaker and the verb that belong to neither.
  private static let auxiliaries = WordList([
    "has", "have", "had", "also", "later", "then", "previously", "once", "reportedly", "simply", "just",
    "further", "earlier", "recently", "has", "is", "was", "were", "would", "will", "quickly", "bluntly",
    "flatly", "angrily", "calmly", "finally", "publicly", "privately", "separately", "again",
  ])

  /// Words that end a noun phrase when read backwards from the verb.
  private static let clauseWords = WordList([
    "that", "which", "who", "whom", "where", "as", "after", "because", "while", "when", "if", "though",
    "although", "but", "since", "until", "before",
  ])

  private static let pronouns: Set<String> = ["he", "she", "they", "i", "we", "it"]

  private static let prepositions = WordList(["in", "on", "at", "to", "during", "after", "before", "through", "from", "with", "outside"])
  private static let according = WordList(["according"])
  private static let to = WordList(["to"])
  private static let by = WordList(["by"])

  private static let maximumWords = 8

  /// `X said:` / `X told Y,` / `according to X,` at the end of the text before a quote.
  static func speakerBefore(_ text: Substring) -> String? {
    // Every pattern ends in ":", ",", "—" or "that": most quotes (phrases, quotes after a
    // plain word) are turned away here, before any sentence is looked for.
    guard endsInLead(text) else { return nil }
    let sentence = lastSentence(of: text)
    // A speaker is at most eight words, its verb and object at most seven: the last 24 words
    // hold every pattern, however long the sentence.
    var words = lastWords(of: sentence, count: 24)
    guard let last = words.last else { return nil }
    let lead = last.lastSingleScalar.map { $0 == ":" || $0 == "," || $0 == "\u{2014}" } ?? false
    guard lead || isThat(last) else { return nil }
    if lead {
      words[words.count - 1] = last.droppingLastMark
      if words[words.count - 1].isEmpty { words.removeLast() }
    } else {
      words.removeLast()
    }
    if let according = words.lastIndex(where: according.contains), according + 1 < words.count,
      to.contains(words[according + 1]), words.count - according - 2 <= maximumWords
    {
      return phrase(words[(according + 2)...])
    }
    // A verb of saying and up to six words of object: "told the hearing on its first day:".
    let window = max(0, words.count - 7)..<words.count
    guard let verb = window.last(where: { verbs.contains(words[$0]) }) else { return nil }
    // Between verb and colon only an object may stand ("told the Mirror"), not a clause.
    guard !words[(verb + 1)...].contains(where: endsWithClauseMark) else { return nil }
    return phraseBefore(verb: verb, in: words)
  }

  /// `, X said.` / `, said X.` at the start of the text after a quote.
  static func speakerAfter(_ text: Substring, quoteEndsClause: Bool) -> String? {
    var rest = text.droppingLeadingWhitespace
    var endsClause = quoteEndsClause
    if let first = rest.firstSingleScalar, first == "," || first == "\u{2014}" {
      endsClause = true
      // The mark is a character of one scalar.
      rest = rest[rest.unicodeScalars.index(after: rest.startIndex)...]
    }
    guard endsClause else { return nil }
    let sentence = firstSentence(of: Substring(rest).prefix(scalars: 240))
    let words = firstWords(of: sentence, count: 2 * maximumWords + 2)
    guard !words.isEmpty else { return nil }
    // `“…”, according to the zoo's director, Ines Kaur.`
    let according = words.count > 2 && Self.according.contains(words[0]) && to.contains(words[1])
    if verbs.contains(words[0]) || according {
      if endsWithClauseMark(words[0]) { return nil }
      var taken: [Substring] = []
      for (position, word) in words.enumerated().dropFirst(according ? 2 : 1) {
        if let end = word.lastSingleScalar, isClauseEnd(end) {
          taken.append(word.droppingLastMark)
          guard end == ",", let head = phrase(taken[...]) else { break }
          // "said Corran's managing director, Fay Odum." / "says Anne Lyle, an economist at
          // Harwell University.": what follows the comma to the next one belongs to the
          // speaker, unless it is an aside ("…, who follows the sector.").
          let appositive = words[(position + 1)...].prefix { !Self.endsClause($0) }
          let closing = words[(position + 1)...].dropFirst(appositive.count).first
          guard let first = appositive.first ?? closing, !isAside(first), let closing else { return head }
          return phrase(appositive + [closing.droppingLastMark]).map { head + ", " + $0 } ?? head
        }
        taken.append(word)
      }
      return phrase(taken[...])
    }
    guard let verb = words.indices.first(where: { verbs.contains(words[$0]) }), verb > 0 else { return nil }
    // "X, a spokesman, said": the name is what comes before the first comma.
    var subject = Array(words[..<verb])
    if let comma = subject.firstIndex(where: { $0.lastSingleScalar == "," }) {
      subject = Array(subject[...comma])
      subject[subject.count - 1] = subject[subject.count - 1].droppingLastMark
    }
    if subject.contains(where: endsWithClauseMark) { return nil }
    // "while the Centre warned that…" is a new clause, not an attribution.
    if subject.contains(where: { clauseWords.contains($0) && $0.opensInLowercase }) { return nil }
    // After the verb only a short object may stand before the clause ends ("said through a
    // translator."); a comma right after the verb ends the attribution, and what follows is a
    // clause of its own ("she said, after a heated exchange with Tomas Brandl.").
    let object = endsWithClauseMark(words[verb]) ? [] : words[(verb + 1)...].prefix { !endsWithClauseMark($0) }
    // "said through a translator." / "said in a letter to the prime minister.": a phrase led
    // by a preposition may run longer than a bare object.
    let prepositional = object.first.map { prepositions.contains($0) } ?? false
    guard object.count <= (prepositional ? 7 : 4) else { return nil }
    while let last = subject.last, auxiliaries.contains(last) { subject.removeLast() }
    return phrase(subject[...])
  }

  /// Verbs that put a quoted phrase in someone's mouth without introducing it: `X described
  /// the plan as "…"`, `X branded them "…"`, besides every verb of saying.
  static let embeddingVerbs = WordList(verbWords.union([
    "described", "describes", "called", "calls", "branded", "brands", "dubbed", "dubs", "labelled", "labels",
    "labeled", "termed", "terms", "praised", "praises", "criticised", "criticized", "condemned", "hailed",
    "accused", "accuses", "promised", "promises", "vowed", "vows", "pledged", "pledges", "believes",
    "blamed", "blames",
  ]))

  /// Participles that attribute a quoted phrase to the subject of the clause before them:
  /// `Joan Keller welcomed the deal, calling it “good news”`.
  static let attributingParticiples = WordList([
    "calling", "describing", "branding", "dubbing", "labelling", "labeling", "terming", "saying", "adding",
    "warning", "insisting", "arguing", "claiming", "promising", "vowing",
  ])

  /// A quote inside the reporter's own sentence (`Mr Okafor said the council should "stick to
  /// its promises"`, `according to the audit, the route was "badly run"`): the subject of the
  /// sentence's first verb of saying or describing before the quote, or who it is according to.
  /// Nil when the sentence attributes nothing (a scare quote). `sayingOnly` looks for verbs of
  /// saying alone, and not for a participle's subject.
  static func speakerOfSentence(_ text: Substring, sayingOnly: Bool = false) -> String? {
    let wanted = sayingOnly ? verbs : embeddingVerbs
    let sentence = lastSentence(of: text)
    let words = firstWords(of: sentence, count: 40)
    guard !words.isEmpty else { return nil }
    // Only words that open in lower case can be the verb, and "according" opens in a or A: the
    // rest are never lowered (this runs for every quote without an introduction).
    func isLowered(_ index: Int, in list: WordList) -> Bool {
      words[index].opensInLowercase || words[index].firstSingleScalar == "A" ? list.contains(words[index]) : false
    }
    if let according = words.indices.first(where: { isLowered($0, in: Self.according) }), according + 1 < words.count,
      isLowered(according + 1, in: to)
    {
      var taken: [Substring] = []
      for word in words[(according + 2)...] {
        if word.lastSingleScalar == "," {
          taken.append(word.droppingLastMark)
          return phrase(taken[...])
        }
        if endsWithClauseMark(word) { return nil }
        taken.append(word)
      }
      return nil
    }
    // The verb is lower case and comes after its subject; a clause mark before it means the
    // subject is not the sentence's ("Sales fell, and critics said…" still finds "critics"),
    // unless it closes an aside that an earlier comma opened ("Greta Holm, who leads the
    // union, said…", "The letter, sent on Monday, said…").
    guard let verb = words.indices.first(where: { $0 > 0 && words[$0].opensInLowercase && isLowered($0, in: wanted) })
    else { return sayingOnly ? nil : participleSubject(in: words) }
    if let end = words[verb - 1].lastSingleScalar, isClauseEnd(end) {
      guard end == ",", words[..<(verb - 1)].contains(where: { $0.lastSingleScalar == "," }) else { return nil }
    }
    // "The plan was described as “…” by opponents": in the passive the subject said nothing
    // (who did is after the quote: `passiveAgent`).
    guard !passiveAuxiliaries.contains(words[verb - 1]) else { return nil }
    let previous = normalized(words[verb - 1])
    // "Kay Fenton, who called the offer “…”": the relative pronoun stands for the name before it.
    if ["who", "which"].contains(previous), verb >= 2, words[verb - 2].lastSingleScalar == "," {
      var words = Array(words[..<(verb - 1)])
      words[words.count - 1] = words[words.count - 1].droppingLastMark
      return phraseBefore(verb: words.count, in: words)
    }
    // "Jack Dow congratulated her but said the result was “…”": the subject of the first verb.
    if ["but", "and"].contains(previous), words[verb - 1].opensInLowercase {
      guard let first = clauseVerb(in: words[..<(verb - 1)]) else { return nil }
      return phraseBefore(verb: first, in: words)
    }
    return phraseBefore(verb: verb, in: words).map(subjectOfItsClause)
  }

  /// The subject of a clause whose verb the quote follows, from the words before the verb:
  /// a relative clause without "that" has its own subject (`a decision the leader of the
  /// council called`, `in what the judge called`, `a first half he described as`): the noun
  /// phrase or pronoun that opens it, not the words before it. A time set off by commas
  /// (`Ms Varga, on Tuesday,`) is not part of the subject.
  static func subjectOfItsClause(_ subject: String) -> String {
    var subject = subject
    if let comma = subject.range(of: ", ", options: .backwards) {
      let aside = subject[comma.upperBound...].split(separator: " ")
      if let first = aside.first, timeOpeners.contains(first.lowercased()), aside.count <= 4 {
        subject = String(subject[..<comma.lowerBound])
      }
    }
    let words = subject.split(separator: " ")
    guard words.count >= 2 else { return subject }
    for index in 1..<words.count {
      let word = words[index].lowercased()
      let before = words[index - 1]
      guard clauseOpeners.contains(word), before.first?.isLowercase == true, !phraseJoiners.contains(before.lowercased()) else {
        continue
      }
      return words[index...].joined(separator: " ")
    }
    return subject
  }

  /// Words that open a clause's subject: a determiner or a personal pronoun.
  private static let clauseOpeners: Set<String> = ["the", "he", "she", "they", "his", "her", "its", "their"]
  /// Words after which a determiner goes on the same noun phrase: prepositions, conjunctions,
  /// determiners (`the head of the union`, `chief executive and the founder`).
  private static let phraseJoiners: Set<String> = [
    "of", "for", "at", "in", "on", "to", "from", "with", "by", "about", "over", "under", "into", "and", "or", "nor",
    "the", "a", "an", "this", "that", "these", "those", "as", "like", "than", "both", "all",
  ]
  /// How an aside of time opens: `on Tuesday`, `last week`, `yesterday`.
  private static let timeOpeners: Set<String> = ["on", "last", "this", "next", "yesterday", "today", "earlier", "later", "overnight"]

  /// `The bins, dubbed “…” by local children, cost…`: the agent of a passive verb of
  /// describing that the quote follows at once (`dubbed “…”`, `described as “…”`), when the
  /// text after the quote names it with "by".
  static func passiveAgent(before: Substring, after: Substring) -> String? {
    let lead = lastWords(of: before, count: 2).map { normalized($0) }
    guard let last = lead.last else { return nil }
    let verb = last == "as" && lead.count == 2 ? lead[0] : last
    guard verb.hasSuffix("ed") || irregularParticiples.contains(verb), embeddingVerbs.contains(verb) else { return nil }
    let words = firstWords(of: firstSentence(of: after.prefix(scalars: 160)), count: 8)
    guard words.count > 1, by.contains(words[0]), !endsWithClauseMark(words[0]) else { return nil }
    var agent: [Substring] = []
    for word in words.dropFirst() {
      if prepositions.contains(word) || clauseWords.contains(word) { break }
      if endsWithClauseMark(word) {
        agent.append(word.droppingLastMark)
        break
      }
      agent.append(word)
    }
    return agent.count <= 5 ? phrase(agent[...]) : nil
  }

  /// The first word of a clause that reads as a verb in the past (`congratulated`), not
  /// after a clause mark unless that mark closes an aside.
  private static func clauseVerb(in words: ArraySlice<Substring>) -> Int? {
    guard
      let verb = words.indices.first(where: {
        $0 > words.startIndex && words[$0].opensInLowercase && normalized(words[$0]).hasSuffix("ed")
      }), !passiveAuxiliaries.contains(words[verb - 1])
    else { return nil }
    if let end = words[verb - 1].lastSingleScalar, isClauseEnd(end) {
      guard end == ",", words[..<(verb - 1)].contains(where: { $0.lastSingleScalar == "," }) else { return nil }
    }
    return verb
  }

  /// `X welcomed the deal, calling it “…”`: the subject of the clause the participle follows,
  /// found before its verb (a word ending in -ed: without one the clause is not read).
  private static func participleSubject(in words: [Substring]) -> String? {
    guard
      let participle = words.indices.first(where: {
        $0 > 1 && words[$0 - 1].lastSingleScalar == "," && attributingParticiples.contains(words[$0])
      }),
      let verb = clauseVerb(in: words[..<participle])
    else { return nil }
    return phraseBefore(verb: verb, in: words)
  }

  private static let passiveAuxiliaries = WordList(["was", "were", "is", "are", "been", "being", "be", "get", "got", "gets"])

  /// Whether a speaker is a pronoun, to be read as the last named speaker.
  static func isPronoun(_ speaker: String) -> Bool {
    // Every pronoun is a short ASCII word; a name is not lowered to find that out.
    speaker.utf8.count <= 4 && pronouns.contains(speaker.lowercased())
  }

  private static func phraseBefore(verb: Int, in words: [Substring]) -> String? {
    var end = verb
    while end > 0, auxiliaries.contains(words[end - 1]) { end -= 1 }
    // "NAME, APPOSITIVE, said": the appositive belongs to the speaker as written ("Tom Baines,
    // head of research at Fellgate", "The museum's director, Dr Hannah Voss"); a relative or
    // participle clause ("Greta Holm, who leads the union,") or an age ("Ruth Crossley, 71,")
    // does not.
    if end > 0, words[end - 1].lastSingleScalar == "," {
      var words = words
      words[end - 1] = words[end - 1].droppingLastMark
      let appositiveStart = (0..<(end - 1)).last { words[$0].lastSingleScalar == "," }.map { $0 + 1 }
      if let appositiveStart {
        let appositive = words[appositiveStart..<end]
        words[appositiveStart - 1] = words[appositiveStart - 1].droppingLastMark
        let head = phraseBefore(verb: appositiveStart, in: words)
        guard let first = appositive.first, !isAside(first) else { return head }
        guard let head else { return phrase(appositive) }
        return phrase(appositive).map { head + ", " + $0 }
      }
      return phraseBefore(verb: end, in: words)
    }
    var start = end
    while start > 0 {
      let word = words[start - 1]
      if endsClause(word) { break }
      if clauseWords.contains(word) && word.opensInLowercase { break }
      start -= 1
    }
    while start < end, openers.contains(words[start]) { start += 1 }
    // "warned union organiser Kay Fenton": a verb of saying before its subject is no part of it.
    while start < end - 1, verbs.contains(words[start]), words[start].opensInLowercase { start += 1 }
    return phrase(words[max(start, end - maximumWords)..<end])
  }

  /// Whether an appositive opening with this word is an aside about the speaker rather than
  /// part of how they are named: a relative clause, a participle, an age.
  private static func isAside(_ word: Substring) -> Bool {
    let lowered = normalized(word)
    if ["who", "whose", "whom", "which", "where", "when", "speaking", "writing", "standing", "asked", "and", "or", "so", "then"]
      .contains(lowered) || (clauseWords.contains(lowered) && word.opensInLowercase)
    {
      return true
    }
    if word.opensInLowercase, lowered.hasSuffix("ing") || lowered.hasSuffix("ed") || irregularParticiples.contains(lowered) {
      return true
    }
    return lowered.allSatisfy(\.isNumber)
  }

  private static let irregularParticiples = WordList([
    "sent", "written", "made", "given", "taken", "held", "known", "seen", "led", "run", "built", "set", "put",
    "found", "shown", "drawn", "brought", "told", "kept", "left", "read", "heard", "won", "lost", "signed",
  ])

  private static func phrase(_ words: ArraySlice<Substring>) -> String? {
    // Emoji and symbols between sentences are no part of a name.
    let words = words.drop { !$0.holdsLetterOrNumber }
    guard !words.isEmpty, words.count <= maximumWords else { return nil }
    // Joined and trimmed of ",.:;" on the bytes, made a String once: joining Substrings,
    // then trimming the String, was most of this function.
    var bytes: [UInt8] = []
    bytes.reserveCapacity(words.reduce(words.count) { $0 + $1.utf8.count })
    for (position, word) in words.enumerated() {
      if position > 0 { bytes.append(UInt8(ascii: " ")) }
      var word = word
      word.withUTF8 { bytes.append(contentsOf: $0) }
    }
    func isTrimmed(_ byte: UInt8) -> Bool {
      byte == UInt8(ascii: ",") || byte == UInt8(ascii: ".") || byte == UInt8(ascii: ":") || byte == UInt8(ascii: ";")
    }
    var start = 0
    var end = bytes.count
    while start < end, isTrimmed(bytes[start]) { start += 1 }
    while end > start, isTrimmed(bytes[end - 1]) { end -= 1 }
    let text = String(decoding: bytes[start..<end], as: UTF8.self)
    guard Substring(text).opensWithLetterOrNumber else { return nil }
    return text
  }

  /// Whether a word closes a clause: it ends with punctuation that is not an abbreviation's dot.
  private static func endsClause(_ word: Substring) -> Bool {
    guard let last = word.lastSingleScalar, isClauseEnd(last) else { return false }
    if last == "." {
      let bare = word.droppingLastMark
      if abbreviations.contains(bare) || bare.isOneUppercaseCharacter { return false }
    }
    return true
  }

  /// Whether the word's last character is a clause mark.
  private static func endsWithClauseMark(_ word: Substring) -> Bool {
    word.lastSingleScalar.map(isClauseEnd) ?? false
  }

  private static func isClauseEnd(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar {
    case ".", ",", ";", ":", "!", "?", "\u{2014}", "\u{2013}": return true
    default: return false
    }
  }

  /// "that" in any case (only ASCII letters lower to its letters).
  private static func isThat(_ word: Substring) -> Bool {
    word.utf8.count == 4 && zip(word.utf8, "that".utf8).allSatisfy { $0 | 0x20 == $1 }
  }

  /// A word without the punctuation around it, in lower case: what the word lists hold.
  /// ASCII words (nearly all) are done on their bytes in one small string; others go through
  /// `lowercased()`. Called for every word near every quote, the two-string way was a tenth of
  /// finding speakers.
  private static func normalized(_ word: Substring) -> String {
    var word = word
    let ascii = word.withUTF8 { bytes -> String? in
      func isTrimmed(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: ",") || byte == UInt8(ascii: ".") || byte == UInt8(ascii: ":") || byte == UInt8(ascii: ";")
          || byte == UInt8(ascii: "!") || byte == UInt8(ascii: "?")
      }
      var start = 0
      var end = bytes.count
      while start < end, isTrimmed(bytes[start]) { start += 1 }
      while end > start, isTrimmed(bytes[end - 1]) { end -= 1 }
      for index in start..<end where bytes[index] >= 0x80 { return nil }
      return String(unsafeUninitializedCapacity: end - start) { buffer in
        for index in start..<end {
          let byte = bytes[index]
          buffer[index - start] = (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) ? byte + 32 : byte
        }
        return end - start
      }
    }
    return ascii ?? word.trimmingCharacters(in: ",.:;!?").lowercased()
  }

  /// Lowered, not trimmed: "u.s" keeps its dot.
  private static let abbreviations = WordList(
    [
      "mr", "mrs", "ms", "dr", "prof", "st", "sr", "jr", "gen", "sen", "rep", "gov", "lt", "col", "sgt",
      "capt", "no", "vs", "etc", "rev", "hon", "mt", "ft", "u.s", "u.k", "e.g", "i.e",
    ], trimmingPunctuation: false)

  /// The text after the last sentence end (., ! or ? followed by a space), abbreviations aside.
  /// Walked on the UTF-8 bytes (`TextScan`): every mark looked for is one byte, and grapheme
  /// breaking, then the scalar view's indices, were most of the cost of finding speakers.
  static func lastSentence(of text: Substring) -> Substring {
    var bytes = text
    let start = bytes.withUTF8 { bytes -> Int? in
      // Each mark is a scalar of one byte, and no byte of a longer scalar equals it, so the
      // bytes are searched directly.
      var mark = bytes.count - 1
      while mark >= 0 {
        if TextScan.isSentenceEnd(bytes[mark]), mark + 1 < bytes.count, TextScan.isSpace(at: mark + 1, in: bytes),
          !isAbbreviation(endingAt: mark, in: bytes)
        {
          return mark + 1
        }
        mark -= 1
      }
      return nil
    }
    return start.map { text[text.index(atUTF8Offset: $0)...] } ?? text
  }

  /// The text up to and including the first sentence end.
  static func firstSentence(of text: Substring) -> Substring {
    var bytes = text
    let end = bytes.withUTF8 { bytes -> Int? in
      for mark in 0..<bytes.count where TextScan.isSentenceEnd(bytes[mark]) {
        if mark + 1 == bytes.count || TextScan.isSpace(at: mark + 1, in: bytes),
          !isAbbreviation(endingAt: mark, in: bytes)
        {
          return mark + 1
        }
      }
      return nil
    }
    return end.map { text[..<text.index(atUTF8Offset: $0)] } ?? text
  }

  /// Whether the text's last word ends in ":", "," or "—", or is "that".
  private static func endsInLead(_ text: Substring) -> Bool {
    var text = text
    return text.withUTF8 { bytes in
      var end = bytes.count
      while end > 0 {
        let start = TextScan.scalarStart(before: end, in: bytes)
        guard TextScan.isSpace(at: start, in: bytes) else { break }
        end = start
      }
      guard end > 0 else { return false }
      let last = bytes[end - 1]
      // "—" is E2 80 94.
      if last == UInt8(ascii: ":") || last == UInt8(ascii: ",") { return true }
      if last == 0x94, end >= 3, bytes[end - 3] == 0xE2, bytes[end - 2] == 0x80 { return true }
      var start = end
      while start > 0 {
        let previous = TextScan.scalarStart(before: start, in: bytes)
        guard !TextScan.isSpace(at: previous, in: bytes) else { break }
        start = previous
      }
      // "that" in any case: only ASCII letters can lower to it.
      guard end - start == 4 else { return false }
      return zip(bytes[start..<end], "that".utf8).allSatisfy { $0 | 0x20 == $1 }
    }
  }

  /// The last `count` words (split at white space), in order.
  private static func lastWords(of text: Substring, count: Int) -> [Substring] {
    var bytes = text
    return bytes.withUTF8 { TextScan.words(in: $0, count: count, fromEnd: true) }.map { text.slice(utf8: $0) }
  }

  /// The first `count` words (split at white space).
  private static func firstWords(of text: Substring, count: Int) -> [Substring] {
    var bytes = text
    return bytes.withUTF8 { TextScan.words(in: $0, count: count, fromEnd: false) }.map { text.slice(utf8: $0) }
  }

  /// Whether the "." at byte `period` ends an abbreviation or an initial ("Mr.", "J."), not a
  /// sentence: the word before it, back to white space, is one capital or in `abbreviations`.
  private static func isAbbreviation(endingAt period: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    guard bytes[period] == UInt8(ascii: ".") else { return false }
    var start = period
    while start > 0 {
      let previous = TextScan.scalarStart(before: start, in: bytes)
      if TextScan.isSpace(at: previous, in: bytes) { break }
      start = previous
    }
    let word = UnsafeBufferPointer(rebasing: bytes[start..<period])
    if word.count == 1 { return word[0] >= UInt8(ascii: "A") && word[0] <= UInt8(ascii: "Z") }
    if word.contains(where: { $0 >= 0x80 }), Substring(String(decoding: word, as: UTF8.self)).isOneUppercaseCharacter { return true }
    return abbreviations.contains(utf8: word)
  }
}

extension StringProtocol {
  /// The text without the given ASCII punctuation at either end. On UTF-8 bytes (an ASCII byte
  /// is a whole scalar, so trimming never splits one): as Characters, with the set a String,
  /// this was a twentieth of a sync's time, and by scalars still 2% of `show --json`.
  func trimmingCharacters(in set: String) -> String {
    var text = Substring(self)
    return text.withUTF8 { bytes in
      var start = 0
      var end = bytes.count
      while start < end, bytes[start] < 0x80, set.utf8.contains(bytes[start]) { start += 1 }
      while end > start, bytes[end - 1] < 0x80, set.utf8.contains(bytes[end - 1]) { end -= 1 }
      return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
    }
  }
}
