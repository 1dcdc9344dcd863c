import Dispatch
import Foundation

/// Reads RSS 0.90, 0.91, 0.92, 1.0 (RDF) and 2.0, Atom 0.3 and 1.0, and JSON Feed 1.0 and 1.1
/// into `Article`s, the same model as plain-text articles. XML feeds stream (see
/// `XMLFeedReader`); broken feeds are read as far as they go.
public enum FeedParser {
  /// Whether bytes look like a feed rather than a plain-text article: after a byte-order mark
  /// and white space they open with `<` or `{` (UTF-16 too).
  public static func looksLikeFeed(_ bytes: some Collection<UInt8>) -> Bool {
    let head = Array(bytes.prefix(512))
    if head.starts(with: [0xFF, 0xFE, 0x3C, 0x00]) || head.starts(with: [0xFE, 0xFF, 0x00, 0x3C])
      || head.starts(with: [0x3C, 0x00]) || head.starts(with: [0x00, 0x3C]) || head.starts(with: [0x4C, 0x6F, 0xA7, 0x94])
    {
      return true
    }
    var index = head.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
    while index < head.count, [0x20, 0x09, 0x0A, 0x0D].contains(head[index]) { index += 1 }
    return index < head.count && (head[index] == UInt8(ascii: "<") || head[index] == UInt8(ascii: "{"))
  }

  /// Opens a feed for reading an item at a time.
  /// - Parameters:
  ///   - location: the file or URL the bytes came from; it names the feed in errors, is every
  ///     article's `path`, and (for a URL) is the base for relative links.
  ///   - charset: the charset of an HTTP Content-Type, when the feed was fetched.
  public static func open(
    _ source: FeedSource, location: String, charset: String? = nil, limit: Int = ArticleFile.maximumFeedFileSize
  ) throws(FeedError) -> FeedItemStream {
    let input: FeedInput
    do {
      input = try FeedInput(source, limit: limit, charset: charset)
    } catch {
      throw FeedError(location: location, message: error.description.dropPrefix(location + ": "))
    }
    if input.peekFirstByte() == UInt8(ascii: "{") {
      return try FeedItemStream(json: JSONFeedReader.parse(input.readAll(), location: location))
    }
    return FeedItemStream(xml: try XMLFeedReader(input, location: location))
  }

  /// The whole feed at once: its description and every article, built on all cores.
  public static func parse(_ bytes: [UInt8], location: String) throws(FeedError) -> FeedDocument {
    let stream = try open(.bytes(bytes), location: location)
    var articles: [Article] = []
    stream.forEachArticleBatch { articles += $0 }
    return FeedDocument(info: stream.info, articles: articles)
  }
}

/// A feed being read: its description as far as read, and its items one at a time.
public final class FeedItemStream {
  private enum Backend {
    case xml(XMLFeedReader)
    case json(FeedInfo, [FeedItem], Int)
  }

  private var backend: Backend

  init(xml reader: XMLFeedReader) { backend = .xml(reader) }

  init(json document: (FeedInfo, [FeedItem])) { backend = .json(document.0, document.1, 0) }

  /// What the feed says about itself, from the elements read so far (feeds give it before
  /// their items).
  public var info: FeedInfo {
    switch backend {
    case .xml(let reader): return reader.info
    case .json(let info, _, _): return info
    }
  }

  /// What went wrong on the way (ill-formed XML, recovered as far as it goes; the size limit),
  /// once `next()` has returned nil.
  public var problem: String? {
    if case .xml(let reader) = backend { return reader.problem }
    return nil
  }

  /// Bytes read from the source so far (all of them, for a JSON Feed).
  var bytesRead: Int? {
    if case .xml(let reader) = backend { return reader.bytesRead }
    return nil
  }

  public func next() -> FeedItem? {
    switch backend {
    case .xml(let reader): return reader.next()
    case .json(let info, let items, let index):
      guard index < items.count else { return nil }
      backend = .json(info, items, index + 1)
      return items[index]
    }
  }

  /// Every remaining item's article, in document order, a batch at a time: while up to
  /// `inFlight` batches become articles on all cores, the next is read, so memory holds
  /// `inFlight + 1` batches at most. One in flight leaves the cores idle while the reader
  /// delivers a batch; a sync, whose writer is the slower end, keeps to one.
  public func forEachArticleBatch(size: Int = 64, inFlight: Int = 1, findingQuotes: Bool = true, _ deliver: ([Article]) -> Void) {
    var converting: [(DispatchGroup, OrderedSlots<Article>)] = []
    while true {
      var batch: [FeedItem] = []
      while batch.count < size, let item = next() { batch.append(item) }
      if !batch.isEmpty { converting.append(Self.startConverting(batch, findingQuotes: findingQuotes)) }
      while let (group, slots) = converting.first, batch.isEmpty || converting.count > inFlight {
        group.wait()
        deliver(slots.values)
        converting.removeFirst()
      }
      if batch.isEmpty { return }
    }
  }

  private static func startConverting(_ batch: [FeedItem], findingQuotes: Bool) -> (DispatchGroup, OrderedSlots<Article>) {
    let group = DispatchGroup()
    let slots = OrderedSlots<Article>(count: batch.count)
    DispatchQueue.global().async(group: group) {
      let chunk = 4
      DispatchQueue.concurrentPerform(iterations: (batch.count + chunk - 1) / chunk) { part in
        let range = (part * chunk)..<min(batch.count, (part + 1) * chunk)
        slots.store(range.map { batch[$0].article(findingQuotes: findingQuotes) }, startingAt: range.lowerBound)
      }
    }
    return (group, slots)
  }
}

extension FeedInfo {
  /// What identifies the feed wherever it is read from.
  func key(or location: String) -> String { link ?? title ?? location }
}

extension String {
  func dropPrefix(_ prefix: String) -> String {
    hasPrefix(prefix) ? String(dropFirst(prefix.count)) : self
  }
}
