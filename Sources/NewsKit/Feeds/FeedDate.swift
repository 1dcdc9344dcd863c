import Foundation

/// Reads the dates feeds carry. RFC 822 as real feeds write it (weekday or none, two- or
/// four-digit years, seconds or none, full or short month names, named, numeric and military
/// zones, no zone meaning UTC) and ISO 8601 / RFC 3339 (date only, `T` or a space, fractions,
/// `Z` or an offset with or without a colon, the basic form without separators). Anything else
/// is nil: never a crash, never "now".
public enum FeedDate {
  public static func parse(_ text: String) -> Date? {
    let trimmed = text.trimmed ?? ""
    guard !trimmed.isEmpty, trimmed.utf8.count < 80 || trimmed.count < 80 else { return nil }
    if let first = trimmed.unicodeScalars.first,
      first.isASCII ? (0x30...0x39).contains(first.value) : CharacterSet.decimalDigits.contains(first),
      let date = iso8601(trimmed)
    {
      return date
    }
    return rfc822(trimmed)
  }

  // MARK: RFC 822

  private static let months: [String: Int] = [
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "oct": 10, "nov": 11, "dec": 12,
  ]

  /// Zones by name, in minutes east of UTC.
  private static let zones: [String: Int] = [
    "UT": 0, "UTC": 0, "GMT": 0, "Z": 0, "EST": -300, "EDT": -240, "CST": -360, "CDT": -300, "MST": -420,
    "MDT": -360, "PST": -480, "PDT": -420, "AKST": -540, "AKDT": -480, "HST": -600, "BST": 60, "IST": 330,
    "CET": 60, "CEST": 120, "EET": 120, "EEST": 180, "WET": 0, "WEST": 60, "MSK": 180, "JST": 540, "KST": 540,
    "AEST": 600, "AEDT": 660, "NZST": 720, "NZDT": 780,
  ]

  static func rfc822(_ text: String) -> Date? {
    // Commas and runs of spaces vary; split into words.
    // Split on UTF-8 bytes: Foundation's replacingOccurrences bridges to NSString (a fifth of
    // the time of listing a large feed), and building words scalar by scalar was most of the rest.
    var words = Self.words(of: text)
    // A leading word that is not a month is a weekday ("Tue", "Tuesday"): it carries nothing.
    if let first = words.first, first.first?.isLetter == true, monthNumber(first) == nil {
      words.removeFirst()
    }
    guard words.count >= 3 else { return nil }
    // Day and month in either order ("24 Nov 2026" or "Nov 24 2026").
    let day: Int
    let month: Int
    if let number = Int(words[0]), let named = monthNumber(words[1]) {
      day = number
      month = named
    } else if let named = monthNumber(words[0]), let number = Int(words[1]) {
      day = number
      month = named
    } else {
      return nil
    }
    guard var year = Int(words[2]) else { return nil }
    if words[2].count == 2 { year += year < 50 ? 2000 : 1900 } else if words[2].count == 3 { year += 1900 }
    var hour = 0
    var minute = 0
    var second = 0
    var offset = 0
    var rest = words.dropFirst(3)
    if let time = rest.first, time.containsBytes(":") {
      let parts = time.utf8.split(separator: UInt8(ascii: ":")).map { Int(Substring($0)) }
      guard parts.count >= 2, parts.count <= 3, parts.allSatisfy({ $0 != nil }) else { return nil }
      hour = parts[0]!
      minute = parts[1]!
      second = parts.count == 3 ? parts[2]! : 0
      rest = rest.dropFirst()
    }
    if let zone = rest.first {
      guard let minutes = zoneOffset(zone) else { return nil }
      offset = minutes
    }
    return makeDate(year: year, month: month, day: day, hour: hour, minute: minute, second: second, nanosecond: 0, offset: offset)
  }

  /// The runs between commas and white space.
  private static func words(of text: String) -> [String] {
    var text = text
    return text.withUTF8 { bytes in
      var words: [String] = []
      var start: Int?
      var index = 0
      while index < bytes.count {
        let separator = bytes[index] == UInt8(ascii: ",") ? 1 : UTF8Whitespace.length(bytes, at: index)
        guard separator > 0 else {
          if start == nil { start = index }
          index += 1
          continue
        }
        if let begun = start { words.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[begun..<index]), as: UTF8.self)) }
        start = nil
        index += separator
      }
      if let begun = start { words.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[begun...]), as: UTF8.self)) }
      return words
    }
  }

  private static func monthNumber(_ word: String) -> Int? {
    var lowered = word.lowercased()
    while lowered.hasSuffix(".") { lowered.removeLast() }
    if let month = months[lowered] { return month }
    guard lowered.count >= 3 else { return nil }
    let full = [
      "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
      "december",
    ]
    return full.firstIndex { $0.hasPrefix(lowered) }.map { $0 + 1 }
  }

  /// "+0100", "-05:00", "+01", "GMT", "EST", or a military letter (RFC 822: A–I and K–M are −1
  /// to −12 hours, N–Y +1 to +12, Z zero). "GMT+1" style is read too.
  static func zoneOffset(_ word: String) -> Int? {
    var zone = word.uppercased()
    if zone.hasPrefix("(") { return 0 }
    if let named = zones[zone] { return named }
    for prefix in ["GMT", "UTC", "UT"] where zone.hasPrefix(prefix) && zone.count > prefix.count {
      zone = String(zone.dropFirst(prefix.count))
      break
    }
    if zone.count == 1, let letter = zone.unicodeScalars.first, ("A"..."Z").contains(letter), letter != "J" {
      let value = Int(letter.value)
      switch letter {
      case "A"..."I": return -(value - 64) * 60
      case "K"..."M": return -(value - 65) * 60
      case "N"..."Y": return (value - 77) * 60
      default: return 0
      }
    }
    guard let sign = zone.first, sign == "+" || sign == "-" else { return nil }
    let digits = String(zone.dropFirst().filter { $0 != ":" })
    guard digits.allSatisfy(\.isNumber), let number = Int(digits) else { return nil }
    let minutes: Int
    switch digits.count {
    case 1, 2: minutes = number * 60
    case 3, 4: minutes = (number / 100) * 60 + number % 100
    default: return nil
    }
    guard minutes <= 18 * 60 else { return nil }
    return sign == "-" ? -minutes : minutes
  }

  // MARK: ISO 8601

  static func iso8601(_ text: String) -> Date? {
    let scalars = Array(text.unicodeScalars)
    var index = 0
    func number(_ length: Int) -> Int? {
      guard index + length <= scalars.count else { return nil }
      var value = 0
      for scalar in scalars[index..<(index + length)] {
        guard let digit = Int(String(scalar)), CharacterSet.decimalDigits.contains(scalar) else { return nil }
        value = value * 10 + digit
      }
      index += length
      return value
    }
    func skip(_ scalar: Unicode.Scalar) -> Bool {
      if index < scalars.count && scalars[index] == scalar {
        index += 1
        return true
      }
      return false
    }
    guard let year = number(4) else { return nil }
    let extended = skip("-")
    guard let month = number(2) else { return nil }
    if extended && !skip("-") { return nil }
    guard let day = number(2) else { return nil }
    var hour = 0
    var minute = 0
    var second = 0
    var nanosecond = 0
    var offset = 0
    if index < scalars.count, ["T", "t", " "].contains(scalars[index]) {
      index += 1
      guard let parsedHour = number(2) else { return nil }
      hour = parsedHour
      let separated = skip(":")
      guard let parsedMinute = number(2) else { return nil }
      minute = parsedMinute
      if separated ? skip(":") : (index < scalars.count && CharacterSet.decimalDigits.contains(scalars[index])) {
        guard let parsedSecond = number(2) else { return nil }
        second = parsedSecond
        if skip(".") || skip(",") {
          var fraction = ""
          while index < scalars.count, CharacterSet.decimalDigits.contains(scalars[index]) {
            fraction.unicodeScalars.append(scalars[index])
            index += 1
          }
          // ISO 8601 wants a digit after the decimal sign: "13." is not a time.
          guard !fraction.isEmpty else { return nil }
          nanosecond = Int((fraction + "000000000").prefix(9)) ?? 0
        }
      }
      _ = skip(" ")
      if index < scalars.count {
        var zone = ""
        zone.unicodeScalars.append(contentsOf: scalars[index...])
        guard let minutes = zone == "Z" || zone == "z" ? 0 : zoneOffset(zone) else { return nil }
        offset = minutes
        index = scalars.count
      }
    }
    guard index == scalars.count else { return nil }
    return makeDate(
      year: year, month: month, day: day, hour: hour, minute: minute, second: second, nanosecond: nanosecond,
      offset: offset)
  }

  // MARK: Building the date

  private static let utc: Calendar = {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(secondsFromGMT: 0)!
    return calendar
  }()

  private static func makeDate(
    year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int, nanosecond: Int, offset: Int
  ) -> Date? {
    guard (1...9999).contains(year), (1...12).contains(month), (1...31).contains(day), (0...24).contains(hour),
      (0...59).contains(minute), (0...60).contains(second)
    else { return nil }
    let local: Date
    if year >= 1583 {
      // By arithmetic (`CivilDate`): the calendar was ICU's, for every item of every feed.
      guard day <= CivilDate.daysInMonth(year: year, month: month) || hour == 24 else { return nil }
      let days = CivilDate.days(year: year, month: month, day: day)
      local = Date(timeIntervalSince1970: Double(days * 86_400 + hour * 3_600 + minute * 60 + min(second, 59)))
    } else {
      // Foundation's Gregorian calendar is Julian before the reform; it stays the judge there.
      let components = DateComponents(year: year, month: month, day: day, hour: hour, minute: minute, second: min(second, 59))
      guard let date = utc.date(from: components), utc.component(.day, from: date) == day || hour == 24 else { return nil }
      local = date
    }
    return local.addingTimeInterval(TimeInterval(-offset * 60) + Double(nanosecond) / 1e9)
  }
}
