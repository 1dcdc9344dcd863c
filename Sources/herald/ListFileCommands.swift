import ArgumentParser
import Foundation
import LibraryKit
import NewsKit

struct ImportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "import",
    abstract: "Subscribe to the feeds of an OPML file or a newsboat urls file.",
    discussion: """
      OPML 1.0/2.0: folders (nested outlines) and categories become tags. newsboat's urls: tags \
      are kept, and ~name becomes the feed's title; exec:, filter: and query: lines are skipped \
      with a warning. Feeds already subscribed are left as they are. Nothing is fetched: run \
      herald sync next.
      """)

  @OptionGroup var library: LibraryOptions

  @Argument(help: ArgumentHelp("The OPML or urls file.", valueName: "file"))
  var file: String

  @Flag(help: "Say what would be added, and change nothing.")
  var dryRun = false

  func run() throws {
    let parsed: SubscriptionList.Parsed
    do {
      parsed = try SubscriptionList.read(path: file)
    } catch {
      throw CommandFailure(message: "error: " + VisibleText.make(error.description))
    }
    for skipped in parsed.skipped { Diagnostics.warn("\(file): \(skipped)") }
    let opened = try library.open()
    let report = try libraryCall { () throws(LibraryError) in try opened.importList(parsed.entries, dryRun: dryRun) }
    let verb = dryRun ? "would add" : "added"
    var output = ""
    for entry in report.added {
      let tags = entry.tags.isEmpty ? "" : " [" + entry.tags.joined(separator: ", ") + "]"
      output += VisibleText.make("\(verb) \(entry.titleOverride ?? entry.title ?? entry.location)\(tags): \(entry.location)") + "\n"
    }
    for entry in report.alreadySubscribed {
      output += VisibleText.make("already subscribed: \(entry.location)") + "\n"
    }
    let count = report.added.count
    output += "\(dryRun ? "would import" : "imported") \(count) feed\(count == 1 ? "" : "s")"
    output += report.alreadySubscribed.isEmpty ? "" : ", \(report.alreadySubscribed.count) already subscribed"
    output += dryRun || count == 0 ? "\n" : "; run herald sync to fetch them\n"
    StandardOutput.write(output)
  }
}

struct ExportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "export",
    abstract: "Print the subscriptions as OPML 2.0 (tags as categories), for another reader or a backup.")

  @OptionGroup var library: LibraryOptions

  func run() throws {
    let opened = try library.open()
    let entries = try libraryCall { () throws(LibraryError) in try opened.exportList() }
    StandardOutput.write(SubscriptionList.opml(entries))
  }
}

struct RemoveCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "remove",
    abstract: "Unsubscribe from feeds and delete their articles.",
    discussion: "A feed with starred articles is kept unless --force is given. FEED is an id, URL, path or title.")

  @OptionGroup var library: LibraryOptions

  @Argument(help: ArgumentHelp("The feeds to remove.", valueName: "feed"))
  var feeds: [String]

  @Flag(help: "Remove feeds with starred articles too, deleting those.")
  var force = false

  func run() throws {
    let opened = try library.open()
    var failed = false
    for name in feeds {
      do throws(LibraryError) {
        let subscription = try opened.subscription(named: name)
        let deleted = try opened.unsubscribe(subscription, force: force)
        print(VisibleText.make("removed \(subscription.displayTitle) and its \(deleted) article\(deleted == 1 ? "" : "s")"))
      } catch {
        Diagnostics.error(error.description)
        failed = true
      }
    }
    if failed { throw ExitCode(1) }
  }
}
