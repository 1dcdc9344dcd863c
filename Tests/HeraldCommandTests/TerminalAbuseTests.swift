import Foundation
import Testing
import TestSupport

/// The terminal treated roughly: resized hundreds of times while keys arrive, suspended and
/// resumed, its reader's output cut off by a closed pipe.
@Suite("The reader under a rough terminal", .enabled(if: TmuxSession.isAvailable), .serialized)
struct TerminalAbuseTests {
  private var herald: String { HeraldRun.executable.path }

  @Test func fiveHundredResizesWhileKeysArriveEndWithTheRightScreen() throws {
    let tmux = try TmuxSession(width: 120, height: 40)
    try tmux.run("\(herald); echo EXITED $?")
    #expect(try tmux.waitFor("story 1/14") != nil)
    // Deterministic "random" sizes, so a failure can be repeated.
    var generator = SplitMix(seed: 0x4845_5241_4C44)
    let keys = ["j", "k", "Enter", "Escape", "n", "N", "Tab", "G", "g", "J", "K", "PageDown", "PageUp", "/", "x", "Escape"]
    let started = Date()
    // Batches of ten resizes and two keys, one tmux command line each, spread over about ten
    // seconds: the reader sees them arrive, not all at once.
    for batch in 0..<50 {
      var commands: [String] = []
      for step in 0..<10 {
        let width = Int(generator.next() % 500) + 1
        let height = Int(generator.next() % 200) + 1
        commands += ["resize-window", "-t", tmux.target, "-x", "\(width)", "-y", "\(height)", ";"]
        if step % 5 == 0 { commands += ["send-keys", "-t", tmux.target, keys[(batch * 2 + step / 5) % keys.count], ";"] }
      }
      try tmux.command(Array(commands.dropLast()))
      let due = started.addingTimeInterval(Double(batch + 1) * 0.2)
      if due > Date() { Thread.sleep(until: due) }
    }
    try tmux.send("Escape", "Escape")
    try tmux.resize(width: 100, height: 30)
    // The final frame fits the final size: 30 rows, the status bar on the last with the help
    // hint ending at column 100.
    let final = try tmux.waitFor { screen in
      let lines = screen.components(separatedBy: "\n")
      return lines.count >= 30 && lines[29].hasSuffix("? help  q quit") && lines[29].count == 100 && lines[29].hasPrefix("story ")
    }
    #expect(final != nil, "\((try? tmux.screen()) ?? "")")
    try tmux.send("q")
    #expect(try tmux.waitFor("EXITED 0") != nil, "\((try? tmux.screen()) ?? "")")
  }

  @Test func suspendedAndResumedTheScreenIsRedrawn() throws {
    let tmux = try TmuxSession(width: 100, height: 20)
    try tmux.run(herald)
    #expect(try tmux.waitFor("story 1/14") != nil)
    let pid = try #require(try tmux.childProcess())
    // ^Z: the reader gives the screen back to the shell and stops.
    try tmux.send("C-z")
    #expect(try waitForState(pid, "T") == true)
    #expect(try tmux.waitFor { !$0.contains("story 1/14") } != nil, "the screen was not given back")
    // fg: the shell gives the terminal back and continues it, which redraws.
    try tmux.run("fg")
    #expect(try tmux.waitFor("story 1/14") != nil, "not redrawn after fg: \((try? tmux.screen()) ?? "")")
    try tmux.send("j")
    #expect(try tmux.waitFor("story 2/14") != nil, "keys not read after resuming")
    try tmux.send("q")
    #expect(try tmux.waitFor { !$0.contains("story 2/14") } != nil)
    #expect(try waitForState(pid, nil) == true, "still running after q")
  }

  @Test func aClosedPipeEndsAListQuietly() throws {
    let directory = Scratch.path("herald-pipe")
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: directory) }
    // Enough output to fill the pipe before head has gone.
    for index in 0..<3_000 {
      try "Headline \(index)\n\nBody “quote \(index),” said Ann.\n".write(toFile: directory + "/a\(index).txt", atomically: false, encoding: .utf8)
    }
    // With SIGPIPE as it comes, and ignored (as some parents leave it; then writes fail with
    // EPIPE instead).
    for (command, ignoring) in [("list", false), ("show", false), ("quotes", false), ("list", true), ("show", true), ("quotes", true)] {
      let process = Process()
      process.executableURL = URL(fileURLWithPath: "/bin/sh")
      let trap = ignoring ? "trap '' PIPE; " : "trap - PIPE; "
      process.arguments = ["-c", trap + "'\(herald)' \(command) '\(directory)' 2>/tmp/herald-pipe-err-$$ | head -1 >/dev/null; cat /tmp/herald-pipe-err-$$; rm -f /tmp/herald-pipe-err-$$"]
      let output = Pipe()
      process.standardOutput = output
      try process.run()
      let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
      process.waitUntilExit()
      // Nothing on stderr: no "Broken pipe", no crash report.
      #expect(text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty, "\(command), SIGPIPE ignored: \(ignoring): \(text)")
    }
  }

  /// Waits until /proc says the process is in `state` (T: stopped), or gone for nil.
  private func waitForState(_ pid: Int32, _ state: String?) throws -> Bool {
    let deadline = Date().addingTimeInterval(10)
    repeat {
      let stat = (try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8)) ?? ""
      guard let state else {
        // Gone, or a zombie the shell has not reaped yet.
        if stat.isEmpty || stat.contains(") Z") { return true }
        Thread.sleep(forTimeInterval: 0.02)
        continue
      }
      if let close = stat.lastIndex(of: ")"), stat[stat.index(close, offsetBy: 2)...].hasPrefix(state) { return true }
      Thread.sleep(forTimeInterval: 0.02)
    } while Date() < deadline
    return false
  }
}

/// A small deterministic generator (SplitMix64).
struct SplitMix {
  var state: UInt64
  init(seed: UInt64) { state = seed }
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}
