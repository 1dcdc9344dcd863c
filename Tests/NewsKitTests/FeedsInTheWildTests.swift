import Foundation
import Testing

@testable import NewsKit

/// Feeds as publishers really write them: each phenomenon has a fixture in `feeds/wild/` and a
/// negative (the core element, when present, still wins; plain text stays plain).
private func wild(_ name: String, charset: String? = nil) throws -> FeedDocument {
  let path = Fixture.path("feeds/wild/\(name)")
  let stream = try FeedParser.open(.file(path), location: path, charset: charset)
  var articles: [Article] = []
  stream.forEachArticleBatch { articles += $0 }
  return FeedDocument(info: stream.info, articles: articles)
}

private func date(_ text: String) -> Date? { FeedDate.parse(text) }

@Suite("Feeds in the wild: vocabularies")
struct FeedVocabularyTests {
  @Test func dublinCoreGivesTitleAuthorDateAndTextWhenTheCoreIsMissing() throws {
    let document = try wild("dublin-core.xml")
    #expect(document.info.title == "Core-less Courier")
    let first = document.articles[0]
    #expect(first.headline == "Lock gates reopen after repairs")
    #expect(first.author == "Mira Holt")
    #expect(first.published == date("2026-11-20T09:15:00Z"))
    #expect(first.paragraphs == ["The canal's upper lock opened again on Friday."])
  }

  @Test func coreElementsWinOverDublinCore() throws {
    let second = try wild("dublin-core.xml").articles[1]
    #expect(second.headline == "Core title wins")
    #expect(second.author == "Core Author")
    #expect(second.published == date("2026-11-21T10:00:00Z"))
    #expect(second.paragraphs == ["Core description."])
  }

  @Test func dctermsDates() throws {
    let document = try wild("dublin-core.xml")
    #expect(document.articles[2].published == date("2026-11-22T08:00:00Z"))
    #expect(document.articles[2].updated == date("2026-11-23T08:00:00Z"))
    #expect(document.articles[3].published == date("2026-11-19T07:00:00Z"))
  }

  @Test func itunesAuthorSummaryAndSubtitle() throws {
    let document = try wild("podcast.xml")
    let twelve = document.articles[0]
    #expect(twelve.author == "Noor Adebayo")
    #expect(twelve.paragraphs == ["We visit the salt pans at dawn."])
    #expect(twelve.links == ["https://pod.example/12.mp3"])
    #expect(document.articles[1].paragraphs == ["Only a subtitle here."])
  }

  @Test func mediaGroupGivesTitleDescriptionAndFileLinks() throws {
    let media = try wild("podcast.xml").articles[2]
    #expect(media.headline == "Harbour at night (video)")
    #expect(media.paragraphs == ["Boats come in after dark."])
    #expect(media.author == "Camera Crew")
    #expect(media.links == ["https://pod.example/night.mp4", "https://pod.example/night.jpg"])
  }

  @Test func coreElementsWinOverMediaAndItunes() throws {
    let core = try wild("podcast.xml").articles[3]
    #expect(core.headline == "Core first")
    #expect(core.paragraphs == ["The core description."])
    #expect(core.links == ["https://pod.example/direct.mp4"])
  }

  @Test func xhtmlBodyIsTheItemsText() throws {
    let document = try wild("bodies.xml")
    #expect(document.articles[0].paragraphs == ["First paragraph.", "Second bold paragraph."])
    #expect(document.articles[1].paragraphs == ["Prefixed paragraph."])
    #expect(document.articles[2].paragraphs == ["Just the description."])
  }

  @Test func atom03Base64ContentIsDecoded() throws {
    let document = try wild("atom03-base64.xml")
    #expect(document.articles[0].paragraphs == ["The bridge is open."])
    #expect(document.articles[1].paragraphs == ["Lights on at six."])
    // mode="escaped" is never base64-decoded, even when it looks like base64.
    #expect(document.articles[2].paragraphs == ["UGxhaW4="])
  }
}

@Suite("Feeds in the wild: markup and escapes")
struct FeedMarkupTests {
  @Test(arguments: [
    ("d-embed", "safe description"), ("d-script", "before after"), ("d-object", "before after"),
    ("d-iframe", "before after"), ("d-iframe-open", "before after"), ("d-applet", "before after"),
    ("d-frame", "before after"), ("d-link", "before after"), ("d-meta", "before after"),
    ("d-blink", "before blinking after"), ("d-style", "before after"),
  ])
  func droppedElementsKeepTheirNeighboursText(id: String, text: String) throws {
    let article = try #require(try wild("dangerous-html.xml").articles.first { $0.id == id })
    #expect(article.paragraphs == [text])
  }

  @Test func emptyElementsLoseNoText() throws {
    let article = try #require(try wild("dangerous-html.xml").articles.first { $0.id == "d-empty" })
    #expect(article.paragraphs == ["one two", "three"])
  }

  @Test func escapedHTMLTitlesAreDecodedOnce() throws {
    let document = try wild("titles.xml")
    #expect(document.info.title == "Fish & Chips Daily")
    #expect(document.articles[0].headline == "Fish & chips price rises")
    #expect(document.articles[1].headline == "Lock keepers vote")
    #expect(document.articles[3].headline == "AT&T and M&S stay as written")
    #expect(document.articles[4].headline == "Plain title")
  }

  @Test func upperCaseHexCharacterReferences() throws {
    let article = try wild("titles.xml").articles[2]
    #expect(article.headline == "Letter A and B and C")
    #expect(article.paragraphs == ["Grade A+ for “effort”"])
  }

  @Test func atomTitlesOfEachType() throws {
    let document = try wild("atom-titles.xml")
    #expect(document.info.title == "Tags & Titles")
    #expect(document.articles[0].headline == "Why the <blink> tag died")
    #expect(document.articles[1].headline == "Comment inside an HTML title")
    // type="text" is shown as written, markup characters and all.
    #expect(document.articles[2].headline == "Literal <b> in a text title")
    #expect(document.articles[3].headline == "Double &amp; escaped")
  }

  /// An entry's change date written twice: the last stands, as the conformance corpus reads
  /// it (issue 32; it was the first, which the corpus counts as a miss).
  @Test func theLastOfARepeatedChangeDateStands() throws {
    #expect(try wild("atom-titles.xml").articles[0].updated == date("2020-01-01T00:00:00Z"))
    #expect(try wild("atom03-unknown-ns.xml").articles[0].updated == date("2001-01-01T00:00:00Z"))
  }

  @Test func elementNamesInAnyLetterCase() throws {
    let document = try wild("mixed-case.xml")
    #expect(document.info.title == "Hand-made Podcast")
    #expect(document.info.link == "https://hand.example/")
    let episode = try #require(document.articles.first)
    #expect(episode.headline == "Episode One")
    #expect(episode.paragraphs == ["Recorded in a shed."])
    #expect(episode.published == date("2026-11-23T18:00:00Z"))
    #expect(episode.id == "hand-1")
    #expect(episode.links == ["https://hand.example/1.mp3"])
  }

  @Test func atom03WithAnUnknownNamespaceIsStillAtom() throws {
    let document = try wild("atom03-unknown-ns.xml")
    #expect(document.info == FeedInfo(title: "Made-up Namespace Wire", link: "http://mu.example/", description: "Still Atom"))
    #expect(document.articles.map(\.headline) == ["An entry all the same"])
    #expect(document.articles.first?.paragraphs == ["Read despite the namespace."])
  }
}

@Suite("Feeds in the wild: encodings")
struct FeedEncodingTests {
  static let expected: [(String, String)] = {
    let path = Fixture.path("feeds/wild/encodings/EXPECTED.tsv")
    let text = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
    return text.split(separator: "\n").map { line in
      let fields = line.split(separator: "\t", maxSplits: 1)
      return (String(fields[0]), String(fields[1]))
    }
  }()

  @Test func everyLegacyEncodingHasAFixture() {
    #expect(Self.expected.count == 19)
  }

  @Test(arguments: expected)
  func legacyEncodingIsDecoded(file: String, text: String) throws {
    let document = try wild("encodings/\(file)")
    #expect(document.info.title == text)
    #expect(document.articles.first?.headline == text)
    #expect(document.articles.first?.paragraphs == [text])
  }

  @Test func theHTTPCharsetDecidesWhenNothingElseSays() throws {
    let document = try wild("encodings/koi8r-undeclared.xml", charset: "koi8-r")
    #expect(document.info.title == "Новости")
    #expect(document.articles.first?.headline == "Новости дня")
    // Without the header the bytes are not KOI8-R text.
    let guessed = try wild("encodings/koi8r-undeclared.xml")
    #expect(guessed.info.title != "Новости")
  }

  @Test func utf16WithAByteOrderMark() throws {
    let document = try wild("encodings/utf16.xml")
    #expect(document.info.title == "Ünïcode")
    #expect(document.articles.first?.headline == "Zwölf Boxkämpfer")
  }

  /// Encoding names as real feeds write them (IANA's `cs` names, Python's aliases, an
  /// underscore for the hyphen, a bare code page): byte 0x80 is that code page's character,
  /// not the euro sign that a fallback to Windows-1252 would make of it.
  @Test(arguments: [
    ("windows_1251", "Ђ"), ("WINDOWS_1250", "€"), ("csIBM861", "Ç"), ("cp_is", "Ç"), ("maciceland", "Ä"), ("437", "Ç"),
    ("csKOI8R", "─"), ("cspc850multilingual", "Ç"), ("cspc862latinhebrew", "א"), ("csPCp852", "Ç"), ("koi8_u", "─"),
    ("mac-cyrillic", "А"), ("maclatin2", "Ä"),
  ])
  func encodingNamesAsFeedsWriteThem(name: String, character: String) throws {
    let bytes = Array("<?xml version=\"1.0\" encoding=\"\(name)\"?><feed version=\"0.3\" xmlns=\"http://purl.org/atom/ns#\"><title>x".utf8) + [0x80]
      + Array("y</title></feed>".utf8)
    let document = try FeedParser.parse(bytes, location: "\(name).xml")
    #expect(document.info.title == "x" + character + "y", "\(name)")
  }

  /// An EBCDIC document starts with `<?xm` in EBCDIC bytes; its declaration names the code page.
  @Test(arguments: [
    ("ebcdic-ebcdic-cp-us.xml", "Zürich Ø café"), ("ebcdic-ebcdic_cp_be.xml", "Genève [1] Ø"), ("ebcdic-cp875.xml", "Αθήνα ΅"),
  ])
  func ebcdicDocumentsAreRead(file: String, text: String) throws {
    let document = try wild("encodings/\(file)")
    #expect(document.info.title == text)
    #expect(document.articles.map(\.headline) == [text])
    #expect(FeedParser.looksLikeFeed(try Data(contentsOf: URL(fileURLWithPath: Fixture.path("feeds/wild/encodings/\(file)")))))
  }

  /// Windows-1252's curly quotes as old tools wrote them: re-encoded as C1 controls in UTF-8,
  /// as references to C1 code points, or such a reference escaped inside HTML. Each is read as
  /// the Windows-1252 character, as browsers read it; a real U+2019 or `&#8217;` is kept.
  @Test func c1ControlsAreReadAsWindows1252() throws {
    for (body, expected) in [
      ("don\u{92}t", "don’t"), ("don&#146;t", "don’t"), ("don&#x92;t", "don’t"), ("don&amp;#146;t", "don’t"),
      ("&#147;Yes&#148; &#133;", "“Yes” …"), ("don’t", "don’t"), ("don&#8217;t", "don’t"), ("&#129;", "\u{81}"),
    ] {
      let feed = "<rss version=\"2.0\"><channel><title>T \(body)</title><item><title>H \(body)</title><description>\(body)</description></item></channel></rss>"
      let document = try FeedParser.parse(Array(feed.utf8), location: "c1.xml")
      #expect(document.info.title == "T " + expected, "\(body)")
      #expect(document.articles.first?.headline == "H " + expected, "\(body)")
      #expect(document.articles.first?.paragraphs == [expected], "\(body)")
    }
  }

  @Test func anUnknownEncodingNameFallsBackToRepairedUTF8() throws {
    let bytes = Array("<?xml version=\"1.0\" encoding=\"x-no-such-encoding\"?><rss><channel><title>Plain café</title></channel></rss>".utf8)
    let document = try FeedParser.parse(bytes, location: "unknown.xml")
    #expect(document.info.title == "Plain café")
  }
}

@Suite("Streaming")
struct FeedStreamingTests {
  /// A feed that is never finished, read from a file: the first item comes after the first
  /// chunk, not after the whole file, so a reader never waits for the end of a large feed.
  @Test func itemsArriveBeforeTheFeedEnds() throws {
    var text = "<rss version=\"2.0\"><channel><title>Long</title>"
    for index in 0..<2000 {
      text += "<item><guid>g\(index)</guid><title>Item \(index)</title><description>\(String(repeating: "word ", count: 40))</description></item>"
    }
    let path = try Self.write(text)
    let stream = try FeedParser.open(.file(path), location: path)
    let first = try #require(stream.next())
    #expect(first.listEntry.headline == "Item 0")
    #expect(stream.info.title == "Long")
    let read = try #require(stream.bytesRead)
    #expect(read < text.utf8.count / 4)
    var count = 1
    while stream.next() != nil { count += 1 }
    #expect(count == 2000)
    // The feed never closed its elements: the reader says so, and keeps what it read.
    #expect(stream.problem == nil || stream.problem != nil)
    #expect(stream.problem?.hasPrefix("ill-formed XML at line 1") == true)
  }

  @Test func aWellFormedFeedHasNoProblem() throws {
    let stream = try FeedParser.open(.bytes(Array("<rss><channel><item><title>A</title></item></channel></rss>".utf8)), location: "f.xml")
    while stream.next() != nil {}
    #expect(stream.problem == nil)
  }

  @Test func aTruncatedFeedIsAWarningNamingTheFileAndLine() throws {
    let path = Fixture.path("feeds/ill-formed.xml")
    let listing = NewsSources.list([path])
    #expect(listing.articles.map(\.headline).count == 3)
    let problem = try #require(listing.problems.first)
    #expect(problem.isPartial)
    #expect(problem.description.hasPrefix(path + ": ill-formed XML at line 2"))
    #expect(problem.description.hasSuffix("read as far as it goes"))
  }

  @Test func itemIdsDoNotDependOnPosition() throws {
    func feed(_ items: [String]) -> String {
      "<rss><channel><title>T</title>" + items.map { "<item><title>\($0)</title><description>Text of \($0)</description></item>" }.joined() + "</channel></rss>"
    }
    let before = try FeedParser.parse(Array(feed(["B", "C"]).utf8), location: "f.xml").articles.map(\.id)
    let after = try FeedParser.parse(Array(feed(["A", "B", "C"]).utf8), location: "f.xml").articles.map(\.id)
    #expect(Array(after.dropFirst()) == before)
    #expect(Set(after).count == 3)
  }

  @Test func linkIsTheIdentityWithoutAGuid() throws {
    let text = "<rss><channel><item><title>X</title><link>https://x.example/1</link></item></channel></rss>"
    #expect(try FeedParser.parse(Array(text.utf8), location: "f.xml").articles.first?.id == "https://x.example/1")
  }

  @Test func aFeedOverTheLimitIsRefusedWithTheReason() throws {
    let text = "<rss><channel><title>Big</title>" + String(repeating: "<item><title>x</title></item>", count: 100) + "</channel></rss>"
    #expect(throws: FeedError.self) { try FeedParser.open(.file(Self.write(text)), location: "big.xml", limit: 100) }
    // In memory (a fetched body), the limit cuts the feed short and says so.
    let stream = try FeedParser.open(.bytes(Array(text.utf8)), location: "big.xml", limit: 600)
    var count = 0
    while stream.next() != nil { count += 1 }
    #expect(count > 0 && count < 100)
    #expect(stream.problem?.contains("limit") == true)
  }

  @Test func listingParsesNoBodies() throws {
    // A title-less item needs its body for a headline; every other entry is made from fields.
    let text = "<rss><channel><item><guid>1</guid><title>Titled</title><description>&lt;p&gt;x&lt;/p&gt;</description></item><item><guid>2</guid><description>First words of the body.</description></item></channel></rss>"
    let stream = try FeedParser.open(.bytes(Array(text.utf8)), location: "f.xml")
    #expect(stream.next()?.listEntry.headline == "Titled")
    #expect(stream.next()?.listEntry.headline == "First words of the body.")
  }

  private static func write(_ text: String) throws -> String {
    let path = try Fixture.scratchDirectory() + "/feed.xml"
    try text.write(toFile: path, atomically: false, encoding: .utf8)
    return path
  }
}
