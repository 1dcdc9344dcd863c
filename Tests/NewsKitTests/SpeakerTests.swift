import Testing

@testable import NewsKit

@Suite("Speakers and kinds")
struct SpeakerTests {
  private func speakers(_ paragraphs: String...) -> [String?] {
    QuoteDetector.quotes(in: paragraphs).map(\.speaker)
  }

  @Test func saidColon() {
    #expect(speakers("But the Mirror source said: “It is true.”") == ["the Mirror source"])
  }

  @Test func toldObjectColon() {
    #expect(speakers("The source told the Mirror: “There is a relationship.”") == ["The source"])
    #expect(speakers("Dr Ross told the hearing on its first day: “It held.”") == ["Dr Ross"])
  }

  @Test func addedColon() {
    #expect(speakers("The source added: “It worked.”") == ["The source"])
  }

  @Test func quoteThenNameSaid() {
    #expect(speakers("“We will win,” the coach said.") == ["the coach"])
  }

  @Test func quoteThenSaidName() {
    #expect(speakers("“We will win,” said chairman and chief executive Richard Parsons.") == ["chairman and chief executive Richard Parsons"])
  }

  @Test func accordingTo() {
    #expect(speakers("According to the harbourmaster, “the tide turned early.”") == ["the harbourmaster"])
    #expect(speakers("Yesterday, according to Ana Prado, \"nothing moved.\"") == ["Ana Prado"])
  }

  @Test func saidComma() {
    #expect(speakers("The minister said, “This is final.”") == ["The minister"])
  }

  @Test func titlesAreNotSentenceEnds() {
    #expect(speakers("Later Mr. Smith said: “Fine.”") == ["Mr. Smith"])
  }

  @Test func anAppositiveBelongsToTheSpeakerAndAnAsideDoesNot() {
    #expect(speakers("The union's secretary, Katrin Albers, said: “Enough.”") == ["The union's secretary, Katrin Albers"])
    #expect(speakers("Dr Kamala Rao, of the Royal College of Surgeons, said: “Pain.”") == ["Dr Kamala Rao, of the Royal College of Surgeons"])
    #expect(speakers("Farmer Gethin Powell, whose land drains into the brook, said: “Never.”") == ["Farmer Gethin Powell"])
    #expect(speakers("Owner Ruth Crossley, 71, said: “Sad.”") == ["Owner Ruth Crossley"])
    #expect(speakers("Janet Cole, standing in her kitchen, said: “Wet.”") == ["Janet Cole"])
  }

  @Test func pronounIsTheLastNamedPerson() {
    #expect(speakers("Joan Whitaker, 81, woke at two. “I thought it was burglars,” she said.") == ["Joan Whitaker"])
    #expect(speakers("Nobody was named here. “It rained,” he said.") == ["he"])
  }

  @Test func splitQuoteKeepsItsSpeaker() {
    #expect(speakers("“We looked,” Nair said. “We found a piano.”") == ["Nair", "Nair"])
  }

  @Test func aPhraseInReportedSpeechIsTheReportersSubjects() {
    let found = QuoteDetector.quotes(in: ["Albers said: “Enough.” She added that they got “nothing but promises”."])
    #expect(found.map(\.speaker) == ["Albers", "Albers"])
    #expect(found.map(\.kind) == [.speech, .phrase])
  }

  @Test(
    "A phrase has the speaker its own sentence names",
    arguments: [
      ("Mr Okafor said the council should “stick to its promises” on buses.", "Mr Okafor"),
      ("Transport lead Jane Fell described the plan as “lamentable”.", "Transport lead Jane Fell"),
      ("He branded them “two-bit opportunists”.", "He"),
      ("According to the report, the project was “badly run”.", "the report"),
      ("The source in the UK confirmed the troops had even “groomed” fighters.", "The source in the UK"),
      ("The institute called it “broadly credible”, while the Centre warned that it would hurt.", "The institute"),
      ("Sales fell, and critics said the shops were “dead”.", "critics"),
    ])
  func phraseSpeaker(text: String, speaker: String) {
    #expect(QuoteDetector.quotes(in: [text]).map(\.speaker) == [speaker])
  }

  @Test func continuedParagraphKeepsItsSpeaker() {
    #expect(speakers("The source said: “One.", "“Two.”") == ["The source"])
  }

  @Test(
    "No speaker where the text names none",
    arguments: [
      "“Snatch squads” have whisked evacuees away.",
      "Sales of so-called “smart” doorbells doubled last year.",
      "The “always on” home is here to stay, experts fear.",
      "The “smart” meters, the company said, were cheap.",
      "Officials tried to “reset” the talks on Monday.",
      "The plan was described as “a game changer” in Leeds.",
      "The scheme has been called “reckless” for years.",
    ])
  func noSpeaker(text: String) {
    #expect(QuoteDetector.quotes(in: [text]).map(\.speaker) == [nil])
  }

  @Test func moreVerbsAndShapesOfAttribution() {
    #expect(speakers("Councillor Mia Hale disagreed: “Nothing has changed.”") == ["Councillor Mia Hale"])
    #expect(speakers("“We lived in fear,” the statement read.") == ["the statement"])
    #expect(speakers("“I take responsibility,” Mr Pike said in a letter to the prime minister.") == ["Mr Pike"])
    #expect(speakers("“Yes,” said Corran Group's managing director, Fay Odum.") == ["Corran Group's managing director, Fay Odum"])
    #expect(speakers("“Yes,” said the deputy, and the meeting ended.") == ["the deputy"])
  }

  @Test func aLongObjectThatIsNoPhraseOfPlaceEndsTheAttribution() {
    #expect(QuoteDetector.quotes(in: ["“Sorry,” Mr Pike said the council would pay for it all."]).map(\.speaker) == [nil])
  }

  @Test func aQuotedSentenceOpeningTheNextParagraphGoesOnInTheSameVoice() {
    #expect(speakers("Coxswain Mark Rees said: “We had minutes.”", "“Everyone did their job.”") == ["Coxswain Mark Rees", "Coxswain Mark Rees"])
    // Not after a phrase, and not when the quote does not open its paragraph.
    let found = QuoteDetector.quotes(in: ["Critics called it “a farce”.", "“We are done.”", "Later “it rained” a lot."])
    #expect(found.map(\.speaker) == ["Critics", nil, nil])
  }

  @Test func aShortQuoteOpeningInLowerCaseIsAPhraseEvenWhenIntroduced() {
    let found = QuoteDetector.quotes(in: ["Ellie Ward argued that “demand will fall by a third”.", "Ann Lee said: “we will see.”"])
    #expect(found.map(\.kind) == [.phrase, .speech])
    #expect(found.map(\.speaker) == ["Ellie Ward", "Ann Lee"])
  }

  @Test func phraseAndSpeechKinds() {
    let found = QuoteDetector.quotes(in: [
      "Paras were “snatching” evacuees, in what one called “a total shambles”.",
      "“We are done.”",
      "He said it was “the kind of thing that happens when nobody is in charge at all” today.",
    ])
    #expect(found.map(\.kind) == [.phrase, .phrase, .speech, .speech])
  }
}

@Suite("Found by fuzzing")
struct FuzzRegressionTests {
  /// A quote continued from a long paragraph into a short one, attributed with a pronoun: the
  /// text before it was cut from the short paragraph at the long one's offset, and crashed
  /// (scripts/fuzz.sh article, within 2 seconds).
  @Test func aPronounAfterAQuoteContinuedFromALongerParagraph() {
    let paragraphs = [
      "Librarian Owen Pryce said the seed scheme had been “far more popular than the audiobooks, with 600 packets borrowed in its first month.",
      "“Tomatoes go first,” he said.",
    ]
    let quotes = QuoteDetector.quotes(in: paragraphs)
    #expect(quotes.count == 1)
    #expect(quotes.first?.speaker?.contains("Pryce") == true)
  }
}

/// Shapes from agency and broadcaster text that the held-out evaluation set brought out.
@Suite("Speakers in agency and broadcaster shapes")
struct AgencyShapeTests {
  private func speakers(_ paragraphs: String...) -> [String?] {
    QuoteDetector.quotes(in: paragraphs).map(\.speaker)
  }

  @Test(
    "The subject of a sentence with an aside between it and its verb",
    arguments: [
      ("Councillor Dev Patel, cabinet member for the environment, said the situation was “not acceptable”.",
       "Councillor Dev Patel, cabinet member for the environment"),
      ("Greta Holm, who leads the union, said the cuts were “a slap in the face”.", "Greta Holm"),
      ("The letter, sent to 140 schools on Monday, said phones were “a constant distraction”.", "The letter"),
      ("Prince Ezelekhae Ewuare, who travelled to London, told reporters he was “overwhelmed”.", "Prince Ezelekhae Ewuare"),
    ])
  func asideBeforeTheVerb(text: String, speaker: String) {
    #expect(QuoteDetector.quotes(in: [text]).map(\.speaker) == [speaker])
  }

  @Test func aParticipleAfterTheClauseGivesItsSubject() {
    #expect(speakers("Transport Secretary Joan Keller welcomed the deal, calling it “good news for passengers”.") == ["Transport Secretary Joan Keller"])
    // No verb of the clause to find its subject by: nobody.
    #expect(speakers("The deal is done, calling it “good news”.") == [nil])
  }

  @Test func appositivesAfterTheVerbAndAccordingToAfterTheQuote() {
    #expect(
      speakers("The risk is “very real”, says Professor Anne Lyle, an agricultural economist at Harwell University.")
        == ["Professor Anne Lyle, an agricultural economist at Harwell University"])
    #expect(speakers("“We saw it,” said Tom Baines, head of research, who follows the sector.") == ["Tom Baines, head of research"])
    #expect(speakers("“Yes,” said the deputy, and the meeting ended.") == ["the deputy"])
    #expect(
      speakers("Visitors will “go through the roof”, according to the zoo's director, Ines Kaur.")
        == ["the zoo's director, Ines Kaur"])
  }

  @Test func aRelativePronounAndACoordinatedVerbLeadBackToTheSubject() {
    #expect(speakers("“This is not over,” warned union organiser Kay Fenton, who called the offer “derisory”.") == [
      "union organiser Kay Fenton", "union organiser Kay Fenton",
    ])
    // The second quote is inside the attribution's sentence: a phrase, not a split quote.
    #expect(QuoteDetector.quotes(in: ["“No,” said Kay Fenton, who called it “derisory”."]).map(\.kind) == [.speech, .phrase])
    #expect(
      speakers("Her rival, Conservative Jack Dow, congratulated her but said it was “a protest vote”.")
        == ["Her rival, Conservative Jack Dow"])
    #expect(speakers("Turnout fell, and analysts said it was “a protest vote”.") == ["analysts"])
  }

  @Test func thePassiveAgentOfADescribingVerbIsTheSpeaker() {
    #expect(speakers("The bins, dubbed “talking trash cans” by local children, cost £1,200 each.") == ["local children"])
    #expect(speakers("The plan was described as “a game changer” by opponents in Leeds.") == ["opponents"])
    // No agent, or "by" that is no agent of the describing: nobody.
    #expect(speakers("The scheme has been called “reckless” for years.") == [nil])
    #expect(speakers("The route, known as “the loop”, runs by the river.") == [nil])
    #expect(speakers("Prices rose “sharply” by May.") == [nil])
  }

  @Test func blamingPutsAPhraseInTheSubjectsMouth() {
    #expect(speakers("The authority blamed staff shortages and a “perfect storm” of breakdowns.") == ["The authority"])
  }

  @Test func aSecondQuoteInTheSameSentenceHasItsSpeaker() {
    #expect(
      speakers("Judge Ruth Palmer said Harte had shown “breathtaking arrogance” and had “betrayed the trust of colleagues”.")
        == ["Judge Ruth Palmer", "Judge Ruth Palmer"])
    // A new sentence is read on its own.
    #expect(speakers("Ana Ruiz said it was “fine”. The so-called “reset” failed.") == ["Ana Ruiz", nil])
  }

  @Test func aQuotedSentenceAfterReportedSpeechIsTheReportedSpeakers() {
    #expect(
      speakers("Owner Ruth Crossley said rising bills had made it impossible. “Our gas bill went up fivefold.”")
        == ["Owner Ruth Crossley"])
    // No verb of saying in the sentence before, or a phrase rather than a sentence: nobody.
    #expect(speakers("The bakery closed on Monday. “Our gas bill went up fivefold.”") == [nil])
    #expect(speakers("Ruth Crossley said bills rose. The “smart” meters failed.") == [nil])
  }

  @Test func aPronounIsAPersonNotTheBodyTheyWorkFor() {
    let found = QuoteDetector.quotes(in: [
      "Dr Kamala Rao, of the Royal College of Surgeons, spoke first.", "She added that patients were “deteriorating while they wait”.",
    ])
    #expect(found.map(\.speaker) == ["Dr Kamala Rao"])
  }

  @Test func anUnclosedQuoteWithItsAttributionInsideEndsAtTheComma() {
    let found = QuoteDetector.quotes(in: [
      "Traders won a freeze. \"It keeps us going, said stallholder Bea Lund. The council said it would cost money.",
      "\"We listened,\" said councillor Omar Haddad.",
    ])
    #expect(found.map(\.text) == ["\"It keeps us going,", "\"We listened,\""])
    #expect(found.map(\.speaker) == ["stallholder Bea Lund", "councillor Omar Haddad"])
    // No attribution after the comma (a clause of the quote), or one that does not end the
    // sentence: the quote goes on as before, into the next paragraph when that opens with a mark.
    let going = QuoteDetector.quotes(in: ["He said: \"We went home, said nothing, and slept.", "\"Then it rained.\""])
    #expect(going.count == 1 && going[0].end.paragraph == 1)
    let comma = QuoteDetector.quotes(in: ["She said: \"We came, we saw.", "\"We won.\""])
    #expect(comma.count == 1 && comma[0].end.paragraph == 1)
  }

  @Test func anUnclosedQuoteKeepsTheSentencesThatGoOnInTheFirstPerson() {
    let found = QuoteDetector.quotes(in: ["Beth Morgan said: \"This shows what we can do. We collected 8,000 names."])
    #expect(found.map(\.text) == ["\"This shows what we can do. We collected 8,000 names."])
    let reporter = QuoteDetector.quotes(in: ["Aisha Begum said: \"The mould came back. The landlord has promised repairs."])
    #expect(reporter.map(\.text) == ["\"The mould came back."])
  }
}

@Suite("Sentences and marks, walked on bytes")
struct SentenceScanTests {
  /// It keeps the white space after the sentence end.
  @Test func theLastSentenceStartsAfterTheLastSentenceEndThatIsNoAbbreviation() {
    #expect(SpeakerFinder.lastSentence(of: "Rain fell. Then Mr. Ødegård said:") == " Then Mr. Ødegård said:")
    #expect(SpeakerFinder.lastSentence(of: "Über alles! Wer? Ich — sagte er,") == " Ich — sagte er,")
    #expect(SpeakerFinder.lastSentence(of: "No end here") == "No end here")
    #expect(SpeakerFinder.lastSentence(of: "Ends here.") == "Ends here.")
    // A sentence end needs white space after it, any kind: a no-break space is one.
    #expect(SpeakerFinder.lastSentence(of: "3.5 km away.\u{00A0}Café owner Zoë said,") == "\u{00A0}Café owner Zoë said,")
  }

  @Test func theFirstSentenceEndsAtTheFirstSentenceEndThatIsNoAbbreviation() {
    #expect(SpeakerFinder.firstSentence(of: ", said Dr. Søren Lund. He left.") == ", said Dr. Søren Lund.")
    #expect(SpeakerFinder.firstSentence(of: " said J. Ōtani, 27, today!") == " said J. Ōtani, 27, today!")
    #expect(SpeakerFinder.firstSentence(of: "v3.2 is out? Yes.") == "v3.2 is out?")
    #expect(SpeakerFinder.firstSentence(of: "") == "")
  }

  @Test func aCharacterIsOneOfTheMarksOnlyAsThatOneScalar() {
    #expect(Character(".").isOne(of: ".!?"))
    #expect(Character("\u{2014}").isOne(of: ",\u{2014}"))
    #expect(!Character("a").isOne(of: ".!?"))
    #expect(!Character(".\u{301}").isOne(of: ".!?"), "a mark with an accent on it is another character")
    #expect(!Character("\u{2026}").isOne(of: "."))
  }
}
