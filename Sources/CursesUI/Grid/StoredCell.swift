/// What the grid keeps of a cell: a grapheme of one scalar (nearly every cell) as that scalar,
/// one of several (a flag, a letter and its mark, a ZWJ sequence) as an index into the grid's
/// `clusters`. Nothing in it is reference counted, so a frame's cells are made, copied, compared
/// and dropped as plain memory; with a `Character` in each, that was a third of drawing a frame.
struct StoredCell: Sendable, Hashable {
  var scalar: Unicode.Scalar
  /// The index in `clusters`, or -1.
  var cluster: Int32
  var style: Style
  var isContinuation: Bool

  init(scalar: Unicode.Scalar, style: Style, isContinuation: Bool = false) {
    self.scalar = scalar
    cluster = -1
    self.style = style
    self.isContinuation = isContinuation
  }

  static let blank = StoredCell(scalar: " ", style: .normal)
}
