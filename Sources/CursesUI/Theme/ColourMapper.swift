/// Turns a theme's colour into a colour number the terminal has: 24-bit where it can, else the
/// nearest of its 256, 16 or 8 colours; -1 for the terminal's own colour or no colour at all.
public enum ColourMapper {
  public static func map(_ spec: ColourSpec, to depth: ColourDepth) -> Int32 {
    if depth == .none { return -1 }
    switch spec {
    case .terminalDefault:
      return -1
    case .ansi(let index):
      return Int32(depth == .eight ? index % 8 : index)
    case .indexed(let index):
      switch depth {
      case .palette256, .trueColour: return Int32(index)
      case .sixteen: return Int32(nearest(rgb(ofIndex: index), among: 0..<16))
      default: return Int32(nearest(rgb(ofIndex: index), among: 0..<8))
      }
    case .rgb(let red, let green, let blue):
      switch depth {
      case .trueColour: return Int32(red << 16 | green << 8 | blue)
      case .palette256: return Int32(nearest256(red: red, green: green, blue: blue))
      case .sixteen: return Int32(nearest((red, green, blue), among: 0..<16))
      default: return Int32(nearest((red, green, blue), among: 0..<8))
      }
    }
  }

  /// xterm's default colours for the 16 ANSI indexes.
  static let ansiRGB: [(Int, Int, Int)] = [
    (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205), (0, 205, 205), (229, 229, 229),
    (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0), (92, 92, 255), (255, 0, 255), (0, 255, 255),
    (255, 255, 255),
  ]

  private static let cubeLevels = [0, 95, 135, 175, 215, 255]

  /// The RGB value of a 256-colour index: 16 ANSI colours, a 6×6×6 cube, 24 greys.
  static func rgb(ofIndex index: Int) -> (Int, Int, Int) {
    switch index {
    case 0..<16: return ansiRGB[index]
    case 16..<232:
      let cube = index - 16
      return (cubeLevels[cube / 36], cubeLevels[(cube / 6) % 6], cubeLevels[cube % 6])
    default:
      let grey = 8 + (index - 232) * 10
      return (grey, grey, grey)
    }
  }

  /// The nearest colour of xterm's 256 outside the 16 that terminals redefine: the best of the
  /// cube and the grey ramp.
  static func nearest256(red: Int, green: Int, blue: Int) -> Int {
    func level(_ value: Int) -> Int {
      value < 48 ? 0 : (value < 115 ? 1 : (value - 35) / 40)
    }
    let cube = 16 + 36 * level(red) + 6 * level(green) + level(blue)
    let average = (red + green + blue) / 3
    let grey = average > 238 ? 255 : (average < 8 ? 232 : 232 + (average - 8) / 10)
    let target = (red, green, blue)
    return distance(rgb(ofIndex: cube), target) <= distance(rgb(ofIndex: grey), target) ? cube : grey
  }

  static func nearest(_ target: (Int, Int, Int), among indexes: Range<Int>) -> Int {
    indexes.min { distance(ansiRGB[$0], target) < distance(ansiRGB[$1], target) } ?? 0
  }

  /// Squared distance weighted for how the eye sees red, green and blue.
  private static func distance(_ a: (Int, Int, Int), _ b: (Int, Int, Int)) -> Int {
    let red = a.0 - b.0
    let green = a.1 - b.1
    let blue = a.2 - b.2
    return 3 * red * red + 4 * green * green + 2 * blue * blue
  }
}
