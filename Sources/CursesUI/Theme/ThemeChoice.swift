/// Which theme the reader starts with: `--theme` first; then `mono` when NO_COLOR is set; then
/// the config's `theme`; then `default`. A theme that cannot be loaded is reported and the next
/// choice is tried, down to a plain theme with no styles, so the reader always starts.
public enum ThemeChoice {
  public static func resolve(
    commandLine: String?, config: String?, environment: [String: String], catalog: ThemeCatalog
  ) -> (Theme, [ThemeProblem]) {
    var problems: [ThemeProblem] = []
    let noColour = environment["NO_COLOR"].map { !$0.isEmpty } ?? false
    let candidates = [commandLine, noColour ? "mono" : nil, config, "default"].compactMap { $0 }
    for candidate in candidates {
      let (theme, found) = catalog.load(candidate)
      problems += found
      if let theme { return (theme, problems) }
    }
    return (Theme(name: "plain", styles: [:]), problems)
  }
}
