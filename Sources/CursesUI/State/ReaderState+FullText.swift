import Foundation
import NewsKit

/// `f`: the full text of the open story, fetched from its web page in the background and shown
/// in place of the feed's summary; `f` again goes back to the summary. The summary is kept, so
/// going back costs nothing and the story's identity (id, marks, place in the list) never changes.
extension ReaderState {
  mutating func toggleFullText() -> [ReaderEffect] {
    guard var current = reading, articleVisible || isSideBySide else { return [] }
    if let feedVersion = current.feedVersion {
      current.feedVersion = nil
      reading = current
      showKeepingPlace(feedVersion)
      notice = "the feed's text · f: full text"
      return []
    }
    guard let link = current.article.link, FeedFetcher.isURL(link) else {
      notice = "no full text: the story has no web address"
      return []
    }
    fullTextRequests += 1
    awaitedFullText = (fullTextRequests, current.article.id, Self.host(of: link))
    notice = nil
    return [.fetchFullText(url: link, request: fullTextRequests)]
  }

  /// Shows the page's article for the story it was asked for, if that story is still open.
  mutating func showFullText(_ page: Article, request: Int) {
    guard let awaited = awaitedFullText, awaited.request == request else { return }
    awaitedFullText = nil
    guard let current = reading, current.article.id == awaited.storyID else { return }
    // The story stays the feed's: its id, path, headline and source; the text is the page's.
    var full = page
    full.id = current.article.id
    full.path = current.article.path
    full.headline = current.article.headline
    full.source = current.article.source ?? page.source
    full.published = current.article.published ?? page.published
    full.link = current.article.link
    let feedVersion = current.article
    showKeepingPlace(full)
    reading?.feedVersion = feedVersion
    notice = "full text from \(Self.host(of: feedVersion.link ?? "")) · f: the feed's text"
  }

  /// Shows another version of the open story from its top, as a story is shown when opened.
  private mutating func showKeepingPlace(_ article: Article) {
    let search = self.search
    show(article)
    self.search = search.map { Search(query: $0.query, editing: false) }
  }

  static func host(of link: String) -> String {
    URL(string: link)?.host ?? link
  }
}
