import Foundation
#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reads one article file from disk, refusing what is not an article (empty, binary, huge).
public enum ArticleFile {
  /// Files larger than this are not articles (a log, a dump, a mistake) and are skipped.
  public static let maximumSize = 16 << 20

  /// The file's bytes, or the reason it is not an article. A web page is read `validating`
  /// nothing: UTF-16 holds NUL bytes, and the extractor judges the rest.
  public static func read(path: String, validating: Bool = true) throws(LoadError) -> [UInt8] {
    let fd = try openForReading(path)
    defer { close(fd) }
    var info = stat()
    guard fstat(fd, &info) == 0 else { throw failure(path, errno) }
    guard (info.st_mode & S_IFMT) == S_IFREG else { throw LoadError(path: path, reason: .notAnArticleFile) }
    let size = Int(info.st_size)
    guard size <= maximumSize else { throw LoadError(path: path, reason: .tooLarge(bytes: size)) }
    // Read one byte past the size stat gave, so a file that grew meanwhile still hits the limit.
    var bytes = [UInt8](repeating: 0, count: size + 1)
    var filled = 0
    while filled < bytes.count {
      let got = bytes.withUnsafeMutableBytes { buffer in
        posixRead(fd, buffer.baseAddress! + filled, buffer.count - filled)
      }
      if got < 0 {
        if errno == EINTR { continue }
        throw failure(path, errno)
      }
      if got == 0 { break }
      filled += got
      if filled == bytes.count && filled <= maximumSize { bytes.append(contentsOf: repeatElement(0, count: 65536)) }
    }
    bytes.removeSubrange(filled...)
    guard bytes.count <= maximumSize else { throw LoadError(path: path, reason: .tooLarge(bytes: bytes.count)) }
    if validating { try validate(bytes, path: path) }
    return bytes
  }

  /// The most a fetched body may have.
  public static let maximumFeedSize = 20 << 20

  /// A feed file on disk may be larger (an archive, a benchmark); its parsed tree takes about
  /// ten times its size in memory, which bounds this.
  public static let maximumFeedFileSize = 256 << 20


  /// Rejects content that cannot be an article, whatever its origin.
  public static func validate(_ bytes: [UInt8], path: String) throws(LoadError) {
    if bytes.contains(0) { throw LoadError(path: path, reason: .binary) }
    let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? bytes.dropFirst(3) : bytes[...]
    let blank = body.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D || $0 == 0x0C || $0 == 0x0B }
    if body.isEmpty { throw LoadError(path: path, reason: .empty) }
    if blank { throw LoadError(path: path, reason: .blank) }
  }

  /// A descriptor for reading `path`. Opened without waiting, because opening a named pipe
  /// that nobody writes to would wait for ever; the caller then refuses what is not a regular
  /// file. Reads wait as usual.
  static func openForReading(_ path: String) throws(LoadError) -> Int32 {
    let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
    guard fd >= 0 else { throw failure(path, errno) }
    _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK)
    return fd
  }

  static func failure(_ path: String, _ code: Int32) -> LoadError {
    if code == ENOENT { return LoadError(path: path, reason: .notFound) }
    return LoadError(path: path, reason: .unreadable(String(cString: strerror(code))))
  }
}

/// `read(2)`, named apart from `ArticleFile.read(path:)`.
func posixRead(_ fd: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
  read(fd, buffer, count)
}
