"""A worker's side of a distributed run: what `RunOutput` is to a crawl on
one machine (pipelines/run.py), minus publishing, which the merge step does
once for the whole run (merge.py).

Records go to the run's `items` list in Redis as the pipelines pass them
(one RPUSH each, before the item counts as done for its lease, acks.py);
rejects to `rejects`; the spider's 404/410 verdicts to `gone`. The worker's
Scrapy stats are published every heartbeat and at close, so the merged
manifest counts the pages of every worker, a killed one's up to its last
heartbeat.
"""
from __future__ import annotations

import json
import logging
import weakref

from scrapy import signals
from twisted.internet import task

from pipelines.run import new_run_id, utc_now
from scraper.distributed.keys import RunKeys, connect, join_run, new_worker_id

logger = logging.getLogger(__name__)


class ItemLog:
    """The worker's record store: appends to the run's `items` list; the
    merge step applies the same merge rules as pipelines/dedupe.py."""

    def __init__(self, server, key: str):
        self.server = server
        self.key = key

    def add(self, record: dict) -> None:
        self.server.rpush(self.key, json.dumps({"op": "add", "record": record}, ensure_ascii=False))

    def replace_own(self, record: dict) -> None:
        self.server.rpush(self.key, json.dumps({"op": "replace_own", "record": record}, ensure_ascii=False))


class _GoneSet(set):
    """`gone` as the spider sees it (a set), mirrored to the run's Redis set."""

    def __init__(self, server, key: str):
        super().__init__()
        self.server, self.key = server, key

    def update(self, *others) -> None:
        new = set().union(*others)
        super().update(new)
        if new:
            self.server.sadd(self.key, *(json.dumps(list(k)) for k in new))


class WorkerRun:
    """One per crawler (`WorkerRun.for_crawler`); `RunOutput.for_crawler`
    returns it when REDIS_URL is set."""

    _instances: "weakref.WeakKeyDictionary" = weakref.WeakKeyDictionary()

    @classmethod
    def for_crawler(cls, crawler) -> "WorkerRun":
        if crawler not in cls._instances:
            cls._instances[crawler] = cls(crawler)
        return cls._instances[crawler]

    def __init__(self, crawler):
        from scraper.distributed.state import open_redis_state

        self.crawler = crawler
        settings = crawler.settings
        spider = crawler.spider
        self.site = getattr(spider, "site_name", None) or spider.name
        self.start_urls = list(getattr(spider, "start_urls", []))
        self.server = connect(settings.get("REDIS_URL"))
        self.worker_id = new_worker_id()
        self.lease_seconds = settings.getfloat("DISTRIBUTED_LEASE_SECONDS", 30.0)
        self._wanted_run_id = settings.get("RUN_ID") or None
        self.keys: RunKeys | None = None
        self.run_id: str | None = None
        self.state = open_redis_state(settings, self.site, self.server)
        self.superseding: set = set()
        self.gone: set = set()
        self.store: ItemLog | None = None
        self._heartbeat = task.LoopingCall(self._beat)
        crawler.signals.connect(self._spider_closed, signal=signals.spider_closed)

    def join(self) -> RunKeys:
        """Join the site's current run (or start one); idempotent."""
        if self.keys is None:
            self.run_id = join_run(self.server, self.site, self._wanted_run_id, new_run_id)
            self.keys = RunKeys(self.site, self.run_id)
            self.server.hsetnx(self.keys.meta, "started", utc_now())
            self.server.hsetnx(self.keys.meta, "start_urls", json.dumps(self.start_urls))
            self.server.sadd(self.keys.workers, self.worker_id)
            self.gone = _GoneSet(self.server, self.keys.gone)
            self._beat()
            self._heartbeat.start(max(0.5, self.lease_seconds / 3), now=False)
            logger.info("Worker %s in run %s of %s", self.worker_id, self.run_id, self.site)
        return self.keys

    def open(self) -> None:
        self.join()

    def new_store(self) -> ItemLog:
        return ItemLog(self.server, self.join().items)

    def attach_store(self, store) -> None:
        self.store = store

    def reject(self, record: dict, reasons: list[str]) -> None:
        self.server.rpush(self.keys.rejects, json.dumps({"reasons": reasons, "record": record}, ensure_ascii=False))
        self.crawler.stats.inc_value(f"records/rejected/{record.get('type')}")

    def _beat(self) -> None:
        """I am alive (the TTL is the lease), and here are my stats so far."""
        try:
            self.server.set(self.keys.alive(self.worker_id), "1", px=int(self.lease_seconds * 1000))
            self._publish_stats()
        except Exception as exc:  # Redis away for a moment: the next beat tries again
            logger.warning("Heartbeat to Redis failed: %s", exc)

    def _publish_stats(self) -> None:
        stats = self.crawler.stats.get_stats()
        self.server.hset(self.keys.stats, self.worker_id, json.dumps(stats, default=str))

    def _spider_closed(self, spider, reason: str) -> None:
        if self.keys is None:
            return
        if self._heartbeat.running:
            self._heartbeat.stop()
        self.crawler.stats.set_value("distributed/finish_reason", reason)
        self._publish_stats()
        self.server.delete(self.keys.alive(self.worker_id))
        if self.state is not None:
            self.state.close()
        logger.info("Worker %s left run %s (%s)", self.worker_id, self.run_id, reason)
