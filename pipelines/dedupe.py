"""One record per (type, id) in a run.

The same project is read from every page that lists it (side lists repeat on
every article) and from its own page. Those records share an id
(scraper.urls.record_id) and are merged as they arrive:

- the record from the item's own page wins (it has `body`, `fields`, the
  发布日期 of the page itself);
- a field the winner leaves empty (null, "", [], {}) is filled from the other
  record, so what only the list showed is kept: its `list` heading, a region
  shown beside the entry;
- between two list entries, the one with more fields filled wins, then the
  one read from the smaller source URL, so the result does not depend on the
  order in which concurrent responses arrived;
- an own page fetched again in the same run after last run's copy of it was
  replayed from the state (its listing showed a newer date, spiders/portal.py)
  replaces that copy (`RecordStore.replace_own`).

Records are held in SQLite in the run directory, not in a dict: a big portal
has tens of thousands of items and the crawl's memory must not grow with them.
"""
from __future__ import annotations

import json
import sqlite3
from collections import Counter
from pathlib import Path
from typing import Iterator

from pipelines.run import RunOutput


def _empty(value) -> bool:
    return value is None or value == "" or value == [] or value == {}


def _rank(record: dict) -> tuple:
    """Smaller is better: own page first, then more filled fields, then
    source URL (a fixed tie-break)."""
    own = "body" in record
    filled = sum(not _empty(v) for v in record.values())
    return (not own, -filled, record.get("source_url") or "")


def merge(a: dict, b: dict) -> dict:
    """The better record of the two, with its empty fields filled from the other."""
    primary, other = (a, b) if _rank(a) <= _rank(b) else (b, a)
    merged = dict(primary)
    for key, value in other.items():
        if _empty(merged.get(key)) and not _empty(value):
            merged[key] = value
    return merged


class RecordStore:
    """Records keyed by (type, id), merged on arrival, kept in a scratch
    SQLite file (no journal, no fsync: if the process dies the run is lost
    anyway, and the file is not output)."""

    def __init__(self, path: Path):
        self.path = path
        self._db = sqlite3.connect(path, isolation_level=None)
        self._db.execute("PRAGMA journal_mode=OFF")
        self._db.execute("PRAGMA synchronous=OFF")
        self._db.execute("CREATE TABLE records (type TEXT, id TEXT, record TEXT, PRIMARY KEY (type, id))")
        self.counts: Counter = Counter()
        self.merged = 0

    def add(self, record: dict) -> None:
        key = (record["type"], record["id"])
        row = self._db.execute("SELECT record FROM records WHERE type = ? AND id = ?", key).fetchone()
        if row is None:
            self._db.execute("INSERT INTO records VALUES (?, ?, ?)", (*key, json.dumps(record, ensure_ascii=False)))
            self.counts[record["type"]] += 1
            return
        self.merged += 1
        old = json.loads(row[0])
        new = merge(old, record)
        if new != old:
            self._db.execute("UPDATE records SET record = ? WHERE type = ? AND id = ?",
                             (json.dumps(new, ensure_ascii=False), *key))

    def replace_own(self, record: dict) -> None:
        """`record` is an item's own page read again in this run, after an
        older copy of that page was replayed from the state: it wins outright,
        and only its empty fields are filled from what was merged so far."""
        key = (record["type"], record["id"])
        row = self._db.execute("SELECT record FROM records WHERE type = ? AND id = ?", key).fetchone()
        if row is None:
            self.add(record)
            return
        merged = dict(record)
        for name, value in json.loads(row[0]).items():
            if _empty(merged.get(name)) and not _empty(value):
                merged[name] = value
        self._db.execute("UPDATE records SET record = ? WHERE type = ? AND id = ?",
                         (json.dumps(merged, ensure_ascii=False), *key))

    def records(self, record_type: str) -> Iterator[dict]:
        """The merged records of one type, in the order they were first seen."""
        for (text,) in self._db.execute("SELECT record FROM records WHERE type = ? ORDER BY rowid", (record_type,)):
            yield json.loads(text)

    def close(self, delete: bool = True) -> None:
        self._db.close()
        if delete:
            self.path.unlink(missing_ok=True)


class DedupePipeline:
    """Hands every valid record to the run's RecordStore. Records go on down
    the pipeline unchanged (Scrapy's item count is records read, the
    manifest's is distinct records written)."""

    def __init__(self, crawler):
        self.run = RunOutput.for_crawler(crawler)
        self.stats = crawler.stats

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def open_spider(self) -> None:
        self.run.open()
        self.run.attach_store(self.run.new_store())

    def process_item(self, item):
        key = (item["type"], item["id"])
        if "body" in item and key in self.run.superseding:
            self.run.superseding.discard(key)
            self.run.store.replace_own(item)
        else:
            self.run.store.add(item)
        self.stats.inc_value(f"records/read/{item['type']}")
        return item
