import Testing

@testable import LibraryKit

/// Records the order in which tasks got past the limiter, from any task.
private actor Arrivals {
  var order: [Int] = []
  func arrived(_ index: Int) { order.append(index) }
}

@Suite("The sync's bound on fetched bodies")
struct AsyncLimiterTests {
  @Test func aHolderBeyondTheLimitWaitsForARelease() async {
    let limiter = AsyncLimiter(2)
    let arrivals = Arrivals()
    await limiter.acquire()
    await limiter.acquire()
    let third = Task {
      await limiter.acquire()
      await arrivals.arrived(3)
    }
    // Give the third task every chance to get through wrongly before anything is released.
    for _ in 0..<100 { await Task.yield() }
    #expect(await arrivals.order.isEmpty)
    await arrivals.arrived(1)
    await limiter.release()
    await third.value
    #expect(await arrivals.order == [1, 3])
  }

  @Test func releasedPlacesAreTakenAgainWithoutWaiting() async {
    let limiter = AsyncLimiter(1)
    for _ in 0..<3 {
      await limiter.acquire()
      await limiter.release()
    }
    await limiter.acquire()
  }
}
