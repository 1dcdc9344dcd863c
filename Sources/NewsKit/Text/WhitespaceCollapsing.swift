extension StringProtocol {
  /// The text with every run of white space made one space and none at either end. Works on
  /// scalars with an ASCII fast path: splitting by `Character` (grapheme breaking) cost a third
  /// of feed parsing.
  var collapsingWhitespace: String {
    var result = String.UnicodeScalarView()
    var pendingSpace = false
    for scalar in unicodeScalars {
      if scalar.isWhitespaceScalar {
        pendingSpace = !result.isEmpty
      } else {
        if pendingSpace {
          result.append(" ")
          pendingSpace = false
        }
        result.append(scalar)
      }
    }
    return String(result)
  }

  /// How many words (runs of non-white-space) the text has.
  var wordCount: Int {
    var count = 0
    var inWord = false
    for scalar in unicodeScalars {
      if scalar.isWhitespaceScalar {
        inWord = false
      } else if !inWord {
        inWord = true
        count += 1
      }
    }
    return count
  }
}

extension Unicode.Scalar {
  var isWhitespaceScalar: Bool {
    if isASCII { return self == " " || (0x09...0x0D).contains(value) }
    return properties.isWhitespace
  }
}
