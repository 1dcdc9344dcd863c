import ArgumentParser
import Foundation
import NewsKit

struct ExtractCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "extract",
    abstract: "Extract the article from web pages: its body, one paragraph per line.",
    discussion: """
      Each PAGE is a saved HTML file or an http(s) URL. Plain output is the article's body alone, \
      one paragraph per line (no headline, byline, captions or images), a blank line between \
      pages. Nothing on the page runs and nothing it names is fetched.
      --json: an array of one object per page: {"page", "url", "headline", "author", \
      "published", "site", "language", "method", "body": [string], "paragraphs": [string], \
      "links": [string], "milliseconds"}; a page without an article gives {"page", "error"}. \
      "paragraphs" is what the reader shows (captions and [image: …] included); "method" says \
      how the text was found (content, lenient, structured-data or page); "milliseconds" is the \
      extraction, with the reading of a file or the fetching of a URL.
      Exit status 1 when any page gave no article.
      """
  )

  @Argument(help: ArgumentHelp("Saved web pages or URLs.", valueName: "page"))
  var pages: [String]

  @Option(help: ArgumentHelp("The address a saved page came from: links are resolved against it.", valueName: "url"))
  var url: String?

  @Flag(help: "Print every field as JSON: an array with one object per page.")
  var json = false

  func run() throws {
    var failed = 0
    var printed = 0
    if json { StandardOutput.write("[") }
    defer { if json { StandardOutput.write(pages.isEmpty ? "]\n" : "\n]\n") } }
    for (number, page) in pages.enumerated() {
      let address = url ?? (FeedFetcher.isURL(page) ? page : nil)
      let started = DispatchTime.now().uptimeNanoseconds
      switch Self.extract(page, address: address) {
      case .failure(let problem):
        failed += 1
        report(page, problem.description, first: number == 0)
      case .success(let outcome):
        let milliseconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e6
        switch outcome {
        case .failure(let why):
          failed += 1
          report(page, LoadError(path: page, reason: .noArticle(why)).description, first: number == 0)
        case .success(let extracted):
          if json {
            writeJSON(ExtractionText.json(extracted, page: page, milliseconds: milliseconds), first: number == 0)
          } else {
            if printed > 0 { StandardOutput.write("\n") }
            printed += 1
            StandardOutput.write(extracted.body.map { VisibleText.make($0) + "\n" }.joined())
          }
        }
      }
    }
    if failed > 0 { throw ExitCode(1) }
  }

  private func writeJSON(_ value: JSONValue, first: Bool) {
    StandardOutput.write((first ? "\n  " : ",\n  ") + value.serialized(indent: "  "))
  }

  private func report(_ page: String, _ message: String, first: Bool) {
    if json {
      writeJSON(.object([("page", .string(page)), ("error", .string(message))]), first: first)
    } else {
      StandardOutput.writeError("herald: \(message)\n")
    }
  }

  /// A URL's page fetched and extracted, or a saved page's (mapped, never read whole).
  static func extract(_ page: String, address: String?) -> Result<Result<ExtractedArticle, ExtractionFailure>, LoadError> {
    if FeedFetcher.isURL(page) {
      return FeedFetcher().fetchBlocking([page])[0].map { body in
        ArticleExtractor.extract(body.bytes, url: address, contentType: body.contentType)
      }
    }
    do {
      return .success(try ArticleExtractor.extract(file: page, url: address))
    } catch {
      return .failure(error)
    }
  }
}

/// An extraction as JSON.
enum ExtractionText {
  static func json(_ extracted: ExtractedArticle, page: String, milliseconds: Double) -> JSONValue {
    let article = extracted.article
    return .object([
      ("page", .string(page)), ("url", .optional(article.link)), ("headline", .string(article.headline)),
      ("author", .optional(article.author)), ("published", .optional(article.published.map(ArticleJSON.isoDate))),
      ("site", .optional(extracted.siteName)), ("language", .optional(extracted.language)),
      ("method", .string(extracted.method.rawValue)), ("body", .array(extracted.body.map(JSONValue.string))),
      ("paragraphs", .array(article.paragraphs.map(JSONValue.string))), ("links", .array(article.links.map(JSONValue.string))),
      ("milliseconds", .string(String(format: "%.3f", milliseconds))),
    ])
  }
}
