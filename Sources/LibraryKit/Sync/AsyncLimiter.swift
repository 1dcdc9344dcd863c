/// At most `limit` holders at once, for async code: `acquire` suspends (it does not block a
/// thread) until a holder calls `release`.
actor AsyncLimiter {
  private var available: Int
  private var waiting: [CheckedContinuation<Void, Never>] = []

  init(_ limit: Int) {
    available = max(1, limit)
  }

  func acquire() async {
    if available > 0 {
      available -= 1
      return
    }
    await withCheckedContinuation { waiting.append($0) }
  }

  func release() {
    if waiting.isEmpty {
      available += 1
    } else {
      waiting.removeFirst().resume()
    }
  }
}
