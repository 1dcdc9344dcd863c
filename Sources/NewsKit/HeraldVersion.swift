/// The version `herald --version` prints and feeds' User-Agent will name.
public enum HeraldVersion {
  public static let current = "0.1.0"
}
