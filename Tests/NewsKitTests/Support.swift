import Foundation
import NewsKit

/// Fixture files shipped with the tests.
enum Fixture {
  static var directory: String {
    Bundle.module.resourcePath! + "/Fixtures"
  }

  static func path(_ name: String) -> String {
    directory + "/" + name
  }

  static func article(_ name: String) throws -> Article {
    try ArticleCollection.open(path: path(name))
  }
}
