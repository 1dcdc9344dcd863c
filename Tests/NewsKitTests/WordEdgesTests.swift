import Testing

@testable import NewsKit

/// The byte-read word edges answer as the `Character` questions they replaced, on ASCII and on
/// the edges where bytes alone cannot tell (combining marks, CR LF, non-ASCII letters).
@Suite("Word edges")
struct WordEdgesTests {
  @Test(arguments: [
    "said", "Said", "said,", "said.", "“We", "we”", "e\u{301}t\u{301}", "É", "\u{0600}a", "a\u{0600}", "\r\n", "x\r\n",
    ",\u{301}", "—", "said—", "1,", "42", "", ".", "…", "Nyström,", "ñandú", "a.b", "U.S.", "!?", "“…”",
  ])
  func edgesAnswerAsCharactersDo(_ text: String) {
    let word = Substring(text)
    let last = word.last.flatMap { $0.unicodeScalars.count == 1 ? $0.unicodeScalars.first : nil }
    #expect(word.lastSingleScalar == last)
    let first = word.first.flatMap { $0.unicodeScalars.count == 1 ? $0.unicodeScalars.first : nil }
    #expect(word.firstSingleScalar == first)
    #expect(word.opensInLowercase == (word.first?.isLowercase == true))
    #expect(word.opensInUppercase == (word.first?.isUppercase == true))
    #expect(word.opensWithLetterOrNumber == (word.first.map { $0.isLetter || $0.isNumber } ?? false))
    #expect(word.holdsLetterOrNumber == word.contains { $0.isLetter || $0.isNumber })
    #expect(word.holdsSentenceMark == word.contains { $0.isOne(of: ".!?") })
    #expect(word.isOneUppercaseCharacter == (word.count == 1 && word.first?.isUppercase == true))
    #expect(word.droppingLeadingWhitespace == word.drop { $0.isWhitespace })
    if last != nil { #expect(word.droppingLastMark == word.dropLast()) }
  }

  @Test(arguments: ["  a  b ", "a b c d e f g h i", "tab\there", "nbsp\u{00A0}\u{00A0}x", "one  two", "x\u{2028}y", "“quoted” text here ok"])
  func collapsingMatchesSplittingAtWhiteSpace(_ text: String) {
    let words = text.split(whereSeparator: { $0.unicodeScalars.allSatisfy(\.properties.isWhitespace) })
    #expect(text.collapsingWhitespace == words.joined(separator: " "))
  }
}
