import Foundation
import Testing

@testable import NewsKit

@Suite("Plain-text article format and its variants")
struct PlainTextFormatTests {
  static let expectedParagraphs = ["The harbour ferry ran again on Monday.", "Passengers cheered as it left the quay."]

  @Test(
    "Every variant loads as the same article",
    arguments: [
      "standard", "no-repeated-headline", "crlf", "bom", "trailing-space", "blank-runs", "hard-wrapped",
      "source-under-last-paragraph", "mac-cr",
    ])
  func variantLoads(name: String) throws {
    let article = try Fixture.article("formats/\(name).txt")
    #expect(article.headline == "Ferry back in service")
    #expect(article.source == "Quay Times")
    #expect(article.paragraphs == Self.expectedParagraphs)
  }

  @Test func missingSourceLineLeavesSourceNil() throws {
    let article = try Fixture.article("formats/no-source.txt")
    #expect(article.source == nil)
    #expect(article.paragraphs == Self.expectedParagraphs)
  }

  @Test func invalidUTF8IsReadAsWindows1252() throws {
    let article = try Fixture.article("formats/windows-1252.txt")
    #expect(article.headline == "Café owner “delighted”")
    #expect(article.paragraphs == ["The café’s owner said: “We’re thrilled – truly.”"])
    #expect(article.quotes.count == 1)
    #expect(article.quotes.first?.speaker == "The café’s owner")
  }

  @Test func headlineOnlyFileIsAnArticleWithNoBody() throws {
    let article = try Fixture.article("formats/headline-only.txt")
    #expect(article.headline == "Just a headline")
    #expect(article.paragraphs.isEmpty)
    #expect(article.source == nil)
  }

  @Test func wrappedHeadlineIsJoinedAndItsRepeatDropped() {
    let parsed = PlainTextArticleParser.parse("A long headline\nover two lines\n\nA long headline over two lines\n\nBody.")
    #expect(parsed.headline == "A long headline over two lines")
    #expect(parsed.paragraphs == ["Body."])
  }

  @Test func bodyThatMerelyStartsLikeTheHeadlineIsKept() {
    let parsed = PlainTextArticleParser.parse("Storm hits coast\n\nStorm hits coast hard, officials say.\n\nMore.")
    #expect(parsed.paragraphs == ["Storm hits coast hard, officials say.", "More."])
  }

  @Test func sourceWordInsideAParagraphIsNotASourceLine() {
    let parsed = PlainTextArticleParser.parse("Headline\n\nThe source said little.\n\nSources: many")
    #expect(parsed.source == nil)
    #expect(parsed.paragraphs == ["The source said little.", "Sources: many"])
  }

  @Test(
    "The list summary agrees with the full parse",
    arguments: [
      "standard", "no-repeated-headline", "crlf", "bom", "trailing-space", "blank-runs", "hard-wrapped",
      "source-under-last-paragraph", "mac-cr", "no-source", "windows-1252", "headline-only",
    ])
  func summaryMatchesFullParse(name: String) throws {
    let path = Fixture.path("formats/\(name).txt")
    let summary = try ArticleCollection.summary(ofFile: path)
    let article = try ArticleCollection.open(path: path)
    #expect(summary == article.summary)
  }

  @Test func idIsStableAndDependsOnContent() throws {
    let first = try ArticleCollection.summary(ofFile: Fixture.path("formats/standard.txt"))
    let again = try ArticleCollection.summary(ofFile: Fixture.path("formats/standard.txt"))
    let other = try ArticleCollection.summary(ofFile: Fixture.path("formats/crlf.txt"))
    #expect(first.id == again.id)
    #expect(first.id != other.id)
    #expect(first.id.count == 16)
    #expect(ArticleID.make(for: Array("".utf8)) == "cbf29ce484222325")
  }
}
