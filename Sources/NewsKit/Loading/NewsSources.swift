import Foundation

/// Everything a user can name as a source: a directory of plain-text articles, an article
/// file, or a feed file (RSS, Atom, JSON Feed). A named file is read by its content, not its
/// name. Feed items are parsed whole at once and kept in `ArticleStore` for opening.
public enum NewsSources {
  /// What a source gave: articles (in order), the feeds among them, and what was skipped.
  public struct Loaded: Sendable {
    public var articles: [Article] = []
    public var feeds: [FeedInfo] = []
    public var problems: [LoadError] = []
  }

  /// Every article of every source, read whole, in the order given (a directory by path).
  public static func open(_ paths: [String], fetcher: FeedFetcher = FeedFetcher()) -> Loaded {
    var loaded = Loaded()
    let fetched = fetchURLs(in: paths, with: fetcher)
    for path in paths {
      if let result = fetched[path] {
        switch remote(path, result) {
        case .success(let document):
          if let info = document.info { loaded.feeds.append(info) }
          loaded.articles += document.articles
        case .failure(let problem): loaded.problems.append(problem)
        }
        continue
      }
      let problemsBefore = loaded.problems.count
      if let document = feed(atPath: path, problems: &loaded.problems) {
        loaded.feeds.append(document.info)
        loaded.articles += document.articles
        continue
      }
      if loaded.problems.count == problemsBefore {
        let found = ArticleFileFinder().find(in: [path])
        loaded.problems += found.problems
        for result in ArticleCollection.openAll(found.files) {
          switch result {
          case .success(let article): loaded.articles.append(article)
          case .failure(let problem): loaded.problems.append(problem)
          }
        }
      }
    }
    return loaded
  }

  /// Every article's list entry, in order, and what was skipped.
  public static func list(_ paths: [String]) -> ArticleCollection.Listing {
    var listing = ArticleCollection.Listing(articles: [], problems: [])
    listProgressively(paths, store: ArticleStore()) { summaries, problems in
      listing.articles += summaries
      listing.problems += problems
    }
    return listing
  }

  /// Lists the sources a batch at a time (see `ArticleCollection.listProgressively`); feeds
  /// are delivered whole, their articles kept in `store` for opening.
  public static func listProgressively(
    _ paths: [String], store: ArticleStore = .shared, fetcher: FeedFetcher = FeedFetcher(),
    deliver: ([ArticleSummary], [LoadError]) -> Void
  ) {
    var textPaths: [String] = []
    func flushText() {
      if !textPaths.isEmpty { ArticleCollection.listProgressively(textPaths, deliver: deliver) }
      textPaths = []
    }
    let fetched = fetchURLs(in: paths, with: fetcher)
    for path in paths {
      if let result = fetched[path] {
        flushText()
        switch remote(path, result) {
        case .success(let document):
          store.keep(document.articles)
          deliver(document.articles.map(\.summary), [])
        case .failure(let problem): deliver([], [problem])
        }
        continue
      }
      var problems: [LoadError] = []
      if let document = feed(atPath: path, problems: &problems) {
        flushText()
        store.keep(document.articles)
        deliver(document.articles.map(\.summary), [])
      } else if problems.isEmpty {
        textPaths.append(path)
      } else {
        flushText()
        deliver([], problems)
      }
    }
    flushText()
  }

  /// What came from a URL: a feed (its info and items) or a plain-text article.
  struct Remote {
    var info: FeedInfo?
    var articles: [Article]
  }

  private static func fetchURLs(in paths: [String], with fetcher: FeedFetcher) -> [String: Result<[UInt8], LoadError>] {
    let urls = Array(Set(paths.filter(FeedFetcher.isURL)))
    guard !urls.isEmpty else { return [:] }
    return Dictionary(uniqueKeysWithValues: zip(urls, fetcher.fetchBlocking(urls)))
  }

  private static func remote(_ url: String, _ result: Result<[UInt8], LoadError>) -> Result<Remote, LoadError> {
    switch result {
    case .failure(let problem):
      return .failure(problem)
    case .success(let bytes):
      if FeedParser.looksLikeFeed(bytes) {
        do {
          let document = try FeedParser.parse(bytes, location: url)
          return .success(Remote(info: document.info, articles: document.articles))
        } catch {
          return .failure(LoadError(path: url, reason: .feed(error.message)))
        }
      }
      do {
        try ArticleFile.validate(bytes, path: url)
        return .success(Remote(info: nil, articles: [ArticleCollection.article(from: bytes, path: url)]))
      } catch {
        return .failure(error)
      }
    }
  }

  /// The feed in a file, when the file is one; problems when it looks like a feed but is broken.
  static func feed(atPath path: String, problems: inout [LoadError]) -> FeedDocument? {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue else { return nil }
    guard let bytes = try? ArticleFile.readFeed(path: path), FeedParser.looksLikeFeed(bytes) else { return nil }
    do {
      return try FeedParser.parse(bytes, location: path)
    } catch {
      problems.append(LoadError(path: path, reason: .feed(error.message)))
      return nil
    }
  }
}
