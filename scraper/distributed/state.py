"""The site's state (scraper/state.py) in Redis, for distributed runs: every
worker reads and writes the same page cache, and the merge step commits
the run's records there.

    zhaoshang:<site>:state:pages          hash url -> page (JSON)
    zhaoshang:<site>:state:records:<type> hash id -> record row (JSON)
    zhaoshang:<site>:state:runs           hash run_id -> run row (JSON)
    zhaoshang:<site>:state:staged:<run>   hash "type id" -> {hash, record}
    zhaoshang:<site>:state:lock           the publishing lock (token, TTL)

The same two commit rules as SQLite: pages are written as they are read;
records change only when a run is published. `commit_run` applies the
staged rows in batches, not in one transaction, but applying a row twice
gives the same row, so a merge killed halfway is finished by the next one
(`recover`) with the same result. Redis must persist (appendonly yes) for
the state to survive a restart; see README "Operations".
"""
from __future__ import annotations

import json
import secrets

from scraper.distributed.keys import PREFIX
from scraper.state import StateBusy, StateStore, utc_now

TYPES = ("article", "project", "policy", "park")
_UNLOCK = """
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
"""


def open_redis_state(settings, site: str, server) -> "RedisStateStore | None":
    if not settings.getbool("STATE_ENABLED", True):
        return None
    return RedisStateStore(server, site)


def _loads(value):
    return json.loads(value) if value is not None else None


class RedisStateStore(StateStore):
    def __init__(self, server, site: str):
        self.server = server
        self.site = site
        self.base = f"{PREFIX}:{site}:state"
        self.path = f"redis {self.base}"  # what messages name it by
        self._lock_token: str | None = None

    def _k(self, *parts: str) -> str:
        return ":".join((self.base, *parts))

    # -- pages ------------------------------------------------------------------

    def page(self, url):
        return _loads(self.server.hget(self._k("pages"), url))

    def save_page(self, url, *, kind, etag, last_modified, fetched_at, listing_date, records, links, run_id):
        page = {"url": url, "kind": kind, "etag": etag, "last_modified": last_modified, "fetched_at": fetched_at,
                "listing_date": listing_date, "records": records, "links": links, "run_id": run_id}
        self.server.hset(self._k("pages"), url, json.dumps(page, ensure_ascii=False))

    def touch_page(self, url, fetched_at, listing_date):
        page = self.page(url)
        if page is None:
            return
        page["fetched_at"] = fetched_at
        page["listing_date"] = listing_date or page["listing_date"]
        self.server.hset(self._k("pages"), url, json.dumps(page, ensure_ascii=False))

    # -- records ------------------------------------------------------------------

    def _rows(self, record_type: str):
        for rid, value in self.server.hscan_iter(self._k("records", record_type), count=1000):
            yield rid.decode(), json.loads(value)

    def record_hashes(self, record_type):
        return {rid: row["hash"] for rid, row in self._rows(record_type)}

    def records_changed_since(self, since):
        rows = [row for record_type in TYPES for _, row in self._rows(record_type) if row["changed_at"] >= since]
        return sorted(rows, key=lambda row: (row["changed_at"], row["type"], row["id"]))

    def stage_records(self, run_id, rows):
        mapping = {f"{r['type']} {r['id']}": json.dumps({"hash": r["hash"], "record": r["record"]}, ensure_ascii=False)
                   for r in rows}
        if mapping:
            self.server.hset(self._k("staged", run_id), mapping=mapping)

    def clear_staged(self, run_id: str | None = None) -> None:
        if run_id is not None:
            self.server.delete(self._k("staged", run_id))
            return
        publishing = {r["run_id"] for r in self.runs(("publishing",))}
        for key in self.server.scan_iter(match=self._k("staged", "*")):
            if key.decode().rsplit(":", 1)[1] not in publishing:
                self.server.delete(key)

    def stage_run(self, run_id, manifest, files):
        self._update_run(run_id, status="publishing", manifest=manifest, files=files)

    def commit_run(self, run_id):
        run = self._run(run_id)
        now = run["manifest"].get("finished") or utc_now()
        staged = self._k("staged", run_id)
        batch: list = []
        for field, value in self.server.hscan_iter(staged, count=500):
            batch.append((field.decode(), json.loads(value)))
            if len(batch) >= 500:
                self._apply(batch, run_id, now)
        self._apply(batch, run_id, now)
        self.server.delete(staged)
        self._update_run(run_id, status=run["manifest"]["status"])

    def _apply(self, batch: list, run_id: str, now: str) -> None:
        """Staged rows into `records`, as SQLite's upsert does; idempotent."""
        if not batch:
            return
        pipe = self.server.pipeline(transaction=False)
        for field, _ in batch:
            record_type, rid = field.split(" ", 1)
            pipe.hget(self._k("records", record_type), rid)
        olds = pipe.execute()
        pipe = self.server.pipeline(transaction=True)
        for (field, staged), old in zip(batch, olds):
            record_type, rid = field.split(" ", 1)
            old = _loads(old)
            if old is None:
                row = {"type": record_type, "id": rid, "hash": staged["hash"], "first_seen": now, "last_seen": now,
                       "changed_at": now, "previous_hash": None, "last_run": run_id, "record": staged["record"]}
            else:
                changed = old["hash"] != staged["hash"]
                row = {**old, "hash": staged["hash"], "last_seen": now, "last_run": run_id, "record": staged["record"],
                       "changed_at": now if changed else old["changed_at"],
                       "previous_hash": old["hash"] if changed else old["previous_hash"]}
            pipe.hset(self._k("records", record_type), rid, json.dumps(row, ensure_ascii=False))
        pipe.execute()
        batch.clear()

    def vanished(self, previous_run, seen):
        if previous_run is None:
            return []
        out = []
        for record_type in TYPES:
            for rid, row in self._rows(record_type):
                if row["last_run"] == previous_run and (record_type, rid) not in seen:
                    out.append({"type": record_type, "id": rid, "url": row["record"].get("url"),
                                "title": row["record"].get("title")})
        return out

    # -- runs ---------------------------------------------------------------------

    def _run(self, run_id: str) -> dict | None:
        return _loads(self.server.hget(self._k("runs"), run_id))

    def _update_run(self, run_id: str, **changes) -> None:
        run = self._run(run_id) or {"run_id": run_id}
        run.update(changes)
        self.server.hset(self._k("runs"), run_id, json.dumps(run, ensure_ascii=False))

    def begin_run(self, run_id, started, run_dir):
        self.server.hset(self._k("runs"), run_id, json.dumps(
            {"run_id": run_id, "started": started, "run_dir": run_dir, "status": "running",
             "manifest": None, "files": None}, ensure_ascii=False))

    def end_run(self, run_id, status):
        self._update_run(run_id, status=status)

    def runs(self, statuses=None):
        rows = [json.loads(v) for v in self.server.hvals(self._k("runs"))]
        rows.sort(key=lambda r: (r["started"], r["run_id"]), reverse=True)
        return [r for r in rows if statuses is None or r["status"] in statuses]

    # -- the publishing lock ----------------------------------------------------------

    def lock(self, seconds: int = 3600) -> None:
        token = secrets.token_hex(8)
        if not self.server.set(self._k("lock"), token, nx=True, ex=seconds):
            raise StateBusy(f"another process is publishing a run of {self.site!r} (Redis key {self._k('lock')})")
        self._lock_token = token

    def unlock(self) -> None:
        if self._lock_token:
            self.server.eval(_UNLOCK, 1, self._k("lock"), self._lock_token)
            self._lock_token = None

    def close(self):
        self.unlock()
