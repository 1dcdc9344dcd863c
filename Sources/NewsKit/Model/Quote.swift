/// A place in an article's body: a paragraph index and an offset in Unicode scalars within it.
public struct TextPosition: Sendable, Hashable, Comparable {
  public var paragraph: Int
  public var offset: Int

  public init(paragraph: Int, offset: Int) {
    self.paragraph = paragraph
    self.offset = offset
  }

  public static func < (lhs: TextPosition, rhs: TextPosition) -> Bool {
    (lhs.paragraph, lhs.offset) < (rhs.paragraph, rhs.offset)
  }
}

/// A quotation found in an article's text.
public struct Quote: Sendable, Hashable {
  public enum Kind: String, Sendable, Hashable, CaseIterable {
    /// Direct speech: attributed to someone, or a sentence of its own.
    case speech
    /// A short scare-quoted phrase such as “snatching”.
    case phrase
  }

  /// First scalar of the quote: its opening mark.
  public var start: TextPosition
  /// Just past the quote's last scalar (its closing mark when it has one); exclusive.
  public var end: TextPosition
  /// The quoted text, marks included; the parts of a quote spanning paragraphs are joined by "\n".
  public var text: String
  public var kind: Kind
  /// Who said it, as the text names them ("the Mirror source"); nil when the text does not say.
  public var speaker: String?
  /// The same person's one name across the article, the fullest it gives ("Gordon Pike" for
  /// "Mr Pike"); see `SpeakerNames`.
  public var speakerName: String?

  public init(start: TextPosition, end: TextPosition, text: String, kind: Kind, speaker: String?, speakerName: String? = nil) {
    self.start = start
    self.end = end
    self.text = text
    self.kind = kind
    self.speaker = speaker
    self.speakerName = speakerName
  }

  /// The speaker for a person to read: as written, with the name after it when the words at
  /// the quote do not hold it ("he (Gordon Pike)", "Mr Pike (Gordon Pike)"); nil when unknown.
  public var speakerLabel: String? {
    guard let speaker else { return speakerName }
    guard let speakerName, !speaker.contains(speakerName) else { return speaker }
    return "\(speaker) (\(speakerName))"
  }

  /// Whether the quote covers any part of the given paragraph.
  public func touches(paragraph: Int) -> Bool {
    start.paragraph <= paragraph && paragraph <= end.paragraph
  }
}
