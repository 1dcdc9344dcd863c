import Dispatch

/// A set of plain-text article files: listed cheaply, each article parsed in full only when
/// it is opened.
public enum ArticleCollection {
  /// The result of listing: summaries in path order, and every file that was skipped, and why.
  public struct Listing: Sendable {
    public var articles: [ArticleSummary]
    public var problems: [LoadError]
  }

  /// Lists every article the paths name. Files are read in parallel; the order is by path.
  public static func list(_ paths: [String]) -> Listing {
    let found = ArticleFileFinder().find(in: paths)
    var listing = Listing(articles: [], problems: found.problems)
    let batch = summaries(of: found.files, collections: found.collections)
    for result in batch {
      switch result {
      case .success(let summary): listing.articles.append(summary)
      case .failure(let problem): listing.problems.append(problem)
      }
    }
    return listing
  }

  /// Lists the paths a batch at a time, in path order, calling `deliver` after each batch, so a
  /// reader can show the first stories while the rest are read. Runs on the caller's thread.
  public static func listProgressively(
    _ paths: [String], batchSize: Int = 2048, deliver: ([ArticleSummary], [LoadError]) -> Void
  ) {
    let found = ArticleFileFinder().find(in: paths)
    if !found.problems.isEmpty { deliver([], found.problems) }
    var start = 0
    // Small first batches put the first screen up quickly; later ones amortise the hand-over.
    var size = min(batchSize, 128)
    while start < found.files.count {
      let end = min(found.files.count, start + size)
      var summaries: [ArticleSummary] = []
      var problems: [LoadError] = []
      for result in self.summaries(of: Array(found.files[start..<end]), collections: Array(found.collections[start..<end])) {
        switch result {
        case .success(let summary): summaries.append(summary)
        case .failure(let problem): problems.append(problem)
        }
      }
      deliver(summaries, problems)
      start = end
      size = min(batchSize, size * 2)
    }
  }

  /// Summaries of the given files, in their order, read on all cores; an article that names
  /// no source takes its file's collection name (`collections`, parallel to `files`), if any.
  public static func summaries(of files: [String], collections: [String?] = []) -> [Result<ArticleSummary, LoadError>] {
    parallelMap(files) { index, path throws(LoadError) in
      try summary(ofFile: path, collection: index < collections.count ? collections[index] : nil)
    }
  }

  /// `transform` applied to every file on all cores, results in the files' order.
  private static func parallelMap<Value: Sendable>(
    _ files: [String], _ transform: @Sendable (Int, String) throws(LoadError) -> Value
  ) -> [Result<Value, LoadError>] {
    let results = OrderedSlots<Result<Value, LoadError>>(count: files.count)
    let chunk = 64
    let chunks = (files.count + chunk - 1) / chunk
    DispatchQueue.concurrentPerform(iterations: chunks) { index in
      let range = (index * chunk)..<min(files.count, (index + 1) * chunk)
      let values = range.map { position in Result { () throws(LoadError) in try transform(position, files[position]) } }
      results.store(values, startingAt: range.lowerBound)
    }
    return results.values
  }

  /// Every file opened in full, in their order, on all cores (`collections` as for
  /// `summaries`).
  public static func openAll(_ files: [String], collections: [String?] = [], findingQuotes: Bool = true) -> [Result<Article, LoadError>] {
    parallelMap(files) { index, path throws(LoadError) in
      try open(path: path, collection: index < collections.count ? collections[index] : nil, findingQuotes: findingQuotes)
    }
  }

  /// Every file opened in full, in their order, `size` files at a time: while one batch is
  /// delivered, the next is opened on all cores. Memory holds two batches, not the collection
  /// (opening 10,000 articles at once held 200 MB), and what is done with a batch (printing it)
  /// overlaps the work on the next instead of following all of it.
  public static func openInBatches(
    _ files: [String], collections: [String?] = [], size: Int = 256, findingQuotes: Bool = true,
    _ deliver: ([Result<Article, LoadError>]) -> Void
  ) {
    var opening: (DispatchGroup, OrderedSlots<[Result<Article, LoadError>]>)?
    var start = 0
    while true {
      let end = min(files.count, start + size)
      let started =
        start < end
        ? startOpening(
          Array(files[start..<end]), collections: Array(collections[min(start, collections.count)..<min(end, collections.count)]),
          findingQuotes: findingQuotes) : nil
      if let (group, slots) = opening {
        group.wait()
        deliver(slots.values.first ?? [])
      }
      opening = started
      guard start < end else { return }
      start = end
    }
  }

  private static func startOpening(_ files: [String], collections: [String?], findingQuotes: Bool) -> (
    DispatchGroup, OrderedSlots<[Result<Article, LoadError>]>
  ) {
    let group = DispatchGroup()
    let slot = OrderedSlots<[Result<Article, LoadError>]>(count: 1)
    DispatchQueue.global().async(group: group) {
      slot.store([openAll(files, collections: collections, findingQuotes: findingQuotes)], startingAt: 0)
    }
    return (group, slot)
  }

  /// The list entry for one file; `collection` is its source when the article names none.
  public static func summary(ofFile path: String, collection: String? = nil) throws(LoadError) -> ArticleSummary {
    let bytes = try ArticleFile.read(path: path)
    let (headline, source) = ArticleSummaryReader.summary(of: bytes)
    return ArticleSummary(id: ArticleID.make(for: bytes), headline: headline, source: source ?? collection, path: path)
  }

  /// The whole article in one file: paragraphs split and quotes found; `collection` is its
  /// source when the article names none.
  public static func open(path: String, collection: String? = nil, findingQuotes: Bool = true) throws(LoadError) -> Article {
    let bytes = try ArticleFile.read(path: path)
    var opened = article(from: bytes, path: path, findingQuotes: findingQuotes)
    if opened.source == nil { opened.source = collection }
    return opened
  }

  /// An article from bytes already in memory, such as a bundled sample or a test fixture.
  public static func article(from bytes: [UInt8], path: String?, findingQuotes: Bool = true) -> Article {
    let parsed = PlainTextArticleParser.parse(LegacyTextDecoding.decode(bytes))
    return Article(
      id: ArticleID.make(for: bytes), headline: parsed.headline, source: parsed.source,
      paragraphs: parsed.paragraphs, quotes: findingQuotes ? QuoteDetector.quotes(in: parsed.paragraphs) : [], path: path)
  }
}
