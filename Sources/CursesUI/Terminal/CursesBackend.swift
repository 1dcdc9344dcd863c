#if canImport(Glibc)
  import Glibc
#endif
import CNcurses

/// The only code that talks to ncurses: it shows a `Grid`, redrawing only the cells that changed
/// since the last frame, and turns `get_wch`, mouse and resize input into `InputEvent`s.
public final class CursesBackend {
  private var screen: OpaquePointer?
  private var previous: Grid?
  private var palette: ThemePalette
  private let monoFallback: Theme
  /// How many colours this terminal gets: from terminfo and COLORTERM, none under NO_COLOR.
  public let depth: ColourDepth
  private var ended = false

  /// Starts curses on the terminal; nil when the terminal cannot be driven (no terminfo entry).
  /// - Parameter monoFallback: attributes for elements a colour theme marks by colour alone,
  ///   used when the terminal has no colour.
  public init?(theme: Theme, monoFallback: Theme, environment: [String: String]) {
    Self.useUTF8Locale()
    guard let screen = newterm(nil, herald_stdout(), herald_stdin()) else { return nil }
    self.screen = screen
    TerminalSignals.install()
    cbreak()
    noecho()
    nonl()
    keypad(herald_stdscr(), true)
    set_escdelay(25)
    curs_set(0)
    if has_colors() {
      start_color()
      use_default_colors()
    }
    depth = ColourDepth.detect(colours: has_colors() ? Int(herald_colors()) : 0, environment: environment)
    self.monoFallback = monoFallback
    palette = ThemePalette(theme: theme, depth: depth, monoFallback: monoFallback)
    mousemask(herald_all_mouse_events, nil)
    mouseinterval(0)
  }

  deinit { end() }

  /// Restores the terminal. Safe to call more than once.
  public func end() {
    guard !ended else { return }
    ended = true
    endwin()
    if let screen { delscreen(screen) }
    screen = nil
    TerminalSignals.restoreDefaults()
  }

  public var size: (width: Int, height: Int) { (Int(herald_cols()), Int(herald_lines())) }

  /// A quit signal received since start, or nil.
  public var quitSignal: Int32? {
    let signal = TerminalSignals.pending
    return signal == 0 ? nil : signal
  }

  /// Wide characters need a UTF-8 locale: take the user's, and fall back to C.UTF-8 when theirs
  /// is not UTF-8.
  static func useUTF8Locale() {
    setlocale(LC_ALL, "")
    let codeset = String(cString: herald_codeset())
    if codeset.uppercased().replacingOccurrences(of: "-", with: "") != "UTF8" {
      setlocale(LC_CTYPE, "C.UTF-8")
    }
  }

  /// Draws with another theme from the next frame on, which repaints every cell.
  public func setTheme(_ theme: Theme) {
    palette = ThemePalette(theme: theme, depth: depth, monoFallback: monoFallback)
    previous = nil
  }

  /// Gives the terminal back (as on quitting) while `body` runs another program in it, then
  /// takes it again; the next frame repaints every cell. An interrupt typed for that program
  /// (Ctrl-C in a terminal browser) does not quit the reader.
  public func releasingTerminal(_ body: () -> Void) {
    def_prog_mode()
    endwin()
    body()
    TerminalSignals.forgetInterrupt()
    reset_prog_mode()
    previous = nil
  }

  /// Puts text on the terminal's clipboard with OSC 52, base64-encoded (so nothing in it can
  /// act as a control code). Terminals that do not support it ignore the sequence.
  public func copyToClipboard(_ text: String) {
    let sequence = "\u{1B}]52;c;" + Self.base64(Array(text.utf8)) + "\u{07}"
    fflush(herald_stdout())
    _ = sequence.utf8CString.withUnsafeBufferPointer { buffer in
      write(STDOUT_FILENO, buffer.baseAddress, buffer.count - 1)
    }
  }

  static func base64(_ bytes: [UInt8]) -> String {
    let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
    var output: [UInt8] = []
    output.reserveCapacity((bytes.count + 2) / 3 * 4)
    var index = 0
    while index < bytes.count {
      let chunk = bytes[index..<min(index + 3, bytes.count)]
      var value = 0
      for (offset, byte) in chunk.enumerated() { value |= Int(byte) << (16 - 8 * offset) }
      for position in 0..<4 {
        output.append(position <= chunk.count ? alphabet[(value >> (18 - 6 * position)) & 63] : UInt8(ascii: "="))
      }
      index += 3
    }
    return String(decoding: output, as: UTF8.self)
  }

  /// Shows the grid, touching only the cells that differ from the previous frame.
  public func present(_ grid: Grid, forceFull: Bool = false) {
    if forceFull || previous?.width != grid.width || previous?.height != grid.height {
      clearok(herald_curscr(), true)
      previous = nil
    }
    let window = herald_stdscr()
    for y in 0..<grid.height {
      for x in 0..<grid.width {
        if let previous, previous.hasSameCell(x: x, y: y, as: grid),
          !(x > 0 && !previous.hasSameCell(x: x - 1, y: y, as: grid) && grid.isContinuation(x: x, y: y))
        {
          continue
        }
        if grid.isContinuation(x: x, y: y) { continue }
        let cell = grid[x, y]
        draw(cell, x: x, y: y, window: window)
        // A grapheme the grid gives two columns that ncurses counts as one (an emoji made wide
        // by U+FE0F, "🌧️"): ncurses never writes its second column, and whatever an earlier
        // frame left there stayed on screen. It gets a blank of the cell's style.
        if x + 1 < grid.width, grid.isContinuation(x: x + 1, y: y), Self.cursesWidth(of: cell.character) < 2 {
          draw(Cell(" ", style: cell.style), x: x + 1, y: y, window: window)
        }
      }
    }
    previous = grid
    wnoutrefresh(window)
    doupdate()
  }

  /// The columns ncurses gives a grapheme: those of its first scalar (`wcwidth`), as it
  /// counts a complex character by its spacing character.
  static func cursesWidth(of character: Character) -> Int {
    guard let first = character.unicodeScalars.first else { return 0 }
    return Int(herald_wcwidth(first.value))
  }

  /// What ncurses is given for a grapheme: its first scalar and the zero-width marks on it
  /// (accents, variation selectors), up to a zero-width joiner. A complex character holds one
  /// spacing character only, so a joined emoji ("👩‍🔬", "👨‍👩‍👧") given whole lost its later
  /// pictures and the joiner was sent on its own, where the terminal joined it with the next
  /// cell's text (the space after the emoji vanished). Its first picture keeps the grapheme's
  /// two columns.
  static func cursesCharacters(of character: Character) -> [wchar_t] {
    var scalars = character.unicodeScalars.makeIterator()
    guard let first = scalars.next() else { return [] }
    var characters = [wchar_t(bitPattern: first.value)]
    while let next = scalars.next(), next != "\u{200D}", DisplayWidth.isZeroWidth(next), characters.count < Int(CCHARW_MAX) - 1 {
      characters.append(wchar_t(bitPattern: next.value))
    }
    return characters
  }

  private func draw(_ cell: Cell, x: Int, y: Int, window: UnsafeMutablePointer<WINDOW>?) {
    let look = palette.attributes(for: cell.style)
    var characters = Self.cursesCharacters(of: cell.character)
    characters.append(0)
    var complex = cchar_t()
    var pair = look.pair
    // setcchar takes a short pair number; the real one (extended pairs) goes through `opts`.
    _ = setcchar(&complex, characters, look.attributes, 0, &pair)
    _ = mvwadd_wch(window, Int32(y), Int32(x), &complex)
  }

  /// The next input, waiting at most `timeout` milliseconds; nil when none came.
  public func readEvent(timeout: Int32) -> InputEvent? {
    wtimeout(herald_stdscr(), timeout)
    var character: wint_t = 0
    let result = wget_wch(herald_stdscr(), &character)
    if result == ERR { return nil }
    if result == KEY_CODE_YES { return functionKey(Int32(character)) }
    return Self.event(forCharacter: UInt32(character))
  }

  static func event(forCharacter value: UInt32) -> InputEvent? {
    switch value {
    case 10, 13: return .key(.enter)
    case 27: return .key(.escape)
    case 9: return .key(.tab)
    case 8, 127: return .key(.backspace)
    case 1...26: return .key(.control(Character(Unicode.Scalar(value + 96)!)))
    default:
      guard let scalar = Unicode.Scalar(value) else { return nil }
      return .key(.character(Character(scalar)))
    }
  }

  private func functionKey(_ code: Int32) -> InputEvent? {
    switch code {
    case KEY_UP: return .key(.up)
    case KEY_DOWN: return .key(.down)
    case KEY_LEFT: return .key(.left)
    case KEY_RIGHT: return .key(.right)
    case KEY_PPAGE: return .key(.pageUp)
    case KEY_NPAGE: return .key(.pageDown)
    case KEY_HOME: return .key(.home)
    case KEY_END: return .key(.end)
    case KEY_ENTER: return .key(.enter)
    case KEY_BACKSPACE: return .key(.backspace)
    case KEY_BTAB: return .key(.backTab)
    case KEY_RESIZE:
      let size = self.size
      return .resize(width: size.width, height: size.height)
    case KEY_MOUSE:
      var event = MEVENT()
      guard getmouse(&event) == OK else { return nil }
      let x = Int(event.x)
      let y = Int(event.y)
      if event.bstate & herald_button4_pressed != 0 { return .mouse(MouseEvent(.wheelUp, x: x, y: y)) }
      if herald_button5_pressed != 0 && event.bstate & herald_button5_pressed != 0 {
        return .mouse(MouseEvent(.wheelDown, x: x, y: y))
      }
      if event.bstate & (herald_button1_pressed | herald_button1_clicked) != 0 {
        return .mouse(MouseEvent(.click, x: x, y: y))
      }
      return nil
    default:
      return nil
    }
  }
}
