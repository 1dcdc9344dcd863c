@testable import CursesUI
import Foundation
import NewsKit

/// What each fuzz target does with its bytes, and the properties it insists on.
enum FuzzChecks {
  /// The plain-text article format, then quotes: every quote lies within its paragraphs.
  static func article(_ bytes: [UInt8]) {
    let article = ArticleCollection.article(from: bytes, path: "fuzz.txt")
    checkQuotes(article)
  }

  /// Quote detection on paragraphs split from the input at line feeds.
  static func quotes(_ bytes: [UInt8]) {
    let text = String(decoding: bytes, as: UTF8.self)
    let paragraphs = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    let quotes = QuoteDetector.quotes(in: paragraphs)
    checkQuotes(Article(id: "f", headline: "f", source: nil, paragraphs: paragraphs, quotes: quotes))
  }

  /// Bytes to articles through the streaming feed reader, as `show` reads a feed file.
  static func feed(_ bytes: [UInt8]) {
    guard let stream = try? FeedParser.open(.bytes(bytes), location: "https://fuzz.example/feed") else { return }
    var items = 0
    while let item = stream.next(), items < 2_000 {
      checkQuotes(item.article())
      items += 1
    }
  }

  static func html(_ bytes: [UInt8]) {
    let text = HTMLText.parse(String(decoding: bytes, as: UTF8.self), base: "https://fuzz.example/a/")
    for paragraph in text.paragraphs where paragraph.unicodeScalars.contains(where: { $0 == "\u{0}" }) {
      fatalError("NUL in a paragraph: \(paragraph.debugDescription)")
    }
    for range in text.blockquotes where !text.paragraphs.indices.contains(range.lowerBound) || !text.paragraphs.indices.contains(range.upperBound) {
      fatalError("blockquote \(range) outside \(text.paragraphs.count) paragraphs")
    }
  }

  /// A web page, as `herald extract` and a URL that is not a feed read it: the body is the
  /// article's paragraphs without captions, and never holds the fences of link numbers.
  static func page(_ bytes: [UInt8]) {
    guard case .success(let extracted) = ArticleExtractor.extract(bytes, url: "https://fuzz.example/a/") else { return }
    for paragraph in extracted.body + extracted.article.paragraphs
    where paragraph.unicodeScalars.contains(where: { $0 == "\u{0}" || $0 == "\u{E000}" || $0 == "\u{E001}" }) {
      fatalError("NUL or a link fence in a paragraph: \(paragraph.debugDescription)")
    }
    if extracted.body.isEmpty { fatalError("an extraction without a body") }
    checkQuotes(ArticleAnalysis.analysed(extracted.article))
  }

  static func date(_ bytes: [UInt8]) {
    _ = FeedDate.parse(String(decoding: bytes, as: UTF8.self))
  }

  /// A config file (TOML), as `herald config` checks it.
  static func config(_ bytes: [UInt8]) {
    _ = ConfigLoader.parse(String(decoding: bytes, as: UTF8.self), path: "fuzz.toml")
  }

  /// A theme file: parsed, then every style degraded to each colour depth the reader supports.
  static func theme(_ bytes: [UInt8]) {
    let (parsed, _) = ThemeLoader.parse(String(decoding: bytes, as: UTF8.self), name: "fuzz", path: "fuzz.toml")
    let theme = Theme(name: parsed.name, description: parsed.description, styles: parsed.styles)
    let fallback = Theme(name: "fallback", styles: [:])
    for depth in [ColourDepth.trueColour, .palette256, .sixteen, .eight, .none] {
      _ = theme.degraded(to: depth, fallback: fallback)
    }
  }

  /// A subscription list (OPML or newsboat's `urls`), then Herald's OPML export of what it held
  /// read back: every feed with a location survives the round trip.
  static func subscriptions(_ bytes: [UInt8]) {
    guard let parsed = try? SubscriptionList.parse(bytes, path: "fuzz") else { return }
    let exported = SubscriptionList.opml(parsed.entries)
    guard let again = try? SubscriptionList.parse(Array(exported.utf8), path: "export") else {
      fatalError("Herald's own export of \(parsed.entries.count) feeds could not be read back")
    }
    let carried = parsed.entries.filter { entry in
      entry.location.unicodeScalars.contains { $0.value >= 0x20 && !(0xFFFE...0xFFFF).contains($0.value) && !$0.properties.isWhitespace }
    }
    if again.entries.count != carried.count {
      fatalError("exported \(carried.count) feeds, read back \(again.entries.count)")
    }
  }

  /// Wrapping and cutting: no line wider than asked, nothing lost but spaces.
  static func wrap(_ bytes: [UInt8]) {
    guard let first = bytes.first else { return }
    let width = Int(first % 40) + 1
    let text = String(decoding: bytes.dropFirst(), as: UTF8.self)
    for line in TextWrapper.wrap(text, style: Style(.body), width: width) {
      let columns = line.reduce(0) { $0 + DisplayWidth.of($1.character) }
      if columns > max(width, 2) { fatalError("a line of \(columns) columns at width \(width)") }
    }
    let cut = TextWrapper.truncate(text, width: width)
    if DisplayWidth.of(cut) > width { fatalError("cut to \(DisplayWidth.of(cut)) columns at width \(width)") }
    let middle = TextWrapper.truncateMiddle(text, width: width)
    if DisplayWidth.of(middle) > width { fatalError("cut in the middle to \(DisplayWidth.of(middle)) columns at width \(width)") }
    // The quick measure (scalar by scalar) must agree with measuring grapheme by grapheme.
    let graphemes = text.reduce(0) { $0 + DisplayWidth.of($1) }
    if DisplayWidth.of(text) != graphemes { fatalError("measured \(DisplayWidth.of(text)) columns, \(graphemes) by graphemes") }
  }

  /// The reader's update and render fed keys and resizes decoded from the bytes, against a
  /// small collection: every frame has the terminal's size and no control character.
  static func reader(_ bytes: [UInt8]) {
    var state = ReaderState(width: 80, height: 24)
    _ = state.update(.storiesLoaded(ReaderFixture.stories.map(\.summary), skipped: 0, done: true))
    var index = 0
    while index < bytes.count, !state.quitting {
      let byte = bytes[index]
      index += 1
      let message: ReaderMessage
      if byte == 0xFF, index + 1 < bytes.count {
        message = .input(.resize(width: Int(bytes[index] % 200), height: Int(bytes[index + 1] % 60)))
        index += 2
      } else if byte >= 0xF0 {
        message = .input(.key([Key.enter, .escape, .tab, .backspace, .up, .down, .pageUp, .pageDown, .home, .end, .left, .right][Int(byte - 0xF0) % 12]))
      } else {
        message = .input(.key(.character(Character(Unicode.Scalar(byte % 0x7F < 0x20 ? 0x20 : byte % 0x7F)))))
      }
      for effect in state.update(message) {
        if case .openArticle(let summary, let request) = effect, let article = ReaderFixture.stories.first(where: { $0.path == summary.path }) {
          _ = state.update(.articleLoaded(article, request: request))
        }
      }
      // A frame after every eighth message and after the last: drawing every frame under
      // AddressSanitizer cost 7 ms each, and the first ten-minute run managed 353 inputs.
      if index % 8 == 0 || index >= bytes.count || state.quitting { checkFrame(state) }
    }
  }

  private static func checkFrame(_ state: ReaderState) {
    let grid = ReaderView.render(state)
    if grid.width != state.width || grid.height != state.height { fatalError("frame \(grid.width)x\(grid.height) for \(state.width)x\(state.height)") }
    if grid.text.unicodeScalars.contains(where: { $0 != "\n" && VisibleText.isControl($0) }) {
      fatalError("a control character on screen")
    }
  }

  private static func checkQuotes(_ article: Article) {
    for quote in article.quotes {
      guard article.paragraphs.indices.contains(quote.start.paragraph), article.paragraphs.indices.contains(quote.end.paragraph),
        quote.start <= quote.end
      else { fatalError("quote \(quote.start)–\(quote.end) outside \(article.paragraphs.count) paragraphs") }
      let last = article.paragraphs[quote.end.paragraph].unicodeScalars.count
      if quote.end.offset > last { fatalError("quote ends at \(quote.end.offset) in a paragraph of \(last) scalars") }
    }
  }
}

/// Three small stories for the reader target, quotes included.
enum ReaderFixture {
  static let stories: [Article] = [
    "Ferry back\n\nThe ferry crossed again.\n\nGwen Tallis said: “People waited. You could hear it.”\n",
    "Café opens\n\n東京の café 🤖 opened on Monday, “a first”, he said.\n",
    "Long read\n\n" + (1...30).map { "Paragraph \($0) says “quote \($0)” here." }.joined(separator: "\n\n") + "\n",
  ].enumerated().map { index, text in ArticleCollection.article(from: Array(text.utf8), path: "/fuzz/\(index).txt") }
}
