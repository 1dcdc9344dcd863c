import Testing

@testable import NewsKit

@Suite("Decoding and safe text")
struct TextTests {
  @Test func validUTF8IsKept() {
    #expect(LegacyTextDecoding.decode(Array("naïve 東京 🚀".utf8)) == "naïve 東京 🚀")
  }

  @Test func byteOrderMarkIsDropped() {
    #expect(LegacyTextDecoding.decode([0xEF, 0xBB, 0xBF, 0x41]) == "A")
  }

  @Test func windows1252TypographyIsDecoded() {
    #expect(LegacyTextDecoding.decode([0x93, 0x48, 0x69, 0x94, 0x20, 0x80, 0x35, 0x20, 0xE9]) == "“Hi” €5 é")
  }

  @Test func undefinedWindows1252BytesDoNotCrash() {
    #expect(LegacyTextDecoding.decode([0x81, 0x8D, 0x8F, 0x90, 0x9D]).unicodeScalars.count == 5)
  }

  @Test func controlCharactersBecomeVisible() {
    #expect(VisibleText.make("a\u{1B}[2Jb\u{07}c\u{9B}d\u{7F}") == "a␛[2Jb␇c\u{FFFD}d␡")
    #expect(VisibleText.make("tab\there") == "tab here")
    #expect(VisibleText.make("plain") == "plain")
  }

  @Test func bidiOverridesAndIsolatesAreDropped() {
    #expect(VisibleText.make("abc\u{202E}fed\u{202C} \u{2066}x\u{2069} “q”") == "abcfed x “q”")
    // Marks without scope stay: they only nudge neutral characters.
    #expect(VisibleText.make("a\u{200F}b") == "a\u{200F}b")
  }
}

@Suite("Searching an article")
struct ArticleSearchTests {
  @Test func findsEveryMatchIgnoringCaseAndAccents() {
    let found = ArticleSearch.matches(of: "cafe", in: ["The Café and the cafe.", "No match.", "CAFÉ 東京 café"])
    #expect(found.map(\.paragraph) == [0, 0, 2, 2])
    #expect(found[0].start == 4 && found[0].end == 8)
    #expect(found[3].start == 8 && found[3].end == 12)
  }

  @Test func emptyQueryFindsNothing() {
    #expect(ArticleSearch.matches(of: "", in: ["text"]).isEmpty)
  }
}

@Suite("Listing a batch at a time")
struct ProgressiveListingTests {
  @Test func batchesArriveInPathOrderAndCoverEverything() throws {
    var headlines: [String] = []
    var problems: [LoadError] = []
    var batches = 0
    ArticleCollection.listProgressively([Fixture.path("collection")], batchSize: 2) { summaries, skipped in
      headlines += summaries.map(\.headline)
      problems += skipped
      batches += 1
    }
    #expect(headlines == ["First story", "Second story", "Third story", "Fourth story"])
    #expect(problems.count == 3)
    #expect(batches >= 4)
  }
}

@Suite("Counting words")
struct WordCountTests {
  @Test(arguments: [
    ("", 0), ("   ", 0), ("one", 1), (" one  two\tthree\nfour ", 4), ("a\u{00A0}b", 2), ("a\u{0085}b", 2),
    ("東京\u{3000}大阪", 2), ("a\u{2009}b\u{202F}c\u{205F}d\u{1680}e", 5), ("café naïve", 2), ("🤖 👩‍💻", 2),
    ("e\u{301} x", 2), ("a\u{200B}b", 1), ("«\u{00A0}Non\u{00A0}»", 3),
  ])
  func wordsAreRunsOfAnythingButWhiteSpace(text: String, words: Int) {
    #expect(text.wordCount == words)
    #expect(text[...].wordCount == words)
    // The same count, scalar by scalar, with Unicode's own White_Space.
    let reference = text.unicodeScalars.split(whereSeparator: \.properties.isWhitespace).count
    #expect(reference == words)
  }
}

@Suite("Searching text as bytes")
struct ContainsBytesTests {
  @Test(arguments: [
    ("https://example.org", "://", true), ("no scheme", "://", false), ("aab", "ab", true), ("ab", "abc", false),
    ("ends with <", "<", true), ("", "x", false), ("anything", "", true), ("Zoë & co", "&", true), ("café", "é", true),
    ("cafe\u{301}", "é", false),
  ] as [(String, String, Bool)])
  func findsTheNeedlesBytes(text: String, needle: String, found: Bool) {
    #expect(text.containsBytes(needle) == found)
    #expect(Substring(text).containsBytes(needle) == found)
  }
}
