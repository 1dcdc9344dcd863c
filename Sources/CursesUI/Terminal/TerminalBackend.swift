/// What the program loop needs of a terminal: its size, showing a frame, reading input. The
/// curses backend drives a real one; `MemoryBackend` runs the whole loop in tests.
public protocol TerminalBackend: AnyObject {
  var size: (width: Int, height: Int) { get }
  /// The quit signal (SIGINT, SIGTERM, SIGHUP) that arrived, if one did.
  var quitSignal: Int32? { get }
  /// Shows a frame; `forceFull` repaints everything, not only what changed.
  func present(_ grid: Grid, forceFull: Bool)
  /// The next input event, waiting at most `timeout` milliseconds (0: not at all).
  func readEvent(timeout: Int32) -> InputEvent?
  func setTheme(_ theme: Theme)
  /// Gives the terminal to another program (a browser) while `body` runs, then takes it back.
  func releasingTerminal(_ body: () -> Void)
  /// Puts text on the terminal's clipboard, where the terminal allows it (OSC 52).
  func copyToClipboard(_ text: String)
}

extension CursesBackend: TerminalBackend {}
