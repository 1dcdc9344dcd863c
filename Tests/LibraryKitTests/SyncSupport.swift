import Foundation
import NewsKit
import TestSupport

@testable import LibraryKit

enum Fixture {
  static func path(_ name: String) -> String { Bundle.module.resourcePath! + "/Fixtures/" + name }

  /// A new empty directory under the system's temporary directory.
  static func scratchDirectory() throws -> String {
    let path = Scratch.path("herald-sync")
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
  }

  static func library(in directory: String) throws -> Library {
    try Library(path: directory + "/library.sqlite")
  }
}

/// An item of a test feed; a nil guid or link leaves the element out.
struct TestItem {
  var guid: String?
  var link: String?
  var title: String
  var text: String
  var date = "Tue, 24 Nov 2026 10:00:00 GMT"
}

enum TestFeed {
  static func rss(_ items: [TestItem], title: String = "Harbour Wire") -> String {
    var text = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel><title>\(title)</title>"
    text += "<link>https://harbour.example/</link>\n"
    for item in items {
      text += "<item><title>\(item.title)</title>"
      if let guid = item.guid { text += "<guid isPermaLink=\"false\">\(guid)</guid>" }
      if let link = item.link { text += "<link>\(link)</link>" }
      text += "<pubDate>\(item.date)</pubDate><description>\(item.text)</description></item>\n"
    }
    return text + "</channel></rss>\n"
  }

  static func write(_ items: [TestItem], to path: String, title: String = "Harbour Wire") throws {
    try rss(items, title: title).write(toFile: path, atomically: false, encoding: .utf8)
  }
}

/// The sync test server (Fixtures/sync_server.py) on 127.0.0.1, serving feeds from a
/// directory; started for one test and killed after it (it also exits by itself after 120 s).
final class SyncServer: LocalServer {
  let root: String

  init(root: String) throws {
    self.root = root
    try super.init(script: Fixture.path("sync_server.py"), arguments: [root])
  }

  /// The requests so far, "GET PATH STATUS" each.
  func log() async throws -> [String] {
    let body = try await FeedFetcher().fetch([url("log")])[0].get()
    return String(decoding: body.bytes, as: UTF8.self).split(separator: "\n").map(String.init)
  }
}

extension Library {
  /// Syncs with a short timeout, for tests. (Async: a test blocking its thread on
  /// `syncBlocking` could hold the cooperative pool's last thread, which the sync needs.)
  func syncNow(_ subscriptions: [Subscription], timeout: Int64 = 5, now: Date = Date()) async -> SyncReport {
    var options = SyncOptions()
    options.limits.timeout = .seconds(timeout)
    return await sync(subscriptions, options: options, now: now)
  }

  func syncAll(timeout: Int64 = 5, now: Date = Date()) async throws -> SyncReport {
    await syncNow(try feeds().map(\.subscription), timeout: timeout, now: now)
  }
}
