import Foundation
import NewsKit
import Testing

@testable import CursesUI
import TestSupport

@Suite("Effects answer by request: late answers are dropped")
struct EffectAnswerTests {
  private func openRequest(_ effects: [ReaderEffect]) -> (ArticleSummary, Int)? {
    for case .openArticle(let summary, let request) in effects { return (summary, request) }
    return nil
  }

  @Test func anAnswerForAStoryLeftBehindIsDropped() throws {
    var state = ReaderState(width: 120, height: 30)
    let first = try #require(openRequest(state.update(.storiesLoaded(Stories.all.map(\.summary), skipped: 0, done: true))))
    let second = try #require(openRequest(state.update(.input(.key(.character("j"))))))
    #expect(second.1 > first.1)
    _ = state.update(.articleLoaded(Stories.all[0], request: first.1))
    #expect(state.reading == nil)
    _ = state.update(.articleFailed(first.0, "gone", request: first.1))
    #expect(state.notice == nil)
    _ = state.update(.articleLoaded(Stories.all[1], request: second.1))
    #expect(state.reading?.article.id == Stories.all[1].id)
    #expect(state.awaitedOpen == nil)
  }

  @Test func goingBackToTheOpenStoryDropsTheAnswerForTheOneBetween() throws {
    var state = ReaderState(width: 120, height: 30)
    let first = try #require(openRequest(state.update(.storiesLoaded(Stories.all.map(\.summary), skipped: 0, done: true))))
    _ = state.update(.articleLoaded(Stories.all[0], request: first.1))
    let second = try #require(openRequest(state.update(.input(.key(.character("j"))))))
    #expect(openRequest(state.update(.input(.key(.character("k"))))) == nil)
    _ = state.update(.articleLoaded(Stories.all[1], request: second.1))
    #expect(state.reading?.article.id == Stories.all[0].id)
  }

  @Test func keysTypedBeforeTheArticleArrivesApplyToIt() throws {
    var state = ReaderState(width: 60, height: 20)
    _ = state.update(.storiesLoaded(Stories.all.map(\.summary), skipped: 0, done: true))
    let open = try #require(openRequest(state.update(.input(.key(.enter)))))
    _ = state.update(.input(.key(.character("n"))))
    _ = state.update(.input(.key(.character("j"))))
    #expect(state.keysAwaitingArticle == [.character("n"), .character("j")])
    _ = state.update(.articleLoaded(Stories.all[0], request: open.1))
    // n went to the first quote (paragraph 1), then j one paragraph on: both, in order.
    #expect(state.reading?.paragraph == 2)
    #expect(state.reading?.quote == nil)
    #expect(state.list.selected == 0)
  }

  @Test func qWhileTheArticleIsOnItsWayGoesBackNotOut() throws {
    var state = ReaderState(width: 60, height: 20)
    _ = state.update(.storiesLoaded(Stories.all.map(\.summary), skipped: 0, done: true))
    _ = state.update(.input(.key(.enter)))
    _ = state.update(.input(.key(.character("q"))))
    #expect(!state.quitting)
    #expect(state.focus == .list)
  }

  @Test func theAnswerToTheLatestRequestIsShownAndAFailureSaysWhy() throws {
    var state = ReaderState(width: 60, height: 20)
    _ = state.update(.storiesLoaded(Stories.all.map(\.summary), skipped: 0, done: true))
    let open = try #require(openRequest(state.update(.input(.key(.enter)))))
    _ = state.update(.articleFailed(open.0, "/t/01.txt: no such file", request: open.1))
    #expect(state.notice == "cannot open: /t/01.txt: no such file")
  }
}

@Suite("The program loop on an in-memory terminal")
struct ProgramLoopTests {
  private static func collection() throws -> String {
    let directory = Scratch.path("herald-loop")
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    try """
      Harbour ferry returns

      The green ferry crossed the harbour again on Monday.

      Harbourmaster Gwen Tallis said: “People waited a long time.”
      """.write(toFile: directory + "/01.txt", atomically: false, encoding: .utf8)
    try """
      Library opens late

      The library opened its doors on Sunday for the first time.
      """.write(toFile: directory + "/02.txt", atomically: false, encoding: .utf8)
    return directory
  }

  private static func setup(_ paths: [String]) -> ReaderProgram.Setup {
    ReaderProgram.Setup(
      paths: paths, config: ReaderConfig(), catalog: ThemeCatalog(bundled: nil, user: nil),
      theme: Theme(name: "plain", styles: [:]), environment: [:])
  }

  @Test func keysOpenStoriesReadOffTheLoopAndFramesFollow() throws {
    let directory = try Self.collection()
    let backend = MemoryBackend(
      width: 60, height: 16,
      script: [
        .waitFor("Library opens late"),
        .event(.key(.enter)),
        .waitFor("Harbourmaster Gwen Tallis"),
        .event(.key(.escape)),
        .event(.key(.character("j"))),
        .event(.key(.enter)),
        .waitFor("opened its doors on Sunday"),
      ])
    let outcome = ReaderProgram.run(Self.setup([directory]), on: backend)
    #expect(backend.gaveUpWaitingFor == nil)
    #expect(outcome.problems.isEmpty)
    #expect(backend.screen.contains("opened its doors on Sunday"))
    #expect(!backend.screen.contains("Harbourmaster"))
  }

  @Test func aResizeGivesAFrameOfTheNewSize() throws {
    let directory = try Self.collection()
    let backend = MemoryBackend(
      width: 60, height: 16,
      script: [.waitFor("Harbour ferry"), .event(.resize(width: 130, height: 20)), .waitFor("crossed the harbour")])
    _ = ReaderProgram.run(Self.setup([directory]), on: backend)
    #expect(backend.gaveUpWaitingFor == nil)
    let last = try #require(backend.frames.last)
    #expect(last.width == 130 && last.height == 20)
  }

  @Test func aStoryThatVanishedBeforeOpeningSaysSo() throws {
    let directory = try Self.collection()
    let backend = MemoryBackend(
      width: 60, height: 16,
      script: [
        .waitFor("Library opens late"), .event(.key(.character("j"))), .event(.key(.enter)), .waitFor("cannot open"),
      ], patience: 3)
    // The story is listed, then its file goes before it is opened.
    backend.onFrame = { grid in
      if grid.text.contains("Library opens late") { try? FileManager.default.removeItem(atPath: directory + "/02.txt") }
    }
    _ = ReaderProgram.run(Self.setup([directory]), on: backend)
    #expect(backend.gaveUpWaitingFor == nil)
  }
}
