#if canImport(Glibc)
  import Glibc
#endif
import CNcurses
import Synchronization

/// The terminal is restored on every way out. Quit signals (SIGINT, SIGTERM, SIGHUP) only set a
/// flag, which the input loop sees within one tick and leaves through its normal clean-up; crash
/// signals restore the terminal at once and then let the signal take its course.
enum TerminalSignals {
  private static let received = Atomic<Int32>(0)

  /// The quit signal received, or 0.
  static var pending: Int32 { received.load(ordering: .relaxed) }

  static func install() {
    for quit in [SIGINT, SIGTERM, SIGHUP] {
      signal(quit) { number in TerminalSignals.received.store(number, ordering: .relaxed) }
    }
    for crash in [SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP] {
      signal(crash) { number in
        endwin()
        signal(number, SIG_DFL)
        raise(number)
      }
    }
  }

  /// Drops a SIGINT received so far (one meant for a program run in the terminal meanwhile);
  /// SIGTERM and SIGHUP stay.
  static func forgetInterrupt() {
    _ = received.compareExchange(expected: SIGINT, desired: 0, ordering: .relaxed)
  }

  static func restoreDefaults() {
    for number in [SIGINT, SIGTERM, SIGHUP, SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP] {
      signal(number, SIG_DFL)
    }
  }
}
