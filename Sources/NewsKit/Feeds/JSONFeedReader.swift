import Foundation

/// JSON Feed 1.0 and 1.1, read whole (JSON has no streaming reader here; JSON feeds are small).
enum JSONFeedReader {
  static func parse(_ bytes: [UInt8], location: String) throws(FeedError) -> (FeedInfo, [FeedItem]) {
    let object: Any
    do {
      object = try JSONSerialization.jsonObject(with: Data(JSONSurrogates.replacingLoneHalves(bytes)))
    } catch {
      throw FeedError(location: location, message: "not valid JSON: \((error as NSError).localizedDescription)")
    }
    guard let feed = object as? [String: Any] else {
      throw FeedError(location: location, message: "a JSON Feed is an object")
    }
    guard let version = feed["version"] as? String, version.containsBytes("jsonfeed.org/version/1") else {
      throw FeedError(location: location, message: "not a JSON Feed: no \"version\" of https://jsonfeed.org/version/1 or 1.1")
    }
    let base = feed["feed_url"] as? String ?? (location.containsBytes("://") ? location : nil)
    let info = FeedInfo(
      title: (feed["title"] as? String)?.trimmed, link: resolveLink(feed["home_page_url"] as? String, base: base),
      description: (feed["description"] as? String)?.trimmed)
    let feedAuthor = authorName(feed)
    let items = feed["items"] as? [Any] ?? []
    let fields = items.compactMap { value -> FeedItem? in
      guard let entry = value as? [String: Any] else { return nil }
      var item = FeedItem()
      item.guid = (entry["id"] as? String) ?? (entry["id"] as? NSNumber)?.stringValue
      item.title = (entry["title"] as? String).map(FeedItem.Body.text)
      item.link = resolveLink((entry["url"] as? String) ?? (entry["external_url"] as? String), base: base)
      item.base = item.link ?? base
      item.author = authorName(entry) ?? feedAuthor
      item.published = (entry["date_published"] as? String).flatMap(FeedDate.parse)
      item.updated = (entry["date_modified"] as? String).flatMap(FeedDate.parse)
      if let html = entry["content_html"] as? String {
        item.content = .html(html)
      } else if let text = entry["content_text"] as? String {
        item.content = .text(text)
      }
      if let summary = entry["summary"] as? String { item.summary = .text(summary) }
      item.enclosures = (entry["attachments"] as? [[String: Any]] ?? []).compactMap { attachment in
        resolveLink(attachment["url"] as? String, base: base).map {
          Enclosure(url: $0, type: attachment["mime_type"] as? String, length: (attachment["size_in_bytes"] as? NSNumber)?.intValue)
        }
      }
      item.source = info.title
      item.feedKey = info.key(or: location)
      item.location = location
      return item
    }
    return (info, fields)
  }

  /// JSON Feed 1.1's `authors` list, or 1.0's `author`.
  private static func authorName(_ object: [String: Any]) -> String? {
    if let authors = object["authors"] as? [[String: Any]], let name = authors.first?["name"] as? String { return name }
    return (object["author"] as? [String: Any])?["name"] as? String
  }
}
