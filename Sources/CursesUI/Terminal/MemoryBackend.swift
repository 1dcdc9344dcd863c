import Foundation

/// A terminal in memory: it plays a script of input events, each step after the screen shows
/// what it waits for, and keeps every frame. When the script ends, or a wait runs out, it
/// reports a quit signal so the loop ends as it would on SIGTERM.
public final class MemoryBackend: TerminalBackend {
  public enum Step: Sendable {
    /// An input event, sent when the loop next reads.
    case event(InputEvent)
    /// Holds the script until a frame contains this text.
    case waitFor(String)
  }

  public private(set) var frames: [Grid] = []
  public private(set) var size: (width: Int, height: Int)
  /// The text a wait gave up on, if one did.
  public private(set) var gaveUpWaitingFor: String?
  private var script: [Step]
  private let patience: TimeInterval
  private var waitingSince: Date?

  public init(width: Int, height: Int, script: [Step], patience: TimeInterval = 10) {
    size = (width, height)
    self.script = script
    self.patience = patience
  }

  public var quitSignal: Int32? { script.isEmpty ? SIGTERM : nil }

  public var screen: String { frames.last?.text ?? "" }

  /// Called with every frame as it is shown: a test can change the world at a given screen.
  public var onFrame: ((Grid) -> Void)?

  public func present(_ grid: Grid, forceFull: Bool) {
    frames.append(grid)
    onFrame?(grid)
  }

  public func setTheme(_ theme: Theme) {}

  /// How many times the terminal was handed to another program, and what was copied.
  public private(set) var releases = 0
  public private(set) var clipboard: [String] = []

  public func releasingTerminal(_ body: () -> Void) {
    releases += 1
    body()
  }

  public func copyToClipboard(_ text: String) {
    clipboard.append(text)
  }

  public func readEvent(timeout: Int32) -> InputEvent? {
    while let step = script.first {
      switch step {
      case .event(let event):
        script.removeFirst()
        if case .resize(let width, let height) = event { size = (width, height) }
        return event
      case .waitFor(let text):
        if screen.contains(text) {
          script.removeFirst()
          waitingSince = nil
          continue
        }
        let since = waitingSince ?? Date()
        waitingSince = since
        if Date().timeIntervalSince(since) > patience {
          gaveUpWaitingFor = text
          script = []
          return nil
        }
        // Nothing to read yet: wait as a terminal would, a little, so effects can finish.
        if timeout > 0 { Thread.sleep(forTimeInterval: Double(min(timeout, 5)) / 1000) }
        return nil
      }
    }
    return nil
  }
}
