import CLibXML2
import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Where a feed's bytes come from: a file read a chunk at a time, or bytes already in memory
/// (a fetched body, a test fixture).
public enum FeedSource: Sendable {
  case file(String)
  case bytes([UInt8])
}

/// Feeds libxml2's streaming reader with repaired UTF-8, a chunk at a time: finds the encoding
/// (byte-order mark, then the HTTP header's charset, then the XML declaration), decodes legacy
/// encodings to UTF-8, repairs stray Windows-1252 bytes, escapes entities (see `FeedBytes`), and
/// stops at the size limit. Memory is a few chunks, whatever the feed's size.
final class FeedInput {
  static let chunkSize = 1 << 16

  private enum Raw {
    case descriptor(Int32)
    case bytes([UInt8], position: Int)
  }

  private var raw: Raw
  private let limit: Int
  private let charsetHint: String?
  private var pending: [UInt8] = []
  private var decoded: [UInt8] = []
  private var ready: [UInt8] = []
  private var readyStart = 0
  private var rawFinished = false
  private var done = false
  private var started = false
  private var leadingSpaceDropped = false
  private var decoder: LegacyDecoder?
  /// Whether the escaping stage stopped inside a CDATA section.
  private var inCDATA = false
  private(set) var bytesRead = 0
  /// Why reading stopped early: the size limit, or a read error.
  private(set) var failure: String?
  /// The encoding the bytes were read as.
  private(set) var encoding = "UTF-8"

  /// - Parameters:
  ///   - charset: the charset an HTTP Content-Type named, if any.
  init(_ source: FeedSource, limit: Int, charset: String? = nil) throws(LoadError) {
    self.limit = limit
    self.charsetHint = charset?.trimmed
    switch source {
    case .bytes(let bytes):
      raw = .bytes(bytes, position: 0)
    case .file(let path):
      let fd = try ArticleFile.openForReading(path)
      var info = stat()
      if fstat(fd, &info) == 0, Int(info.st_size) > limit {
        close(fd)
        throw LoadError(path: path, reason: .feedTooLarge(bytes: Int(info.st_size)))
      }
      raw = .descriptor(fd)
    }
  }

  deinit {
    if case .descriptor(let fd) = raw { close(fd) }
  }

  /// Copies up to `count` bytes of prepared input into `buffer`; 0 at the end.
  func fill(_ buffer: UnsafeMutablePointer<CChar>, count: Int) -> Int {
    while readyStart == ready.count {
      if done { return 0 }
      advance()
    }
    let length = min(count, ready.count - readyStart)
    ready.withUnsafeBufferPointer { source in
      UnsafeMutableRawPointer(buffer).copyMemory(from: source.baseAddress! + readyStart, byteCount: length)
    }
    readyStart += length
    return length
  }

  /// Reads the head (enough for a byte-order mark and the XML declaration) and chooses the
  /// encoding.
  private func startIfNeeded() {
    guard !started else { return }
    started = true
    while !rawFinished && pending.count < 1024 { readChunk() }
    chooseEncoding()
  }

  /// The first byte that is not white space, as read (a JSON Feed starts with `{`).
  func peekFirstByte() -> UInt8? {
    startIfNeeded()
    return pending.first { !(0x20 == $0 || 0x09 == $0 || 0x0A == $0 || 0x0D == $0) }
  }

  /// Every byte as read, undecoded (for JSON, which has no streaming reader here).
  func readAll() -> [UInt8] {
    startIfNeeded()
    while !rawFinished { readChunk() }
    return pending
  }

  /// Reads one raw chunk and passes it through the stages.
  private func advance() {
    if !started {
      startIfNeeded()
    } else if !rawFinished {
      readChunk()
    }
    let used: Int
    if let decoder {
      used = decoder.decode(pending[...], final: rawFinished, into: &decoded)
    } else {
      used = FeedBytes.repairUTF8(pending[...], final: rawFinished, into: &decoded)
    }
    pending.removeFirst(used)
    if !leadingSpaceDropped {
      let space = decoded.prefix { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }.count
      decoded.removeFirst(space)
      if !decoded.isEmpty || rawFinished { leadingSpaceDropped = true }
    }
    ready.removeAll(keepingCapacity: true)
    readyStart = 0
    let escaped = FeedBytes.escapeEntities(decoded[...], final: rawFinished, inCDATA: &inCDATA, into: &ready)
    decoded.removeFirst(escaped)
    if rawFinished && pending.isEmpty && decoded.isEmpty { done = true }
  }

  private func readChunk() {
    let before = pending.count
    switch raw {
    case .bytes(let bytes, let position):
      let end = min(bytes.count, position + Self.chunkSize)
      pending.append(contentsOf: bytes[position..<end])
      raw = .bytes(bytes, position: end)
    case .descriptor(let fd):
      pending.reserveCapacity(before + Self.chunkSize)
      var chunk = [UInt8](repeating: 0, count: Self.chunkSize)
      var got = 0
      repeat {
        got = chunk.withUnsafeMutableBytes { posixRead(fd, $0.baseAddress!, $0.count) }
      } while got < 0 && errno == EINTR
      if got < 0 {
        failure = "cannot read: " + String(cString: strerror(errno))
      } else if got > 0 {
        pending.append(contentsOf: chunk[0..<got])
      }
    }
    let added = pending.count - before
    bytesRead += added
    if added == 0 { rawFinished = true }
    if bytesRead > limit {
      failure = "more than \(limit >> 20) MiB, the limit for a feed"
      pending.removeLast(bytesRead - limit)
      rawFinished = true
    }
  }

  /// The byte-order mark decides, then the HTTP charset, then the XML declaration. UTF-8,
  /// Latin-1, Windows-1252 and ASCII (or nothing said) are all read as UTF-8 with stray bytes
  /// repaired as Windows-1252, which is what such feeds nearly always really hold.
  private func chooseEncoding() {
    var named: String?
    if pending.starts(with: [0xEF, 0xBB, 0xBF]) {
      pending.removeFirst(3)
      named = "UTF-8"
    } else if pending.starts(with: [0xFF, 0xFE]) || pending.starts(with: [0xFE, 0xFF]) {
      named = "UTF-16"
    } else if pending.starts(with: [0x3C, 0x00, 0x3F, 0x00]) {
      named = "UTF-16LE"
    } else if pending.starts(with: [0x00, 0x3C, 0x00, 0x3F]) {
      named = "UTF-16BE"
    } else if pending.starts(with: [0x4C, 0x6F, 0xA7, 0x94]) {
      // `<?xm` in EBCDIC (XML 1.0, appendix F): the declaration names which code page, and
      // every EBCDIC page writes it in the same bytes.
      named = charsetHint ?? Self.declaredEncoding(ebcdic: pending) ?? "IBM037"
    } else {
      named = charsetHint ?? Self.declaredEncoding(pending)
    }
    guard let named, !Self.readAsUTF8(named) else { return }
    if let decoder = LegacyDecoder(encoding: named) {
      self.decoder = decoder
      encoding = decoder.canonicalName
    }
  }

  /// Shared with web pages (`PageDecoding`): one rule for both.
  static func readAsUTF8(_ name: String) -> Bool {
    let key = name.lowercased()
    return key.hasPrefix("utf-8") || key == "utf8" || westernEncodings.contains(key)
  }

  private static let westernEncodings: Set<String> = [
    "iso-8859-1", "iso8859-1", "iso_8859-1", "latin1", "latin-1", "l1", "windows-1252", "cp1252", "x-cp1252",
    "us-ascii", "ascii", "iso-8859-15", "latin-9",
  ]

  /// The encoding an EBCDIC document's declaration names, read through code page 037 (the
  /// declaration's letters are the same bytes in every EBCDIC page).
  static func declaredEncoding(ebcdic bytes: [UInt8]) -> String? {
    guard let decoder = LegacyDecoder(encoding: "IBM037") else { return nil }
    var head: [UInt8] = []
    _ = decoder.decode(bytes.prefix(300), final: true, into: &head)
    return declaredEncoding(head)
  }

  /// The encoding named in `<?xml … encoding="…"?>` at the start of the bytes, if any.
  static func declaredEncoding(_ bytes: [UInt8]) -> String? {
    var start = 0
    while start < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[start]) { start += 1 }
    let head = String(decoding: bytes[start...].prefix(300), as: UTF8.self)
    guard head.hasPrefix("<?xml"), let end = head.range(of: "?>") else { return nil }
    let declaration = head[..<end.lowerBound]
    guard let key = declaration.range(of: "encoding") else { return nil }
    let rest = declaration[key.upperBound...].drop { $0 == " " || $0 == "=" }
    guard let quote = rest.first, quote == "\"" || quote == "'" else { return nil }
    return String(rest.dropFirst().prefix { $0 != quote })
  }
}

/// libxml2's read callback: the context is an unretained `FeedInput`.
let feedInputRead: xmlInputReadCallback = { context, buffer, length in
  guard let context, let buffer else { return -1 }
  let input = Unmanaged<FeedInput>.fromOpaque(context).takeUnretainedValue()
  return Int32(input.fill(buffer, count: Int(length)))
}

/// The `FeedInput` outlives the reader and is released by Swift, so closing does nothing.
let feedInputClose: xmlInputCloseCallback = { _ in 0 }
