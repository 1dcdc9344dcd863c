import CLibXML2

/// Makes real-world feed bytes parseable before libxml2 sees them: drops a byte-order mark and
/// leading white space, repairs Windows-1252 bytes inside UTF-8, turns HTML named entities
/// (`&nbsp;`, which no feed declares) into character references, and escapes a bare `&`. Entities
/// that are neither XML's five nor HTML's are escaped too, so no DTD entity (an "entity bomb", an
/// external entity naming a local file) is ever expanded.
enum FeedBytes {
  struct Prepared {
    var bytes: [UInt8]
    /// The encoding to read with: "UTF-8", or nil to let the document's declaration decide.
    var encoding: String?
  }

  static func prepare(_ input: [UInt8]) -> Prepared {
    var start = 0
    if input.starts(with: [0xEF, 0xBB, 0xBF]) { start = 3 }
    while start < input.count, [0x20, 0x09, 0x0A, 0x0D].contains(input[start]) { start += 1 }
    let body = input[start...]
    let encoding: String?
    let text: [UInt8]
    if String(validating: body, as: UTF8.self) != nil {
      text = Array(body)
      encoding = "UTF-8"
    } else if let declared = declaredEncoding(body)?.lowercased(), !declared.hasPrefix("utf"),
      !westernEncodings.contains(declared)
    {
      // KOI8-R, Shift_JIS and the like: libxml2 knows them better than any guess.
      text = Array(body)
      encoding = nil
    } else {
      // Invalid UTF-8 declared as UTF-8, Latin-1 or Windows-1252 (or not at all) is nearly always
      // UTF-8 with stray Windows-1252 bytes, or plain Windows-1252: both come out right when each
      // invalid byte is read as Windows-1252.
      text = repairedUTF8(body)
      encoding = "UTF-8"
    }
    return Prepared(bytes: escapingEntities(text), encoding: encoding)
  }

  private static let westernEncodings: Set<String> = [
    "iso-8859-1", "iso8859-1", "latin1", "latin-1", "windows-1252", "cp1252", "us-ascii", "ascii", "iso-8859-15",
  ]

  /// The encoding named in `<?xml … encoding="…"?>`, if any.
  static func declaredEncoding(_ bytes: ArraySlice<UInt8>) -> String? {
    let head = String(decoding: bytes.prefix(200), as: UTF8.self)
    guard head.hasPrefix("<?xml"), let end = head.range(of: "?>") else { return nil }
    let declaration = head[..<end.lowerBound]
    guard let key = declaration.range(of: "encoding") else { return nil }
    let rest = declaration[key.upperBound...].drop { $0 == " " || $0 == "=" }
    guard let quote = rest.first, quote == "\"" || quote == "'" else { return nil }
    return String(rest.dropFirst().prefix { $0 != quote })
  }

  /// UTF-8 with every byte that is not part of a valid sequence read as Windows-1252.
  static func repairedUTF8(_ bytes: ArraySlice<UInt8>) -> [UInt8] {
    var output: [UInt8] = []
    output.reserveCapacity(bytes.count + bytes.count / 8)
    var index = bytes.startIndex
    while index < bytes.endIndex {
      let byte = bytes[index]
      if byte < 0x80 {
        output.append(byte)
        index += 1
        continue
      }
      let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC2 ? 2 : 0
      if length > 0, index + length <= bytes.endIndex,
        String(validating: bytes[index..<(index + length)], as: UTF8.self) != nil
      {
        output.append(contentsOf: bytes[index..<(index + length)])
        index += length
        continue
      }
      output.append(contentsOf: Array(String(LegacyTextDecoding.windows1252(byte)).utf8))
      index += 1
    }
    return output
  }

  private static let xmlEntities: Set<String> = ["amp", "lt", "gt", "quot", "apos"]

  static func escapingEntities(_ bytes: [UInt8]) -> [UInt8] {
    guard bytes.contains(UInt8(ascii: "&")) else { return bytes }
    var output: [UInt8] = []
    output.reserveCapacity(bytes.count + 64)
    var index = 0
    let amp = Array("&amp;".utf8)
    while index < bytes.count {
      let byte = bytes[index]
      guard byte == UInt8(ascii: "&") else {
        output.append(byte)
        index += 1
        continue
      }
      var end = index + 1
      if end < bytes.count && bytes[end] == UInt8(ascii: "#") {
        end += 1
        let hex = end < bytes.count && (bytes[end] == UInt8(ascii: "x") || bytes[end] == UInt8(ascii: "X"))
        if hex { end += 1 }
        let digitsStart = end
        while end < bytes.count, end - digitsStart < 8,
          isDigit(bytes[end]) || (hex && isHexLetter(bytes[end]))
        {
          end += 1
        }
        if end > digitsStart, end < bytes.count, bytes[end] == UInt8(ascii: ";") {
          output.append(contentsOf: bytes[index...end])
        } else {
          output.append(contentsOf: amp)
          end = index
        }
        index = end + 1
        continue
      }
      while end < bytes.count, end - index <= 32, isNameByte(bytes[end]) { end += 1 }
      guard end > index + 1, end < bytes.count, bytes[end] == UInt8(ascii: ";") else {
        output.append(contentsOf: amp)
        index += 1
        continue
      }
      let name = String(decoding: bytes[(index + 1)..<end], as: UTF8.self)
      if xmlEntities.contains(name) {
        output.append(contentsOf: bytes[index...end])
      } else if let entity = htmlEntityLookup(name) {
        output.append(contentsOf: Array("&#\(entity.pointee.value);".utf8))
      } else {
        output.append(contentsOf: amp)
        output.append(contentsOf: bytes[(index + 1)...end])
      }
      index = end + 1
    }
    return output
  }

  private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
  private static func isHexLetter(_ byte: UInt8) -> Bool { (byte >= 0x41 && byte <= 0x46) || (byte >= 0x61 && byte <= 0x66) }
  private static func isNameByte(_ byte: UInt8) -> Bool {
    (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || isDigit(byte)
  }
}
