import Foundation
import NewsKit
import Testing

@testable import CursesUI

/// A library reader with three feeds, two of them tagged, and one whose last sync failed.
private func libraryReader(width: Int, height: Int) -> TestReader {
  var reader = TestReader(width: width, height: height, articles: Stories.all)
  reader.state.isLibrary = true
  _ = reader.state.update(
    .feedsListed([
      ReaderFeed(id: "1", title: "Millbrook Chronicle", unread: 4, total: 9, tags: ["local"]),
      ReaderFeed(id: "2", title: "Pacific Weekly", unread: 0, total: 3, tags: ["local", "world"]),
      ReaderFeed(id: "3", title: "Quay Times", unread: 12, total: 40, error: "HTTP 500"),
    ]))
  return reader
}

@Suite("The feeds pane")
struct FeedsPaneTests {
  @Test func rowsAreVirtualFeedsThenTagFoldersThenUntaggedFeeds() {
    let reader = libraryReader(width: 60, height: 20)
    let closed = reader.state.feedRows.map(\.title)
    #expect(closed == ["All", "Unread", "Starred", "local", "world", "Quay Times"])
    #expect(reader.state.feedRows.map(\.unread) == [16, 16, nil, 4, 0, 12])
    let open = FeedRow.rows(for: reader.state.feeds, openTags: ["local"]).map(\.title)
    #expect(open == ["All", "Unread", "Starred", "local", "Millbrook Chronicle", "Pacific Weekly", "world", "Quay Times"])
  }

  @Test func escAndQGoFromTheListToTheFeedsAndEnterShowsAFeedsStories() {
    var reader = libraryReader(width: 60, height: 20)
    reader.press(.escape)
    #expect(reader.state.focus == .feeds)
    #expect(reader.screen.lines[0].contains("All"))
    reader.press(.character("G"))
    #expect(reader.screen.lines.last?.contains("feed 6/6 · Quay Times · last sync failed: HTTP 500") == true)
    let effects = reader.state.update(.input(.key(.enter)))
    #expect(effects == [.listStories(.feed("3"), request: 1)])
    #expect(reader.state.focus == .list)
    _ = reader.state.update(
      .storiesListed(StoryListing(request: 1, filter: .feed("3"), count: 1, page: 0, stories: StoryPage(stories: [Stories.all[1].summary]))))
    #expect(reader.state.stories.heldStories.map(\.id) == [Stories.all[1].id])
    reader.press(.character("q"))
    #expect(reader.state.focus == .feeds)
    reader.press(.character("q"))
    #expect(reader.state.quitting)
  }

  @Test func aTagFolderOpensAndClosesAndALateListingIsDropped() {
    var reader = libraryReader(width: 60, height: 20)
    reader.press(.escape, .character("j"), .character("j"), .character("j"))
    #expect(reader.state.update(.input(.key(.enter))) == [.listStories(.tag("local"), request: 1)])
    #expect(reader.state.openTags == ["local"])
    reader.press(.escape, .character("g"))
    #expect(reader.state.update(.input(.key(.enter))) == [.listStories(.all, request: 2)])
    _ = reader.state.update(.storiesListed(StoryListing(request: 1, filter: .tag("local"), count: 0, page: 0, stories: StoryPage(stories: []))))
    #expect(reader.state.stories.count == Stories.all.count)
  }

  @Test func threePanesWhenWideFeedsInTheListsPlaceWhenMediumAloneWhenNarrow() {
    let wide = libraryReader(width: 160, height: 12)
    assertSnapshot(wide.screen, named: "library-three-panes")
    var medium = libraryReader(width: 110, height: 12)
    medium.press(.escape)
    assertSnapshot(medium.screen, named: "library-feeds-beside-article")
    var narrow = libraryReader(width: 40, height: 10)
    narrow.press(.escape)
    assertSnapshot(narrow.screen, named: "library-feeds-alone")
  }
}
