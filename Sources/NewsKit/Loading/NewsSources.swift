import Foundation

/// Everything a user can name as a source: a directory of plain-text articles, an article
/// file, a feed file (RSS, Atom, JSON Feed) or a URL. A named file is read by its content, not
/// its name. Feeds stream: listing one parses no article bodies, and opening every article
/// holds two batches of items in memory at most.
public final class NewsSources {
  /// What a source gave: articles (in order), the feeds among them, and what was skipped.
  public struct Loaded: Sendable {
    public var articles: [Article] = []
    public var feeds: [FeedInfo] = []
    public var problems: [LoadError] = []
  }

  /// Articles delivered together: from one feed (`feed` says which) or a set of text files.
  public struct Batch: Sendable {
    public var articles: [Article] = []
    public var feed: FeedInfo?
    public var problems: [LoadError] = []
  }

  private enum Kind {
    case remote(Result<FeedFetcher.Body, LoadError>)
    case feedFile
    case text
  }

  private let paths: [String]
  private let kinds: [Kind]

  /// Fetches every URL (all at once) and tells feed files from article files and directories.
  public convenience init(_ paths: [String], fetcher: FeedFetcher = FeedFetcher()) {
    let urls = Array(Set(paths.filter(FeedFetcher.isURL)))
    let fetched = urls.isEmpty ? [:] : Dictionary(uniqueKeysWithValues: zip(urls, fetcher.fetchBlocking(urls)))
    self.init(paths, fetched: fetched)
  }

  /// Sources whose URLs were fetched already (a sync fetches conditionally, then reads here
  /// only what changed); a URL missing from `fetched` is read as a path.
  public init(_ paths: [String], fetched: [String: Result<FeedFetcher.Body, LoadError>]) {
    self.paths = paths
    kinds = paths.map { path in
      if let result = fetched[path] { return .remote(result) }
      return Self.isFeedFile(path) ? .feedFile : .text
    }
  }

  /// Reads the description of the first feed among the sources (up to its first item), so
  /// that output can name it before the articles stream.
  public func readFirstFeedInfo() -> FeedInfo? {
    for (path, kind) in zip(paths, kinds) {
      guard let source = feedSource(path, kind), let stream = try? FeedParser.open(source.0, location: path, charset: source.1)
      else { continue }
      _ = stream.next()
      return stream.info
    }
    return nil
  }

  /// Every article of every source, in the order given, a batch at a time. A feed has up to
  /// `batchesInFlight` batches becoming articles while the next is read (see
  /// `FeedItemStream.forEachArticleBatch`).
  public func forEachArticleBatch(batchesInFlight: Int = 1, findingQuotes: Bool = true, _ deliver: (Batch) -> Void) {
    walk(
      text: { textPaths in
        let found = ArticleFileFinder().find(in: textPaths)
        var problems = found.problems
        var delivered = false
        ArticleCollection.openInBatches(found.files, collections: found.collections, findingQuotes: findingQuotes) { results in
          var batch = Batch(problems: problems)
          problems = []
          for result in results {
            switch result {
            case .success(let article): batch.articles.append(article)
            case .failure(let problem): batch.problems.append(problem)
            }
          }
          delivered = true
          deliver(batch)
        }
        if !delivered { deliver(Batch(problems: problems)) }
      },
      feed: { stream in
        stream.forEachArticleBatch(inFlight: batchesInFlight, findingQuotes: findingQuotes) {
          deliver(Batch(articles: $0, feed: stream.info))
        }
      },
      other: deliver)
  }

  /// Every article's list entry, in order, a batch at a time; feed items are not parsed beyond
  /// their headline, and are kept in `store` (when given) for opening later.
  public func listProgressively(store: ArticleStore? = nil, deliver: ([ArticleSummary], [LoadError]) -> Void) {
    walk(
      text: { ArticleCollection.listProgressively($0, deliver: deliver) },
      feed: { stream in
        // Entries are made as items arrive, so only the store (when there is one) keeps bodies.
        var entries: [ArticleSummary] = []
        var kept: [FeedItem] = []
        var size = 128
        func flush() {
          store?.keep(kept)
          deliver(entries, [])
          entries = []
          kept = []
          size = min(4096, size * 2)
        }
        while let item = stream.next() {
          entries.append(item.listEntry)
          if store != nil { kept.append(item) }
          if entries.count >= size { flush() }
        }
        if !entries.isEmpty { flush() }
      },
      other: { batch in
        store?.keep(articles: batch.articles)
        deliver(batch.articles.map(\.summary), batch.problems)
      })
  }

  /// Goes through the sources in order: runs of text paths (files and directories) go to
  /// `text` together, each feed to `feed`; a URL that answered with an article, a source that
  /// could not be opened, and a feed's problem once it has been read go to `other`.
  private func walk(
    text: ([String]) -> Void, feed: (FeedItemStream) -> Void, other: (Batch) -> Void
  ) {
    var textPaths: [String] = []
    func flushText() {
      if !textPaths.isEmpty { text(textPaths) }
      textPaths = []
    }
    for (path, kind) in zip(paths, kinds) {
      if case .text = kind {
        textPaths.append(path)
        continue
      }
      flushText()
      if case .remote(.success(let body)) = kind, !Self.isFeed(body) {
        other(Self.remoteArticle(path, body))
        continue
      }
      do {
        let stream = try openFeed(path, kind)
        feed(stream)
        if let problem = stream.problem { other(Batch(problems: [LoadError(path: path, reason: .cutShort(problem))])) }
      } catch {
        other(Batch(problems: [error]))
      }
    }
    flushText()
  }

  /// Every article, read whole, in the order given.
  public static func open(_ paths: [String], fetcher: FeedFetcher = FeedFetcher()) -> Loaded {
    var loaded = Loaded()
    NewsSources(paths, fetcher: fetcher).forEachArticleBatch { batch in
      if let feed = batch.feed, !loaded.feeds.contains(feed) { loaded.feeds.append(feed) }
      loaded.articles += batch.articles
      loaded.problems += batch.problems
    }
    return loaded
  }

  /// Every article's list entry, in order, and what was skipped.
  public static func list(_ paths: [String]) -> ArticleCollection.Listing {
    var listing = ArticleCollection.Listing(articles: [], problems: [])
    NewsSources(paths).listProgressively { summaries, problems in
      listing.articles += summaries
      listing.problems += problems
    }
    return listing
  }

  /// `list` a batch at a time, keeping feed items in `store` for the reader to open.
  public static func listProgressively(
    _ paths: [String], store: ArticleStore?, fetcher: FeedFetcher = FeedFetcher(),
    deliver: ([ArticleSummary], [LoadError]) -> Void
  ) {
    NewsSources(paths, fetcher: fetcher).listProgressively(store: store, deliver: deliver)
  }

  private func feedSource(_ path: String, _ kind: Kind) -> (FeedSource, String?)? {
    switch kind {
    case .remote(.success(let body)) where Self.isFeed(body): return (.bytes(body.bytes), body.charset)
    case .feedFile: return (.file(path), nil)
    default: return nil
    }
  }

  private func openFeed(_ path: String, _ kind: Kind) throws(LoadError) -> FeedItemStream {
    if case .remote(.failure(let problem)) = kind { throw problem }
    guard let (source, charset) = feedSource(path, kind) else { throw LoadError(path: path, reason: .feed("not a feed")) }
    do {
      return try FeedParser.open(source, location: path, charset: charset)
    } catch {
      throw LoadError(path: path, reason: .feed(error.message))
    }
  }

  /// A feed by its first bytes; a page that starts as HTML is not one, whatever follows.
  private static func isFeed(_ body: FeedFetcher.Body) -> Bool {
    !WebPage.looksLikeHTML(body.bytes) && FeedParser.looksLikeFeed(body.bytes)
  }

  /// A URL that answered with a web page (its article extracted) or a plain-text article
  /// rather than a feed.
  private static func remoteArticle(_ url: String, _ body: FeedFetcher.Body) -> Batch {
    if WebPage.isPage(body) {
      switch ArticleExtractor.extract(body.bytes, url: url, contentType: body.contentType) {
      case .success(let extracted):
        return Batch(articles: [ArticleAnalysis.analysed(extracted.article)])
      case .failure(let why):
        return Batch(problems: [LoadError(path: url, reason: .noArticle(why))])
      }
    }
    do {
      try ArticleFile.validate(body.bytes, path: url)
      return Batch(articles: [ArticleCollection.article(from: body.bytes, path: url)])
    } catch {
      return Batch(problems: [error])
    }
  }

  /// A regular file whose first bytes look like a feed. Anything else (a directory, a named
  /// pipe, a device) is not sniffed: reading a pipe's head would take it from the parser.
  private static func isFeedFile(_ path: String) -> Bool {
    guard let fd = try? ArticleFile.openForReading(path) else { return false }
    defer { close(fd) }
    var info = stat()
    guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return false }
    var head = [UInt8](repeating: 0, count: 512)
    let got = head.withUnsafeMutableBytes { posixRead(fd, $0.baseAddress!, $0.count) }
    return got > 0 && FeedParser.looksLikeFeed(head.prefix(got))
  }
}
