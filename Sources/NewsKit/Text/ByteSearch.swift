#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Finds a short byte string in a buffer: memchr to the next place its rarest byte could be,
/// memcmp for the whole (Swift's Glibc does not declare memmem). Markup is full of `<`, so
/// `<![CDATA[` is looked for by its `[` and `<!--` by its `!`.
enum ByteSearch {
  /// Where `marker` first starts at or after `start`, or nil. `anchor` is the index in
  /// `marker` of the byte that memchr looks for.
  static func firstIndex(of marker: [UInt8], anchor: Int = 0, in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
    guard let base = bytes.baseAddress, marker.indices.contains(anchor) else { return nil }
    var index = start + anchor
    let lastAnchor = bytes.count - marker.count + anchor
    while index <= lastAnchor {
      guard let hit = memchr(base + index, Int32(marker[anchor]), lastAnchor + 1 - index) else { return nil }
      let position = UnsafePointer(hit.assumingMemoryBound(to: UInt8.self)) - base - anchor
      let same = marker.withUnsafeBufferPointer { memcmp(base + position, $0.baseAddress!, marker.count) == 0 }
      if same { return position }
      index = position + anchor + 1
    }
    return nil
  }
}
