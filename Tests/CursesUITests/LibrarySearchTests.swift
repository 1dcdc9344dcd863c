import Foundation
import NewsKit
import Testing

@testable import CursesUI

@Suite("Searching the library from the list")
struct LibrarySearchTests {
  private func libraryState(width: Int = 60) -> (ReaderState, MemoryLibrary) {
    var state = ReaderState(width: width, height: 20)
    state.isLibrary = true
    let library = MemoryLibrary(Stories.all)
    _ = state.update(.storiesLoaded(library.articles.map(\.summary), skipped: 0, done: true))
    return (state, library)
  }

  private func type(_ text: String, into state: inout ReaderState) -> [ReaderEffect] {
    var effects: [ReaderEffect] = []
    for character in text { effects += state.update(.input(.key(.character(character)))) }
    return effects + state.update(.input(.key(.enter)))
  }

  @Test func hitsReplaceTheListAndEscBringsItBack() throws {
    var (state, library) = libraryState()
    _ = state.update(.input(.key(.character("j"))))
    _ = state.update(.input(.key(.character("/"))))
    #expect(ReaderView.render(state).lines.last?.hasPrefix("search the library: ") == true)
    #expect(type("cheering", into: &state) == [.searchLibrary("cheering", request: 1)])
    let hits = try library.search("cheering", limit: 200)
    _ = state.update(.librarySearchAnswered(.success(hits), request: 1))
    #expect(state.stories.heldStories.map(\.id) == ["1"])
    #expect(state.notice == "1 found for cheering · Esc returns")
    #expect(state.search?.query == "cheering")
    _ = state.update(.input(.key(.escape)))
    #expect(state.stories.count == Stories.all.count)
    #expect(state.list.selected == 1)
    #expect(state.librarySearch == nil)
  }

  @Test func slashInTheFeedsPaneSearchesTheLibraryAndTheHitsTakeTheList() throws {
    var (state, library) = libraryState()
    _ = state.update(.input(.key(.escape)))
    #expect(state.focus == .feeds)
    _ = state.update(.input(.key(.character("/"))))
    #expect(ReaderView.render(state).lines.last?.hasPrefix("search the library: ") == true)
    #expect(type("cheering", into: &state) == [.searchLibrary("cheering", request: 1)])
    #expect(state.focus == .feeds)
    _ = state.update(.librarySearchAnswered(.success(try library.search("cheering", limit: 200)), request: 1))
    #expect(state.focus == .list)
    #expect(state.stories.heldStories.map(\.id) == ["1"])
    // Esc leaves the hits for the whole list again.
    _ = state.update(.input(.key(.escape)))
    #expect(state.stories.count == Stories.all.count)
    #expect(state.librarySearch == nil)
  }

  @Test func lateAnswersFailuresAndEmptyResultsLeaveTheList() throws {
    var (state, _) = libraryState()
    _ = state.update(.input(.key(.character("/"))))
    _ = type("ferry", into: &state)
    _ = state.update(.input(.key(.character("/"))))
    _ = type("\"unclosed", into: &state)
    _ = state.update(.librarySearchAnswered(.success([Stories.all[0].summary]), request: 1))
    #expect(state.stories.count == Stories.all.count)
    _ = state.update(.librarySearchAnswered(.failure(LibrarySearchFailure("a quotation mark is not closed")), request: 2))
    #expect(state.notice == "a quotation mark is not closed")
    _ = state.update(.input(.key(.character("/"))))
    _ = type("zebra", into: &state)
    _ = state.update(.librarySearchAnswered(.success([]), request: 3))
    #expect(state.notice == "nothing found for zebra")
    #expect(state.stories.count == Stories.all.count)
  }

  @Test func highlightedWordsComeFromThePhraseOrTheFirstPlainWord() {
    #expect(ReaderState.highlightedWords(of: "\"said the\" minister") == "said the")
    #expect(ReaderState.highlightedWords(of: "speaker:Ruiz NOT harb*") == "harb")
    #expect(ReaderState.highlightedWords(of: "(ferry OR bridge)") == "ferry")
  }

  @Test func theSearchRunsOnTheWorkerAndTheHitsOpen() {
    let library = MemoryLibrary(Stories.all)
    let backend = MemoryBackend(
      width: 60, height: 16,
      script: [
        .waitFor("Ferry returns"), .event(.key(.character("/"))),
      ] + "cheering".map { .event(.key(.character($0))) } + [
        .event(.key(.enter)), .waitFor("1 found for cheering"), .event(.key(.enter)), .waitFor("“cheering” 1/1"),
      ])
    _ = ReaderProgram.run(
      .plain(library: library),
      on: backend)
    #expect(backend.gaveUpWaitingFor == nil)
  }
}
