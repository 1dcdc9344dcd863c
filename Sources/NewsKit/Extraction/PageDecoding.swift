import Foundation

/// A web page's bytes as UTF-8, decoded the way browsers pick an encoding: the byte-order mark,
/// then the HTTP header's charset, then a `<meta charset>` near the top, then a guess (UTF-8,
/// with stray bytes read as Windows-1252, which is what a page that says nothing nearly always is).
enum PageDecoding {
  /// How far into the page browsers look for a `<meta>` naming the encoding.
  static let metaScanLength = 4096

  static func utf8(_ bytes: [UInt8], httpCharset: String?) -> [UInt8] {
    var body = ArraySlice(bytes)
    var named: String?
    if body.starts(with: [0xEF, 0xBB, 0xBF]) {
      body = body.dropFirst(3)
      named = "UTF-8"
    } else if body.starts(with: [0xFF, 0xFE]) {
      named = "UTF-16LE"
      body = body.dropFirst(2)
    } else if body.starts(with: [0xFE, 0xFF]) {
      named = "UTF-16BE"
      body = body.dropFirst(2)
    } else {
      named = httpCharset ?? metaCharset(body.prefix(metaScanLength))
    }
    // UTF-8, ASCII and the Western single-byte encodings take the repairing UTF-8 path, as feeds
    // do: a page labelled Latin-1 is Windows-1252 to browsers, and often really UTF-8.
    if let named, !FeedInput.readAsUTF8(named), let decoder = LegacyDecoder(encoding: named) {
      var output: [UInt8] = []
      output.reserveCapacity(body.count)
      _ = decoder.decode(body, final: true, into: &output)
      return output
    }
    var output: [UInt8] = []
    output.reserveCapacity(body.count)
    _ = FeedBytes.repairUTF8(body, final: true, into: &output)
    return output
  }

  /// The charset of `<meta charset="…">` or `<meta http-equiv="Content-Type" content="…;
  /// charset=…">` in the page's head, read from the ASCII bytes alone.
  static func metaCharset(_ head: ArraySlice<UInt8>) -> String? {
    let text = String(decoding: head.map { $0 < 0x80 ? $0 : 0x20 }, as: UTF8.self).lowercased()
    var searchFrom = text.startIndex
    while let meta = text.range(of: "<meta", range: searchFrom..<text.endIndex) {
      let end = text[meta.upperBound...].firstIndex(of: ">") ?? text.endIndex
      let tag = text[meta.upperBound..<end]
      if let charset = tag.range(of: "charset=") {
        let value = tag[charset.upperBound...].drop { $0 == "\"" || $0 == "'" || $0 == " " }
        let name = value.prefix { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == ":" || $0 == "." }
        if !name.isEmpty { return String(name) }
      }
      searchFrom = end
    }
    return nil
  }
}
