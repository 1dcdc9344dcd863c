#!/usr/bin/env bash
# What FTS5's options would cost and save on a synced library's text:
#   scripts/fts-options.sh LIBRARY
# Copies the text the library's search index reads (headline, paragraphs, speakers) into a
# fresh database, then for each set of options builds the index over it and prints the
# index's size (its shadow tables, from dbstat), the time to build it, the median time of a
# few queries, and whether a phrase query still works. The options: FTS5's default
# (detail=full, which Herald uses), detail=column (no positions: no phrases, no NEAR, no
# snippet positions), detail=none (neither columns nor positions: no column filters such as
# speaker:), columnsize=0 (no per-row token counts: bm25 must count them by reading the text)
# and prefix='2 3' (prefix indexes: faster `harb*`, a bigger index).
# Needs the sqlite3 command (Debian package sqlite3).
set -euo pipefail
library=${1:?usage: scripts/fts-options.sh LIBRARY}
[ -f "$library" ] || { echo "fts-options: $library: no such file" >&2; exit 2; }
command -v sqlite3 >/dev/null || { echo "fts-options: the sqlite3 command is not installed" >&2; exit 2; }
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
base="$scratch/text.sqlite"
sqlite3 "$base" "ATTACH '$library' AS source;
  CREATE TABLE text(id INTEGER PRIMARY KEY, headline TEXT, body TEXT, speakers TEXT);
  INSERT INTO text SELECT t.articleId, t.headline, t.body, coalesce(s.speakers, '')
    FROM source.articleText t LEFT JOIN source.articleSpeakers s ON s.articleId = t.articleId;" >/dev/null
text_mib=$(echo "scale=0; $(stat -c %s "$base") / 1048576" | bc)
printf 'text alone: %s MiB (%s articles); library file: %s MiB\n\n' "$text_mib" "$(sqlite3 "$base" 'SELECT count(*) FROM text')" \
  "$(echo "scale=0; $(stat -c %s "$library") / 1048576" | bc)"
printf '%-28s %10s %10s %12s %8s\n' options "index MiB" "build s" "query ms" phrases
for options in "" "detail=column" "detail=none" "columnsize=0" "prefix='2 3'" "detail=column, columnsize=0"; do
  db="$scratch/variant.sqlite"
  cp "$base" "$db"
  extra=${options:+, $options}
  start=$(date +%s%N)
  sqlite3 "$db" "CREATE VIRTUAL TABLE search USING fts5(headline, body, speakers, content='text', content_rowid='id',
    tokenize = 'unicode61 remove_diacritics 2'$extra); INSERT INTO search(search) VALUES('rebuild');" >/dev/null
  build=$(echo "scale=1; ($(date +%s%N) - $start) / 1000000000" | bc)
  size=$(sqlite3 "$db" "SELECT sum(pgsize) / 1048576 FROM dbstat WHERE name LIKE 'search%'" 2>/dev/null || echo "?")
  times=()
  for query in minister harbour budget council police; do
    start=$(date +%s%N)
    sqlite3 "$db" "SELECT rowid FROM search WHERE search MATCH '$query' ORDER BY rank LIMIT 20" >/dev/null
    times+=($(( ($(date +%s%N) - start) / 1000000 )))
  done
  median=$(printf '%s\n' "${times[@]}" | sort -n | sed -n 3p)
  phrases=$(sqlite3 "$db" "SELECT count(*) FROM search WHERE search MATCH '\"said the\"'" >/dev/null 2>&1 && echo yes || echo no)
  printf '%-28s %10s %10s %12s %8s\n' "${options:-default (detail=full)}" "$size" "$build" "$median" "$phrases"
done
