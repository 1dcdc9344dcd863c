import NewsKit
import Synchronization

/// Stories listed from paths on a background thread, waiting for the input loop to take them
/// (a library's are paged by the effect worker instead).
final class StoryInbox: Sendable {
  private struct Contents {
    var stories: [ArticleSummary] = []
    var problems: [LoadError] = []
    var skipped = 0
    var done = false
  }

  private let contents = Mutex(Contents())

  func deliver(_ stories: [ArticleSummary], problems: [LoadError]) {
    contents.withLock {
      $0.stories += stories
      $0.problems += problems
      $0.skipped += problems.count
    }
  }

  func finish() {
    contents.withLock { $0.done = true }
  }

  /// What arrived since the last call: a message for the reducer, or nil when nothing did.
  func take() -> ReaderMessage? {
    contents.withLock { box -> ReaderMessage? in
      guard !box.stories.isEmpty || box.skipped > 0 || box.done else { return nil }
      let message = ReaderMessage.storiesLoaded(box.stories, skipped: box.skipped, done: box.done)
      box.stories = []
      box.skipped = 0
      if box.done { box.done = false }
      return message
    }
  }

  /// Every file skipped so far, to report once the terminal is restored.
  var problems: [LoadError] { contents.withLock { $0.problems } }
}
