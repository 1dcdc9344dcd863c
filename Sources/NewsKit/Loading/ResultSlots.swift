import Synchronization

/// Fixed slots that parallel workers fill by index; each slot is written once.
final class ResultSlots<Value: Sendable>: Sendable {
  private let storage: Mutex<[Result<Value, LoadError>?]>

  init(count: Int) {
    storage = Mutex(Array(repeating: nil, count: count))
  }

  func store(_ values: [Result<Value, LoadError>], startingAt index: Int) {
    storage.withLock { slots in
      for (offset, value) in values.enumerated() { slots[index + offset] = value }
    }
  }

  var values: [Result<Value, LoadError>] {
    storage.withLock { $0.map { $0! } }
  }
}
