import Dispatch
import Foundation
import NIOCore
import Synchronization

/// Fetches feeds (and articles) over HTTP(S) with AsyncHTTPClient: all URLs at once, each with a
/// time limit, a redirect limit, a body limit, and gzip/deflate decoding that stops at the same
/// limit, so a small compressed body cannot expand without bound. Every failure is one line
/// naming the URL and the reason; the other URLs still load.
public struct FeedFetcher: Sendable {
  /// A fetched body, its Content-Type and the charset that named, if any.
  public struct Body: Sendable, Hashable {
    public var bytes: [UInt8]
    public var charset: String?
    /// The whole Content-Type header: a web page and a feed are told apart by it too.
    public var contentType: String?

    public init(bytes: [UInt8], charset: String? = nil, contentType: String? = nil) {
      self.bytes = bytes
      self.charset = charset
      self.contentType = contentType
    }
  }

  public struct Limits: Sendable {
    /// The most to wait for a connection, the answer's head, or any read.
    public var timeout: TimeAmount = .seconds(15)
    /// The most a whole body may take: a server sending a byte now and then never trips the
    /// read timeout, and would otherwise hold a sync for as long as it likes.
    public var bodyDeadline: TimeAmount = .seconds(60)
    public var maximumRedirects = 5
    public var maximumBodyBytes = ArticleFile.maximumFeedSize

    public init() {}
  }

  public static let userAgent = "Herald/\(HeraldVersion.current) (terminal news reader)"

  public var limits: Limits

  public init(limits: Limits = Limits()) {
    self.limits = limits
  }

  public static func isURL(_ text: String) -> Bool {
    let lowered = text.lowercased()
    return lowered.hasPrefix("http://") || lowered.hasPrefix("https://")
  }

  /// Each URL's body, or why it could not be had, in the order given.
  public func fetch(_ urls: [String]) async -> [Result<Body, LoadError>] {
    guard !urls.isEmpty else { return [] }
    let session = FetchSession(limits: limits)
    var results = [Result<Body, LoadError>?](repeating: nil, count: urls.count)
    await withTaskGroup(of: (Int, Result<Body, LoadError>).self) { group in
      for (index, url) in urls.enumerated() {
        group.addTask {
          let outcome = await session.fetch(FetchRequest(url: url))
          return (index, outcome.asResult.mapError { LoadError(path: url, reason: $0.reason) })
        }
      }
      for await (index, result) in group { results[index] = result }
    }
    await session.shutdown()
    return results.map { $0 ?? .failure(LoadError(path: "?", reason: .network("not fetched"))) }
  }

  /// `fetch` for code that is not async (the command line, the reader's loading thread).
  public func fetchBlocking(_ urls: [String]) -> [Result<Body, LoadError>] {
    let box = Mutex<[Result<Body, LoadError>]>([])
    let done = DispatchSemaphore(value: 0)
    let fetcher = self
    Task {
      let results = await fetcher.fetch(urls)
      box.withLock { $0 = results }
      done.signal()
    }
    done.wait()
    return box.withLock { $0 }
  }

  /// A session for many conditional fetches sharing connections (at most `perHost` to one
  /// host at a time); shut it down when done.
  public func session(perHost: Int = 2) -> FetchSession {
    FetchSession(limits: limits, perHost: perHost)
  }

  /// The charset parameter of a Content-Type, e.g. `text/xml; charset="koi8-r"` → koi8-r.
  static func charset(_ contentType: String?) -> String? {
    guard let contentType else { return nil }
    for parameter in contentType.split(separator: ";").dropFirst() {
      let parts = parameter.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
      if parts.count == 2, parts[0].lowercased() == "charset" {
        return parts[1].trimmingCharacters(in: CharacterSet(charactersIn: "\"'")).nonEmpty
      }
    }
    return nil
  }
}
