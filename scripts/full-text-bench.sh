#!/usr/bin/env bash
# A full-text feed of ITEMS new items (default 100) served from 127.0.0.1, each item's page
# answering after DELAY_MS (default 50): when the stored items are listed (the store stage's
# end) and when their pages are stored, from the output of `herald add --full-text`, and the
# same add without --full-text beside it. Needs a release build.
#   scripts/full-text-bench.sh [ITEMS] [DELAY_MS]
set -euo pipefail
items=${1:-100}
delay=${2:-50}
here="$(cd "$(dirname "$0")" && pwd)"
herald="$here/../.build/release/herald"
[ -x "$herald" ] || { echo "full-text-bench: build first: swift build -c release --static-swift-stdlib" >&2; exit 2; }
work=$(mktemp -d /tmp/herald-full-text-bench.XXXXXX)
trap 'kill "$server" 2>/dev/null || true; rm -rf "$work"' EXIT
cp "$here/../Tests/NewsKitTests/Fixtures/pages/harbour-story.html" "$work/page.html"
python3 - "$work" "$items" "$delay" > "$work/port" <<'PY' &
import os, sys, time, threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
work, items, delay = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]) / 1000
page = open(os.path.join(work, "page.html"), "rb").read()
class Handler(BaseHTTPRequestHandler):
    def log_message(self, *args): pass
    def do_GET(self):
        port = self.server.server_address[1]
        if self.path == "/feed.xml":
            body = ('<?xml version="1.0"?><rss version="2.0"><channel><title>Summaries</title>' + "".join(
                f'<item><title>Story {n}</title><guid>s{n}</guid><link>http://127.0.0.1:{port}/page/{n}</link>'
                f'<description>Summary {n}.</description></item>' for n in range(items)) + '</channel></rss>').encode()
            kind = "application/rss+xml"
        else:
            time.sleep(delay)
            body, kind = page.replace(b"two hundred", self.path.encode()), "text/html; charset=utf-8"
        self.send_response(200); self.send_header("Content-Type", kind); self.send_header("Content-Length", str(len(body)))
        self.end_headers(); self.wfile.write(body)
server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
print(server.server_address[1], flush=True)
threading.Timer(300, server.shutdown).start()
server.serve_forever()
PY
server=$!
for _ in $(seq 50); do [ -s "$work/port" ] && break; sleep 0.1; done
port=$(cat "$work/port")
run() {
  python3 - "$@" <<'PY'
import subprocess, sys, time
start = time.perf_counter()
process = subprocess.Popen(sys.argv[1:], stdout=subprocess.PIPE, text=True)
for line in process.stdout:
    print(f"{time.perf_counter() - start:7.2f} s  {line.rstrip()}")
process.wait()
print(f"{time.perf_counter() - start:7.2f} s  (exit {process.returncode})")
PY
}
echo "$items items, each page after $delay ms, from 127.0.0.1:$port"
echo "--- herald add (feed text only)"
run "$herald" add "http://127.0.0.1:$port/feed.xml" --library "$work/plain.sqlite"
echo "--- herald add --full-text"
run "$herald" add --full-text "http://127.0.0.1:$port/feed.xml" --library "$work/full.sqlite"
