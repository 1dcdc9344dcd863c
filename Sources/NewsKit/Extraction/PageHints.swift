/// What an element's class, id and role say about it, in the words sites use. A page names its
/// parts for its own styling, so these are hints, weighed with the text they hold, never rules
/// on their own: an element is taken for boilerplate by its name only when the name says so
/// strongly, or weakly with nothing positive beside it.
struct PageHints {
  /// Strongly not the article: comments, share bars, related stories, sign-up boxes, cookie
  /// banners. A name containing one wins over a positive word (`post-share`, `related-posts`).
  static let strongStems = [
    "comment", "disqus", "share", "sharing", "social", "related", "recommend", "recirc", "newsletter",
    "subscri", "signup", "sign-up", "cookie", "consent", "gdpr", "breadcrumb", "pagination", "sidebar",
    "outbrain", "taboola", "trending", "popular", "mostread", "most-read", "more-stories", "read-more",
    "readmore", "advert", "sponsor", "promo", "paywall", "popup", "modal", "masthead", "navbar", "navigation",
    "skip-link", "skiplink", "author-bio", "authorbio", "about-author", "follow-us", "tagcloud", "post-tags",
    "entry-tags", "article-tags", "post-meta", "entry-meta", "byline", "dateline", "toolbar", "jump-link",
    "table-of-contents", "breaking-news", "ticker", "you-may", "also-like", "further-reading", "nextprev",
    "next-prev", "post-nav", "post-navigation",
  ]
  /// Whole parts of a name (split at `-`, `_`, spaces and case changes) that mean boilerplate
  /// when nothing positive is beside them; too short to be matched inside other words.
  static let weakParts: Set<String> = [
    "ad", "ads", "adv", "nav", "menu", "footer", "foot", "tags", "tag", "meta", "banner", "widget", "print",
    "rss", "skip", "toc", "extra", "aside", "share", "author", "date", "caption", "credit", "login",
    "search", "masthead", "topbar", "bottom", "links", "teaser", "cta", "alert",
  ]
  /// Parts of a name that mean the page's content.
  static let positiveParts: Set<String> = [
    "article", "content", "entry", "post", "story", "body", "text", "main", "prose", "blog", "markdown",
    "richtext", "rich", "page", "column", "single", "hentry", "detail", "copy",
  ]
  /// Names that are, all but always, the body of the article itself.
  static let bodyNames: Set<String> = [
    "entry-content", "article-content", "article-body", "articlebody", "article__body", "article__content",
    "post-content", "post-body", "postbody", "post_content", "entry_content", "story-body", "storybody",
    "story-content", "article-text", "articletext", "body-text", "bodytext", "post-entry", "the-content",
    "td-post-content", "content-body", "article_body", "story__body", "rich-text", "richtext", "post-text",
    "single-content", "blog-content", "news-content", "article-main", "entry-body", "field-body",
    "node-content", "main-content", "c-entry-content", "page-content", "markdown-body", "prose",
  ]
  /// ARIA roles that are never the article.
  static let boilerplateRoles: Set<String> = [
    "navigation", "banner", "contentinfo", "complementary", "dialog", "alertdialog", "search", "menu",
    "menubar", "toolbar", "tablist", "alert",
  ]

  var strong = false
  var weak = false
  var positive = false
  var body = false

  /// What one class or id token says; pages repeat their tokens, so each is judged once
  /// per page (`cache`).
  struct Token {
    var strong = false
    var weak = false
    var positive = false
    var body = false
  }

  init(names: String, role: String?, cache: inout [Substring: Token]) {
    if let role, Self.boilerplateRoles.contains(role.lowercased()) { strong = true }
    guard !names.isEmpty else { return }
    for token in names.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }) {
      let judged: Token
      if let known = cache[token] {
        judged = known
      } else {
        judged = Self.judge(token)
        cache[token] = judged
      }
      strong = strong || judged.strong
      weak = weak || judged.weak
      positive = positive || judged.positive
      body = body || judged.body
    }
  }

  private static func judge(_ original: Substring) -> Token {
    var judged = Token()
    guard !isUtility(original) else { return judged }
    let token = Substring(original.lowercased())
    judged.body = bodyNames.contains(String(token))
    judged.strong = isStrong(token)
    for part in token.split(whereSeparator: { $0 == "-" || $0 == "_" || $0 == ":" || $0 == "." }) {
      let word = String(part)
      if weakParts.contains(word) { judged.weak = true }
      if positiveParts.contains(word) { judged.positive = true }
    }
    return judged
  }

  /// The strong stems by their first byte: a token is searched for only the stems that can
  /// start at each of its bytes.
  private static let strongStemsByFirstByte: [[[UInt8]]] = {
    var table = [[[UInt8]]](repeating: [], count: 256)
    for stem in strongStems { table[Int(stem.utf8.first!)].append(Array(stem.utf8)) }
    return table
  }()

  private static func containsStrongStem(_ bytes: [UInt8]) -> Bool {
    for start in bytes.indices {
      for stem in strongStemsByFirstByte[Int(bytes[start])] where stem.count <= bytes.count - start {
        var offset = 1
        while offset < stem.count && bytes[start + offset] == stem[offset] { offset += 1 }
        if offset == stem.count { return true }
      }
    }
    return false
  }

  /// Whether `needle` occurs in `haystack`, byte for byte (`String.contains` goes through
  /// Foundation and cost four tenths of extraction).
  private static func contains(_ needle: [UInt8], in haystack: [UInt8]) -> Bool {
    guard needle.count <= haystack.count else { return false }
    for start in 0...(haystack.count - needle.count) where haystack[start] == needle[0] {
      var offset = 1
      while offset < needle.count && haystack[start + offset] == needle[offset] { offset += 1 }
      if offset == needle.count { return true }
    }
    return false
  }

  /// A utility class of a CSS framework (`xl:hidden`, `[--sidebar-width:18rem]`) says how the
  /// element looks at some screen size, not what it is.
  private static func isUtility(_ token: Substring) -> Bool {
    token.utf8.contains { $0 == UInt8(ascii: ":") || $0 == UInt8(ascii: "[") || $0 == UInt8(ascii: "(") }
  }

  /// A name's state words (`comments-open`, `has-sidebar`) describe the page, not the element.
  private static func isStrong(_ token: Substring) -> Bool {
    let bytes = Array(token.utf8)
    guard containsStrongStem(bytes) else { return false }
    if token.hasPrefix("has-") || token.hasPrefix("no-") || token.hasPrefix("with-") { return false }
    if token.hasSuffix("-open") || token.hasSuffix("-closed") || token.hasSuffix("-enabled")
      || token.hasSuffix("-count")
    {
      return false
    }
    return !contains(Array("commentary".utf8), in: bytes)
  }

  /// Boilerplate by its name: strongly said, or weakly with nothing positive beside it.
  var isBoilerplate: Bool { !body && (strong || (weak && !positive)) }

  /// The class weight of candidate scoring: how much the name alone argues for the element.
  var weight: Int {
    var total = 0
    if body { total += 40 } else if positive { total += 20 }
    if strong { total -= 30 } else if weak { total -= 15 }
    return total
  }
}
