#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Finds the article files a list of paths names: files as given, directories searched
/// recursively for `*.txt`. Symlinks are followed, but a directory already visited (a symlink
/// loop, or two links to one place) is entered only once; an entry that cannot be read is
/// reported and skipped.
public struct ArticleFileFinder: Sendable {
  public struct Result: Sendable {
    /// Every file found, ordered by path.
    public var files: [String]
    /// For each file, the name of the directory named on the command line that it was found
    /// in (nil for a file named itself): the source shown for an article that names none, as
    /// the library names a directory in its feeds pane.
    public var collections: [String?]
    public var problems: [LoadError]
  }

  public init() {}

  public func find(in paths: [String]) -> Result {
    var walk = Walk()
    for path in paths {
      var info = stat()
      guard stat(path, &info) == 0 else {
        walk.problems.append(LoadError(path: path, reason: errno == ENOENT ? .notFound : .unreadable(String(cString: strerror(errno)))))
        continue
      }
      if (info.st_mode & S_IFMT) == S_IFDIR {
        var found: [String] = []
        walk.directory(path, info: info, into: &found)
        walk.files += found.sorted(by: Self.pathOrder)
        walk.collections += repeatElement(Optional(Self.collectionName(ofDirectory: path)), count: found.count)
      } else {
        walk.files.append(path)
        walk.collections.append(nil)
      }
    }
    return Result(files: walk.files, collections: walk.collections, problems: walk.problems)
  }

  /// A directory's name as a collection: its last part as written ("Samples" for
  /// `~/news/Samples/`), or the real directory's when that part says nothing (".", "..", "/").
  public static func collectionName(ofDirectory path: String) -> String {
    var trimmed = Substring(path)
    while trimmed.count > 1, trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
    let last = trimmed.split(separator: "/").last.map(String.init) ?? ""
    if !last.isEmpty, last != ".", last != ".." { return last }
    guard let resolved = realpath(path, nil) else { return last.isEmpty ? path : last }
    defer { free(resolved) }
    let real = String(cString: resolved)
    return real.split(separator: "/").last.map(String.init) ?? real
  }

  /// Byte order of the UTF-8 paths, the same on every machine and locale.
  static func pathOrder(_ a: String, _ b: String) -> Bool {
    a.utf8.lexicographicallyPrecedes(b.utf8)
  }

  private struct DirectoryKey: Hashable {
    var device: UInt64
    var inode: UInt64
  }

  private struct Walk {
    var files: [String] = []
    var collections: [String?] = []
    var problems: [LoadError] = []
    var visited: Set<DirectoryKey> = []

    mutating func directory(_ path: String, info: stat, into found: inout [String]) {
      guard visited.insert(DirectoryKey(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))).inserted else { return }
      guard let handle = opendir(path) else {
        problems.append(LoadError(path: path, reason: .unreadable(String(cString: strerror(errno)))))
        return
      }
      var names: [String] = []
      let base = path.hasSuffix("/") ? path : path + "/"
      while let entry = readdir(handle) {
        // The name is read where it lies: `entry.pointee` would copy a whole `struct dirent`,
        // and the kernel packs entries shorter than that, so the copy of the last one in
        // readdir's buffer read past its end (AddressSanitizer: heap-buffer-overflow).
        let bytes = (UnsafeRawPointer(entry) + MemoryLayout<dirent>.offset(of: \dirent.d_name)!).assumingMemoryBound(to: CChar.self)
        let (name, valid) = String(validatingCString: bytes).map { ($0, true) } ?? (String(cString: bytes), false)
        if name == "." || name == ".." || name.hasPrefix(".") { continue }
        guard valid else {
          // Paths are text throughout Herald; a name that is not UTF-8 cannot be named again
          // to open it, so it is reported (with U+FFFD where its bad bytes were) and skipped.
          if name.hasSuffix(".txt") { problems.append(LoadError(path: base + name, reason: .nameNotUTF8)) }
          continue
        }
        names.append(name)
      }
      closedir(handle)
      for name in names {
        let child = base + name
        var childInfo = stat()
        guard stat(child, &childInfo) == 0 else {
          // A dangling symlink is not worth a warning unless it looks like an article.
          if name.hasSuffix(".txt") {
            problems.append(LoadError(path: child, reason: .unreadable(String(cString: strerror(errno)))))
          }
          continue
        }
        switch childInfo.st_mode & S_IFMT {
        case S_IFDIR: directory(child, info: childInfo, into: &found)
        case S_IFREG where name.hasSuffix(".txt"): found.append(child)
        default: continue
        }
      }
    }
  }
}
