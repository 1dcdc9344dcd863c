import Foundation
import Testing

@testable import NewsKit

@Suite("JSON written as a stream")
struct JSONStreamTests {
  private func text(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }

  @Test func membersAndElementsAreSeparatedAndIndentedAsTheTreeIs() {
    var stream = JSONStream()
    stream.beginObject()
    stream.key("name")
    stream.string("Rates")
    stream.key("empty")
    stream.strings([])
    stream.key("rows")
    stream.beginArray()
    stream.beginObject()
    stream.endObject()
    stream.beginObject()
    stream.key("n")
    stream.int(-3)
    stream.key("ok")
    stream.bool(false)
    stream.endObject()
    stream.null()
    stream.endArray()
    stream.key("tags")
    stream.strings(["a", "b"])
    stream.endObject()
    let tree = JSONValue.object([
      ("name", .string("Rates")), ("empty", .array([])),
      ("rows", .array([.object([]), .object([("n", .int(-3)), ("ok", .bool(false))]), .null])),
      ("tags", .array([.string("a"), .string("b")])),
    ])
    let written = text(stream.take())
    #expect(written == tree.serialized())
    #expect(written.hasPrefix("{\n  \"name\": \"Rates\",\n  \"empty\": [],\n  \"rows\": [\n    {},\n    {\n      \"n\": -3,"))
    #expect(stream.take().isEmpty)
  }

  @Test func appendingContinuesTheBytesGivenAtTheDepthGiven() {
    var output = Array("[\n  ".utf8)
    JSONStream.append(to: &output, depth: 2) { stream in
      stream.beginObject()
      stream.key("a")
      stream.optional(nil)
      stream.key("b")
      stream.optional("x")
      stream.endObject()
    }
    #expect(text(output) == "[\n  {\n    \"a\": null,\n    \"b\": \"x\"\n  }")
  }

  @Test func anArticleHasItsKeysInTheDocumentedOrder() {
    var article = Article(
      id: "a1", headline: "Port \"reopens\"", source: "Harbour News", author: "Jo Lake",
      published: Date(timeIntervalSince1970: 1_764_000_000), paragraphs: ["“We are open,” said Ann Roe."],
      quotes: [
        Quote(
          start: TextPosition(paragraph: 0, offset: 0), end: TextPosition(paragraph: 0, offset: 14),
          text: "We are open,", kind: .speech, speaker: "Ann Roe", speakerName: "Ann Roe")
      ])
    article.links = ["https://example.org/port"]
    var stream = JSONStream()
    ArticleJSON.write(article, feedFields: true, into: &stream)
    #expect(
      text(stream.take()) == """
        {
          "id": "a1",
          "headline": "Port \\"reopens\\"",
          "source": "Harbour News",
          "link": null,
          "author": "Jo Lake",
          "published": "2025-11-24T16:00:00Z",
          "updated": null,
          "paragraphs": [
            "“We are open,” said Ann Roe."
          ],
          "quotes": [
            {
              "start": {
                "paragraph": 0,
                "offset": 0
              },
              "end": {
                "paragraph": 0,
                "offset": 14
              },
              "text": "We are open,",
              "kind": "speech",
              "speaker": "Ann Roe",
              "speaker_name": "Ann Roe"
            }
          ],
          "links": [
            "https://example.org/port"
          ]
        }
        """)
    // A text article has neither "updated" nor "links".
    ArticleJSON.write(article, into: &stream)
    let plain = text(stream.take())
    #expect(!plain.contains("\"updated\"") && !plain.contains("\"links\""))
    #expect(plain.hasSuffix("\"speaker_name\": \"Ann Roe\"\n    }\n  ]\n}"))
  }
}
