/// The help overlay: any key closes it, but when its keys are more than the screen holds, the
/// scroll keys move through them instead.
extension ReaderState {
  /// Scrolls the help for a scroll key when it overflows; false when the key should close it.
  mutating func scrollHelp(_ action: Action) -> Bool {
    guard let layout = HelpOverlay.layout(of: keymap, area: Rect(x: 0, y: 0, width: width, height: height)),
      layout.maxScroll > 0
    else { return false }
    let page = max(1, layout.visible - 1)
    switch action {
    case .moveDown, .nextParagraph: helpScroll += 1
    case .moveUp, .previousParagraph: helpScroll -= 1
    case .pageDown: helpScroll += page
    case .pageUp: helpScroll -= page
    case .first: helpScroll = 0
    case .last: helpScroll = layout.maxScroll
    default: return false
    }
    helpScroll = min(max(0, helpScroll), layout.maxScroll)
    return true
  }
}
