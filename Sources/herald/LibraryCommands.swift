import ArgumentParser
import Foundation
import LibraryKit
import NewsKit

/// `--library PATH` on every library command.
struct LibraryOptions: ParsableArguments {
  @Option(
    name: .customLong("library"),
    help: ArgumentHelp(
      "The library file. Default: $HERALD_LIBRARY, else $XDG_DATA_HOME/herald/library.sqlite (~/.local/share/herald/).",
      valueName: "path"))
  var path: String?

  func open(footprint: Library.Footprint = .standard) throws -> Library {
    let location = LibraryLocation.resolve(explicit: path)
    do {
      return try Library(path: location, footprint: footprint) {
        let note = VisibleText.make("herald: upgrading the library \(location) to this version (once; a large library takes a while)")
        StandardOutput.writeError(note + "\n")
      }
    } catch {
      throw CommandFailure(message: "error: " + VisibleText.make(error.description))
    }
  }
}

/// Runs a library call, turning its error into the one-line failure the user sees.
func libraryCall<T>(_ body: () throws(LibraryError) -> T, unknownArticle: ((String) -> String)? = nil) throws -> T {
  do {
    return try body()
  } catch {
    var message = error.description
    if case .noSuchArticle(let id) = error, let unknownArticle { message = unknownArticle(id) }
    throw CommandFailure(message: "error: " + VisibleText.make(message))
  }
}

struct AddCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "add",
    abstract: "Subscribe to feeds (URLs or files) or directories of articles, and fetch them now.",
    discussion: """
      Adding a source already in the library, or a path that does not exist, says so and changes \
      nothing (the exit status is then 1). A URL that cannot be fetched now is subscribed all \
      the same, and fetched again by the next sync.
      """)

  @OptionGroup var library: LibraryOptions

  @Argument(help: ArgumentHelp("Feed URLs, feed files or directories of plain-text articles.", valueName: "source"))
  var sources: [String]

  @Option(name: .customLong("tag"), help: "A tag for the new subscriptions (repeat for several).")
  var tags: [String] = []

  @Flag(help: "Fetch each new item's web page and keep its article as the text (the feed's summary is kept too).")
  var fullText = false

  func run() throws {
    let opened = try library.open()
    var added: [Subscription] = []
    var failed = false
    for source in sources {
      // A path that names nothing is a typing slip, not a feed that is down for now: it is not
      // subscribed (a URL that cannot be fetched yet is).
      let location = Library.storedLocation(source)
      if !FeedFetcher.isURL(location), !FileManager.default.fileExists(atPath: location) {
        Diagnostics.error("\(source): no such file or directory; not subscribed")
        failed = true
        continue
      }
      do {
        var subscription = try opened.subscribe(source, tags: tags)
        if fullText, let id = subscription.id {
          try opened.setFullText(true, for: id)
          subscription.fullText = true
        }
        added.append(subscription)
      } catch {
        Diagnostics.error(error.description)
        failed = true
      }
    }
    // As `herald sync` does: one sync at a time, and the config's [library] keep.
    let (lock, settings) = try SyncCommand.prepare(opened, config: nil)
    defer { withExtendedLifetime(lock) {} }
    let report = SyncCommand.sync(added, in: opened, settings: settings)
    for result in report.results {
      let name = VisibleText.make(result.subscription.displayTitle)
      let id = result.subscription.id.map(String.init) ?? "?"
      if case .stored(let stored, _) = result.outcome {
        StandardOutput.write("added \(name): \(stored.new) article\(stored.new == 1 ? "" : "s") (id \(id))\n")
      } else {
        StandardOutput.write("added \(name) (id \(id)), but it could not be read yet: \(VisibleText.make(result.reasonAfterName ?? "?"))\n")
      }
      failed = failed || result.isFailure
    }
    try FullTextStage.run(opened)
    try SyncCommand.analyseAfterSync(opened, skip: false)
    if failed { throw ExitCode(1) }
  }
}

struct FeedsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "feeds",
    abstract: "List subscriptions: id, unread and total counts, tags, title, last error.",
    discussion: "Plain output is tab-separated: id, unread, total, tags (comma-separated or -), title, last error (or -).")

  @OptionGroup var library: LibraryOptions

  @Flag(help: "Print a JSON array instead.")
  var json = false

  func run() throws {
    let opened = try library.open()
    let feeds = try libraryCall { () throws(LibraryError) in try opened.feeds() }
    if json {
      let values = feeds.map { feed -> JSONValue in
        let subscription = feed.subscription
        return .object([
          ("id", .int(Int(subscription.id!))), ("title", .string(subscription.displayTitle)),
          ("location", .string(subscription.location)), ("kind", .string(subscription.kind.rawValue)),
          ("tags", .array(feed.tags.map(JSONValue.string))), ("unread", .int(feed.unread)), ("total", .int(feed.total)),
          ("last_success", .optional(subscription.lastSuccess.map(ArticleJSON.isoDate))),
          ("last_error", .optional(subscription.lastError)), ("full_text", .bool(subscription.fullText)),
        ])
      }
      print(JSONValue.array(values).serialized())
      return
    }
    var output = ""
    for feed in feeds {
      let subscription = feed.subscription
      let fields = [
        String(subscription.id!), String(feed.unread), String(feed.total),
        feed.tags.isEmpty ? "-" : feed.tags.joined(separator: ","), subscription.displayTitle, subscription.lastError ?? "-",
      ]
      output += fields.map(VisibleText.make).joined(separator: "\t") + "\n"
    }
    StandardOutput.write(output)
  }
}

struct SearchCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "search",
    abstract: "Search the library, best matches first: words, \"phrases\", prefix*, AND/OR/NOT, speaker:NAME.",
    discussion: """
      Ranked by bm25 with headlines weighted above text. Plain output is tab-separated: article id, feed, \
      headline, and the matched words in [brackets] in a snippet.
      """)

  @OptionGroup var library: LibraryOptions

  @Argument(help: "What to search for.")
  var query: [String]

  @Option(help: "At most this many hits.")
  var limit = 20

  @Flag(help: "Print a JSON array instead.")
  var json = false

  func run() throws {
    let text = query.joined(separator: " ")
    let opened = try library.open()
    let (hits, progress) = try libraryCall { () throws(LibraryError) in (try opened.search(text, limit: limit), try opened.analysisProgress()) }
    AnalyseCommand.warnIfPartial(progress, covering: "indexed")
    if json {
      let values = hits.map { hit -> JSONValue in
        .object([
          ("id", .int(Int(hit.entry.id))), ("headline", .string(hit.entry.headline)), ("feed", .string(hit.entry.feed)),
          ("published", .optional(hit.entry.published.map(ArticleJSON.isoDate))), ("snippet", .string(hit.snippet)),
        ])
      }
      print(JSONValue.array(values).serialized())
      return
    }
    var output = ""
    for hit in hits {
      output += [String(hit.entry.id), hit.entry.feed, hit.entry.headline, hit.snippet].map(VisibleText.make).joined(separator: "\t") + "\n"
    }
    StandardOutput.write(output)
  }
}

struct MarkCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "mark",
    abstract: "Mark library articles read, unread, starred or unstarred.",
    discussion: "`herald mark read --all [--feed FEED]` marks everything (of one feed) read. Unknown ids change nothing.")

  @OptionGroup var library: LibraryOptions

  @Argument(help: "read, unread, star or unstar.")
  var state: String

  @Argument(help: "Article ids (from herald search or the library list).")
  var ids: [Int64] = []

  @Flag(help: "With read: every article (of --feed, when given).")
  var all = false

  @Option(help: "With --all: only this feed (its id, URL, path or title).")
  var feed: String?

  func validate() throws {
    guard Library.Mark(rawValue: state) != nil else { throw ValidationError("Say read, unread, star or unstar, not \(state).") }
    if all && state != "read" { throw ValidationError("--all goes with read only.") }
    if !all && ids.isEmpty { throw ValidationError("Give article ids, or --all with read.") }
  }

  func run() throws {
    let opened = try library.open()
    let count = try libraryCall { () throws(LibraryError) in
      if all {
        let subscription = try feed.map { name throws(LibraryError) in try opened.subscription(named: name) }
        return try opened.markAllRead(subscriptionId: subscription?.id)
      }
      return try opened.mark(ids, Library.Mark(rawValue: state)!)
    } unknownArticle: { id in
      // The marks go in one transaction: one unknown id leaves every article as it was.
      "\(id): no such article in the library; nothing was marked"
    }
    print("marked \(count) article\(count == 1 ? "" : "s") \(state)")
  }
}
