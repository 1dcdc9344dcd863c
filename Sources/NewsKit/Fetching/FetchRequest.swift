import Foundation

/// One feed to fetch, with the validators a previous answer gave so that an unchanged feed
/// costs a 304 and no parsing.
public struct FetchRequest: Sendable, Hashable {
  public var url: String
  public var etag: String?
  public var lastModified: String?

  public init(url: String, etag: String? = nil, lastModified: String? = nil) {
    self.url = url
    self.etag = etag
    self.lastModified = lastModified
  }
}

/// How a fetch ended. `movedTo` is set when every redirect on the way was permanent (301/308):
/// the subscription should ask there from now on.
public enum FetchOutcome: Sendable, Hashable {
  /// A new body, with the validators to send next time.
  case fetched(FeedFetcher.Body, etag: String?, lastModified: String?, movedTo: String?)
  /// 304: nothing changed since the validators were given.
  case notModified(movedTo: String?)
  /// 410: the feed is gone for good; stop asking.
  case gone
  /// 429 or 503: ask again no sooner than `until` (when the server said).
  case postponed(until: Date?, status: String)
  case failed(LoadError)

  /// The outcome as the body or the one-line failure plain loading wants.
  var asResult: Result<FeedFetcher.Body, LoadError> {
    switch self {
    case .fetched(let body, _, _, _): return .success(body)
    case .failed(let error): return .failure(error)
    case .notModified: return .failure(LoadError(path: "?", reason: .network("HTTP 304 Not Modified")))
    case .gone: return .failure(LoadError(path: "?", reason: .network("HTTP 410 Gone")))
    case .postponed(_, let status): return .failure(LoadError(path: "?", reason: .network(status)))
    }
  }

  /// When a Retry-After header says to come back: a number of seconds or an HTTP date.
  static func retryDate(_ header: String?, now: Date) -> Date? {
    guard let header = header?.trimmingCharacters(in: .whitespaces), !header.isEmpty else { return nil }
    if let seconds = Int(header) { return now.addingTimeInterval(TimeInterval(max(0, seconds))) }
    return FeedDate.parse(header)
  }
}
