import Foundation
import Testing

@testable import NewsKit

/// Article extraction, rule by rule, on small pages written for the tests (see
/// `scripts/extract-bench.sh` for how it does on real pages).
@Suite("Extracting articles from web pages")
struct ExtractionTests {
  private func extract(_ html: String, url: String? = "https://quay.example/news/story", contentType: String? = nil)
    -> Result<ExtractedArticle, ExtractionFailure>
  {
    ArticleExtractor.extract(Array(html.utf8), url: url, contentType: contentType)
  }

  private func body(_ html: String) -> [String] {
    (try? extract(html).get())?.body ?? []
  }

  /// Enough prose to be an article: a few sentences with commas.
  private func prose(_ topic: String, count: Int = 3) -> String {
    (1...count).map { "<p>The \(topic) story goes on, paragraph \($0), with enough words and commas, as articles have, to be read as one.</p>" }
      .joined()
  }

  @Test func aNewsPageGivesItsStoryAndNothingAroundIt() throws {
    let page = try String(contentsOfFile: Fixture.path("pages/harbour-story.html"), encoding: .utf8)
    let extracted = try extract(page, url: "https://quay.example/news/ferry-returns?ref=home").get()
    #expect(extracted.body == [
      "The harbour ferry returned to service on Monday morning after three weeks of repairs to its hull, carrying more than two hundred passengers on its first crossing.",
      "\"We are delighted to have her back,\" said Mira Holt, the harbour master, who greeted the first passengers at the quay. \"The town has missed its ferry.\"",
      "Months of planning",
      "The repairs, which cost the council about £400,000, were planned for months, and engineers worked through the night to finish them before the spring timetable began.",
      "Passengers said the crossing felt smoother than before, and several praised the new seats fitted during the works.",
      "The next scheduled maintenance is not due until the autumn of next year, the operator said.",
    ])
    let article = extracted.article
    #expect(article.headline == "Ferry returns to the harbour after repairs")
    #expect(article.author == "Ada Marsh")
    #expect(article.source == "Quay Times")
    #expect(article.published == ISO8601DateFormatter().date(from: "2026-03-02T09:30:00Z"))
    #expect(article.link == "https://quay.example/news/ferry-returns")
    // The reader's text keeps the picture, its caption and the link number; the body does not.
    #expect(article.paragraphs.contains("[image: The ferry at the quay]"))
    #expect(article.paragraphs.contains("The ferry at the quay on Monday. Photo: Quay Times"))
    #expect(article.paragraphs.contains { $0.hasSuffix("praised the new seats[1] fitted during the works.") })
    #expect(article.links == ["https://quay.example/news/new-seats"])
    let everything = article.paragraphs.joined(separator: "\n")
    for boilerplate in ["Skip to content", "Home", "cookies", "Share on", "Related stories", "Council approves", "comments",
      "bicycle", "Most read", "newsletter", "All rights reserved", "harbour correspondent", "not the article"]
    {
      #expect(!everything.contains(boilerplate), "\(boilerplate) is not the article")
    }
  }

  @Test func structuredDataGivesTheHeadlineAuthorAndDate() throws {
    let page = """
      <html><head><title>Site name - a page</title>
      <script type="application/ld+json">{"@context": "https://schema.org", "@graph": [
        {"@type": "WebSite", "name": "Quay Times"},
        {"@type": ["NewsArticle"], "headline": "Council approves harbour budget",
         "author": [{"@type": "Person", "name": "Ada Marsh"}, {"@type": "Person", "name": "Tom Reed"}],
         "datePublished": "2026-04-01T08:00:00+01:00", "publisher": {"@type": "Organization", "name": "Quay Times"}}]}
      </script></head><body><div>\(prose("budget"))</div></body></html>
      """
    let article = try extract(page).get().article
    #expect(article.headline == "Council approves harbour budget")
    #expect(article.author == "Ada Marsh, Tom Reed")
    #expect(article.source == "Quay Times")
    #expect(article.published == ISO8601DateFormatter().date(from: "2026-04-01T07:00:00Z"))
  }

  @Test func theBodyInJSONLDIsUsedWhenTheMarkupShowsOnlyATeaser() throws {
    let full = (1...4).map { "Paragraph \($0) of the whole story, which the page's markup does not show, but its data does." }
    let json = full.joined(separator: "\\n")
    let page = """
      <html><head><script type="application/ld+json">{"@type": "NewsArticle", "headline": "Paywalled", "articleBody": "\(json)"}</script></head>
      <body><div class="teaser"><p>Paragraph 1 of the whole story, which the page's markup does not show, but its data does.</p></div>
      <div class="paywall">Subscribe to read on</div></body></html>
      """
    let extracted = try extract(page).get()
    #expect(extracted.method == .structuredData)
    #expect(extracted.body == full)
  }

  @Test func aContainerTheSiteNamesAsTheBodyIsPreferred() throws {
    // The scoring alone would take the longer block of teasers; the page says which is the article.
    let teasers = (1...6).map { "<p>Teaser \($0), about something else entirely, written long enough, with commas, to score.</p>" }.joined()
    let page = """
      <html><body><div class="story-list">\(teasers)</div>
      <div itemprop="articleBody"><p>The article itself, with its first paragraph, which the page marks as the body.</p>
      <p>And its second paragraph, which says a little more, so that the body is long enough to count.</p></div></body></html>
      """
    let extracted = try extract(page).get()
    #expect(extracted.body.first == "The article itself, with its first paragraph, which the page marks as the body.")
    #expect(!extracted.body.contains { $0.hasPrefix("Teaser") })
  }

  @Test func anArticleSplitAcrossSiblingContainersIsReadWhole() throws {
    let page = """
      <html><body><div class="wrap"><div class="part">\(prose("first half"))</div>
      <div class="ad-slot"><a href="/ad">Buy now</a></div><div class="part">\(prose("second half"))</div></div></body></html>
      """
    let body = body(page)
    #expect(body.count == 6)
    #expect(body.first?.contains("first half") == true && body.last?.contains("second half") == true)
    #expect(!body.contains("Buy now"))
  }

  @Test func linkHeavyBlocksInsideTheContentAreLeftOut() throws {
    let page = """
      <html><body><article>\(prose("main"))<ul><li><a href="/1">One more story to read</a></li><li><a href="/2">And another story</a></li></ul>
      <p><a href="/more">Read more: the whole series on the harbour</a></p></article></body></html>
      """
    let body = body(page)
    #expect(body.count == 3)
    #expect(!body.joined().contains("story to read") && !body.joined().contains("Read more"))
  }

  @Test func namesThatDescribeThePageAreNotBoilerplate() throws {
    // `comments-open` on the article, `has-sidebar` on its wrapper, utility classes: the page's
    // state and layout, not what the element is.
    let page = """
      <html><body><div class="content-area has-sidebar newspaper-sidebar"><main>
      <article class="post comments-open"><div class="xl:hidden [--sidebar-width:18rem]">\(prose("kept"))</div></article>
      </main></div></body></html>
      """
    #expect(body(page).count == 3)
  }

  @Test func boilerplateNamesAreLeftOutEvenWhenTheyHoldProse() throws {
    let page = """
      <html><body><div class="article-body">\(prose("story"))</div>
      <div class="comments"><p>A long comment, written by a reader, with commas, and enough words to look like prose.</p></div>
      <div class="newsletter-box"><p>Sign up, and get our newsletter, with all the news, every morning, free of charge.</p></div></body></html>
      """
    let body = body(page).joined()
    #expect(body.contains("story goes on"))
    #expect(!body.contains("comment") && !body.contains("Sign up"))
  }

  @Test func postsNamedLikeCommentsAreReadWhenTheyAreThePage() throws {
    // A forum thread: every post is in a `comment` element and there is nothing else.
    let posts = (1...4).map {
      "<div class=\"comment\"><p>Post \($0): I tried this, and it worked, after I changed the setting and restarted the machine twice.</p></div>"
    }.joined()
    let extracted = try extract("<html><body><div class=\"thread\">\(posts)</div></body></html>").get()
    #expect(extracted.body.count == 4)
  }

  @Test func aPageLeftInsideAnUnclosedAsideIsStillFound() throws {
    // libxml2 nests everything after a mis-nested `<aside>` inside it, as here.
    let page = "<html><body><aside class=\"banner\"><div><a href=\"/x\"><span>Announcement</div></a><div class=\"post\">\(prose("nested"))</div></body></html>"
    #expect(body(page).count == 3)
  }

  @Test func hiddenContentIsLeftOutUnlessItIsThePage() throws {
    let hidden = "<html><body><article>\(prose("shown"))<div hidden><p>Hidden text that a browser would not show to a reader at all.</p></div>"
      + "<p style=\"display: none\">Also hidden, by its style, from everyone who reads the page.</p></article></body></html>"
    #expect(!body(hidden).joined().contains("idden"))
    // A streaming React page keeps all of its content hidden until a script moves it.
    let streamed = "<html><body><div id=\"root\"></div><div hidden id=\"S:0\"><article>\(prose("streamed"))</article></div></body></html>"
    #expect(body(streamed).count == 3)
  }

  @Test func anIndexPageGivesItsListOfHeadlines() throws {
    let page = try String(contentsOfFile: Fixture.path("pages/harbour-index.html"), encoding: .utf8)
    let extracted = try extract(page).get()
    #expect(extracted.method == .page)
    #expect(extracted.body.contains("Council approves harbour budget for next year"))
    #expect(!extracted.body.contains("Home"))
  }

  @Test func pagesWithoutAnArticleSayWhy() {
    #expect(extract("<html><body><script>render()</script><div id=app></div></body></html>") == .failure(.empty))
    #expect(extract("") == .failure(.empty))
    let login = "<html><body><form><label>User</label><input name=u><input type=password name=p><button>Log in</button></form><p>Members only.</p></body></html>"
    #expect(extract(login) == .failure(.loginWall))
    #expect(extract("{\"a\": 1}", contentType: "application/json") == .failure(.notHTML(contentType: "application/json")))
    #expect(extract("<html><body><p>Too short.</p></body></html>") == .failure(.noArticle(links: 0)))
  }

  @Test func aPageWhoseOnlyTextIsItsHeadlineHasNoArticle() {
    // Found by the fuzzer: the one paragraph was the headline, and the body was left empty.
    let headline = "Ferry returns to the harbour after repairs, and the town is glad, and says so, loudly, all day"
    let single = "<html><head><meta property=\"og:title\" content=\"\(headline + " " + headline)\"></head><body><main><div>\(headline + " " + headline)</div></main></body></html>"
    #expect(extract(single) == .failure(.noArticle(links: 0)))
  }

  @Test func theEncodingComesFromTheBOMTheHeaderOrTheMetaTag() throws {
    let text = "Пароход вернулся в гавань после ремонта, и пассажиры, которые ждали неделями, были рады."
    let page = "<html><head><meta charset=\"windows-1251\"></head><body><p>\(text)</p><p>\(text)</p></body></html>"
    let cp1251 = try #require(page.data(using: .windowsCP1251))
    #expect((try ArticleExtractor.extract(Array(cp1251), url: nil).get()).body == [text, text])
    // The HTTP header outranks the page's own claim.
    let czech = "Přívoz se vrátil do přístavu po opravách, a cestující, kteří čekali týdny, byli rádi."
    let czechPage = "<html><head><meta charset=\"utf-8\"></head><body><p>\(czech)</p><p>\(czech)</p></body></html>"
    let cp1250 = try #require(czechPage.data(using: .windowsCP1250))
    #expect((try ArticleExtractor.extract(Array(cp1250), url: nil, contentType: "text/html; charset=windows-1250").get()).body == [czech, czech])
    // A byte-order mark outranks both.
    let utf8 = [0xEF, 0xBB, 0xBF] + Array(page.utf8)
    #expect((try ArticleExtractor.extract(utf8, url: nil, contentType: "text/html; charset=windows-1250").get()).body == [text, text])
    // UTF-16 with its mark, NUL bytes and all.
    let utf16 = [0xFF, 0xFE] + Array(page.replacingOccurrences(of: "windows-1251", with: "utf-16").data(using: .utf16LittleEndian)!)
    #expect((try ArticleExtractor.extract(utf16, url: nil).get()).body == [text, text])
    // Saying nothing, stray Windows-1252 bytes in UTF-8 are read as browsers read them.
    let mixed = Array("<html><body><p>The harbour\u{2019}s ferry is back, and ".utf8) + [0x93] + Array("we\u{2019}re glad".utf8) + [0x94]
      + Array(", said the master of the harbour, who had waited for weeks, and weeks, for the repairs to end.</p></body></html>".utf8)
    #expect((try ArticleExtractor.extract(mixed, url: nil).get()).body == ["The harbour\u{2019}s ferry is back, and \u{201C}we\u{2019}re glad\u{201D}, said the master of the harbour, who had waited for weeks, and weeks, for the repairs to end."])
  }

  @Test func inlineDrawingsAreCutBeforeParsing() throws {
    // A documentation page's folded syntax diagrams (thousands of `<path/>`, which libxml2's
    // HTML parser does not close) hid the rest of the page inside one; cut, they cannot.
    let drawing = "<div style=\"display:none\"><svg viewBox=\"0 0 10 10\"><path d=\"M0,0L1,1Z\"/><text x=\"1\">label</text></svg></div>"
    let page = "<html><body><article>\(prose("before"))\(drawing)<math><mi>x</mi></math>\(prose("after"))</article></body></html>"
    let slimmed = String(decoding: PageSlimming.slimmed(Array(page.utf8), limit: 1 << 20), as: UTF8.self)
    #expect(slimmed.contains("<svg viewBox=\"0 0 10 10\"></svg>") && slimmed.contains("<math></math>"))
    #expect(!slimmed.contains("<path") && !slimmed.contains("label"))
    let body = body(page)
    #expect(body.count == 6)
    #expect(body.last?.contains("after story") == true && !body.joined().contains("label"))
  }

  @Test func scriptsAndStylesAreNeverText() throws {
    let page = "<html><body><article><script>var s = \"</p><p>not text</p>\";</script><style>p::after { content: 'no' }</style>\(prose("real"))</article></body></html>"
    let body = body(page).joined()
    #expect(!body.contains("not text") && !body.contains("content:"))
  }

  @Test func hostilePagesEndQuicklyAndSafely() throws {
    let deep = String(repeating: "<div>", count: 10_000) + prose("deep") + String(repeating: "</div>", count: 10_000)
    // Past the walk's depth limit the text is kept, as one paragraph.
    let deepBody = body("<html><body>\(deep)</body></html>").joined(separator: " ")
    #expect(deepBody.contains("paragraph 1") && deepBody.contains("paragraph 3"))
    #expect(body(prose("bodiless")).count == 3)
    // Ten megabytes of markup: read within the size limit, never whole.
    let huge = "<html><body><article>" + prose("big") + String(repeating: "<p>filler, filler, filler, filler.</p>", count: 300_000) + "</article></body></html>"
    #expect(huge.utf8.count > 10_000_000)
    let extracted = try extract(huge).get()
    #expect(extracted.body.first?.contains("big story") == true)
    let unclosedComment = "<html><body><!-- never closed <p>hidden?</p> >" + prose("after comment") + "</body></html>"
    // The comment ends at its first `>`, as for feeds: what follows is text.
    #expect(body(unclosedComment).suffix(3).allSatisfy { $0.contains("after comment story") })
  }

  @Test func aWebPageIsToldFromAFeedAndFromText() {
    #expect(WebPage.isPage(FeedFetcher.Body(bytes: Array("anything".utf8), contentType: "text/html; charset=utf-8")))
    #expect(WebPage.looksLikeHTML(Array("\u{FEFF}  <!-- a comment -->\n<!DOCTYPE html><html>".utf8)))
    #expect(WebPage.looksLikeHTML(Array("<html lang=en>".utf8)))
    #expect(!WebPage.looksLikeHTML(Array("Headline\n\nA plain-text article.".utf8)))
    #expect(!WebPage.looksLikeHTML(Array("<?xml version=\"1.0\"?><rss>".utf8)))
  }
}
