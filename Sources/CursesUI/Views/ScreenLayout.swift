/// Where each part of the screen goes for a terminal size. Side by side from 100 columns: the
/// list about a third, the article the rest; narrower, one pane fills the screen. A library
/// adds the feeds pane: beside the other two from 140 columns, else in the list's place while
/// it has the focus.
public struct ScreenLayout: Sendable, Hashable {
  public static let sideBySideWidth = 100
  public static let threePaneWidth = 140
  public static let feedsWidth = 26

  /// Where the feeds pane goes.
  public enum FeedsPlacement: Sendable, Hashable {
    case hidden, beside, insteadOfList
  }

  public var feeds: Rect?
  public var feedsDivider: Rect?
  public var list: Rect?
  public var divider: Rect?
  public var article: Rect?
  public var status: Rect

  public init(width: Int, height: Int, showArticleAlone: Bool, listPercent: Int = 33, feedsPlacement: FeedsPlacement = .hidden) {
    let bodyHeight = max(0, height - 1)
    status = Rect(x: 0, y: bodyHeight, width: width, height: height > 0 ? 1 : 0)
    var left = 0
    if feedsPlacement == .beside && width >= Self.threePaneWidth {
      feeds = Rect(x: 0, y: 0, width: Self.feedsWidth, height: bodyHeight)
      feedsDivider = Rect(x: Self.feedsWidth, y: 0, width: 1, height: bodyHeight)
      left = Self.feedsWidth + 1
    }
    let rest = width - left
    let feedsInsteadOfList = feedsPlacement == .insteadOfList
    if width >= Self.sideBySideWidth {
      let listWidth = max(10, min(rest - 20, rest * min(max(listPercent, 10), 90) / 100))
      let pane = Rect(x: left, y: 0, width: listWidth, height: bodyHeight)
      if feedsInsteadOfList { feeds = pane } else { list = pane }
      divider = Rect(x: left + listWidth, y: 0, width: 1, height: bodyHeight)
      article = Rect(x: left + listWidth + 1, y: 0, width: rest - listWidth - 1, height: bodyHeight)
    } else if feedsInsteadOfList {
      feeds = Rect(x: 0, y: 0, width: width, height: bodyHeight)
    } else if showArticleAlone {
      article = Rect(x: 0, y: 0, width: width, height: bodyHeight)
    } else {
      list = Rect(x: 0, y: 0, width: width, height: bodyHeight)
    }
  }

  public static func isSideBySide(width: Int) -> Bool { width >= sideBySideWidth }
}

/// The article pane's geometry: a margin for the focus bar, then text no wider than a
/// comfortable reading width.
public struct ArticleGeometry: Sendable, Hashable {
  public static let margin = 2
  public var textWidth: Int
  public var height: Int

  public init(pane: Rect, readingWidth: Int) {
    textWidth = max(1, min(readingWidth, pane.width - Self.margin - 1))
    height = pane.height
  }
}
