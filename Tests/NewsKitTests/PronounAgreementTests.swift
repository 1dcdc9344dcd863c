import Testing

@testable import NewsKit

/// "He" and "she" stand for a person of that gender when the text says which (issue 33):
/// by a title at the name, or at the same surname elsewhere in the article; and never for a
/// body (a campaign, a studio, a team, a tournament, a radio station). Each rule has its
/// negative: where the text says nothing, the last name still stands.
@Suite("Pronouns agree with who they stand for")
struct PronounAgreementTests {
  private func speakers(_ paragraphs: String...) -> [String?] {
    QuoteDetector.quotes(in: paragraphs).map(\.speaker)
  }

  @Test func sheIsNotAManWithATitle() {
    #expect(
      speakers("Dame Eleanor Fitch met Mr Tom Keane on Monday. “We agreed nothing,” she said.") == ["Dame Eleanor Fitch"])
    #expect(speakers("Ms Ada Roth met Mr Tom Keane on Monday. “We agreed nothing,” he said.") == ["Mr Tom Keane"])
  }

  /// The title at the same surname elsewhere in the article decides.
  @Test func aSurnameTitledElsewhereDecides() {
    #expect(
      speakers(
        "Anna Berg spoke after the game.", "Mr Pryce had scored twice.",
        "Luke Pryce was booked later. “Their second goal was a foul,” she said.") == ["Anna Berg"])
    // Without a title anywhere, the last name named stands.
    #expect(
      speakers("Anna Berg spoke after the game.", "Luke Pryce was booked later. “Their second goal was a foul,” she said.")
        == ["Luke Pryce"])
  }

  /// Two titles that disagree for one surname say nothing.
  @Test func conflictingTitlesSayNothing() {
    let evidence = PronounResolver.Gender.Evidence(["Mr Lee spoke.", "Ms Lee replied."])
    #expect(evidence.gender(of: "Jo Lee") == nil)
    #expect(evidence.gender(of: "Mr Jo Lee") == .male)
    #expect(PronounResolver.Gender.Evidence(["Mrs Hale arrived."]).gender(of: "Ruth Hale") == .female)
  }

  @Test func aPronounNeverStandsForABody() {
    #expect(
      speakers("Ann Dale joined Corvane Interactive last year. “We rebuilt it,” she said.") == ["Ann Dale"])
    #expect(speakers("Tom Hale spoke to Radio Northgate. “It is not at the door,” he said.") == ["Tom Hale"])
    #expect(speakers("Jo Price beat Lena Holt at the Meridian Open. “She was better,” he said.") == ["Lena Holt"])
    // A person whose surname is such a word is still a person when not last.
    #expect(speakers("Nina Open-Field spoke. “Fine,” she said.") == ["Nina Open-Field"])
  }

  /// The nearby speaker of the quote before is not taken when the gender disagrees.
  @Test func theSpeakerBeforeMustAgreeToo() {
    let quotes = QuoteDetector.quotes(in: ["“We will appeal,” said Mr Keane. “It was a foul,” she said."])
    #expect(quotes.map(\.speaker) == ["Mr Keane", "she"])
  }
}

/// The subject of the clause a quote follows (issue 33, speaker spans), with negatives.
@Suite("The subject of a describing clause")
struct ClauseSubjectTests {
  private func speakers(_ paragraph: String) -> [String?] {
    QuoteDetector.quotes(in: [paragraph]).map(\.speaker)
  }

  @Test func aRelativeClauseWithoutThatHasItsOwnSubject() {
    #expect(speakers("Councillors voted to demolish the blocks, a decision the leader of the council called ‘painful’.") == ["the leader of the council"])
    #expect(speakers("He was jailed on Friday, in what the judge called “a calculated betrayal”.") == ["the judge"])
    #expect(SpeakerFinder.subjectOfItsClause("a first half he") == "he")
    // A determiner inside the same noun phrase is not a new subject.
    #expect(SpeakerFinder.subjectOfItsClause("the head of the union") == "the head of the union")
    #expect(SpeakerFinder.subjectOfItsClause("chairman and the founder") == "chairman and the founder")
    #expect(SpeakerFinder.subjectOfItsClause("Finance Minister Rosalind Achterberg") == "Finance Minister Rosalind Achterberg")
  }

  @Test func aTimeSetOffByCommasIsNotTheSubject() {
    #expect(speakers("Ms Varga, on Tuesday, said the plan was “a fantasy”.") == ["Ms Varga"])
    #expect(SpeakerFinder.subjectOfItsClause("Ms Varga, last week") == "Ms Varga")
    // An appositive that is not a time stays.
    #expect(SpeakerFinder.subjectOfItsClause("Tom Hale, the founder") == "Tom Hale, the founder")
  }
}

/// A speaker described by age is the person last named as a speaker (issue 33, descriptions
/// tied to a name); with no one named before, the description is its own name.
@Suite("Descriptions by age")
struct AgeDescriptionTests {
  @Test func theAgeReferstoTheLastNamedSpeaker() {
    let quotes = QuoteDetector.quotes(in: [
      "“We were poor,” said manager Graham Keane.", "“At half-time I did not shout,” the 52-year-old said.",
    ])
    #expect(quotes.map(\.speaker) == ["manager Graham Keane", "the 52-year-old"])
    #expect(quotes.map(\.speakerName) == ["Graham Keane", "Graham Keane"])
    let alone = QuoteDetector.quotes(in: ["“At half-time I did not shout,” the 52-year-old said."])
    #expect(alone.map(\.speakerName) == ["the 52-year-old"])
    #expect(SpeakerNames.describesByAge("The 48-year-old"))
    #expect(!SpeakerNames.describesByAge("the old man"))
    #expect(!SpeakerNames.describesByAge("the 52-year-old striker"))
  }

  @Test func aPartyNamedUnitedIsNoPerson() {
    #expect(
      QuoteDetector.quotes(in: ["Susan Adebayo of United Citizens attacked the mayor. “Twelve years,” she said."]).map(\.speaker)
        == ["Susan Adebayo"])
  }
}

/// `“…,” she said, after …`: the comma after the verb ends the attribution (issue 33).
@Suite("An attribution ended by a comma")
struct AttributionCommaTests {
  @Test func aClauseAfterTheVerbsCommaIsNotItsObject() {
    let quotes = QuoteDetector.quotes(in: [
      "Rovers boss Sandra Mulholland was unhappy. “It was a foul,” she said, pointing to a challenge by Okafor on defender Luke Pryce. “I watched it three times.”"
    ])
    #expect(quotes.map(\.speaker) == ["Sandra Mulholland", "Sandra Mulholland"])
    // Negatives: a short object or a prepositional phrase after the verb still attributes; a
    // long object without a comma is a new clause, not an attribution.
    #expect(QuoteDetector.quotes(in: ["“Yes,” Ann Lee said through a translator."]).map(\.speaker) == ["Ann Lee"])
    #expect(
      QuoteDetector.quotes(in: ["“Yes,” critics said the council would build the new tower on the old quay next year."]).map(\.speaker)
        != ["critics"])
  }
}

/// A pronoun resolved to a short form stands for the person's full name where the article
/// gives it (issue 33).
@Suite("Short forms of a name")
struct ShortNameTests {
  @Test func anHonorificWithTheGivenNameIsTheFullName() {
    let quotes = QuoteDetector.quotes(in: [
      "The inquiry is led by Dame Eleanor Fitch.", "Dame Eleanor toured the depot. “I will follow the evidence,” she said.",
    ])
    #expect(quotes.map(\.speaker) == ["Dame Eleanor Fitch"])
    #expect(quotes.map(\.speakerName) == ["Eleanor Fitch"])
    // Without the full form, the short one stands.
    #expect(QuoteDetector.quotes(in: ["Dame Eleanor toured the depot. “I will follow it,” she said."]).map(\.speaker) == ["Dame Eleanor"])
  }

  @Test func aSurnameAloneBeforeTheQuoteWhenTheArticleGivesItInFull() {
    let quotes = QuoteDetector.quotes(in: [
      "Emeka Okafor scored twice for City, and manager Graham Keane praised him.",
      "Okafor himself kept it brief. “I just wanted the ball,” he said.",
    ])
    #expect(quotes.map(\.speaker) == ["Okafor"])
    #expect(quotes.map(\.speakerName) == ["Emeka Okafor"])
    // A capitalised word the article never gives as a surname is no name.
    #expect(
      QuoteDetector.quotes(in: ["Graham Keane spoke.", "Officials kept it brief. “No comment,” he said."]).map(\.speaker) == ["Graham Keane"])
  }
}
