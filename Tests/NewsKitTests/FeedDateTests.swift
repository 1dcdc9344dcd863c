import Foundation
import Testing

@testable import NewsKit

@Suite("Dates in feeds")
struct FeedDateTests {
  /// 2026-11-24 12:00:00 UTC, the moment most forms below name.
  static let noon = Date(timeIntervalSince1970: 1_795_521_600)

  @Test(
    "Forms of the same moment",
    arguments: [
      "Tue, 24 Nov 2026 12:00:00 GMT",
      "Tue, 24 Nov 2026 12:00:00 +0000",
      "Tue, 24 Nov 2026 12:00:00 UT",
      "24 Nov 2026 12:00:00 GMT",
      "Tue, 24 Nov 2026 12:00 GMT",
      "Tue, 24 Nov 26 12:00:00 GMT",
      "Tuesday, 24 November 2026 12:00:00 GMT",
      "Tue, 24 Nov 2026 07:00:00 EST",
      "Tue, 24 Nov 2026 04:00:00 PST",
      "Tue, 24 Nov 2026 13:00:00 +0100",
      "Tue, 24 Nov 2026 13:00:00 +01:00",
      "Tue, 24 Nov 2026 12:00:00 Z",
      "Tue, 24 Nov 2026 11:00:00 A",
      "Tue, 24 Nov 2026 13:00:00 N",
      "Tue,24 Nov 2026 12:00:00 GMT",
      "  tue, 24 nov 2026 12:00:00 gmt  ",
      "Tue, 24 Sept 2026 12:00:00 GMT".replacingOccurrences(of: "Sept", with: "Nov"),
      "Nov 24 2026 12:00:00 GMT",
      "Tue, 24 Nov 2026 12:00:00",
      "Tue, 24 Nov 2026 12:00:00 GMT+0",
      "2026-11-24T12:00:00Z",
      "2026-11-24T12:00:00.000Z",
      "2026-11-24T13:00:00+01:00",
      "2026-11-24T07:00:00-0500",
      "2026-11-24 12:00:00 +0000",
      "2026-11-24t12:00:00z",
      "20261124T120000Z",
      "2026-11-24T12:00Z",
    ])
  func sameMoment(text: String) {
    #expect(FeedDate.parse(text) == Self.noon, "\(text)")
  }

  @Test func dateOnlyIsMidnightUTC() {
    #expect(FeedDate.parse("2026-11-24") == Self.noon.addingTimeInterval(-12 * 3600))
  }

  @Test func fractionsAreKept() throws {
    let date = try #require(FeedDate.parse("2026-11-24T12:00:00.250Z"))
    #expect(abs(date.timeIntervalSince(Self.noon) - 0.25) < 0.0001)
  }

  @Test func twoDigitYearsPivotAtFifty() {
    #expect(FeedDate.parse("Wed, 02 Oct 02 08:00:00 EST") == FeedDate.parse("Wed, 02 Oct 2002 08:00:00 EST"))
    #expect(FeedDate.parse("Sat, 02 Oct 99 08:00:00 EST") == FeedDate.parse("Sat, 02 Oct 1999 08:00:00 EST"))
  }

  @Test(
    "Unreadable dates are nil",
    arguments: [
      "", "yesterday", "Tue, 32 Nov 2026 12:00:00 GMT", "Tue, 24 Foo 2026 12:00:00 GMT", "2026-13-01T00:00:00Z",
      "2026-02-30", "Tue, 24 Nov 2026 25:00:00 GMT", "Tue, 24 Nov 2026 12:00:00 +9999", "2026-11-24T12:00:00+25", "2026-11-24T12:00:00QQ",
      "12:00", String(repeating: "9", count: 500), "24 Nov", "2026-11-24T1200:00Z",
    ])
  func unreadable(text: String) {
    #expect(FeedDate.parse(text) == nil, "\(text)")
  }
}

@Suite("ISO 8601 output")
struct ISODateTests {
  @Test func theHandWrittenFormatAgreesWithFoundation() {
    var dates: [Double] = [0, -1, -0.5, 86_399.9, 951_782_400, 951_868_800, -2_203_891_200, 253_402_300_799, -62_135_596_800]
    var seed: UInt64 = 0x9E37_79B9_7F4A_7C15
    for _ in 0..<2_000 {
      seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      dates.append(Double(Int64(bitPattern: seed >> 1) % 250_000_000_000) + 0.25)
    }
    for seconds in dates {
      let date = Date(timeIntervalSince1970: seconds)
      #expect(ArticleJSON.isoDate(date) == ArticleJSON.foundationDate(date), "\(seconds)")
    }
    #expect(ArticleJSON.isoDate(Date(timeIntervalSince1970: 951_782_400)) == "2000-02-29T00:00:00Z")
  }
}
