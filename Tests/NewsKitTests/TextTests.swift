import Testing

@testable import NewsKit

@Suite("Decoding and safe text")
struct TextTests {
  @Test func validUTF8IsKept() {
    #expect(LegacyTextDecoding.decode(Array("naïve 東京 🚀".utf8)) == "naïve 東京 🚀")
  }

  @Test func byteOrderMarkIsDropped() {
    #expect(LegacyTextDecoding.decode([0xEF, 0xBB, 0xBF, 0x41]) == "A")
  }

  @Test func windows1252TypographyIsDecoded() {
    #expect(LegacyTextDecoding.decode([0x93, 0x48, 0x69, 0x94, 0x20, 0x80, 0x35, 0x20, 0xE9]) == "“Hi” €5 é")
  }

  @Test func undefinedWindows1252BytesDoNotCrash() {
    #expect(LegacyTextDecoding.decode([0x81, 0x8D, 0x8F, 0x90, 0x9D]).unicodeScalars.count == 5)
  }

  @Test func controlCharactersBecomeVisible() {
    #expect(VisibleText.make("a\u{1B}[2Jb\u{07}c\u{9B}d\u{7F}") == "a␛[2Jb␇c\u{FFFD}d␡")
    #expect(VisibleText.make("tab\there") == "tab here")
    #expect(VisibleText.make("plain") == "plain")
  }
}
