import CursesUI
import Foundation
import LibraryKit
import NewsKit

/// The library as the reader sees it: stories newest first, each opened with where it was
/// left, reading state written back. The reader runs these calls on its worker threads.
struct LibraryShelf: ReaderLibrary {
  let library: Library

  func listStories(_ deliver: (_ stories: [ArticleSummary], _ readIDs: [String], _ starredIDs: [String]) -> Void) throws {
    var stories: [ArticleSummary] = []
    var read: [String] = []
    var starred: [String] = []
    // A small first batch draws the first screen at once; later ones are larger.
    var batchSize = 200
    try library.forEachEntry { entry in
      let id = String(entry.id)
      stories.append(ArticleSummary(id: id, headline: entry.headline, source: entry.source ?? entry.feed, path: ReaderLibraryPath.path(of: id)))
      if entry.isRead { read.append(id) }
      if entry.isStarred { starred.append(id) }
      if stories.count >= batchSize {
        deliver(stories, read, starred)
        stories = []
        read = []
        starred = []
        batchSize = min(8_192, batchSize * 4)
      }
    }
    deliver(stories, read, starred)
  }

  func open(_ story: ArticleSummary) throws -> (article: Article, paragraph: Int?) {
    guard let id = Int64(story.id) else { throw LibraryError.noSuchArticle(story.id) }
    var article = try library.article(id)
    article.path = story.path
    return (article, try library.readingPosition(id))
  }

  func mark(_ storyIDs: [String], _ mark: StoryMark) throws {
    let ids = storyIDs.compactMap { Int64($0) }
    let stored: Library.Mark =
      switch mark {
      case .read: .read
      case .unread: .unread
      case .star: .star
      case .unstar: .unstar
      }
    _ = try library.mark(ids, stored)
  }

  func search(_ query: String, limit: Int) throws -> [ArticleSummary] {
    do {
      return try library.search(query, limit: limit).map { hit in
        let id = String(hit.entry.id)
        return ArticleSummary(id: id, headline: hit.entry.headline, source: hit.entry.source ?? hit.entry.feed, path: ReaderLibraryPath.path(of: id))
      }
    } catch {
      throw LibrarySearchFailure(error.description)
    }
  }

  func recordReading(_ storyID: String, paragraph: Int) throws {
    guard let id = Int64(storyID) else { return }
    try library.recordReading(id, paragraph: paragraph)
  }

}
