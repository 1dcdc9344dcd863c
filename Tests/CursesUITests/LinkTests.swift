import Foundation
import NewsKit
import TestSupport
import Testing

@testable import CursesUI

@Suite("Links: o opens in the browser, y copies")
struct LinkTests {
  private func reading(_ links: [String], link: String? = nil) -> ReaderState {
    var state = ReaderState(width: 60, height: 20)
    var story = Stories.all[0]
    story.links = links
    story.link = link
    _ = state.update(.storiesLoaded([story.summary], skipped: 0, done: true))
    if case .openArticle(_, let request)? = state.update(.input(.key(.enter))).first {
      _ = state.update(.articleLoaded(story, request: request))
    }
    return state
  }

  @Test func oOpensTheStorysLinkAndACountPicksANumberedOne() {
    var state = reading(["https://a.example/1", "https://a.example/2", "https://a.example/3"], link: "https://a.example/story")
    #expect(state.update(.input(.key(.character("o")))) == [.openURL("https://a.example/story")])
    _ = state.update(.input(.key(.character("3"))))
    #expect(state.notice == "count 3")
    #expect(state.update(.input(.key(.character("o")))) == [.openURL("https://a.example/3")])
    #expect(state.count == nil)
    _ = state.update(.input(.key(.character("2"))))
    _ = state.update(.input(.key(.character("j"))))
    #expect(state.update(.input(.key(.character("y")))) == [.copyToClipboard("https://a.example/story")])
    _ = state.update(.input(.key(.character("9"))))
    #expect(state.update(.input(.key(.character("o")))).isEmpty)
    #expect(state.notice == "no link [9]: this story has 3")
  }

  @Test func onlyWebAndMailAddressesAreOpened() {
    for link in ["file:///etc/passwd", "javascript:alert(1)", "-e /bin/sh", "https://x.example/\u{1B}[2J"] {
      var state = reading([], link: link)
      #expect(state.update(.input(.key(.character("o")))).isEmpty, "\(link)")
    }
    var mail = reading([], link: "mailto:desk@x.example")
    #expect(mail.update(.input(.key(.character("o")))) == [.openURL("mailto:desk@x.example")])
    var none = reading([])
    #expect(none.update(.input(.key(.character("o")))).isEmpty)
    #expect(none.notice == "this story has no link")
  }

  @Test func theBrowserCommandIsBuiltWithoutAShell() {
    let url = "https://x.example/a?b=1&c=$(rm -rf ~)"
    #expect(BrowserLauncher.command(for: url, environment: [:]) == ["xdg-open", url])
    #expect(BrowserLauncher.command(for: url, environment: ["BROWSER": "w3m:lynx"]) == ["w3m", url])
    #expect(BrowserLauncher.command(for: url, environment: ["BROWSER": "firefox --new-tab %s"]) == ["firefox", "--new-tab", url])
    #expect(BrowserLauncher.run(["true"]) == nil)
    #expect(BrowserLauncher.run(["false"]) == "false exited with status 1")
    #expect(BrowserLauncher.run(["/nonexistent/browser"])?.hasPrefix("cannot run /nonexistent/browser") == true)
  }

  @Test func theProgramHandsTheTerminalToTheBrowserAndCopiesThroughTheBackend() throws {
    let directory = Scratch.path("herald-links")
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    let browser = try RecordingBrowser()
    let feed = directory + "/feed.xml"
    try """
      <rss version="2.0"><channel><title>Wire</title><item><title>Bridge reopens</title>
      <link>https://wire.example/bridge?x=1&amp;y=$(id)</link><description>The bridge reopened on Monday.</description>
      </item></channel></rss>
      """.write(toFile: feed, atomically: false, encoding: .utf8)
    let backend = MemoryBackend(
      width: 60, height: 16,
      script: [
        .waitFor("Bridge reopens"), .event(.key(.enter)), .waitFor("reopened on Monday"), .event(.key(.character("o"))),
        .waitFor("opening"), .event(.key(.character("y"))), .waitFor("copied"),
      ])
    _ = ReaderProgram.run(
      ReaderProgram.Setup(
        paths: [feed], config: ReaderConfig(), catalog: ThemeCatalog(bundled: nil, user: nil),
        theme: Theme(name: "plain", styles: [:]), environment: ["BROWSER": browser.path]),
      on: backend)
    #expect(backend.gaveUpWaitingFor == nil)
    #expect(backend.releases == 1)
    #expect(try browser.opened() == "https://wire.example/bridge?x=1&y=$(id)")
    #expect(backend.clipboard == ["https://wire.example/bridge?x=1&y=$(id)"])
  }

  @Test func base64ForTheClipboard() {
    #expect(CursesBackend.base64(Array("".utf8)) == "")
    #expect(CursesBackend.base64(Array("f".utf8)) == "Zg==")
    #expect(CursesBackend.base64(Array("fo".utf8)) == "Zm8=")
    #expect(CursesBackend.base64(Array("https://x.example/é".utf8)) == "aHR0cHM6Ly94LmV4YW1wbGUvw6k=")
  }
}
