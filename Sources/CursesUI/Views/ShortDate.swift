import Foundation
import NewsKit

#if canImport(Glibc)
  import Glibc
#endif

/// A story's day in six columns for the headline list: "Nov 30" this year, "  2024" before.
/// Worked out with integer arithmetic (no formatter, no calendar): the list draws every
/// visible row each frame, and a frame must cost well under a millisecond.
enum ShortDate {
  private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

  static func text(_ date: Date, now: Date, utcOffset: (Date) -> Int = localUTCOffset) -> String {
    let day = civilDay(date, utcOffset(date))
    guard day.year == civilDay(now, utcOffset(now)).year else { return "  \(day.year)" }
    let dayText = day.day < 10 ? " \(day.day)" : "\(day.day)"
    return "\(months[day.month - 1]) \(dayText)"
  }

  /// Seconds east of UTC in the local time zone at that moment, from the C library.
  /// Foundation's `TimeZone.current` answers through ICU, whose time-zone tables cost the
  /// reader megabytes of resident memory for one number per date.
  static func localUTCOffset(_ date: Date) -> Int {
    #if canImport(Glibc)
      var seconds = time_t(date.timeIntervalSince1970.rounded(.down))
      var parts = tm()
      guard localtime_r(&seconds, &parts) != nil else { return 0 }
      return parts.tm_gmtoff
    #else
      return TimeZone.current.secondsFromGMT(for: date)
    #endif
  }

  /// Year, month and day of a moment at a UTC offset.
  static func civilDay(_ date: Date, _ utcOffset: Int) -> (year: Int, month: Int, day: Int) {
    let seconds = Int(date.timeIntervalSince1970.rounded(.down)) + utcOffset
    return CivilDate.date(days: Int((Double(seconds) / 86_400).rounded(.down)))
  }
}
