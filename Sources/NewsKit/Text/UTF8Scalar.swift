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
