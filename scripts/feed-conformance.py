#!/usr/bin/env python3
"""Score Herald's feed parser against the test corpus of Python's feedparser.

    scripts/feed-conformance.py CORPUS_DIR [--herald BINARY] [--report FILE] [--jobs N]
                                [--no-sanitize] [--timeout S] [--verbose]

CORPUS_DIR is a copy of feedparser's `tests/` folder (github.com/kurtmckee/feedparser), or the
folder holding it; keep it outside the repository. Nothing of feedparser is imported or copied:
the corpus is read as data. Python 3 standard library only. The binary is copied to a
temporary folder first, so a build replacing it mid-run cannot mix two versions.

What is run
-----------
Every file under wellformed/, illformed/, encoding/, entities/ and json/ whose header comment
holds `Description:` and `Expect:` (feedparser's own pattern), given to
`herald show --json FILE` with a timeout (5 s). A non-zero exit without a signal (Herald refused
the file: "not XML that can be read as a feed", ...) is output-free: no feed fields, no
entries. A timeout or a signal is counted apart and listed; its applicable expectations count
as missed.

Also run: the `test_encoding` cases of tests/test_encoding.py, one generated Atom 0.3 feed per
encoding name listed there (read from that file with `ast` at run time), declaring the encoding,
encoded in it, with the byte 0x80 of that encoding as its title; written to a temporary folder.
Scored: `feed['title'] == b'\\x80'.decode(name)` (its `encoding == name` half is document-level).

Skipped (listed with the reason):
  * files feedparser's suite fetches over HTTP (a path containing "http") whose meaning depends
    on the exchange: a `Header:` other than Content-type, an expectation naming the document URL
    (127.0.0.1), a docuri / Content-Location base. The other HTTP files (Content-type only,
    expectation about content) are read as plain files, as a saved copy would be: WITHOUT the
    HTTP charset (encoding/http_text_xml_charset_2.xml is then a document that declares no
    encoding, with Windows-1252 bytes).
  * LEFT_OUT below: wellformed/sanitize/*_crazy.xml, whose expected value keeps the text of a
    <title> and part of a <script> that feedparser's sanitizer leaks.
  * files with no Expect line. `SkipUnless:` is ignored (it guards `encoding` expectations,
    which are not applicable anyway).
  * --no-sanitize leaves out wellformed/sanitize/ altogether.

The namespace an expectation is evaluated in
--------------------------------------------
Herald's JSON is {"feed": {title, link, description}, "articles": [{id, headline, source, link,
author, published, updated, paragraphs, quotes, links}]}. It becomes a feedparser-like result
after feedparser's own key aliases (channel->feed, items->entries, guid->id, description->
summary (entry) / subtitle (feed), tagline->subtitle, issued->published, modified and date->
updated, url->href).

  feedparser key                          Herald field
  feed.title, feed.title_detail.value     feed.title
  feed.link                               feed.link
  feed.subtitle (description, tagline),   feed.description
    feed.subtitle_detail.value
  entries, len(entries)                   articles, in order
  entries[i].title, .title_detail.value   headline; absent when Herald made it up (the
                                          "(untitled)" placeholder, or the first paragraph's
                                          first 80 characters when the item has no title)
  entries[i].link                         link
  entries[i].id (guid)                    id, unless it is Herald's 16-hex-digit hash
  entries[i].author, .author_detail.name, author (a name); an expected "Name (email)" is also
    .authors[0].name                        met by the name alone (Herald keeps the name)
  entries[i].summary (description),       the body: paragraphs joined by a space (text below)
    .summary_detail.value, .content[0].value
  entries[i].published(_parsed), issued   published
  entries[i].updated(_parsed), modified,  updated, else published (feedparser's own fallback:
    date                                    its `updated` gives `published` when absent)
  entries[i].enclosures[j].href / url     the links after the body's numbered links

Absent text fields read as "" in a comparison (Herald drops empty text where feedparser keeps
`<description/>` as ""); `in`, has_key() and get() still see them as absent.

Dates are compared as instants (UTC, whole seconds): a 9-tuple / struct_time by its first six
fields, a string by parsing it (RFC 822 or ISO 8601 / W3C-DTF), a datetime as it is.
URLs (link, id, enclosure, body links) are compared percent-decoded (an IRI and its URI agree).

Text is compared after the normalisation feedparser's expected values imply. feedparser gives
HTML for HTML content and raw text for text content; Herald gives text for both. An expected
string is met when Herald's value, white space collapsed (any Unicode white space, as Herald
collapses it), equals either
  * the expected string, white space collapsed (text content), or
  * the expected string read as HTML and written as Herald writes HTML as text: tags dropped,
    entities decoded, blocks and <br> separate words, <script>/<style>/<svg>/<math> content
    dropped, a link with an http(s)/mailto href followed by [n], an image as [image: alt] or
    [image], a list item starting "• ", <q> in curly quotes. For a body, the expected links
    must also be the first of Herald's `links`, in order; for titles and descriptions the [n]
    marks are not compared (Herald lists no links for them).

Not applicable (counted and listed by reason)
---------------------------------------------
An expectation is split at its top-level `and`. A clause naming only document-level results
(bozo, bozo_exception, encoding, version, namespaces, headers, status, href, etag, modified,
feedparser.*) is dropped: Herald reports no well-formedness flag, detected encoding, feed
version or HTTP metadata. The expectation is then not applicable when
  * nothing is left (`Expect: bozo`, `Expect: 1`, `not bozo and encoding == ...`);
  * a clause left reads a key Herald does not model (checked on a probe namespace first, so it
    does not depend on what Herald output): any *_detail key but value (type, language, base,
    ...), every feed-level key but title/link/subtitle (author, dates, id, image, links, tags,
    generator, rights, info, ...), entry tags, links (the list of dicts), contributors, source,
    comments, rights, created, expired, license, enclosure type/length, authors[1:] and
    content[1:] (Herald keeps one author and one body), media_*, itunes_*, psc_*, georss
    `where`, xml:lang, and any key not in the table above;
  * an expected value is markup with no text (empty elements, SVG, MathML, an image without
    alt): feedparser's sanitizer tests of which tags and attributes survive, of which a plain
    text reader shows nothing;
  * it compares both an entry's summary and its content, or it reads `summary` of an item that
    has both a summary (description, summary, abstract) and a fuller body (content,
    content:encoded, body): Herald shows the fuller body and keeps no summary.
"""

from __future__ import annotations

import argparse
import ast
import builtins
import concurrent.futures
import datetime
import email.utils
import html
import html.parser
import json
import os
import pathlib
import re
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.parse
from collections import Counter, defaultdict

# ---------------------------------------------------------------------------------------------
# The corpus

def header_comment(text: str):
    """(description, expectation, header names) from a corpus file's leading comment: its
    `Description:` and `Expect:` lines (the expectation is one line) and `Header:` lines."""
    comment = text.split("-->", 1)[0]
    fields = {}
    headers = []
    for line in comment.splitlines():
        if line.strip().startswith("Header:"):
            headers.append(line.strip()[len("Header:"):].split(":", 1)[0].strip().lower())
        # Usually a line each; JSON Feed tests hold both in one string ("Description: ... Expect: ...").
        for name, end in (("Description", "Expect:"), ("Expect", None)):
            at = line.find(name + ":")
            if at >= 0 and name not in fields:
                value = line[at + len(name) + 1:]
                if end and end in value:
                    value = value.split(end, 1)[0]
                fields[name] = value.strip()
    if "Expect" not in fields:
        return None
    return fields.get("Description", ""), fields["Expect"], headers
FOLDERS = ["wellformed", "illformed", "encoding", "entities", "json"]


def decode_for_header(data: bytes) -> str:
    """The file's text as feedparser's test helper reads it to find the header comment."""
    boms = [
        (b"\x00\x00\xfe\xff", "utf-32be"), (b"\xff\xfe\x00\x00", "utf-32le"),
        (b"\x00\x00\x00\x3c", "utf-32be"), (b"\x3c\x00\x00\x00", "utf-32le"),
        (b"\x00\x3c\x00\x3f", "utf-16be"), (b"\x3c\x00\x3f\x00", "utf-16le"),
    ]
    for bom, enc in boms:
        if data[:4] == bom:
            return data.decode(enc, errors="ignore")
    if data[:2] == b"\xfe\xff":
        return data[2:].decode("utf-16be", errors="ignore")
    if data[:2] == b"\xff\xfe":
        return data[2:].decode("utf-16le", errors="ignore")
    if data[:3] == b"\xef\xbb\xbf":
        return data[3:].decode("utf-8", errors="ignore")
    return data.decode("utf-8", errors="ignore")


class Case:
    def __init__(self, path, rel, group, description, expect, text, synthetic=False):
        self.path = path          # what herald reads
        self.rel = rel            # shown in the report
        self.group = group        # corpus sub-folder
        self.description = description
        self.expect = expect
        self.text = text          # the file as text, for the summary/content check
        self.synthetic = synthetic


def http_skip_reason(rel: str, headers: list, expect: str) -> str | None:
    """Why an HTTP-fetched corpus file cannot be run as a plain file, or None."""
    if "http" not in rel:
        return None
    if any(h != "content-type" for h in headers):
        return "needs HTTP headers (%s)" % ", ".join(sorted(set(headers)))
    if "127.0.0.1" in expect or "docuri" in rel or "content_location" in rel:
        return "needs the HTTP document URL / Content-Location"
    return None


def find_corpus(root: pathlib.Path) -> pathlib.Path:
    if (root / "wellformed").is_dir():
        return root
    if (root / "tests" / "wellformed").is_dir():
        return root / "tests"
    sys.exit(f"feed-conformance: no wellformed/ folder in {root} or {root}/tests")


# Expectations left out by name, each for the reason given (shown in the report).
LEFT_OUT = {
    re.compile(r"wellformed/sanitize/.*_crazy\.xml$"):
        "expected value keeps the <title> text and part of a <script> that feedparser's sanitizer leaks",
}


def load_cases(corpus: pathlib.Path, include_sanitize: bool, skipped: list):
    cases = []
    for folder in FOLDERS:
        base = corpus / folder
        if not base.is_dir():
            continue
        for path in sorted(base.rglob("*")):
            if not path.is_file() or path.suffix not in (".xml", ".json", ".rdf", ".rss", ".atom"):
                continue
            rel = path.relative_to(corpus).as_posix()
            group = str(pathlib.PurePosixPath(rel).parent)
            data = path.read_bytes()
            text = decode_for_header(data)
            fields = header_comment(text)
            if not fields:
                skipped.append((rel, "no Expect line"))
                continue
            description, expect, headers = fields
            if group == "wellformed/sanitize" and not include_sanitize:
                skipped.append((rel, "sanitizer tests left out (--no-sanitize)"))
                continue
            reason = next((why for pattern, why in LEFT_OUT.items() if pattern.search(rel)), None)
            reason = reason or http_skip_reason(rel, headers, expect)
            if reason:
                skipped.append((rel, reason))
                continue
            cases.append(Case(str(path), rel, group, description, expect, text))
    return cases


def synthetic_encoding_cases(corpus: pathlib.Path, workdir: pathlib.Path, skipped: list):
    """test_encoding.py's parametrised `test_encoding`: one generated feed per encoding name."""
    source = corpus / "test_encoding.py"
    if not source.is_file():
        return []
    names = []
    for node in ast.walk(ast.parse(source.read_text())):
        if isinstance(node, ast.FunctionDef) and node.name == "test_encoding":
            for deco in node.decorator_list:
                if isinstance(deco, ast.Call) and len(deco.args) == 2 and isinstance(deco.args[1], (ast.Tuple, ast.List)):
                    names = [e.value for e in deco.args[1].elts if isinstance(e, ast.Constant)]
    cases = []
    for name in names:
        rel = f"test_encoding.py::test_encoding[{name}]"
        try:
            expected = b"\x80".decode(name)
        except (LookupError, UnicodeDecodeError) as error:
            skipped.append((rel, f"this Python cannot decode with {name}: {error}"))
            continue
        data = (
            f'<?xml version="1.0" encoding="{name}"?>\n'
            f'        <feed version="0.3" xmlns="http://purl.org/atom/ns#">\n'
            f"        <title>{expected}</title>\n"
            f"        </feed>"
        ).encode(name)
        path = workdir / f"encoding-{name}.xml"
        path.write_bytes(data)
        expect = f"encoding == {name!r} and feed['title'] == {expected!r}"
        cases.append(Case(str(path), rel, "test_encoding.py (generated)", f"XML declaration {name}", expect, "", True))
    return cases


# ---------------------------------------------------------------------------------------------
# Running Herald


def run_herald(binary: str, case: Case, timeout: float):
    """(status, json-or-None, detail): status is ok, refused, timeout or crash."""
    try:
        proc = subprocess.run([binary, "show", "--json", case.path], capture_output=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return "timeout", None, f"no answer within {timeout:g} s"
    except OSError as error:
        return "crash", None, f"could not run: {error}"
    if proc.returncode < 0:
        return "crash", None, f"signal {-proc.returncode}: " + proc.stderr.decode("utf-8", "replace").strip()[-300:]
    if proc.returncode != 0:
        return "refused", None, proc.stderr.decode("utf-8", "replace").strip()[-300:]
    try:
        return "ok", json.loads(proc.stdout.decode("utf-8")), proc.stderr.decode("utf-8", "replace").strip()
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        return "crash", None, f"exit 0 but output is not JSON: {error}"


# ---------------------------------------------------------------------------------------------
# Normalisation

WHITESPACE = re.compile(r"\s+")


def collapse(text: str) -> str:
    """White space collapsed as Herald collapses it: any run of Unicode white space (U+00A0,
    U+2002, U+2009, ... included) is one space."""
    return WHITESPACE.sub(" ", text).strip(" ")


BLOCKS = {
    "p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "tr", "section", "article", "header",
    "footer", "aside", "figure", "figcaption", "table", "tbody", "thead", "tfoot", "ul", "ol", "dl", "dt",
    "dd", "hr", "address", "main", "nav", "details", "summary", "center", "body", "html", "caption",
    "blockquote", "br",
}
DROPPED = {"script", "style", "noscript", "template", "head", "title", "svg", "math", "button", "select", "textarea"}


class HTMLAsText(html.parser.HTMLParser):
    """Expected HTML written as plain text the way Herald's JSON writes HTML bodies."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.links: list[str] = []
        self.dropping = 0
        self.anchors: list[str | None] = []
        self.bullets: list[int] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in DROPPED:
            self.dropping += 1
            return
        if self.dropping:
            return
        if tag in BLOCKS:
            self.parts.append(" ")
            if tag == "li":
                self.bullets.append(len(self.parts))
                self.parts.append("• ")
        if tag == "img":
            alt = (attrs.get("alt") or "").strip()
            self.parts.append(f" [image: {alt}] " if alt else " [image] ")
        elif tag == "q":
            self.parts.append("\u201c")
        elif tag == "a":
            href = (attrs.get("href") or "").strip()
            ok = href and not href.startswith("#") and re.match(r"(?i)(https?|mailto):", href)
            self.anchors.append(href if ok else None)

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag in ("a", "q") or tag in DROPPED:
            self.handle_endtag(tag)

    def handle_endtag(self, tag):
        if tag in DROPPED:
            self.dropping = max(0, self.dropping - 1)
            return
        if self.dropping:
            return
        if tag == "li" and self.bullets:
            # Herald writes no bullet for an empty list item.
            at = self.bullets.pop()
            if not "".join(self.parts[at + 1:]).strip():
                self.parts[at] = ""
        if tag in BLOCKS:
            self.parts.append(" ")
        elif tag == "q":
            self.parts.append("\u201d")
        elif tag == "a" and self.anchors:
            href = self.anchors.pop()
            if href:
                self.links.append(href)
                self.parts.append(f"[{len(self.links)}]")

    def handle_data(self, data):
        if not self.dropping:
            self.parts.append(data)


def html_as_text(value: str):
    parser = HTMLAsText()
    try:
        parser.feed(value)
        parser.close()
    except Exception:  # malformed expected markup: fall back to the raw string only
        return None, []
    return collapse("".join(parser.parts)), parser.links


def author_variants(expected: str) -> set[str]:
    """"Name (email)" / "email (Name)": Herald keeps the name."""
    out = set()
    m = re.fullmatch(r"\s*(.*?)\s*\((.*?)\)\s*", expected)
    if m:
        for part in m.groups():
            if part and "@" not in part:
                out.add(collapse(part))
    return out


class HText(str):
    """A Herald text value: equal to an expected string under the normalisation above."""

    kind = "text"       # text, body, author
    links: list = []

    def __new__(cls, value, kind="text", links=()):
        obj = super().__new__(cls, value)
        obj.kind = kind
        obj.links = list(links)
        return obj

    def _matches(self, other: str) -> bool:
        mine = collapse(str(self))
        if mine == collapse(other):
            return True
        if self.kind == "url":
            return urllib.parse.unquote(mine) == urllib.parse.unquote(collapse(other))
        as_text, links = html_as_text(other)
        if as_text is not None and self.kind != "body":
            # Titles and descriptions carry no link list: link markers are not compared.
            mine, as_text = collapse(MARKER.sub("", mine)), collapse(MARKER.sub("", as_text))
        if as_text is not None and mine == as_text:
            if self.kind == "body" and links and [urllib.parse.unquote(u) for u in self.links[: len(links)]] != [
                urllib.parse.unquote(u) for u in links
            ]:
                return False
            return True
        if self.kind == "author" and mine in author_variants(other):
            return True
        return False

    def __eq__(self, other):
        if isinstance(other, str):
            return self._matches(other)
        return NotImplemented

    def __ne__(self, other):
        result = self.__eq__(other)
        return result if result is NotImplemented else not result

    __hash__ = str.__hash__


def parse_date(text: str):
    text = text.strip()
    try:
        value = email.utils.parsedate_to_datetime(text)
        if value is not None:
            if value.tzinfo is None:
                value = value.replace(tzinfo=datetime.timezone.utc)
            return value.astimezone(datetime.timezone.utc)
    except (TypeError, ValueError, IndexError):
        pass
    m = re.fullmatch(
        r"(\d{4})(?:-?(\d{2})(?:-?(\d{2})(?:[T ](\d{2}):?(\d{2})(?::?(\d{2})(?:[.,]\d+)?)?)?)?)?\s*(Z|[+-]\d{2}:?\d{2})?",
        text,
    )
    if not m:
        return None
    y, mo, d, h, mi, s, zone = m.groups()
    value = datetime.datetime(int(y), int(mo or 1), int(d or 1), int(h or 0), int(mi or 0), int(s or 0),
                              tzinfo=datetime.timezone.utc)
    if zone and zone != "Z":
        sign = 1 if zone[0] == "+" else -1
        digits = zone[1:].replace(":", "")
        value -= sign * datetime.timedelta(hours=int(digits[:2]), minutes=int(digits[2:]))
    return value


class HDate:
    """A Herald date (ISO 8601, UTC): equal to a 9-tuple, a date string or a datetime for the
    same instant."""

    def __init__(self, iso: str):
        self.iso = iso
        self.value = parse_date(iso)

    def __eq__(self, other):
        if self.value is None:
            return False
        if isinstance(other, (tuple, list)) or type(other).__name__ == "struct_time":
            fields = tuple(other)[:6]
            return tuple(self.value.timetuple())[:6] == fields
        if isinstance(other, str):
            return parse_date(other) == self.value
        if isinstance(other, datetime.datetime):
            if other.tzinfo is None:
                other = other.replace(tzinfo=datetime.timezone.utc)
            return other == self.value
        if isinstance(other, HDate):
            return other.value == self.value
        return NotImplemented

    def __ne__(self, other):
        result = self.__eq__(other)
        return result if result is NotImplemented else not result

    __hash__ = None

    def __repr__(self):
        return f"<Herald date {self.iso}>"


# ---------------------------------------------------------------------------------------------
# The feedparser-like result


class NotModelled(Exception):
    def __init__(self, key):
        super().__init__(key)
        self.key = key


ALIASES = {
    "channel": "feed", "items": "entries", "guid": "id", "date": "updated", "date_parsed": "updated_parsed",
    "modified": "updated", "modified_parsed": "updated_parsed", "issued": "published",
    "issued_parsed": "published_parsed", "tagline": "subtitle", "tagline_detail": "subtitle_detail",
    "copyright": "rights", "copyright_detail": "rights_detail", "url": "href",
}


class FPDict:
    """A dict whose keys are either modelled (present or absent) or not modelled at all: reading
    a key that is not modelled raises NotModelled, which makes the expectation not applicable."""

    def __init__(self, where, modelled, values, aliases=None, empty=None):
        self._where = where
        self._modelled = set(modelled)
        self._values = values
        # Text keys that read as "" when Herald has no value: Herald drops empty text, where
        # feedparser keeps "" (`<description/>`). `in`, has_key and get still see the absence.
        self._empty = empty or {}
        self._aliases = dict(ALIASES)
        self._aliases.update(aliases or {})

    def _key(self, key):
        real = self._aliases.get(key, key)
        if isinstance(real, (list, tuple)):
            real = next((k for k in real if k in self._values), real[0])
        if real not in self._modelled:
            raise NotModelled(f"{self._where}.{key}")
        return real

    def __getitem__(self, key):
        real = self._key(key)
        if real not in self._values and real in self._empty:
            return self._empty[real]
        return self._values[real]

    def __getattr__(self, key):
        if key.startswith("_"):
            raise AttributeError(key)
        try:
            return self[key]
        except KeyError:
            raise AttributeError(key) from None

    def __contains__(self, key):
        return self._key(key) in self._values

    def has_key(self, key):
        return key in self

    def get(self, key, default=None):
        real = self._key(key)
        return self._values.get(real, default)

    def keys(self):
        raise NotModelled(f"{self._where}.keys()")

    def __eq__(self, other):
        raise NotModelled(f"{self._where} compared whole")

    __hash__ = None

    def __repr__(self):
        return repr({k: v for k, v in self._values.items()})


class FirstOnly(list):
    """A list of which Herald models the first element only (one author, one body)."""

    def __init__(self, where, items):
        super().__init__(items)
        self._where = where

    def __getitem__(self, index):
        if not isinstance(index, int) or index not in (0, -1) or (index == -1 and len(self) > 1):
            raise NotModelled(f"{self._where}[{index}]")
        return list.__getitem__(self, index)

    def __len__(self):
        raise NotModelled(f"len({self._where})")

    def __iter__(self):
        raise NotModelled(f"{self._where} iterated")

    def __eq__(self, other):
        raise NotModelled(f"{self._where} compared whole")

    __hash__ = None


HASH_ID = re.compile(r"[0-9a-f]{16}")
MARKER = re.compile(r"\[(\d+)\]")
SUMMARY_TAG = re.compile(r"<(?:[\w-]+:)?(?:description|summary|abstract)\b", re.I)
TITLE_TAG = re.compile(r"<(?:[\w-]+:)?title\b", re.I)
CONTENT_TAG = re.compile(r"<(?:[\w-]+:)?(?:content|encoded|body)\b", re.I)


def detail(where, value):
    return FPDict(where, ["value"], {} if value is None else {"value": value}, empty={"value": HText("")})


def build_result(data, case: Case):
    """feedparser's {feed, entries} from Herald's JSON (None: Herald gave nothing)."""
    feed_json = (data or {}).get("feed") or {}
    feed_values = {}
    if feed_json.get("title") is not None:
        feed_values["title"] = HText(feed_json["title"])
        feed_values["title_detail"] = detail("feed.title_detail", feed_values["title"])
    if feed_json.get("link") is not None:
        feed_values["link"] = HText(feed_json["link"], "url")
    if feed_json.get("description") is not None:
        feed_values["subtitle"] = HText(feed_json["description"])
        feed_values["subtitle_detail"] = detail("feed.subtitle_detail", feed_values["subtitle"])
    feed = FPDict("feed", ["title", "title_detail", "link", "subtitle", "subtitle_detail"], feed_values,
                  {"description": "subtitle", "description_detail": "subtitle_detail"},
                  empty={"title": HText(""), "subtitle": HText(""), "title_detail": detail("feed.title_detail", None),
                         "subtitle_detail": detail("feed.subtitle_detail", None)})

    # An item with both a summary and a fuller body: Herald shows the body and keeps no summary.
    after_first_item = re.split(r"<(?:[\w-]+:)?(?:item|entry)\b", case.text, maxsplit=1, flags=re.I)
    item_text = after_first_item[1] if len(after_first_item) > 1 else ""
    two_bodies = bool(SUMMARY_TAG.search(item_text) and CONTENT_TAG.search(item_text))

    entries = []
    for i, article in enumerate((data or {}).get("articles") or []):
        where = f"entries[{i}]"
        paragraphs = article.get("paragraphs") or []
        links = article.get("links") or []
        values = {}
        headline = article.get("headline")
        made_up = headline == "(untitled)" or (
            bool(paragraphs) and headline == collapse(paragraphs[0])[:80] and not TITLE_TAG.search(item_text))
        if headline is not None and not made_up:
            values["title"] = HText(headline)
            values["title_detail"] = detail(where + ".title_detail", values["title"])
        if article.get("link") is not None:
            values["link"] = HText(article["link"], "url")
        ident = article.get("id")
        if ident is not None and not HASH_ID.fullmatch(ident):
            values["id"] = HText(ident, "url")
        if article.get("author") is not None:
            values["author"] = HText(article["author"], "author")
            values["author_detail"] = FPDict(where + ".author_detail", ["name"], {"name": HText(article["author"])})
            values["authors"] = FirstOnly(where + ".authors", [FPDict(where + ".authors[0]", ["name"], {"name": HText(article["author"])})])
        if paragraphs:
            numbered = [int(n) for p in paragraphs for n in MARKER.findall(p) if 0 < int(n) <= len(links)]
            body = HText(" ".join(paragraphs), "body", links)
            values["content"] = FirstOnly(where + ".content", [FPDict(where + ".content[0]", ["value"], {"value": body})])
            if not two_bodies:
                values["summary"] = body
                values["summary_detail"] = detail(where + ".summary_detail", body)
            enclosures = links[max(numbered, default=0):]
        else:
            enclosures = links
        values["enclosures"] = [
            FPDict(f"{where}.enclosures[{j}]", ["href"], {"href": HText(url, "url")}) for j, url in enumerate(enclosures)
        ]
        published = article.get("published")
        updated = article.get("updated") or published
        if published:
            values["published"] = values["published_parsed"] = HDate(published)
        if updated:
            values["updated"] = values["updated_parsed"] = HDate(updated)
        modelled = ["title", "title_detail", "link", "id", "author", "author_detail", "authors", "content",
                    "enclosures", "published", "published_parsed", "updated", "updated_parsed"]
        if not two_bodies:
            modelled += ["summary", "summary_detail"]
        empty_body = FirstOnly(where + ".content", [detail(where + ".content[0]", HText("", "body"))])
        empty = {"title": HText(""), "title_detail": detail(where + ".title_detail", None), "content": empty_body,
                 "summary": HText("", "body"), "summary_detail": detail(where + ".summary_detail", None)}
        entries.append(FPDict(where, modelled, values, {"description": "summary", "description_detail": "summary_detail"},
                              empty))
    return feed, entries


DOCUMENT_LEVEL = {"bozo", "bozo_exception", "encoding", "version", "namespaces", "headers", "status", "href",
                  "etag", "modified", "modified_parsed", "feedparser"}


class Namespace(dict):
    def __init__(self, feed, entries):
        super().__init__()
        self.feed, self.entries = feed, entries

    def __getitem__(self, name):
        if name in ("feed", "channel"):
            return self.feed
        if name in ("entries", "items"):
            return self.entries
        if name in DOCUMENT_LEVEL:
            raise NotModelled(name)
        if name == "locals":
            raise NotModelled("locals()")
        raise KeyError(name)

    def __contains__(self, name):
        return name in ("feed", "channel", "entries", "items")


def names_in(node) -> set[str]:
    return {n.id for n in ast.walk(node) if isinstance(n, ast.Name)}


def split_clauses(expect: str):
    """(kept clauses as source, dropped document-level clauses as source)."""
    tree = ast.parse(expect.strip(), mode="eval").body
    clauses = tree.values if isinstance(tree, ast.BoolOp) and isinstance(tree.op, ast.And) else [tree]
    kept, dropped = [], []
    for clause in clauses:
        names = names_in(clause)
        if names & {"feed", "channel", "entries", "items"}:
            kept.append(ast.unparse(clause))
        elif names & DOCUMENT_LEVEL or not names:
            dropped.append(ast.unparse(clause))
        else:
            kept.append(ast.unparse(clause))
    return kept, dropped


TAG = re.compile(r"<[A-Za-z]")
IMAGE_MARK = re.compile(r"\[image\]")  # an image without alt text: nothing a reader of text sees but the mark
BODY_KEYS = re.compile(r"""['".](summary|description)(_detail)?\b""")
CONTENT_KEY = re.compile(r"""['".]content\b""")
GLOBALS = {"__builtins__": builtins, "datetime": datetime}


def evaluate(case: Case, status: str, data):
    """(verdict, detail): verdict is met, missed or n/a."""
    try:
        kept, _ = split_clauses(case.expect)
    except SyntaxError as error:
        return "n/a", f"expectation does not parse: {error}"
    if not kept:
        return "n/a", "only document-level results (bozo, encoding, version, headers, ...)"
    for clause in kept:
        for node in ast.walk(ast.parse(clause, mode="eval")):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and TAG.search(node.value):
                rendered = html_as_text(node.value)[0]
                if rendered is not None and not IMAGE_MARK.sub("", rendered).replace("•", "").strip():
                    return "n/a", "markup only: the expected value has no text (images, SVG, MathML, empty elements)"
    if BODY_KEYS.search(case.expect) and CONTENT_KEY.search(case.expect):
        return "n/a", "two bodies (summary and content) in one item: Herald keeps one"
    feed, entries = build_result(data if status == "ok" else None, case)
    # A probe with a full namespace first: whether every key the clauses read is modelled
    # must not depend on what Herald happened to output.
    probe_feed, probe_entries = build_probe()
    for clause in kept:
        key = probe_modelled(clause, probe_feed, probe_entries)
        if key:
            return "n/a", f"not modelled: {key}"
    failures = []
    for clause in kept:
        namespace = Namespace(feed, entries)
        try:
            ok = bool(eval(clause, GLOBALS, namespace))
        except NotModelled as error:
            return "n/a", f"not modelled: {error.key}"
        except Exception as error:  # KeyError, IndexError, ...: the value is not there
            ok = False
            failures.append(f"{clause}  -> {type(error).__name__}: {error}")
            continue
        if not ok:
            failures.append(clause)
    if failures:
        return "missed", "; ".join(failures)
    return "met", ""


class Probe:
    """Stands for any value: every operation on it is allowed and gives another Probe, so the
    only thing evaluating against it can raise is NotModelled from an FPDict."""

    def __getitem__(self, key):
        return Probe()

    def __getattr__(self, key):
        if key.startswith("__"):
            raise AttributeError(key)
        return Probe()

    def __call__(self, *args, **kwargs):
        return Probe()

    def __eq__(self, other):
        return True

    def __ne__(self, other):
        return True

    __hash__ = object.__hash__

    def __bool__(self):
        return True

    def __len__(self):
        return 1

    def __iter__(self):
        return iter([Probe()])

    def __contains__(self, item):
        return True

    def __index__(self):
        return 0

    def __lt__(self, other):
        return True

    __le__ = __gt__ = __ge__ = __lt__


class ProbeDict(FPDict):
    def __init__(self, where, modelled, aliases=None, children=None):
        super().__init__(where, modelled, {}, aliases)
        self._children = children or {}

    def _value(self, real):
        return self._children.get(real, Probe())

    def __getitem__(self, key):
        return self._value(self._key(key))

    def __contains__(self, key):
        self._key(key)
        return True

    def get(self, key, default=None):
        return self._value(self._key(key))


class ProbeList(list):
    def __init__(self, make):
        super().__init__()
        self._make = make

    def __getitem__(self, index):
        if isinstance(index, slice):
            return [self._make(0)]
        return self._make(index)

    def __len__(self):
        return 1

    def __iter__(self):
        return iter([self._make(0)])


def build_probe():
    feed = ProbeDict("feed", ["title", "title_detail", "link", "subtitle", "subtitle_detail"],
                     {"description": "subtitle", "description_detail": "subtitle_detail"},
                     {"title_detail": ProbeDict("feed.title_detail", ["value"]),
                      "subtitle_detail": ProbeDict("feed.subtitle_detail", ["value"])})

    def entry(i):
        w = f"entries[{i}]"
        return ProbeDict(w, ["title", "title_detail", "link", "id", "author", "author_detail", "authors", "content",
                             "enclosures", "published", "published_parsed", "updated", "updated_parsed", "summary",
                             "summary_detail"],
                         {"description": "summary", "description_detail": "summary_detail"},
                         {"title_detail": ProbeDict(w + ".title_detail", ["value"]),
                          "summary_detail": ProbeDict(w + ".summary_detail", ["value"]),
                          "author_detail": ProbeDict(w + ".author_detail", ["name"]),
                          "authors": FirstOnly(w + ".authors", [ProbeDict(f"{w}.authors[0]", ["name"])]),
                          "content": FirstOnly(w + ".content", [ProbeDict(f"{w}.content[0]", ["value"])]),
                          "enclosures": ProbeList(lambda j: ProbeDict(f"{w}.enclosures[{j}]", ["href"]))})
    return feed, ProbeList(entry)


def probe_modelled(clause, feed, entries):
    namespace = Namespace(feed, entries)
    try:
        eval(clause, GLOBALS, namespace)
    except NotModelled as error:
        return re.sub(r"\[\d+\]", "[i]", error.key)
    except Exception:
        pass
    return None


# ---------------------------------------------------------------------------------------------
# Report


def herald_gave(status, data, detail_text):
    if status != "ok":
        return f"{status}: {detail_text}" if detail_text else status
    feed = (data or {}).get("feed")
    arts = (data or {}).get("articles") or []
    shown = {"feed": feed}
    if arts:
        a = arts[0]
        shown["articles[0]"] = {k: a.get(k) for k in ("headline", "link", "id", "author", "published", "updated",
                                                      "paragraphs", "links") if a.get(k) not in (None, [], "")}
        if len(arts) > 1:
            shown["articles"] = len(arts)
    else:
        shown["articles"] = []
    text = json.dumps(shown, ensure_ascii=True)
    return text if len(text) <= 600 else text[:600] + "..."


def key_of(expect):
    """The feedparser key an expectation is about, for grouping (entries[0]['content'][0]['value']
    -> entries.content.value)."""
    try:
        kept, _ = split_clauses(expect)
    except SyntaxError:
        return "?"
    keys = []
    for clause in kept:
        m = re.findall(r"\b(feed|entries|items|channel)((?:\s*(?:\[[^\]]*\]|\.\w+))+)", clause)
        for root, rest in m:
            parts = [p for p in re.findall(r"\[\s*'([^']*)'\s*\]|\[\s*\"([^\"]*)\"\s*\]|\.(\w+)", rest)]
            names = [a or b or c for a, b, c in parts]
            keys.append(".".join([root] + names))
    return ", ".join(sorted(set(keys))) or "?"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("corpus", help="feedparser's tests/ folder (or the folder holding it)")
    parser.add_argument("--herald", default=None, help="Herald's binary (default: .build/debug/herald)")
    parser.add_argument("--report", default=None, help="write the report here (default: stdout)")
    parser.add_argument("--timeout", type=float, default=5.0)
    parser.add_argument("--jobs", type=int, default=max(1, min(4, os.cpu_count() or 1)))
    parser.add_argument("--no-sanitize", action="store_true", help="leave out wellformed/sanitize/")
    parser.add_argument("--verbose", action="store_true", help="also list the met and n/a expectations")
    args = parser.parse_args()

    repo = pathlib.Path(__file__).resolve().parent.parent
    binary = os.path.realpath(args.herald or str(repo / ".build" / "debug" / "herald"))
    if not os.access(binary, os.X_OK):
        sys.exit(f"feed-conformance: no Herald binary at {binary}")
    corpus = find_corpus(pathlib.Path(args.corpus))

    skipped: list = []
    cases = load_cases(corpus, not args.no_sanitize, skipped)
    workdir = pathlib.Path(tempfile.mkdtemp(prefix="feed-conformance-", dir="/tmp"))
    started = time.time()
    try:
        # Run a copy: a build replacing the binary mid-run would mix two Herald versions.
        built = datetime.datetime.fromtimestamp(os.stat(binary).st_mtime).strftime("%Y-%m-%d %H:%M:%S")
        snapshot = workdir / "herald"
        shutil.copy2(binary, snapshot)
        version = subprocess.run([str(snapshot), "--version"], capture_output=True, text=True).stdout.strip()
        cases += synthetic_encoding_cases(corpus, workdir, skipped)
        with concurrent.futures.ThreadPoolExecutor(args.jobs) as pool:
            runs = list(pool.map(lambda c: run_herald(str(snapshot), c, args.timeout), cases))
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    elapsed = time.time() - started

    results = []
    for case, (status, data, detail_text) in zip(cases, runs):
        verdict, why = evaluate(case, status, data)
        results.append((case, status, data, detail_text, verdict, why))

    applicable = [r for r in results if r[4] != "n/a"]
    met = [r for r in applicable if r[4] == "met"]
    missed = [r for r in applicable if r[4] == "missed"]
    broken = [r for r in results if r[1] in ("timeout", "crash")]
    refused = [r for r in results if r[1] == "refused"]
    na_reasons = Counter(re.sub(r"\[\d+\]", "[i]", r[5]) for r in results if r[4] == "n/a")

    out = []
    w = out.append
    w("Herald feed conformance against feedparser's test corpus")
    w(f"corpus: {corpus}")
    w(f"herald: {binary} (built {built}, {version or 'no --version'})")
    w(f"time:   {elapsed:.1f} s, {args.jobs} jobs, timeout {args.timeout:g} s")
    w("")
    corpus_files = sum(1 for c in cases if not c.synthetic)
    w(f"files run:                 {corpus_files} corpus files + {len(cases) - corpus_files} generated (test_encoding.py)")
    w(f"files skipped:             {len(skipped)}")
    for reason, n in Counter(re.sub(r" \(.*", "", s[1]) for s in skipped).most_common():
        w(f"    {n:5d}  {reason}")
    w(f"herald refused (output-free): {len(refused)}")
    w(f"crashes / timeouts:        {sum(r[1] == 'crash' for r in results)} / {sum(r[1] == 'timeout' for r in results)}")
    w(f"expectations not applicable: {len(results) - len(applicable)}")
    w(f"APPLICABLE: {len(applicable)}   MET: {len(met)}   "
      f"{100.0 * len(met) / max(1, len(applicable)):.1f}%   MISSED: {len(missed)}")
    w("")
    w("Applicable / met per group:")
    per_group = defaultdict(lambda: [0, 0])
    for r in applicable:
        per_group[r[0].group][0] += 1
        per_group[r[0].group][1] += r[4] == "met"
    for group in sorted(per_group):
        a, m = per_group[group]
        w(f"    {group:32s} {m:5d} / {a:<5d} {100.0 * m / a:5.1f}%")
    w("")
    w("Not applicable, by reason (top 40):")
    for reason, n in na_reasons.most_common(40):
        w(f"    {n:5d}  {reason}")
    w("")
    if broken:
        w(f"CRASHES AND TIMEOUTS ({len(broken)})")
        for case, status, data, detail_text, verdict, why in broken:
            w(f"  {case.rel}: {status}: {detail_text}")
        w("")
    if refused:
        w(f"REFUSED BY HERALD, scored as output-free ({len(refused)})")
        for case, status, data, detail_text, verdict, why in refused:
            w(f"  {case.rel} [{verdict}]: {detail_text}")
        w("")
    w(f"MISSES ({len(missed)}), by group and key")
    by_group = defaultdict(list)
    for r in missed:
        by_group[r[0].group].append(r)
    for group in sorted(by_group):
        rows = by_group[group]
        w("")
        w(f"== {group} ({len(rows)} missed)")
        for key, n in Counter(key_of(r[0].expect) for r in rows).most_common():
            w(f"   {n:4d}  {key}")
        for case, status, data, detail_text, verdict, why in sorted(rows, key=lambda r: (key_of(r[0].expect), r[0].rel)):
            w(f"  - {case.rel}")
            w(f"      expect: {case.expect}")
            w(f"      failed: {why}")
            w(f"      herald: {herald_gave(status, data, detail_text)}")
    if args.verbose:
        w("")
        w("MET")
        for r in met:
            w(f"  + {r[0].rel}: {r[0].expect}")
        w("")
        w("NOT APPLICABLE")
        for r in results:
            if r[4] == "n/a":
                w(f"  . {r[0].rel}: {r[5]}: {r[0].expect}")
        w("")
        w("SKIPPED")
        for rel, reason in skipped:
            w(f"  . {rel}: {reason}")
    text = "\n".join(out) + "\n"
    if args.report:
        pathlib.Path(args.report).write_text(text, encoding="utf-8")
        print(f"applicable {len(applicable)}, met {len(met)} "
              f"({100.0 * len(met) / max(1, len(applicable)):.1f}%), crashes {sum(r[1] == 'crash' for r in results)}, "
              f"timeouts {sum(r[1] == 'timeout' for r in results)}; report: {args.report}")
    else:
        sys.stdout.write(text)


if __name__ == "__main__":
    main()
