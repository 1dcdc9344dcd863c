import Foundation

/// Writes to stdout in one go, and knows whether stdout is a terminal that may get colour.
enum StandardOutput {
  static func write(_ text: String) {
    FileHandle.standardOutput.write(Data(text.utf8))
  }

  static var isTerminal: Bool { isatty(STDOUT_FILENO) == 1 }

  /// Colour only for a terminal that has it, and never when NO_COLOR is set.
  static var allowsColour: Bool {
    let environment = ProcessInfo.processInfo.environment
    let term = environment["TERM"] ?? ""
    return isTerminal && environment["NO_COLOR"] == nil && !term.isEmpty && term != "dumb"
  }
}
