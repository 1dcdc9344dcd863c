#if canImport(Glibc)
  import Glibc
#endif

/// Runs the user's browser on a link: the first command of `$BROWSER` (a colon-separated list,
/// as the convention has it), with "%s" replaced by the link or the link added as its last
/// argument; else `xdg-open`. The program is spawned directly, never through a shell, so
/// nothing in a link can become a command, and waited for.
public enum BrowserLauncher {
  public static func command(for url: String, environment: [String: String]) -> [String] {
    let first = environment["BROWSER"]?.split(separator: ":").first.map(String.init) ?? ""
    var words = first.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
    if words.isEmpty { words = ["xdg-open"] }
    if words.dropFirst().contains(where: { $0.contains("%s") }) {
      return [words[0]] + words.dropFirst().map { $0.replacingOccurrences(of: "%s", with: url) }
    }
    return words + [url]
  }

  /// Runs the command and waits for it: nil when it succeeded, else what went wrong.
  public static func run(_ arguments: [String]) -> String? {
    guard let program = arguments.first else { return "no browser to run" }
    var pid: pid_t = 0
    let cArguments = arguments.map { strdup($0) } + [nil]
    defer { for argument in cArguments { free(argument) } }
    let status = posix_spawnp(&pid, program, nil, nil, cArguments, environ)
    guard status == 0 else { return "cannot run \(program): \(String(cString: strerror(status)))" }
    var exit: Int32 = 0
    while waitpid(pid, &exit, 0) == -1 {
      guard errno == EINTR else { return "cannot wait for \(program)" }
    }
    let exited = exit & 0x7F == 0
    let code = (exit >> 8) & 0xFF
    if exited && code == 0 { return nil }
    return exited ? "\(program) exited with status \(code)" : "\(program) was stopped by a signal"
  }
}
