import Foundation
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

  /// Every bidi control and invisible format character that can reorder or hide text is
  /// written as an escape, wherever it falls in a run (the eight-byte scan must see each lead
  /// byte), and the value a JSON parser reads back is the string written.
  @Test(arguments: [
    0x061C, 0x00AD, 0x200B, 0x200C, 0x200D, 0x200E, 0x200F, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2060, 0x2064, 0x2066,
    0x2067, 0x2068, 0x2069, 0x206A, 0x206F, 0xFEFF, 0xFFF9, 0xFFFB,
  ])
  func invisibleFormatCharactersAreEscaped(scalar: UInt32) throws {
    let character = String(Unicode.Scalar(scalar)!)
    let hex = String(scalar, radix: 16)
    let escape = "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
    for padding in 0..<9 {
      let text = String(repeating: "a", count: padding) + "x" + character + "y" + String(repeating: "b", count: 12)
      let written = JSONValue.string(text).serialized()
      #expect(written.contains(escape), "\(written)")
      #expect(!written.unicodeScalars.contains(Unicode.Scalar(scalar)!))
      let read = try JSONSerialization.jsonObject(with: Data(written.utf8), options: .fragmentsAllowed) as? String
      #expect(read == text)
    }
  }

  /// Their neighbours in the same blocks are text, kept as written: an en dash, an ellipsis,
  /// curly quotes, the narrow no-break space, the euro sign, Arabic letters, fullwidth forms and
  /// the replacement character.
  @Test func visibleNeighboursOfFormatCharactersAreKept() {
    let text = "\u{2013}\u{2026}\u{201C}\u{201D}\u{202F}\u{20AC}\u{0627}\u{061B}\u{061F}\u{FF01}\u{FFFD}\u{00A9}\u{00AE}"
    #expect(JSONValue.string(text).serialized() == "\"" + text + "\"")
  }
}
