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
    /// Holds the script until a frame drawn after the last event shows every headline on
    /// screen (no row waiting for its page).
    case settle
  }

  public private(set) var frames: [Grid] = []
  public private(set) var size: (width: Int, height: Int)
  /// The text a wait gave up on, if one did.
  public private(set) var gaveUpWaitingFor: String?
  private var script: [Step]
  private let patience: TimeInterval
  private var waitingSince: Date?

  private var framesSinceEvent = 0
  /// Whether every frame is kept (tests look back through them); a benchmark of thousands of
  /// keys keeps only the last.
  private let keepsFrames: Bool

  public init(width: Int, height: Int, script: [Step], patience: TimeInterval = 10, keepsFrames: Bool = true) {
    size = (width, height)
    self.script = script
    self.patience = patience
    self.keepsFrames = keepsFrames
  }

  public var quitSignal: Int32? { script.isEmpty ? SIGTERM : nil }

  public var screen: String { frames.last?.text ?? "" }

  /// Called with every frame as it is shown: a test can change the world at a given screen.
  public var onFrame: ((Grid) -> Void)?

  /// Called with every input event as the loop reads it.
  public var onEvent: ((InputEvent) -> Void)?

  public func present(_ grid: Grid, forceFull: Bool) {
    if !keepsFrames { frames.removeAll(keepingCapacity: true) }
    frames.append(grid)
    framesSinceEvent += 1
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
        framesSinceEvent = 0
        onEvent?(event)
        return event
      case .waitFor, .settle:
        if isDone(step) {
          script.removeFirst()
          waitingSince = nil
          continue
        }
        let since = waitingSince ?? Date()
        waitingSince = since
        if Date().timeIntervalSince(since) > patience {
          gaveUpWaitingFor = if case .waitFor(let text) = step { text } else { "headlines on every row" }
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

  private func isDone(_ step: Step) -> Bool {
    switch step {
    case .event: return true
    case .waitFor(let text): return screen.contains(text)
    case .settle: return framesSinceEvent > 0 && !screen.contains(HeadlineListView.placeholder)
    }
  }
}
