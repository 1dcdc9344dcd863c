import CFuzzDriver
import CursesUI
import Foundation
import NewsKit

/// The program's entry point: SwiftPM links `main` to `herald_fuzz_main`, which hands over to
/// libFuzzer's driver.
@_cdecl("herald_fuzz_main")
public func heraldFuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
  var argc = argc
  var argv = argv
  return LLVMFuzzerRunDriver(&argc, &argv) { data, size in
    guard let data else { return 0 }
    return fuzz(data, size)
  }
}

/// libFuzzer's entry point: one binary, the target named by HERALD_FUZZ_TARGET (see
/// scripts/fuzz.sh). Each target feeds the bytes through the same path the commands use and
/// checks what must hold whatever the input: no crash, no hang, no control character on
/// screen, paragraphs and quote positions that agree.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let bytes = Array(UnsafeBufferPointer(start: data, count: size))
  switch FuzzTarget.current {
  case .article: FuzzChecks.article(bytes)
  case .quotes: FuzzChecks.quotes(bytes)
  case .feed: FuzzChecks.feed(bytes)
  case .html: FuzzChecks.html(bytes)
  case .page: FuzzChecks.page(bytes)
  case .date: FuzzChecks.date(bytes)
  case .config: FuzzChecks.config(bytes)
  case .theme: FuzzChecks.theme(bytes)
  case .subscriptions: FuzzChecks.subscriptions(bytes)
  case .wrap: FuzzChecks.wrap(bytes)
  case .reader: FuzzChecks.reader(bytes)
  }
  return 0
}

enum FuzzTarget: String, CaseIterable {
  case article, quotes, feed, html, page, date, config, theme, subscriptions, wrap, reader

  static let current: FuzzTarget = {
    let name = ProcessInfo.processInfo.environment["HERALD_FUZZ_TARGET"] ?? ""
    guard let target = FuzzTarget(rawValue: name) else {
      let known = FuzzTarget.allCases.map(\.rawValue).joined(separator: ", ")
      FileHandle.standardError.write(Data("HERALD_FUZZ_TARGET must be one of: \(known)\n".utf8))
      exit(2)
    }
    return target
  }()
}
