import Foundation
import NewsKit
import Testing

@testable import CursesUI

/// The reader on a library some of whose stories wait for analysis (issue 29): it analyses
/// them behind its first screen, shows the progress, and says what search and `w` cover
/// meanwhile.
@Suite("Analysis in the reader")
struct AnalysisInTheReaderTests {
  private func libraryState() -> (ReaderState, MemoryLibrary) {
    var state = ReaderState(width: 80, height: 20)
    state.isLibrary = true
    let library = MemoryLibrary(Stories.all)
    _ = state.update(.storiesLoaded(library.articles.map(\.summary), skipped: 0, done: true))
    return (state, library)
  }

  @Test func progressShowsInTheStatusBarAndSearchSaysWhatItCovers() throws {
    var (state, library) = libraryState()
    _ = state.update(.syncProgressed(.analysing(analysed: 41_200, covered: 62_000, total: 100_000)))
    #expect(state.syncStatus == "analysing 41,200 of 100,000")
    #expect(ReaderView.render(state).lines.last?.contains("analysing 41,200 of 100,000") == true)
    // A search meanwhile says how much of the library it covers.
    for character in "/cheering" { _ = state.update(.input(.key(.character(character)))) }
    #expect(state.update(.input(.key(.enter))) == [.searchLibrary("cheering", request: 1)])
    _ = state.update(.librarySearchAnswered(.success(try library.search("cheering", limit: 200)), request: 1))
    #expect(state.notice == "1 found in 62,000 of 100,000 stories indexed so far · Esc returns")
    // And nothing found says it too.
    _ = state.update(.input(.key(.escape)))
    for character in "/nowhere" { _ = state.update(.input(.key(.character(character)))) }
    _ = state.update(.input(.key(.enter)))
    _ = state.update(.librarySearchAnswered(.success([]), request: 2))
    #expect(state.notice == "nothing found for nowhere (62,000 of 100,000 stories indexed so far)")
    // Once analysis is done, the notices are as before.
    _ = state.update(.syncFinished("analysed 38,000 stories: quotes and search are complete"))
    #expect(state.syncStatus == nil)
    for character in "/cheering" { _ = state.update(.input(.key(.character(character)))) }
    _ = state.update(.input(.key(.enter)))
    _ = state.update(.librarySearchAnswered(.success(try library.search("cheering", limit: 200)), request: 3))
    #expect(state.notice == "1 found for cheering · Esc returns")
  }

  @Test func theSpeakersViewSaysWhatItCovers() throws {
    var (state, _) = libraryState()
    _ = state.update(.syncProgressed(.analysing(analysed: 10, covered: 10, total: 40)))
    let effects = state.update(.input(.key(.character("w"))))
    guard case .listSpeakers(_, let request) = try #require(effects.first) else {
      Issue.record("w asked for \(effects)")
      return
    }
    _ = state.update(.speakersListed([SpeakerTally(speaker: "Ana Ruiz", quotes: 2)], request: request))
    #expect(state.notice == "10 of 40 stories analysed for quotes so far")
  }

  /// The worker asks the library, which reports each step and a summary; the messages come
  /// back in order, and nothing comes when nothing waited.
  @Test func theWorkerAnalysesInTheBackground() throws {
    let library = MemoryLibrary(Array(Stories.all.prefix(2)))
    let idle = EffectWorker(opener: ArticleOpener(library: library))
    idle.analyse()
    // A listing queued on the same thread after it: once it is back, the analysis has run.
    idle.reloadStories(.all, request: 9, keeping: nil)
    var idleMessages: [ReaderMessage] = []
    let idleDeadline = Date().addingTimeInterval(3)
    while Date() < idleDeadline && !idleMessages.contains(where: { if case .storiesListed = $0 { true } else { false } }) {
      idleMessages += idle.take()
      Thread.sleep(forTimeInterval: 0.01)
    }
    #expect(idleMessages.contains { if case .storiesListed = $0 { true } else { false } })
    #expect(!idleMessages.contains { if case .syncFinished = $0 { true } else { false } })
    library.analysisSteps = [.analysing(analysed: 0, covered: 0, total: 2), .analysing(analysed: 2, covered: 2, total: 2)]
    let worker = EffectWorker(opener: ArticleOpener(library: library))
    worker.analyse()
    worker.finish()
    var messages: [ReaderMessage] = []
    let deadline = Date().addingTimeInterval(3)
    while Date() < deadline && !messages.contains(where: { if case .syncFinished = $0 { true } else { false } }) {
      messages += worker.take()
      Thread.sleep(forTimeInterval: 0.01)
    }
    let statuses = messages.compactMap { message -> String? in
      switch message {
      case .syncProgressed(let progress): return ReaderState.describe(progress)
      case .syncFinished(let summary): return summary
      default: return nil
      }
    }
    #expect(statuses == ["analysing 0 of 2", "analysing 2 of 2", "analysed"])
  }
}
