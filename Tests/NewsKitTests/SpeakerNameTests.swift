import Testing

@testable import NewsKit

@Suite("One name per person")
struct SpeakerNameTests {
  private func names(_ paragraphs: String...) -> [String?] {
    QuoteDetector.quotes(in: paragraphs).map(\.speakerName)
  }

  @Test func titlesRolesAndSurnamesBecomeTheFullestName() {
    #expect(
      names(
        "Finance chief Gordon Pike said: “It is worse.”", "“We will publish,” Mr Pike said.", "“It is late,” he said.")
        == ["Gordon Pike", "Gordon Pike", "Gordon Pike"])
    #expect(names("Chief Inspector Dan Webb said: “Slow down.”", "“Please,” Chief Inspector Webb said.") == ["Dan Webb", "Dan Webb"])
  }

  /// Two people of one surname with names of one length: the one the article names first,
  /// every time (the speakers were once taken in a dictionary's order, which changes from run
  /// to run).
  @Test func aSurnameAloneGoesToTheFirstOfEquallyFullNames() {
    for _ in 0..<20 {
      #expect(
        names("Dana Pike said: “First.”", "Rory Pike said: “Second.”", "“Third,” Mr Pike said.")
          == ["Dana Pike", "Rory Pike", "Dana Pike"])
    }
  }

  @Test func aFullerNameInTheTextIsFoundForASurnameAlone() {
    #expect(names("Transport minister Gordon Pike resigned on Tuesday.", "“I made mistakes,” Mr Pike said.") == ["Gordon Pike"])
  }

  @Test func appositivesAndPossessivesLeaveTheName() {
    #expect(names("“Yes,” said Corran Group's managing director, Fay Odum.") == ["Fay Odum"])
    #expect(names("“We saw it,” said Tom Baines, head of research at Fellgate.") == ["Tom Baines"])
    #expect(names("Labour's Nina Cross said: “No.”") == ["Nina Cross"])
    #expect(names("Labour’s Nina Cross said: “No.”") == ["Nina Cross"])
    #expect(names("Zürich’s Nina Cross said: “No.”") == ["Nina Cross"])
    #expect(names("Labours Nina Cross said: “No.”") == ["Labours Nina Cross"])
  }

  @Test func aBodyKeepsItsWholeNameAndAPersonNamedLikeAPlaceIsAPerson() {
    #expect(
      names("The Department of Health and Social Care said it was “investing record sums”.")
        == ["The Department of Health and Social Care"])
    #expect(names("“Fine,” said the Environment Agency.") == ["the Environment Agency"])
    #expect(names("Store manager Leo Park said: “Staff found out from the news.”") == ["Leo Park"])
  }

  @Test func someoneAtABodyIsDescribedNotNamedByIt() {
    #expect(
      names("A spokeswoman for the supermarket group Brennans said: “Fair.”")
        == ["A spokeswoman for the supermarket group Brennans"])
    #expect(names("Supermarket boss Ann Brennan said: “Fair.”") == ["Ann Brennan"])
  }

  @Test func aThreeWordNameIsKeptUnlessItsFirstWordIsARole() {
    #expect(names("Ana Lúcia Prado said: “We stay.”") == ["Ana Lúcia Prado"])
    #expect(names("“We stay,” said Mary Ann Hale.") == ["Mary Ann Hale"])
    #expect(names("Farmer Josie Allen said: “Rain.”") == ["Josie Allen"])
    #expect(names("Nurse Ana Lima said: “Tired.”") == ["Ana Lima"])
    #expect(names("Magistrate Helen Price said: “Guilty.”") == ["Helen Price"])
    #expect(names("Labour MP Jo Stevens said: “No.”") == ["Jo Stevens"])
  }

  @Test func aCapitalisedArticleIsNoFirstName() {
    #expect(names("The Crossley family bakery closed.", "“It is sad,” said Ms Crossley.") == ["Ms Crossley"])
    #expect(names("The Crossley family bakery closed.", "Ruth Crossley opened it.", "“It is sad,” said Ms Crossley.") == ["Ruth Crossley"])
  }

  @Test func withoutAFullerNameTheNameStaysAsWritten() {
    #expect(names("“Fine,” said Mr Okafor.") == ["Mr Okafor"])
    #expect(names("“Fine,” said consumer group Fairwater.") == ["Fairwater"])
  }

  @Test func descriptionsAreTheirOwnNameAndLonePronounsHaveNone() {
    #expect(names("A spokesman for the union said: “No.”") == ["A spokesman for the union"])
    #expect(names("The special forces source in the UK said: “No.”") == ["The special forces source in the UK"])
    #expect(names("A spokesman for Anglian Water said: “No.”") == ["A spokesman for Anglian Water"])
    #expect(names("“It rained,” he said.") == [nil])
    #expect(names("Critics called it “a farce”.", "Sales of so-called “smart” bells doubled.") == ["Critics", nil])
  }

  @Test func twoPeopleWithOneSurnameAreNotMerged() {
    #expect(names("Ann Lee said: “Yes.”", "Tom Lee said: “No.”") == ["Ann Lee", "Tom Lee"])
  }
}
