"""When a leased request is done: its lease ends only after everything its
response gave is saved, so a worker killed at any moment loses nothing.

Scrapy hands a callback's output to the item pipelines and the scheduler
concurrently (CONCURRENT_ITEMS), so "the callback returned" is too early.
A lease is acked once (1) the callback's output has been read to the end
and (2) each item it gave has left the pipelines (item_scraped, _dropped or
_error; the last pipeline pushed it to Redis) and each request it gave has
been queued in Redis or dropped as a duplicate. A download that fails for
good (after retries, robots.txt, off-site) has no output: acked at once.
A retry or a redirect takes its request's lease over in the scheduler.

If Redis cannot be reached while a response's output is being saved (an
item or a new request not pushed), the lease is not acked but put back in
the queue, as soon as Redis answers again: the page is read again later.
"""
from __future__ import annotations

from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError
from scrapy import Request, signals

LEASE = "redis_lease"
PARENT = "redis_parent"
#: Redis out of reach: worth reading the page again, unlike a bug in a pipeline.
REDIS_DOWN = (RedisConnectionError, RedisTimeoutError)


class AckTracker:
    """Outstanding output per lease; acks through `ack(lease)` when none is
    left, or, if some of it could not be saved, puts it back through
    `put_back(lease)`. Both are Redis calls: what fails is kept and tried
    again by `retry()` (the scheduler's poll)."""

    def __init__(self, ack, put_back=None):
        self._ack = ack
        self._put_back = put_back or ack
        # lease -> [outstanding children, output read to the end, some output lost]
        self._pending: dict[str, list] = {}
        self._later: dict[str, bool] = {}  # lease -> put back (True) or ack (False), not yet done

    def started(self, lease: str) -> None:
        """A request was popped under this lease."""
        self._entry(lease)

    def forget(self, lease: str) -> None:
        """A retry or redirect took the lease over (scheduler)."""
        self._pending.pop(lease, None)

    def unsettled(self) -> int:
        """Acks and put-backs that Redis has not taken yet."""
        return len(self._later)

    def knows(self, lease: str) -> bool:
        return lease in self._pending or lease in self._later

    def child(self, lease: str) -> None:
        self._entry(lease)[0] += 1

    def _entry(self, lease: str) -> list:
        return self._pending.setdefault(lease, [0, False, False])

    def fail(self, lease: str | None) -> None:
        """Some of the lease's output could not be saved: put it back, not ack."""
        if lease:
            self._entry(lease)[2] = True

    def pending_put_back(self, lease: str) -> bool:
        return self._later.get(lease, False)

    def put_back_later(self, lease: str) -> None:
        self._pending.pop(lease, None)
        self._later[lease] = True
        self.retry()

    def child_done(self, lease: str | None) -> None:
        entry = self._pending.get(lease) if lease else None
        if entry is not None:
            entry[0] -= 1
            self._maybe_ack(lease, entry)

    def output_done(self, lease: str) -> None:
        entry = self._entry(lease)
        entry[1] = True
        self._maybe_ack(lease, entry)

    def _maybe_ack(self, lease: str, entry: list) -> None:
        if entry[1] and entry[0] <= 0:
            del self._pending[lease]
            self._later[lease] = entry[2]
            self.retry()

    def retry(self) -> int:
        """Ack or put back what is due; what Redis refuses stays for next time."""
        done = 0
        for lease, put_back in list(self._later.items()):
            try:
                (self._put_back if put_back else self._ack)(lease)
            except REDIS_DOWN:
                continue
            del self._later[lease]
            done += 1
        return done

    def __len__(self) -> int:
        return len(self._pending) + len(self._later)


def _scheduler(crawler):
    engine = getattr(crawler, "engine", None)
    slot = getattr(engine, "_slot", None)
    return getattr(slot, "scheduler", None)


def _tracker(crawler) -> AckTracker | None:
    return getattr(_scheduler(crawler), "acks", None)


class LeaseSpiderMiddleware:
    """Counts what a leased response's callback gives (SPIDER_MIDDLEWARES at
    a low order: closest to the engine, so it sees the final output)."""

    def __init__(self, crawler):
        self.crawler = crawler
        crawler.signals.connect(self._item_done, signal=signals.item_scraped)
        crawler.signals.connect(self._item_done, signal=signals.item_dropped)
        crawler.signals.connect(self._item_done, signal=signals.item_error)
        crawler.signals.connect(self._request_dropped, signal=signals.request_dropped)

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    async def process_spider_output(self, response, result):
        tracker = _tracker(self.crawler)
        lease = response.meta.get(LEASE)
        if tracker is None or lease is None:
            async for out in result:
                yield out
            return
        try:
            async for out in result:
                if isinstance(out, Request):
                    out.meta[PARENT] = lease
                    tracker.child(lease)
                elif out is not None:
                    tracker.child(lease)
                yield out
        except REDIS_DOWN:  # the callback could not read or write the state
            tracker.fail(lease)
            raise
        finally:
            tracker.output_done(lease)

    def _item_done(self, item=None, response=None, failure=None, **kwargs) -> None:
        tracker = _tracker(self.crawler)
        if tracker is not None and response is not None and hasattr(response, "meta"):
            lease = response.meta.get(LEASE)
            if failure is not None and failure.check(*REDIS_DOWN):  # item_error: not pushed
                tracker.fail(lease)
            tracker.child_done(lease)

    def _request_dropped(self, request, **kwargs) -> None:
        tracker = _tracker(self.crawler)
        if tracker is not None:
            tracker.child_done(request.meta.pop(PARENT, None))


class LeaseDownloaderMiddleware:
    """A download that failed for good gives no output: its lease ends
    (DOWNLOADER_MIDDLEWARES at the lowest order, so retries come first)."""

    def __init__(self, crawler):
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def process_exception(self, request, exception):
        tracker = _tracker(self.crawler)
        lease = request.meta.get(LEASE)
        if tracker is not None and lease:
            if isinstance(exception, REDIS_DOWN):  # the state could not be read: not the page's fault
                tracker.fail(lease)
            tracker.output_done(lease)
        return None
