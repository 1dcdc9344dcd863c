import NewsKit

/// `r` and `R`: a sync of the library in the background. Keys go on working; the status bar
/// tells the progress; at the end the stories are listed again and the new ones appear
/// without moving the selection or the screen.
extension ReaderState {
  mutating func startSync(all: Bool) -> [ReaderEffect] {
    guard isLibrary else {
      notice = "sync needs the library: herald add URL subscribes to a feed"
      return []
    }
    guard syncStatus == nil else {
      notice = "a sync is running"
      return []
    }
    let story = all ? nil : selectedStory?.id
    if !all && story == nil { return [] }
    syncStatus = all ? "syncing every feed…" : "syncing this feed…"
    return [.syncLibrary(feedOf: story)]
  }

  public static func describe(_ progress: ReaderSyncProgress) -> String {
    switch progress {
    case .waitingForAnotherSync:
      return "waiting for another sync of this library…"
    case .feeds(let done, let total, let new, let failed):
      let failures = failed > 0 ? ", \(failed) failed" : ""
      return "syncing \(done)/\(total) feeds, \(new) new\(failures)"
    case .analysing(let analysed, _, let total):
      return "analysing \(grouped(analysed)) of \(grouped(total))"
    case .fetchingFullText(let done, let total):
      return "fetching full text: \(grouped(done)) of \(grouped(total)) pages"
    }
  }

  /// A count with its thousands separated ("41,200").
  public static func grouped(_ value: Int) -> String {
    let digits = String(value)
    var text = ""
    for (index, digit) in digits.enumerated() {
      if index > 0 && (digits.count - index) % 3 == 0 { text.append(",") }
      text.append(digit)
    }
    return text
  }

  /// What search and the speakers view cover while analysis is under way ("62,000 of 100,000
  /// stories indexed so far"); nil once everything is covered.
  func partialCoverage(_ what: String) -> String? {
    guard let coverage = analysisCoverage, coverage.covered < coverage.total else { return nil }
    return "\(Self.grouped(coverage.covered)) of \(Self.grouped(coverage.total)) stories \(what) so far"
  }
}
