/// A key press or other input, as the backend delivers it and as tests type it.
public enum Key: Sendable, Hashable {
  case character(Character)
  case control(Character)
  case up, down, left, right, pageUp, pageDown, home, end
  case enter, escape, tab, backTab, backspace
  case function(Int)
}

/// What the terminal reports besides keys.
public enum InputEvent: Sendable, Hashable {
  case key(Key)
  case resize(width: Int, height: Int)
  case mouse(MouseEvent)
}

public struct MouseEvent: Sendable, Hashable {
  public enum Kind: Sendable, Hashable { case click, wheelUp, wheelDown }
  public var kind: Kind
  public var x: Int
  public var y: Int

  public init(_ kind: Kind, x: Int, y: Int) {
    self.kind = kind
    self.x = x
    self.y = y
  }
}
