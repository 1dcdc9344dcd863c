#!/usr/bin/env bash
# Kills `herald sync` and `herald analyse` at random moments and checks the library each time:
#   scripts/kill-loop.sh [KILLS] [DIR]
# Makes two versions of 20 feeds x 200 items (../shared/bench/gen_feeds.py, seeds 1 and 2:
# the same guids with different text), syncs the first, marks 60 articles read and 20
# starred, then KILLS times (default 50): swaps the feed files to the other version, starts a
# sync (its store stage, then its analysis) or, every third round, a sync that only stores
# followed by `herald analyse`, SIGKILLs it after a random 0.05-2.5 s, and checks that PRAGMA
# integrity_check says ok, that FTS5 finds its index in step with the text, that no quote is
# stored twice, that an article has quotes and a search row only when it is analysed, and that
# exactly the same articles are read and starred. At the end a full analysis must leave
# nothing waiting. Exits 1 at the first failure.
# Needs a release build (swift build -c release --static-swift-stdlib).
set -euo pipefail
kills=${1:-50}
dir=${2:-/tmp/herald-kill-loop}
root="$(cd "$(dirname "$0")/.." && pwd)"
herald="$root/.build/release/herald"
gen="$root/../shared/bench/gen_feeds.py"
[ -x "$herald" ] || { echo "kill-loop: build first: swift build -c release --static-swift-stdlib" >&2; exit 2; }
rm -rf "$dir" && mkdir -p "$dir/live"
python3 "$gen" "$dir/a" --feeds 20 --items 200 --seed 1 >/dev/null
python3 "$gen" "$dir/b" --feeds 20 --items 200 --seed 2 >/dev/null
cp "$dir"/a/feeds/*.xml "$dir/live/"
library="$dir/library.sqlite"
for feed in "$dir"/live/*.xml; do "$herald" add --library "$library" "$feed" >/dev/null; done
ids=$("$herald" list --library "$library" | cut -f1 | shuf -n 80 --random-source=<(yes))
"$herald" mark --library "$library" read $(echo "$ids" | head -60) >/dev/null
"$herald" mark --library "$library" star $(echo "$ids" | tail -20) >/dev/null

state() {
  python3 - "$library" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1], timeout=30)
check = db.execute("PRAGMA integrity_check").fetchall()
if check != [("ok",)]:
    print("INTEGRITY", check); sys.exit(0)
# The search index against the text it indexes (FTS5 says "malformed" when they differ).
try:
    db.execute("INSERT INTO articleSearch (articleSearch, rank) VALUES ('integrity-check', 1)")
    db.rollback()
except sqlite3.DatabaseError as error:
    print("SEARCH INDEX", error); sys.exit(0)
# Analysis: no quote twice, and quotes and search rows only on analysed articles.
twice = db.execute("SELECT count(*) FROM (SELECT 1 FROM quote GROUP BY articleId, startParagraph, startOffset HAVING count(*) > 1)").fetchone()[0]
stray = db.execute("SELECT count(*) FROM quote q JOIN article a ON a.id = q.articleId WHERE a.analysis = 0").fetchone()[0]
split = db.execute("SELECT count(*) FROM article a LEFT JOIN articleSpeakers s ON s.articleId = a.id WHERE (a.analysis > 0) != (s.articleId IS NOT NULL)").fetchone()[0]
print(f"quotes stored twice: {twice}; quotes of unanalysed articles: {stray}; analysed but not indexed or the reverse: {split}")
rows = db.execute("SELECT subscriptionId, itemKey, isRead, isStarred FROM article WHERE isRead OR isStarred ORDER BY 1, 2")
print("\n".join("|".join(map(str, row)) for row in rows))
PY
}
before=$(state)
echo "library: $(echo "$before" | wc -l) articles read or starred; killing sync $kills times"
version=b
for round in $(seq "$kills"); do
  cp "$dir/$version"/feeds/*.xml "$dir/live/"
  version=$([ "$version" = a ] && echo b || echo a)
  if [ $((round % 3)) = 0 ]; then
    # Killed during analysis alone.
    "$herald" sync --no-analyse --library "$library" >/dev/null 2>&1 || true
    "$herald" analyse --library "$library" >/dev/null 2>&1 &
  else
    "$herald" sync --library "$library" >/dev/null 2>&1 &
  fi
  pid=$!
  sleep "$(python3 -c "import random; print(round(random.uniform(0.05, 2.5), 2))")"
  kill -KILL "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  after=$(state)
  if [ "$after" != "$before" ]; then
    echo "round $round: state changed or integrity check failed:" >&2
    diff <(echo "$before") <(echo "$after") | head -20 >&2
    exit 1
  fi
  printf '.'
done
echo
echo "$kills kills: integrity, search index and analysis ok, read/star state intact every time ($(echo "$before" | wc -l) articles)"
"$herald" sync --library "$library" | tail -1
"$herald" status --library "$library"
"$herald" status --json --library "$library" | grep -q '"pending_analysis": 0' || { echo "analysis left articles waiting" >&2; exit 1; }
