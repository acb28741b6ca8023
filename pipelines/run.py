"""One crawl's output directory, published when the crawl closes.

    <OUTPUT_DIR>/<site>/<run-id>/
        articles.jsonl  projects.jsonl  policies.jsonl  parks.jsonl
        rejects.jsonl   manifest.json
    <OUTPUT_DIR>/<site>/latest -> <run-id>      the last run that finished

While the crawl runs, no `*.jsonl` exists in the run directory: records sit
in `.records.sqlite` (dedupe.py), rejects in `rejects.jsonl.tmp`, and
manifest.json says `running`. When the spider closes:

- finished (or degraded): each record of the run is compared with the site's
  state (scraper/state.py): new, updated, unchanged. The files get the new
  and updated records (all of them with RUN_MODE=full, or those changed since
  RUN_SINCE too), written under temporary names and fsynced; then the state
  *stages* the run (its manifest and every record it saw, one transaction);
  then the files are moved into place (os.replace), manifest.json written,
  `latest` re-pointed (finished runs only: a degraded run publishes its files
  but leaves `latest` on the last good run), and the staged rows committed;
- interrupted or failed: the same files with every record read, named
  `*.jsonl.partial` (complete lines of an incomplete crawl), manifest.json
  says why, `latest` stays, and the state's records are not touched (the
  next run emits them again).

A run killed outright (SIGKILL, power loss) leaves its scratch files and a
`running` manifest, and never a `*.jsonl` or a moved `latest`, unless it was
killed after staging: then the next run (`recover`) moves the remaining files
into place and commits, exactly as the killed run would have.
"""
from __future__ import annotations

import json
import logging
import os
import secrets
import time
import weakref
from datetime import datetime, timezone
from pathlib import Path

from scrapy import signals

from pipelines.jsonl import AppendLog, publish_temp, write_atomic, write_temp
from pipelines.manifest import build_manifest, pages_fetched, run_status, write_json_atomic
from scraper.state import SqliteStateStore, StateBusy, StateStore, content_hash

logger = logging.getLogger(__name__)

FILE_NAMES = {"article": "articles", "project": "projects", "policy": "policies", "park": "parks"}
#: Statuses of runs whose files were published (their manifests are the history quality checks read).
PUBLISHED = ("finished", "degraded")


def utc_now() -> str:
    return datetime.now(timezone.utc).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def _seconds_since(iso: str) -> float:
    moment = datetime.fromisoformat(iso.replace("Z", "+00:00"))
    return max(0.0, (datetime.now(timezone.utc) - moment).total_seconds())


def new_run_id() -> str:
    """Sortable and unique: UTC start time plus a random suffix."""
    return datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%SZ") + "-" + secrets.token_hex(2)


def state_dir(settings) -> Path:
    """STATE_DIR, or `state/` beside OUTPUT_DIR (data/state/ by default): the
    state describes what was published in that output tree."""
    return Path(settings.get("STATE_DIR") or Path(settings.get("OUTPUT_DIR")).parent / "state")


def open_state(settings, site: str) -> StateStore | None:
    """The site's state: in Redis for a distributed run (REDIS_URL), else SQLite."""
    if not settings.getbool("STATE_ENABLED", True):
        return None
    if settings.get("REDIS_URL"):
        from scraper.distributed.keys import connect
        from scraper.distributed.state import RedisStateStore

        return RedisStateStore(connect(settings.get("REDIS_URL")), site)
    return SqliteStateStore.for_site(state_dir(settings), site)


def unfinished_run(state: StateStore) -> str | None:
    """The run a `--resume` continues: the newest run, if it is still
    `running` in the state (its process died: runs of a site hold a lock
    while they live) or was `interrupted` (SIGTERM, Ctrl-C)."""
    runs = state.runs()
    return runs[0]["run_id"] if runs and runs[0]["status"] in ("running", "interrupted") else None


def recover(state: StateStore, site_dir: Path) -> list[str]:
    """Finish publishing any run killed after it staged: move its remaining
    temporary files into place, write its manifest, point `latest`, commit.
    Returns the run ids completed."""
    done = []
    state.clear_staged()
    for run in reversed(state.runs(("publishing",))):
        run_dir = Path(run["run_dir"])
        for name in (run["files"] or {}).values():
            publish_temp(run_dir / name)
        manifest = run["manifest"]
        write_json_atomic(run_dir / "manifest.json", manifest)
        if manifest["status"] == "finished":
            point_latest(site_dir, run["run_id"])
        state.commit_run(run["run_id"])
        logger.warning("Run %s had been killed while publishing; its publication is now complete", run["run_id"])
        done.append(run["run_id"])
    return done


def point_latest(site_dir: Path, run_id: str) -> None:
    link = site_dir / "latest"
    tmp = site_dir / f".latest-{run_id}"
    tmp.unlink(missing_ok=True)
    os.symlink(run_id, tmp)
    os.replace(tmp, link)


def _quality():
    """scraper.quality when it exists (it is written beside this)."""
    try:
        from scraper import quality
    except ImportError:
        return None
    return quality


class SiteBusy(RuntimeError):
    """Another crawl of the same site holds its state."""


class RunOutput:
    """The output of one crawl; one per crawler, shared by the pipelines
    and the spider (get it with `RunOutput.for_crawler(crawler)`)."""

    _instances: "weakref.WeakKeyDictionary" = weakref.WeakKeyDictionary()

    @classmethod
    def for_crawler(cls, crawler) -> "RunOutput":
        """The crawler's run; in a distributed crawl (REDIS_URL) a worker's
        part of the shared run (scraper/distributed/worker.py), which the
        merge step publishes."""
        if crawler not in cls._instances:
            if crawler.settings.get("REDIS_URL"):
                from scraper.distributed.worker import WorkerRun

                cls._instances[crawler] = WorkerRun.for_crawler(crawler)
            else:
                spider = crawler.spider
                run = cls(crawler.settings, crawler.stats, getattr(spider, "site_name", None) or spider.name,
                          list(getattr(spider, "start_urls", [])), getattr(spider, "profile", None))
                crawler.signals.connect(run._spider_closed, signal=signals.spider_closed)
                cls._instances[crawler] = run
        return cls._instances[crawler]

    def __init__(self, settings, stats, site: str, start_urls: list[str], profile=None):
        """`stats` is a Scrapy stats collector (get_stats, inc_value): the
        crawler's, or the merge step's sum of its workers'."""
        self.settings = settings
        self.stats = stats
        self.profile = profile
        self.site = site
        self.start_urls = start_urls
        self.site_dir = Path(settings.get("OUTPUT_DIR")) / self.site
        self.mode = "full" if settings.get("RUN_MODE", "incremental") == "full" else "incremental"
        self.since = settings.get("RUN_SINCE") or None
        self.publish_pause = settings.getfloat("RUN_PUBLISH_PAUSE", 0.0)  # crash tests only
        self.state = open_state(settings, self.site)
        self.resumed = False
        run_id = settings.get("RUN_ID")
        if settings.getbool("RUN_RESUME") and self.state is not None:
            previous = unfinished_run(self.state)
            if previous and (not run_id or run_id == previous):
                run_id, self.resumed = previous, True
        self.run_id = run_id or new_run_id()
        self.dir = self.site_dir / self.run_id
        self.started: str | None = None
        self._started_monotonic = 0.0
        self.store = None
        #: (type, id) of records whose own page now answers 404/410 (the spider says): not in the snapshot.
        self.gone: set[tuple[str, str]] = set()
        #: (type, id) of own-page records read again after a replay (the spider says): they replace it.
        self.superseding: set[tuple[str, str]] = set()
        self.rejects: AppendLog | None = None
        self.manifest: dict | None = None
        self.thresholds: dict | None = None
        #: More manifest fields (the merge step's `workers`, scraper/distributed/merge.py).
        self.extra: dict = {}

    # -- during the crawl ----------------------------------------------------

    def open(self, started: str | None = None) -> None:
        """Create the run directory (once). A run id used before is an error,
        never an overwrite, unless the run is resumed: then what the killed
        process left (scratch store, temporary files) is discarded and the
        crawl reads its pages again, most of them from the state's page cache.
        `started`: when the run began, if before now (a distributed run's
        merge step opens it when its workers are done)."""
        if self.started is not None:
            return
        self.thresholds = self._thresholds()  # a misspelt threshold stops the crawl before it starts
        if self.state is not None:
            self._take_lock()
            self.site_dir.mkdir(parents=True, exist_ok=True)
            recover(self.state, self.site_dir)
        try:
            self._make_dir()
        except BaseException:
            self.close_state()
            raise
        if self.state is not None:
            for run in self.state.runs(("running",)):
                if run["run_id"] != self.run_id:
                    self._mark_killed(run)
        self.started = started or utc_now()
        self._started_monotonic = time.monotonic() - _seconds_since(self.started)
        self.rejects = AppendLog(self.dir / "rejects.jsonl")
        if self.state is not None:
            self.state.begin_run(self.run_id, self.started, str(self.dir))
        self._write_manifest(None, {}, {})
        logger.info("Run %s: output in %s", self.run_id, self.dir)

    def _take_lock(self) -> None:
        """One crawl of a site at a time: the state and `latest` are the site's."""
        try:
            self.state.lock()
        except StateBusy as exc:
            raise SiteBusy(f"another crawl of {self.site!r} is running: {exc}") from None

    def _make_dir(self) -> None:
        if self.resumed and self.dir.is_dir():
            for leftover in [*self.dir.glob("*.tmp"), *self.dir.glob("*.partial"), *self.dir.glob(".records.sqlite*")]:
                leftover.unlink()
            logger.info("Run %s: resuming it", self.run_id)
        else:
            self.dir.mkdir(parents=True)

    def _mark_killed(self, run: dict) -> None:
        """A run that died without closing (and will not be resumed): say so
        in its manifest, so `runs` and consumers do not wait for it."""
        self.state.end_run(run["run_id"], "killed")
        path = Path(run["run_dir"]) / "manifest.json"
        try:
            manifest = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return
        manifest.update(status="killed", finish_reason=f"killed; superseded by run {self.run_id}")
        write_json_atomic(path, manifest)

    def new_store(self):
        """A scratch RecordStore in the run directory (pipelines/dedupe.py)."""
        from pipelines.dedupe import RecordStore

        return RecordStore(self.dir / ".records.sqlite")

    def attach_store(self, store) -> None:
        """The RecordStore whose records are published at close."""
        self.store = store

    def reject(self, record: dict, reasons: list[str]) -> None:
        self.rejects.write({"reasons": reasons, "record": record})
        self.stats.inc_value(f"records/rejected/{record.get('type')}")

    # -- at the end ------------------------------------------------------------

    def _spider_closed(self, spider, reason: str) -> None:
        self.finish(reason)

    def close_state(self) -> None:
        if self.state is not None:
            self.state.close()
            self.state = None

    def finish(self, reason: str) -> dict | None:
        if self.started is None:  # closed before it opened: nothing to publish
            self.close_state()
            return None
        try:
            status = run_status(reason, pages_fetched(self.stats.get_stats()))
            if status == "finished":
                try:
                    return self._publish(reason)
                except OSError as exc:
                    logger.error("Run %s: could not write its output: %s", self.run_id, exc)
                    reason = f"output_error: {exc}"
            return self._publish_partial(reason)
        finally:
            self.close_state()

    def _publish_partial(self, reason: str) -> dict:
        """Everything read, as `*.jsonl.partial`; the state's records untouched."""
        records: dict[str, int] = {}
        files: dict[str, str] = {}
        try:
            if self.store is not None:
                for record_type, name in FILE_NAMES.items():
                    path = self.dir / f"{name}.jsonl.partial"
                    records[record_type] = write_atomic(path, self.store.records(record_type))
                    files[record_type] = path.name
                self.store.close()
            files["rejects"] = self.rejects.publish(self.dir / "rejects.jsonl.partial").name
        except OSError as exc:
            logger.error("Run %s: could not write its output: %s", self.run_id, exc)
            reason = reason if reason.startswith("output_error") else f"output_error: {exc}"
        manifest = self._write_manifest(reason, records, files)
        if self.state is not None:
            self.state.end_run(self.run_id, manifest["status"])
        self._log_end(manifest)
        return manifest

    def _publish(self, reason: str) -> dict:
        """A finished run: changes against the state, files staged, published, committed."""
        written, changes, seen = {}, {}, set()
        if self.state is not None:
            self.state.clear_staged(self.run_id)
        files: dict[str, str] = {}
        quality = _quality()
        coverage = quality.CoverageCounter() if quality is not None and hasattr(quality, "CoverageCounter") else None
        since_rows = self._changed_since()
        for record_type, name in FILE_NAMES.items():
            known = self.state.record_hashes(record_type) if self.state is not None else {}
            counts = {"new": 0, "updated": 0, "unchanged": 0}

            def emitted(record_type=record_type, known=known, counts=counts):
                rows = []
                for record in self.store.records(record_type) if self.store is not None else []:
                    if (record_type, record["id"]) in self.gone:
                        continue
                    digest = content_hash(record)
                    previous = known.get(record["id"])
                    seen.add((record_type, record["id"]))
                    if coverage is not None:
                        coverage.add(record)
                    rows.append({"type": record_type, "id": record["id"], "hash": digest, "record": record})
                    if len(rows) >= 1000:
                        self._stage(rows)
                    if previous is None:
                        change = {"change": "new"}
                    elif previous != digest:
                        change = {"change": "updated", "previous_hash": previous}
                    else:
                        change = {"change": "unchanged"}
                    counts[change["change"]] += 1
                    if change["change"] == "unchanged":  # in this run; --since may still want it
                        change = since_rows.get((record_type, record["id"]), change)
                    if self.mode == "full" or change["change"] != "unchanged":
                        yield {**record, **change}
                self._stage(rows)

            path = self.dir / f"{name}.jsonl"
            written[record_type] = write_temp(path, emitted())
            files[record_type] = path.name
            changes[record_type] = counts
        if self.store is not None:
            self.store.close()
        self.rejects.close()
        files["rejects"] = "rejects.jsonl"
        vanished = self._vanished(seen)
        manifest = self._build_manifest(reason, written, files)
        manifest.update(mode=self.mode, since=self.since, changes=changes,
                        records_seen={t: sum(c.values()) for t, c in changes.items()},
                        vanished={t: [v for v in vanished if v["type"] == t] for t in FILE_NAMES},
                        resumed=self.resumed)
        if coverage is not None:
            manifest["coverage"] = coverage.counts()
        self._check_quality(manifest, quality)
        if self.state is not None:
            self.state.stage_run(self.run_id, manifest, files)
        for name in files.values():
            self._pause()
            publish_temp(self.dir / name)
        self._pause()
        write_json_atomic(self.dir / "manifest.json", manifest)
        self.manifest = manifest
        if manifest["status"] == "finished":
            point_latest(self.site_dir, self.run_id)
        self._pause()
        if self.state is not None:
            self.state.commit_run(self.run_id)
        self._log_end(manifest)
        return manifest

    def _stage(self, rows: list[dict]) -> None:
        """Hand a batch of the snapshot's rows to the state (memory stays flat); empties `rows`."""
        if self.state is not None and rows:
            self.state.stage_records(self.run_id, rows)
        rows.clear()

    def _changed_since(self) -> dict:
        """With RUN_SINCE: records that changed in earlier runs at or after it,
        as (type, id) -> their change, so they are emitted again."""
        if not self.since or self.state is None:
            return {}
        out = {}
        for row in self.state.records_changed_since(self.since):
            if row["first_seen"] >= self.since:
                out[(row["type"], row["id"])] = {"change": "new"}
            else:
                out[(row["type"], row["id"])] = {"change": "updated", "previous_hash": row["previous_hash"]}
        return out

    def _vanished(self, seen: set) -> list[dict]:
        if self.state is None:
            return []
        previous = self.state.runs(PUBLISHED)
        return self.state.vanished(previous[0]["run_id"] if previous else None, seen)

    def _check_quality(self, manifest: dict, quality) -> None:
        """Quality checks (scraper/quality.py) against the site's earlier
        published runs, newest first; any failure makes the run `degraded`."""
        if quality is None:
            return
        history = [r["manifest"] for r in self.state.runs(PUBLISHED) if r["manifest"]] if self.state else []
        checks = quality.evaluate(manifest, history, self.thresholds)
        manifest["checks"] = checks
        if any(not c.get("passed") for c in checks):
            manifest["status"] = "degraded"

    def _thresholds(self) -> dict | None:
        quality = _quality()
        if quality is None:
            return None
        if hasattr(quality, "thresholds_for"):
            return quality.thresholds_for(self.settings, getattr(self.profile, "raw", None))
        return self.settings.getdict("QUALITY_THRESHOLDS") or None

    def _pause(self) -> None:
        if self.publish_pause:
            time.sleep(self.publish_pause)

    def _log_end(self, manifest: dict) -> None:
        logger.info("Run %s %s: %d pages, records %s, %d rejects, in %s", self.run_id, manifest["status"],
                    manifest["pages_fetched"], manifest["records"], manifest["rejects"], self.dir)

    def _build_manifest(self, reason: str | None, records: dict, files: dict) -> dict:
        stats = self.stats.get_stats()
        return self.extra | build_manifest(
            run_id=self.run_id, site=self.site, started=self.started,
            finished=utc_now() if reason else None, seconds=round(time.monotonic() - self._started_monotonic, 3),
            reason=reason, start_urls=self.start_urls, stats=stats,
            records=records, records_read=stats.get("item_scraped_count", 0),
            rejects=self.rejects.count if self.rejects else 0, files=files,
        )

    def _write_manifest(self, reason: str | None, records: dict, files: dict) -> dict:
        self.manifest = self._build_manifest(reason, records, files)
        write_json_atomic(self.dir / "manifest.json", self.manifest)
        return self.manifest
