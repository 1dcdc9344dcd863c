import ArgumentParser
import Foundation
import NewsKit

struct ReadCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "read",
    abstract: "Open the reader (the default command). Without a terminal, prints what `herald list` prints."
  )

  @OptionGroup var sources: SourceOptions

  func run() throws {
    try ListCommand.printList(of: sources, json: false)
  }
}
