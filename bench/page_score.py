"""How many pages of a set of test cases the extractor gets entirely right.

    .venv/bin/python bench/page_score.py DIR [DIR ...]

DIR holds case folders in the tests/pages/ format (page.html, meta.json,
expected.jsonl). For each case: OK when the page gives exactly the expected
records (id and scraped_at aside) and is of the expected kind, else BAD
with the fields that differ, missing records and extra ones. Then the share of pages fully right (the
issue's unseen-template target: at least 95%) and of expected fields right.
Run it on a batch a helper has just written, before changing anything for
it: that is the unseen-template measure; afterwards the batch is a
regression test (copy it into tests/pages/).
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from scraper.extract import parse_page  # noqa: E402

IGNORED = ("id", "scraped_at")
#: meta.json kinds written as the listing's type: the page kind is `listing`.
KIND_ALIASES = {"project_listing": "listing", "policy_listing": "listing", "park_listing": "listing",
                "park_detail": "park", "policy_detail": "policy", "project_detail": "project"}


def _records(lines) -> list[dict]:
    return [{k: v for k, v in r.items() if k not in IGNORED} for r in lines]


def score_case(case: Path) -> tuple[int, int, list[str]]:
    """(fields right, fields expected, problems) for one case folder."""
    meta = json.loads((case / "meta.json").read_text(encoding="utf-8"))
    expected = _records(json.loads(line) for line in (case / "expected.jsonl").read_text(encoding="utf-8").splitlines()
                        if line.strip())
    page = parse_page((case / "page.html").read_bytes(), meta["url"], content_type=meta.get("content_type"),
                      scraped_at="2026-01-01T00:00:00Z")
    got = _records(page.records)
    by_key = {(r["type"], r.get("url")): r for r in got}
    problems_dup = [f"{len(got) - len(by_key)} duplicate record(s)"] if len(by_key) < len(got) else []
    right = total = 0
    problems = problems_dup
    for want in expected:
        have = by_key.pop((want["type"], want.get("url")), None)
        if have is None:
            problems.append(f"missing {want['type']} {want['title'][:30]}")
            total += len(want)
            continue
        for key, value in want.items():
            total += 1
            if have.get(key) == value:
                right += 1
            else:
                problems.append(f"{want['type']} {want['title'][:16]} {key}: got "
                                f"{json.dumps(have.get(key), ensure_ascii=False)[:80]} want "
                                f"{json.dumps(value, ensure_ascii=False)[:80]}")
    problems.extend(f"extra {r['type']} {r['title'][:30]} {r.get('url')}" for r in by_key.values())
    order = [(r["type"], r.get("url")) for r in got]
    if not problems and order != [(r["type"], r.get("url")) for r in expected]:
        problems.append("records out of page order")
    want_kind = KIND_ALIASES.get(meta.get("kind"), meta.get("kind"))
    if want_kind and page.kind != want_kind:
        problems.append(f"page kind: got {page.kind} want {want_kind}")
    return right, total, problems


def main(argv: list[str]) -> int:
    cases = sorted(p for d in argv for p in Path(d).iterdir() if (p / "meta.json").exists())
    if not cases:
        print("usage: page_score.py DIR [DIR ...]  (folders with page.html, meta.json, expected.jsonl)")
        return 2
    ok = right = total = 0
    for case in cases:
        r, t, problems = score_case(case)
        right, total = right + r, total + t
        ok += not problems
        print(f"{'OK ' if not problems else 'BAD'} {case.name}")
        for problem in problems[:10]:
            print(f"      {problem}")
    print(f"pages fully right: {ok}/{len(cases)} = {ok / len(cases):.0%}; "
          f"fields right: {right}/{total} = {right / max(total, 1):.1%}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
