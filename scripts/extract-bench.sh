#!/usr/bin/env bash
# Herald's article extraction beside trafilatura on a WCXB split, in the same run:
#   scripts/extract-bench.sh [WCXB_DIR] [SPLIT]      (defaults: /tmp/wcxb, test)
# WCXB is the web content extraction benchmark (github.com/Murrough-Foley/web-content-extraction-benchmark,
# CC-BY-4.0); keep it outside the repo. trafilatura (PyPI) is installed into a virtual environment
# under /tmp on first use. Prints the shingle F1 of issue 30 (and WCXB's word F1) per page type,
# and the time per page of each. Needs a release build (swift build -c release --static-swift-stdlib).
set -euo pipefail
wcxb=${1:-/tmp/wcxb}
split=${2:-test}
here="$(cd "$(dirname "$0")" && pwd)"
herald="$here/../.build/release/herald"
[ -x "$herald" ] || { echo "extract-bench: build first: swift build -c release --static-swift-stdlib" >&2; exit 2; }
[ -d "$wcxb/$split/html" ] || { echo "extract-bench: no WCXB split at $wcxb/$split (clone the benchmark there)" >&2; exit 2; }
venv=/tmp/herald-trafilatura
if [ ! -x "$venv/bin/python" ] || ! "$venv/bin/python" -c 'import trafilatura' 2>/dev/null; then
  echo "extract-bench: installing trafilatura into $venv" >&2
  python3 -m venv "$venv" && "$venv/bin/pip" install -q trafilatura lxml_html_clean
fi
work=/tmp/herald-extract-bench/$split
python3 "$here/extract-bench.py" unpack "$wcxb" "$split" "$work/pages"
"$venv/bin/python" "$here/extract-bench.py" trafilatura "$work/pages" "$work/trafilatura.json"
python3 "$here/extract-bench.py" herald "$herald" "$work/pages" "$work/herald.json"
python3 "$here/extract-bench.py" score "$wcxb" "$split" "$work/herald.json" "$work/trafilatura.json"
echo "trafilatura $("$venv/bin/pip" show trafilatura 2>/dev/null | sed -n 's/^Version: //p'); herald $("$herald" --version)"
