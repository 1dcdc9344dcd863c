import CursesUI
import Foundation
import NewsKit

// Replays keys against the reader's state and renders a grid after each, as the program does
// per frame, and prints the time per key. Stories are synthetic summaries unless a directory is
// given, whose articles are then listed and opened for real.
//
//   swift run -c release reader-bench [--stories N] [--keys N] [DIRECTORY]

var storyCount = 100_000
var keyCount = 1_000
var directory: String?
var arguments = CommandLine.arguments.dropFirst().makeIterator()
while let argument = arguments.next() {
  switch argument {
  case "--stories": storyCount = Int(arguments.next() ?? "") ?? storyCount
  case "--keys": keyCount = Int(arguments.next() ?? "") ?? keyCount
  default: directory = argument
  }
}

let sample = ArticleCollection.article(
  from: Array(
    """
    A sample story with quotes

    The minister said: “We are ready for this, and we have been ready for weeks.”

    Critics called it “a shambles” and “reckless”.

    \((1...20).map { "Paragraph \($0) goes on for a while so that it wraps over several lines of the article pane, as real text does." }.joined(separator: "\n\n"))

    “It should never have taken this long,” said union organiser Lina Park.

    Source: Bench
    """.utf8), path: "/bench/sample.txt")

var stories: [ArticleSummary]
if let directory {
  stories = ArticleCollection.list([directory]).articles
} else {
  stories = (0..<storyCount).map {
    ArticleSummary(id: String($0, radix: 16), headline: "Headline number \($0) about the news of the day", source: "Outlet \($0 % 40)", path: "/bench/\($0).txt")
  }
}

var state = ReaderState(width: 160, height: 48)
_ = state.update(.storiesLoaded(stories, skipped: 0, done: true))

let pattern: [Key] = [
  .character("j"), .character("j"), .character("J"), .character("n"), .character("k"), .character(" "),
  .character("G"), .character("g"), .enter, .character("j"), .character("n"), .character("N"), .character("]"),
  .character("J"), .escape, .pageDown, .character("b"), .character("["), .tab, .tab,
]

@MainActor func perform(_ effects: [ReaderEffect]) {
  for case .openArticle(let summary, let request) in effects {
    let message: ReaderMessage =
      directory == nil
      ? .articleLoaded(
        Article(id: summary.id, headline: summary.headline, source: summary.source, paragraphs: sample.paragraphs, quotes: sample.quotes, path: summary.path),
        request: request)
      : ArticleOpener().open(summary, request: request)
    perform(state.update(message))
  }
}

var durations: [Double] = []
durations.reserveCapacity(keyCount)
var checksum = 0
for index in 0..<keyCount {
  let key = pattern[index % pattern.count]
  let start = DispatchTime.now().uptimeNanoseconds
  perform(state.update(.input(.key(key))))
  let grid = ReaderView.render(state)
  let end = DispatchTime.now().uptimeNanoseconds
  checksum &+= grid.width * grid.height
  durations.append(Double(end - start) / 1_000)
}
durations.sort()
let mean = durations.reduce(0, +) / Double(durations.count)
@MainActor func percentile(_ p: Double) -> Double { durations[min(durations.count - 1, Int(Double(durations.count) * p))] }
print("reader-bench: \(stories.count) stories, \(keyCount) keys, grid \(state.width)x\(state.height)")
print(String(format: "per key (update + render): mean %.1f µs, p50 %.1f µs, p99 %.1f µs, max %.1f µs", mean, percentile(0.5), percentile(0.99), durations.last ?? 0))
print("(checksum \(checksum))")
