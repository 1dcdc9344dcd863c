#!/usr/bin/env bash
# What SQLite alone needs to store and index a synced library's text: the floor under
# `herald sync`'s cold-sync time, whatever Herald does around it.
#   scripts/sqlite-floor.sh LIBRARY
# Copies the headline, text and speakers that LIBRARY's search index holds into a fresh
# database (one transaction, no index), then builds an FTS5 index over them (the same
# tokenizer as the library's, from the copied table: no parsing, no quotes, no Herald code).
# Prints the wall seconds of each. Needs the sqlite3 command (Debian package sqlite3).
set -euo pipefail
library=${1:?usage: scripts/sqlite-floor.sh LIBRARY}
[ -f "$library" ] || { echo "sqlite-floor: $library: no such file" >&2; exit 2; }
command -v sqlite3 >/dev/null || { echo "sqlite-floor: the sqlite3 command is not installed" >&2; exit 2; }
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
floor="$scratch/floor.sqlite"

seconds() {
  local start; start=$(date +%s%N)
  "$@" >/dev/null
  echo "scale=1; ($(date +%s%N) - $start) / 1000000000" | bc
}

copy=$(seconds sqlite3 "$floor" "PRAGMA journal_mode=WAL; ATTACH '$library' AS source;
  CREATE TABLE text(id INTEGER PRIMARY KEY, headline TEXT, body TEXT, speakers TEXT);
  INSERT INTO text SELECT t.articleId, t.headline, t.body, coalesce(s.speakers, '') FROM source.articleText t LEFT JOIN source.articleSpeakers s ON s.articleId = t.articleId;")
index=$(seconds sqlite3 "$floor" "CREATE VIRTUAL TABLE search USING fts5(headline, body, speakers,
  content='text', content_rowid='id', tokenize = 'unicode61 remove_diacritics 2');
  INSERT INTO search(search) VALUES('rebuild');")
megabytes=$(sqlite3 "$floor" "SELECT sum(length(headline) + length(body) + length(coalesce(speakers, ''))) / 1048576 FROM text;")
rows=$(sqlite3 "$floor" "SELECT count(*) FROM text;")
printf 'SQLite alone on the same text (%s articles, %s MiB), sqlite3 %s:\n' "$rows" "$megabytes" "$(sqlite3 --version | cut -d' ' -f1)"
printf '%-34s %14s\n' "store it, one transaction (s)" "$copy"
printf '%-34s %14s\n' "index it with FTS5 (s)" "$index"
