import Foundation
import NewsKit
import Testing

@testable import CursesUI

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
    let directory = NSTemporaryDirectory() + "herald-loop-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    try """
      Harbour ferry returns

      The green ferry crossed the harbour again on Monday.

      Harbourmaster Gwen Tallis said: “People waited a long time.”
      """.write(toFile: directory + "/01.txt", atomically: true, encoding: .utf8)
    try """
      Library opens late

      The library opened its doors on Sunday for the first time.
      """.write(toFile: directory + "/02.txt", atomically: true, encoding: .utf8)
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

/// A library in memory: three stories, reading positions kept in a dictionary.
final class MemoryLibrary: ReaderLibrary, @unchecked Sendable {
  // Mutable test settings (arriving, syncDelay) are set before the reader runs.
  private let lock = NSLock()
  private var positions: [String: Int] = [:]
  let articles: [Article]

  init(_ articles: [Article]) {
    self.articles = articles.enumerated().map { index, article in
      var stored = article
      stored.id = String(index + 1)
      stored.path = ReaderLibraryPath.path(of: stored.id)
      return stored
    }
  }

  var recorded: [String: Int] { lock.withLock { positions } }

  private var marks: [String: Set<StoryMark>] = [:]

  var markings: [String: Set<StoryMark>] { lock.withLock { marks } }

  /// The feeds the pane shows; stories belong to feed "1" unless `feedOfStory` says otherwise.
  var feedList: [ReaderFeed] = [ReaderFeed(id: "1", title: "Wire", unread: 0, total: 0)]
  var feedOfStory: [String: String] = [:]

  func feeds() throws -> [ReaderFeed] { feedList }

  func speakers(_ filter: StoryFilter) throws -> [SpeakerTally] {
    let counts = Dictionary(grouping: articles.flatMap(\.quotes).compactMap(\.speaker), by: { $0 }).mapValues(\.count)
    return counts.map { SpeakerTally(speaker: $0.key, quotes: $0.value) }
      .sorted { ($0.quotes, $1.speaker) > ($1.quotes, $0.speaker) }
  }

  func quotes(of speaker: String, _ filter: StoryFilter) throws -> [SpokenQuote] {
    articles.flatMap { article in
      article.quotes.filter { $0.speaker == speaker }.map { SpokenQuote(story: article.summary, text: $0.text, start: $0.start) }
    }
  }

  func listStories(_ filter: StoryFilter, _ deliver: ([ArticleSummary], [String], [String]) -> Void) throws {
    if case .feed(let id) = filter {
      deliver(articles.filter { (feedOfStory[$0.id] ?? "1") == id }.map(\.summary), [], [])
      return
    }
    let (read, starred) = lock.withLock {
      (Array(positions.keys) + marks.filter { $0.value.contains(.read) }.map(\.key),
       marks.filter { $0.value.contains(.star) }.map(\.key))
    }
    deliver(lock.withLock { synced }.map(\.summary) + articles.map(\.summary), read, starred)
  }

  /// Stories a sync brings, and how long it takes.
  var arriving: [Article] = []
  var syncDelay: Double = 0
  private var synced: [Article] = []

  func sync(feedOf storyID: String?, progress: @escaping @Sendable (ReaderSyncProgress) -> Void) throws -> String {
    progress(.feeds(done: 0, total: 1, newStories: 0, failed: 0))
    Thread.sleep(forTimeInterval: syncDelay)
    let arrived = lock.withLock {
      synced = arriving.enumerated().map { index, article in
        var stored = article
        stored.id = "new\(index)"
        stored.path = ReaderLibraryPath.path(of: stored.id)
        return stored
      }
      return synced.count
    }
    progress(.feeds(done: 1, total: 1, newStories: arrived, failed: 0))
    return "synced 1 feed: \(arrived) new articles"
  }

  func search(_ query: String, limit: Int) throws -> [ArticleSummary] {
    if query.hasPrefix("\"") && !query.dropFirst().contains("\"") { throw LibrarySearchFailure("a quotation mark is not closed") }
    let word = query.lowercased()
    return articles.filter { article in
      article.paragraphs.contains { $0.lowercased().contains(word) } || article.headline.lowercased().contains(word)
    }.map(\.summary)
  }

  func mark(_ storyIDs: [String], _ mark: StoryMark) throws {
    lock.withLock {
      for id in storyIDs {
        marks[id, default: []].remove(mark.inverse)
        marks[id, default: []].insert(mark)
      }
    }
  }

  func open(_ story: ArticleSummary) throws -> (article: Article, paragraph: Int?) {
    guard let article = (articles + lock.withLock { synced }).first(where: { $0.id == story.id }) else { throw LoadError(path: story.path, reason: .notFound) }
    return (article, lock.withLock { positions[story.id] })
  }

  func recordReading(_ storyID: String, paragraph: Int, read: Bool) throws {
    lock.withLock { positions[storyID] = paragraph }
  }
}

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

@Suite("Links: o opens in the browser, y copies")
struct LinkTests {
  private func reading(_ links: [String], link: String? = nil) -> ReaderState {
    var state = ReaderState(width: 60, height: 20)
    var story = Stories.all[0]
    story.links = links
    story.link = link
    _ = state.update(.storiesLoaded([story.summary], skipped: 0, done: true))
    if case .openArticle(_, let request)? = state.update(.input(.key(.enter))).first {
      _ = state.update(.articleLoaded(story, request: request))
    }
    return state
  }

  @Test func oOpensTheStorysLinkAndACountPicksANumberedOne() {
    var state = reading(["https://a.example/1", "https://a.example/2", "https://a.example/3"], link: "https://a.example/story")
    #expect(state.update(.input(.key(.character("o")))) == [.openURL("https://a.example/story")])
    _ = state.update(.input(.key(.character("3"))))
    #expect(state.notice == "count 3")
    #expect(state.update(.input(.key(.character("o")))) == [.openURL("https://a.example/3")])
    #expect(state.count == nil)
    _ = state.update(.input(.key(.character("2"))))
    _ = state.update(.input(.key(.character("j"))))
    #expect(state.update(.input(.key(.character("y")))) == [.copyToClipboard("https://a.example/story")])
    _ = state.update(.input(.key(.character("9"))))
    #expect(state.update(.input(.key(.character("o")))).isEmpty)
    #expect(state.notice == "no link [9]: this story has 3")
  }

  @Test func onlyWebAndMailAddressesAreOpened() {
    for link in ["file:///etc/passwd", "javascript:alert(1)", "-e /bin/sh", "https://x.example/\u{1B}[2J"] {
      var state = reading([], link: link)
      #expect(state.update(.input(.key(.character("o")))).isEmpty, "\(link)")
    }
    var mail = reading([], link: "mailto:desk@x.example")
    #expect(mail.update(.input(.key(.character("o")))) == [.openURL("mailto:desk@x.example")])
    var none = reading([])
    #expect(none.update(.input(.key(.character("o")))).isEmpty)
    #expect(none.notice == "this story has no link")
  }

  @Test func theBrowserCommandIsBuiltWithoutAShell() {
    let url = "https://x.example/a?b=1&c=$(rm -rf ~)"
    #expect(BrowserLauncher.command(for: url, environment: [:]) == ["xdg-open", url])
    #expect(BrowserLauncher.command(for: url, environment: ["BROWSER": "w3m:lynx"]) == ["w3m", url])
    #expect(BrowserLauncher.command(for: url, environment: ["BROWSER": "firefox --new-tab %s"]) == ["firefox", "--new-tab", url])
    #expect(BrowserLauncher.run(["true"]) == nil)
    #expect(BrowserLauncher.run(["false"]) == "false exited with status 1")
    #expect(BrowserLauncher.run(["/nonexistent/browser"])?.hasPrefix("cannot run /nonexistent/browser") == true)
  }

  @Test func theProgramHandsTheTerminalToTheBrowserAndCopiesThroughTheBackend() throws {
    let directory = NSTemporaryDirectory() + "herald-links-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    let record = directory + "/opened"
    let script = directory + "/browser"
    try "#!/bin/sh\nprintf '%s' \"$1\" > \(record)\n".write(toFile: script, atomically: true, encoding: .utf8)
    chmod(script, 0o755)
    let feed = directory + "/feed.xml"
    try """
      <rss version="2.0"><channel><title>Wire</title><item><title>Bridge reopens</title>
      <link>https://wire.example/bridge?x=1&amp;y=$(id)</link><description>The bridge reopened on Monday.</description>
      </item></channel></rss>
      """.write(toFile: feed, atomically: true, encoding: .utf8)
    let backend = MemoryBackend(
      width: 60, height: 16,
      script: [
        .waitFor("Bridge reopens"), .event(.key(.enter)), .waitFor("reopened on Monday"), .event(.key(.character("o"))),
        .waitFor("opening"), .event(.key(.character("y"))), .waitFor("copied"),
      ])
    _ = ReaderProgram.run(
      ReaderProgram.Setup(
        paths: [feed], config: ReaderConfig(), catalog: ThemeCatalog(bundled: nil, user: nil),
        theme: Theme(name: "plain", styles: [:]), environment: ["BROWSER": script]),
      on: backend)
    #expect(backend.gaveUpWaitingFor == nil)
    #expect(backend.releases == 1)
    #expect(try String(contentsOfFile: record, encoding: .utf8) == "https://wire.example/bridge?x=1&y=$(id)")
    #expect(backend.clipboard == ["https://wire.example/bridge?x=1&y=$(id)"])
  }

  @Test func base64ForTheClipboard() {
    #expect(CursesBackend.base64(Array("".utf8)) == "")
    #expect(CursesBackend.base64(Array("f".utf8)) == "Zg==")
    #expect(CursesBackend.base64(Array("fo".utf8)) == "Zm8=")
    #expect(CursesBackend.base64(Array("https://x.example/é".utf8)) == "aHR0cHM6Ly94LmV4YW1wbGUvw6k=")
  }
}

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
    #expect(state.stories.map(\.id) == ["1"])
    #expect(state.notice == "1 found for cheering · Esc returns")
    #expect(state.search?.query == "cheering")
    _ = state.update(.input(.key(.escape)))
    #expect(state.stories.count == Stories.all.count)
    #expect(state.list.selected == 1)
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

@Suite("Syncing from the reader")
struct ReaderSyncTests {
  @Test func newStoriesArriveAboveWithoutMovingTheSelectionOrTheScreen() {
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
    #expect(state.update(.syncFinished("synced 10 feeds: 12 new articles")) == [.reloadStories(.all)])
    let arrived = (0..<12).map { ArticleSummary(id: "n\($0)", headline: "New \($0)", source: nil, path: "library:n\($0)") }
    _ = state.update(.storiesReplaced(arrived + library.articles.map(\.summary), read: [], starred: [], filter: .all))
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

extension ReaderProgram.Setup {
  /// A reader on a library with the defaults and no theme, for program-loop tests.
  static func plain(library: MemoryLibrary) -> ReaderProgram.Setup {
    ReaderProgram.Setup(
      paths: [], config: ReaderConfig(), catalog: ThemeCatalog(bundled: nil, user: nil),
      theme: Theme(name: "plain", styles: [:]), environment: [:], library: library)
  }
}
