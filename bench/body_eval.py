"""Main-text (body) extraction quality on hand-labelled Chinese article pages.

A local stand-in for a public benchmark of real Chinese news / government
article pages scored by character 4-gram F1. Each case in tests/bodies/<case>/
has page.html (the bytes as served), body.txt (the labelled main text: the
article's paragraphs, one per line, no headline, no navigation, related links,
share bars, copyright or editor lines) and meta.json {url, content_type, note}.

For every case it scores
  ours         scraper.extract.parse_page -> body of the first "article" record
               (else the first record that has a body; else "")
  trafilatura  trafilatura.extract(bytes, url=url)
against body.txt: all whitespace is removed, then the multiset of character
4-grams of the prediction is intersected with that of the label (Counter &),
giving precision, recall and F1. Prints a per-page table and the mean F1 of each.

    .venv/bin/python bench/body_eval.py [-v] [--dir DIR] [case-substring ...]

-v also prints, per case, the first characters of each extraction.
Always exits 0 (a report, not a test).
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
CASES_DIR = ROOT / "tests" / "bodies"
N = 4
_WS = re.compile(r"\s+")


def grams(text: str | None, n: int = N) -> Counter:
    s = _WS.sub("", text or "")
    return Counter(s[i:i + n] for i in range(len(s) - n + 1))


def prf(pred: str | None, gold: str) -> tuple[float, float, float]:
    p, g = grams(pred), grams(gold)
    if not p or not g:
        return 0.0, 0.0, 0.0
    hit = sum((p & g).values())
    prec, rec = hit / sum(p.values()), hit / sum(g.values())
    f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    return prec, rec, f1


def load_cases(filters: list[str], cases_dir: Path = CASES_DIR) -> list[dict]:
    cases = []
    for folder in sorted(p for p in cases_dir.iterdir() if p.is_dir()):
        if filters and not any(f in folder.name for f in filters):
            continue
        meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
        cases.append({
            "name": folder.name,
            "bytes": (folder / "page.html").read_bytes(),
            "gold": (folder / "body.txt").read_text(encoding="utf-8"),
            "url": meta["url"],
            "content_type": meta.get("content_type"),
        })
    return cases


def ours(body: bytes, url: str, content_type: str | None) -> tuple[str, str]:
    """(body text, page kind) from our extractor; errors become an empty body."""
    from scraper.extract import parse_page

    try:
        page = parse_page(body, url, content_type=content_type)
    except Exception as exc:  # a crash scores 0 but must not stop the report
        return "", f"error:{type(exc).__name__}"
    records = list(getattr(page, "records", None) or [])
    kind = str(getattr(page, "kind", "") or "")
    for rec in records:
        if rec.get("type") == "article":
            return rec.get("body") or "", kind
    for rec in records:
        if rec.get("body"):
            return rec["body"], kind
    return "", kind


def theirs(body: bytes, url: str) -> str:
    import trafilatura

    try:
        return trafilatura.extract(body, url=url) or ""
    except Exception:
        return ""


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("filters", nargs="*", help="only cases whose folder name contains one of these")
    ap.add_argument("-v", "--verbose", action="store_true")
    ap.add_argument("--dir", type=Path, default=CASES_DIR,
                    help="case folders to score (default tests/bodies; a new batch before any change is the unseen measure)")
    args = ap.parse_args()

    cases = load_cases(args.filters, args.dir)
    if not cases:
        print("no cases found under", args.dir)
        return 0
    rows = []
    head = f"{'case':44s} {'kind':9s} {'ours P':>7s} {'R':>6s} {'F1':>6s}   {'traf P':>7s} {'R':>6s} {'F1':>6s}"
    print(head)
    print("-" * len(head))
    for case in cases:
        o_text, kind = ours(case["bytes"], case["url"], case["content_type"])
        t_text = theirs(case["bytes"], case["url"])
        o, t = prf(o_text, case["gold"]), prf(t_text, case["gold"])
        rows.append((case["name"], o, t))
        print(f"{case['name'][:44]:44s} {kind[:9]:9s} {o[0]:7.3f} {o[1]:6.3f} {o[2]:6.3f}   {t[0]:7.3f} {t[1]:6.3f} {t[2]:6.3f}")
        if args.verbose:
            print("    ours:", _WS.sub(" ", o_text)[:160])
            print("    traf:", _WS.sub(" ", t_text)[:160])
    print("-" * len(head))
    n = len(rows)
    mean = lambda idx, k: sum(r[idx][k] for r in rows) / n  # noqa: E731
    print(f"{'mean over ' + str(n) + ' pages':44s} {'':9s} {mean(1, 0):7.3f} {mean(1, 1):6.3f} {mean(1, 2):6.3f}   "
          f"{mean(2, 0):7.3f} {mean(2, 1):6.3f} {mean(2, 2):6.3f}")
    below = [r[0] for r in rows if r[1][2] < 0.9]
    print(f"\nmean F1: ours {mean(1, 2):.3f}  trafilatura {mean(2, 2):.3f}   "
          f"ours < 0.9 on {len(below)} page(s){': ' + ', '.join(below) if below else ''}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
