import CursesUI
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
    /// The feeds being fetched or stored, by subscription id, in the order they began: the
    /// status line names the latest.
    var inFlight: [(id: Int64?, name: String)] = []
    var current: String { inFlight.last?.name ?? "" }
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
        tally.inFlight.append((subscription.id, subscription.displayTitle))
      case .finished(let result, let done, _):
        tally.inFlight.removeAll { $0.id == result.subscription.id }
        tally.done = done
        if case .stored(let stored, _) = result.outcome { tally.new += stored.new }
        if result.isFailure { tally.failed += 1 }
        if !live {
          write(Self.line(for: result) + "\n")
        } else if result.isFailure {
          write("\r\u{1B}[K" + Self.line(for: result) + "\n")
        }
      }
      if live { write("\r\u{1B}[K" + Self.status(tally, width: Self.terminalWidth())) }
    }
  }

  /// Clears the status line before the summary.
  func finish() {
    if live { write("\r\u{1B}[K") }
  }

  /// The status line, within `width` columns less one (a line that reaches the last column
  /// wraps in some terminals, and `\r` then rewrites only its second half). The feed being
  /// fetched keeps its beginning and its end, where feeds of one site differ.
  private static func status(_ tally: Tally, width: Int) -> String {
    var text = "syncing \(tally.done)/\(tally.total) feeds, \(tally.new) new"
    if tally.failed > 0 { text += ", \(tally.failed) failed" }
    let room = width - 1 - DisplayWidth.of(text) - 3
    if tally.done < tally.total && !tally.current.isEmpty && room >= 8 {
      text += " · " + TextWrapper.truncateMiddle(VisibleText.make(tally.current), width: room)
    }
    return TextWrapper.truncate(text, width: width - 1)
  }

  /// The columns of the terminal on stderr, read at each update so that a resize is followed;
  /// 80 when it cannot be read.
  private static func terminalWidth() -> Int {
    var size = winsize()
    let read = withUnsafeMutablePointer(to: &size) { ioctl(STDERR_FILENO, UInt(TIOCGWINSZ), $0) }
    return read == 0 && size.ws_col > 0 ? Int(size.ws_col) : 80
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
    case .gone, .postponed, .failed: return "failed   \(name): \(VisibleText.make(result.reasonAfterName ?? "?"))"
    }
  }

  private func write(_ text: String) {
    StandardOutput.writeError(text)
  }
}
