import Foundation

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

  /// Year, month and day of a moment at a UTC offset (days-from-civil inverted, after Howard
  /// Hinnant's public-domain algorithm).
  static func civilDay(_ date: Date, _ utcOffset: Int) -> (year: Int, month: Int, day: Int) {
    let seconds = Int(date.timeIntervalSince1970.rounded(.down)) + utcOffset
    let days = Int((Double(seconds) / 86_400).rounded(.down)) + 719_468
    let era = (days >= 0 ? days : days - 146_096) / 146_097
    let dayOfEra = days - era * 146_097
    let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
    let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
    let monthIndex = (5 * dayOfYear + 2) / 153
    let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
    let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
    return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
  }
}
