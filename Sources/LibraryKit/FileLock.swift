import Foundation

/// An advisory lock on a file (flock), held until the lock is released or the process ends,
/// however it ends: the kernel drops it with the process.
public final class FileLock {
  private let descriptor: Int32

  /// Takes the lock on `path` (made if missing), calling `waiting` first when another process
  /// holds it.
  public init(path: String, waiting: () -> Void = {}) throws(LibraryError) {
    descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
    guard descriptor >= 0 else {
      throw LibraryError.cannotOpen(path: path, reason: String(cString: strerror(errno)))
    }
    if flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
      waiting()
      while flock(descriptor, LOCK_EX) != 0 && errno == EINTR {}
    }
  }

  private init(descriptor: Int32) {
    self.descriptor = descriptor
  }

  /// The lock on `path` if no other process holds it; nil if one does.
  public static func attempt(path: String) throws(LibraryError) -> FileLock? {
    let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
    guard descriptor >= 0 else {
      throw LibraryError.cannotOpen(path: path, reason: String(cString: strerror(errno)))
    }
    guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
      close(descriptor)
      return nil
    }
    return FileLock(descriptor: descriptor)
  }

  deinit {
    flock(descriptor, LOCK_UN)
    close(descriptor)
  }
}
