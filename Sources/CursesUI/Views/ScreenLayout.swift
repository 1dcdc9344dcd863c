/// Where each part of the screen goes for a terminal size. Side by side from 100 columns: the
/// list about a third, the article the rest; narrower, one pane fills the screen.
public struct ScreenLayout: Sendable, Hashable {
  public static let sideBySideWidth = 100

  public var list: Rect?
  public var divider: Rect?
  public var article: Rect?
  public var status: Rect

  public init(width: Int, height: Int, showArticleAlone: Bool, listPercent: Int = 33) {
    let bodyHeight = max(0, height - 1)
    status = Rect(x: 0, y: bodyHeight, width: width, height: height > 0 ? 1 : 0)
    if width >= Self.sideBySideWidth {
      let listWidth = max(10, min(width - 20, width * min(max(listPercent, 10), 90) / 100))
      list = Rect(x: 0, y: 0, width: listWidth, height: bodyHeight)
      divider = Rect(x: listWidth, y: 0, width: 1, height: bodyHeight)
      article = Rect(x: listWidth + 1, y: 0, width: width - listWidth - 1, height: bodyHeight)
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
