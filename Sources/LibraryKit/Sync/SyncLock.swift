import Foundation

/// One sync at a time per library: an advisory lock on a file beside it. A second sync waits
/// for the first (saying so) rather than fetching everything twice; readers and `mark` never
/// take it, since the database itself lets them work during a sync. The kernel drops the lock
/// when the process dies, however it dies.
public final class SyncLock {
  private let descriptor: Int32

  /// Takes the lock, calling `waiting` first when another process holds it.
  public init(library: Library, waiting: () -> Void = {}) throws(LibraryError) {
    let path = library.path + ".sync-lock"
    descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
    guard descriptor >= 0 else {
      throw LibraryError.cannotOpen(path: path, reason: String(cString: strerror(errno)))
    }
    if flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
      waiting()
      while flock(descriptor, LOCK_EX) != 0 && errno == EINTR {}
    }
  }

  deinit {
    flock(descriptor, LOCK_UN)
    close(descriptor)
  }
}
