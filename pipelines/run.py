"""One crawl's output directory, published when the crawl closes.

    <OUTPUT_DIR>/<site>/<run-id>/
        articles.jsonl  projects.jsonl  policies.jsonl  parks.jsonl
        rejects.jsonl   manifest.json
    <OUTPUT_DIR>/<site>/latest -> <run-id>      the last run that finished

While the crawl runs, no `*.jsonl` exists in the run directory: records sit
in `.records.sqlite` (dedupe.py), rejects in `rejects.jsonl.tmp`, and
manifest.json says `running`. When the spider closes:

- finished: every file is written under a temporary name and moved into
  place (os.replace), then manifest.json, then `latest` is re-pointed
  (a new symlink moved over the old one);
- interrupted or failed: the same files, named `*.jsonl.partial` (complete
  lines of an incomplete crawl), manifest.json says why, `latest` stays.

A run killed outright (SIGKILL, power loss) leaves its scratch files and a
`running` manifest, and never a `*.jsonl` or a moved `latest`.
"""
from __future__ import annotations

import logging
import os
import secrets
import time
import weakref
from datetime import datetime, timezone
from pathlib import Path

from scrapy import signals

from pipelines.jsonl import AppendLog, write_atomic
from pipelines.manifest import build_manifest, pages_fetched, run_status, write_json_atomic

logger = logging.getLogger(__name__)

FILE_NAMES = {"article": "articles", "project": "projects", "policy": "policies", "park": "parks"}


def utc_now() -> str:
    return datetime.now(timezone.utc).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def new_run_id() -> str:
    """Sortable and unique: UTC start time plus a random suffix."""
    return datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%SZ") + "-" + secrets.token_hex(2)


class RunOutput:
    """The output of one crawl; one per crawler, shared by the pipelines
    (get it with `RunOutput.for_crawler(crawler)`)."""

    _instances: "weakref.WeakKeyDictionary" = weakref.WeakKeyDictionary()

    @classmethod
    def for_crawler(cls, crawler) -> "RunOutput":
        if crawler not in cls._instances:
            cls._instances[crawler] = cls(crawler)
        return cls._instances[crawler]

    def __init__(self, crawler):
        self.crawler = crawler
        spider = crawler.spider
        self.site = getattr(spider, "site_name", None) or spider.name
        self.start_urls = list(getattr(spider, "start_urls", []))
        self.run_id = crawler.settings.get("RUN_ID") or new_run_id()
        self.site_dir = Path(crawler.settings.get("OUTPUT_DIR")) / self.site
        self.dir = self.site_dir / self.run_id
        self.started: str | None = None
        self._started_monotonic = 0.0
        self.store = None
        self.rejects: AppendLog | None = None
        self.manifest: dict | None = None
        crawler.signals.connect(self._spider_closed, signal=signals.spider_closed)

    # -- during the crawl ----------------------------------------------------

    def open(self) -> None:
        """Create the run directory (once). A run id used before is an error,
        never an overwrite."""
        if self.started is not None:
            return
        self.dir.mkdir(parents=True)
        self.started = utc_now()
        self._started_monotonic = time.monotonic()
        self.rejects = AppendLog(self.dir / "rejects.jsonl")
        self._write_manifest(None, {}, {})
        logger.info("Run %s: output in %s", self.run_id, self.dir)

    def attach_store(self, store) -> None:
        """The RecordStore whose records are published at close."""
        self.store = store

    def reject(self, record: dict, reasons: list[str]) -> None:
        self.rejects.write({"reasons": reasons, "record": record})
        self.crawler.stats.inc_value(f"records/rejected/{record.get('type')}")

    # -- at the end ------------------------------------------------------------

    def _spider_closed(self, spider, reason: str) -> None:
        self.finish(reason)

    def finish(self, reason: str) -> dict | None:
        if self.started is None:  # closed before it opened: nothing to publish
            return None
        status = run_status(reason, pages_fetched(self.crawler.stats.get_stats()))
        suffix = "" if status == "finished" else ".partial"
        records: dict[str, int] = {}
        files: dict[str, str] = {}
        try:
            if self.store is not None:
                for record_type, name in FILE_NAMES.items():
                    path = self.dir / f"{name}.jsonl{suffix}"
                    records[record_type] = write_atomic(path, self.store.records(record_type))
                    files[record_type] = path.name
                self.store.close()
            files["rejects"] = self.rejects.publish(self.dir / f"rejects.jsonl{suffix}").name
        except OSError as exc:
            logger.error("Run %s: could not write its output: %s", self.run_id, exc)
            reason = f"output_error: {exc}"
        manifest = self._write_manifest(reason, records, files)
        if manifest["status"] == "finished":
            self._point_latest()
        logger.info("Run %s %s: %d pages, records %s, %d rejects, in %s", self.run_id, manifest["status"],
                    manifest["pages_fetched"], records, manifest["rejects"], self.dir)
        return manifest

    def _write_manifest(self, reason: str | None, records: dict, files: dict) -> dict:
        stats = self.crawler.stats.get_stats()
        self.manifest = build_manifest(
            run_id=self.run_id, site=self.site, started=self.started,
            finished=utc_now() if reason else None, seconds=round(time.monotonic() - self._started_monotonic, 3),
            reason=reason, start_urls=self.start_urls, stats=stats,
            records=records, records_read=stats.get("item_scraped_count", 0),
            rejects=self.rejects.count if self.rejects else 0, files=files,
        )
        write_json_atomic(self.dir / "manifest.json", self.manifest)
        return self.manifest

    def _point_latest(self) -> None:
        link = self.site_dir / "latest"
        tmp = self.site_dir / f".latest-{self.run_id}"
        tmp.unlink(missing_ok=True)
        os.symlink(self.run_id, tmp)
        os.replace(tmp, link)
