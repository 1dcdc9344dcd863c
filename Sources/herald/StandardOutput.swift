import Foundation

/// Writes to stdout and stderr in one go, and knows whether stdout is a terminal that may get
/// colour.
enum StandardOutput {
  static func write(_ text: String) {
    writeAll(text, to: STDOUT_FILENO)
  }

  static func write(bytes: [UInt8]) {
    bytes.withUnsafeBufferPointer { writeAll($0, to: STDOUT_FILENO) }
  }

  static func writeError(_ text: String) {
    writeAll(text, to: STDERR_FILENO)
  }

  /// Writes every byte; when the reader has gone (`herald list | head -1`) the program ends
  /// quietly, as SIGPIPE would end it. A parent may have left SIGPIPE ignored (test runners,
  /// some shells' children), and FileHandle then traps on the EPIPE it gets instead.
  private static func writeAll(_ text: String, to descriptor: Int32) {
    var text = text
    text.withUTF8 { writeAll($0, to: descriptor) }
  }

  private static func writeAll(_ buffer: UnsafeBufferPointer<UInt8>, to descriptor: Int32) {
    guard let base = buffer.baseAddress else { return }
    var offset = 0
    while offset < buffer.count {
      let written = Glibc.write(descriptor, base + offset, buffer.count - offset)
      if written >= 0 {
        offset += written
      } else if errno == EPIPE {
        exit(128 + SIGPIPE)
      } else if errno != EINTR {
        return
      }
    }
  }

  static var isTerminal: Bool { isatty(STDOUT_FILENO) == 1 }

  /// Colour only for a terminal that has it, and never when NO_COLOR is set.
  static var allowsColour: Bool {
    let environment = ProcessInfo.processInfo.environment
    let term = environment["TERM"] ?? ""
    return isTerminal && environment["NO_COLOR"] == nil && !term.isEmpty && term != "dumb"
  }
}
