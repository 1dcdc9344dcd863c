import Foundation

/// The JSON schema every Herald source is shown in by `herald show --json`:
/// `{"feed": …, "articles": [{"id", "headline", "source", "link", "author", "published",
/// "paragraphs", "quotes"}]}`. Missing values are null; dates are ISO 8601 in UTC; quote offsets
/// count Unicode scalars from the start of their paragraph.
public enum ArticleJSON {
  public static func document(feed: JSONValue = .null, articles: [Article]) -> JSONValue {
    let withFeedFields = feed != .null
    return .object([("feed", feed), ("articles", .array(articles.map { article($0, feedFields: withFeedFields) }))])
  }

  /// `{"title", "link", "description"}` of a feed.
  public static func feed(_ info: FeedInfo) -> JSONValue {
    .object([("title", .optional(info.title)), ("link", .optional(info.link)), ("description", .optional(info.description))])
  }

  /// An article; for feed items also `"updated"` and `"links"`.
  public static func article(_ article: Article, feedFields: Bool = false) -> JSONValue {
    var members: [(String, JSONValue)] = [
      ("id", .string(article.id)),
      ("headline", .string(article.headline)),
      ("source", .optional(article.source)),
      ("link", .optional(article.link)),
      ("author", .optional(article.author)),
      ("published", .optional(article.published.map(isoDate))),
      ("paragraphs", .array(article.paragraphs.map(JSONValue.string))),
      ("quotes", .array(article.quotes.map(quote))),
    ]
    if feedFields {
      members.insert(("updated", .optional(article.updated.map(isoDate))), at: 6)
      members.append(("links", .array(article.links.map(JSONValue.string))))
    }
    return .object(members)
  }

  public static func quote(_ quote: Quote) -> JSONValue {
    .object([
      ("start", position(quote.start)),
      ("end", position(quote.end)),
      ("text", .string(quote.text)),
      ("kind", .string(quote.kind.rawValue)),
      ("speaker", .optional(quote.speaker)),
      ("speaker_name", .optional(quote.speakerName)),
    ])
  }

  public static func summary(_ summary: ArticleSummary) -> JSONValue {
    .object([
      ("id", .string(summary.id)),
      ("headline", .string(summary.headline)),
      ("source", .optional(summary.source)),
      ("path", .string(summary.path)),
    ])
  }

  private static func position(_ position: TextPosition) -> JSONValue {
    .object([("paragraph", .int(position.paragraph)), ("offset", .int(position.offset))])
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
