import Foundation
import GRDB
import NewsKit

/// Gives the quotes stored before migration v5 their speaker names, article by article, as
/// `Library.store` now does when it stores them, and adds the names to the search index so
/// that `speaker:Pike` finds the quotes written "Mr Pike" or "he".
enum SpeakerNameBackfill {
  static func run(_ db: Database) throws {
    let articleIds = try Int64.fetchAll(db, sql: "SELECT DISTINCT articleId FROM quote WHERE speaker IS NOT NULL")
    let paragraphsOf = try db.makeStatement(sql: "SELECT paragraphs FROM articleText WHERE articleId = ?")
    let quotesOf = try db.makeStatement(sql: "SELECT * FROM quote WHERE articleId = ? ORDER BY startParagraph, startOffset")
    let update = try db.makeStatement(sql: "UPDATE quote SET speakerName = ? WHERE id = ?")
    let reindex = try db.makeStatement(sql: "UPDATE articleSearch SET speakers = ? WHERE rowid = ?")
    for articleId in articleIds {
      // Cached statements: preparing two per article ran GRDB's authorizer 200,000 times.
      let stored = try String.fetchOne(paragraphsOf, arguments: [articleId])
      let paragraphs = stored.flatMap { try? JSONDecoder().decode([String].self, from: Data($0.utf8)) } ?? []
      let rows = try Row.fetchAll(quotesOf, arguments: [articleId])
      var quotes = rows.map(Library.quote)
      SpeakerNames.assign(to: &quotes, paragraphs: paragraphs)
      for (row, quote) in zip(rows, quotes) where quote.speakerName != nil {
        try update.execute(arguments: [quote.speakerName, row["id"] as Int64])
      }
      // Rewriting a search row re-indexes the whole article; most names are already there in
      // the speakers as written ("Martin Hale" in "Sir Martin Hale"), and a query finds them
      // without it. Only an article with a name some of whose words it never wrote at a
      // quote ("Gordon Pike" for "Mr Pike") is re-indexed.
      let written = Set(quotes.compactMap(\.speaker).flatMap { $0.split(separator: " ") })
      guard quotes.contains(where: { $0.speakerName.map { !$0.split(separator: " ").allSatisfy(written.contains) } ?? false })
      else { continue }
      try reindex.execute(arguments: [Library.searchableSpeakers(quotes), articleId])
    }
  }
}
