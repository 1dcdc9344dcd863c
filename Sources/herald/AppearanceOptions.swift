import ArgumentParser
import CursesUI
import Foundation
import HeraldAssets

/// `--theme` and `--config`, and what they resolve to.
struct AppearanceOptions: ParsableArguments {
  @Option(name: .long, help: ArgumentHelp("A theme by name (see `herald themes`) or a theme file.", valueName: "name|path"))
  var theme: String?

  @Option(name: .long, help: ArgumentHelp("The config file (default: $XDG_CONFIG_HOME/herald/config.toml).", valueName: "path"))
  var config: String?

  var environment: [String: String] { ProcessInfo.processInfo.environment }

  var configDirectory: String { ConfigLoader.directory(environment: environment) }

  var catalog: ThemeCatalog {
    ThemeCatalog(bundled: HeraldAssets.themesDirectory, user: configDirectory + "/themes")
  }

  /// The config, with its problems as warnings. A file named with --config must exist; the
  /// default one may be missing.
  func loadConfig() throws -> (ReaderConfig, [ThemeProblem]) {
    if let config {
      guard FileManager.default.fileExists(atPath: config) else {
        throw CommandFailure(message: "error: \(config): no such config file")
      }
      return ConfigLoader.load(path: config)
    }
    let path = configDirectory + "/config.toml"
    guard FileManager.default.fileExists(atPath: path) else { return (ReaderConfig(), []) }
    return ConfigLoader.load(path: path)
  }
}
