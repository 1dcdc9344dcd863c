import Foundation
import GRDB
import NewsKit

/// Gives the quotes stored before migration v5 their speaker names, article by article, as
/// `Library.store` now does when it stores them, and adds the names to the search index so
/// that `speaker:Pike` finds the quotes written "Mr Pike" or "he".
enum SpeakerNameBackfill {
  static func run(_ db: Database) throws {
    let articleIds = try Int64.fetchAll(db, sql: "SELECT DISTINCT articleId FROM quote WHERE speaker IS NOT NULL")
    let update = try db.makeStatement(sql: "UPDATE quote SET speakerName = ? WHERE id = ?")
    for articleId in articleIds {
      let stored = try String.fetchOne(db, sql: "SELECT paragraphs FROM articleText WHERE articleId = ?", arguments: [articleId])
      let paragraphs = stored.flatMap { try? JSONDecoder().decode([String].self, from: Data($0.utf8)) } ?? []
      let rows = try Row.fetchAll(
        db, sql: "SELECT * FROM quote WHERE articleId = ? ORDER BY startParagraph, startOffset", arguments: [articleId])
      var quotes = rows.map(Library.quote)
      SpeakerNames.assign(to: &quotes, paragraphs: paragraphs)
      for (row, quote) in zip(rows, quotes) where quote.speakerName != nil {
        try update.execute(arguments: [quote.speakerName, row["id"] as Int64])
      }
      try db.execute(
        sql: "UPDATE articleSearch SET speakers = ? WHERE rowid = ?",
        arguments: [Library.searchableSpeakers(quotes), articleId])
    }
  }
}
