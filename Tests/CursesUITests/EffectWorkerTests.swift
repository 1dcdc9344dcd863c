import Dispatch
import Foundation
import NewsKit
import Testing

@testable import CursesUI

@Suite("The effect worker")
struct EffectWorkerTests {
  /// Two marks in a row while the first is still being written: the feed counts that arrive
  /// last must count both. (Coalescing skipped the second mark's count when the first one's was
  /// still queued, though that count ran before the second write: the pane kept a stale count
  /// until the next mark, seen in tmux after `A` then `U`.)
  @Test func theLastFeedCountsComeAfterTheLastMark() throws {
    let library = MemoryLibrary(Array(Stories.all.prefix(3)))
    library.countsMarks = true
    let gate = DispatchSemaphore(value: 0)
    library.beforeMark = { ids in
      if ids == ["1"] { gate.wait() }
      if ids == ["2"] { Thread.sleep(forTimeInterval: 0.3) }
    }
    let worker = EffectWorker(opener: ArticleOpener(library: library))
    worker.mark(["1"], .read)
    worker.mark(["2"], .read)
    gate.signal()
    worker.finish()
    var lastCounts: [ReaderFeed]?
    let deadline = Date().addingTimeInterval(3)
    while Date() < deadline && lastCounts?.first?.unread != 1 {
      for case .feedsListed(let feeds) in worker.take() { lastCounts = feeds }
      Thread.sleep(forTimeInterval: 0.01)
    }
    #expect(lastCounts?.first?.unread == 1)
  }
}
