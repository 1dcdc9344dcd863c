import CLibXML2
import Foundation

/// An article found in a web page: the same `Article` a feed or a file gives, and its body
/// alone for scripts and scoring.
public struct ExtractedArticle: Sendable, Hashable {
  /// How the text was found.
  public enum Method: String, Sendable, Hashable {
    /// The page's content, chosen by scoring its elements.
    case content
    /// The same with boilerplate names ignored: the content itself was named like boilerplate.
    case lenient
    /// The `articleBody` of the page's JSON-LD, longer than anything in the markup.
    case structuredData = "structured-data"
    /// No article: the page's main block (an index of headlines, a list of products), read as
    /// a list with its links.
    case page
  }

  public var article: Article
  /// The body only, one paragraph each: no headline, byline, captions or images.
  public var body: [String]
  public var siteName: String?
  public var language: String?
  public var method: Method
}

/// Why a page gave no article.
public enum ExtractionFailure: Error, Sendable, Hashable {
  /// The answer is not a web page (an image, a PDF, JSON).
  case notHTML(contentType: String)
  /// The page has no text at all (a script-only page, or an empty body).
  case empty
  /// The page asks for a password and shows little else.
  case loginWall
  /// Text, but no article in it: an index of links, a search page.
  case noArticle(links: Int)
}

/// Finds the article in a web page: its text as paragraphs, headline, author, date and site.
/// libxml2's HTML parser reads the page; nothing runs and nothing is fetched. See
/// `ContentChooser` for how the content is chosen and `PageHints` for the names it weighs.
public enum ArticleExtractor {
  /// Less body text than this (visible bytes) is not an article found.
  static let minimumText = 140
  /// The most of a page that is read, after its scripts and styles are cut: beyond it the tree
  /// would cost more memory than any article is worth. Of WCXB's 2,008 real pages one is 3 MB
  /// so cut and the next 0.5 MB; a 10 MB hostile page is read to its first MiB.
  static let maximumBytes = 1 << 20

  public static func extract(_ bytes: [UInt8], url: String?, contentType: String? = nil)
    -> Result<ExtractedArticle, ExtractionFailure>
  {
    if let contentType, !isHTML(contentType) { return .failure(.notHTML(contentType: contentType)) }
    // Cut before decoding: the markup that is cut is ASCII in every encoding a page declares
    // (UTF-16 pages, with NULs between, pass through whole and are cut after decoding).
    return extract(slimmed: PageSlimming.slimmed(bytes, limit: maximumBytes), url: url, contentType: contentType)
  }

  /// A saved page, mapped rather than read: only what is left once its scripts are cut is ever
  /// copied, and the mapping goes before the page is parsed, so a 10 MB page is never in memory
  /// twice, nor whole beside its tree.
  public static func extract(file path: String, url: String?) throws(LoadError) -> Result<ExtractedArticle, ExtractionFailure> {
    let fd = try ArticleFile.openForReading(path)
    defer { close(fd) }
    var info = stat()
    guard fstat(fd, &info) == 0 else { throw ArticleFile.failure(path, errno) }
    guard (info.st_mode & S_IFMT) == S_IFREG else { throw LoadError(path: path, reason: .notAnArticleFile) }
    let size = Int(info.st_size)
    guard size > 0 else { return .failure(.empty) }
    guard size <= ArticleFile.maximumFeedFileSize else { throw LoadError(path: path, reason: .tooLarge(bytes: size)) }
    guard let mapped = mmap(nil, size, PROT_READ, MAP_PRIVATE, fd, 0), mapped != MAP_FAILED else {
      throw ArticleFile.failure(path, errno)
    }
    let slimmed = PageSlimming.slimmed(
      UnsafeBufferPointer(start: mapped.assumingMemoryBound(to: UInt8.self), count: size), limit: maximumBytes)
    munmap(mapped, size)
    return extract(slimmed: slimmed, url: url, contentType: nil)
  }

  private static func extract(slimmed: [UInt8], url: String?, contentType: String?) -> Result<ExtractedArticle, ExtractionFailure> {
    let decoded = PageDecoding.utf8(slimmed, httpCharset: FeedFetcher.charset(contentType))
    let utf8 = decoded.count > maximumBytes * 2 ? PageSlimming.slimmed(decoded, limit: maximumBytes) : decoded
    guard let tree = XMLTree.page(utf8), let root = tree.root else { return .failure(.empty) }
    let base = url.flatMap { URL(string: $0) }
    var hints = PageMap.HintCache()
    let strict = PageMap(root: root, honouringNames: true, hints: &hints)
    if let depth = PageMapDebug.depth { PageMapDebug.dump(strict, depth: depth) }
    let metadata = PageMetadata(map: strict, root: root)
    var best = read(strict, base: base).map { (text: $0, method: ExtractedArticle.Method.content) }
    if (best?.text.visible ?? 0) < minimumText * 3 {
      let lenient = PageMap(root: root, honouringNames: false, hints: &hints)
      if let text = read(lenient, base: base), text.visible > (best?.text.visible ?? 0) * 2 {
        best = (text, .lenient)
      }
    }
    if let page = ContentChooser(map: strict).mainBlock(),
      (best?.text.visible ?? 0) < minimumText
        || Double(best?.text.visible ?? 0) < 0.25 * Double(strict.elements[page].text - strict.elements[page].linkText)
    {
      let text = HTMLText.read([XMLNode(strict.elements[page].pointer)], base: base, skips: ContentCleaner(map: strict, keepsLinks: true).skips)
      let body = Body(text: text, visible: visibleText(text))
      if body.visible > (best?.text.visible ?? 0) * 2 { best = (body, .page) }
    }
    if let body = metadata.articleBody {
      let paragraphs = body.split(whereSeparator: \.isNewline).compactMap { $0.collapsingWhitespace.trimmed }
      let visible = paragraphs.reduce(0) { $0 + $1.utf8.count }
      if visible > Int(Double(best?.text.visible ?? 0) * 1.5) {
        best = (Body(text: HTMLText(paragraphs: paragraphs), visible: visible), .structuredData)
      }
    }
    guard let best, best.text.visible >= minimumText else { return .failure(failure(strict)) }
    let extracted = article(best.text.text, method: best.method, metadata: metadata, url: url)
    // The text may have been the headline alone, or captions: no body, no article.
    guard !extracted.body.isEmpty else { return .failure(failure(strict)) }
    return .success(extracted)
  }

  /// Whether a Content-Type is a page worth reading (HTML, XHTML, or untyped text).
  static func isHTML(_ contentType: String) -> Bool {
    let type = contentType.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
    return type.isEmpty || type.contains("html") || type == "text/plain" || type == "application/octet-stream"
  }

  struct Body {
    var text: HTMLText
    /// Visible bytes of the body paragraphs.
    var visible: Int
  }

  private static func read(_ map: PageMap, base: URL?) -> Body? {
    guard let choice = ContentChooser(map: map).choose() else { return nil }
    let cleaner = ContentCleaner(map: map, keepsLinks: false)
    let text = HTMLText.read(choice.elements.map { XMLNode(map.elements[$0].pointer) }, base: base, skips: cleaner.skips)
    return Body(text: text, visible: visibleText(text))
  }

  private static func visibleText(_ text: HTMLText) -> Int {
    text.paragraphs.indices.filter { !text.captions.contains($0) }.reduce(0) { $0 + text.paragraphs[$1].utf8.count }
  }

  private static func failure(_ map: PageMap) -> ExtractionFailure {
    guard let root = map.elements.first, root.text > 0 else { return .empty }
    let hasPassword = map.elements.contains { element in
      element.tag == "input" && XMLNode(element.pointer).attribute("type")?.lowercased() == "password"
    }
    if hasPassword { return .loginWall }
    let links = map.elements.filter { $0.tag == "a" }.count
    return .noArticle(links: links)
  }

  private static func article(_ text: HTMLText, method: ExtractedArticle.Method, metadata: PageMetadata, url: String?)
    -> ExtractedArticle
  {
    var paragraphs = text.paragraphs.map(LinkNumbers.shown)
    let headline = VisibleText.oneLine(metadata.headline ?? "").trimmed ?? "Untitled page"
    // The headline is not the body, when the content starts with it.
    let first = paragraphs.first == headline ? 1 : 0
    paragraphs.removeFirst(first)
    let body = (first..<text.paragraphs.count).filter { !text.captions.contains($0) }
      .map { LinkNumbers.removed(text.paragraphs[$0]) }.filter { !$0.isEmpty }
    let link = metadata.canonical.flatMap { URL(string: $0, relativeTo: url.flatMap { URL(string: $0) })?.absoluteString } ?? url
    let id = ArticleID.make(for: Array("\(link ?? "")\n\(headline)\n\(body.joined(separator: "\n"))".utf8))
    var article = Article(
      id: id, headline: headline, source: metadata.siteName.map(VisibleText.oneLine), link: link,
      author: metadata.author.map(VisibleText.oneLine), published: metadata.published, paragraphs: paragraphs, path: url)
    article.links = text.links
    article.blockquotes = text.blockquotes
    return ExtractedArticle(article: article, body: body, siteName: metadata.siteName, language: metadata.language, method: method)
  }
}
