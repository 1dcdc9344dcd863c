import NewsKit

/// The story's links: `o` opens one in the browser, `y` copies it; a count picks a numbered
/// link (`3o` opens [3]), none the story's own link. Only web and mail addresses leave Herald:
/// a feed decides what its links say, and a `file:` or `javascript:` one is refused.
extension ReaderState {
  mutating func takeCount() -> Int? {
    defer { count = nil }
    return count
  }

  mutating func openLink(number: Int?) -> [ReaderEffect] {
    guard let link = chosenLink(number: number) else { return [] }
    notice = "opening \(link)"
    return [.openURL(link)]
  }

  mutating func copyLink(number: Int?) -> [ReaderEffect] {
    guard let link = chosenLink(number: number) else { return [] }
    notice = "copied \(link)"
    return [.copyToClipboard(link)]
  }

  /// The link a count names (or the story's own), or nil with a notice saying why.
  private mutating func chosenLink(number: Int?) -> String? {
    guard let article = reading?.article else {
      notice = "open a story first"
      return nil
    }
    let link: String?
    if let number {
      guard article.links.indices.contains(number - 1) else {
        notice = article.links.isEmpty ? "this story has no numbered links" : "no link [\(number)]: this story has \(article.links.count)"
        return nil
      }
      link = article.links[number - 1]
    } else {
      link = article.link ?? article.links.first
    }
    guard let link else {
      notice = "this story has no link"
      return nil
    }
    guard Self.isWebAddress(link) else {
      notice = "not opening \(link): only http, https and mailto links are opened"
      return nil
    }
    return link
  }

  static func isWebAddress(_ link: String) -> Bool {
    let lowered = link.lowercased()
    let allowed = lowered.hasPrefix("http://") || lowered.hasPrefix("https://") || lowered.hasPrefix("mailto:")
    return allowed && !link.unicodeScalars.contains { $0.value < 0x21 || (0x7F...0x9F).contains($0.value) }
  }
}
