import Foundation
import LibraryKit
import NewsKit
import Synchronization

/// Shows a sync as it goes on stderr. On a terminal: one status line rewritten in place (feeds
/// done of total, new articles, failures, the feed being fetched), with failures printed above
/// it as they happen. Otherwise (a log, a pipe): one line per feed as it finishes.
final class SyncProgress: Sendable {
  private struct Tally {
    var total = 0
    var done = 0
    var new = 0
    var failed = 0
    var current = ""
  }

  private let live: Bool
  private let tally = Mutex(Tally())

  init(live: Bool = isatty(STDERR_FILENO) == 1) {
    self.live = live
  }

  func handle(_ event: SyncEvent) {
    tally.withLock { tally in
      switch event {
      case .began(let total):
        tally.total = total
      case .fetching(let subscription):
        tally.current = subscription.displayTitle
      case .finished(let result, let done, _):
        tally.done = done
        if case .stored(let stored, _) = result.outcome { tally.new += stored.new }
        if result.isFailure { tally.failed += 1 }
        if !live {
          write(Self.line(for: result) + "\n")
        } else if result.isFailure {
          write("\r\u{1B}[K" + Self.line(for: result) + "\n")
        }
      }
      if live { write("\r\u{1B}[K" + Self.status(tally)) }
    }
  }

  /// Clears the status line before the summary.
  func finish() {
    if live { write("\r\u{1B}[K") }
  }

  private static func status(_ tally: Tally) -> String {
    var text = "syncing \(tally.done)/\(tally.total) feeds, \(tally.new) new"
    if tally.failed > 0 { text += ", \(tally.failed) failed" }
    if tally.done < tally.total && !tally.current.isEmpty { text += " · " + VisibleText.make(String(tally.current.prefix(40))) }
    return text
  }

  /// A feed's result in one line: what it is, and what happened.
  static func line(for result: FeedSyncResult) -> String {
    let name = VisibleText.make(result.subscription.displayTitle)
    switch result.outcome {
    case .stored(let stored, let warning):
      var line = "updated  \(name): \(stored.new) new, \(stored.updated) changed"
      if let warning { line += " (warning: \(VisibleText.make(warning)))" }
      return line
    case .unchanged: return "same     \(name)"
    case .gone, .postponed, .failed: return "failed   \(name): \(VisibleText.make(result.reason ?? "?"))"
    }
  }

  private func write(_ text: String) {
    StandardOutput.writeError(text)
  }
}
