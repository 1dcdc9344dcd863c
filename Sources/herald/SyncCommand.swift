import ArgumentParser
import CursesUI
import Foundation
import LibraryKit
import NewsKit

struct SyncCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "sync",
    abstract: "Fetch every subscription (or the named ones) and store what is new.",
    discussion: """
      Feeds are fetched 8 at a time (2 per host) with conditional GET, so an unchanged feed costs \
      one short request; local files and directories are read again only when changed. Each \
      feed commits on its own: stopping a sync loses nothing already stored. A 301/308 updates \
      the feed's URL, a 410 marks it gone (no longer asked), a 429/503 with Retry-After puts it \
      off. Progress goes to stderr (a live line on a terminal, else a line per feed); the \
      summary to stdout. Exit status 1 when any feed failed. A second sync on the same library \
      waits for the first.

      A sync has two stages. First each feed's articles are stored: from then on they are \
      listed, counted, readable and markable. Then they are analysed: their quotes and \
      speakers are found and their words added to the search index ("analysing 41,200 of \
      100,000"). Ctrl-C during analysis stops it harmlessly; --no-analyse skips it, and \
      `herald analyse` or the next sync finishes it.
      """)

  @OptionGroup var library: LibraryOptions

  @Argument(help: ArgumentHelp("Feeds to sync (id, URL, path or title). Default: all.", valueName: "feed"))
  var feeds: [String] = []

  @Option(help: "Seconds to wait for each server.")
  var timeout = 15

  @Flag(name: .customLong("no-analyse"), help: "Store the articles and return; leave their analysis to `herald analyse` or the next sync.")
  var noAnalyse = false

  @Option(
    name: .long,
    help: ArgumentHelp("The config file, for [library] keep (default: $XDG_CONFIG_HOME/herald/config.toml).", valueName: "path"))
  var config: String?

  func run() throws {
    let opened = try library.open()
    let subscriptions = try libraryCall { () throws(LibraryError) in
      feeds.isEmpty ? try opened.feeds().map(\.subscription) : try feeds.map { name throws(LibraryError) in try opened.subscription(named: name) }
    }
    let (lock, settings) = try Self.prepare(opened, config: config)
    defer { withExtendedLifetime(lock) {} }
    let report = Self.sync(subscriptions, in: opened, timeout: timeout, settings: settings)
    StandardOutput.write(Self.summary(report))
    try FullTextStage.run(opened)
    try Self.analyseAfterSync(opened, skip: noAnalyse)
    if !report.failures.isEmpty { throw ExitCode(1) }
  }

  /// What every sync from the command line takes first: the sync lock (waiting, and saying
  /// so, while another sync runs) and the config's settings (its problems as warnings).
  /// Shared with `add`.
  static func prepare(_ library: Library, config: String?) throws -> (SyncLock, ReaderConfig) {
    let lock = try libraryCall { () throws(LibraryError) in
      try SyncLock(library: library) { Diagnostics.warn("another sync is running on this library; waiting for it to finish") }
    }
    var appearance = AppearanceOptions()
    appearance.config = config
    let (settings, problems) = try appearance.loadConfig()
    for problem in problems { Diagnostics.warn(problem.description) }
    return (lock, settings)
  }

  /// The second stage: analysis, unless skipped (then how much waits is said). Shared with
  /// `add`.
  static func analyseAfterSync(_ library: Library, skip: Bool) throws {
    if skip {
      let progress = try libraryCall { () throws(LibraryError) in try library.analysisProgress() }
      if progress.pending > 0 {
        StandardOutput.write(
          "\(AnalyseCommand.count(progress.pending)) of \(AnalyseCommand.count(progress.total)) articles wait for analysis (herald analyse)\n")
      }
      return
    }
    let outcome = try AnalyseCommand.analyse(library)
    if case .stopped = outcome {
      let progress = try libraryCall { () throws(LibraryError) in try library.analysisProgress() }
      StandardOutput.write(AnalyseCommand.summary(outcome, progress: progress))
    }
  }

  /// Syncs with the progress display; shared with `add`.
  static func sync(
    _ subscriptions: [Subscription], in library: Library, timeout: Int = 15, settings: ReaderConfig = ReaderConfig()
  ) -> SyncReport {
    var options = SyncOptions()
    options.limits.timeout = .seconds(Int64(max(1, timeout)))
    options.keep = settings.keep
    options.keepPerFeed = settings.keepPerFeed
    options.fullTextFeeds = Set(settings.fullTextFeeds)
    // Store first; the caller analyses behind (`analyseAfterSync`).
    options.analysesWhileStoring = false
    let progress = SyncProgress()
    let report = library.syncBlocking(subscriptions, options: options) { progress.handle($0) }
    progress.finish()
    return report
  }

  static func summary(_ report: SyncReport) -> String {
    func plural(_ count: Int, _ word: String) -> String { "\(count) \(word)\(count == 1 ? "" : "s")" }
    var text = "synced \(plural(report.results.count, "feed")): \(plural(report.newArticles, "new article"))"
    if report.updatedArticles > 0 { text += " (\(report.updatedArticles) changed)" }
    text += "; \(report.feedsUpdated) updated, \(report.feedsUnchanged) unchanged, \(report.failures.count) failed"
    if report.pruned > 0 { text += "; \(plural(report.pruned, "old article")) pruned" }
    text += "\n"
    for failure in report.failures { text += SyncProgress.line(for: failure) + "\n" }
    return text
  }
}
