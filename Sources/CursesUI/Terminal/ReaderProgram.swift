import Foundation
import NewsKit

/// Runs the reader on a terminal: lists the paths in the background, shows the first screen at
/// once, and applies input to the state until the user quits or a signal arrives.
public enum ReaderProgram {
  public struct Outcome: Sendable {
    /// Files skipped while listing, to be reported on stderr.
    public var problems: [LoadError]
    /// The quit signal that ended the reader, if one did.
    public var signal: Int32?
  }

  /// Runs the reader; nil when the terminal cannot be driven, so the caller can fall back to
  /// printing the list.
  public static func run(paths: [String], keymap: Keymap = .standard) -> Outcome? {
    guard let backend = CursesBackend() else { return nil }
    defer { backend.end() }
    let inbox = StoryInbox()
    let loader = Thread {
      ArticleCollection.listProgressively(paths) { stories, problems in inbox.deliver(stories, problems: problems) }
      inbox.finish()
    }
    loader.stackSize = 1 << 22
    loader.start()

    let size = backend.size
    var state = ReaderState(width: size.width, height: size.height)
    var needsFull = true
    var dirty = true
    while !state.quitting {
      if backend.quitSignal != nil { break }
      if let arrived = inbox.take() {
        perform(&state, effects: state.update(arrived, keymap: keymap), keymap: keymap, needsFull: &needsFull)
        dirty = true
      }
      if dirty || needsFull {
        backend.present(ReaderView.render(state), forceFull: needsFull)
        dirty = false
        needsFull = false
      }
      guard let event = backend.readEvent(timeout: state.loadedAll ? 500 : 40) else { continue }
      perform(&state, effects: state.update(.input(event), keymap: keymap), keymap: keymap, needsFull: &needsFull)
      // Several keys typed at once (a paste, a held key) are applied before the next frame.
      var drained = 0
      while drained < 64, let next = backend.readEvent(timeout: 0) {
        perform(&state, effects: state.update(.input(next), keymap: keymap), keymap: keymap, needsFull: &needsFull)
        drained += 1
      }
      dirty = true
    }
    return Outcome(problems: inbox.problems, signal: backend.quitSignal)
  }

  /// Carries out effects, feeding their results back into the state.
  private static func perform(
    _ state: inout ReaderState, effects: [ReaderEffect], keymap: Keymap, needsFull: inout Bool
  ) {
    var queue = effects
    while !queue.isEmpty {
      let effect = queue.removeFirst()
      switch effect {
      case .redrawAll:
        needsFull = true
      case .openArticle(let summary):
        queue += state.update(ReaderEffects.open(summary), keymap: keymap)
      }
    }
  }
}

/// What the effects do, kept apart so tests can carry them out the same way without a terminal.
public enum ReaderEffects {
  public static func open(_ summary: ArticleSummary) -> ReaderMessage {
    do {
      return .articleLoaded(try ArticleCollection.open(path: summary.path))
    } catch {
      return .articleFailed(summary, error.description)
    }
  }
}
