import Foundation

/// A Python test server (a script in a test target's Fixtures) on 127.0.0.1: it prints its port
/// on its first line, is started for one test and killed by its PID after it, and stops by
/// itself after a while in case a test runner dies first. Test targets subclass it for their
/// own servers.
open class LocalServer {
  public let process = Process()
  public let port: Int

  /// Whether the servers can run here. Under CI=true always: a machine without python3 must
  /// fail the server tests (.ci/run installs it), not skip them.
  public static var isAvailable: Bool {
    ProcessInfo.processInfo.environment["CI"] == "true" || FileManager.default.isExecutableFile(atPath: "/usr/bin/python3")
  }

  public init(script: String, arguments: [String] = []) throws {
    process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
    process.arguments = [script] + arguments
    let output = Pipe()
    process.standardOutput = output
    process.standardError = FileHandle.nullDevice
    try process.run()
    var line = Data()
    while !line.contains(UInt8(ascii: "\n")) {
      let chunk = output.fileHandleForReading.availableData
      if chunk.isEmpty { break }
      line.append(chunk)
    }
    guard let port = Int(String(decoding: line, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)) else {
      kill(process.processIdentifier, SIGKILL)
      process.waitUntilExit()
      throw CocoaError(.fileReadCorruptFile)
    }
    self.port = port
  }

  deinit {
    // SIGKILL: a signal mask inherited from the test runner's thread cannot hold it back.
    kill(process.processIdentifier, SIGKILL)
    process.waitUntilExit()
  }

  public func url(_ path: String) -> String { "http://127.0.0.1:\(port)/\(path)" }
}
