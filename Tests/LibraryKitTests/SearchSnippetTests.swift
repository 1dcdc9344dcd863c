import Foundation
import NewsKit
import Testing

@testable import LibraryKit
import TestSupport

/// A hit's snippet is a passage of the headline or the text, never the index's list of
/// speakers ("Anna Vogt ; Ms Vogt ; …").
@Suite("Search snippets")
struct SearchSnippetTests {
  private func library(_ articles: [(String, [String])]) throws -> Library {
    let library = try Library(path: Scratch.path("herald-snippets") + "/library.sqlite")
    let feed = try library.subscribe("https://a.example/feed.xml")
    try library.store(
      articles.enumerated().map { index, article in
        Article(
          id: "a\(index)", headline: article.0, source: "Wire", paragraphs: article.1, quotes: QuoteDetector.quotes(in: article.1))
      }, in: feed)
    return library
  }

  /// A word in a long text and among the speakers: the speakers column is short, so FTS5's
  /// best-column snippet chose it; the text's passage is shown.
  @Test func aWordInTheTextIsShownFromTheText() throws {
    let filler = Array(repeating: "The budget runs to many pages and covers schools, roads and clinics.", count: 12).joined(separator: " ")
    let library = try library([
      ("Budget day", [filler, "Economy minister Anna Vogt said: “We will cut taxes.”", "“Not now,” Ms Vogt added."])
    ])
    let hits = try library.search("minister")
    #expect(hits.count == 1)
    #expect(hits[0].snippet.contains("[minister]"), "\(hits[0].snippet)")
    #expect(!hits[0].snippet.contains(" ; "), "\(hits[0].snippet)")
  }

  /// `speaker:` matches the speakers column only: the paragraph of the speaker's first quote,
  /// the name marked.
  @Test func aSpeakerQueryShowsTheParagraphOfTheFirstQuote() throws {
    let library = try library([
      (
        "Taxes to fall",
        [
          "Taxes will fall next year, the government announced on Monday.",
          "“We will cut taxes for everyone who works,” said Anna Vogt, the economy minister.",
          "“Later,” Ms Vogt said.",
        ]
      )
    ])
    let hits = try library.search("speaker:vogt")
    #expect(hits.count == 1)
    let snippet = try #require(hits.first?.snippet)
    #expect(snippet.contains("Anna [Vogt]"), "\(snippet)")
    #expect(snippet.contains("cut taxes"), "\(snippet)")
    #expect(!snippet.contains(" ; ") && !snippet.contains("government"), "\(snippet)")
  }

  /// A quote whose speaker is "she" in its paragraph: the paragraph shows, "she" marked.
  @Test func aPronounSpeakerIsMarkedWhereHerNameIsNotInTheParagraph() {
    let shown = SearchSnippet.passage(of: "“We are ready,” she said on Monday.", marking: ["Vogt"], orElse: "she")
    #expect(shown == "“We are ready,” [she] said on Monday.")
  }

  /// Which column's snippet is shown, by the marks FTS5 put in it.
  @Test func theColumnThatMatchedIsChosen() throws {
    let (o, c) = (SearchSnippet.open, SearchSnippet.close)
    let none: ([String]) -> (paragraph: String, speaker: String?)? = { _ in nil }
    #expect(SearchSnippet.choose(headline: "Rates", body: "A \(o)rate\(c) rise [1]", speakers: "Al ; Bo", firstQuoteParagraph: none) == "A [rate] rise [1]")
    #expect(SearchSnippet.choose(headline: "\(o)Rates\(c) held", body: "Text", speakers: "Al", firstQuoteParagraph: none) == "[Rates] held")
    // Only a speaker matched and no quote of theirs was found: the text, unmarked, not names.
    #expect(SearchSnippet.choose(headline: "Rates", body: "Text\nmore", speakers: "\(o)Al\(c) ; Bo", firstQuoteParagraph: none) == "Text more")
    var asked: [String] = []
    let found = SearchSnippet.choose(headline: "Rates", body: "Text", speakers: "Ann \(o)Lee\(c) ; Ms \(o)Lee\(c)") { words in
      asked = words
      return ("One two three four five six “Yes,” said Ann Lee, seven eight nine ten eleven twelve thirteen fourteen.", "Ann Lee")
    }
    #expect(asked == ["Lee", "Lee"])
    #expect(found == "…five six “Yes,” said Ann [Lee], seven eight nine ten eleven twelve thirteen fourteen.")
  }

  /// A word is marked whole, not inside a longer one, whatever its case and accents.
  @Test func wordsAreMatchedWhole() {
    #expect(SearchSnippet.wordRanges(of: "lee", in: "Fleet Lee, LEE and Lée").count == 3)
    #expect(!SearchSnippet.holdsAnyWord(of: ["vogt"], in: "Vogtland"))
  }
}
