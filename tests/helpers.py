"""Shared test helpers: load a saved page and compare records."""
from __future__ import annotations

import json
from pathlib import Path

HERE = Path(__file__).parent
FIXTURES_010B = HERE / "fixtures" / "010b"
PAGES = HERE / "pages"
IGNORED = ("id", "scraped_at")


def read_jsonl(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def comparable(record: dict) -> dict:
    return {k: v for k, v in record.items() if k not in IGNORED}


def fixture_cases() -> list[dict]:
    """The reference portal's pages: (page path, url, kind, expected path)."""
    index = json.loads((FIXTURES_010B / "index.json").read_text(encoding="utf-8"))
    return [
        {
            "name": entry["page"],
            "page": FIXTURES_010B / entry["page"],
            "url": entry["url"],
            "content_type": None,
            "kind": entry["kind"],
            "expected": FIXTURES_010B / entry["expected"],
        }
        for entry in index
    ]


def written_cases() -> list[dict]:
    """Pages written for this repo in other templates (tests/pages/<case>/)."""
    cases = []
    for folder in sorted(p for p in PAGES.iterdir() if p.is_dir()) if PAGES.exists() else []:
        meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
        cases.append(
            {
                "name": folder.name,
                "page": folder / "page.html",
                "url": meta["url"],
                "content_type": meta.get("content_type"),
                "kind": meta.get("kind"),
                "expected": folder / "expected.jsonl",
            }
        )
    return cases
