/// Everything the reader can be asked to do. Keys map to actions through a `Keymap`; the
/// reducer gives each its meaning in the current context (list or article).
public enum Action: String, Sendable, Hashable, CaseIterable {
  case moveDown, moveUp
  case nextParagraph, previousParagraph
  case pageDown, pageUp
  case first, last
  case switchPane
  case open, back
  case nextQuote, previousQuote
  case nextStory, previousStory
  case search
  case quit
  case redraw
  case help
}
