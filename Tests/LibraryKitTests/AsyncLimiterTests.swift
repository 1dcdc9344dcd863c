import Testing

@testable import LibraryKit

/// Records the order in which tasks got past the limiter, from any task.
private actor Arrivals {
  var order: [Int] = []
  func arrived(_ index: Int) { order.append(index) }
}

/// Bounded in time: a limiter that never lets a waiter through fails the test instead of
/// hanging the suite.
@Suite("The sync's bound on fetched bodies", .timeLimit(.minutes(1)))
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
    let arrivals = Arrivals()
    for round in 0..<3 {
      await limiter.acquire()
      await arrivals.arrived(round)
      await limiter.release()
    }
    await limiter.acquire()
    #expect(await arrivals.order == [0, 1, 2])
    // The one place is held again: a second holder waits until it is released.
    let second = Task {
      await limiter.acquire()
      await arrivals.arrived(9)
    }
    for _ in 0..<100 { await Task.yield() }
    #expect(await arrivals.order == [0, 1, 2])
    await limiter.release()
    await second.value
    #expect(await arrivals.order == [0, 1, 2, 9])
  }
}
