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

  init(names: String, role: String?) {
    let lowered = names.lowercased()
    if let role, Self.boilerplateRoles.contains(role.lowercased()) { strong = true }
    guard !lowered.isEmpty else { return }
    for token in lowered.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }) where !Self.isUtility(token) {
      if Self.bodyNames.contains(String(token)) { body = true }
      if !strong, Self.isStrong(token) { strong = true }
      for part in token.split(whereSeparator: { $0 == "-" || $0 == "_" || $0 == ":" || $0 == "." }) {
        let word = String(part)
        if Self.weakParts.contains(word) { weak = true }
        if Self.positiveParts.contains(word) { positive = true }
      }
    }
  }

  /// A utility class of a CSS framework (`xl:hidden`, `[--sidebar-width:18rem]`) says how the
  /// element looks at some screen size, not what it is.
  private static func isUtility(_ token: Substring) -> Bool {
    token.contains(":") || token.contains("[") || token.contains("(")
  }

  /// A name's state words (`comments-open`, `has-sidebar`) describe the page, not the element.
  private static func isStrong(_ token: Substring) -> Bool {
    guard strongStems.contains(where: { token.contains($0) }) else { return false }
    if token.hasPrefix("has-") || token.hasPrefix("no-") || token.hasPrefix("with-") { return false }
    if token.hasSuffix("-open") || token.hasSuffix("-closed") || token.hasSuffix("-enabled")
      || token.hasSuffix("-count")
    {
      return false
    }
    return !token.contains("commentary")
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
