import Foundation

/// Finds the files shipped beside the `herald` binary: the sample collection and the themes.
///
/// SwiftPM's generated `Bundle.module` stops the program when the bundle is missing; this looks
/// in the same places but answers nil instead, so a moved binary still runs on paths it is given.
public enum HeraldAssets {
  /// `Samples/`, the bundled article collection.
  public static var samplesDirectory: String? { directory(named: "Samples") }

  /// `themes/`, the bundled themes.
  public static var themesDirectory: String? { directory(named: "themes") }

  private static func directory(named name: String) -> String? {
    for bundle in bundleCandidates() {
      let path = bundle + "/" + name
      var isDirectory: ObjCBool = false
      if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
        return path
      }
    }
    return nil
  }

  private static func bundleCandidates() -> [String] {
    var candidates: [String] = []
    if let override = ProcessInfo.processInfo.environment["HERALD_ASSETS"], !override.isEmpty {
      candidates.append(override)
    }
    let executable = (Bundle.main.executablePath.map { URL(fileURLWithPath: $0).resolvingSymlinksInPath() })
    for directory in [executable?.deletingLastPathComponent().path, Bundle.main.bundlePath].compactMap({ $0 }) {
      for suffix in ["resources", "bundle"] {
        candidates.append("\(directory)/Herald_HeraldAssets.\(suffix)")
      }
      candidates.append("\(directory)/../share/herald")
    }
    return candidates
  }
}
