"""What one site's crawls remember between runs: `data/state/<site>.sqlite`
(setting STATE_DIR).

Three tables:

    records   every record (type, id) a published run held: content hash,
              first_seen, last_seen, changed_at, previous_hash, last_run
    pages     every detail page fetched: validators (ETag, Last-Modified),
              fetched_at, the date its listing showed, and what the page
              parser made of it (kind, records, links), so a page that is
              not fetched again (or answers 304) is replayed, not lost;
              kind `gone` for a page that answered 404/410 after it had
              been read (spiders/portal.py)
    runs      one row per run: status, and while a run publishes, its
              manifest and the record rows it will commit (`staged`)

Two different commit rules, on purpose:

- `pages` is written as each page is read (durable, WAL): it is a cache of
  what a page said, and replaying a page never emits anything by itself, so
  a run killed halfway leaves pages the next run need not fetch again;
- `records` changes only when the run's output files are published: rows are
  staged with the run (one transaction), the files moved into place, then the
  staged rows applied (one transaction). A run killed between the two is
  rolled forward by the next `open()` (`recover`), so a record is never both
  in a published file and missing from the state, or the other way round.

`StateStore` is the interface; `SqliteStateStore` the embedded default. A
shared store (Redis, issue 5) implements the same methods.
"""
from __future__ import annotations

import fcntl
import hashlib
import json
import sqlite3
from datetime import datetime, timezone
from pathlib import Path
from typing import Iterable

#: Fields that change on every read of an unchanged page; not part of the content hash.
VOLATILE_FIELDS = ("scraped_at", "change", "previous_hash")


def content_hash(record: dict) -> str:
    """sha1 of the record's content (sorted-keys JSON), volatile fields left out."""
    stable = {k: v for k, v in record.items() if k not in VOLATILE_FIELDS}
    text = json.dumps(stable, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def utc_now() -> str:
    return datetime.now(timezone.utc).replace(microsecond=0).isoformat().replace("+00:00", "Z")


class StateStore:
    """The interface the crawl uses. Times are ISO 8601 UTC strings."""

    # -- pages (a cache, written as the crawl goes) --------------------------
    def page(self, url: str) -> dict | None:
        """{url, kind, etag, last_modified, fetched_at, listing_date, records, links} or None."""
        raise NotImplementedError

    def save_page(self, url: str, *, kind: str, etag: str | None, last_modified: str | None, fetched_at: str,
                  listing_date: str | None, records: list[dict], links: dict, run_id: str) -> None:
        raise NotImplementedError

    def touch_page(self, url: str, fetched_at: str, listing_date: str | None) -> None:
        """A 304: the page is as it was, and was checked at `fetched_at`."""
        raise NotImplementedError

    # -- records (committed with published output only) -----------------------
    def record_hashes(self, record_type: str) -> dict[str, str]:
        raise NotImplementedError

    def records_changed_since(self, since: str) -> Iterable[dict]:
        """Rows {type, id, hash, first_seen, changed_at, previous_hash, record} changed at or after `since`."""
        raise NotImplementedError

    def stage_records(self, run_id: str, rows: Iterable[dict]) -> None:
        """Rows {type, id, hash, record} that publishing `run_id` will commit
        (called in batches while the files are written; inert until `stage_run`)."""
        raise NotImplementedError

    def clear_staged(self, run_id: str | None = None) -> None:
        """Drop staged rows of `run_id`, or of every run that is not publishing."""
        raise NotImplementedError

    def stage_run(self, run_id: str, manifest: dict, files: dict[str, str]) -> None:
        """Mark `run_id` as publishing, with its manifest and files: from now
        on its staged rows will be committed, by it or by `recover`."""
        raise NotImplementedError

    def commit_run(self, run_id: str) -> None:
        """Apply the staged rows: the run's files are published."""
        raise NotImplementedError

    def vanished(self, previous_run: str | None, seen: set[tuple[str, str]]) -> list[dict]:
        raise NotImplementedError

    # -- runs ------------------------------------------------------------------
    def begin_run(self, run_id: str, started: str, run_dir: str) -> None:
        raise NotImplementedError

    def end_run(self, run_id: str, status: str) -> None:
        raise NotImplementedError

    def runs(self, statuses: tuple[str, ...] | None = None) -> list[dict]:
        """Newest first."""
        raise NotImplementedError

    # -- one publisher at a time ---------------------------------------------------
    def lock(self) -> None:
        """Take the site's lock, or raise StateBusy: the state and `latest`
        are the site's, so one run of a site publishes at a time."""
        raise NotImplementedError

    def unlock(self) -> None:
        raise NotImplementedError

    def close(self) -> None:
        raise NotImplementedError


class StateBusy(RuntimeError):
    """Another process holds the site's lock."""


SCHEMA = """
CREATE TABLE IF NOT EXISTS records (
    type TEXT NOT NULL, id TEXT NOT NULL, hash TEXT NOT NULL,
    first_seen TEXT NOT NULL, last_seen TEXT NOT NULL, changed_at TEXT NOT NULL,
    previous_hash TEXT, last_run TEXT NOT NULL, record TEXT NOT NULL,
    PRIMARY KEY (type, id));
CREATE TABLE IF NOT EXISTS pages (
    url TEXT PRIMARY KEY, kind TEXT NOT NULL, etag TEXT, last_modified TEXT,
    fetched_at TEXT NOT NULL, listing_date TEXT, records TEXT NOT NULL, links TEXT NOT NULL, run_id TEXT);
CREATE TABLE IF NOT EXISTS runs (
    run_id TEXT PRIMARY KEY, started TEXT NOT NULL, run_dir TEXT NOT NULL, status TEXT NOT NULL,
    manifest TEXT, files TEXT);
CREATE TABLE IF NOT EXISTS staged (
    run_id TEXT NOT NULL, type TEXT NOT NULL, id TEXT NOT NULL, hash TEXT NOT NULL, record TEXT NOT NULL,
    PRIMARY KEY (run_id, type, id));
"""


class SqliteStateStore(StateStore):
    """The embedded store: one SQLite file per site, in WAL mode.

    Pages are written with synchronous=NORMAL: a killed process loses no
    committed page, a power cut may lose the last few, and a cache can
    afford that (an fsync per page cost ~15% of the crawl's speed in
    bench/crawl_bench.py).
    Staging and committing a run are synchronous=FULL: they are what the
    published files are ordered against."""

    def __init__(self, path: Path):
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(self.path, isolation_level=None, timeout=30)
        self._db.row_factory = sqlite3.Row
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=NORMAL")
        self._db.executescript(SCHEMA)
        self._lock = None

    @classmethod
    def for_site(cls, state_dir: str | Path, site: str) -> "SqliteStateStore":
        return cls(Path(state_dir) / f"{site}.sqlite")

    # -- pages ------------------------------------------------------------------

    def page(self, url):
        row = self._db.execute("SELECT * FROM pages WHERE url = ?", (url,)).fetchone()
        if row is None:
            return None
        page = dict(row)
        page["records"] = json.loads(page["records"])
        page["links"] = json.loads(page["links"])
        return page

    def save_page(self, url, *, kind, etag, last_modified, fetched_at, listing_date, records, links, run_id):
        self._db.execute(
            "INSERT OR REPLACE INTO pages VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (url, kind, etag, last_modified, fetched_at, listing_date,
             json.dumps(records, ensure_ascii=False), json.dumps(links, ensure_ascii=False), run_id))

    def touch_page(self, url, fetched_at, listing_date):
        self._db.execute("UPDATE pages SET fetched_at = ?, listing_date = COALESCE(?, listing_date) WHERE url = ?",
                         (fetched_at, listing_date, url))

    # -- records ------------------------------------------------------------------

    def record_hashes(self, record_type):
        return dict(self._db.execute("SELECT id, hash FROM records WHERE type = ?", (record_type,)).fetchall())

    def records_changed_since(self, since):
        for row in self._db.execute("SELECT * FROM records WHERE changed_at >= ? ORDER BY rowid", (since,)):
            item = dict(row)
            item["record"] = json.loads(item["record"])
            yield item

    def stage_records(self, run_id, rows):
        with self._transaction():
            self._db.executemany("INSERT OR REPLACE INTO staged VALUES (?, ?, ?, ?, ?)",
                                 ((run_id, r["type"], r["id"], r["hash"], json.dumps(r["record"], ensure_ascii=False))
                                  for r in rows))

    def clear_staged(self, run_id: str | None = None) -> None:
        """Drop staged rows of `run_id`, or of every run that is not publishing
        (left by a run killed before it staged)."""
        if run_id is not None:
            self._db.execute("DELETE FROM staged WHERE run_id = ?", (run_id,))
        else:
            self._db.execute("DELETE FROM staged WHERE run_id NOT IN (SELECT run_id FROM runs WHERE status = 'publishing')")

    def stage_run(self, run_id, manifest, files):
        with self._transaction():
            self._db.execute("UPDATE runs SET status = 'publishing', manifest = ?, files = ? WHERE run_id = ?",
                             (json.dumps(manifest, ensure_ascii=False), json.dumps(files), run_id))

    def commit_run(self, run_id):
        row = self._db.execute("SELECT manifest FROM runs WHERE run_id = ?", (run_id,)).fetchone()
        manifest = json.loads(row["manifest"])
        now = manifest.get("finished") or utc_now()
        with self._transaction():
            self._db.execute(
                """INSERT INTO records (type, id, hash, first_seen, last_seen, changed_at, previous_hash, last_run, record)
                   SELECT type, id, hash, ?, ?, ?, NULL, run_id, record FROM staged WHERE run_id = ?
                   ON CONFLICT (type, id) DO UPDATE SET
                       previous_hash = CASE WHEN records.hash != excluded.hash THEN records.hash ELSE records.previous_hash END,
                       changed_at = CASE WHEN records.hash != excluded.hash THEN excluded.changed_at ELSE records.changed_at END,
                       hash = excluded.hash, last_seen = excluded.last_seen, last_run = excluded.last_run,
                       record = excluded.record""",
                (now, now, now, run_id))
            self._db.execute("DELETE FROM staged WHERE run_id = ?", (run_id,))
            self._db.execute("UPDATE runs SET status = ? WHERE run_id = ?", (manifest["status"], run_id))

    def vanished(self, previous_run, seen):
        if previous_run is None:
            return []
        rows = self._db.execute("SELECT type, id, record FROM records WHERE last_run = ?", (previous_run,))
        out = []
        for row in rows:
            if (row["type"], row["id"]) not in seen:
                record = json.loads(row["record"])
                out.append({"type": row["type"], "id": row["id"], "url": record.get("url"), "title": record.get("title")})
        return out

    # -- runs ---------------------------------------------------------------------

    def begin_run(self, run_id, started, run_dir):
        self._db.execute("INSERT OR REPLACE INTO runs (run_id, started, run_dir, status) VALUES (?, ?, ?, 'running')",
                         (run_id, started, run_dir))

    def end_run(self, run_id, status):
        self._db.execute("UPDATE runs SET status = ? WHERE run_id = ?", (status, run_id))

    def runs(self, statuses=None):
        rows = [dict(r) for r in self._db.execute("SELECT * FROM runs ORDER BY started DESC, rowid DESC")]
        for row in rows:
            row["manifest"] = json.loads(row["manifest"]) if row["manifest"] else None
            row["files"] = json.loads(row["files"]) if row["files"] else None
        return [r for r in rows if statuses is None or r["status"] in statuses]

    def lock(self):
        """An flock on `<site>.lock` beside the file: gone with the process, however it dies."""
        handle = open(self.path.with_suffix(".lock"), "w")
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.close()
            raise StateBusy(f"another crawl holds the state {self.path}") from None
        self._lock = handle

    def unlock(self):
        if self._lock is not None:
            self._lock.close()
            self._lock = None

    def close(self):
        self.unlock()
        self._db.close()

    def _transaction(self):
        db = self._db

        class _Tx:
            def __enter__(self):
                db.execute("PRAGMA synchronous=FULL")
                db.execute("BEGIN IMMEDIATE")

            def __exit__(self, exc_type, *rest):
                db.execute("ROLLBACK" if exc_type else "COMMIT")
                db.execute("PRAGMA synchronous=NORMAL")
                return False

        return _Tx()


DETAIL_KINDS = ("article", "project", "policy", "park")


def known_date(cached: dict) -> str | None:
    """The newest day (`2025-08-26`) we know a cached page by: its listing's or its own."""
    days = [d[:10] for d in [cached.get("listing_date")] + [r.get("published") for r in cached["records"]] if d]
    return max(days) if days else None


def refetch_reason(cached: dict | None, listing_date: str | None, now: datetime, max_age_days: float) -> str:
    """Whether and how to fetch a detail page again:

    "new"       never read (or last read as a listing): fetch it
    "listing"   its listing shows a newer date than we have: fetch it
    "stale"     read more than `max_age_days` ago: ask with If-None-Match /
                If-Modified-Since (a 304 replays the cached page)
    "fresh"     none of these: do not fetch, replay the cached page

    Dates compare by their day (`2025-08-26`), as listings show them."""
    if cached is None or cached["kind"] not in DETAIL_KINDS:
        return "new"
    if listing_date:
        known = known_date(cached)
        if not known or listing_date[:10] > known:
            return "listing"
    fetched = datetime.fromisoformat(cached["fetched_at"].replace("Z", "+00:00"))
    if (now - fetched).total_seconds() >= max_age_days * 86400:
        return "stale"
    return "fresh"
