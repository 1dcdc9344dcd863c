import AsyncHTTPClient
import Dispatch
import Foundation
import NIOCore
import NIOHTTP1
import Synchronization

/// Fetches feeds (and articles) over HTTP(S) with AsyncHTTPClient: all URLs at once, each with a
/// time limit, a redirect limit, a body limit, and gzip/deflate decoding that stops at the same
/// limit, so a small compressed body cannot expand without bound. Every failure is one line
/// naming the URL and the reason; the other URLs still load.
public struct FeedFetcher: Sendable {
  /// A fetched body and the charset its Content-Type named, if any.
  public struct Body: Sendable, Hashable {
    public var bytes: [UInt8]
    public var charset: String?

    public init(bytes: [UInt8], charset: String? = nil) {
      self.bytes = bytes
      self.charset = charset
    }
  }

  public struct Limits: Sendable {
    public var timeout: TimeAmount = .seconds(15)
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
    let configuration = HTTPClient.Configuration(
      redirectConfiguration: .follow(max: limits.maximumRedirects, allowCycles: false),
      timeout: .init(connect: limits.timeout, read: limits.timeout),
      decompression: .enabled(limit: .size(limits.maximumBodyBytes)))
    let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
    var results = [Result<Body, LoadError>?](repeating: nil, count: urls.count)
    await withTaskGroup(of: (Int, Result<Body, LoadError>).self) { group in
      for (index, url) in urls.enumerated() {
        group.addTask { (index, await self.fetch(url, with: client)) }
      }
      for await (index, result) in group { results[index] = result }
    }
    try? await client.shutdown()
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

  private func fetch(_ url: String, with client: HTTPClient) async -> Result<Body, LoadError> {
    var request = HTTPClientRequest(url: url)
    request.headers.add(name: "User-Agent", value: Self.userAgent)
    request.headers.add(name: "Accept-Encoding", value: "gzip, deflate")
    request.headers.add(
      name: "Accept", value: "application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, */*;q=0.8")
    do {
      let response = try await client.execute(request, timeout: limits.timeout)
      guard (200..<300).contains(response.status.code) else {
        return .failure(failure(url, "HTTP \(response.status.code) \(response.status.reasonPhrase)"))
      }
      if let length = response.headers.first(name: "Content-Length").flatMap(Int.init), length > limits.maximumBodyBytes {
        return .failure(failure(url, "the body is \(length) bytes, over the \(limits.maximumBodyBytes >> 20) MiB limit"))
      }
      let body = try await response.body.collect(upTo: limits.maximumBodyBytes)
      return .success(Body(bytes: Array(buffer: body), charset: Self.charset(response.headers.first(name: "Content-Type"))))
    } catch {
      return .failure(failure(url, reason(for: error)))
    }
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

  private func failure(_ url: String, _ reason: String) -> LoadError {
    LoadError(path: url, reason: .network(reason))
  }

  private func reason(for error: any Error) -> String {
    let seconds = limits.timeout.nanoseconds / 1_000_000_000
    if let error = error as? HTTPClientError {
      if [.connectTimeout, .readTimeout, .deadlineExceeded, .writeTimeout].contains(error) {
        return "no answer within \(seconds) s"
      }
      if error == .redirectLimitReached { return "more than \(limits.maximumRedirects) redirects" }
      if error == .redirectCycleDetected { return "redirects go round in a circle" }
      if [.invalidURL, .emptyHost, .emptyScheme].contains(error) { return "not a URL that can be fetched" }
      if error == .remoteConnectionClosed { return "the server closed the connection" }
      return "\(error)"
    }
    if error is NIOTooManyBytesError { return "the body is over the \(limits.maximumBodyBytes >> 20) MiB limit" }
    let text = "\(error)"
    if text.contains("DecompressionError") || text.contains("limit") {
      return "the compressed body expands past the \(limits.maximumBodyBytes >> 20) MiB limit"
    }
    if text.contains("connectionRefused") || text.contains("Connection refused") { return "connection refused" }
    if text.contains("NXDOMAIN") || text.contains("lookup") || text.contains("resolve") { return "cannot find the host" }
    return text
  }
}
