import NewsKit

/// A speaker and the number of their quotes.
public struct SpeakerTally: Sendable, Hashable {
  public var speaker: String
  public var quotes: Int

  public init(speaker: String, quotes: Int) {
    self.speaker = speaker
    self.quotes = quotes
  }
}

/// A quote and the story it is in, for the speakers view.
public struct SpokenQuote: Sendable, Hashable {
  public var story: ArticleSummary
  public var text: String
  public var start: TextPosition

  public init(story: ArticleSummary, text: String, start: TextPosition) {
    self.story = story
    self.text = text
    self.start = start
  }
}
