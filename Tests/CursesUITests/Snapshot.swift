import Foundation
import Testing

@testable import CursesUI

/// Compares a rendered screen with `Snapshots/<name>.txt`: the screen's text, a line `---`, then
/// its style map (see `SnapshotLegend`). A missing file, or RECORD_SNAPSHOTS=1 in the
/// environment, records the screen instead, and the test fails so that a recording is looked at
/// before it is trusted.
func assertSnapshot(_ grid: Grid, named name: String, sourceLocation: SourceLocation = #_sourceLocation) {
  let rendered = grid.text + "\n---\n" + grid.styleMap(SnapshotLegend.roles)
  let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Snapshots/\(name).txt")
  let recording = ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1"
  guard !recording, let expected = try? String(contentsOf: file, encoding: .utf8) else {
    try? rendered.write(to: file, atomically: false, encoding: .utf8)
    Issue.record("recorded snapshot \(name); check it and run the tests again", sourceLocation: sourceLocation)
    return
  }
  #expect(rendered == expected, "snapshot \(name) differs", sourceLocation: sourceLocation)
}
