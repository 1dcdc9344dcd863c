import Foundation
import Testing

@testable import NewsKit
import TestSupport

/// Input written to hurt: broken Unicode, sizes nobody plans for, markup built to exhaust a
/// parser, and files that are not what they seem. Each must end, keep what can be kept, and say
/// plainly what could not.
@Suite("Hostile input")
struct HostileInputTests {
  @Test func loneSurrogatesInAJSONFeedDoNotCostTheFeed() throws {
    let json = #"""
      {"version": "https://jsonfeed.org/version/1.1", "title": "Feed\ud800",
       "items": [{"id": "1", "title": "a\udc00b", "content_text": "x\ud83dy"}, {"id": "2", "title": "fine"}]}
      """#
    let document = try FeedParser.parse(Array(json.utf8), location: "lone.json")
    #expect(document.articles.map(\.id) == ["1", "2"])
    let first = try #require(document.articles.first)
    #expect(first.headline.hasPrefix("a") && first.headline.hasSuffix("b"))
    #expect(!first.headline.unicodeScalars.contains { (0xD800...0xDFFF).contains($0.value) })
    #expect(document.articles[1].headline == "fine")
  }

  @Test func controlBytesInsideXMLTextAreShownAndTheTextAroundThemKept() throws {
    let bytes = Array("<rss><channel><title>T</title><item><title>be".utf8) + [0] + Array("fore</title><description>one&#0;two".utf8) + [0x1B]
      + Array("[2Jthree</description></item><item><title>next</title></item></channel></rss>".utf8)
    let document = try FeedParser.parse(bytes, location: "nul.xml")
    let article = try #require(document.articles.first)
    #expect(article.headline == "be\u{2400}fore")
    let text = article.paragraphs.joined()
    #expect(!text.unicodeScalars.contains("\u{0}"))
    #expect(text.hasPrefix("one") && text.hasSuffix("two\u{241B}[2Jthree"))
    #expect(document.articles.count == 2)
  }

  @Test func aMegabyteParagraphWithNoSpacesIsOneParagraph() {
    let word = String(repeating: "x", count: 1 << 20)
    let article = ArticleCollection.article(from: Array("Headline\n\n\(word) “end,” she said.\n".utf8), path: "/long.txt")
    #expect(article.paragraphs.count == 1)
    #expect(article.paragraphs[0].utf8.count > 1 << 20)
    #expect(article.quotes.count == 1)
  }

  @Test func aHundredThousandOneWordParagraphs() {
    let text = "Headline\n\n" + (0..<100_000).map { "w\($0)" }.joined(separator: "\n\n") + "\n"
    let article = ArticleCollection.article(from: Array(text.utf8), path: "/many.txt")
    #expect(article.paragraphs.count == 100_000)
    #expect(article.paragraphs.last == "w99999")
  }

  @Test func aHeadlineOfAHundredThousandCharacters() {
    let headline = String(repeating: "Long ", count: 20_000)
    let article = ArticleCollection.article(from: Array("\(headline)\n\nBody.\n".utf8), path: "/headline.txt")
    #expect(article.headline.count >= 99_000)
    #expect(article.paragraphs == ["Body."])
  }

  @Test func htmlNestedTenThousandDeepKeepsItsText() {
    let html = String(repeating: "<div><span>", count: 5_000) + "deep words" + String(repeating: "</span></div>", count: 5_000) + "<p>after</p>"
    let text = HTMLText.parse(html, base: nil)
    let joined = text.paragraphs.joined(separator: " ")
    #expect(joined.contains("deep words"))
    #expect(joined.contains("after"))
  }

  @Test func htmlNestedTenThousandDeepInsideAFeedItem() throws {
    let html = String(repeating: "&lt;b&gt;", count: 10_000) + "inner" + String(repeating: "&lt;/b&gt;", count: 10_000)
    let feed = "<rss><channel><title>T</title><item><title>Deep</title><description>\(html)</description></item></channel></rss>"
    let document = try FeedParser.parse(Array(feed.utf8), location: "deep.xml")
    #expect(document.articles.first?.paragraphs.joined().contains("inner") == true)
  }

  @Test func xmlElementsNestedTenThousandDeepEndWithAProblemNotACrash() throws {
    let feed = "<rss><channel><title>T</title><item><title>Before</title></item><item>" + String(repeating: "<x>", count: 10_000)
      + String(repeating: "</x>", count: 10_000) + "<title>Deep</title></item></channel></rss>"
    let stream = try FeedParser.open(.bytes(Array(feed.utf8)), location: "nested.xml")
    var headlines: [String] = []
    while let item = stream.next() { headlines.append(item.listEntry.headline) }
    #expect(headlines.first == "Before")
  }

  @Test func aMillionTinyItemsStreamOneAtATime() throws {
    var feed = Array("<rss><channel><title>Many</title>".utf8)
    let item = Array("<item><title>t</title></item>".utf8)
    feed.reserveCapacity(item.count * 1_000_000 + 64)
    for _ in 0..<1_000_000 { feed += item }
    feed += Array("</channel></rss>".utf8)
    let stream = try FeedParser.open(.bytes(feed), location: "million.xml")
    var count = 0
    while stream.next() != nil { count += 1 }
    #expect(count == 1_000_000)
    #expect(stream.problem == nil)
  }

  @Test func aFeedFileOf256MiBAndOneByteIsRefusedBeforeItIsRead() throws {
    let path = try Fixture.scratchDirectory() + "/huge.xml"
    #expect(Scratch.createFile(atPath: path, contents: Data("<rss>".utf8)))
    defer { try? FileManager.default.removeItem(atPath: path) }
    // Sparse: the size is there, the disk blocks are not.
    #expect(truncate(path, off_t(ArticleFile.maximumFeedFileSize + 1)) == 0)
    let error = #expect(throws: FeedError.self) { try FeedParser.open(.file(path), location: path) }
    #expect(error?.description.contains("over the 256 MiB limit") == true, "\(String(describing: error))")
  }

  @Test func quadraticBlowupIsNotExpanded() throws {
    let entity = String(repeating: "a", count: 20_000)
    let uses = String(repeating: "&big;", count: 20_000)
    let feed = "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY big \"\(entity)\">]><rss><channel><title>Q</title><item><title>\(uses)</title><description>\(uses)</description></item></channel></rss>"
    let document = try FeedParser.parse(Array(feed.utf8), location: "quadratic.xml")
    // 20,000 uses of 20,000 characters would be 400 MB of text.
    let article = try #require(document.articles.first)
    #expect(article.headline.utf8.count + article.paragraphs.joined().utf8.count < 1 << 20)
  }

  @Test func aNamedPipeWithNoWriterIsNotWaitedFor() throws {
    let directory = try Fixture.scratchDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    for name in ["pipe.txt", "pipe.xml"] {
      let path = directory + "/" + name
      #expect(mkfifo(path, 0o600) == 0)
      // Would block in open(2) for ever if it were opened like a file.
      #expect(throws: LoadError.self) { try ArticleFile.read(path: path) }
      let listing = NewsSources.list([path])
      #expect(listing.articles.isEmpty)
      #expect(listing.problems.count == 1)
    }
  }
}
