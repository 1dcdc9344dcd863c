/// Namespace URIs of the vocabularies feeds use. Elements are recognised by URI, whatever prefix
/// a feed gives them; the core sets include "no namespace" and, at run time, whatever unknown
/// namespace the root element declares (an Atom 0.3 feed with a made-up URI is still Atom).
enum FeedNamespace {
  static let rss: Set<String?> = [
    nil, "http://purl.org/rss/1.0/", "http://my.netscape.com/rdf/simple/0.9/", "http://backend.userland.com/rss2",
    "http://backend.userland.com/rss",
  ]
  static let atom: Set<String?> = ["http://www.w3.org/2005/Atom", "http://purl.org/atom/ns#"]
  static let atomOrNone: Set<String?> = atom.union([nil])
  static let content: Set<String?> = ["http://purl.org/rss/1.0/modules/content/"]
  static let dc: Set<String?> = ["http://purl.org/dc/elements/1.1/", "http://purl.org/dc/terms/"]
  static let dcterms: Set<String?> = ["http://purl.org/dc/terms/"]
  static let itunes: Set<String?> = [
    "http://www.itunes.com/dtds/podcast-1.0.dtd", "https://www.itunes.com/dtds/podcast-1.0.dtd",
    // As Apple's own examples once spelled it; namespace URIs compare exactly.
    "http://www.itunes.com/DTDs/Podcast-1.0.dtd", "http://www.itunes.com/DTDs/podcast-1.0.dtd",
  ]
  static let media: Set<String?> = [
    "http://search.yahoo.com/mrss/", "http://search.yahoo.com/mrss", "http://tools.search.yahoo.com/mrss/",
  ]
  static let xhtml: Set<String?> = [nil, "http://www.w3.org/1999/xhtml"]
  static let rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"

  /// Every URI above: a root element in none of them brings its own namespace into the core set.
  static let known: Set<String?> = rss.union(atom).union(content).union(dc).union(itunes).union(media).union(xhtml)
    .union([rdf])
}
