import GRDB

/// The library's tables, created and upgraded by GRDB's migrator. A migration, once released,
/// is never edited: changes come as new migrations (a test opens a database made by each
/// earlier migration and upgrades it).
enum LibrarySchema {
  static let textKeptOnce = "v7: the search index reads its text from articleText, which holds it once"
  static let analysedBehind = "v8: articles are stored first and analysed behind, with the version of their analysis"
  static let fullText = "v9: feeds may ask for each item's web page, whose article is stored as the text"

  static var migrator: DatabaseMigrator {
    var migrator = DatabaseMigrator()
    migrator.registerMigration("v1: subscriptions, articles, state, quotes, search") { db in
      try db.create(table: "subscription") { table in
        table.autoIncrementedPrimaryKey("id")
        // "url", "file" (a feed file) or "directory" (plain-text articles).
        table.column("kind", .text).notNull()
        table.column("location", .text).notNull().unique()
        table.column("title", .text)
        table.column("titleOverride", .text)
        table.column("siteLink", .text)
        table.column("etag", .text)
        table.column("lastModified", .text)
        table.column("lastAttempt", .double)
        table.column("lastSuccess", .double)
        table.column("lastError", .text)
        table.column("gone", .boolean).notNull().defaults(to: false)
        table.column("retryAfter", .double)
        // What a rescan compares for local sources: size and modification time.
        table.column("scanSignature", .text)
        table.column("settings", .text)
        table.column("added", .double).notNull()
      }
      try db.create(table: "subscriptionTag") { table in
        table.column("subscriptionId", .integer).notNull().references("subscription", onDelete: .cascade)
        table.column("tag", .text).notNull()
        table.primaryKey(["subscriptionId", "tag"])
      }
      try db.create(table: "article") { table in
        table.autoIncrementedPrimaryKey("id")
        table.column("subscriptionId", .integer).notNull().references("subscription", onDelete: .cascade)
        // The item's identity within its feed (guid, link or hash; a text article's content hash).
        table.column("itemKey", .text).notNull()
        table.column("headline", .text).notNull()
        table.column("source", .text)
        table.column("link", .text)
        table.column("author", .text)
        table.column("published", .double)
        table.column("updated", .double)
        table.column("paragraphs", .text).notNull()
        table.column("links", .text).notNull()
        table.column("path", .text)
        table.column("contentHash", .text).notNull()
        table.column("firstSeen", .double).notNull()
        // The sort key: published, else first seen.
        table.column("sortDate", .double).notNull()
        table.column("isRead", .boolean).notNull().defaults(to: false)
        table.column("isStarred", .boolean).notNull().defaults(to: false)
        table.column("readAt", .double)
        table.column("lastParagraph", .integer)
        table.uniqueKey(["subscriptionId", "itemKey"])
      }
      try db.create(index: "article_bySubscriptionDate", on: "article", columns: ["subscriptionId", "sortDate"])
      try db.create(index: "article_byDate", on: "article", columns: ["sortDate"])
      try db.execute(sql: "CREATE INDEX article_unread ON article(sortDate) WHERE isRead = 0")
      try db.execute(sql: "CREATE INDEX article_starred ON article(sortDate) WHERE isStarred = 1")
      try db.create(table: "quote") { table in
        table.autoIncrementedPrimaryKey("id")
        table.column("articleId", .integer).notNull().indexed().references("article", onDelete: .cascade)
        table.column("startParagraph", .integer).notNull()
        table.column("startOffset", .integer).notNull()
        table.column("endParagraph", .integer).notNull()
        table.column("endOffset", .integer).notNull()
        table.column("text", .text).notNull()
        table.column("kind", .text).notNull()
        table.column("speaker", .text)
      }
      try db.create(index: "quote_bySpeaker", on: "quote", columns: ["speaker"])
      // Kept in step with `article` in the same transaction (see `Library.store`); rowid is the
      // article's id. Diacritics are folded so "cafe" finds "café".
      try db.execute(
        sql: """
          CREATE VIRTUAL TABLE articleSearch USING fts5(
            headline, body, speakers, tokenize = 'unicode61 remove_diacritics 2')
          """)
    }
    migrator.registerMigration("v2: pruned items are remembered") { db in
      // An item deleted by retention stays in its feed for a while; remembering its key keeps
      // the next sync from storing it again as a new, unread article.
      try db.create(table: "prunedItem") { table in
        table.column("subscriptionId", .integer).notNull().references("subscription", onDelete: .cascade)
        table.column("itemKey", .text).notNull()
        table.primaryKey(["subscriptionId", "itemKey"])
      }
    }
    migrator.registerMigration("v3: article text kept apart from the article row") { db in
      // Listing reads every row of `article` in date order; with the text in the row each one
      // filled a page or more, so listing 100,000 unread articles read 400 MB. The text is
      // read only when an article is opened.
      try db.create(table: "articleText") { table in
        table.primaryKey("articleId", .integer).references("article", onDelete: .cascade)
        table.column("paragraphs", .text).notNull()
        table.column("links", .text).notNull()
      }
      try db.execute(sql: "INSERT INTO articleText (articleId, paragraphs, links) SELECT id, paragraphs, links FROM article")
      try db.alter(table: "article") { table in
        table.drop(column: "paragraphs")
        table.drop(column: "links")
      }
    }
    migrator.registerMigration("v4: unread counts per feed, and speakers per article, from indexes") { db in
      // The feeds pane counts every feed's unread articles after each mark; without this index
      // that read the whole table (80 ms at 100,000 articles), with it the unread entries only.
      // isRead is in the index so that the count reads the index alone (5 ms, not 13).
      // (IF EXISTS: a development build made a narrower index of this name under another name
      // of this migration.)
      try db.execute(sql: "DROP INDEX IF EXISTS article_unreadBySubscription")
      try db.execute(sql: "CREATE INDEX article_unreadBySubscription ON article(subscriptionId, isRead) WHERE isRead = 0")
      // Counting who is quoted in some articles (the speakers view of a feed or of Unread)
      // joins each quote to its article; with the article id in the speaker index the quote
      // rows are not read (3.3 s -> 1.1 s for 1.4 million quotes).
      try db.execute(sql: "DROP INDEX quote_bySpeaker")
      try db.create(index: "quote_bySpeaker", on: "quote", columns: ["speaker", "articleId"])
    }
    migrator.registerMigration("v5: quotes carry their speaker's one name in the article") { db in
      // "Mr Pike", "Finance chief Gordon Pike" and a resolved "he" are one person, "Gordon
      // Pike"; counting and finding speakers goes by that name, not the words at each quote.
      try db.alter(table: "quote") { table in table.add(column: "speakerName", .text) }
      try db.execute(sql: "DROP INDEX quote_bySpeaker")
      try db.create(index: "quote_bySpeakerName", on: "quote", columns: ["speakerName", "articleId"])
      try SpeakerNameBackfill.run(db)
    }
    migrator.registerMigration("v6: a subscription's dates are numbers") { db in
      // Before v6 they were written as GRDB's text ("2026-11-30 05:51:13.610", UTC) although
      // the columns are REAL; see StoredDate.
      for column in ["lastAttempt", "lastSuccess", "retryAfter", "added"] {
        try db.execute(
          sql: """
            UPDATE subscription SET \(column) = (julianday(\(column)) - 2440587.5) * 86400.0
            WHERE typeof(\(column)) = 'text' AND julianday(\(column)) IS NOT NULL
            """)
      }
    }
    migrator.registerMigration(textKeptOnce) { db in
      // The index kept its own copy of every article's text (articleSearch_content, as large as
      // articleText, a third of the file). Now articleText holds the text as the index reads
      // it (paragraphs one per line, the headline, the speakers) and is the index's external
      // content, kept in step by triggers. The text comes from the old index's copy; an article
      // without a search row (never the case since v1) from its paragraphs.
      try db.execute(
        sql: """
          CREATE TABLE articleTextV7 (
            articleId INTEGER PRIMARY KEY REFERENCES article(id) ON DELETE CASCADE,
            headline TEXT NOT NULL,
            body TEXT NOT NULL,
            speakers TEXT NOT NULL DEFAULT '',
            links TEXT NOT NULL);
          INSERT INTO articleTextV7 (articleId, headline, body, speakers, links)
            SELECT t.articleId, a.headline,
              coalesce(s.body, (SELECT group_concat(value, char(10)) FROM
                (SELECT value FROM json_each(t.paragraphs) ORDER BY key)), ''),
              coalesce(s.speakers, ''), t.links
            FROM articleText t JOIN article a ON a.id = t.articleId LEFT JOIN articleSearch s ON s.rowid = t.articleId;
          DROP TABLE articleSearch;
          DROP TABLE articleText;
          ALTER TABLE articleTextV7 RENAME TO articleText;
          """)
      // The index and its triggers as v7 made them (frozen here: v8 changes them).
      try db.execute(
        sql: """
          CREATE VIRTUAL TABLE articleSearch USING fts5(
            headline, body, speakers, content = 'articleText', content_rowid = 'articleId',
            tokenize = 'unicode61 remove_diacritics 2');
          CREATE TRIGGER articleText_deleted AFTER DELETE ON articleText BEGIN
            INSERT INTO articleSearch (articleSearch, rowid, headline, body, speakers)
              VALUES ('delete', old.articleId, old.headline, old.body, old.speakers);
          END;
          CREATE TRIGGER articleText_changed AFTER UPDATE ON articleText BEGIN
            INSERT INTO articleSearch (articleSearch, rowid, headline, body, speakers)
              VALUES ('delete', old.articleId, old.headline, old.body, old.speakers);
            INSERT INTO articleSearch (rowid, headline, body, speakers)
              VALUES (new.articleId, new.headline, new.body, new.speakers);
          END;
          """)
      try db.execute(sql: "INSERT INTO articleSearch (articleSearch) VALUES ('rebuild')")
    }
    migrator.registerMigration(analysedBehind) { db in
      // Store first, understand behind (issue 29). An article records the version of the
      // analysis it has (0: none yet; 1: whatever Herald analysed before versions were
      // recorded). Its speakers move to a table of their own, whose row exists once the
      // article is analysed: analysis adds a small row instead of rewriting the article's
      // text (which wrote the whole text again, through the WAL and the checkpoint). The
      // index reads the analysed articles only (a view), so it is whole and in step while
      // analysis is pending, and FTS5's integrity-check stays clean. The index is written by
      // the code that stores and analyses, outside triggers (a trigger's savepoint makes FTS5
      // flush per article), except when an article goes: a trigger before the delete takes
      // its row out while its text is still there (a pruned article, a removed feed's by
      // cascade). A blockquote is a quote of its own: its paragraphs are kept for the
      // analysis (unknown for articles stored before: none).
      try db.execute(
        sql: """
          ALTER TABLE article ADD COLUMN analysis INTEGER NOT NULL DEFAULT 0;
          UPDATE article SET analysis = 1;
          CREATE INDEX article_byAnalysis ON article(analysis, sortDate);
          CREATE TABLE articleSpeakers (
            articleId INTEGER PRIMARY KEY REFERENCES article(id) ON DELETE CASCADE,
            speakers TEXT NOT NULL);
          INSERT INTO articleSpeakers (articleId, speakers) SELECT articleId, speakers FROM articleText;
          DROP TRIGGER articleText_deleted;
          DROP TRIGGER articleText_changed;
          DROP TABLE articleSearch;
          ALTER TABLE articleText DROP COLUMN speakers;
          ALTER TABLE articleText ADD COLUMN blockquotes TEXT NOT NULL DEFAULT '[]';
          CREATE VIEW articleIndexed AS
            SELECT t.articleId, t.headline, t.body, s.speakers
            FROM articleText t JOIN articleSpeakers s ON s.articleId = t.articleId;
          CREATE VIRTUAL TABLE articleSearch USING fts5(
            headline, body, speakers, content = 'articleIndexed', content_rowid = 'articleId',
            tokenize = 'unicode61 remove_diacritics 2');
          CREATE TRIGGER article_deleted BEFORE DELETE ON article BEGIN
            INSERT INTO articleSearch (articleSearch, rowid, headline, body, speakers)
              SELECT 'delete', t.articleId, t.headline, t.body, s.speakers
              FROM articleText t JOIN articleSpeakers s ON s.articleId = t.articleId WHERE t.articleId = old.id;
          END;
          INSERT INTO articleSearch (articleSearch) VALUES ('rebuild');
          """)
    }
    migrator.registerMigration(fullText) { db in
      // Full text (issue 30): a subscription may ask for each new item's web page. What came of
      // it is recorded per article: the page's article replaced the text (the feed's
      // paragraphs are kept as the summary), or why it did not (the feed's text stays), with
      // the page's validators. An article without a row is still to be fetched; a stale one
      // (the feed changed the item) is asked again with those validators.
      try db.execute(
        sql: """
          ALTER TABLE subscription ADD COLUMN fullText INTEGER NOT NULL DEFAULT 0;
          CREATE TABLE articleFullText (
            articleId INTEGER PRIMARY KEY REFERENCES article(id) ON DELETE CASCADE,
            fetchedAt REAL NOT NULL,
            failure TEXT,
            summary TEXT,
            etag TEXT,
            lastModified TEXT,
            stale INTEGER NOT NULL DEFAULT 0);
          """)
    }
    return migrator
  }
}
