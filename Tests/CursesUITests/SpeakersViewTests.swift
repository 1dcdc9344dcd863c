import Foundation
import NewsKit
import Testing

@testable import CursesUI

@Suite("Who said what: the speakers view")
struct SpeakersViewTests {
  private func reader(width: Int = 100, height: Int = 14) -> (TestReader, MemoryLibrary) {
    let library = MemoryLibrary(Array(Stories.all.prefix(2)))
    var reader = TestReader(width: width, height: height, articles: library.articles)
    reader.state.isLibrary = true
    return (reader, library)
  }

  @Test func speakersThenTheirQuotesThenTheArticleWithThatQuoteCurrent() throws {
    var (reader, library) = reader()
    let effects = reader.state.update(.input(.key(.character("w"))))
    #expect(effects == [.listSpeakers(.all, request: 1)])
    let tallies = try library.speakers(.all)
    _ = reader.state.update(.speakersListed(tallies, request: 1))
    #expect(reader.screen.lines[0].contains("Who said what — \(tallies.count) speakers, most quoted first"))
    let first = try #require(tallies.first)
    #expect(reader.state.update(.input(.key(.enter))) == [.listQuotes(speaker: first.speaker, .all, request: 2)])
    let quotes = try library.quotes(of: first.speaker, .all)
    _ = reader.state.update(.quotesListed(quotes, request: 2))
    #expect(reader.screen.lines[0].contains("\(first.speaker) — \(quotes.count) quote"))
    reader.press(.escape)
    guard case .speakers = reader.state.speakersView?.content else {
      Issue.record("Esc from quotes should show the speakers again")
      return
    }
    reader.press(.enter)
    _ = reader.state.update(.quotesListed(quotes, request: 3))
    let chosen = try #require(quotes.first)
    reader.press(.enter)
    #expect(reader.state.speakersView == nil)
    let index = try #require(reader.state.reading?.quote)
    #expect(reader.state.reading?.article.quotes[index].start == chosen.start)
    #expect(reader.state.focus == .article)
  }

  @Test func wOnTheCurrentQuoteListsItsSpeakersQuotesAndEscCloses() throws {
    var (reader, _) = reader()
    reader.press(.tab, .character("n"))
    let reading = try #require(reader.state.reading)
    let speaker = try #require(reading.quote.flatMap { reading.article.quotes[$0].speakerName })
    #expect(reader.state.update(.input(.key(.character("w")))) == [.listQuotes(speaker: speaker, .all, request: 1)])
    reader.press(.escape)
    #expect(reader.state.speakersView == nil)
  }

  @Test func aLateAnswerIsDroppedAndPathsHaveNoSpeakersView() {
    var (reader, _) = reader()
    _ = reader.state.update(.input(.key(.character("w"))))
    reader.press(.escape)
    _ = reader.state.update(.speakersListed([SpeakerTally(speaker: "Gwen Tallis", quotes: 2)], request: 1))
    #expect(reader.state.speakersView == nil)
    var paths = TestReader(width: 100, height: 14, articles: Stories.all)
    #expect(paths.state.update(.input(.key(.character("w")))).isEmpty)
    #expect(paths.state.notice == "who said what across stories needs the library: herald add URL")
  }

  @Test func theSpeakersViewIsDrawnOverThePanes() throws {
    var (reader, library) = reader()
    _ = reader.state.update(.input(.key(.character("w"))))
    _ = reader.state.update(.speakersListed(try library.speakers(.all), request: 1))
    assertSnapshot(reader.screen, named: "speakers-view")
  }
}
