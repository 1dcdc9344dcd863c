import CursesUI
import Foundation
import LibraryKit
import NewsKit

/// The full-text stage of `herald sync` and `herald add`: the pages of new items of feeds that
/// ask for them, fetched after the store stage and before the analysis (which then reads the
/// pages' text). Progress on stderr like the analysis's; Ctrl-C stops it between batches.
enum FullTextStage {
  static func run(_ library: Library) throws {
    let pending = try libraryCall { () throws(LibraryError) in try library.pendingFullTextCount() }
    guard pending > 0 else { return }
    let line = StatusLine()
    analysisInterrupted.store(false, ordering: .relaxed)
    let previous = signal(SIGINT) { _ in analysisInterrupted.store(true, ordering: .relaxed) }
    defer { signal(SIGINT, previous) }
    let outcome = try libraryCall { () throws(LibraryError) in
      try library.fetchFullTextBlocking(shouldStop: { analysisInterrupted.load(ordering: .relaxed) }) { progress in
        // The reader's status bar says it in the same words.
        line.show(ReaderState.describe(.fetchingFullText(done: progress.done, total: progress.total)))
      }
    }
    line.finish()
    let stored = outcome.done - outcome.failed
    StandardOutput.write(
      "full text: \(AnalyseCommand.count(stored)) \(stored == 1 ? "page" : "pages") stored"
        + (outcome.failed > 0 ? ", \(AnalyseCommand.count(outcome.failed)) kept the feed's text (no page or no article in it)" : "")
        + (outcome.done < outcome.total ? "; \(AnalyseCommand.count(outcome.total - outcome.done)) still to fetch" : "") + "\n")
  }
}
