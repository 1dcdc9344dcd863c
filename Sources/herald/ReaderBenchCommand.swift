import ArgumentParser
import CursesUI
import Dispatch
import Foundation
import LibraryKit
import NewsKit

/// The reader's program loop on a library, driven by keys on an in-memory terminal: what a
/// key costs until its frame, and until the frame shows every headline on screen (the page
/// queries done). Hidden from the help: a tool for `scripts/reader-bench-library.sh`.
struct ReaderBenchCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "reader-bench",
    abstract: "Time the reader's keys on a library (a benchmark).",
    shouldDisplay: false
  )

  @OptionGroup var library: LibraryOptions
  @Option(help: "How many keys to replay.") var keys = 2_000
  @Option(help: "The terminal's size, COLUMNSxROWS.") var size = "160x48"

  /// Scrolling, paging and jumping through the list, reading a story and leaving it.
  static let pattern: [Key] = [
    .character("j"), .character("j"), .character("j"), .pageDown, .character("k"), .pageDown, .pageDown, .character("G"),
    .character("k"), .character("k"), .pageUp, .character("g"), .character("j"), .enter, .character("j"), .character("n"),
    .escape, .character("j"), .pageDown, .character("j"),
  ]

  func run() throws {
    let dimensions = size.split(separator: "x").compactMap { Int($0) }
    guard dimensions.count == 2, dimensions[0] > 0, dimensions[1] > 0 else {
      throw ValidationError("--size wants COLUMNSxROWS, like 160x48")
    }
    let opened = try library.open(footprint: .small)
    var script: [MemoryBackend.Step] = [.waitFor("story 1/"), .settle]
    for index in 0..<keys { script += [.event(.key(Self.pattern[index % Self.pattern.count])), .settle] }
    let backend = MemoryBackend(width: dimensions[0], height: dimensions[1], script: script, keepsFrames: false)
    let clock = BenchClock()
    backend.onEvent = { event in clock.keyArrived(String(describing: event)) }
    backend.onFrame = { grid in
      let shown = DispatchTime.now().uptimeNanoseconds
      clock.frameShown(at: shown, settled: !grid.text.contains(HeadlineListView.placeholder))
    }
    let setup = ReaderProgram.Setup(
      paths: [], config: ReaderConfig(), catalog: ThemeCatalog(bundled: nil, user: nil), theme: Theme(name: "plain", styles: [:]),
      environment: [:], library: LibraryShelf(library: opened))
    let started = DispatchTime.now().uptimeNanoseconds
    _ = ReaderProgram.run(setup, on: backend)
    if let gaveUp = backend.gaveUpWaitingFor { throw CommandFailure(message: "error: reader-bench: no frame with \(gaveUp)") }
    let seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
    print("reader-bench: \(try libraryCall { () throws(LibraryError) in try opened.countEntries() }) stories in the library, \(keys) keys, \(size), \(String(format: "%.1f", seconds)) s")
    print(clock.report())
  }
}

/// When keys arrived and frames were shown, from the loop's own thread.
private final class BenchClock: @unchecked Sendable {
  private var keyTime: UInt64?
  private var awaitingFrame = false
  private var toFrame: [Double] = []
  private var toSettled: [Double] = []
  private var key = ""
  /// The slowest time to a frame of each key.
  private var slowest: [String: Double] = [:]
  private var slowestSettled: [String: Double] = [:]

  /// `key(CursesUI.Key.character("j"))` as `j`.
  private static func name(_ event: String) -> String {
    event.replacingOccurrences(of: "key(CursesUI.Key.", with: "").replacingOccurrences(of: "character(\"", with: "")
      .replacingOccurrences(of: "\")", with: "").replacingOccurrences(of: ")", with: "")
  }

  func keyArrived(_ name: String) {
    keyTime = DispatchTime.now().uptimeNanoseconds
    awaitingFrame = true
    key = name
  }

  func frameShown(at shown: UInt64, settled: Bool) {
    guard let keyTime else { return }
    let elapsed = Double(shown - keyTime) / 1e6
    if awaitingFrame {
      toFrame.append(elapsed)
      slowest[key] = max(slowest[key] ?? 0, elapsed)
      awaitingFrame = false
    }
    if settled {
      toSettled.append(elapsed)
      slowestSettled[key] = max(slowestSettled[key] ?? 0, elapsed)
      self.keyTime = nil
    }
  }

  func report() -> String {
    func line(_ name: String, _ values: [Double]) -> String {
      let sorted = values.sorted()
      guard !sorted.isEmpty else { return "\(name): no frames" }
      func at(_ p: Double) -> Double { sorted[min(sorted.count - 1, Int(Double(sorted.count) * p))] }
      return String(format: "%@: p50 %.3f ms, p99 %.3f ms, max %.3f ms (%d keys)", name, at(0.5), at(0.99), sorted.last ?? 0, sorted.count)
    }
    func worst(_ times: [String: Double]) -> String {
      times.sorted { $0.value > $1.value }.prefix(4).map { String(format: "%@ %.2f ms", Self.name($0.key), $0.value) }.joined(separator: ", ")
    }
    return line("key to frame", toFrame) + "\n" + line("key to every headline shown (page queries included)", toSettled)
      + "\nslowest keys to a frame: " + worst(slowest) + "\nslowest keys to every headline: " + worst(slowestSettled)
  }
}
