import Foundation

/// A stand-in for the user's browser: a shell script, in a directory of its own, that writes
/// the address it was given to a file, so a test can set `BROWSER` to it and read back what the
/// reader opened.
public struct RecordingBrowser {
  /// The script to name in `BROWSER`.
  public let path: String
  private let record: String

  public init() throws {
    let directory = Scratch.path("herald-browser")
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    path = directory + "/browser"
    record = directory + "/opened"
    try "#!/bin/sh\nprintf '%s' \"$1\" > \(record)\n".write(toFile: path, atomically: false, encoding: .utf8)
    chmod(path, 0o755)
  }

  /// The address the browser was last run with.
  public func opened() throws -> String {
    try String(contentsOfFile: record, encoding: .utf8)
  }
}
