/// Decoding one scalar from UTF-8 bytes that are valid (a String's own): for the loops that
/// walk text as bytes, where the String views' iterators and validated indices cost most.
public enum UTF8Scalar {
  /// The scalar value starting at `index` and its length in bytes.
  @inlinable
  public static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (value: UInt32, length: Int) {
    let lead = bytes[index]
    if lead < 0x80 { return (UInt32(lead), 1) }
    let length = lead >= 0xF0 ? 4 : (lead >= 0xE0 ? 3 : 2)
    var value = UInt32(lead) & (length == 2 ? 0x1F : (length == 3 ? 0x0F : 0x07))
    for offset in 1..<length where index + offset < bytes.count {
      value = value << 6 | UInt32(bytes[index + offset] & 0x3F)
    }
    return (value, length)
  }
}

extension StringProtocol {
  /// Whether the text holds `needle`, compared as UTF-8 bytes. With Foundation imported, a
  /// String's `contains` is Foundation's, which bridges to NSString: about 20,000 instructions
  /// a call, a tenth of reading a feed item for the few checks of its title and date.
  /// (The standard library's `utf8.firstRange(of:)` is generic and slower still.)
  func containsBytes(_ needle: some StringProtocol) -> Bool {
    var text = Substring(self)
    var needle = Substring(needle)
    return text.withUTF8 { haystack in
      needle.withUTF8 { needle in
        guard let first = needle.first else { return true }
        guard needle.count <= haystack.count else { return false }
        for start in 0...(haystack.count - needle.count) where haystack[start] == first {
          var matched = 1
          while matched < needle.count, haystack[start + matched] == needle[matched] { matched += 1 }
          if matched == needle.count { return true }
        }
        return false
      }
    }
  }
}
