import ArgumentParser
import Foundation
import NewsKit

@main
struct Herald: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "herald",
    abstract: "A terminal news reader that finds who said what.",
    discussion: """
      With no subcommand, herald opens its reader on the given paths (on the config's collections, \
      or the bundled sample articles, when none is given). A path is a plain-text article file, a \
      directory searched recursively for *.txt articles, a feed file (RSS, Atom, JSON Feed) or an \
      http(s) URL. Configuration: $XDG_CONFIG_HOME/herald/config.toml (see `herald config --default`).
      """,
    version: HeraldVersion.current,
    subcommands: [
      ReadCommand.self, ListCommand.self, ShowCommand.self, QuotesCommand.self, AddCommand.self, FeedsCommand.self,
      SearchCommand.self, ExtractCommand.self, MarkCommand.self, SyncCommand.self, AnalyseCommand.self, StatusCommand.self, RemoveCommand.self, PruneCommand.self, ImportCommand.self,
      ExportCommand.self, ThemesCommand.self, ConfigCommand.self, ReaderBenchCommand.self,
    ],
    defaultSubcommand: ReadCommand.self
  )

  /// Parses and runs, with the exit codes the README promises: 0 success, 1 a runtime error,
  /// 2 bad usage (ArgumentParser's own default for usage is 64).
  static func main() {
    MemoryTuning.returnLargeBlocksToTheSystem()
    do {
      var command = try parseAsRoot()
      try command.run()
    } catch let failure as CommandFailure {
      StandardOutput.writeError("herald: \(failure.message)\n")
      Foundation.exit(1)
    } catch {
      let code = exitCode(for: error)
      let message = fullMessage(for: error)
      if code == .success {
        if !message.isEmpty { print(message) }
        Foundation.exit(0)
      }
      if !message.isEmpty { StandardOutput.writeError(message + "\n") }
      Foundation.exit(code == .validationFailure ? 2 : code.rawValue)
    }
  }
}

/// A runtime failure already explained in `message`; ends the program with status 1.
struct CommandFailure: Error {
  var message: String
}
