"""The merge step of a distributed run: once its workers have drained the
queue, every record they pushed is merged by (type, id) with the rules of a
single-process crawl (pipelines/dedupe.py) and the run is published exactly
as one (pipelines/run.py: changes against the state, files, manifest,
`latest`), with one manifest whose counters are the sums of the workers'.
Then the run's keys are deleted from Redis.
"""
from __future__ import annotations

import json
import logging

from pipelines.run import RunOutput
from scraper.distributed.keys import RunKeys, current_run, current_run_key

logger = logging.getLogger(__name__)
BATCH = 1000


class NothingToMerge(RuntimeError):
    """No run of this site in Redis, or it is still being crawled."""


class SummedStats:
    """The workers' Scrapy stats, added up: what the manifest reads."""

    def __init__(self, per_worker: dict[str, dict]):
        self.per_worker = per_worker
        self._stats: dict = {}
        for stats in per_worker.values():
            for key, value in stats.items():
                if isinstance(value, (int, float)) and not isinstance(value, bool):
                    self._stats[key] = self._stats.get(key, 0) + value
        self._stats["distributed/workers"] = len(per_worker)

    def get_stats(self) -> dict:
        return self._stats

    def inc_value(self, key: str, count: int = 1, start: int = 0) -> None:
        self._stats[key] = self._stats.get(key, start) + count


def run_progress(server, keys: RunKeys) -> dict:
    """What `crawl --redis` prints while a run goes on."""
    workers = [w.decode() for w in server.smembers(keys.workers)]
    alive = [w for w in workers if server.exists(keys.alive(w))]
    return {"queued": server.zcard(keys.requests), "in_progress": server.hlen(keys.processing),
            "records_read": server.llen(keys.items), "workers": len(workers), "alive": len(alive),
            "seen": server.scard(keys.dupefilter)}


def drained(server, keys: RunKeys) -> bool:
    return server.zcard(keys.requests) == 0 and server.hlen(keys.processing) == 0


def merge_run(settings, site: str, server, run_id: str | None = None, profile=None, force: bool = False) -> dict:
    """Publish the site's current run (or `run_id`); returns its manifest.
    Refuses while requests are queued or in progress unless `force` (then
    the run is published as interrupted, `*.jsonl.partial`)."""
    run_id = run_id or current_run(server, site)
    if not run_id:
        raise NothingToMerge(f"no run of {site!r} in Redis")
    keys = RunKeys(site, run_id)
    if not server.exists(keys.meta):
        raise NothingToMerge(f"run {run_id} of {site!r} is not in Redis")
    complete = drained(server, keys)
    if not complete and not force:
        p = run_progress(server, keys)
        raise NothingToMerge(f"run {run_id} is not finished: {p['queued']} requests queued, "
                             f"{p['in_progress']} in progress, {p['alive']} workers alive")
    meta = {k.decode(): v.decode() for k, v in server.hgetall(keys.meta).items()}
    per_worker = {w.decode(): json.loads(v) for w, v in server.hgetall(keys.stats).items()}
    settings = settings.copy()
    settings.set("RUN_ID", run_id, priority="cmdline")
    run = RunOutput(settings, SummedStats(per_worker), site, json.loads(meta.get("start_urls", "[]")), profile)
    run.resumed = run.dir.is_dir()  # a merge that was killed: done again from Redis
    run.open(started=meta.get("started"))
    run.extra = {"distributed": {
        "workers": {w: {"pages": s.get("portal/pages", 0), "finish_reason": s.get("distributed/finish_reason"),
                        "started": s.get("start_time"), "finished": s.get("finish_time")}
                    for w, s in sorted(per_worker.items())},
        "records_pushed": server.llen(keys.items),
        "requests_reclaimed": sum(s.get("distributed/reclaimed", 0) for s in per_worker.values())}}
    store = run.new_store()
    for entry in _read_list(server, keys.items):
        (store.replace_own if entry["op"] == "replace_own" else store.add)(entry["record"])
    run.attach_store(store)
    for reject in _read_list(server, keys.rejects):
        run.rejects.write(reject)
    run.gone.update(tuple(json.loads(m)) for m in server.smembers(keys.gone))
    manifest = run.finish("finished" if complete else "shutdown")
    if manifest and manifest["status"] in ("finished", "degraded", "failed"):
        cleanup(server, keys)
    return manifest


def cleanup(server, keys: RunKeys) -> None:
    """Delete a published run's keys, and stop pointing workers at it."""
    for i in range(0, len(names := keys.all_keys(server)), BATCH):
        server.delete(*names[i:i + BATCH])
    pointer = current_run_key(keys.site)
    if (server.get(pointer) or b"").decode() == keys.run_id:
        server.delete(pointer)


def _read_list(server, key: str):
    """A Redis list in batches: the items of a big run never sit in memory at once."""
    start = 0
    while True:
        chunk = server.lrange(key, start, start + BATCH - 1)
        if not chunk:
            return
        for value in chunk:
            yield json.loads(value)
        start += len(chunk)
