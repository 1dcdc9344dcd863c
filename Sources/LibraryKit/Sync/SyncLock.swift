/// One sync at a time per library: an advisory lock on a file beside it. A second sync waits
/// for the first (saying so) rather than fetching everything twice; readers and `mark` never
/// take it, since the database itself lets them work during a sync.
public final class SyncLock {
  private let lock: FileLock

  /// Takes the lock, calling `waiting` first when another process holds it.
  public init(library: Library, waiting: () -> Void = {}) throws(LibraryError) {
    lock = try FileLock(path: library.path + ".sync-lock", waiting: waiting)
  }
}
