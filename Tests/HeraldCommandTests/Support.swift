import Foundation

/// Runs the built `herald` binary as a user would, capturing what it prints.
struct HeraldRun {
  var status: Int32
  var stdout: String
  var stderr: String

  /// The `herald` executable built beside this test bundle.
  static var executable: URL {
    Bundle.module.bundleURL.deletingLastPathComponent().appendingPathComponent("herald")
  }

  static func run(_ arguments: [String], environment: [String: String] = [:]) throws -> HeraldRun {
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    var merged = ProcessInfo.processInfo.environment
    // A developer's own config must not change what the tests see.
    merged["XDG_CONFIG_HOME"] = "/nonexistent/herald-test-config"
    // Nor the developer's library: a test names its own with --library or HERALD_LIBRARY.
    merged["XDG_DATA_HOME"] = "/nonexistent/herald-test-data"
    merged["HERALD_LIBRARY"] = nil
    merged["NO_COLOR"] = nil
    merged.merge(environment) { _, new in new }
    process.environment = merged
    let output = Pipe()
    let errors = Pipe()
    process.standardOutput = output
    process.standardError = errors
    process.standardInput = FileHandle.nullDevice
    try process.run()
    // Read both pipes before waiting, so a large output cannot fill a pipe and stall the child.
    let outData = output.fileHandleForReading.readDataToEndOfFile()
    let errData = errors.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return HeraldRun(
      status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
      stderr: String(decoding: errData, as: UTF8.self))
  }
}

enum Fixture {
  static func path(_ name: String) -> String {
    Bundle.module.resourcePath! + "/Fixtures/" + name
  }

  static func text(_ name: String) throws -> String {
    try String(contentsOfFile: path(name), encoding: .utf8)
  }

  static var sharedSeed: String? {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent()
    let seed = root.deletingLastPathComponent().appendingPathComponent("shared/seeds/000_d6ebdaacbbc1ba89.txt").path
    return FileManager.default.fileExists(atPath: seed) ? seed : nil
  }

  static var sharedGenerator: String? {
    guard let seed = sharedSeed else { return nil }
    let generator = URL(fileURLWithPath: seed).deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("bench/gen_articles.py").path
    return FileManager.default.fileExists(atPath: generator) ? generator : nil
  }
}
