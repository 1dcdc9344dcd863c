import NewsKit

extension DisplayWidth {
  /// The beginning of text (its valid UTF-8 bytes) whose graphemes are each one scalar that
  /// stands alone (`standaloneWidth`), and its columns: everything before the last scalar ahead
  /// of the first that does not stand alone, since that one may join it (a letter and its
  /// accent, an emoji and its skin tone). Two standalone scalars never join each other, so
  /// this beginning is measured and cut scalar by scalar, without grapheme breaking; the rest,
  /// a few emoji or accents in a headline, grapheme by grapheme. The whole text when every
  /// scalar stands alone. `headEnd`: where the longest beginning within `head` columns ends.
  static func standalonePrefix(_ bytes: UnsafeBufferPointer<UInt8>, head: Int = 0) -> (end: Int, width: Int, headEnd: Int) {
    var index = 0
    var width = 0
    var lastStart = 0
    var lastWidth = 0
    var headEnd = 0
    while index < bytes.count {
      let columns: Int
      let length: Int
      let byte = bytes[index]
      if byte < 0x80 {
        // Printable ASCII, most text, without decoding.
        guard byte >= 0x20, byte < 0x7F else { return (lastStart, width - lastWidth, min(headEnd, lastStart)) }
        (columns, length) = (1, 1)
      } else {
        let scalar = UTF8Scalar.decode(bytes, at: index)
        guard let known = standaloneWidth(scalar.value) else { return (lastStart, width - lastWidth, min(headEnd, lastStart)) }
        (columns, length) = (known, scalar.length)
      }
      lastStart = index
      lastWidth = columns
      width += columns
      index += length
      if width <= head { headEnd = index }
    }
    return (bytes.count, width, headEnd)
  }
}
