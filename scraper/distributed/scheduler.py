"""The scrapy-redis scheduler and dupefilter, fitted to our runs.

What differs from stock scrapy-redis (0.9.1), and why:
- keys per site and run (keys.py), so SCHEDULER_PERSIST and flushing are
  moot: nothing is ever flushed by a closing worker, and the merge step
  deletes a run's keys once it is published;
- fingerprints from our URL canonicalisation (scraper/urls.py), the same
  rule the single-process crawl uses, so a page is queued once however it
  is linked; seeds go through the filter too (the stock RedisSpider's
  `dont_filter` seeds were fetched by every worker);
- pops are leases (queue.py) acked when the output is saved (acks.py);
- an idle worker looks at the queue every DISTRIBUTED_POLL_SECONDS instead
  of on Scrapy's 5 s engine heartbeat, and stops only when the run is
  drained (queue and processing hash both empty) for
  DISTRIBUTED_IDLE_CLOSE_SECONDS; while other workers still hold leases it
  waits, since their responses may queue more.
"""
from __future__ import annotations

import hashlib
import json
import logging
import time

from scrapy import signals
from scrapy.exceptions import DontCloseSpider
from scrapy.utils.python import to_unicode
from scrapy_redis.dupefilter import RFPDupeFilter
from scrapy_redis.scheduler import Scheduler
from twisted.internet import task

from scraper.distributed.acks import LEASE, PARENT, REDIS_DOWN, AckTracker
from scraper.distributed.queue import LeasedPriorityQueue
from scraper.urls import canonical_url

logger = logging.getLogger(__name__)


class CanonicalDupeFilter(RFPDupeFilter):
    """scrapy-redis's shared filter with our canonical URL in the fingerprint."""

    def request_fingerprint(self, request):
        data = {"method": to_unicode(request.method), "url": canonical_url(request.url),
                "body": (request.body or b"").hex()}
        return hashlib.sha1(json.dumps(data, sort_keys=True).encode()).hexdigest()


class LeasedScheduler(Scheduler):
    """See the module docstring. Settings: REDIS_URL, DISTRIBUTED_POLL_SECONDS,
    DISTRIBUTED_IDLE_CLOSE_SECONDS."""

    @classmethod
    def from_crawler(cls, crawler):
        instance = super().from_crawler(crawler)
        instance.crawler = crawler
        settings = crawler.settings
        instance.poll_seconds = settings.getfloat("DISTRIBUTED_POLL_SECONDS", 0.5)
        instance.idle_close = settings.getfloat("DISTRIBUTED_IDLE_CLOSE_SECONDS", 10.0)
        return instance

    def open(self, spider):
        from scraper.distributed.worker import WorkerRun

        self.spider = spider
        self.run = WorkerRun.for_crawler(self.crawler)
        keys = self.run.join()
        self.queue = LeasedPriorityQueue(self.server, spider, keys.requests, keys.processing, self.run.worker_id,
                                         serializer=self.serializer)
        self.df = CanonicalDupeFilter(self.server, key=keys.dupefilter,
                                      debug=self.crawler.settings.getbool("DUPEFILTER_DEBUG"))
        self.acks = AckTracker(self.queue.ack, self.queue.put_back)
        self._drained_since: float | None = None
        self._last_reclaim = 0.0
        self.crawler.signals.connect(self._spider_idle, signal=signals.spider_idle)
        self._poll = task.LoopingCall(self._tick)
        self._poll.start(self.poll_seconds, now=False)
        if len(self.queue) or self.queue.leased():
            logger.info("Joined run %s: %d requests queued, %d in progress", keys.run_id, len(self.queue),
                        self.queue.leased())

    def close(self, reason):
        if self._poll.running:
            self._poll.stop()
        released = self.queue.release()
        if released:
            logger.info("Put %d unfinished requests back in the shared queue", released)

    def enqueue_request(self, request):
        lease = request.meta.pop(LEASE, None)     # a retry or redirect of a leased request
        parent = request.meta.pop(PARENT, None)   # a request a leased response gave
        try:
            fingerprint = None if request.dont_filter else self.df.request_fingerprint(request)
            seen = not self.queue.push_unseen(request, fingerprint, self.df.key, replaces=lease)
            if not seen and lease:
                self.acks.forget(lease)
        except REDIS_DOWN as exc:
            logger.warning("Could not queue %s (%s): its page will be read again", request.url, exc)
            if lease:
                self.acks.put_back_later(lease)
            self.acks.fail(parent)
            seen = True
        if seen:
            if lease and not self.acks.pending_put_back(lease):
                self.acks.output_done(lease)
            if parent:
                request.meta[PARENT] = parent     # request_dropped (engine) settles it
            return False
        if self.stats:
            self.stats.inc_value("scheduler/enqueued/redis")
        self.acks.child_done(parent)
        return True

    def next_request(self):
        try:
            request = self.queue.pop()
        except REDIS_DOWN as exc:
            logger.warning("Shared queue unreachable: %s", exc)
            # the pop may have been done and its answer lost: put it back if so
            self.acks.put_back_later(self.queue.last_lease)
            return None
        if request is not None:
            self.acks.started(request.meta[LEASE])
        if request is not None and self.stats:
            self.stats.inc_value("scheduler/dequeued/redis")
        return request

    def has_pending_requests(self):
        try:
            return len(self.queue) > 0
        except REDIS_DOWN:
            return True  # unknown: do not let the engine call the worker idle

    # -- idle ------------------------------------------------------------------

    def drained(self) -> bool:
        return len(self.queue) == 0 and self.queue.leased() == 0 and self.acks.unsettled() == 0

    def _tick(self) -> None:
        """Every poll: put back dead workers' leases (every few seconds), wake
        the engine when there is work, or when the run may be over."""
        try:
            now = time.monotonic()
            self.acks.retry()
            if now - self._last_reclaim >= max(1.0, self.poll_seconds):
                self._last_reclaim = now
                moved = self.queue.reclaim_dead(self.run.keys.alive)
                if moved:
                    logger.warning("Took back %d requests from workers that stopped answering", moved)
                    self.crawler.stats.inc_value("distributed/reclaimed", moved)
                self._sweep()
            if self.drained():
                self._drained_since = self._drained_since or now
            else:
                self._drained_since = None
            if len(self.queue) or self._may_close():
                _wake(self.crawler.engine)
        except REDIS_DOWN as exc:  # Redis away for a moment: try again next tick
            logger.warning("Shared queue unreachable: %s", exc)
        except Exception:  # a bug must not stop the polling that ends the run
            logger.exception("Polling the shared queue failed")

    def _sweep(self) -> None:
        """Leases Redis holds in this worker's name that it no longer works
        on (a reply lost in a Redis outage, or a path that never settled):
        put back, so a live worker never holds a request forever."""
        stale = [lease for lease in self.queue.mine() if not self.acks.knows(lease)]
        for lease in stale:
            if self.queue.put_back(lease):
                logger.warning("Put back request %s, which this worker had lost track of", lease)
                self.crawler.stats.inc_value("distributed/put_back_lost")

    def _may_close(self) -> bool:
        return self._drained_since is not None and time.monotonic() - self._drained_since >= self.idle_close

    def _spider_idle(self, spider) -> None:
        if not self._may_close():
            raise DontCloseSpider


def _wake(engine) -> None:
    """Ask the engine to look at the scheduler now. Scrapy has no public call
    for this; its slot's `nextcall` is what its own 5 s heartbeat calls."""
    slot = getattr(engine, "_slot", None)
    nextcall = getattr(slot, "nextcall", None)
    if nextcall is not None:
        nextcall.schedule()
