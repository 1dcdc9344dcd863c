import NewsKit

/// Carries out `fetchFullText`: the page fetched like a feed (time, redirect and size limits),
/// its article extracted and its quotes found, or the reason in a few words for the status bar.
enum FullTextFetch {
  static func fetch(_ url: String, request: Int, fetcher: FeedFetcher = FeedFetcher()) -> ReaderMessage {
    switch fetcher.fetchBlocking([url])[0] {
    case .failure(let problem):
      return .fullTextFailed(problem.reasonDescription, request: request)
    case .success(let body):
      switch ArticleExtractor.extract(body.bytes, url: url, contentType: body.contentType) {
      case .success(let extracted):
        return .fullTextLoaded(ArticleAnalysis.analysed(extracted.article), request: request)
      case .failure(let why):
        return .fullTextFailed(LoadError(path: url, reason: .noArticle(why)).reasonDescription, request: request)
      }
    }
  }
}
