import Foundation
import NewsKit

/// What a rescan of a local source compares: a file's size and modification time, or for a
/// directory those of every file under it (so a new, changed or removed file changes it).
/// Reading the listing costs a `stat` per file, not a read.
enum LocalSignature {
  static func of(_ subscription: Subscription) -> String? {
    switch subscription.kind {
    case .url: return nil
    case .file: return stamp(subscription.location)
    case .directory: return directory(subscription.location)
    }
  }

  private static func stamp(_ path: String) -> String? {
    guard let attributes = try? FileManager.default.attributesOfItem(atPath: path) else { return nil }
    let size = (attributes[.size] as? NSNumber)?.int64Value ?? -1
    let modified = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
    return "\(size):\(modified)"
  }

  private static func directory(_ path: String) -> String? {
    guard let walker = FileManager.default.enumerator(atPath: path) else { return nil }
    var lines: [String] = []
    while let relative = walker.nextObject() as? String {
      if let stamp = stamp(path + "/" + relative) { lines.append(relative + "\u{1F}" + stamp) }
    }
    return "dir:" + ArticleID.make(for: lines.sorted().joined(separator: "\n").utf8)
  }
}
