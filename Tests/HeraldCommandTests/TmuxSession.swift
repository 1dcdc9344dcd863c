import Foundation

/// A private tmux server running a shell, for driving the real `herald` as a person would.
/// Every wait polls `capture-pane` until the expected text appears, up to a bounded time.
final class TmuxSession {
  /// Under CI=true always: a machine without tmux must fail the terminal tests (.ci/run
  /// installs it), not skip them.
  static var isAvailable: Bool {
    ProcessInfo.processInfo.environment["CI"] == "true" || ["/usr/bin/tmux", "/usr/local/bin/tmux", "/bin/tmux"].contains { FileManager.default.isExecutableFile(atPath: $0) }
  }

  let socket = "herald-test-\(UUID().uuidString.prefix(8))"
  let target = "t"

  /// Starts a shell in a `width`×`height` window, with a UTF-8 locale and a 256-colour TERM.
  init(width: Int = 120, height: Int = 40) throws {
    // A sanitizer run's options reach the program too (its leak suppressions).
    let sanitizers = ["ASAN_OPTIONS", "LSAN_OPTIONS", "TSAN_OPTIONS"].compactMap { name in
      ProcessInfo.processInfo.environment[name].map { "\(name)='\($0)' " }
    }.joined()
    let shell =
      "env -i PATH=/usr/bin:/bin HOME=/tmp XDG_CONFIG_HOME=/nonexistent/herald-test-config XDG_DATA_HOME=/nonexistent/herald-test-data LANG=C.UTF-8 TERM=xterm-256color \(sanitizers)PS1='$ ' sh"
    // Started through system(3), not Process: the tmux server daemonises and would inherit the
    // descriptor Process watches for its child's exit, so that wait would never end.
    let command = "tmux -L \(socket) -f /dev/null new-session -d -s \(target) -x \(width) -y \(height) \"\(shell)\" </dev/null >/dev/null 2>&1"
    guard system(command) == 0 else { throw TmuxError.cannotStart }
  }

  deinit {
    _ = try? tmux(["kill-server"])
  }

  /// Types a command line into the shell and runs it.
  func run(_ commandLine: String) throws {
    try tmux(["send-keys", "-t", target, "-l", commandLine])
    try tmux(["send-keys", "-t", target, "Enter"])
  }

  /// Sends keys by tmux's names ("j", "Enter", "Escape", "C-c").
  func send(_ keys: String...) throws {
    try tmux(["send-keys", "-t", target] + keys)
  }

  func screen(colours: Bool = false) throws -> String {
    try tmux(["capture-pane", "-p", "-t", target] + (colours ? ["-e"] : []))
  }

  func resize(width: Int, height: Int) throws {
    try tmux(["resize-window", "-t", target, "-x", "\(width)", "-y", "\(height)"])
  }

  /// Runs tmux commands (separated by ";" arguments) in one invocation.
  func command(_ arguments: [String]) throws {
    try tmux(arguments)
  }

  /// The process id of the program running in the shell (the shell's child), if any.
  func childProcess() throws -> Int32? {
    let shell = try tmux(["display", "-p", "-t", target, "#{pane_pid}"]).trimmingCharacters(in: .whitespacesAndNewlines)
    let children = try? String(contentsOfFile: "/proc/\(shell)/task/\(shell)/children", encoding: .utf8)
    return children?.split(separator: " ").first.flatMap { Int32($0) }
  }

  /// Waits until `condition` holds for the screen; returns the screen, or nil after `timeout`.
  @discardableResult
  func waitFor(timeout: TimeInterval = 10, colours: Bool = false, _ condition: (String) -> Bool) throws -> String? {
    let deadline = Date().addingTimeInterval(timeout)
    repeat {
      let text = try screen(colours: colours)
      if condition(text) { return text }
      Thread.sleep(forTimeInterval: 0.05)
    } while Date() < deadline
    return nil
  }

  func waitFor(_ text: String, timeout: TimeInterval = 10) throws -> String? {
    try waitFor(timeout: timeout) { $0.contains(text) }
  }

  @discardableResult
  private func tmux(_ arguments: [String]) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["tmux", "-L", socket, "-f", "/dev/null"] + arguments
    process.standardInput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    let output = Pipe()
    process.standardOutput = output
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return String(decoding: data, as: UTF8.self)
  }
}

enum TmuxError: Error {
  case cannotStart
}

/// The SGR (colour and attribute) codes in force at the first occurrence of `needle` in a line
/// captured with `capture-pane -e`; nil when the needle is not there.
func sgrState(at needle: String, in line: String) -> String? {
  var state: [String] = []
  var index = line.startIndex
  var plain = ""
  while index < line.endIndex {
    if line[index] == "\u{1B}", let end = line[index...].firstIndex(of: "m") {
      let codes = line[line.index(index, offsetBy: 2)..<end]
      if codes.isEmpty || codes == "0" { state = [] } else { state.append(String(codes)) }
      index = line.index(after: end)
      continue
    }
    plain.append(line[index])
    if plain.hasSuffix(needle) { return state.joined(separator: ";") }
    index = line.index(after: index)
  }
  return nil
}
