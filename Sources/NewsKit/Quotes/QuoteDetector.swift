/// Finds the quotations in an article's paragraphs: pure text in, quotes out.
///
/// Marks are paired within each paragraph by `QuoteScanner`. A quote still open at the end of a
/// paragraph continues when the next paragraph opens with a quotation mark (the newspaper
/// convention for a quote running over several paragraphs); otherwise it ends with its paragraph.
/// Speakers are found by `SpeakerFinder` around the quote; a quote running over paragraphs keeps
/// the speaker named in its first. A pronoun ("he said") stands for the person last named before
/// it (`PronounResolver`); a quote with no attribution of its own that follows an attributed one
/// in the same paragraph, with that attribution between them ("…,” she said. “…”), is the same
/// speaker's.
///
/// A quote inside the reporter's own sentence (`X described the plan as “…”`, `X said the
/// council should “…”`, `according to X, the route was “…”`) is the sentence's subject's
/// (`SpeakerFinder.speakerOfSentence`); a scare quote in a sentence that attributes nothing has
/// no speaker.
///
/// A quote is `speech` when it runs over paragraphs, follows a colon, is eight words or more, or
/// (unless it opens in lower case, a part of the reporter's sentence) is introduced by its
/// speaker or ends with sentence punctuation inside its marks; otherwise it is a `phrase` (a
/// scare-quoted word or two, such as “snatching”). A quoted sentence opening the paragraph after
/// an attributed quote, with no attribution of its own, is the same speaker's.
public enum QuoteDetector {
  public static func quotes(in paragraphs: [String]) -> [Quote] {
    let scanned = paragraphs.map { ScannedParagraph($0) }
    var found: [Quote] = []
    var pending: (start: TextPosition, text: String)?
    var previousAttributedAfter = false
    // Who is a man and who a woman by the titles the article gives them: read once, when a
    // pronoun is first resolved.
    var genders: PronounResolver.Gender.Evidence?

    for (index, paragraph) in scanned.enumerated() {
      var spans = paragraph.spans
      let next = index + 1 < scanned.count ? scanned[index + 1] : nil
      let continues = next.map(opensWithQuote) ?? false
      // An open straight single mark is an apostrophe unless the next paragraph continues it.
      var apostrophes: Set<Int> = []
      while !continues, let open = spans.last, open.end == nil, open.family == .singleStraight {
        apostrophes.insert(open.start)
        spans = paragraph.rescanned(ignoring: apostrophes)
      }
      for (spanIndex, span) in spans.enumerated() {
        var endOffset = span.end ?? paragraph.scalars.count
        // A mark never closed whose first sentence holds its own attribution (`"It keeps us
        // going, said Bea Lund. The council…`): the closing mark was lost before the comma,
        // and the quote neither swallows the paragraph nor goes on into the next one.
        let attributed = span.end == nil && (pending == nil || spanIndex > 0 || span.start > 0)
          ? paragraph.attributionInside(after: span.start) : nil
        if let attributed { endOffset = attributed }
        // A mark never closed, in a quote that opened here and does not go on: the quote a
        // careful reader sees ends with its first sentence, not with the paragraph.
        if attributed == nil, span.end == nil, !continues, pending == nil || spanIndex > 0 || span.start > 0 {
          endOffset = paragraph.firstSentenceEnd(after: span.start) ?? endOffset
        }
        let piece = paragraph.text(from: span.start, to: endOffset)
        if var started = pending, spanIndex == 0, span.start == 0 {
          started.text += "\n" + piece
          pending = started
        } else {
          pending = (TextPosition(paragraph: index, offset: span.start), piece)
        }
        if span.end == nil && attributed == nil && continues { continue }
        guard let whole = pending else { continue }
        pending = nil
        let end = TextPosition(paragraph: index, offset: endOffset)
        var (quote, attributedAfter) = classify(
          start: whole.start, end: end, text: whole.text, scanned: scanned,
          previousEnd: previousEnd(of: whole.start, in: found),
          previousEndsSentence: found.last.map { innerText(of: $0.text).lastSingleScalar.map(isSentenceEnd) ?? false } ?? true,
          nextStart: spanIndex + 1 < spans.count ? spans[spanIndex + 1].start : nil)
        // `Ruth Crossley said rising bills had made it impossible. “Our gas bill went up…”`: a
        // quoted sentence with no attribution, right after a sentence reporting what someone
        // said in the same paragraph, is theirs.
        if quote.speaker == nil, quote.kind == .speech, whole.start.offset > 0 {
          let before = scanned[whole.start.paragraph].substring(
            from: previousEnd(of: whole.start, in: found), to: whole.start.offset)
          let reported = before.trimmingTrailingWhitespace
          if reported.count < before.count, let last = reported.lastSingleScalar, isSentenceEnd(last) {
            quote.speaker = SpeakerFinder.speakerOfSentence(
              SpeakerFinder.lastSentence(of: reported.dropLast()), sayingOnly: true)
            // That sentence is the attribution of the quote before (`“…,” she said, pointing
            // to Luke Pryce. “…”`): its pronoun is that quote's speaker, already resolved,
            // not the last name in the sentence.
            if let speaker = quote.speaker, SpeakerFinder.isPronoun(speaker), previousAttributedAfter, let previous = found.last,
              previous.end.paragraph == whole.start.paragraph, let name = previous.speaker
            {
              quote.speaker = name
            }
          }
        }
        if let speaker = quote.speaker, SpeakerFinder.isPronoun(speaker) {
          // The text before the quote opened, in the paragraph where it opened (a continued
          // quote opens in an earlier one, maybe longer than this).
          let before = scanned[whole.start.paragraph].substring(from: 0, to: whole.start.offset)
          let earlier = paragraphs[max(0, whole.start.paragraph - 2)..<whole.start.paragraph]
          // Failing a name in the text, the last speaker named nearby ("Albers said: “…” She
          // added…"): a one-word name is no run of capitals for the resolver.
          if genders == nil { genders = PronounResolver.Gender.Evidence(paragraphs) }
          let wanted = PronounResolver.Gender.of(pronoun: speaker)
          let nearby = found.last.flatMap { previous -> String? in
            guard previous.end.paragraph + 1 >= whole.start.paragraph, let name = previous.speaker, !SpeakerFinder.isPronoun(name) else { return nil }
            if let wanted, let other = genders?.gender(of: name), other != wanted { return nil }
            return name
          }
          quote.speaker = PronounResolver.name(before: String(before), earlier: Array(earlier), pronoun: speaker, genders: genders) ?? nearby ?? speaker
        }
        // The second half of a split quote ("…,” she said. “…”) is the same speaker's.
        if quote.speaker == nil, let previous = found.last, previousAttributedAfter,
          previous.end.paragraph == whole.start.paragraph,
          let between = scanned[whole.start.paragraph].substring(from: previous.end.offset, to: whole.start.offset)
            .trimmingTrailingWhitespace.lastSingleScalar,
          isSentenceEnd(between) || between == "," || between == ":" || between == ";" || between == "\u{2014}"
        {
          quote.speaker = previous.speaker
          quote.kind = .speech
        }
        // A quoted sentence opening the paragraph after an attributed quote, with no
        // attribution of its own, goes on in the same voice.
        if quote.speaker == nil, quote.kind == .speech, whole.start.offset == 0, let previous = found.last,
          previous.end.paragraph + 1 == whole.start.paragraph, previous.kind == .speech, let name = previous.speaker
        {
          quote.speaker = name
        }
        previousAttributedAfter = attributedAfter
        found.append(quote)
      }
      recoverUnopened(in: paragraph, at: index, spans: spans, paragraphs: paragraphs, into: &found)
    }
    SpeakerNames.assign(to: &found, paragraphs: paragraphs)
    return found
  }

  /// A closing mark with no opening one, followed by its attribution (`…here," he said.`): the
  /// opening mark was lost, and the quote a careful reader sees runs from the start of the
  /// sentence to the mark. Without an attribution the mark stays ignored (an inch mark, a typo).
  private static func recoverUnopened(
    in paragraph: ScannedParagraph, at index: Int, spans: [QuoteScanner.Span], paragraphs: [String], into found: inout [Quote]
  ) {
    var genders: PronounResolver.Gender.Evidence?
    for mark in paragraph.strayClosingMarks(outside: spans) {
      let floor = spans.last { ($0.end ?? Int.max) <= mark }?.end ?? 0
      let before = paragraph.substring(from: floor, to: mark)
      let sentence = SpeakerFinder.lastSentence(of: before[...]).drop { $0.isWhitespace }
      guard let first = sentence.first, first.isUppercase else { continue }
      let nextStart = spans.first { $0.start > mark }?.start ?? paragraph.scalars.count
      let after = paragraph.substring(from: mark + 1, to: nextStart)
      let endsClause = sentence.last.map { $0.isOne(of: ",!?\u{2026}\u{2014}") } ?? false
      guard var speaker = SpeakerFinder.speakerAfter(after[...], quoteEndsClause: endsClause) else { continue }
      let start = mark - sentence.unicodeScalars.count
      if SpeakerFinder.isPronoun(speaker) {
        let earlier = paragraphs[max(0, index - 2)..<index]
        if genders == nil { genders = PronounResolver.Gender.Evidence(paragraphs) }
        speaker =
          PronounResolver.name(
            before: String(paragraph.substring(from: 0, to: start)), earlier: Array(earlier), pronoun: speaker, genders: genders) ?? speaker
      }
      let quote = Quote(
        start: TextPosition(paragraph: index, offset: start), end: TextPosition(paragraph: index, offset: mark + 1),
        text: String(sentence) + paragraph.substring(from: mark, to: mark + 1), kind: .speech, speaker: speaker)
      let position = found.lastIndex { $0.start < quote.start }.map { $0 + 1 } ?? 0
      found.insert(quote, at: position)
    }
  }

  private static func opensWithQuote(_ paragraph: ScannedParagraph) -> Bool {
    paragraph.spans.first?.start == 0
  }

  private static func previousEnd(of start: TextPosition, in found: [Quote]) -> Int {
    guard let last = found.last, last.end.paragraph == start.paragraph else { return 0 }
    return last.end.offset
  }

  private static func classify(
    start: TextPosition, end: TextPosition, text: String, scanned: [ScannedParagraph], previousEnd: Int,
    previousEndsSentence: Bool, nextStart: Int?
  ) -> (quote: Quote, attributedAfter: Bool) {
    let first = scanned[start.paragraph]
    let last = scanned[end.paragraph]
    let before = first.substring(from: previousEnd, to: start.offset)
    let after = last.substring(from: end.offset, to: nextStart ?? last.scalars.count)
    let inner = innerText(of: text)
    let endsClause = inner.lastSingleScalar.map(endsClause) ?? false
    let speakerBefore = SpeakerFinder.speakerBefore(before[...])
    let speakerAfter = speakerBefore == nil ? SpeakerFinder.speakerAfter(after[...], quoteEndsClause: endsClause) : nil
    let introduced = speakerBefore ?? speakerAfter
    let followsColon = before.trimmingTrailingWhitespace.lastSingleScalar == ":"
    let endsSentence = inner.lastSingleScalar.map {
      isSentenceEnd($0) || $0 == "," || $0 == "\u{2026}" || $0 == ":" || $0 == ";"
    } ?? false
    // A short quote opening in lower case ("said that “investment has to be paid for”") is a
    // part of the reporter's sentence, a phrase, unless a colon introduces it. (The words are
    // counted only when the cheaper tests before them leave it open.)
    let partial = inner.opensInLowercase
    let isSpeech =
      start.paragraph != end.paragraph || followsColon || inner.wordCount >= 8 || (!partial && (introduced != nil || endsSentence))
    // A quote inside the reporter's sentence is its subject's when the sentence says so; its
    // kind stays what its own shape makes it.
    // When a quote came earlier in the same sentence (`said Harte had shown “…” and had “…”`),
    // the sentence is read from its start, through that quote; a speaker never holds a mark
    // of that quote.
    var speaker = introduced ?? SpeakerFinder.speakerOfSentence(before[...]) ?? SpeakerFinder.passiveAgent(before: before[...], after: after[...])
    if speaker == nil, previousEnd > 0, !previousEndsSentence, !before.holdsSentenceMark {
      speaker = SpeakerFinder.speakerOfSentence(first.substring(from: 0, to: start.offset)[...]).flatMap { found in
        found.unicodeScalars.contains(where: QuoteScanner.isMark) ? nil : found
      }
    }
    let quote = Quote(start: start, end: end, text: text, kind: isSpeech ? .speech : .phrase, speaker: speaker)
    return (quote, speakerAfter != nil)
  }

  /// ".", "!" or "?".
  private static func isSentenceEnd(_ scalar: Unicode.Scalar) -> Bool {
    scalar == "." || scalar == "!" || scalar == "?"
  }

  /// ",", "!", "?", "…" or "—": a quote ending so ends its clause.
  private static func endsClause(_ scalar: Unicode.Scalar) -> Bool {
    scalar == "," || scalar == "!" || scalar == "?" || scalar == "\u{2026}" || scalar == "\u{2014}"
  }

  /// The quote without its marks.
  private static func innerText(of text: String) -> Substring {
    // By index: `dropLast()` on a scalar view counted the whole quote.
    var inner = Substring(text)
    if let first = inner.unicodeScalars.first, QuoteScanner.isMark(first) || first == "\u{201E}" {
      inner = Substring(inner.unicodeScalars[inner.unicodeScalars.index(after: inner.startIndex)...])
    }
    if let last = inner.unicodeScalars.last, QuoteScanner.isMark(last) {
      inner = Substring(inner.unicodeScalars[..<inner.unicodeScalars.index(before: inner.endIndex)])
    }
    return inner
  }
}

/// A paragraph with its scalars and outermost quote spans, computed once.
private struct ScannedParagraph {
  let scalars: [Unicode.Scalar]
  let spans: [QuoteScanner.Span]
  private let scanner: QuoteScanner
  private let source: String
  /// The UTF-8 offset of every scalar, and the text's length in bytes, so slicing by scalar
  /// offset costs no scan.
  private let utf8Offsets: [Int]

  init(_ text: String) {
    source = text
    let scanner = QuoteScanner(text)
    self.scanner = scanner
    let scalars = scanner.scalars
    self.scalars = scalars
    spans = scanner.spans()
    // Only a paragraph with quotes, or with a closing mark that may be a stray one, is sliced.
    let sliced = !spans.isEmpty || scanner.markPositions.contains { scalars[$0] == "\"" || scalars[$0] == "\u{201D}" }
    utf8Offsets = sliced ? Self.scalarOffsets(of: text, count: scalars.count) : []
  }

  /// Where each scalar starts, found from lead bytes without decoding (walking the scalar
  /// view's indices was a twentieth of finding quotes).
  private static func scalarOffsets(of text: String, count: Int) -> [Int] {
    var text = text
    return text.withUTF8 { bytes in
      // Into the array's storage: appending checked the capacity for every scalar.
      [Int](unsafeUninitializedCapacity: count + 1) { offsets, written in
        written = 0
        var offset = 0
        while offset < bytes.count && written < count {
          // Eight ASCII bytes are eight scalars.
          if offset + 8 <= bytes.count, written + 8 <= count, !ByteWord(bytes, at: offset).holdsNonASCII {
            for step in 0..<8 { offsets[written + step] = offset + step }
            written += 8
            offset += 8
            continue
          }
          if bytes[offset] & 0xC0 != 0x80 {
            offsets[written] = offset
            written += 1
          }
          offset += 1
        }
        offsets[written] = bytes.count
        written += 1
      }
    }
  }

  /// The index of the scalar at `offset` (or of the end, at the scalar count).
  private func index(_ offset: Int) -> String.Index {
    source.utf8.index(source.utf8.startIndex, offsetBy: utf8Offsets[offset])
  }

  /// Double closing marks (" and ”) that no span uses and that can only close: text before,
  /// a space or punctuation after, and no digit before (12" is an inch mark).
  func strayClosingMarks(outside spans: [QuoteScanner.Span]) -> [Int] {
    guard !utf8Offsets.isEmpty else { return [] }
    var marks: [Int] = []
    for index in scanner.markPositions where scalars[index] == "\"" || scalars[index] == "\u{201D}" {
      if spans.contains(where: { $0.start <= index && index < ($0.end ?? Int.max) }) { continue }
      let before = index > 0 ? scalars[index - 1] : nil
      let after = index + 1 < scalars.count ? scalars[index + 1] : nil
      guard QuoteScanner.canClose(before: before, after: after), !QuoteScanner.canOpen(before: before, after: after),
        let before, before.properties.numericType == nil
      else { continue }
      marks.append(index)
    }
    return marks
  }

  /// Just past the first sentence after `start` (`SpeakerFinder.firstSentence`, which knows
  /// "Mr." is no sentence end), when more text follows it.
  /// Just past a comma in the first sentence after an unclosed mark at `start` when what
  /// follows the comma is an attribution that ends the sentence (`, said stallholder Bea
  /// Lund.`, `, he said.`): a name or a pronoun, at most six words.
  func attributionInside(after start: Int) -> Int? {
    guard !utf8Offsets.isEmpty, start + 1 < scalars.count else { return nil }
    let sentenceEnd = start + 1 + SpeakerFinder.firstSentence(of: source[index(start + 1)...]).unicodeScalars.count
    // Only the last commas can be followed by six words or fewer to the sentence's end.
    guard sentenceEnd > 0, scalars[sentenceEnd - 1] == "." else { return nil }
    var spaces = 0
    var earliest = sentenceEnd
    while earliest > start + 1, spaces <= 6 {
      earliest -= 1
      if QuoteScanner.isSpace(scalars[earliest]) { spaces += 1 }
    }
    for comma in earliest..<min(sentenceEnd, scalars.count - 1) where scalars[comma] == "," {
      let rest = source[index(comma + 1)..<index(sentenceEnd)]
      guard let speaker = SpeakerFinder.speakerAfter(rest, quoteEndsClause: true),
        speaker.contains(where: \.isUppercase) || SpeakerFinder.isPronoun(speaker)
      else { continue }
      return comma + 1
    }
    return nil
  }

  /// Sentences after the first stay in the quote while they speak in the first person and
  /// hold no quotation mark (`said: "This shows what we can do. We collected 8,000 names.`);
  /// the first that does not ("The landlord has promised…") is the reporter's again.
  func firstSentenceEnd(after start: Int) -> Int? {
    guard !utf8Offsets.isEmpty, start + 1 < scalars.count else { return nil }
    var end = start + 1 + SpeakerFinder.firstSentence(of: source[index(start + 1)...]).unicodeScalars.count
    while end < scalars.count {
      let next = SpeakerFinder.firstSentence(of: source[index(end)...])
      guard Self.speaksInFirstPerson(next), !next.unicodeScalars.contains(where: QuoteScanner.isMark) else { break }
      end += next.unicodeScalars.count
    }
    guard end < scalars.count, scalars[end...].contains(where: { !QuoteScanner.isSpace($0) }) else { return nil }
    return end
  }

  private static let firstPerson: Set<Substring> = ["I", "I'm", "I’m", "I've", "I’ve", "we", "We", "our", "Our", "us", "my", "My", "me", "We're", "We’re", "we're", "we’re"]

  private static func speaksInFirstPerson(_ sentence: Substring) -> Bool {
    sentence.split(whereSeparator: { $0.isWhitespace }).contains { word in
      firstPerson.contains(word.drop { !$0.isLetter }.prefix { $0.isLetter || $0 == "'" || $0 == "’" })
    }
  }

  func rescanned(ignoring positions: Set<Int>) -> [QuoteScanner.Span] {
    var again = scanner
    again.ignored = positions
    return again.spans()
  }

  func text(from start: Int, to end: Int) -> String {
    guard start < end else { return "" }
    return String(source[index(start)..<index(end)])
  }

  /// A slice of the paragraph, without copying it: every quote looks at the text before and
  /// after it, and copying those was a share of finding speakers.
  func substring(from start: Int, to end: Int) -> Substring {
    guard start < end else { return "" }
    return source[index(start)..<index(end)]
  }
}

extension StringProtocol {
  var trimmingTrailingWhitespace: Substring {
    var scalars = Substring(self).unicodeScalars
    while let last = scalars.last, QuoteScanner.isSpace(last) { scalars.removeLast() }
    return Substring(scalars)
  }
}
