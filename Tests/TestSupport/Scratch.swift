import Foundation

/// Where tests put their files and libraries: one directory per test process, in the system's
/// temporary directory, removed when the process exits. Each test used to make its own
/// directory there and leave it: a few hundred more in /tmp after every `swift test`.
public enum Scratch {
  /// A new, unused path in this run's directory, named after what it is for
  /// (`Scratch.path("herald-library")`); nothing is created at it.
  public static func path(_ name: String) -> String {
    root + "/" + name + "-" + UUID().uuidString
  }

  /// `FileManager.createFile` without its atomic write: swift-corelibs-foundation writes
  /// through a `TemporaryDirectory.XXXXXX` in /tmp and leaves the directory behind.
  @discardableResult
  public static func createFile(atPath path: String, contents: Data) -> Bool {
    (try? contents.write(to: URL(fileURLWithPath: path))) != nil
  }

  private static let root: String = {
    let root = NSTemporaryDirectory() + "herald-test-run-\(getpid())"
    try? FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
    atexit { removeRoot() }
    return root
  }()

  private static func removeRoot() {
    try? FileManager.default.removeItem(atPath: root)
  }
}
