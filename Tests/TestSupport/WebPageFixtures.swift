import Foundation

/// The web pages the tests read and serve: one copy in the repository
/// (Tests/NewsKitTests/Fixtures/pages), found from this file, for every test target.
public enum WebPageFixtures {
  public static var directory: String {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("NewsKitTests/Fixtures/pages").path
  }

  public static func path(_ name: String) -> String { directory + "/" + name }
}
