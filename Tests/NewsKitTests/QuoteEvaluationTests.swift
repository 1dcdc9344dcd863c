import Foundation
import Testing

@testable import NewsKit

/// Scores quote detection against four hand-annotated sets in Fixtures/ (quote-eval,
/// quote-eval-heldout, quote-eval-fresh, quote-eval-fourth: each `NN-name.txt` with its `NN-name.answers`, written
/// before the detector was run on it) and prints precision, recall, F1, exact spans, kinds,
/// speakers and canonical names, with every miss. The floors are today's figures, so a change
/// that makes detection worse fails; issue 10's targets are F1 0.98, exact spans 0.97,
/// speakers 0.95. `scripts/quote-eval.sh` prints the report alone.
@Suite("Quote evaluation sets")
struct QuoteEvaluationTests {
  struct Answer {
    var paragraph: Int
    var kind: String
    var speaker: String?
    var name: String?
    var text: String
  }

  struct Score {
    var gold = 0
    var found = 0
    var matched = 0
    var exact = 0
    var kindRight = 0
    var speakerRight = 0
    var nameRight = 0
    var misses: [String] = []

    var precision: Double { found == 0 ? 0 : Double(matched) / Double(found) }
    var recall: Double { gold == 0 ? 0 : Double(matched) / Double(gold) }
    var f1: Double { precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall) }
    func share(_ count: Int) -> Double { matched == 0 ? 0 : Double(count) / Double(matched) }
  }


  static func answers(_ path: String) throws -> [Answer] {
    try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").compactMap { line in
      guard !line.hasPrefix("#") else { return nil }
      let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
      guard fields.count == 5, let paragraph = Int(fields[0]) else { return nil }
      return Answer(
        paragraph: paragraph, kind: fields[1], speaker: fields[2] == "-" ? nil : fields[2], name: fields[3] == "-" ? nil : fields[3],
        text: fields[4].replacingOccurrences(of: "\\n", with: "\n"))
    }
  }

  /// Where an answer lies in the article: from its first part's place in its paragraph to
  /// the end of its last part.
  static func span(of answer: Answer, in article: Article) -> (TextPosition, TextPosition)? {
    let parts = answer.text.components(separatedBy: "\n")
    let first = answer.paragraph - 1
    guard article.paragraphs.indices.contains(first + parts.count - 1),
      let range = article.paragraphs[first].range(of: parts[0])
    else { return nil }
    let paragraph = article.paragraphs[first]
    let start = paragraph.unicodeScalars.distance(from: paragraph.startIndex, to: range.lowerBound)
    let last = first + parts.count - 1
    let end: Int
    if parts.count == 1 {
      end = start + parts[0].unicodeScalars.count
    } else {
      guard let lastRange = article.paragraphs[last].range(of: parts[parts.count - 1]) else { return nil }
      end = article.paragraphs[last].unicodeScalars.distance(from: article.paragraphs[last].startIndex, to: lastRange.upperBound)
    }
    return (TextPosition(paragraph: first, offset: start), TextPosition(paragraph: last, offset: end))
  }

  static func same(_ a: String?, _ b: String?) -> Bool {
    a?.lowercased() == b?.lowercased()
  }

  static let pronouns: Set<String> = ["he", "she", "they"]

  /// Right as written: the same words, or the canonical name; where the text says only "he",
  /// any mention of that person (the same surname) is right too.
  static func speakerIsRight(_ found: String?, _ answer: Answer) -> Bool {
    if same(found, answer.speaker) || same(found, answer.name) { return true }
    guard let written = answer.speaker, pronouns.contains(written.lowercased()), let found, let name = answer.name else { return false }
    return found.split(separator: " ").last?.lowercased() == name.split(separator: " ").last?.lowercased()
  }

  static func evaluate(_ directory: String) throws -> Score {
    var score = Score()
    let names = try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasSuffix(".txt") }.sorted()
    for name in names {
      let slug = String(name.dropLast(4))
      let article = try ArticleCollection.open(path: directory + "/" + name)
      let gold = try answers(directory + "/" + slug + ".answers")
      var unmatched = Array(article.quotes.indices)
      score.gold += gold.count
      score.found += article.quotes.count
      for answer in gold {
        guard let (start, end) = span(of: answer, in: article) else {
          Issue.record("\(slug): the answer \(answer.text) is not in paragraph \(answer.paragraph)")
          continue
        }
        guard let position = unmatched.firstIndex(where: { article.quotes[$0].start < end && start < article.quotes[$0].end }) else {
          score.misses.append("\(slug) ¶\(answer.paragraph) missed: \(answer.text)")
          continue
        }
        let quote = article.quotes[unmatched.remove(at: position)]
        score.matched += 1
        if quote.text == answer.text {
          score.exact += 1
        } else {
          score.misses.append("\(slug) ¶\(answer.paragraph) span: got \(quote.text) want \(answer.text)")
        }
        if quote.kind.rawValue == answer.kind {
          score.kindRight += 1
        } else {
          score.misses.append("\(slug) ¶\(answer.paragraph) kind: got \(quote.kind.rawValue) want \(answer.kind) for \(answer.text)")
        }
        if Self.speakerIsRight(quote.speaker, answer) {
          score.speakerRight += 1
        } else {
          score.misses.append("\(slug) ¶\(answer.paragraph) speaker: got \(quote.speaker ?? "-") want \(answer.speaker ?? "-") for \(answer.text)")
        }
        if same(quote.speakerName, answer.name) {
          score.nameRight += 1
        } else if answer.name != nil || quote.speakerName != nil {
          score.misses.append("\(slug) ¶\(answer.paragraph) name: got \(quote.speakerName ?? "-") want \(answer.name ?? "-") for \(answer.text)")
        }
      }
      for index in unmatched {
        score.misses.append("\(slug) ¶\(article.quotes[index].start.paragraph + 1) extra: \(article.quotes[index].text)")
      }
    }
    return score
  }

  static func report(_ score: Score, label: String) -> String {
    func percent(_ value: Double) -> String { String(format: "%.3f", value) }
    var report = ["quote-eval: \(label): \(score.gold) quotes annotated, \(score.found) found, \(score.matched) matched"]
    report.append("quote-eval: precision \(percent(score.precision))  recall \(percent(score.recall))  F1 \(percent(score.f1))")
    report.append(
      "quote-eval: exact spans \(percent(score.share(score.exact)))  kinds \(percent(score.share(score.kindRight)))  speakers \(percent(score.share(score.speakerRight)))  canonical names \(percent(score.share(score.nameRight)))"
    )
    report += score.misses.map { "quote-eval:   " + $0.replacingOccurrences(of: "\n", with: " ¶ ") }
    return report.joined(separator: "\n")
  }

  /// An evaluation set and the figures it must keep: today's, rounded down (raise them as
  /// detection improves).
  struct EvaluationSet: Sendable, CustomTestStringConvertible {
    var label: String
    var fixture: String
    var quotes: Int
    var f1: Double
    var exact: Double
    var speakers: Double
    var kinds: Double
    var names: Double
    var testDescription: String { label }
  }

  static let sets = [
    // First scored at F1 0.943, exact 0.893, speakers 0.693; with glued paragraphs read
    // (QuoteScanner) F1 0.982, exact 0.963, speakers 0.679 (more quotes found, not all named);
    // with phrases given their sentence's subject (SpeakerFinder.speakerOfSentence) speakers
    // 0.901; with an unclosed quote ending at its first sentence, exact spans 0.975; with quotes
    // whose opening mark was lost recovered from their attribution, F1 0.988; with more verbs,
    // prepositional objects, appositive names, follow-on paragraphs and lower-case partial
    // quotes as phrases, kinds 1.000 and speakers 0.976; with an attribution inside an
    // unclosed quote ending it, F1 0.994, exact 0.988, speakers 0.988. These rules were
    // written against this set, so its figures flatter them.
    EvaluationSet(
      label: "the set the rules were written against", fixture: "quote-eval", quotes: 80,
      f1: 0.99, exact: 0.98, speakers: 0.98, kinds: 0.99, names: 0.98),
    // Scored before any rule was changed for it: F1 1.000, exact spans 0.984, kinds 1.000,
    // speakers 0.770, canonical names 0.754: the rules did not yet read asides between a
    // subject and its verb (`X, who …, said`), participles (`, calling it “…”`), a second quote
    // in one sentence, quotes after reported speech, or bodies' names. With those rules (each
    // with its own tests) every figure is 1.000; the set has been fitted to now.
    EvaluationSet(
      label: "held out", fixture: "quote-eval-heldout", quotes: 50,
      f1: 0.98, exact: 0.98, speakers: 0.98, kinds: 0.98, names: 0.98),
    // Written after the held-out set was fitted to, and scored once before any rule looked at
    // it: F1 1.000, exact spans 1.000, kinds 0.969, speakers 0.875, canonical names 0.875. With
    // the rules its misses asked for (appositives after the verb, `according to` after the
    // quote, relative pronouns, coordinated verbs, passive agents, descriptions of someone at
    // a body) every figure is 1.000; it has been fitted to now.
    EvaluationSet(
      label: "fresh", fixture: "quote-eval-fresh", quotes: 30,
      f1: 0.98, exact: 0.98, speakers: 0.96, kinds: 0.96, names: 0.96),
    // Written for issue 33 by a helper who saw no rule (16 articles on the hard cases of
    // attribution: salience, organisations, gender, speaker spans, descriptions), scored once
    // before any rule looked at it (2026-12-08): F1 0.997, exact spans 1.000, kinds 0.977,
    // speakers 0.733, canonical names 0.585. With pronouns that agree in gender and never
    // stand for a body (PronounResolver), speakers 0.830 and names 0.676; with the subject of
    // a describing clause (`a decision the leader of the council called`, `Ms Varga, on
    // Tuesday,`), speakers 0.852, names 0.682; with an age description named as the last
    // speaker and "United" opening a body, speakers 0.864, names 0.705; with a comma after
    // the verb ending the attribution and the sentence between two quotes read as the
    // first's attribution, speakers 0.903, names 0.744; with "Dame Eleanor" read as the
    // article's "Dame Eleanor Fitch" and a surname alone before the quote when the article
    // gives it in full, speakers 0.920, names 0.761. The set has been fitted to since its
    // unseen score.
    EvaluationSet(
      label: "fourth", fixture: "quote-eval-fourth", quotes: 177,
      f1: 0.99, exact: 0.99, speakers: 0.92, kinds: 0.97, names: 0.76),
  ]

  @Test(arguments: sets)
  func theSetScoresAtLeastTodaysFigures(set: EvaluationSet) throws {
    let score = try Self.evaluate(Fixture.path(set.fixture))
    print(Self.report(score, label: set.label))
    #expect(score.gold >= set.quotes)
    #expect(score.f1 >= set.f1)
    #expect(score.share(score.exact) >= set.exact)
    #expect(score.share(score.speakerRight) >= set.speakers)
    #expect(score.share(score.kindRight) >= set.kinds)
    #expect(score.share(score.nameRight) >= set.names)
  }
}
