import Foundation

/// Where the library lives: `--library PATH`, else `HERALD_LIBRARY`, else
/// `$XDG_DATA_HOME/herald/library.sqlite` (`~/.local/share/herald/` when XDG_DATA_HOME is unset
/// or not absolute, as the XDG spec says).
public enum LibraryLocation {
  public static func resolve(explicit: String?, environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
    if let explicit, !explicit.isEmpty { return explicit }
    if let named = environment["HERALD_LIBRARY"], !named.isEmpty { return named }
    let dataHome: String
    if let xdg = environment["XDG_DATA_HOME"], xdg.hasPrefix("/") {
      dataHome = xdg
    } else {
      dataHome = (environment["HOME"] ?? NSHomeDirectory()) + "/.local/share"
    }
    return dataHome + "/herald/library.sqlite"
  }
}
