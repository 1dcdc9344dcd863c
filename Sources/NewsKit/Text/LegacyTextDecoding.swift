/// Turns file bytes into text without ever failing: UTF-8 when the bytes are valid UTF-8
/// (a byte-order mark is dropped), otherwise Windows-1252, the encoding that mislabelled
/// "Latin-1" news text almost always really is.
public enum LegacyTextDecoding {
  public static func decode(_ bytes: some Collection<UInt8>) -> String {
    var body = Array(bytes)
    if body.starts(with: [0xEF, 0xBB, 0xBF]) { body.removeFirst(3) }
    if let text = String(validating: body, as: UTF8.self) { return text }
    var scalars = String.UnicodeScalarView()
    scalars.reserveCapacity(body.count)
    for byte in body { scalars.append(windows1252(byte)) }
    return String(scalars)
  }

  /// Bytes 0x80–0x9F hold typographic characters in Windows-1252; the five it leaves
  /// undefined map to the C1 controls of the same value, as browsers do.
  private static let high: [UInt32] = [
    0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D, 0x017D, 0x8F,
    0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
  ]

  static func windows1252(_ byte: UInt8) -> Unicode.Scalar {
    let value = (0x80...0x9F).contains(byte) ? high[Int(byte) - 0x80] : UInt32(byte)
    return Unicode.Scalar(value) ?? "\u{FFFD}"
  }
}
