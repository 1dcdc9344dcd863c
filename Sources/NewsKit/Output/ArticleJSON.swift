import Foundation

/// The JSON schema every Herald source is shown in by `herald show --json`:
/// `{"feed": …, "articles": [{"id", "headline", "source", "link", "author", "published",
/// "paragraphs", "quotes"}]}`. Missing values are null; dates are ISO 8601 in UTC; quote offsets
/// count Unicode scalars from the start of their paragraph.
public enum ArticleJSON {
  /// `{"title", "link", "description"}` of a feed.
  public static func feed(_ info: FeedInfo) -> JSONValue {
    .object([("title", .optional(info.title)), ("link", .optional(info.link)), ("description", .optional(info.description))])
  }

  /// An article; for feed items also `"updated"` and `"links"`.
  public static func write(_ article: Article, feedFields: Bool = false, into stream: inout JSONStream) {
    stream.beginObject()
    stream.key("id")
    stream.string(article.id)
    stream.key("headline")
    stream.string(article.headline)
    stream.key("source")
    stream.optional(article.source)
    stream.key("link")
    stream.optional(article.link)
    stream.key("author")
    stream.optional(article.author)
    stream.key("published")
    stream.optional(article.published.map(isoDate))
    if feedFields {
      stream.key("updated")
      stream.optional(article.updated.map(isoDate))
    }
    stream.key("paragraphs")
    stream.strings(article.paragraphs)
    stream.key("quotes")
    stream.beginArray()
    for quote in article.quotes {
      stream.beginObject()
      writeMembers(of: quote, into: &stream)
      stream.endObject()
    }
    stream.endArray()
    if feedFields {
      stream.key("links")
      stream.strings(article.links)
    }
    stream.endObject()
  }

  /// A quote's members, into an object the caller opened (`herald quotes --json` puts its
  /// article first).
  public static func writeMembers(of quote: Quote, into stream: inout JSONStream) {
    for (name, position) in [("start", quote.start), ("end", quote.end)] {
      stream.key(name)
      stream.beginObject()
      stream.key("paragraph")
      stream.int(position.paragraph)
      stream.key("offset")
      stream.int(position.offset)
      stream.endObject()
    }
    stream.key("text")
    stream.string(quote.text)
    stream.key("kind")
    stream.string(quote.kind.rawValue)
    stream.key("speaker")
    stream.optional(quote.speaker)
    stream.key("speaker_name")
    stream.optional(quote.speakerName)
  }

  public static func summary(_ summary: ArticleSummary) -> JSONValue {
    .object([
      ("id", .string(summary.id)),
      ("headline", .string(summary.headline)),
      ("source", .optional(summary.source)),
      ("path", .string(summary.path)),
    ])
  }

  /// ISO 8601 in UTC with whole seconds, e.g. 2026-11-24T12:00:00Z. Computed by hand (the
  /// civil calendar from a day count): Foundation's format style cost a fifth of listing
  /// 100,000 articles. Years outside 1583–9999 go to Foundation (which is Julian before the
  /// Gregorian reform, and has its own rules past 9999).
  public static func isoDate(_ date: Date) -> String {
    let seconds = date.timeIntervalSince1970.rounded(.down)
    guard seconds.isFinite, abs(seconds) < 253_402_300_800 else { return foundationDate(date) }
    let total = Int64(seconds)
    let days = total >= 0 ? total / 86_400 : (total - 86_399) / 86_400
    let secondOfDay = Int(total - days * 86_400)
    let (year, month, day) = CivilDate.date(days: Int(days))
    guard (1583...9999).contains(year) else { return foundationDate(date) }
    func two(_ value: Int) -> String { value < 10 ? "0\(value)" : String(value) }
    let paddedYear = String(repeating: "0", count: 4 - String(year).count) + String(year)
    return "\(paddedYear)-\(two(month))-\(two(day))T\(two(secondOfDay / 3600)):\(two(secondOfDay / 60 % 60)):\(two(secondOfDay % 60))Z"
  }

  static func foundationDate(_ date: Date) -> String {
    date.formatted(.iso8601.year().month().day().dateSeparator(.dash).time(includingFractionalSeconds: false).timeSeparator(.colon).timeZone(separator: .omitted))
  }
}
