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
      "12:00", String(repeating: "9", count: 500), "24 Nov", "2026-11-24T1200:00Z", "2026-11-24T12:00:00.Z",
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

@Suite("Civil dates by arithmetic")
struct CivilDateTests {
  private static let utc: Calendar = {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(secondsFromGMT: 0)!
    return calendar
  }()

  @Test func daysAndDatesAgreeWithFoundationFrom1583() {
    var seed: UInt64 = 0x2545_F491_4F6C_DD1D
    var days = [-141_427, -1, 0, 1, 11_016, 10_957, 19_782, 2_932_896]  // 1583-01-01 … 9999-12-31
    for _ in 0..<2_000 {
      seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      days.append(Int(seed >> 33) % 3_074_324 - 141_427)
    }
    for day in days {
      let date = CivilDate.date(days: day)
      let parts = Self.utc.dateComponents([.year, .month, .day], from: Date(timeIntervalSince1970: Double(day) * 86_400))
      #expect([date.year, date.month, date.day] == [parts.year, parts.month, parts.day], "\(day)")
      #expect(CivilDate.days(year: date.year, month: date.month, day: date.day) == day)
    }
  }

  @Test func monthsHaveTheirDays() {
    #expect(CivilDate.daysInMonth(year: 2024, month: 2) == 29)
    #expect(CivilDate.daysInMonth(year: 2026, month: 2) == 28)
    #expect(CivilDate.daysInMonth(year: 2000, month: 2) == 29)
    #expect(CivilDate.daysInMonth(year: 1900, month: 2) == 28)
    #expect(CivilDate.daysInMonth(year: 2026, month: 12) == 31)
    #expect(CivilDate.daysInMonth(year: 2026, month: 11) == 30)
  }

  /// Feed dates are built by arithmetic from 1583, by Foundation's calendar before.
  @Test(arguments: [
    ("2026-11-30T05:51:13Z", 1_796_017_873.0), ("2000-02-29T23:59:60Z", 951_868_799), ("2026-12-31T24:00:00Z", 1_798_761_600),
    ("1583-01-01T00:00:00Z", -12_212_553_600), ("Tue, 24 Nov 2026 12:00:00 +0130", 1_795_516_200),
    ("Thu, 29 Feb 1996 08:00:00 GMT", 825_580_800),
  ])
  func feedDatesAreTheRightMoments(text: String, seconds: Double) {
    #expect(FeedDate.parse(text)?.timeIntervalSince1970 == seconds, "\(text)")
  }

  @Test func aDateBeforeTheReformIsFoundationsJulianOne() throws {
    let parts = DateComponents(year: 1500, month: 6, day: 15, hour: 12)
    #expect(FeedDate.parse("1500-06-15T12:00:00Z") == Self.utc.date(from: parts))
  }
}
