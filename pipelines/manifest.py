"""manifest.json: what one run did, for the person or the scheduler that
reads the output next.

    {"run_id", "site", "status", "started", "finished", "seconds", "finish_reason",
     "start_urls", "pages_fetched", "pages_by_kind", "records", "records_read",
     "rejects", "http_errors", "download_errors", "retries",
     "robots_disallowed", "offsite_links", "pages_replayed", "pages_not_modified",
     "pages_without_records", "responses", "files", "schema_version"}

and, for runs that published (finished or degraded; pipelines/run.py):

    {"mode": "incremental" | "full", "since", "resumed",
     "changes": {type: {"new", "updated", "unchanged"}}, "records_seen": {type: n},
     "vanished": {type: [{"type", "id", "url", "title"}]},
     "coverage": {type: {field: {"filled", "total"}}}, "checks": [...]}

`records` counts the records written to the files (in an incremental run,
the new and updated ones); `records_seen` every record the run's snapshot
held. `vanished`: records the previous published run saw and this one did
not (gone from the lists, or their page now 404s).

`status` is `running` while the crawl runs (a run killed with SIGKILL keeps
it until the next run of the site marks it `killed`), then `finished`,
`degraded` (finished, files published, but a quality check failed;
`latest` not moved), `interrupted` (SIGTERM/SIGINT, or a CLOSESPIDER_* limit
ended it early) or `failed` (anything else, or nothing could be fetched).
"""
from __future__ import annotations

import json
import os
from pathlib import Path

SCHEMA_VERSION = 1
INTERRUPTED_REASONS = ("shutdown", "cancelled")


def run_status(reason: str | None, pages_fetched: int) -> str:
    if reason is None:
        return "running"
    if reason == "finished":
        return "finished" if pages_fetched else "failed"
    if reason in INTERRUPTED_REASONS or reason.startswith("closespider_"):
        return "interrupted"
    return "failed"


def _by_suffix(stats: dict, prefix: str) -> dict[str, int]:
    return {key[len(prefix):]: value for key, value in sorted(stats.items()) if key.startswith(prefix)}


def pages_fetched(stats: dict) -> int:
    """Pages that reached the spider: 2xx responses, after redirects."""
    return stats.get("portal/pages", 0) + stats.get("portal/not_html", 0)


def build_manifest(*, run_id: str, site: str, started: str, finished: str | None, seconds: float, reason: str | None,
                   start_urls: list[str], stats: dict, records: dict[str, int], records_read: int,
                   rejects: int, files: dict[str, str]) -> dict:
    fetched = pages_fetched(stats)
    return {
        "run_id": run_id,
        "site": site,
        "status": run_status(reason, fetched),
        "started": started,
        "finished": finished,
        "seconds": seconds,
        "finish_reason": reason,
        "start_urls": start_urls,
        "pages_fetched": fetched,
        "pages_by_kind": _by_suffix(stats, "portal/pages/"),
        "records": records,
        "records_read": records_read,
        "rejects": rejects,
        "http_errors": {code: n for code, n in _by_suffix(stats, "downloader/response_status_count/").items()
                        if code.isdigit() and int(code) >= 400},
        # IgnoreRequest is robots.txt or the off-site fence saying no, counted below.
        "download_errors": {name: n for name, n in _by_suffix(stats, "downloader/exception_type_count/").items()
                            if not name.endswith("IgnoreRequest")},
        "retries": stats.get("retry/count", 0),
        "robots_disallowed": stats.get("robotstxt/forbidden", 0),
        "offsite_links": stats.get("portal/offsite_links", 0),
        # Incremental runs (scraper/state.py): detail pages not fetched again, or answered 304.
        "pages_replayed": stats.get("portal/pages_replayed", 0),
        "pages_not_modified": stats.get("portal/pages_not_modified", 0),
        "pages_without_records": stats.get("portal/pages_without_records", 0),
        # Responses from the network (not the ones spiders/middlewares.py answered from the state).
        "responses": stats.get("downloader/response_count", 0) - stats.get("portal/detail_links/fresh", 0),
        "files": files,
        "schema_version": SCHEMA_VERSION,
    }


def write_json_atomic(path: Path, data: dict) -> None:
    tmp = path.with_name(path.name + ".tmp")
    with open(tmp, "w", encoding="utf-8") as fh:
        json.dump(data, fh, ensure_ascii=False, indent=2)
        fh.write("\n")
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)
