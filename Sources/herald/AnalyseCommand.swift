import ArgumentParser
import CursesUI
import Foundation
import LibraryKit
import NewsKit
import Synchronization

/// Set by Ctrl-C while the library is being analysed: the batch being written commits, and
/// analysis stops there (what is left is done by the next sync or `herald analyse`).
let analysisInterrupted = Atomic<Bool>(false)

struct AnalyseCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "analyse",
    abstract: "Find the quotes, speakers and search words of stored articles that lack them.",
    discussion: """
      A sync stores articles first, so they can be listed and read at once, and analyses them \
      behind: their quotes, who said them, and their words in the search index. `herald sync` \
      analyses after storing unless given --no-analyse; this command runs that second stage \
      alone, in the foreground with progress, for scripts and cron. Newest articles first, a \
      thousand per transaction: Ctrl-C, or a kill, loses nothing but the batch being written, \
      and the next run goes on from there. Articles analysed by an older Herald are analysed \
      again with today's rules. Only one process analyses a library at a time; a second one \
      says so and leaves the work to the first.
      """)

  @OptionGroup var library: LibraryOptions

  func run() throws {
    let opened = try library.open()
    let outcome = try Self.analyse(opened)
    if case .leftToAnother = outcome { return }
    StandardOutput.write(Self.summary(outcome, progress: try libraryCall { () throws(LibraryError) in try opened.analysisProgress() }))
  }

  /// Runs the analysis with its progress on stderr; Ctrl-C stops it after the batch being
  /// written. Shared with `sync` and `add`.
  static func analyse(_ library: Library) throws -> AnalysisOutcome {
    let display = AnalysisProgressDisplay()
    analysisInterrupted.store(false, ordering: .relaxed)
    let previous = signal(SIGINT) { _ in analysisInterrupted.store(true, ordering: .relaxed) }
    defer { signal(SIGINT, previous) }
    let outcome = try libraryCall { () throws(LibraryError) in
      try library.analyse(shouldStop: { analysisInterrupted.load(ordering: .relaxed) }) { display.show($0) }
    }
    display.finish()
    if case .leftToAnother = outcome {
      Diagnostics.warn("another herald is analysing this library; leaving the analysis to it")
    }
    return outcome
  }

  /// Search and "who said what" cover only analysed articles: while some wait, say how many
  /// are covered, on stderr, so that scripts reading the results are not disturbed.
  static func warnIfPartial(_ progress: AnalysisProgress, covering what: String) {
    guard progress.covered < progress.total else { return }
    Diagnostics.warn(
      "\(count(progress.covered)) of \(count(progress.total)) stories \(what) so far; the rest wait for analysis (herald analyse)")
  }

  static func summary(_ outcome: AnalysisOutcome, progress: AnalysisProgress) -> String {
    switch outcome {
    case .finished(let count):
      return "analysed \(Self.count(count)) \(count == 1 ? "article" : "articles"); all \(Self.count(progress.total)) analysed\n"
    case .stopped(let count):
      return "stopped after analysing \(Self.count(count)); \(Self.count(progress.pending)) of \(Self.count(progress.total)) still to analyse\n"
    case .leftToAnother:
      return ""
    }
  }

  /// A count with thousands separated, as the progress line writes it.
  static func count(_ value: Int) -> String { ReaderState.grouped(value) }
}

/// The analysis's progress on stderr: a line rewritten in place on a terminal ("analysing
/// 41,200 of 100,000"), else one line as it starts.
final class AnalysisProgressDisplay: Sendable {
  private let line: StatusLine

  init(live: Bool = isatty(STDERR_FILENO) == 1) {
    line = StatusLine(live: live)
  }

  func show(_ progress: AnalysisProgress) {
    guard !progress.isComplete else { return }
    // The reader's status bar says it in the same words.
    let text = ReaderState.describe(.analysing(analysed: progress.analysed, covered: progress.covered, total: progress.total))
    line.show(text, once: text + " (\(AnalyseCommand.count(progress.pending)) to go)")
  }

  func finish() { line.finish() }
}

/// A stage's progress on stderr: on a terminal one line rewritten in place, otherwise (a log,
/// a pipe) its first state once.
final class StatusLine: Sendable {
  private let live: Bool
  private let started = Mutex(false)

  init(live: Bool = isatty(STDERR_FILENO) == 1) {
    self.live = live
  }

  /// Shows `text`; `once` is what a log gets, the first time only.
  func show(_ text: String, once: String? = nil) {
    started.withLock { started in
      if live {
        StandardOutput.writeError("\r\u{1B}[K" + text)
      } else if !started {
        StandardOutput.writeError((once ?? text) + "\n")
      }
      started = true
    }
  }

  /// Clears a live line once it has been shown.
  func finish() {
    if live && started.withLock({ $0 }) { StandardOutput.writeError("\r\u{1B}[K") }
  }
}
