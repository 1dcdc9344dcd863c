import Foundation
import GRDB
import NewsKit
import Synchronization
import Testing

@testable import LibraryKit
import TestSupport

/// A library in a new temporary directory.
private func makeLibrary() throws -> Library {
  let directory = Scratch.path("herald-library")
  return try Library(path: directory + "/library.sqlite")
}

private func article(_ key: String, _ headline: String, _ paragraphs: [String], published: Date? = nil) -> Article {
  Article(
    id: key, headline: headline, source: "Test Wire", published: published, paragraphs: paragraphs,
    quotes: QuoteDetector.quotes(in: paragraphs))
}

/// Whether FTS5 finds its index in step with `articleText`, the text it indexes: it throws
/// "database disk image is malformed" when a row was indexed with other text than it holds.
private func searchIndexIsInStep(_ library: Library) -> Bool {
  (try? library.pool.write { db in
    try db.execute(sql: "INSERT INTO articleSearch (articleSearch, rank) VALUES ('integrity-check', 1)")
  }) != nil
}

@Suite("Library store")
struct LibraryStoreTests {
  @Test func theSearchIndexFollowsEveryStoreChangePruneAndRemoval() throws {
    let library = try makeLibrary()
    let feed = try library.subscribe("https://wire.example/rss")
    let old = Date(timeIntervalSince1970: 1_000_000)
    try library.store(
      [
        article("a", "Ferry back", ["The ferry ran again.", "“We waited,” said Ana Ruiz."]),
        article("b", "Old pier", ["The pier is old."], published: old),
      ], in: feed)
    #expect(searchIndexIsInStep(library))
    #expect(try library.search("ferry").map(\.entry.headline) == ["Ferry back"])
    #expect(try library.article(try #require(library.entries().first { $0.headline == "Ferry back" }?.id)).paragraphs
      == ["The ferry ran again.", "“We waited,” said Ana Ruiz."])
    // A changed item: its old words are no longer found, its new ones are.
    try library.store([article("a", "Bridge back", ["The bridge reopened.", "“We waited,” said Ben Ode."])], in: feed)
    #expect(searchIndexIsInStep(library))
    #expect(try library.search("ferry").isEmpty)
    #expect(try library.search("bridge").map(\.entry.headline) == ["Bridge back"])
    #expect(try library.search("speaker:Ode").map(\.entry.headline) == ["Bridge back"])
    // Pruned and removed articles leave the index with their text.
    try library.markAllRead()
    #expect(try library.prune(feed, keep: .days(30)) == 1)
    #expect(searchIndexIsInStep(library))
    #expect(try library.search("pier").isEmpty)
    try library.unsubscribe(feed, force: true)
    #expect(searchIndexIsInStep(library))
    #expect(try library.search("bridge").isEmpty)
  }

  @Test func theIndexCheckFailsWhenTheTextChangesBehindIt() throws {
    // The check above can fail: the index is left with text its table no longer holds.
    let library = try makeLibrary()
    let feed = try library.subscribe("https://wire.example/rss")
    try library.store([article("a", "Ferry back", ["The ferry ran again."])], in: feed)
    try library.pool.write { db in
      // No trigger follows a change of the text: only Library's code writes it, with the index.
      try db.execute(sql: "UPDATE articleText SET body = 'Something else entirely.'")
    }
    #expect(!searchIndexIsInStep(library))
  }

  @Test func aParagraphWithALineBreakReadsBackAsOne() throws {
    let library = try makeLibrary()
    let feed = try library.subscribe("https://wire.example/rss")
    try library.store([article("a", "Odd", ["First line\nsame paragraph.", "Second."])], in: feed)
    let id = try #require(try library.entries().first?.id)
    #expect(try library.article(id).paragraphs == ["First line same paragraph.", "Second."])
  }

  @Test func subscribingTwiceChangesNothing() throws {
    let library = try makeLibrary()
    let first = try library.subscribe("https://wire.example/feed.xml", tags: ["news"])
    #expect(first.id != nil)
    #expect(throws: LibraryError.alreadySubscribed("https://wire.example/feed.xml")) {
      try library.subscribe("https://wire.example/feed.xml")
    }
    let feeds = try library.feeds()
    #expect(feeds.count == 1)
    #expect(feeds[0].tags == ["news"])
  }

  /// An untitled feed is named by its URL, which a fetch error starts with: shown after the
  /// name, the error drops it; a titled feed's error keeps it.
  @Test func anErrorAfterAnUntitledFeedsNameDoesNotRepeatIt() throws {
    let library = try makeLibrary()
    var feed = try library.subscribe("https://wire.example/feed.xml")
    let error = "https://wire.example/feed.xml: connection refused"
    #expect(feed.afterName(error) == "connection refused")
    #expect(feed.afterName("timed out") == "timed out")
    feed.title = "Wire"
    #expect(feed.afterName(error) == error)
  }

  @Test func feedsAreInTitleOrderWhateverTheirCaseAndAccents() throws {
    let library = try makeLibrary()
    for (index, title) in ["zeta Weekly", "Écho du Port", "Alpha News", "echo Valley", "Ångström Times"].enumerated() {
      _ = try library.subscribe("https://feed\(index).example/rss", titleOverride: title)
    }
    #expect(try library.feeds().map(\.subscription.displayTitle) == ["Alpha News", "Ångström Times", "Écho du Port", "echo Valley", "zeta Weekly"])
  }

  @Test func storingNewUpdatedAndUnchangedArticles() throws {
    let library = try makeLibrary()
    let feed = try library.subscribe("https://wire.example/feed.xml")
    let one = article("g1", "Ferry returns", ["The ferry ran again."])
    let two = article("g2", "Bridge shut", ["The bridge shut at noon."])
    #expect(try library.store([one, two], in: feed) == StoreResult(new: 2, updated: 0, unchanged: 0))
    #expect(try library.store([one, two], in: feed) == StoreResult(new: 0, updated: 0, unchanged: 2))
    var changed = two
    changed.paragraphs = ["The bridge reopened at six."]
    #expect(try library.store([changed], in: feed) == StoreResult(new: 0, updated: 1, unchanged: 0))
    #expect(try library.entries().count == 2)
  }

  @Test func anUpdatedItemKeepsItsReadAndStarState() throws {
    let library = try makeLibrary()
    let feed = try library.subscribe("https://wire.example/feed.xml")
    try library.store([article("g1", "Old headline", ["Old text."])], in: feed)
    let id = try #require(try library.entries().first?.id)
    try library.mark([id], .read)
    try library.mark([id], .star)
    try library.store([article("g1", "New headline", ["New text."])], in: feed)
    let entry = try #require(try library.entries().first)
    #expect(entry.id == id)
    #expect(entry.headline == "New headline")
    #expect(entry.isRead && entry.isStarred)
    #expect(try library.article(id).paragraphs == ["New text."])
  }

  @Test func listingFiltersAndOrder() throws {
    let library = try makeLibrary()
    let feed = try library.subscribe("https://a.example/feed.xml", tags: ["local"])
    let other = try library.subscribe("https://b.example/feed.xml")
    try library.store(
      [
        article("a1", "Older", ["x"], published: Date(timeIntervalSince1970: 1_000)),
        article("a2", "Newer", ["y"], published: Date(timeIntervalSince1970: 2_000)),
      ], in: feed)
    try library.store([article("b1", "Middle", ["z"], published: Date(timeIntervalSince1970: 1_500))], in: other)
    #expect(try library.entries().map(\.headline) == ["Newer", "Middle", "Older"])
    let newer = try #require(try library.entries().first)
    try library.mark([newer.id], .read)
    #expect(try library.entries(ArticleFilter(unreadOnly: true)).map(\.headline) == ["Middle", "Older"])
    #expect(try library.entries(ArticleFilter(tag: "local")).map(\.headline) == ["Newer", "Older"])
    #expect(try library.entries(ArticleFilter(subscriptionId: other.id)).map(\.headline) == ["Middle"])
    #expect(try library.markAllRead(subscriptionId: feed.id) == 1)
    #expect(try library.feeds().map(\.unread).sorted() == [0, 1])
  }

  @Test func markingAnUnknownArticleChangesNothing() throws {
    let library = try makeLibrary()
    let feed = try library.subscribe("https://a.example/feed.xml")
    try library.store([article("a1", "One", ["x"])], in: feed)
    let id = try #require(try library.entries().first?.id)
    #expect(throws: LibraryError.noSuchArticle("999")) { try library.mark([id, 999], .read) }
    #expect(try library.entries().first?.isRead == false)
  }

  @Test func marksSpanningSeveralStatementsAllLandOrNoneDo() throws {
    let library = try makeLibrary()
    let feed = try library.subscribe("https://a.example/feed.xml")
    try library.store((0..<1_200).map { article("a\($0)", "Story \($0)", ["x"]) }, in: feed)
    let ids = try library.entries().map(\.id)
    #expect(throws: LibraryError.noSuchArticle("99999")) { try library.mark(ids + [99_999], .read) }
    #expect(try library.countEntries(ArticleFilter(unreadOnly: true)) == 1_200)
    #expect(try library.mark(ids, .read) == 1_200)
    #expect(try library.countEntries(ArticleFilter(unreadOnly: true)) == 0)
  }

  @Test func quotesAreStoredWithTheirSpeakers() throws {
    let library = try makeLibrary()
    let feed = try library.subscribe("https://a.example/feed.xml")
    try library.store([article("q1", "Vote", ["The mayor said: “We will build it.”"])], in: feed)
    let id = try #require(try library.entries().first?.id)
    let stored = try library.article(id)
    #expect(stored.quotes.map(\.text) == ["“We will build it.”"])
    #expect(stored.quotes.first?.speaker == "The mayor")
  }

  @Test func removingAFeedDeletesItsArticlesButNotStarredOnesWithoutForce() throws {
    let library = try makeLibrary()
    let feed = try library.subscribe("https://a.example/feed.xml")
    try library.store([article("a1", "One", ["x"]), article("a2", "Two", ["y"])], in: feed)
    let id = try #require(try library.entries().first?.id)
    try library.mark([id], .star)
    #expect(throws: LibraryError.self) { try library.unsubscribe(feed, force: false) }
    #expect(throws: LibraryError.hasStarred(feed: "https://a.example/feed.xml", count: 1)) {
      try library.unsubscribe(feed, force: false)
    }
    #expect(try library.entries().count == 2)
    #expect(try library.unsubscribe(feed, force: true) == 2)
    #expect(try library.entries().isEmpty)
    #expect(try library.search("one").isEmpty)
  }

  @Test func feedsAreFoundByIdLocationOrTitle() throws {
    let library = try makeLibrary()
    var feed = try library.subscribe("https://a.example/feed.xml")
    feed.title = "Harbour News"
    try library.update(feed)
    #expect(try library.subscription(named: "Harbour News").id == feed.id)
    #expect(try library.subscription(named: "harbour news").id == feed.id)
    #expect(try library.subscription(named: String(feed.id!)).id == feed.id)
    #expect(try library.subscription(named: "https://a.example/feed.xml").id == feed.id)
    #expect(throws: LibraryError.noSuchFeed("Nope")) { try library.subscription(named: "Nope") }
  }
}

@Suite("Library search")
struct LibrarySearchTests {
  private func library() throws -> Library {
    let library = try makeLibrary()
    let feed = try library.subscribe("https://a.example/feed.xml")
    try library.store(
      [
        article("h", "Harbour dredging starts", ["Work began on the channel."]),
        article("t", "Council budget", ["The harbour is mentioned once in the text."]),
        article("q", "Quay vote", ["Gordon Pike said: “The quay stays open.”"]),
        article("c", "Café reopens", ["Covid-19 rules lifted; the café is busy."]),
      ], in: feed)
    return library
  }

  @Test func headlineMatchesRankAboveTextMatches() throws {
    let hits = try library().search("harbour")
    #expect(hits.map(\.entry.headline) == ["Harbour dredging starts", "Council budget"])
    #expect(hits[0].snippet.contains("[Harbour]"))
  }

  @Test func headlineMatchesComeFirstThenTheRestWithoutRepeatsUpToTheLimit() throws {
    let library = try makeLibrary()
    let feed = try library.subscribe("https://a.example/feed.xml")
    // Three articles say "ferry" many times in their text; two have it in the headline once.
    try library.store(
      (1...3).map { article("b\($0)", "Body \($0)", [String(repeating: "The ferry sailed. ", count: 20)]) }
        + [article("h1", "Ferry timetable", ["New times."]), article("h2", "Late ferry", ["It ran late."])], in: feed)
    let all = try library.search("ferry")
    #expect(Set(all.prefix(2).map(\.entry.headline)) == ["Ferry timetable", "Late ferry"])
    #expect(all.count == 5 && Set(all.map(\.entry.id)).count == 5)
    #expect(try library.search("ferry", limit: 2).count == 2)
    #expect(try library.search("ferry", limit: 3).count == 3)
    // NOT reads the whole article: "late" is in h2's headline, "ran" only in its text.
    #expect(try library.search("ferry NOT ran").map(\.entry.headline).contains("Late ferry") == false)
  }

  @Test func phrasesPrefixesAndOperators() throws {
    let library = try library()
    #expect(try library.search("\"mentioned once\"").map(\.entry.headline) == ["Council budget"])
    #expect(try library.search("dredg*").map(\.entry.headline) == ["Harbour dredging starts"])
    #expect(try library.search("harbour NOT budget").map(\.entry.headline) == ["Harbour dredging starts"])
    #expect(try Set(library.search("quay OR channel").map(\.entry.headline)) == ["Quay vote", "Harbour dredging starts"])
    #expect(try library.search("cafe").map(\.entry.headline) == ["Café reopens"])
    #expect(try library.search("covid-19").map(\.entry.headline) == ["Café reopens"])
  }

  @Test func speakerRestrictsToArticlesQuotingThem() throws {
    let library = try library()
    #expect(try library.search("speaker:Pike").map(\.entry.headline) == ["Quay vote"])
    #expect(try library.search("speaker:\"Gordon Pike\" quay").map(\.entry.headline) == ["Quay vote"])
    #expect(try library.search("speaker:Hale").isEmpty)
  }

  @Test(arguments: ["\"unclosed", "(harbour", "harbour)", "AND harbour", "harbour OR", "*", "", "speaker:"])
  func malformedQueriesAreClearErrors(query: String) throws {
    let library = try library()
    #expect {
      try library.search(query)
    } throws: { error in
      guard case LibraryError.badQuery(let why) = error else { return false }
      return !why.contains("fts5") && !why.isEmpty
    }
  }
}

@Suite("Library file")
struct LibraryFileTests {
  @Test func theLocationFollowsFlagThenEnvironmentThenXDG() {
    #expect(LibraryLocation.resolve(explicit: "/x/l.sqlite", environment: ["HERALD_LIBRARY": "/y"]) == "/x/l.sqlite")
    #expect(LibraryLocation.resolve(explicit: nil, environment: ["HERALD_LIBRARY": "/y/l.sqlite"]) == "/y/l.sqlite")
    #expect(LibraryLocation.resolve(explicit: nil, environment: ["XDG_DATA_HOME": "/d", "HOME": "/h"]) == "/d/herald/library.sqlite")
    #expect(LibraryLocation.resolve(explicit: nil, environment: ["XDG_DATA_HOME": "rel", "HOME": "/h"]) == "/h/.local/share/herald/library.sqlite")
  }

  @Test func theDatabaseIsWALWithForeignKeys() throws {
    let library = try makeLibrary()
    let mode = try library.pool.read { try String.fetchOne($0, sql: "PRAGMA journal_mode") }
    #expect(mode == "wal")
    let foreignKeys = try library.pool.read { try Int.fetchOne($0, sql: "PRAGMA foreign_keys") }
    #expect(foreignKeys == 1)
  }

  @Test func theFootprintSetsThePageCaches() throws {
    let path = Scratch.path("herald-footprint") + ".sqlite"
    let commands = try Library(path: path)
    #expect(try commands.pool.write { try Int.fetchOne($0, sql: "PRAGMA cache_size") } == -8192)
    #expect(try commands.pool.read { try Int.fetchOne($0, sql: "PRAGMA cache_size") } == -2000)
    let reader = try Library(path: path, footprint: .small)
    #expect(try reader.pool.read { try Int.fetchOne($0, sql: "PRAGMA cache_size") } == -256)
    #expect(reader.pool.configuration.maximumReaderCount == 2)
  }

  @Test func everyEarlierMigrationUpgradesToTheLatest() throws {
    let migrator = LibrarySchema.migrator
    for (index, _) in migrator.migrations.enumerated() {
      let path = Scratch.path("herald-migrate") + ".sqlite"
      let queue = try DatabaseQueue(path: path)
      try migrator.migrate(queue, upTo: migrator.migrations[index])
      try queue.close()
      let library = try Library(path: path)
      let applied = try library.pool.read { try migrator.appliedMigrations($0) }
      #expect(applied == migrator.migrations)
    }
  }

  /// A database made by the migrations up to `migration`, with one subscription and what
  /// `fill` writes; its path.
  private func database(upTo migration: String, _ fill: (Database) throws -> Void) throws -> String {
    let path = Scratch.path("herald-migrate") + ".sqlite"
    let queue = try DatabaseQueue(path: path)
    try LibrarySchema.migrator.migrate(queue, upTo: migration)
    try queue.write { db in
      try db.execute(sql: "INSERT INTO subscription (kind, location, added) VALUES ('file', '/feeds/wire.xml', 0)")
      try fill(db)
    }
    try queue.close()
    return path
  }

  @Test func anArticleStoredBeforeV3KeepsItsTextAndState() throws {
    let path = try database(upTo: "v2: pruned items are remembered") { db in
      try db.execute(
        sql: """
          INSERT INTO article (subscriptionId, itemKey, headline, paragraphs, links, contentHash, firstSeen, sortDate, isStarred)
          VALUES (1, 'g1', 'Ferry back', '["First.","Second."]', '["https://x.example/1"]', 'h', 0, 0, 1)
          """)
    }
    var told = 0
    let library = try Library(path: path) { told += 1 }
    #expect(told == 1)
    _ = try Library(path: path) { told += 1 }
    #expect(told == 1)
    let article = try library.article(1)
    #expect(article.paragraphs == ["First.", "Second."])
    #expect(article.links == ["https://x.example/1"])
    #expect(try library.entries(ArticleFilter(starredOnly: true)).map(\.headline) == ["Ferry back"])
    let columns = try library.pool.read { db in try db.columns(in: "article").map(\.name) }
    #expect(!columns.contains("paragraphs"))
  }

  @Test func quotesStoredBeforeV5GetTheirSpeakersOneNameAndAreFoundByIt() throws {
    let path = try database(upTo: "v4: unread counts per feed, and speakers per article, from indexes") { db in
      try db.execute(
        sql: """
          INSERT INTO article (subscriptionId, itemKey, headline, contentHash, firstSeen, sortDate)
          VALUES (1, 'g1', 'Pier opens', 'h', 0, 0)
          """)
      try db.execute(
        sql: """
          INSERT INTO articleText (articleId, paragraphs, links)
          VALUES (1, '["Ana Ruiz opened the pier.","“It was worth it,” said Ms Ruiz."]', '[]')
          """)
      try db.execute(
        sql: """
          INSERT INTO quote (articleId, startParagraph, startOffset, endParagraph, endOffset, text, kind, speaker)
          VALUES (1, 1, 0, 1, 18, '“It was worth it,”', 'speech', 'Ms Ruiz')
          """)
      try db.execute(
        sql: """
          INSERT INTO articleSearch (rowid, headline, body, speakers)
          VALUES (1, 'Pier opens', 'Ana Ruiz opened the pier.', 'Ms Ruiz')
          """)
    }
    let library = try Library(path: path)
    #expect(try library.speakers() == [SpeakerCount(speaker: "Ana Ruiz", quotes: 1)])
    #expect(try library.quotes(of: "Ana Ruiz").map(\.quote.speaker) == ["Ms Ruiz"])
    #expect(try library.search("speaker:\"Ana Ruiz\"").map(\.entry.headline) == ["Pier opens"])
  }

  @Test func textStoredBeforeV7IsKeptOnceAndStillFound() throws {
    let path = try database(upTo: "v6: a subscription's dates are numbers") { db in
      try db.execute(
        sql: """
          INSERT INTO article (subscriptionId, itemKey, headline, contentHash, firstSeen, sortDate)
          VALUES (1, 'g1', 'Pier opens', 'h', 0, 0), (1, 'g2', 'Tide tables', 'h', 0, 0);
          INSERT INTO articleText (articleId, paragraphs, links)
          VALUES (1, '["Ana Ruiz opened the pier.","“It was worth it,” said Ms Ruiz."]', '["https://x.example/1"]'),
            (2, '["High water at noon.","Low \\"water\\" at six."]', '[]');
          INSERT INTO articleSearch (rowid, headline, body, speakers)
          VALUES (1, 'Pier opens', 'Ana Ruiz opened the pier.' || char(10) || '“It was worth it,” said Ms Ruiz.', 'Ana Ruiz ; Ms Ruiz');
          """)
    }
    // Article 2 had no search row: its text is read from its paragraphs, and indexed now.
    let library = try Library(path: path)
    #expect(try library.article(1).paragraphs == ["Ana Ruiz opened the pier.", "“It was worth it,” said Ms Ruiz."])
    #expect(try library.article(1).links == ["https://x.example/1"])
    #expect(try library.article(2).paragraphs == ["High water at noon.", "Low \"water\" at six."])
    #expect(try library.search("pier").map(\.entry.headline) == ["Pier opens"])
    #expect(try library.search("speaker:Ruiz").map(\.entry.headline) == ["Pier opens"])
    #expect(try library.search("noon").map(\.entry.headline) == ["Tide tables"])
    #expect(searchIndexIsInStep(library))
    let tables = try library.pool.read { db in try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'") }
    #expect(!tables.contains("articleSearch_content"))
    // The old copies' pages are given back, not kept free in the file.
    #expect(try library.pool.read { try Int.fetchOne($0, sql: "PRAGMA freelist_count") } == 0)
  }

  @Test func aLibraryBeingUpgradedIsWaitedForNotFoundLocked() throws {
    let path = try database(upTo: "v6: a subscription's dates are numbers") { _ in }
    // Another herald upgrading it holds the lock: opening waits, then finds the work done.
    var holder: FileLock? = try FileLock(path: path + ".upgrade-lock")
    let opened = DispatchSemaphore(value: 0)
    let result = Mutex<Result<Library, Error>?>(nil)
    Thread {
      result.withLock { $0 = Result { try Library(path: path) } }
      opened.signal()
    }.start()
    #expect(opened.wait(timeout: .now() + 0.5) == .timedOut)
    holder = nil
    #expect(opened.wait(timeout: .now() + 30) == .success)
    let library = try #require(try result.withLock { try $0?.get() })
    #expect(try library.pool.read { try LibrarySchema.migrator.hasCompletedMigrations($0) })
    _ = holder
  }

  @Test func anUnopenableLibraryNamesTheFile() throws {
    let path = Scratch.path("herald-notadb")
    try Data("not a database, just text that is long enough to be read as a header".utf8).write(to: URL(fileURLWithPath: path))
    #expect {
      try Library(path: path)
    } throws: { error in
      (error as? LibraryError)?.description.hasPrefix(path) == true
    }
  }
}

@Suite("Reading state")
struct ReadingStateTests {
  @Test func readingMarksReadAndKeepsTheParagraphAndTheFirstTimeRead() throws {
    let library = try makeLibrary()
    let feed = try library.subscribe("https://wire.example/rss")
    try library.store([article("a", "Ferry back", ["One.", "Two.", "Three."])], in: feed)
    let id = try #require(try library.entries().first?.id)
    #expect(try library.readingPosition(id) == nil)
    let first = Date(timeIntervalSince1970: 1_000)
    try library.recordReading(id, paragraph: 2, now: first)
    try library.recordReading(id, paragraph: 1, now: Date(timeIntervalSince1970: 2_000))
    #expect(try library.readingPosition(id) == 1)
    #expect(try library.entries(ArticleFilter(unreadOnly: true)).isEmpty)
    let readAt = try library.pool.read { try Double.fetchOne($0, sql: "SELECT readAt FROM article WHERE id = ?", arguments: [id]) }
    #expect(readAt == 1_000)
    try library.recordReading(9_999, paragraph: 0)
    #expect(try library.readingPosition(9_999) == nil)
  }
}

@Suite("Paging the library")
struct LibraryPagingTests {
  /// Seven articles in two feeds; two share a date, so the id breaks the tie.
  private func library() throws -> (Library, Subscription) {
    let library = try makeLibrary()
    let feed = try library.subscribe("https://a.example/feed.xml", tags: ["local"])
    let other = try library.subscribe("https://b.example/feed.xml")
    let dates: [Double] = [1_000, 2_000, 3_000, 3_000, 5_000]
    try library.store(
      dates.enumerated().map { article("a\($0.offset)", "A\($0.offset)", ["x"], published: Date(timeIntervalSince1970: $0.element)) },
      in: feed)
    try library.store(
      [article("b0", "B0", ["y"], published: Date(timeIntervalSince1970: 2_500)), article("b1", "B1", ["z"], published: Date(timeIntervalSince1970: 4_000))],
      in: other)
    return (library, other)
  }

  @Test func countsFollowTheFilter() throws {
    let (library, other) = try library()
    #expect(try library.countEntries() == 7)
    #expect(try library.countEntries(ArticleFilter(tag: "local")) == 5)
    #expect(try library.countEntries(ArticleFilter(subscriptionId: other.id)) == 2)
    try library.mark([try #require(library.entries().first?.id)], .read)
    #expect(try library.countEntries(ArticleFilter(unreadOnly: true)) == 6)
  }

  @Test func everyArticleSitsWherePagingFindsIt() throws {
    let (library, _) = try library()
    for filter in [ArticleFilter(), ArticleFilter(tag: "local")] {
      let all = try library.entries(filter)
      for (index, entry) in all.enumerated() {
        #expect(try library.position(of: entry.id, in: filter) == index)
        var page = filter
        page.limit = 2
        page.offset = index / 2 * 2
        #expect(try library.entries(page).contains(entry))
      }
    }
  }

  @Test func pagesPastTheMiddleFoundFromTheOldestEndAreTheSamePages() throws {
    let (library, _) = try library()
    for filter in [ArticleFilter(), ArticleFilter(tag: "local")] {
      let all = try library.entries(filter)
      for limit in 1...3 {
        for offset in 0...all.count + 1 {
          var page = filter
          page.limit = limit
          page.offset = offset
          page.total = all.count
          let expected = Array(all.dropFirst(offset).prefix(limit))
          #expect(try library.entries(page) == expected, "limit \(limit), offset \(offset)")
        }
      }
    }
  }

  @Test func anArticleOutsideTheFilterHasNoPosition() throws {
    let (library, other) = try library()
    let outside = try #require(try library.entries(ArticleFilter(tag: "local")).first?.id)
    #expect(try library.position(of: outside, in: ArticleFilter(subscriptionId: other.id)) == nil)
    #expect(try library.position(of: 9_999) == nil)
  }

  @Test func markingAFilterReadReturnsWhatChangedToUndoIt() throws {
    let (library, other) = try library()
    let first = try #require(try library.entries(ArticleFilter(subscriptionId: other.id)).first?.id)
    try library.mark([first], .read)
    let marked = try library.markAllRead(ArticleFilter(subscriptionId: other.id))
    #expect(marked.count == 1 && !marked.contains(first))
    #expect(try library.countEntries(ArticleFilter(unreadOnly: true)) == 5)
    try library.mark(marked, .unread)
    #expect(try library.countEntries(ArticleFilter(unreadOnly: true)) == 6)
  }
}

@Suite("Who said what in the library")
struct LibrarySpeakerTests {
  /// Two feeds: Ana Ruiz quoted three times across both, Tom Baines once, in the second.
  private func library() throws -> (Library, Subscription, Subscription) {
    let library = try makeLibrary()
    let first = try library.subscribe("https://a.example/feed.xml")
    let second = try library.subscribe("https://b.example/feed.xml")
    try library.store(
      [
        article("a1", "Quay", ["“We kept our promise,” said Ana Ruiz."], published: Date(timeIntervalSince1970: 1_000)),
        article("a2", "Bridge", ["“It will reopen,” said Ana Ruiz.", "“Not soon,” said Ana Ruiz."], published: Date(timeIntervalSince1970: 3_000)),
      ], in: first)
    try library.store(
      [
        article("b1", "Ferry", ["“It runs again,” said Tom Baines.", "“Good,” said Ana Ruiz."], published: Date(timeIntervalSince1970: 2_000))
      ], in: second)
    return (library, first, second)
  }

  @Test func speakersAreCountedMostQuotedFirstOverEveryArticleOrAFilter() throws {
    let (library, first, second) = try library()
    let everyone = try library.speakers()
    #expect(everyone.map(\.speaker) == ["Ana Ruiz", "Tom Baines"])
    #expect(everyone.map(\.quotes) == [4, 1])
    #expect(try library.speakers(ArticleFilter(subscriptionId: first.id)).map(\.quotes) == [3])
    #expect(try library.speakers(ArticleFilter(subscriptionId: second.id)).map(\.speaker) == ["Ana Ruiz", "Tom Baines"])
    try library.markAllRead(subscriptionId: first.id)
    #expect(try library.speakers(ArticleFilter(unreadOnly: true)).map(\.quotes) == [1, 1])
  }

  @Test func aSpeakersQuotesComeNewestArticleFirstInReadingOrder() throws {
    let (library, _, _) = try library()
    let quotes = try library.quotes(of: "Ana Ruiz")
    #expect(quotes.map(\.entry.headline) == ["Bridge", "Bridge", "Ferry", "Quay"])
    #expect(quotes.prefix(2).map(\.quote.text) == ["“It will reopen,”", "“Not soon,”"])
    #expect(try library.quotes(of: "Nobody").isEmpty)
  }

  @Test func quotesComeGroupedBySpeakerMostQuotedFirstWithNoSpeakerLast() throws {
    let (library, first, second) = try library()
    try library.store(
      [article("c1", "Dock", ["The quay was “a mess”.", "“Fine,” said Zoe Adler."], published: Date(timeIntervalSince1970: 500))],
      in: second)
    var seen: [(String?, String, Int)] = []
    try library.forEachQuote(order: .bySpeaker) { quote, count in seen.append((quote.quote.speakerName, quote.entry.headline, count)) }
    // Ana Ruiz 4; Tom Baines and Zoe Adler 1 each, by name; the unattributed phrase last.
    #expect(seen.map(\.0) == ["Ana Ruiz", "Ana Ruiz", "Ana Ruiz", "Ana Ruiz", "Tom Baines", "Zoe Adler", nil])
    #expect(seen.map(\.1) == ["Bridge", "Bridge", "Ferry", "Quay", "Ferry", "Dock", "Dock"])
    #expect(seen.map(\.2) == [4, 4, 4, 4, 1, 1, 1])
    // Counts are over what is selected: one feed, or one speaker.
    var inFirst: [Int] = []
    try library.forEachQuote(subscriptionId: first.id, order: .bySpeaker) { _, count in inFirst.append(count) }
    #expect(inFirst == [3, 3, 3])
    var toms: [String?] = []
    try library.forEachQuote(speaker: "baines", order: .bySpeaker) { quote, _ in toms.append(quote.quote.speakerName) }
    #expect(toms == ["Tom Baines"])
    // Reading order is the default, as `quotes` gives it.
    var reading: [String] = []
    try library.forEachQuote { quote, _ in reading.append(quote.entry.headline) }
    #expect(reading == (try library.quotes()).map(\.entry.headline))
    #expect(reading.first == "Bridge" && reading.last == "Dock")
  }

  /// "Ms Ruiz" and a "She" after her are Ana Ruiz when the article names her in full.
  @Test func speakersAreCountedAndFoundByTheirOneNameNotTheWordsAtEachQuote() throws {
    let (library, first, _) = try library()
    try library.store(
      [
        article(
          "a3", "Pier",
          ["Ana Ruiz, the harbour master, opened the pier.", "“It was worth it,” said Ms Ruiz.", "She said: “We start again on Monday.”"],
          published: Date(timeIntervalSince1970: 4_000))
      ], in: first)
    let everyone = try library.speakers()
    #expect(everyone.first == SpeakerCount(speaker: "Ana Ruiz", quotes: 6))
    #expect(!everyone.map(\.speaker).contains("Ms Ruiz"))
    let pier = try library.quotes(of: "Ana Ruiz").filter { $0.entry.headline == "Pier" }
    // "She" opening the paragraph is written down as the person it refers to.
    #expect(pier.map(\.quote.speaker) == ["Ms Ruiz", "Ms Ruiz"])
    #expect(try library.quotes(speaker: "ana").filter { $0.entry.headline == "Pier" }.count == 2)
    #expect(try library.quotes(speaker: "ms ruiz").map(\.quote.speakerName) == ["Ana Ruiz", "Ana Ruiz"])
    #expect(try library.search("speaker:\"Ana Ruiz\" pier").map(\.entry.headline) == ["Pier"])
    let stored = try library.article(try #require(pier.first?.entry.id))
    #expect(stored.quotes.map(\.speakerName) == ["Ana Ruiz", "Ana Ruiz"])
  }
}
