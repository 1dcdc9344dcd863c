#if canImport(Glibc)
  import Glibc
#endif

/// glibc raises its mmap threshold each time a large block is freed (up to 32 MiB), so the
/// feed bodies and article batches a sync makes and frees came from the heap afterwards and
/// stayed in it: a cold sync of 24 bench feeds peaked at 97-109 MiB. A fixed 1 MiB threshold
/// keeps large blocks in mappings that go back to the system when freed (82 MiB, the same
/// time). Process-wide, so set once at start.
enum MemoryTuning {
  static func returnLargeBlocksToTheSystem() {
    #if canImport(Glibc)
      // <malloc.h> is not in Swift's Glibc module; mallopt is looked up in the C library.
      typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
      let mmapThreshold: Int32 = -3  // M_MMAP_THRESHOLD
      guard let process = dlopen(nil, RTLD_NOW), let symbol = dlsym(process, "mallopt") else { return }
      _ = unsafeBitCast(symbol, to: Mallopt.self)(mmapThreshold, 1 << 20)
    #endif
  }
}
