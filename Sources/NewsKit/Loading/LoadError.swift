/// Why a file could not be read as an article. The message names the file and what is wrong.
public struct LoadError: Error, Sendable, Hashable, CustomStringConvertible {
  public enum Reason: Sendable, Hashable {
    case empty
    case blank
    case binary
    case tooLarge(bytes: Int)
    case feedTooLarge(bytes: Int)
    case unreadable(String)
    case notFound
    case notAnArticleFile
    /// A file in a directory whose name is not valid UTF-8.
    case nameNotUTF8
    /// A feed that could not be read, and why.
    case feed(String)
    /// A feed read as far as it went (ill-formed XML, a read error, the size limit): what could
    /// be read is kept.
    case cutShort(String)
    /// A URL that could not be fetched, and why.
    case network(String)
    /// A web page in which no article was found.
    case noArticle(ExtractionFailure)
  }

  public var path: String
  public var reason: Reason

  public init(path: String, reason: Reason) {
    self.path = path
    self.reason = reason
  }

  /// Whether what was read is still usable (a warning rather than a failure).
  public var isPartial: Bool {
    if case .cutShort = reason { return true }
    return false
  }

  public var description: String { "\(path): \(reasonDescription)" }

  /// What is wrong, without the path (for a place that names the file or site already).
  public var reasonDescription: String {
    switch reason {
    case .empty: return "empty file, not an article"
    case .blank: return "blank file (only white space), not an article"
    case .binary: return "binary file (contains NUL bytes), not an article"
    case .tooLarge(let bytes):
      return "\(bytes) bytes is over the \(ArticleFile.maximumSize / (1 << 20)) MiB limit for an article"
    case .feedTooLarge(let bytes):
      return "\(bytes) bytes is over the \(ArticleFile.maximumFeedFileSize >> 20) MiB limit for a feed file"
    case .unreadable(let why): return "cannot read: \(why)"
    case .notFound: return "no such file or directory"
    case .nameNotUTF8: return "the file name is not UTF-8 (� marks the bytes); rename the file to read it"
    case .notAnArticleFile: return "not a .txt article file or a directory"
    case .feed(let why), .network(let why): return why
    case .cutShort(let why): return "\(why); read as far as it goes"
    case .noArticle(let why): return Self.describe(why)
    }
  }

  private static func describe(_ failure: ExtractionFailure) -> String {
    switch failure {
    case .notHTML(let type): return "not a web page (the server says \(type))"
    case .empty: return "the page has no text (it may need JavaScript to show any)"
    case .loginWall: return "the page asks for a login and shows no article"
    case .noArticle(let links): return "no article found on the page (\(links) links and too little text)"
    }
  }
}
