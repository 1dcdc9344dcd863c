import Testing

@testable import NewsKit

/// `WordList` answers as a `Set<String>` of the words would, asked with the word trimmed of
/// , . : ; ! ? and lowered the Unicode way (what the speaker finder did before).
@Suite("Word lists")
struct WordListTests {
  private let words: Set<String> = ["said", "according", "to", "k", "acknowledged", "reportedly", "a"]

  private func reference(_ word: String) -> Bool {
    words.contains(word.trimmingCharacters(in: ",.:;!?").lowercased())
  }

  @Test(arguments: [
    "said", "Said", "SAID", "said,", "said.", ":said;", "“said", "said”", "said:”", "sa\u{0}id", "said\u{0}",
    "According", "to", "To.", "", ",.", "\u{212A}", "\u{212A}.", "K", "k!", "\u{130}", "saıd", "ACKNOWLEDGED",
    "acknowledgedd", "reportedly,", "REPORTEDLYREPORTEDLY", "a", "A", "á", "a\u{301}", "said’s", "Nyström",
    "ｓａｉｄ", "said\u{200B}",
  ])
  func answersAsTheSetOfLoweredWords(word: String) {
    let list = WordList(words)
    #expect(list.contains(word) == reference(word), "\(word.debugDescription)")
    #expect(list.contains(Substring(word)) == reference(word))
  }

  @Test(arguments: ["Mr", "MR", "mr.", "u.s", "U.S", "(mr", "m\u{0}r", "", "\u{212A}", "mrs", "Mrs,", "mr\u{301}"])
  func anUntrimmedListOnlyLowers(word: String) {
    let list = WordList(["mr", "u.s", "mrs", "k"], trimmingPunctuation: false)
    #expect(list.contains(Substring(word)) == ["mr", "u.s", "mrs", "k"].contains(word.lowercased()), "\(word.debugDescription)")
  }

  /// Only ASCII lowers to ASCII, but for U+212A (the Kelvin sign): so a word with any other
  /// non-ASCII scalar is in no list, whatever lowering would make of it.
  @Test func onlyTheKelvinSignLowersToASCII() {
    var lowersToASCII: [UInt32] = []
    for value in UInt32(0x80)...0x10FFFF {
      guard let scalar = Unicode.Scalar(value) else { continue }
      if scalar.properties.lowercaseMapping.unicodeScalars.allSatisfy(\.isASCII) { lowersToASCII.append(value) }
    }
    #expect(lowersToASCII == [0x212A])
  }

  @Test func listWordsAreLowerCaseASCII() {
    #expect(SpeakerFinder.verbs.contains("said"))
    #expect(SpeakerFinder.embeddingVerbs.contains("Described,"))
    #expect(!SpeakerFinder.verbs.contains("described"))
  }
}
