import Testing

@testable import NewsKit

@Suite("Quotation marks: pairing, styles and apostrophes")
struct QuoteMarkTests {
  private func texts(_ paragraphs: String...) -> [String] {
    QuoteDetector.quotes(in: paragraphs).map(\.text)
  }

  @Test func curlyDoubleQuotesPair() {
    #expect(texts("He said “yes” and then “no” again.") == ["“yes”", "“no”"])
  }

  @Test func straightQuotesPairWithinParagraph() {
    #expect(texts(#"She called it "odd" and "late"."#) == [#""odd""#, #""late""#])
  }

  @Test func straightQuoteDoesNotPairAcrossParagraphsWithoutOpening() {
    // The first paragraph's mark is unclosed, the second does not open with a mark.
    #expect(texts(#"He said "it is over."#, #"Nobody answered" at all."#) == [#""it is over."#])
  }

  @Test func aQuoteReopenedAfterAFinishedSentenceContinuesWhereABreakWasLost() {
    #expect(
      texts(#"Ana said: "The figures are bad. "We will publish them." Tom disagreed: "Nothing changed.""#)
        == [#""The figures are bad. "We will publish them.""#, #""Nothing changed.""#])
    #expect(texts("Ana said: “It is late. “We know.” Tom said: “No.”") == ["“It is late. “We know.”", "“No.”"])
    #expect(texts(#"Ana said: "Why now? "Nobody asked us." Then she left."#) == [#""Why now? "Nobody asked us.""#])
  }

  @Test func aMarkAfterAFinishedSentenceWithNoQuoteOpenStartsANewQuote() {
    #expect(texts(#"It rained. "Again," he said. "Typical.""#) == [#""Again,""#, #""Typical.""#])
  }

  @Test func aMarkOpeningMidSentenceInsideAQuoteIsStillNested() {
    // After a colon, not a finished sentence: a quote inside the quote, one outer quote.
    #expect(texts("Ana said: “He told me: “go home” and left.”") == ["“He told me: “go home” and left.”"])
  }

  @Test func aQuoteNeverClosedEndsWithItsFirstSentence() {
    #expect(texts(#"She said: "The contract starts in May. Parents were asked in June."#) == [#""The contract starts in May."#])
    // Not a title's dot, and all of it when one sentence is all there is.
    #expect(texts(#"She said: "Ask Mr. Hale about it. He knows."#) == [#""Ask Mr. Hale about it."#])
    #expect(texts(#"She said: "It is over."#) == [#""It is over."#])
  }

  @Test func aClosingMarkWithItsAttributionRecoversTheQuoteFromItsSentence() {
    let found = QuoteDetector.quotes(in: [#"Neil Carrow was relieved. It took two years," he said. "Now we build.""#])
    #expect(found.map(\.text) == [#"It took two years,""#, #""Now we build.""#])
    #expect(found.first?.speaker == "Neil Carrow")
    #expect(found.first?.start.offset == 26)
  }

  @Test func aClosingMarkWithoutAttributionStaysIgnored() {
    #expect(texts(#"It took two years" and more to finish."#).isEmpty)
    #expect(texts(#"A 12" screen, he said."#).isEmpty)
  }

  @Test func aQuoteGoingOnIntoTheNextParagraphIsNotCut() {
    #expect(texts("She said: “One. Two.", "“Three.”") == ["“One. Two.\n“Three.”"])
  }

  @Test func inchMarkIsNotAQuote() {
    #expect(texts(#"A 12" screen and a 15" screen."#).isEmpty)
  }

  @Test func britishSingleQuotesAreMainMarks() {
    #expect(texts("Officials said it was ‘under review’ and ‘on track’.") == ["‘under review’", "‘on track’"])
    #expect(texts("Officials said it was 'under review' yesterday.") == ["'under review'"])
  }

  @Test func singleQuotesInsideDoubleAreNotSeparateQuotes() {
    #expect(texts("“He called it ‘a mess’, and left,” she said.") == ["“He called it ‘a mess’, and left,”"])
    #expect(texts(#""They said 'never' to us," he said."#) == [#""They said 'never' to us,""#])
  }

  @Test func doubleInsideSingleBritishStyle() {
    #expect(texts("‘He called it “a mess” and left,’ she said.") == ["‘He called it “a mess” and left,’"])
  }

  @Test func guillemetsPair() {
    #expect(texts("Il a dit « bonjour » puis «au revoir».") == ["« bonjour »", "«au revoir»"])
  }

  @Test func reversedGuillemetsPair() {
    #expect(texts("Er sagte »Guten Tag« und ging.") == ["»Guten Tag«"])
  }

  @Test func germanLowNineQuotesPair() {
    #expect(texts("Sie sagte: „Das ist gut.“ Dann ging sie.") == ["„Das ist gut.“"])
    #expect(texts("Powiedział „tak” i wyszedł.") == ["„tak”"])
  }

  @Test(
    "Apostrophes are not quotation marks",
    arguments: [
      "Don’t go, it’s the west’s problem.",
      "The Brits’ plan was dropped.",
      "Music of the ’90s was loud.",
      "Back in the '90s nobody cared.",
      "They played rock ’n’ roll all night.",
      "They played rock 'n' roll all night.",
      "Siobhán O’Neill and Sinéad O'Connor spoke.",
      "The dogs' owners and the cats’ owners met.",
      "Give ’em what they want, ’tis the season.",
      "It's James' turn and the boss's call.",
    ])
  func apostropheIsNotAQuote(text: String) {
    #expect(texts(text).isEmpty)
  }

  @Test func apostrophesInsideAQuoteDoNotCloseIt() {
    #expect(texts("‘I don’t think the Brits’ plan will work,’ he said.") == ["‘I don’t think the Brits’ plan will work,’"])
    #expect(texts("‘We loved rock ’n’ roll in the ’60s,’ she said.") == ["‘We loved rock ’n’ roll in the ’60s,’"])
    #expect(texts("'It's O'Neill's turn,' he said.") == ["'It's O'Neill's turn,'"])
  }

  @Test func possessiveAtTheEndOfAQuoteStillCloses() {
    #expect(texts("He praised the ‘heroes’ of the night.") == ["‘heroes’"])
    #expect(texts("It was ‘for the Brits’, he said.") == ["‘for the Brits’"])
  }

  @Test func strayClosingMarkIsIgnored() {
    #expect(texts("This ” is stray, but “this” is not.") == ["“this”"])
  }

  @Test func offsetsCountUnicodeScalarsAndEndIsExclusive() throws {
    let quote = try #require(QuoteDetector.quotes(in: ["東京 👍🏽 said “hé”."]).first)
    #expect(quote.start == TextPosition(paragraph: 0, offset: 11))
    #expect(quote.end == TextPosition(paragraph: 0, offset: 15))
  }
}

@Suite("Quotes that run over paragraphs")
struct SpanningQuoteTests {
  @Test func openQuoteContinuesWhenNextParagraphOpensWithAMark() throws {
    let found = QuoteDetector.quotes(in: [
      "The chief said: “We are ready. We have been ready for weeks.",
      "“Nobody should doubt that.”",
      "She left.",
    ])
    let quote = try #require(found.first)
    #expect(found.count == 1)
    #expect(quote.start == TextPosition(paragraph: 0, offset: 16))
    #expect(quote.end == TextPosition(paragraph: 1, offset: 27))
    #expect(quote.text == "“We are ready. We have been ready for weeks.\n“Nobody should doubt that.”")
    #expect(quote.speaker == "The chief")
    #expect(quote.kind == .speech)
  }

  @Test func quoteRunsOverThreeParagraphs() throws {
    let found = QuoteDetector.quotes(in: ["Ms Ode said: “One.", "“Two.", "“Three.”", "After."])
    let quote = try #require(found.first)
    #expect(found.count == 1)
    #expect(quote.end.paragraph == 2)
    #expect(quote.speaker == "Ms Ode")
  }

  @Test func openQuoteEndsWithItsParagraphWhenTheNextDoesNotOpenWithAMark() throws {
    let found = QuoteDetector.quotes(in: ["He said: “We are ready.", "Then “later” came."])
    #expect(found.map(\.text) == ["“We are ready.", "“later”"])
    #expect(found[0].end == TextPosition(paragraph: 0, offset: 23))
  }

  @Test func britishSpanningQuote() throws {
    let found = QuoteDetector.quotes(in: ["The source added: ‘It went well.", "‘The Paras did a good job.’"])
    #expect(found.count == 1)
    #expect(found.first?.speaker == "The source")
  }

  @Test func straightSpanningQuote() {
    let found = QuoteDetector.quotes(in: [#"The mayor said: "We will rebuild."#, #""Every home.""#])
    #expect(found.count == 1)
    #expect(found.first?.end == TextPosition(paragraph: 1, offset: 13))
  }

  @Test func unclosedStraightSingleIsAnApostropheUnlessContinued() {
    let found = QuoteDetector.quotes(in: ["They gave 'em nothing and said “no” twice.", "Next."])
    #expect(found.map(\.text) == ["“no”"])
  }
}

@Suite("Decoding a paragraph for the quote scanner")
struct QuoteScannerDecodingTests {
  @Test(arguments: ["", "plain", "“Curly” and ‘single’", "«guillemets» „low“ ‚single‘ 'straight' \"double\"", "café naïve Ωmega", "東京 朝日 — Business", "🤖 👩‍💻 🇬🇧", "\u{7F}\u{80}\u{7FF}\u{800}\u{FFFF}\u{10000}\u{10FFFF}", "e\u{301} x\u{200D}"])
  func scalarsAreThoseOfTheString(text: String) {
    let decoded = QuoteScanner.decode(text)
    #expect(decoded.scalars == Array(text.unicodeScalars))
    // The marks found while decoding are exactly the scalars `isMark` picks.
    #expect(decoded.marks == text.unicodeScalars.indices.enumerated().compactMap { QuoteScanner.isMark(text.unicodeScalars[$0.element]) ? $0.offset : nil })
  }

  @Test func marksOfEveryKindAreFoundWhereTheyStand() {
    #expect(QuoteScanner.decode("“a” \"b\" ‘c’ 'd' „e“ «f» ‚g‘").marks == [0, 2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22, 24, 26])
  }
}
