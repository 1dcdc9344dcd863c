import Foundation

/// How many of a feed's articles the library keeps: those of the last so many days, or the
/// newest so many. Only read, unstarred articles are ever pruned.
public enum Retention: Sendable, Hashable, CustomStringConvertible {
  case days(Int)
  case count(Int)

  /// `"30d"` (days) or `"500"` (a count); nil for anything else.
  public init?(_ text: String) {
    let trimmed = text.trimmingCharacters(in: .whitespaces).lowercased()
    if trimmed.hasSuffix("d"), let days = Int(trimmed.dropLast()), days > 0 {
      self = .days(days)
    } else if let count = Int(trimmed), count > 0 {
      self = .count(count)
    } else {
      return nil
    }
  }

  public var description: String {
    switch self {
    case .days(let days): return "\(days)d"
    case .count(let count): return String(count)
    }
  }
}
