import Foundation

/// What a page says about itself, outside its text: JSON-LD (`NewsArticle` and its kin),
/// OpenGraph and the other `<meta>` conventions, `<link rel="canonical">`, `<time>` and
/// `<title>`. Structured data comes first, as it is written for machines; `<title>` last, as it
/// usually carries the site's name.
struct PageMetadata {
  var headline: String?
  var author: String?
  var published: Date?
  var siteName: String?
  var canonical: String?
  var language: String?
  /// `articleBody` of the page's JSON-LD article: the text when the markup hides it.
  var articleBody: String?
  var title: String?

  init(map: PageMap, root: XMLNode) {
    var linked = LinkedData()
    var meta: [String: String] = [:]
    var firstTime: String?
    for pointer in map.metadataNodes {
      let node = XMLNode(pointer)
      switch node.name.lowercased() {
      case "script": linked.read(node.allText)
      case "title": if title == nil { title = VisibleText.oneLine(node.allText).trimmed }
      case "time":
        if firstTime == nil { firstTime = node.attribute("datetime") }
      case "link":
        if node.attribute("rel")?.lowercased() == "canonical", let href = node.attribute("href") { canonical = href }
      default:
        let key = (node.attribute("property") ?? node.attribute("name") ?? node.attribute("itemprop"))?.lowercased()
        if let key, let content = node.attribute("content")?.trimmed, meta[key] == nil { meta[key] = content }
      }
    }
    language = root.attribute("lang")
    let firstHeading = map.elements.first { $0.tag == "h1" && !$0.gone && $0.text > 0 }
      .flatMap { VisibleText.oneLine(XMLNode($0.pointer).allText).trimmed }
    let headlineKeys = ["og:title", "twitter:title", "headline"]
    headline = linked.headline ?? headlineKeys.lazy.compactMap { meta[$0] }.first ?? firstHeading ?? title
    let authorKeys = ["author", "article:author", "parsely-author", "sailthru.author", "dc.creator"]
    author = linked.author ?? authorKeys.lazy.compactMap { meta[$0].flatMap(Self.personName) }.first
    let dateKeys = [
      "article:published_time", "datepublished", "og:published_time", "pubdate", "publishdate", "date", "dc.date",
      "parsely-pub-date", "sailthru.date",
    ]
    let date: String? = linked.published ?? dateKeys.lazy.compactMap { meta[$0] }.first ?? firstTime
    published = date.flatMap(FeedDate.parse)
    siteName = meta["og:site_name"] ?? linked.publisher
    canonical = canonical ?? meta["og:url"]
    articleBody = linked.articleBody
  }

  /// An author `<meta>` that is a profile's URL names nobody.
  private static func personName(_ value: String) -> String? {
    FeedFetcher.isURL(value) ? nil : value
  }
}

/// The article a page describes in JSON-LD: the first object whose `@type` is an article kind,
/// looked for through arrays and `@graph`.
struct LinkedData {
  static let articleTypes: Set<String> = [
    "article", "newsarticle", "blogposting", "reportagenewsarticle", "analysisnewsarticle", "opinionnewsarticle",
    "reviewnewsarticle", "backgroundnewsarticle", "techarticle", "scholarlyarticle", "report", "liveblogposting",
    "socialmediaposting", "posting", "review", "webpage", "howto", "recipe",
  ]

  var headline: String?
  var author: String?
  var published: String?
  var publisher: String?
  var articleBody: String?
  /// A `WebPage` is taken only when no article kind is found.
  private var foundArticle = false

  mutating func read(_ json: String) {
    guard let data = json.data(using: .utf8),
      let value = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
    else { return }
    visit(value, depth: 0)
  }

  private mutating func visit(_ value: Any, depth: Int) {
    guard depth < 8 else { return }
    if let array = value as? [Any] {
      for item in array { visit(item, depth: depth + 1) }
      return
    }
    guard let object = value as? [String: Any] else { return }
    if let graph = object["@graph"] { visit(graph, depth: depth + 1) }
    let types = Self.strings(object["@type"]).map { $0.lowercased() }
    guard let kind = types.first(where: Self.articleTypes.contains) else { return }
    let isArticle = kind != "webpage"
    guard isArticle || !foundArticle else { return }
    if isArticle && !foundArticle {
      foundArticle = true
      headline = nil
      author = nil
      published = nil
      articleBody = nil
    }
    headline = headline ?? Self.strings(object["headline"]).first ?? Self.strings(object["name"]).first
    author = author ?? Self.names(object["author"])
    published = published ?? Self.strings(object["datePublished"]).first ?? Self.strings(object["dateCreated"]).first
    publisher = publisher ?? Self.names(object["publisher"])
    if let body = Self.strings(object["articleBody"]).first ?? Self.strings(object["text"]).first, body.count > 200 {
      articleBody = articleBody ?? body
    }
  }

  private static func strings(_ value: Any?) -> [String] {
    if let string = value as? String { return [string.trimmingCharacters(in: .whitespacesAndNewlines)].filter { !$0.isEmpty } }
    if let array = value as? [Any] { return array.flatMap { strings($0) } }
    return []
  }

  /// The names of a person or organisation value (a string, an object with `name`, or a list).
  private static func names(_ value: Any?) -> String? {
    var found: [String] = []
    func collect(_ item: Any?) {
      if let string = item as? String, !FeedFetcher.isURL(string) { found.append(string) }
      if let object = item as? [String: Any] { found += strings(object["name"]) }
      if let array = item as? [Any] { array.prefix(10).forEach(collect) }
    }
    collect(value)
    let names = found.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
    return names.isEmpty ? nil : names.joined(separator: ", ")
  }
}
