import Foundation
#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Turns bytes in a legacy encoding (IBM code pages, Mac encodings, Shift_JIS, KOI8-R, UTF-16, …)
/// into UTF-8 a chunk at a time, through the C library's iconv, or a table for the two Mac
/// encodings glibc lacks. A byte that cannot be decoded becomes U+FFFD and decoding goes on.
final class LegacyDecoder {
  private enum Engine {
    case iconv(iconv_t)
    case table([UInt32])
  }

  private let engine: Engine
  /// The name iconv or the table knows the encoding by.
  let canonicalName: String

  /// A decoder for the encoding a feed, a BOM or an HTTP header names; nil when neither iconv
  /// nor a table knows it.
  init?(encoding name: String) {
    let wanted = Self.alias(for: name)
    if let table = MacEncodingTables.table(named: wanted) {
      engine = .table(table)
      canonicalName = wanted
      return
    }
    for candidate in [wanted, wanted.uppercased(), String(wanted.uppercased().trimmingPrefix("X-"))] {
      let handle = iconv_open("UTF-8", candidate)
      if handle != iconv_t(bitPattern: -1) {
        engine = .iconv(handle!)
        canonicalName = candidate
        return
      }
    }
    return nil
  }

  deinit {
    if case .iconv(let handle) = engine { iconv_close(handle) }
  }

  /// Decodes as much of `input` as forms whole characters, appending UTF-8 to `output`, and
  /// returns how many input bytes were used; at the end of input (`final`) everything is used.
  func decode(_ input: ArraySlice<UInt8>, final: Bool, into output: inout [UInt8]) -> Int {
    switch engine {
    case .table(let table):
      for byte in input {
        if byte < 0x80 { output.append(byte) } else { Self.appendUTF8(table[Int(byte) - 0x80], to: &output) }
      }
      return input.count
    case .iconv(let handle):
      return decodeWithIconv(handle, input, final: final, into: &output)
    }
  }

  private func decodeWithIconv(_ handle: iconv_t, _ input: ArraySlice<UInt8>, final: Bool, into output: inout [UInt8]) -> Int {
    var used = 0
    var scratch = [UInt8](repeating: 0, count: max(4096, input.count * 4))
    input.withUnsafeBufferPointer { source in
      guard let base = source.baseAddress else { return }
      while used < source.count {
        var inPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(mutating: base + used).assumingMemoryBound(to: CChar.self)
        var inLeft = source.count - used
        let (result, produced, code): (Int, Int, Int32) = scratch.withUnsafeMutableBufferPointer { target in
          var outPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(target.baseAddress!).assumingMemoryBound(to: CChar.self)
          var outLeft = target.count
          let result = iconv(handle, &inPointer, &inLeft, &outPointer, &outLeft)
          return (result, target.count - outLeft, errno)
        }
        output.append(contentsOf: scratch[0..<produced])
        used = source.count - inLeft
        if result != -1 { break }
        switch code {
        case E2BIG:
          continue
        case EINVAL where !final:
          // A character cut by the chunk's end: keep its bytes for the next chunk.
          return
        default:
          // EILSEQ, or a truncated character at the very end: show one replacement and go on.
          output.append(contentsOf: [0xEF, 0xBF, 0xBD])
          used += 1
        }
      }
    }
    return used
  }

  static func appendUTF8(_ value: UInt32, to output: inout [UInt8]) {
    switch value {
    case ..<0x80: output.append(UInt8(value))
    case ..<0x800:
      output.append(UInt8(0xC0 | (value >> 6)))
      output.append(UInt8(0x80 | (value & 0x3F)))
    case ..<0x10000:
      output.append(UInt8(0xE0 | (value >> 12)))
      output.append(UInt8(0x80 | ((value >> 6) & 0x3F)))
      output.append(UInt8(0x80 | (value & 0x3F)))
    default:
      output.append(UInt8(0xF0 | (value >> 18)))
      output.append(UInt8(0x80 | ((value >> 12) & 0x3F)))
      output.append(UInt8(0x80 | ((value >> 6) & 0x3F)))
      output.append(UInt8(0x80 | (value & 0x3F)))
    }
  }

  /// The names feeds and servers use, mapped to ones iconv (or a table here) knows; Shift_JIS and its relatives
  /// become CP932 (its superset, which is what Windows and most Japanese sites really send),
  /// GB2312 becomes GB18030 and EUC-KR CP949 for the same reason.
  static func alias(for name: String) -> String {
    let key = name.trimmingCharacters(in: .whitespaces).lowercased()
    let aliases: [String: String] = [
      "shift_jis": "CP932", "shift-jis": "CP932", "sjis": "CP932", "x-sjis": "CP932", "ms_kanji": "CP932",
      "windows-31j": "CP932", "csshiftjis": "CP932", "cp932": "CP932", "ms932": "CP932",
      "gb2312": "GB18030", "gbk": "GB18030", "x-gbk": "GB18030", "euc-kr": "CP949", "ks_c_5601-1987": "CP949",
      "macintosh": "MACINTOSH", "mac": "MACINTOSH", "macroman": "MACINTOSH", "mac-roman": "MACINTOSH",
      "x-mac-roman": "MACINTOSH", "x-mac-icelandic": "MACICELANDIC", "macicelandic": "MACICELANDIC", "mac-icelandic": "MACICELANDIC", "mac-is": "MACICELANDIC",
      "x-mac-ce": "MAC-CENTRALEUROPE", "x-mac-centraleurroman": "MAC-CENTRALEUROPE",
      "x-mac-centraleurope": "MAC-CENTRALEUROPE", "maccentraleurope": "MAC-CENTRALEUROPE", "mac-ce": "MAC-CENTRALEUROPE",
      "maclatin2": "MAC-CENTRALEUROPE", "x-mac-cyrillic": "MAC-CYRILLIC", "maccyrillic": "MAC-CYRILLIC",
      "x-mac-greek": "MACGREEK", "macgreek": "MACGREEK", "mac-greek": "MACGREEK",
      "x-mac-turkish": "MACTURKISH", "macturkish": "MACTURKISH", "mac-turkish": "MACTURKISH",
      "iso-8859-8-i": "ISO-8859-8", "windows-874": "CP874", "x-cp1251": "CP1251", "x-euc-jp": "EUC-JP",
      "utf-16": "UTF-16", "utf16": "UTF-16",
    ]
    if let known = aliases[key] { return known }
    // Written the way real feeds write them: with underscores or none ("windows_1251",
    // "maciceland"), with IANA's "cs" names ("csIBM861", "csKOI8R"), or Python's ("cp_is").
    let compact = String(key.unicodeScalars.filter { $0.properties.isAlphabetic || ("0"..."9").contains($0) })
    if let known = aliases[compact] ?? compactAliases[compact] { return known }
    for (prefix, canonical) in [("windows", "CP"), ("csibm", "IBM"), ("csiso", "ISO"), ("ibm", "IBM"), ("cp", "CP"), ("ms", "CP")]
    where compact.hasPrefix(prefix) {
      // "ibm-437", "ibm_850", "cp-866", "windows_1251", "csIBM861" → "IBM437", "IBM850",
      // "CP866", "CP1251", "IBM861".
      let digits = compact.dropFirst(prefix.count)
      if !digits.isEmpty, digits.allSatisfy(\.isNumber) { return canonical + digits }
    }
    // A bare code page number ("437", "850"), as Python reads one.
    if !compact.isEmpty, compact.count <= 5, compact.allSatisfy(\.isNumber) { return "CP" + compact }
    if compact.hasPrefix("cs"), let known = aliases[String(compact.dropFirst(2))] ?? compactAliases[String(compact.dropFirst(2))] {
      return known
    }
    return name
  }

  /// Names with their punctuation taken out that iconv does not know as such: IANA's
  /// registry of character sets (the `cs` aliases) and Python's codec aliases.
  private static let compactAliases: [String: String] = [
    "cpis": "CP861", "ibm039": "IBM037", "ebcdiccpbe": "IBM500", "ebcdiccpca": "IBM037", "ebcdiccpch": "IBM500",
    "ebcdiccpnl": "IBM037", "ebcdiccpus": "IBM037", "ebcdiccpwt": "IBM037", "cspc775baltic": "CP775",
    "cspc850multilingual": "CP850", "cspc862latinhebrew": "CP862", "cspc8codepage437": "CP437", "cspcp852": "CP852",
    "koi8r": "KOI8-R", "koi8u": "KOI8-U", "koi8t": "KOI8-T", "koi8ru": "KOI8-RU", "cskoi8r": "KOI8-R",
    "maciceland": "MACICELANDIC", "macicelandic": "MACICELANDIC", "maclatin2": "MAC-CENTRALEUROPE",
    "maccentraleurope": "MAC-CENTRALEUROPE", "maccyrillic": "MAC-CYRILLIC", "macgreek": "MACGREEK",
    "macturkish": "MACTURKISH", "macroman": "MACINTOSH", "macintosh": "MACINTOSH", "csmacintosh": "MACINTOSH",
    "csisolatin1": "ISO-8859-1", "csisolatin2": "ISO-8859-2", "csisolatin3": "ISO-8859-3", "csisolatin4": "ISO-8859-4",
    "csisolatincyrillic": "ISO-8859-5", "csisolatinarabic": "ISO-8859-6", "csisolatingreek": "ISO-8859-7",
    "csisolatinhebrew": "ISO-8859-8", "csisolatin5": "ISO-8859-9", "csisolatin6": "ISO-8859-10",
    "shiftjis": "CP932", "csshiftjis": "CP932", "sjis": "CP932", "mskanji": "CP932", "cseuckr": "CP949", "euckr": "CP949",
    "csgb2312": "GB18030", "gb2312": "GB18030", "csbig5": "BIG5", "big5tw": "BIG5", "eucjp": "EUC-JP", "cseucpkdfmtjapanese": "EUC-JP",
    "utf8": "UTF-8", "utf16": "UTF-16", "utf16le": "UTF-16LE", "utf16be": "UTF-16BE", "utf32": "UTF-32",
    "usascii": "ASCII", "csascii": "ASCII", "tis620": "TIS-620", "hz": "HZ", "big5hkscs": "BIG5-HKSCS",
  ]
}
