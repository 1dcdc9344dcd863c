import ArgumentParser
import CursesUI
import Foundation
import LibraryKit
import NewsKit

struct PruneCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "prune",
    abstract: "Delete old articles now, as a sync does with the config's [library] keep.",
    discussion: """
      KEEP is a number of days ("30d": articles published in the last 30 days stay) or a count \
      ("500": each feed's newest 500 stay). Without --keep, each feed's own [library.keep_feed] \
      setting, else [library] keep. Unread and starred articles stay unless --unread or --starred \
      is given. FEED is an id, URL, path or title; without one, every feed.
      """)

  @OptionGroup var library: LibraryOptions

  @Argument(help: ArgumentHelp("The feeds to prune (default: all).", valueName: "feed"))
  var feeds: [String] = []

  @Option(help: ArgumentHelp("What each feed keeps: days (\"30d\") or a count (\"500\").", valueName: "keep"))
  var keep: String?

  @Flag(help: "Delete unread articles past the limit too.")
  var unread = false

  @Flag(help: "Delete starred articles past the limit too.")
  var starred = false

  @Option(
    help: ArgumentHelp("The config file, for [library] keep (default: $XDG_CONFIG_HOME/herald/config.toml).", valueName: "path"))
  var config: String?

  func validate() throws {
    if let keep, Retention(keep) == nil {
      throw ValidationError("--keep must be a number of days such as 30d or a count such as 500, not \"\(keep)\"")
    }
  }

  func run() throws {
    let opened = try library.open()
    var appearance = AppearanceOptions()
    appearance.config = config
    let (settings, problems) = try appearance.loadConfig()
    for problem in problems { Diagnostics.warn(problem.description) }
    var options = SyncOptions()
    options.keep = keep.flatMap(Retention.init) ?? settings.keep
    options.keepPerFeed = keep == nil ? settings.keepPerFeed : [:]
    let subscriptions = try libraryCall { () throws(LibraryError) in
      feeds.isEmpty ? try opened.feeds().map(\.subscription) : try feeds.map { name throws(LibraryError) in try opened.subscription(named: name) }
    }
    var total = 0
    for subscription in subscriptions {
      guard let limit = options.retention(for: subscription) else { continue }
      let deleted = try libraryCall { () throws(LibraryError) in
        try opened.prune(subscription, keep: limit, unread: unread, starred: starred)
      }
      if deleted > 0 { print(VisibleText.make("\(subscription.displayTitle): \(deleted) pruned (keep \(limit))")) }
      total += deleted
    }
    if options.keep == nil && options.keepPerFeed.isEmpty {
      Diagnostics.warn("nothing to do: give --keep, or set [library] keep in the config")
    }
    print("pruned \(total) article\(total == 1 ? "" : "s")")
  }
}
