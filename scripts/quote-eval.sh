#!/usr/bin/env bash
# Scores quote detection on the hand-annotated set in Tests/NewsKitTests/Fixtures/quote-eval
# and prints the report: precision, recall, F1, exact spans, kinds, speakers (as written) and
# canonical names, then every miss. The scorer is the test QuoteEvaluationTests.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build --build-tests >/dev/null
swift test --skip-build --filter QuoteEvaluationTests 2>&1 | sed -n 's/^quote-eval: //p'
