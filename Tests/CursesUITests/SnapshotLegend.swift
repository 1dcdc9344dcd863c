@testable import CursesUI

/// One letter per style role in snapshot style maps; upper case marks the focused paragraph.
enum SnapshotLegend {
  static let roles: [StyleRole: Character] = [
    .normal: ".", .listRow: ".", .listSelected: "s", .listRead: "r", .listUnread: "u", .listSource: "o",
    .headline: "h", .source: "c", .body: "b", .speech: "q", .phrase: "p", .speaker: "w", .currentQuote: "z",
    .searchMatch: "m", .currentMatch: "x", .focusBar: "f", .statusBar: "t", .statusKey: "k",
    .help: "e", .helpKey: "y", .border: "|", .dim: "d",
  ]
}
