#!/usr/bin/env python3
"""Scores article extraction against a WCXB split (see scripts/extract-bench.sh).

  extract-bench.py unpack WCXB SPLIT OUT        pages as OUT/NNNN.html, and OUT/urls.tsv
  extract-bench.py trafilatura OUT RESULT       runs trafilatura on every page (in-process timing)
  extract-bench.py herald HERALD OUT RESULT     runs `herald extract --json` on every page, one process
  extract-bench.py score WCXB SPLIT RESULT...   the table: shingle F1 (4-word, case kept) and word F1
  extract-bench.py unpack-snippets TRAF OUT     trafilatura's tests/eval pages (mostly German) as OUT/NNNN.html
  extract-bench.py snippets TRAF OUT RESULT...  their must/must-not snippets: precision, recall, F1 as trafilatura counts

The shingle metric is the one of Zyte's article-extraction-benchmark: precision and recall of
the set of 4-word shingles (tokens \\w+, case kept) of the extracted body against the truth;
F1 of the mean precision (over pages with output) and the mean recall (over all pages).
WCXB's own word F1 (lower-cased bag of words, mean of per-page F1) is printed beside it.
"""
import gzip, json, re, statistics, subprocess, sys, time
from collections import Counter, defaultdict
from pathlib import Path

def unpack(wcxb, split, out):
    out = Path(out); out.mkdir(parents=True, exist_ok=True)
    rows = []
    for truth in sorted((Path(wcxb) / split / "ground-truth").glob("*.json")):
        page = Path(wcxb) / split / "html" / f"{truth.stem}.html.gz"
        (out / f"{truth.stem}.html").write_bytes(gzip.open(page).read())
        rows.append(f"{truth.stem}\t{json.load(open(truth)).get('url') or ''}")
    (out / "urls.tsv").write_text("\n".join(rows) + "\n")

def pages(out):
    for line in (Path(out) / "urls.tsv").read_text().splitlines():
        stem, url = line.split("\t")
        yield stem, url, Path(out) / f"{stem}.html"

def run_trafilatura(out, result):
    import trafilatura
    texts, times = {}, []
    for stem, url, path in pages(out):
        html = path.read_bytes()
        started = time.perf_counter()
        try:
            text = trafilatura.extract(html, url=url or None) or ""
        except Exception:
            text = ""
        times.append((time.perf_counter() - started) * 1000)
        texts[stem] = text
    json.dump({"name": "trafilatura", "texts": texts, "ms": times}, open(result, "w"))

def run_herald(herald, out, result):
    listed = list(pages(out))
    texts, times, failures = {}, [], 0
    started = time.perf_counter()
    process = subprocess.run([herald, "extract", "--json", *[str(p) for _, _, p in listed]],
                             capture_output=True, text=True, timeout=1800)
    wall = time.perf_counter() - started
    by_path = {str(p): stem for stem, _, p in listed}
    for row in json.loads(process.stdout):
        stem = by_path[row["page"]]
        if "error" in row:
            texts[stem] = ""; failures += 1
        else:
            texts[stem] = "\n".join(row["body"]); times.append(float(row["milliseconds"]))
    json.dump({"name": "herald", "texts": texts, "ms": times, "wall": wall, "failures": failures}, open(result, "w"))

def shingles(text):
    words = re.findall(r"\w+", text)
    return {tuple(words[i:i + 4]) for i in range(max(0, len(words) - 3))} or ({tuple(words)} if words else set())

def word_f1(predicted, reference):
    p, r = Counter(re.findall(r"\w+", predicted.lower())), Counter(re.findall(r"\w+", reference.lower()))
    if not r: return 1.0 if not p else 0.0
    if not p: return 0.0
    overlap = sum((p & r).values())
    if overlap == 0: return 0.0
    precision, recall = overlap / sum(p.values()), overlap / sum(r.values())
    return 2 * precision * recall / (precision + recall)

def score(wcxb, split, results):
    truths, skipped = {}, 0
    for path in sorted((Path(wcxb) / split / "ground-truth").glob("*.json")):
        data = json.load(open(path))
        kind = ((data.get("_internal") or {}).get("page_type") or {})
        kind = kind.get("primary", "article") if isinstance(kind, dict) else (kind or "article")
        content = data["ground_truth"].get("main_content") or ""
        if not content.strip():
            skipped += 1
            continue
        truths[path.stem] = ("collection" if kind == "category" else kind, content)
    kinds = sorted({k for k, _ in truths.values()})
    print(f"WCXB {split}: {len(truths)} pages scored ({skipped} without main_content left out)\n")
    header = f"{'extractor':<12} {'type':<14} {'pages':>5} {'F1':>6} {'P':>6} {'R':>6} {'wordF1':>7} {'empty':>6}"
    print(header); print("-" * len(header))
    for result in results:
        data = json.load(open(result))
        for kind in ["all"] + kinds:
            stems = [s for s, (k, _) in truths.items() if kind == "all" or k == kind]
            precisions, recalls, words, empty = [], [], [], 0
            for stem in stems:
                truth = shingles(truths[stem][1]); text = data["texts"].get(stem, "")
                got = shingles(text)
                if got: precisions.append(len(got & truth) / len(got))
                else: empty += 1
                recalls.append(len(got & truth) / len(truth) if truth else (1.0 if not got else 0.0))
                words.append(word_f1(text, truths[stem][1]))
            p = statistics.mean(precisions) if precisions else 0.0
            r = statistics.mean(recalls) if recalls else 0.0
            f1 = 2 * p * r / (p + r) if p + r else 0.0
            print(f"{data['name']:<12} {kind:<14} {len(stems):>5} {f1:6.3f} {p:6.3f} {r:6.3f} {statistics.mean(words):7.3f} {empty:>6}")
        ms = sorted(data["ms"])
        if ms:
            print(f"{data['name']:<12} time per page: median {statistics.median(ms):.2f} ms, p90 {ms[int(len(ms) * 0.9)]:.2f} ms, max {ms[-1]:.1f} ms"
                  + (f"; one process, {data['wall']:.1f} s wall" if "wall" in data else ""))
        print()

def unpack_snippets(traf, out):
    out = Path(out); out.mkdir(parents=True, exist_ok=True)
    data = json.load(open(Path(traf) / "tests" / "evaldata.json"))
    rows = []
    for number, (url, entry) in enumerate(sorted(data.items())):
        page = Path(traf) / "tests" / "eval" / entry["file"]
        if not page.is_file():
            continue
        stem = f"{number:04d}"
        (out / f"{stem}.html").write_bytes(page.read_bytes())
        rows.append(f"{stem}\t{url}")
    (out / "urls.tsv").write_text("\n".join(rows) + "\n")

def snippets(traf, out, results):
    data = json.load(open(Path(traf) / "tests" / "evaldata.json"))
    stems = {url: stem for stem, url, _ in pages(out)}
    print(f"trafilatura's evaluation pages: {len(stems)} pages with their snippets\n")
    print(f"{'extractor':<12} {'precision':>9} {'recall':>7} {'F1':>6} {'accuracy':>9}")
    for result in results:
        texts = json.load(open(result))["texts"]
        tp = fn = fp = tn = 0
        for url, stem in stems.items():
            text = " ".join(texts.get(stem, "").split())
            for snippet in data[url].get("with", []):
                if " ".join(snippet.split()) in text: tp += 1
                else: fn += 1
            for snippet in data[url].get("without", []):
                if " ".join(snippet.split()) in text: fp += 1
                else: tn += 1
        precision, recall = tp / max(1, tp + fp), tp / max(1, tp + fn)
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        name = json.load(open(result))["name"]
        print(f"{name:<12} {precision:9.3f} {recall:7.3f} {f1:6.3f} {(tp + tn) / max(1, tp + tn + fp + fn):9.3f}")

if __name__ == "__main__":
    if sys.argv[1] == "unpack-snippets": unpack_snippets(*sys.argv[2:]); sys.exit(0)
    if sys.argv[1] == "snippets": snippets(sys.argv[2], sys.argv[3], sys.argv[4:]); sys.exit(0)
    command, *args = sys.argv[1:]
    {"unpack": unpack, "trafilatura": run_trafilatura, "herald": run_herald}.get(command, None) and \
        {"unpack": unpack, "trafilatura": run_trafilatura, "herald": run_herald}[command](*args)
    if command == "score": score(args[0], args[1], args[2:])
