import Foundation
import NewsKit
import Testing

@testable import CursesUI

@Suite("The reader on a library: read state and resuming")
struct LibraryReaderTests {
  private static func setup(_ library: MemoryLibrary) -> ReaderProgram.Setup {
    ReaderProgram.Setup(
      paths: [], config: ReaderConfig(), catalog: ThemeCatalog(bundled: nil, user: nil),
      theme: Theme(name: "plain", styles: [:]), environment: [:], library: library)
  }

  @Test func openingRecordsThePositionAndAPreviewDoesNot() throws {
    var state = ReaderState(width: 120, height: 30)
    let library = MemoryLibrary(Stories.all)
    let preview = state.update(.storiesLoaded(library.articles.map(\.summary), skipped: 0, done: true))
    guard case .openArticle(_, let request) = preview.first else {
      Issue.record("no preview")
      return
    }
    #expect(state.update(.articleLoaded(library.articles[0], request: request, resumeAt: 2)).isEmpty)
    #expect(state.reading?.paragraph == 2)
    #expect(state.update(.input(.key(.tab))) == [.recordReading(storyID: "1", paragraph: 2, read: true)])
    #expect(state.update(.input(.key(.character("j")))) == [.recordReading(storyID: "1", paragraph: 3, read: true)])
    #expect(state.update(.input(.key(.character("?")))).isEmpty)
  }

  @Test func aSecondRunShowsReadStoriesAndResumesWhereTheFirstLeft() throws {
    let library = MemoryLibrary(Stories.all)
    let first = MemoryBackend(
      width: 60, height: 16,
      script: [
        .waitFor("Ferry returns after two years"), .event(.key(.enter)), .waitFor("¶ 1/"),
        .event(.key(.character("j"))), .event(.key(.character("j"))), .waitFor("¶ 3/"),
      ])
    _ = ReaderProgram.run(Self.setup(library), on: first)
    #expect(first.gaveUpWaitingFor == nil)
    #expect(library.recorded == ["1": 2])
    let second = MemoryBackend(
      width: 60, height: 16, script: [.waitFor("Ferry returns after two years"), .event(.key(.enter)), .waitFor("¶ 3/")])
    _ = ReaderProgram.run(Self.setup(library), on: second)
    #expect(second.gaveUpWaitingFor == nil)
    // The read story has no unread mark in the list of the second run.
    let listed = try #require(second.frames.first { $0.text.contains("Ferry returns") })
    let row = try #require(listed.lines.first { $0.contains("Ferry returns") })
    #expect(!row.contains("•"))
  }
}

@Suite("Marks: u, s, A and U")
struct MarkTests {
  private func libraryState() -> ReaderState {
    var state = ReaderState(width: 60, height: 20)
    let stories = MemoryLibrary(Array(Stories.all.prefix(3))).articles.map(\.summary)
    _ = state.update(.storiesLoaded(stories, skipped: 0, done: true, read: ["2"], starred: []))
    return state
  }

  @Test func uTogglesReadAndSTogglesTheStarAndBothReachTheLibrary() {
    var state = libraryState()
    #expect(state.update(.input(.key(.character("u")))) == [.mark(["1"], .read)])
    #expect(state.readIDs.contains("1"))
    #expect(state.update(.input(.key(.character("u")))) == [.mark(["1"], .unread)])
    #expect(!state.readIDs.contains("1"))
    #expect(state.update(.input(.key(.character("s")))) == [.mark(["1"], .star)])
    #expect(state.starredIDs == ["1"])
    #expect(ReaderView.render(state).lines[0].hasPrefix("•*"))
  }

  @Test func aMarksEveryUnreadStoryAndUUndoesLevelByLevel() {
    var state = libraryState()
    _ = state.update(.input(.key(.character("s"))))
    #expect(state.update(.input(.key(.character("A")))) == [.mark(["1", "3"], .read)])
    #expect(state.notice == "marked 2 stories read (U undoes)")
    #expect(state.update(.input(.key(.character("A")))).isEmpty)
    #expect(state.notice == "every story here is read")
    #expect(state.update(.input(.key(.character("U")))) == [.mark(["1", "3"], .unread)])
    #expect(state.readIDs == ["2"])
    #expect(state.update(.input(.key(.character("U")))) == [.mark(["1"], .unstar)])
    #expect(state.starredIDs.isEmpty)
    #expect(state.update(.input(.key(.character("U")))).isEmpty)
    #expect(state.notice == "nothing to undo")
  }

  /// A in the feeds pane marks the feed's stories read; U there undoes it (it did nothing).
  @Test func uInTheFeedsPaneUndoesWhatAMarked() {
    var state = libraryState()
    #expect(state.update(.input(.key(.character("A")))) == [.mark(["1", "3"], .read)])
    state.focus = .feeds
    #expect(state.update(.input(.key(.character("U")))) == [.mark(["1", "3"], .unread)])
    #expect(state.readIDs == ["2"])
    #expect(state.notice == "undone: 2 stories marked unread")
  }

  @Test func storiesFromPathsKeepReadMarksInMemoryAndHaveNoStars() {
    var state = ReaderState(width: 60, height: 20)
    _ = state.update(.storiesLoaded(Stories.all.map(\.summary), skipped: 0, done: true))
    #expect(state.update(.input(.key(.character("u")))).isEmpty)
    #expect(state.readIDs.contains(Stories.all[0].id))
    #expect(state.update(.input(.key(.character("s")))).isEmpty)
    #expect(state.notice == "stars are kept in the library: herald add PATH subscribes to it")
  }

  @Test func marksMadeInTheReaderAreInTheLibraryAfterQuitting() {
    let library = MemoryLibrary(Array(Stories.all.prefix(3)))
    let backend = MemoryBackend(
      width: 60, height: 16,
      script: [
        .waitFor("Ferry returns"), .event(.key(.character("s"))), .waitFor("starred"),
        .event(.key(.character("A"))), .waitFor("marked 3 stories read"),
      ])
    _ = ReaderProgram.run(
      .plain(library: library),
      on: backend)
    #expect(backend.gaveUpWaitingFor == nil)
    #expect(library.markings == ["1": [.star, .read], "2": [.read], "3": [.read]])
  }
}

@Suite("Syncing from the reader")
struct ReaderSyncTests {
  @Test func newStoriesArriveAboveWithoutMovingTheSelectionOrTheScreen() throws {
    var state = ReaderState(width: 60, height: 10)
    state.isLibrary = true
    let library = MemoryLibrary(Stories.all)
    _ = state.update(.storiesLoaded(library.articles.map(\.summary), skipped: 0, done: true))
    for _ in 0..<6 { _ = state.update(.input(.key(.character("j")))) }
    let selected = state.selectedStory?.id
    let row = state.list.selected - state.list.offset
    #expect(state.update(.input(.key(.character("R")))) == [.syncLibrary(feedOf: nil)])
    #expect(state.update(.input(.key(.character("R")))).isEmpty)
    #expect(state.notice == "a sync is running")
    _ = state.update(.syncProgressed(.feeds(done: 3, total: 10, newStories: 12, failed: 1)))
    #expect(state.syncStatus == "syncing 3/10 feeds, 12 new, 1 failed")
    #expect(state.update(.syncFinished("synced 10 feeds: 12 new articles")) == [.reloadStories(.all, request: 1, keeping: selected)])
    let arrived = (0..<12).map { ArticleSummary(id: "n\($0)", headline: "New \($0)", source: nil, path: "library:n\($0)") }
    let relisted = arrived + library.articles.map(\.summary)
    let keptAt = try #require(relisted.firstIndex { $0.id == selected })
    _ = state.update(
      .storiesListed(StoryListing(request: 1, filter: .all, count: relisted.count, page: 0, stories: StoryPage(stories: relisted), keptAt: keptAt)))
    #expect(state.selectedStory?.id == selected)
    #expect(state.list.selected - state.list.offset == row)
    #expect(state.syncStatus == nil)
  }

  @Test func rSyncsTheSelectedStorysFeedAndPathsCannotSync() {
    var state = ReaderState(width: 60, height: 10)
    _ = state.update(.storiesLoaded(Stories.all.map(\.summary), skipped: 0, done: true))
    #expect(state.update(.input(.key(.character("r")))).isEmpty)
    #expect(state.notice == "sync needs the library: herald add URL subscribes to a feed")
    state.isLibrary = true
    #expect(state.update(.input(.key(.character("r")))) == [.syncLibrary(feedOf: Stories.all[0].id)])
  }

  @Test func keysKeepWorkingDuringASlowSyncAndTheNewStoriesAppear() {
    let library = MemoryLibrary(Stories.all)
    library.arriving = [Stories.all[1]]
    library.syncDelay = 1.5
    let backend = MemoryBackend(
      width: 60, height: 16,
      script: [
        .waitFor("story 1/23"), .event(.key(.character("R"))), .waitFor("syncing 0/1 feeds"),
        .event(.key(.character("j"))), .event(.key(.character("j"))), .waitFor("story 3/23"),
        .waitFor("synced 1 feed: 1 new articles"), .waitFor("story 4/24"),
      ])
    _ = ReaderProgram.run(
      .plain(library: library),
      on: backend)
    #expect(backend.gaveUpWaitingFor == nil)
  }
}

@Suite("Time: marking read after a delay, syncing every so often")
struct ReaderTimeTests {
  private func opened(markReadAfter: Double?) -> ReaderState {
    var state = ReaderState(width: 60, height: 20)
    state.isLibrary = true
    state.markReadAfter = markReadAfter
    let library = MemoryLibrary(Array(Stories.all.prefix(2)))
    _ = state.update(.storiesLoaded(library.articles.map(\.summary), skipped: 0, done: true))
    if case .openArticle(_, let request)? = state.update(.input(.key(.enter))).first {
      _ = state.update(.articleLoaded(library.articles[0], request: request))
    }
    return state
  }

  @Test func aStoryIsReadOnceOpenForTheDelay() {
    var state = opened(markReadAfter: 5)
    #expect(!state.readIDs.contains("1"))
    _ = state.update(.tick(100))
    #expect(state.update(.tick(104)).isEmpty)
    #expect(state.update(.tick(105.5)) == [.recordReading(storyID: "1", paragraph: 0, read: true)])
    #expect(state.readIDs.contains("1"))
  }

  @Test func leavingBeforeTheDelayLeavesItUnreadButKeepsThePlace() {
    var state = opened(markReadAfter: 5)
    _ = state.update(.tick(100))
    #expect(state.update(.input(.key(.character("j")))) == [.recordReading(storyID: "1", paragraph: 1, read: false)])
    _ = state.update(.input(.key(.escape)))
    _ = state.update(.tick(110))
    #expect(!state.readIDs.contains("1"))
  }

  @Test func markReadOffLeavesReadingToU() {
    var state = opened(markReadAfter: nil)
    _ = state.update(.tick(1_000))
    #expect(!state.readIDs.contains("1"))
    #expect(state.update(.input(.key(.character("u")))).contains(.mark(["1"], .read)))
  }

  @Test func theRefreshIntervalStartsASyncWhenDue() {
    var state = ReaderState(width: 60, height: 20)
    state.isLibrary = true
    state.refreshEvery = 1
    #expect(state.update(.tick(0)).isEmpty)
    #expect(state.update(.tick(59)).isEmpty)
    #expect(state.update(.tick(61)) == [.syncLibrary(feedOf: nil)])
    #expect(state.update(.tick(130)).isEmpty)
    _ = state.update(.syncFinished("synced 1 feed: 0 new articles"))
    #expect(state.update(.tick(130)) == [.syncLibrary(feedOf: nil)])
  }
}
