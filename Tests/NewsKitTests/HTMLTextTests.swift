import Testing

@testable import NewsKit

@Suite("HTML into paragraphs")
struct HTMLTextTests {
  @Test func blockElementsMakeParagraphsAndInlineMarkupFlattens() {
    let text = HTMLText.parse(
      "<p>One <b>bold</b> and <i>italic</i>.</p><div>Two</div><h2>Three</h2><ul><li>Four</li><li>Five</li></ul>",
      base: nil)
    #expect(text.paragraphs == ["One bold and italic.", "Two", "Three", "• Four", "• Five"])
  }

  @Test func doubleBreakMakesAParagraphAndASingleOneDoesNot() {
    let text = HTMLText.parse("First line<br>same paragraph<br><br>Second paragraph<br/>\n<br />Third", base: nil)
    #expect(text.paragraphs == ["First line same paragraph", "Second paragraph", "Third"])
  }

  @Test func entitiesAreDecodedAndWhiteSpaceCollapsed() {
    let text = HTMLText.parse("<p>  Caf&eacute;&nbsp;&amp;   bar &#8220;quoted&#x201D;\n\t here </p>", base: nil)
    #expect(text.paragraphs == ["Café & bar “quoted” here"])
  }

  @Test func scriptsStylesAndFramesAreDropped() {
    let text = HTMLText.parse(
      "<p>Kept</p><script>alert('x')</script><style>p{}</style><iframe src='x'>frame</iframe><p>Also kept</p>",
      base: nil)
    #expect(text.paragraphs == ["Kept", "Also kept"])
  }

  @Test func imagesBecomeTheirAltText() {
    let text = HTMLText.parse("<p>See <img src='a.png' alt='A map of the harbour'> and <img src='b.png'>.</p>", base: nil)
    #expect(text.paragraphs == ["See [image: A map of the harbour] and [image] ."])
  }

  @Test func linksAreNumberedAndResolved() {
    let text = HTMLText.parse(
      "<p>Read <a href='/story/1'>the story</a> and <a href='https://other.example/x'>this</a>; <a href='#top'>top</a>.</p>",
      base: "https://news.example/section/page.html")
    #expect(text.paragraphs == ["Read the story[1] and this[2]; top."])
    #expect(text.links == ["https://news.example/story/1", "https://other.example/x"])
  }

  @Test func javascriptLinksAreNotKept() {
    let text = HTMLText.parse("<a href='javascript:evil()'>click</a>", base: nil)
    #expect(text.links.isEmpty)
    #expect(text.paragraphs == ["click"])
  }

  @Test func qGetsQuotationMarks() {
    let text = HTMLText.parse("<p>She said <q>we are ready</q> today.</p>", base: nil)
    #expect(text.paragraphs == ["She said “we are ready” today."])
  }

  @Test func blockquoteParagraphsAreRemembered() {
    let text = HTMLText.parse("<p>Intro.</p><blockquote><p>One.</p><p>Two.</p></blockquote><p>After.</p>", base: nil)
    #expect(text.paragraphs == ["Intro.", "One.", "Two.", "After."])
    #expect(text.blockquotes == [1...2])
  }

  @Test func tableRowsAreParagraphs() {
    let text = HTMLText.parse("<table><tr><th>Team</th><th>Points</th></tr><tr><td>Ashford</td><td>12</td></tr></table>", base: nil)
    #expect(text.paragraphs == ["Team | Points", "Ashford | 12"])
  }

  @Test func brokenMarkupStillGivesText() {
    let text = HTMLText.parse("<p>Unclosed <b>bold <i>and<p>next", base: nil)
    #expect(text.paragraphs == ["Unclosed bold and", "next"])
  }

  @Test func emptyAndPlainInputs() {
    #expect(HTMLText.parse("", base: nil).paragraphs.isEmpty)
    #expect(HTMLText.parse("Just text", base: nil).paragraphs == ["Just text"])
  }
}
