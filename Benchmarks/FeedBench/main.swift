import Foundation
import NewsKit

// Parses a feed file the way herald does (XML, HTML bodies into paragraphs, quote detection) and
// prints the speed in MB/s over a few runs, and the process's peak memory.
//
//   swift run -c release feed-bench FEED [--runs N]

var path: String?
var runs = 3
var arguments = CommandLine.arguments.dropFirst().makeIterator()
while let argument = arguments.next() {
  if argument == "--runs" { runs = Int(arguments.next() ?? "") ?? runs } else { path = argument }
}
guard let path, let data = FileManager.default.contents(atPath: path) else {
  FileHandle.standardError.write(Data("usage: feed-bench FEED [--runs N]\n".utf8))
  exit(2)
}
let bytes = Array(data)
let megabytes = Double(bytes.count) / 1_000_000
var best = Double.infinity
var items = 0
var quotes = 0
for _ in 0..<runs {
  let start = DispatchTime.now().uptimeNanoseconds
  do {
    let document = try FeedParser.parse(bytes, location: path)
    items = document.articles.count
    quotes = document.articles.reduce(0) { $0 + $1.quotes.count }
  } catch {
    FileHandle.standardError.write(Data("feed-bench: \(error)\n".utf8))
    exit(1)
  }
  best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
}
var usage = rusage()
getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
print(String(format: "feed-bench: %.1f MB, %d items, %d quotes", megabytes, items, quotes))
print(String(format: "best of %d: %.2f s, %.1f MB/s; peak RSS %.0f MB", runs, best, megabytes / best, Double(usage.ru_maxrss) / 1024))
