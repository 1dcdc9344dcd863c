import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

/// One HTTP client shared by many fetches: connections are reused and at most `perHost` go to
/// one host at a time, so a sync of many feeds on one server does not hammer it. Redirects are
/// followed here rather than by the client, because a sync must know whether every hop was
/// permanent (301/308) to update the stored URL.
public final class FetchSession: Sendable {
  private let client: HTTPClient
  private let limits: FeedFetcher.Limits

  init(limits: FeedFetcher.Limits, perHost: Int = 8) {
    self.limits = limits
    var configuration = HTTPClient.Configuration(
      redirectConfiguration: .disallow,
      timeout: .init(connect: limits.timeout, read: limits.timeout),
      decompression: .enabled(limit: .size(limits.maximumBodyBytes)))
    configuration.connectionPool = .init(idleTimeout: .seconds(60), concurrentHTTP1ConnectionsPerHostSoftLimit: perHost)
    // A connection that cannot be made fails its feeds at once. AsyncHTTPClient's default is
    // to try again with backoff until the connect timeout, so a server that refuses
    // connections held each of its feeds 15 s (10 feeds on a stopped host: 45 s) for an
    // answer that was known at the first attempt; the next sync tries again anyway.
    configuration.connectionPool.retryConnectionEstablishment = false
    client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
  }

  public func shutdown() async {
    try? await client.shutdown()
  }

  /// Fetches one feed, conditionally when the request has validators. Never throws: every
  /// failure is an outcome naming the URL and the reason in one line.
  public func fetch(_ request: FetchRequest, now: Date = Date()) async -> FetchOutcome {
    var url = request.url
    var visited: Set<String> = [url]
    var permanent = true
    for _ in 0...limits.maximumRedirects {
      let response: HTTPClientResponse
      do {
        response = try await client.execute(self.request(url, validators: request), timeout: limits.timeout)
      } catch {
        return .failed(failure(request.url, reason(for: error)))
      }
      let status = response.status.code
      let movedTo = permanent && url != request.url ? url : nil
      if !(200..<300).contains(status) { await discardBody(of: response) }
      switch status {
      case 301, 302, 303, 307, 308:
        guard let location = response.headers.first(name: "Location"),
          let next = URL(string: location, relativeTo: URL(string: url))?.absoluteString
        else { return .failed(failure(request.url, "HTTP \(status) without a Location to go to")) }
        if visited.contains(next) { return .failed(failure(request.url, "redirects go round in a circle")) }
        visited.insert(next)
        permanent = permanent && (status == 301 || status == 308)
        url = next
        continue
      case 304:
        return .notModified(movedTo: movedTo)
      case 410:
        return .gone
      case 429, 503:
        let until = FetchOutcome.retryDate(response.headers.first(name: "Retry-After"), now: now)
        return .postponed(until: until, status: "HTTP \(status) \(response.status.reasonPhrase)")
      case 200..<300:
        break
      default:
        return .failed(failure(request.url, "HTTP \(status) \(response.status.reasonPhrase)"))
      }
      if let length = response.headers.first(name: "Content-Length").flatMap(Int.init), length > limits.maximumBodyBytes {
        return .failed(failure(request.url, "the body is \(length) bytes, over the \(limits.maximumBodyBytes >> 20) MiB limit"))
      }
      do {
        let body = try await collectBody(of: response)
        let contentType = response.headers.first(name: "Content-Type")
        return .fetched(
          FeedFetcher.Body(bytes: Array(buffer: body), charset: FeedFetcher.charset(contentType), contentType: contentType), etag: response.headers.first(name: "ETag"),
          lastModified: response.headers.first(name: "Last-Modified"), movedTo: movedTo)
      } catch {
        return .failed(failure(request.url, reason(for: error)))
      }
    }
    return .failed(failure(request.url, "more than \(limits.maximumRedirects) redirects"))
  }

  /// The body, up to the size limit and within the body deadline, whichever comes first.
  private func collectBody(of response: HTTPClientResponse) async throws -> ByteBuffer {
    let limits = self.limits
    return try await withThrowingTaskGroup(of: ByteBuffer?.self) { group in
      group.addTask { try await response.body.collect(upTo: limits.maximumBodyBytes) }
      group.addTask {
        try await Task.sleep(nanoseconds: UInt64(limits.bodyDeadline.nanoseconds))
        return nil
      }
      defer { group.cancelAll() }
      guard let first = try await group.next(), let body = first else { throw BodyDeadlineExceeded() }
      return body
    }
  }

  private struct BodyDeadlineExceeded: Error {}

  /// Reads what is left of an answer we do not use, so its connection can be reused; a large
  /// one is cut off (the connection is then closed instead).
  private func discardBody(of response: HTTPClientResponse) async {
    _ = try? await response.body.collect(upTo: 64 << 10)
  }

  private func request(_ url: String, validators: FetchRequest) -> HTTPClientRequest {
    var request = HTTPClientRequest(url: url)
    request.headers.add(name: "User-Agent", value: FeedFetcher.userAgent)
    request.headers.add(name: "Accept-Encoding", value: "gzip, deflate")
    request.headers.add(
      name: "Accept", value: "application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, */*;q=0.8")
    if let etag = validators.etag { request.headers.add(name: "If-None-Match", value: etag) }
    if let lastModified = validators.lastModified { request.headers.add(name: "If-Modified-Since", value: lastModified) }
    return request
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
      if [.invalidURL, .emptyHost, .emptyScheme].contains(error) { return "not a URL that can be fetched" }
      if error == .remoteConnectionClosed { return "the server closed the connection" }
      return "\(error)"
    }
    if error is BodyDeadlineExceeded { return "the body did not arrive within \(limits.bodyDeadline.nanoseconds / 1_000_000_000) s" }
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
