import Foundation
import GRDB
import NewsKit

/// How a subscription's dates are stored and read back: seconds since 1970, so they compare
/// and sort in SQL. Libraries made before v6 held GRDB's default text ("2026-11-30
/// 05:51:13.610", UTC); v6 converts those, and reading still accepts the text.
///
/// Read by hand rather than through GRDB's default, which builds the date with a Foundation
/// `Calendar`: on Linux that loads ICU's calendar and time-zone tables, megabytes of resident
/// memory in the reader for the few dates of the feeds pane.
enum StoredDate {
  static let encoding = DatabaseDateEncodingStrategy.timeIntervalSince1970
  static let decoding = DatabaseDateDecodingStrategy.custom { date(from: $0) }

  static func date(from value: DatabaseValue) -> Date? {
    switch value.storage {
    case .double(let seconds): return Date(timeIntervalSince1970: seconds)
    case .int64(let seconds): return Date(timeIntervalSince1970: Double(seconds))
    case .string(let text): return date(fromText: text)
    case .null, .blob: return nil
    }
  }

  /// "YYYY-MM-DD", optionally followed by " HH:MM", ":SS" and ".fraction" (a "T" may stand for
  /// the space), read as UTC: the forms GRDB writes and SQLite's date functions give.
  static func date(fromText text: String) -> Date? {
    let bytes = Array(text.utf8)
    var index = 0
    func number(_ digits: Int) -> Int? {
      guard index + digits <= bytes.count else { return nil }
      var value = 0
      for byte in bytes[index..<index + digits] {
        guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
        value = value * 10 + Int(byte - UInt8(ascii: "0"))
      }
      index += digits
      return value
    }
    func expect(_ character: Character) -> Bool {
      guard index < bytes.count, bytes[index] == character.asciiValue else { return false }
      index += 1
      return true
    }
    guard let year = number(4), expect("-"), let month = number(2), expect("-"), let day = number(2),
      (1...12).contains(month), (1...31).contains(day)
    else { return nil }
    var seconds = Double(CivilDate.days(year: year, month: month, day: day) * 86_400)
    if index < bytes.count {
      guard expect(" ") || expect("T"), let hour = number(2), expect(":"), let minute = number(2),
        hour < 24, minute < 60
      else { return nil }
      seconds += Double(hour * 3_600 + minute * 60)
      if expect(":") {
        guard let second = number(2), second < 61 else { return nil }
        seconds += Double(second)
        if expect(".") {
          var scale = 0.1
          let start = index
          while let digit = number(1) {
            seconds += Double(digit) * scale
            scale /= 10
          }
          guard index > start else { return nil }
        }
      }
    }
    return index == bytes.count ? Date(timeIntervalSince1970: seconds) : nil
  }
}
