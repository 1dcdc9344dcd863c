import Foundation
import Testing

@testable import NewsKit

private func feed(_ name: String, location: String? = nil) throws -> FeedDocument {
  let path = Fixture.path("feeds/\(name)")
  let bytes = Array(try #require(FileManager.default.contents(atPath: path)))
  return try FeedParser.parse(bytes, location: location ?? path)
}

@Suite("Feed formats")
struct FeedFormatTests {
  @Test func rss2ChannelAndItems() throws {
    let document = try feed("rss2.xml")
    #expect(document.info == FeedInfo(title: "Quay Times — Harbour", link: "https://quay.example/", description: "News from the quays"))
    #expect(document.articles.count == 2)
    let first = document.articles[0]
    #expect(first.id == "ferry-2026")
    #expect(first.headline == "Ferry back in service")
    #expect(first.source == "Quay Times — Harbour")
    #expect(first.link == "https://quay.example/2026/ferry")
    #expect(first.author == "Lina Park")
    #expect(first.published == FeedDate.parse("2026-11-24T12:00:00Z"))
    // content:encoded is preferred to the description.
    #expect(first.paragraphs == ["The ferry ran again on Monday.", "The harbourmaster said: “People waited a long time.”", "We are back.", "See the map[1]."])
    #expect(first.links == ["https://quay.example/map", "https://quay.example/audio.mp3"])
    #expect(first.enclosures == [Enclosure(url: "https://quay.example/audio.mp3", type: "audio/mpeg", length: 1234)])
    // A quote found in the text and the blockquote, both.
    #expect(first.quotes.map(\.text) == ["“People waited a long time.”", "We are back."])
    #expect(first.quotes.map(\.kind) == [.speech, .speech])
    let second = document.articles[1]
    #expect(second.author == "Sam Okoro")
    #expect(second.published == FeedDate.parse("2026-11-23T08:30:00Z"))
    #expect(second.paragraphs == ["Escaped & encoded HTML."])
  }

  @Test func missingGuidGivesAStableHashId() throws {
    let once = try feed("rss2.xml").articles[1].id
    let again = try feed("rss2.xml").articles[1].id
    #expect(once == again)
    #expect(once.count == 16)
  }

  @Test func rss091And092() throws {
    let old = try feed("rss091.xml")
    #expect(old.info.title == "Old Wire")
    #expect(old.articles.map(\.paragraphs) == [["One & only."]])
    let ninetyTwo = try feed("rss092.xml")
    #expect(ninetyTwo.articles.first?.headline == "An item with only a description, as 0.92 allows.")
    #expect(ninetyTwo.articles.first?.enclosures.first?.url == "http://w92.example/a.ogg")
  }

  @Test func rdfRss10And090() throws {
    let rdf = try feed("rss10.rdf")
    #expect(rdf.info.title == "RDF Wire")
    let item = try #require(rdf.articles.first)
    #expect(item.id == "http://rdf.example/story")
    #expect(item.author == "Ana Prado")
    #expect(item.published == FeedDate.parse("2026-11-24T12:00:00Z"))
    let netscape = try feed("rss090.rdf")
    #expect(netscape.articles.map(\.headline) == ["Ninety"])
    #expect(netscape.articles.first?.link == "http://ns.example/90")
  }

  @Test func atom10WithPrefixXmlBaseAndContentTypes() throws {
    let document = try feed("atom10.xml")
    #expect(document.info == FeedInfo(title: "Atom Wire", link: "https://atom.example/blog/", description: "An Atom 1.0 feed"))
    #expect(document.articles.count == 3)
    let one = document.articles[0]
    #expect(one.link == "https://atom.example/blog/posts/one.html")
    #expect(one.author == "Feed Author")
    #expect(one.published == FeedDate.parse("2026-11-24T12:00:00Z"))
    #expect(one.updated == FeedDate.parse("2026-11-25T07:00:00Z"))
    #expect(one.paragraphs == ["Full xhtml content, related[1].", "Second."])
    #expect(one.links == ["https://atom.example/blog/posts/related.html", "https://atom.example/blog/posts/one.mp3"])
    let two = document.articles[1]
    #expect(two.headline == "Entry two & text")
    #expect(two.author == "Entry Author")
    #expect(two.paragraphs == ["Plain text line one.", "Plain text paragraph two."])
    #expect(document.articles[2].paragraphs == ["Escaped “html” content."])
  }

  @Test func atom03() throws {
    let document = try feed("atom03.xml")
    #expect(document.info.description == "The 0.3 tagline")
    let entry = try #require(document.articles.first)
    #expect(entry.published == FeedDate.parse("2005-07-31T12:29:29Z"))
    #expect(entry.updated == FeedDate.parse("2005-08-01T10:00:00Z"))
    #expect(entry.paragraphs == ["Escaped mode content."])
  }

  @Test func jsonFeed11And10() throws {
    let eleven = try feed("feed11.json")
    #expect(eleven.info == FeedInfo(title: "JSON Wire", link: "https://json.example/", description: "A JSON Feed"))
    #expect(eleven.articles.map(\.id) == ["j1", "2"])
    #expect(eleven.articles[0].author == "Feed Writer")
    #expect(eleven.articles[0].links == ["https://json.example/x", "https://json.example/a.mp3"])
    #expect(eleven.articles[1].headline == "Text only, no title.")
    #expect(eleven.articles[1].author == "Item Writer")
    let ten = try feed("feed10.json")
    #expect(ten.articles.first?.author == "Old Author")
    #expect(ten.articles.first?.published == nil)
    #expect(ten.articles.first?.paragraphs == ["A summary."])
  }

  @Test func relativeLinksResolveAgainstTheFeedURL() throws {
    let document = try feed("rss091.xml", location: "https://mirror.example/feeds/old.xml")
    #expect(document.articles.first?.path == "https://mirror.example/feeds/old.xml")
    let atom = try feed("atom03.xml", location: "https://x.example/a.xml")
    #expect(atom.articles.first?.link == "http://a03.example/old")
  }
}

@Suite("Broken and hostile feeds")
struct HostileFeedTests {
  @Test func illFormedXMLIsRecovered() throws {
    let document = try feed("ill-formed.xml")
    #expect(document.info.title == "Broken & Co")
    #expect(document.articles.map(\.headline) == ["AT&T buys \u{A0}a ferry… for £5 & more".split(whereSeparator: \.isWhitespace).joined(separator: " "), "Second survives", "Cut off mid-way"])
    #expect(document.articles[0].paragraphs == ["Raw bold markup © 2026 &unknownentity; here"])
    #expect(document.articles[1].link == "https://broken.example/second")
  }

  @Test func windows1252BytesInAFeedDeclaredLatin1AreRepaired() throws {
    let document = try feed("wrong-encoding.xml")
    #expect(document.info.title == "Café wire")
    #expect(document.articles.first?.headline == "Smart “quotes” and café")
    #expect(document.articles.first?.paragraphs == ["It’s fine"])
  }

  @Test func realLatin1FeedIsRead() throws {
    #expect(try feed("latin1.xml").articles.first?.headline == "Café crème")
  }

  @Test func entityBombIsNotExpanded() throws {
    let document = try feed("entity-bomb.xml")
    let article = try #require(document.articles.first)
    #expect(article.headline.count < 100)
    #expect(article.paragraphs.joined().count < 100)
  }

  @Test func externalEntitiesAreNeverRead() throws {
    let document = try feed("external-entity.xml")
    let text = ([document.articles.first?.headline ?? ""] + (document.articles.first?.paragraphs ?? [])).joined()
    #expect(!text.contains("SECRET-LOCAL-FILE-CONTENT"))
    let hostname = (try? String(contentsOfFile: "/etc/hostname", encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines)
    if let hostname, !hostname.isEmpty { #expect(!text.contains(hostname)) }
  }

  @Test func notAFeedSaysWhatItIs() {
    let error = #expect(throws: FeedError.self) { try feed("not-a-feed.xml") }
    #expect(error?.message == "not a feed: the document is <html>, not <rss>, <rdf:RDF> or <feed>")
  }

  @Test func garbageAndEmptyInputs() {
    #expect(throws: FeedError.self) { try FeedParser.parse(Array("{not json".utf8), location: "x.json") }
    #expect(throws: FeedError.self) { try FeedParser.parse(Array("{\"version\": \"2\"}".utf8), location: "x.json") }
    #expect(throws: FeedError.self) { try FeedParser.parse([], location: "empty.xml") }
    #expect(throws: FeedError.self) { try FeedParser.parse(Array("<".utf8), location: "lt.xml") }
  }

  @Test func bytePreparationEscapesWhatXMLCannotRead() {
    let prepared = FeedBytes.escapingEntities(Array("a & b &nbsp; &#8220; &#x201D; &amp; &bogus; &".utf8))
    #expect(String(decoding: prepared, as: UTF8.self) == "a &amp; b &#160; &#8220; &#x201D; &amp; &amp;bogus; &amp;")
  }
}

@Suite("Feed items in batches")
struct FeedBatchTests {
  /// An RSS feed of `count` items titled "Item 0", "Item 1", ….
  private func feed(_ count: Int) -> [UInt8] {
    let items = (0..<count).map { "<item><guid>g\($0)</guid><title>Item \($0)</title><description>Text \($0).</description></item>" }
    return Array("<rss version=\"2.0\"><channel><title>Batches</title>\(items.joined())</channel></rss>".utf8)
  }

  @Test(arguments: [1, 2, 3])
  func batchesArriveWholeAndInDocumentOrderWhateverIsInFlight(inFlight: Int) throws {
    let stream = try FeedParser.open(.bytes(feed(23)), location: "batches.xml")
    var sizes: [Int] = []
    var headlines: [String] = []
    stream.forEachArticleBatch(size: 5, inFlight: inFlight) { articles in
      sizes.append(articles.count)
      headlines += articles.map(\.headline)
    }
    #expect(sizes == [5, 5, 5, 5, 3])
    #expect(headlines == (0..<23).map { "Item \($0)" })
  }
}
