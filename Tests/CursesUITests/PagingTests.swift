import NewsKit
import Testing

@testable import CursesUI

/// `count` library stories, "Story 0" newest.
private func summaries(_ count: Int) -> [ArticleSummary] {
  (0..<count).map { ArticleSummary(id: "\($0)", headline: "Story \($0)", source: "Wire", path: ReaderLibraryPath.path(of: "\($0)")) }
}

private func page(_ number: Int, of all: [ArticleSummary], read: Set<String> = []) -> StoryPage {
  let stories = Array(all.dropFirst(number * StoryList.pageSize).prefix(StoryList.pageSize))
  return StoryPage(stories: stories, readIDs: stories.map(\.id).filter(read.contains))
}

@Suite("A library's list, paged")
struct PagingTests {
  /// The listing of the tests below: 1,000 stories counted.
  private let source = StoryList.Source(listing: 1, filter: .all, count: 1_000)

  @Test func aPageIsAskedForOnceAndItsRowsAreThereWhenItComes() {
    let all = summaries(1_000)
    var list = StoryList(count: 1_000, source: source)
    #expect(list.story(at: 0) == nil)
    #expect(list.pagesToFetch(for: 0..<300) == [0, 1, 2])
    #expect(list.pagesToFetch(for: 100..<200).isEmpty)
    list.fill(page: 1, with: page(1, of: all).stories)
    #expect(list.story(at: 128)?.headline == "Story 128")
    #expect(list.story(at: 127) == nil)
    #expect(list.pagesToFetch(for: 990..<2_000) == [7])
  }

  @Test func aShortPageEndsTheListWhereStoriesWentFromTheLibrary() {
    var list = StoryList(count: 1_000, source: source)
    list.fill(page: 7, with: Array(summaries(1_000)[896..<900]))
    #expect(list.count == 900)
    #expect(list.story(at: 899)?.headline == "Story 899")
  }

  @Test func pagesFarFromTheSelectionAreDroppedAndAskedForAgainButNotTheEnds() {
    let all = summaries(5_000)
    var list = StoryList(count: 5_000, source: source)
    for number in [0, 10, 39] {
      _ = list.pagesToFetch(for: (number * 128)..<(number * 128 + 1))
      list.fill(page: number, with: page(number, of: all).stories)
    }
    list.keepPages(near: 4_000)
    #expect(list.story(at: 1_280) == nil)
    #expect(list.pagesToFetch(for: 1_280..<1_290) == [10])
    // The first and last pages stay, for g and G.
    #expect(list.story(at: 0)?.headline == "Story 0")
    #expect(list.story(at: 4_999)?.headline == "Story 4999")
  }

  @Test func theReaderListsTheCountAndAsksOnlyForThePagesOnScreen() throws {
    let all = summaries(1_000)
    var state = ReaderState(width: 60, height: 10)
    state.isLibrary = true
    // What waits for analysis is analysed behind the first screen.
    #expect(state.update(.started) == [.listStories(.all, request: 1), .analyseLibrary])
    // The page after the screen and the last screen are asked for at once: paging and G never wait.
    let effects = state.update(.storiesListed(StoryListing(request: 1, filter: .all, count: 1_000, page: 0, stories: page(0, of: all, read: ["1"]))))
    #expect(effects == [.loadStoryPage(source, page: 1), .loadStoryPage(source, page: 7)])
    #expect(state.readIDs == ["1"])
    var screen = ReaderView.render(state).text
    #expect(screen.contains("Story 0") && screen.contains("story 1/1000"))
    // G before the last page came: its rows wait for it with an ellipsis, and the page before
    // it is asked for as the margin.
    let asked = state.update(.input(.key(.character("G"))))
    #expect(asked == [.loadStoryPage(source, page: 6)])
    screen = ReaderView.render(state).text
    #expect(screen.contains("…") && !screen.contains("Story 999"))
    #expect(state.update(.input(.key(.character("k")))).isEmpty)
    // A page of a listing no longer shown is dropped; the right one fills the rows.
    _ = state.update(.storyPageLoaded(StoryList.Source(listing: 9, filter: .all), page: 7, page(0, of: all)))
    #expect(state.selectedStory == nil)
    _ = state.update(.storyPageLoaded(source, page: 7, page(7, of: all)))
    #expect(state.selectedStory?.headline == "Story 998")
    #expect(ReaderView.render(state).text.contains("Story 999"))
  }

  @Test func aMarksAPagedListInTheLibraryAndUUndoesIt() {
    var state = ReaderState(width: 60, height: 10)
    state.isLibrary = true
    _ = state.update(.started)
    _ = state.update(.storiesListed(StoryListing(request: 1, filter: .all, count: 300, page: 0, stories: page(0, of: summaries(300)))))
    #expect(state.update(.input(.key(.character("A")))) == [.markAllRead(.all)])
    _ = state.update(.allMarkedRead(["0", "1", "299"], .all))
    #expect(state.readIDs == ["0", "1", "299"])
    #expect(state.notice == "marked 3 stories read (U undoes)")
    #expect(state.update(.input(.key(.character("U")))) == [.mark(["0", "1", "299"], .unread)])
    #expect(state.readIDs.isEmpty)
    _ = state.update(.allMarkedRead([], .all))
    #expect(state.notice == "every story here is read")
  }

  @Test func theProgramFetchesThePagesItShowsAndNoMore() {
    let library = MemoryLibrary((1...1_000).map(Stories.filler))
    let backend = MemoryBackend(
      width: 60, height: 12,
      script: [.waitFor("story 1/1000"), .event(.key(.character("G"))), .waitFor("Story number 1000")])
    _ = ReaderProgram.run(.plain(library: library), on: backend)
    #expect(backend.gaveUpWaitingFor == nil)
    // The first screen's page and the next, the last screen's and the one before: 4 of 8.
    let offsets = library.pagesAsked.map(\.1)
    #expect(Set(offsets) == [0, 128, 768, 896])
    #expect(offsets.count == 4)
    // Pages after the first listing's are asked with its count, so the last ones can be found
    // from the end of the order.
    #expect(library.pagesAsked.map(\.2) == [1_000, 1_000, 1_000, 1_000])
  }

  /// A story opened from a speaker's quotes becomes the list's selection, so that the status
  /// bar and j/k go on from it: at once when its row is held, else through a listing kept on it.
  @Test func aStoryOpenedFromASpeakersQuotesIsSelectedInTheList() throws {
    let all = summaries(1_000)
    var state = ReaderState(width: 60, height: 10)
    state.isLibrary = true
    _ = state.update(.started)
    _ = state.update(.storiesListed(StoryListing(request: 1, filter: .all, count: 1_000, page: 0, stories: page(0, of: all))))
    let quotes = [
      SpokenQuote(story: all[5], text: "\u{201C}Held.\u{201D}", start: TextPosition(paragraph: 0, offset: 0)),
      SpokenQuote(story: all[700], text: "\u{201C}Far.\u{201D}", start: TextPosition(paragraph: 0, offset: 0)),
    ]
    func openQuote(_ index: Int, speakers: Int) -> [ReaderEffect] {
      _ = state.update(.input(.key(.character("w"))))
      _ = state.update(.speakersListed([SpeakerTally(speaker: "Gwen Tallis", quotes: 2)], request: speakers))
      _ = state.update(.input(.key(.enter)))
      _ = state.update(.quotesListed(quotes, request: speakers + 1))
      for _ in 0..<index { _ = state.update(.input(.key(.character("j")))) }
      return state.update(.input(.key(.enter)))
    }
    let held = openQuote(0, speakers: 1)
    #expect(!held.contains { if case .reloadStories = $0 { true } else { false } })
    #expect(state.selectedStory?.id == "5")
    // Keys typed while a story opens wait for it: let it answer first.
    for case .openArticle(let story, let request) in held { _ = state.update(.articleFailed(story, "gone", request: request)) }
    let far = openQuote(1, speakers: 3)
    #expect(far.contains(.reloadStories(.all, request: 2, keeping: "700")))
    _ = state.update(.storiesListed(StoryListing(request: 2, filter: .all, count: 1_000, page: 5, stories: page(5, of: all), keptAt: 700)))
    #expect(state.selectedStory?.id == "700")
    #expect(ReaderView.render(state).text.contains("story 701/1000"))
  }
}

@Suite("The in-memory terminal's settle step")
struct SettleStepTests {
  private func frame(_ text: String) -> Grid {
    var grid = Grid(width: 20, height: 1)
    grid.write(text, x: 0, y: 0, style: Style(.body))
    return grid
  }

  /// `.settle` holds the script until a frame drawn after the last event has no row waiting
  /// for its page: not the frame before the key, not a frame still showing `…`.
  @Test func settleWaitsForAFrameAfterTheEventWithEveryHeadline() {
    let backend = MemoryBackend(
      width: 20, height: 1, script: [.event(.key(.character("j"))), .settle, .event(.key(.character("k")))], keepsFrames: false)
    backend.present(frame("Story 1"), forceFull: false)
    #expect(backend.readEvent(timeout: 0) == .key(.character("j")))
    // The frame from before the key does not count.
    #expect(backend.readEvent(timeout: 0) == nil)
    backend.present(frame(HeadlineListView.placeholder), forceFull: false)
    #expect(backend.readEvent(timeout: 0) == nil)
    backend.present(frame("Story 2"), forceFull: false)
    #expect(backend.readEvent(timeout: 0) == .key(.character("k")))
    #expect(backend.frames.count == 1)
  }
}
