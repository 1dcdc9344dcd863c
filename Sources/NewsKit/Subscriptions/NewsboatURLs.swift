import Foundation

/// newsboat's `urls` file: one feed per line, its URL then its tags, separated by spaces, a tag
/// with spaces in double quotes; a tag starting with `~` is the feed's title instead; `#`
/// starts a comment line. Lines newsboat runs or computes (`exec:`, `filter:`, `query:`) are
/// not feeds Herald can fetch, and are reported as skipped.
enum NewsboatURLs {
  static func parse(_ text: String) -> SubscriptionList.Parsed {
    var parsed = SubscriptionList.Parsed()
    for (number, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
      let line = rawLine.trimmingCharacters(in: .whitespacesAndNewlines)
      if line.isEmpty || line.hasPrefix("#") { continue }
      let words = split(line)
      guard let location = words.first else { continue }
      let lowered = location.lowercased()
      guard FeedFetcher.isURL(location) || lowered.hasPrefix("file://") || location.hasPrefix("/") else {
        parsed.skipped.append("line \(number + 1): \(location.prefix(60)): not a feed Herald can fetch")
        continue
      }
      var entry = SubscriptionEntry(location: location)
      for word in words.dropFirst() {
        if word.hasPrefix("~") {
          entry.titleOverride = String(word.dropFirst()).nonEmpty
        } else if !word.isEmpty, !entry.tags.contains(word) {
          entry.tags.append(word)
        }
      }
      parsed.entries.append(entry)
    }
    return parsed
  }

  /// Splits on spaces, keeping "quoted words" (quotes removed) together.
  private static func split(_ line: String) -> [String] {
    var words: [String] = []
    var current = ""
    var quoted = false
    for character in line {
      if character == "\"" {
        quoted.toggle()
      } else if character == " " || character == "\t", !quoted {
        if !current.isEmpty { words.append(current) }
        current = ""
      } else {
        current.append(character)
      }
    }
    if !current.isEmpty { words.append(current) }
    return words
  }
}
