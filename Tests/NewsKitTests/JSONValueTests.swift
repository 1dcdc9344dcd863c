import Testing

@testable import NewsKit

@Suite("JSON output")
struct JSONValueTests {
  @Test func nestedValuesAreIndentedTwoSpacesALevel() {
    let value = JSONValue.object([
      ("title", .string("Rates")), ("tags", .array([.string("a"), .null, .bool(true)])), ("empty", .array([])),
      ("none", .object([])), ("inner", .object([("n", .int(3))])),
    ])
    #expect(
      value.serialized() == """
        {
          "title": "Rates",
          "tags": [
            "a",
            null,
            true
          ],
          "empty": [],
          "none": {},
          "inner": {
            "n": 3
          }
        }
        """)
    // A document written inside another starts at the indentation it is given.
    #expect(JSONValue.array([.int(1)]).serialized(indent: "    ") == "[\n      1\n    ]")
  }

  @Test(arguments: [0, 7, -42, 1_000_000, Int.max, Int.min])
  func integersAreWrittenInDecimal(value: Int) {
    #expect(JSONValue.int(value).serialized() == String(value))
  }

  @Test func stringsAreEscapedWhereJSONAndJavaScriptNeedIt() {
    #expect(JSONValue.string("say \"hi\" \\ now").serialized() == #""say \"hi\" \\ now""#)
    #expect(JSONValue.string("a\nb\tc\r\u{1B}\u{7F}").serialized() == #""a\nb\tc\r\u001b\u007f""#)
    #expect(JSONValue.string("C1 \u{85} and \u{2028}\u{2029} but ’é東 kept").serialized() == #""C1 \u0085 and \u2028\u2029 but ’é東 kept""#)
  }
}
