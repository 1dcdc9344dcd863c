import ArgumentParser
import CursesUI
import Foundation

struct ConfigCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "config",
    abstract: "Check the config file, or print a default one.",
    discussion: """
      Without options: names the config file in use and lists every problem in it (file, line \
      and what is wrong); exits 1 when there are problems. --default prints a commented config \
      with every setting at its default: `herald config --default > ~/.config/herald/config.toml`.
      """
  )

  @OptionGroup var appearance: AppearanceOptions

  @Flag(name: .customLong("default"), help: "Print a config file with every setting at its default.")
  var printDefault = false

  func run() throws {
    if printDefault { return StandardOutput.write(ConfigLoader.defaultText()) }
    let path = appearance.config ?? appearance.configDirectory + "/config.toml"
    guard FileManager.default.fileExists(atPath: path) else {
      if appearance.config != nil { throw CommandFailure(message: "error: \(path): no such config file") }
      return StandardOutput.write("\(path): not there; every setting is at its default (see `herald config --default`)\n")
    }
    let (config, problems) = ConfigLoader.load(path: path)
    var themeProblems: [ThemeProblem] = []
    if let theme = config.theme { themeProblems = appearance.catalog.load(theme).1 }
    for problem in problems + themeProblems { Diagnostics.warn(problem.description) }
    guard problems.isEmpty && themeProblems.isEmpty else {
      throw CommandFailure(message: "error: \(path): \(problems.count + themeProblems.count) problem(s)")
    }
    StandardOutput.write("\(path): no problems\n")
  }
}
