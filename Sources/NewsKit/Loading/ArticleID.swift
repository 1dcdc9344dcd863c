/// Article ids: 16 hex digits of the 64-bit FNV-1a hash of the file's bytes. The same text
/// has the same id wherever and whenever it is opened; an edited file is a new article.
public enum ArticleID {
  // Inlinable so that callers in other modules get a loop specialised for their collection
  // (the generic one cost the library a tenth of a sync).
  @inlinable
  public static func make(for bytes: some Sequence<UInt8>) -> String {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    let done: Void? = bytes.withContiguousStorageIfAvailable { buffer in
      for byte in buffer {
        hash ^= UInt64(byte)
        hash &*= 0x0000_0100_0000_01B3
      }
    }
    if done == nil {
      for byte in bytes {
        hash ^= UInt64(byte)
        hash &*= 0x0000_0100_0000_01B3
      }
    }
    let hex = String(hash, radix: 16)
    return String(repeating: "0", count: 16 - hex.count) + hex
  }
}
