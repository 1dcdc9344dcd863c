import Foundation
import Testing

@testable import NewsKit

/// The last feed phenomena of the conformance corpus (issue 32), each with a negative: the
/// ordinary form of the same thing still reads as before.
@Suite("Feeds in the wild: the last phenomena")
struct FeedPhenomenaTests {
  private func parse(_ feed: String) throws -> FeedDocument {
    try FeedParser.parse(Array(feed.utf8), location: "phenomenon.xml")
  }

  private func date(_ text: String) -> Date? { FeedDate.parse(text) }

  @Test func aCDATASectionsAmpersandIsACharacter() throws {
    let atom = try parse(
      #"<feed version="0.3" xmlns="http://purl.org/atom/ns#"><title><![CDATA[Tom & Jerry]]></title><entry><title><![CDATA[&]]></title></entry></feed>"#)
    #expect(atom.info.title == "Tom & Jerry")
    #expect(atom.articles.map(\.headline) == ["&"])
    // Outside a section, a bare `&` and `&amp;` are both "&"; inside one, `&amp;` is what it says.
    let rss = try parse(
      "<rss><channel><title>A & B &amp; C</title><item><title><![CDATA[x &amp; y]]></title>"
        + "<description><![CDATA[<p>Fish &amp; chips &nbsp;&copy; & more</p>]]></description></item></channel></rss>")
    #expect(rss.info.title == "A & B & C")
    #expect(rss.articles.first?.headline == "x & y")  // an RSS title holding `&` is read as HTML
    #expect(rss.articles.first?.paragraphs == ["Fish & chips © & more"])
  }

  /// Sections and their openings cut by the 64 KiB chunks the input is read in, and a
  /// section longer than a chunk.
  @Test func cdataSectionsAcrossChunks() throws {
    for padding in [65_536 - 60, 65_536 - 45, 65_536 - 40, 65_536 - 30, 65_536 - 2] {
      let head = "<rss><channel><title>T</title><item><title>one</title><description>"
      let filler = String(repeating: "a", count: max(0, padding - head.utf8.count))
      let long = String(repeating: "b & ", count: 20_000)
      let feed = head + filler + "</description></item><item><title><![CDATA[R & D]]></title><description><![CDATA[" + long
        + "end]]></description></item><item><title>Q &amp; A</title></item></channel></rss>"
      let document = try parse(feed)
      #expect(document.articles.map(\.headline) == ["one", "R & D", "Q & A"], "padding \(padding)")
      #expect(document.articles[1].paragraphs.first?.hasSuffix("b & end") == true, "padding \(padding)")
    }
  }

  @Test func anUnclosedCommentInHTMLEndsAtItsFirstAngleBracket() throws {
    let document = try parse(
      #"<feed xmlns="http://www.w3.org/2005/Atom"><title type="html">sa&lt;!-- -- nonwhitespace &gt;fe&lt;script&gt;alert(1);&lt;/script&gt;</title>"#
        + #"<entry><title type="html">a&lt;!-- closed --&gt;b</title></entry></feed>"#)
    #expect(document.info.title == "safe")
    // A closed comment is a comment, whatever it holds.
    #expect(document.articles.first?.headline == "ab")
    #expect(HTMLText.parse("<p>one</p><!-- two > <p>three</p> --><p>four</p>", base: nil).paragraphs == ["one", "four"])
  }

  @Test func fullitemIsTheItemsContent() throws {
    let document = try parse(
      "<rss version=\"2.0\"><channel><item><fullitem>&lt;p&gt;Example content&lt;/p&gt;</fullitem></item>"
        + "<item xmlns:content=\"http://purl.org/rss/1.0/modules/content/\"><content:encoded>Encoded</content:encoded>"
        + "<fullitem>Full</fullitem></item></channel></rss>")
    #expect(document.articles.map(\.paragraphs) == [["Example content"], ["Encoded"]])
  }

  @Test func channelLevelITunesSubtitleAndSummaryDescribeTheFeed() throws {
    for (namespace, element) in [
      ("http://www.itunes.com/DTDs/Podcast-1.0.dtd", "subtitle"), ("http://www.itunes.com/dtds/podcast-1.0.dtd", "summary"),
    ] {
      let document = try parse("<rss xmlns:itunes=\"\(namespace)\"><channel><itunes:\(element)>About us</itunes:\(element)></channel></rss>")
      #expect(document.info.description == "About us", "\(namespace) \(element)")
    }
    // The channel's own description wins.
    let described = try parse(
      "<rss xmlns:itunes=\"http://www.itunes.com/DTDs/Podcast-1.0.dtd\"><channel><itunes:subtitle>Sub</itunes:subtitle><description>Own</description></channel></rss>")
    #expect(described.info.description == "Own")
  }

  @Test func dcAuthorIsTheAuthor() throws {
    let document = try parse(
      "<rss xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><channel><item><dc:author>Example editor (me@example.com)</dc:author></item>"
        + "<item><dc:author>jo@example.org (Jo Bloggs)</dc:author></item><item><author>Core</author><dc:author>Dc</dc:author></item>"
        + "</channel></rss>")
    #expect(document.articles.map(\.author) == ["Example editor", "Jo Bloggs", "Core"])
    let atom = try parse(
      "<feed xmlns=\"http://www.w3.org/2005/Atom\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><entry><dc:author>Ann Lee</dc:author></entry></feed>")
    #expect(atom.articles.first?.author == "Ann Lee")
  }

  @Test func dcDateIsWhenTheItemChanged() throws {
    let document = try parse(
      "<rss xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><channel><item><dc:date>2003-12-31T10:14:55Z</dc:date></item>"
        + "<item><pubDate>Mon, 01 Dec 2003 09:00:00 GMT</pubDate><dc:date>2003-12-31T10:14:55Z</dc:date></item></channel></rss>")
    #expect(document.articles[0].published == date("2003-12-31T10:14:55Z"))
    #expect(document.articles[0].updated == date("2003-12-31T10:14:55Z"))
    // With pubDate, that is the publication; dc:date still the change.
    #expect(document.articles[1].published == date("2003-12-01T09:00:00Z"))
    #expect(document.articles[1].updated == date("2003-12-31T10:14:55Z"))
  }

  @Test func channelDefinitionFormatIsReadLikeRSS() throws {
    let document = try parse(
      """
      <CHANNEL HREF="http://www.example.org/" LASTMOD="2004-04-06T23:05:43-05:00">
        <TITLE>Example feed</TITLE><ABSTRACT>Example description</ABSTRACT>
        <ITEM HREF="http://www.example.org/one" LASTMOD="2004-04-06T23:05:43-05:00">
          <TITLE>Example item</TITLE><ABSTRACT>Item description</ABSTRACT>
        </ITEM>
        <ITEM href="http://www.example.org/two"><TITLE>Second</TITLE></ITEM>
      </CHANNEL>
      """)
    #expect(document.info.title == "Example feed")
    #expect(document.info.link == "http://www.example.org/")
    #expect(document.info.description == "Example description")
    #expect(document.articles.map(\.link) == ["http://www.example.org/one", "http://www.example.org/two"])
    #expect(document.articles.map(\.headline) == ["Example item", "Second"])
    #expect(document.articles[0].paragraphs == ["Item description"])
    #expect(document.articles[0].updated == date("2004-04-07T04:05:43Z"))
    #expect(document.articles[0].published == date("2004-04-07T04:05:43Z"))
    // An RSS item's own link wins over an href attribute.
    let rss = try parse("<rss><channel><item href=\"http://a.example/attr\"><link>http://a.example/own</link></item></channel></rss>")
    #expect(rss.articles.first?.link == "http://a.example/own")
  }

  @Test func ofTwoUpdatedTheLastStands() throws {
    let document = try parse(
      "<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry><updated>2010-12-01T10:14:55Z</updated><updated>2003-12-31T10:14:55Z</updated></entry>"
        + "<entry><updated>2011-01-02T03:04:05Z</updated></entry></feed>")
    #expect(document.articles.map(\.updated) == [date("2003-12-31T10:14:55Z"), date("2011-01-02T03:04:05Z")])
  }
}
