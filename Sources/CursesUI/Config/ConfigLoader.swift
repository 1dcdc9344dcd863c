import Foundation
import TOMLKit
import NewsKit

/// Reads `config.toml`. Every mistake (unknown key, wrong type, value out of range, unknown
/// action, bad key name) is reported with file and line, and that setting keeps its default:
/// the reader always starts.
public enum ConfigLoader {
  /// `$XDG_CONFIG_HOME/herald`, or `~/.config/herald`.
  public static func directory(environment: [String: String]) -> String {
    if let base = environment["XDG_CONFIG_HOME"], base.hasPrefix("/") { return base + "/herald" }
    let home = environment["HOME"] ?? NSHomeDirectory()
    return home + "/.config/herald"
  }

  public static func load(path: String) -> (ReaderConfig, [ThemeProblem]) {
    guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
      return (ReaderConfig(), [ThemeProblem("cannot read the config file", file: path)])
    }
    return parse(text, path: path)
  }

  /// The `[layout]` settings: where each goes and the values it allows.
  private static var layoutSettings: [String: (WritableKeyPath<ReaderConfig, Int>, ClosedRange<Int>)] {
    [
      "list_width": (\.listPercent, ReaderConfig.listPercentRange),
      "reading_width": (\.readingWidth, ReaderConfig.readingWidthRange),
      "paragraph_spacing": (\.paragraphSpacing, ReaderConfig.paragraphSpacingRange),
    ]
  }

  public static func parse(_ text: String, path: String) -> (ReaderConfig, [ThemeProblem]) {
    var config = ReaderConfig()
    let source = TOMLSource(text, file: path)
    func problem(_ message: String, at key: String) { source.problem(message, at: key) }
    guard let table = source.table else { return (config, source.problems) }
    for (key, value) in table {
      switch key {
      case "theme":
        if let name = value.string, !name.isEmpty { config.theme = name } else { problem("theme must be a theme name or a path", at: key) }
      case "collections":
        guard let list = value.array else {
          problem("collections must be a list of paths, such as [\"~/news\"]", at: key)
          continue
        }
        config.collections = list.compactMap { item in
          guard let path = item.string else {
            problem("collections: \(item.debugDescription) is not a path", at: key)
            return nil
          }
          return expandingTilde(path)
        }
      case "layout":
        guard let layout = value.table else {
          problem("layout must be a table", at: key)
          continue
        }
        for (name, setting) in layout {
          let place = "layout.\(name)"
          guard let (field, range) = layoutSettings[name] else {
            problem("unknown setting \"\(name)\" in [layout] (known: list_width, reading_width, paragraph_spacing)", at: place)
            continue
          }
          if let number = integer(setting, in: range, named: place, report: { problem($0, at: place) }) {
            config[keyPath: field] = number
          }
        }
      case "library":
        guard let library = value.table else {
          problem("library must be a table", at: key)
          continue
        }
        parseLibrary(library, into: &config, report: problem)
      case "keys":
        guard let keys = value.table else {
          problem("keys must be a table of action = [\"key\", …]", at: key)
          continue
        }
        for (actionName, binding) in keys {
          let place = "keys.\(actionName)"
          guard let action = Action(configName: actionName) else {
            problem("unknown action \"\(actionName)\" (see `herald config --default` for the list)", at: place)
            continue
          }
          let names: [String]
          if let single = binding.string {
            names = [single]
          } else if let list = binding.array {
            names = list.compactMap(\.string)
          } else {
            problem("\(actionName) must be a key name or a list of them", at: place)
            continue
          }
          var parsed: [Key] = []
          for name in names {
            if let key = KeyName.parse(name) {
              parsed.append(key)
            } else {
              problem("\(actionName): unknown key name \"\(name)\" (a character, Enter, Esc, Space, Tab, Up, PageDown, C-l, F1…)", at: place)
            }
          }
          if !parsed.isEmpty { config.keymap = config.keymap.rebinding(action, to: parsed) }
        }
      default:
        problem("unknown setting \"\(key)\" (known: theme, collections, [layout], [library], [keys])", at: key)
      }
    }
    return (config, source.problems)
  }

  /// `[library]`: `keep = "30d"` or `keep = 500`, and `[library.keep_feed]` with the same per
  /// feed.
  private static func parseLibrary(_ table: TOMLTable, into config: inout ReaderConfig, report: (String, String) -> Void) {
    func retention(_ value: TOMLValueConvertible, at place: String) -> Retention? {
      let parsed = value.int.flatMap { $0 > 0 ? Retention.count($0) : nil } ?? value.string.flatMap { Retention($0) }
      if parsed == nil { report("\(place) must be a number of days such as \"30d\" or a count such as 500", place) }
      return parsed
    }
    for (name, setting) in table {
      let place = "library.\(name)"
      switch name {
      case "keep":
        config.keep = retention(setting, at: place)
      case "refresh":
        if let minutes = integer(setting, in: 0...1440, named: place, report: { report($0, place) }) {
          config.refreshMinutes = minutes > 0 ? minutes : nil
        }
      case "mark_read":
        guard let on = setting.bool else {
          report("library.mark_read must be true or false", place)
          continue
        }
        if !on { config.markReadAfter = nil } else if config.markReadAfter == nil { config.markReadAfter = 0 }
      case "mark_read_after":
        if let seconds = integer(setting, in: 0...3600, named: place, report: { report($0, place) }), config.markReadAfter != nil {
          config.markReadAfter = seconds
        }
      case "full_text":
        guard let feeds = setting.array?.compactMap({ $0.string }), feeds.count == setting.array?.count else {
          report("library.full_text must be a list of \"feed URL or title\" strings", place)
          continue
        }
        config.fullTextFeeds = feeds
      case "keep_feed":
        guard let feeds = setting.table else {
          report("library.keep_feed must be a table of \"feed URL or title\" = keep", place)
          continue
        }
        for (feed, value) in feeds {
          if let parsed = retention(value, at: "\(place).\(feed)") { config.keepPerFeed[feed] = parsed }
        }
      default:
        report("unknown setting \"\(name)\" in [library] (known: keep, refresh, mark_read, mark_read_after, full_text, [library.keep_feed])", place)
      }
    }
  }

  private static func integer(
    _ value: TOMLValueConvertible, in range: ClosedRange<Int>, named name: String, report: (String) -> Void
  ) -> Int? {
    guard let number = value.int else {
      report("\(name) must be a whole number")
      return nil
    }
    guard range.contains(number) else {
      report("\(name) = \(number) is out of range (\(range.lowerBound)–\(range.upperBound))")
      return nil
    }
    return number
  }

  private static func expandingTilde(_ path: String) -> String {
    guard path.hasPrefix("~/") else { return path }
    return NSHomeDirectory() + path.dropFirst(1)
  }

  /// A config file with every setting at its default, commented: what `herald config --default`
  /// prints.
  public static func defaultText() -> String {
    let defaults = ReaderConfig()
    var text = """
      # Herald configuration: $XDG_CONFIG_HOME/herald/config.toml (~/.config/herald/config.toml).
      # Every setting below is at its default; delete what you do not change.

      # A bundled theme (see `herald themes`), one in $XDG_CONFIG_HOME/herald/themes/, or a path.
      # NO_COLOR in the environment chooses "mono" unless --theme is given.
      theme = "default"

      # What `herald` opens when given no path: article files or directories.
      collections = []

      [layout]
      # The headline list's share of the screen when it sits beside the article, in percent.
      list_width = \(defaults.listPercent)
      # The widest a line of article text gets, in columns.
      reading_width = \(defaults.readingWidth)
      # Blank lines between paragraphs.
      paragraph_spacing = \(defaults.paragraphSpacing)

      [library]
      # How many articles each feed keeps: "30d" (the last 30 days) or a count such as 500.
      # Unset, everything is kept. Unread and starred articles are never pruned.
      # keep = "90d"
      # Minutes between syncs while the reader runs (0: only when you press r or R).
      refresh = 0
      # Opening a story marks it read after this many seconds (0: at once); mark_read = false
      # leaves that to u.
      mark_read = true
      mark_read_after = 0
      # Feeds (by URL, path or title) whose items' web pages are fetched for their full text.
      # full_text = ["https://example.org/summaries.xml"]
      # [library.keep_feed]
      # "https://example.org/firehose.xml" = 200

      [keys]
      # action = ["key", …]: the keys listed replace the action's defaults. Key names: a character
      # ("j", "?"), Enter, Esc, Space, Tab, BackTab, Backspace, Up, Down, Left, Right, PageUp,
      # PageDown, Home, End, F1–F12, or C-x for Ctrl-x.

      """
    for action in Action.allCases {
      let keys = defaults.keymap.keys(for: action).map { "\"\(KeyName.describe($0).replacingOccurrences(of: "\"", with: "\\\""))\"" }
      text += "\(action.configName) = [\(keys.joined(separator: ", "))]\n"
    }
    return text
  }
}
