import Synchronization

/// Fixed slots that parallel workers fill by position, so results come out in input order
/// whichever worker finishes first.
final class OrderedSlots<Value: Sendable>: Sendable {
  private let storage: Mutex<[Value?]>

  init(count: Int) {
    storage = Mutex(Array(repeating: nil, count: count))
  }

  func store(_ values: [Value], startingAt index: Int) {
    storage.withLock { slots in
      for (offset, value) in values.enumerated() { slots[index + offset] = value }
    }
  }

  /// Every value, in order; a slot never filled is left out.
  var values: [Value] {
    storage.withLock { $0.compactMap { $0 } }
  }
}
