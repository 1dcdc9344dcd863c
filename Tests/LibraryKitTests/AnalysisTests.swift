import Foundation
import GRDB
import NewsKit
import Synchronization
import Testing
import TestSupport

@testable import LibraryKit

/// Store first, understand behind (issue 29): articles are listed and readable once stored;
/// their quotes, speakers and search rows come from `analyse`, resumably, once per library at a
/// time, and again when the rules' version is bumped.
@Suite("Analysis behind the store")
struct AnalysisTests {
  /// A feed of `count` items, each with a quote and a word of its own ("wordN").
  private func feed(_ count: Int, in directory: String) throws -> String {
    let items = (0..<count).map { index in
      TestItem(
        guid: "g\(index)", link: nil, title: "Story \(index)",
        text: "&lt;p&gt;Boats came in. &#8220;We waited \(index) days,&#8221; said Ana Ruiz, the harbour master.&lt;/p&gt;"
          + "&lt;p&gt;The word\(index) was said.&lt;/p&gt;",
        date: "Tue, \(String(format: "%02d", 1 + index % 28)) Nov 2026 10:\(String(format: "%02d", index % 60)):00 GMT")
    }
    let path = directory + "/wire.xml"
    try TestFeed.write(items, to: path)
    return path
  }

  private func storedOnly(_ count: Int) async throws -> (Library, String) {
    let directory = try Fixture.scratchDirectory()
    let library = try Fixture.library(in: directory)
    try library.subscribe(try feed(count, in: directory))
    var options = SyncOptions()
    options.analysesWhileStoring = false
    _ = await library.sync(try library.feeds().map(\.subscription), options: options)
    return (library, directory)
  }

  private func indexIsInStep(_ library: Library) -> Bool {
    (try? library.pool.write { db in
      try db.execute(sql: "INSERT INTO articleSearch (articleSearch, rank) VALUES ('integrity-check', 1)")
    }) != nil
  }

  private func quoteRows(_ library: Library) throws -> [String] {
    try library.pool.read { db in
      try String.fetchAll(
        db,
        sql: """
          SELECT a.itemKey || '|' || q.startParagraph || '|' || q.startOffset || '|' || q.text || '|' || coalesce(q.speaker, '-')
            || '|' || coalesce(q.speakerName, '-') FROM quote q JOIN article a ON a.id = q.articleId ORDER BY 1
          """)
    }
  }

  @Test func storedArticlesAreListedAndReadableBeforeTheyAreAnalysed() async throws {
    let (library, _) = try await storedOnly(30)
    #expect(try library.entries().count == 30)
    let first = try #require(try library.entries().first)
    #expect(try library.article(first.id).paragraphs.count == 2)
    #expect(try library.article(first.id).quotes.isEmpty)
    try library.mark([first.id], .read)
    #expect(try library.analysisProgress() == AnalysisProgress(analysed: 0, total: 30))
    #expect(try library.search("word7").isEmpty)
    #expect(indexIsInStep(library))

    #expect(try library.analyse() == .finished(analysed: 30))
    #expect(try library.analysisProgress() == AnalysisProgress(analysed: 30, total: 30))
    #expect(try library.article(first.id).quotes.map(\.speakerName) == ["Ana Ruiz"])
    #expect(try library.search("word7").map(\.entry.headline) == ["Story 7"])
    #expect(try library.search("speaker:Ruiz", limit: 100).count == 30)
    #expect(indexIsInStep(library))
    // Read state survived; nothing is left to do.
    #expect(try library.entries(ArticleFilter(unreadOnly: true)).count == 29)
    #expect(try library.analyse() == .finished(analysed: 0))
  }

  /// Stored then analysed gives what storing analysed at once gives: the same quotes, the
  /// same search.
  @Test func analysingBehindGivesWhatAnalysingWhileStoringGave() async throws {
    let (behind, _) = try await storedOnly(40)
    _ = try behind.analyse()
    let directory = try Fixture.scratchDirectory()
    let inline = try Fixture.library(in: directory)
    try inline.subscribe(try feed(40, in: directory))
    _ = try await inline.syncAll()
    #expect(try quoteRows(behind) == quoteRows(inline))
    #expect(try behind.search("waited").map(\.entry.headline) == inline.search("waited").map(\.entry.headline))
    #expect(try behind.speakers() == inline.speakers())
  }

  /// Stopped after a batch (as Ctrl-C stops it), the rest waits; the next run goes on from
  /// there, newest first, with no quote or index row twice.
  @Test func analysisStoppedBetweenBatchesResumesWithoutDuplicates() async throws {
    let (library, _) = try await storedOnly(50)
    let batches = Mutex(0)
    let outcome = try library.analyse(batchSize: 20, shouldStop: { batches.withLock { $0 } >= 1 }) { progress in
      if progress.analysed > 0 { batches.withLock { $0 += 1 } }
    }
    #expect(outcome == .stopped(analysed: 20))
    #expect(try library.analysisProgress() == AnalysisProgress(analysed: 20, total: 50))
    // The newest were analysed first.
    let analysedDates = try await library.pool.read { db in try Double.fetchAll(db, sql: "SELECT sortDate FROM article WHERE analysis > 0") }
    let pendingDates = try await library.pool.read { db in try Double.fetchAll(db, sql: "SELECT sortDate FROM article WHERE analysis = 0") }
    #expect(analysedDates.min()! >= pendingDates.max()!)
    #expect(indexIsInStep(library))
    #expect(try library.analyse(batchSize: 20) == .finished(analysed: 30))
    #expect(try quoteRows(library).count == 50)
    #expect(Set(try quoteRows(library)).count == 50)
    #expect(try library.search("waited", limit: 100).count == 50)
    #expect(indexIsInStep(library))
  }

  /// A bumped version: articles analysed by older rules are analysed again (quotes replaced,
  /// not added to), and current ones are left.
  @Test func olderAnalysesAreRedoneAndCurrentOnesLeft() async throws {
    let (library, _) = try await storedOnly(10)
    _ = try library.analyse()
    try await library.pool.write { db in
      try db.execute(sql: "UPDATE article SET analysis = 1 WHERE id IN (SELECT id FROM article ORDER BY id LIMIT 4)")
      // What the older rules had found, to be replaced.
      try db.execute(sql: "UPDATE quote SET speakerName = 'Old Name' WHERE articleId IN (SELECT id FROM article WHERE analysis = 1)")
    }
    #expect(try library.analysisProgress() == AnalysisProgress(analysed: 6, total: 10, covered: 10))
    #expect(try library.analyse() == .finished(analysed: 4))
    #expect(try quoteRows(library).count == 10)
    #expect(try !quoteRows(library).contains { $0.contains("Old Name") })
    #expect(try library.search("speaker:Ruiz", limit: 100).count == 10)
    #expect(indexIsInStep(library))
  }

  @Test func oneAnalyserAtATime() async throws {
    let (library, _) = try await storedOnly(5)
    var held: FileLock? = try FileLock(path: library.path + ".analysis-lock")
    #expect(try library.analyse() == .leftToAnother)
    #expect(try library.analysisProgress().analysed == 0)
    held = nil
    #expect(try library.analyse() == .finished(analysed: 5))
    _ = held
  }

  /// An article whose text changed after it was analysed is stored unanalysed again: its old
  /// quotes and search row go, the new ones come with the next analysis.
  @Test func aChangedArticleIsAnalysedAgain() async throws {
    let (library, directory) = try await storedOnly(3)
    _ = try library.analyse()
    try TestFeed.write(
      [TestItem(guid: "g0", link: nil, title: "Story 0", text: "&lt;p&gt;&#8220;All new,&#8221; said Bo Lind.&lt;/p&gt;")],
      to: directory + "/wire.xml")
    var options = SyncOptions()
    options.analysesWhileStoring = false
    _ = await library.sync(try library.feeds().map(\.subscription), options: options)
    #expect(try library.search("word0").isEmpty)
    #expect(indexIsInStep(library))
    #expect(try library.analyse() == .finished(analysed: 1))
    #expect(try library.search("speaker:Lind").map(\.entry.headline) == ["Story 0"])
    #expect(try library.search("speaker:Ruiz", limit: 10).count == 2)
    #expect(indexIsInStep(library))
  }

  /// A library from before versions were recorded (v7): its articles stay found by search,
  /// count as analysed by version 1, and are analysed again by today's rules.
  @Test func aV7LibraryIsSearchableAtOnceAndAnalysedAgain() throws {
    let path = Scratch.path("herald-v7") + ".sqlite"
    let queue = try DatabaseQueue(path: path)
    try LibrarySchema.migrator.migrate(queue, upTo: LibrarySchema.textKeptOnce)
    try queue.write { db in
      try db.execute(
        sql: """
          INSERT INTO subscription (kind, location, added) VALUES ('file', '/feeds/wire.xml', 0);
          INSERT INTO article (subscriptionId, itemKey, headline, contentHash, firstSeen, sortDate)
            VALUES (1, 'g1', 'Pier opens', 'h', 0, 0);
          INSERT INTO articleText (articleId, headline, body, speakers, links)
            VALUES (1, 'Pier opens', 'Ana Ruiz opened the pier.' || char(10) || '“It was worth it,” said Ms Ruiz.', 'Ms Ruiz', '[]');
          INSERT INTO articleSearch (rowid, headline, body, speakers)
            VALUES (1, 'Pier opens', 'Ana Ruiz opened the pier.' || char(10) || '“It was worth it,” said Ms Ruiz.', 'Ms Ruiz');
          INSERT INTO quote (articleId, startParagraph, startOffset, endParagraph, endOffset, text, kind, speaker)
            VALUES (1, 1, 0, 1, 18, '“It was worth it,”', 'speech', 'Ms Ruiz');
          """)
    }
    try queue.close()
    let library = try Library(path: path)
    #expect(try library.search("pier").map(\.entry.headline) == ["Pier opens"])
    #expect(try library.analysisProgress() == AnalysisProgress(analysed: 0, total: 1, covered: 1))
    #expect(indexIsInStep(library))
    #expect(try library.analyse() == .finished(analysed: 1))
    #expect(try library.article(1).quotes.map(\.speakerName) == ["Ana Ruiz"])
    #expect(try library.search("speaker:\"Ana Ruiz\"").map(\.entry.headline) == ["Pier opens"])
    #expect(indexIsInStep(library))
  }
}
