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

  /// GRDB's text ("YYYY-MM-DD HH:MM:SS.SSS", UTC) and the other forms SQLite's date functions
  /// give: ISO 8601 as `FeedDate` reads it, which builds the date by arithmetic, not ICU.
  static func date(fromText text: String) -> Date? {
    FeedDate.parse(text)
  }
}
