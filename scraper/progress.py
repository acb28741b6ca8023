"""A progress line in the log every PROGRESS_INTERVAL seconds (and one at
the end): pages read and replayed from the state, requests queued, records
read per type, pages per minute.

    Progress: 412 pages (+130 from state, 61 not modified), 37 queued, records read article 120, project 800, ...; 95 pages/min

(records read: before list entries and own pages are merged into one record each.)

Scrapy's LogStats says pages and items per minute; this says what an analyst
watching a long crawl wants: how far along it is and what it is finding.
"""
from __future__ import annotations

import logging
import time

from scrapy import signals
from scrapy.exceptions import NotConfigured

logger = logging.getLogger(__name__)
TYPES = ("article", "project", "policy", "park")


class Progress:
    def __init__(self, crawler, interval: float):
        self.crawler = crawler
        self.interval = interval
        self.task = None
        self.started = 0.0

    @classmethod
    def from_crawler(cls, crawler):
        interval = crawler.settings.getfloat("PROGRESS_INTERVAL")
        if interval <= 0:
            raise NotConfigured
        ext = cls(crawler, interval)
        crawler.signals.connect(ext.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(ext.spider_closed, signal=signals.spider_closed)
        return ext

    def spider_opened(self, spider) -> None:
        from twisted.internet import task

        self.started = time.monotonic()
        self.task = task.LoopingCall(self.log)
        self.task.start(self.interval, now=False)

    def spider_closed(self, spider, reason) -> None:
        if self.task and self.task.running:
            self.task.stop()
        self.log()

    def queued(self) -> int | None:
        engine = self.crawler.engine
        slot = getattr(engine, "_slot", None) or getattr(engine, "slot", None)
        scheduler = getattr(slot, "scheduler", None) or getattr(engine, "scheduler", None)
        try:
            return len(scheduler)
        except TypeError:
            return None

    def line(self) -> str:
        stats = self.crawler.stats
        pages = stats.get_value("portal/pages", 0)
        replayed = stats.get_value("portal/pages_replayed", 0)
        not_modified = stats.get_value("portal/pages_not_modified", 0)
        records = ", ".join(f"{t} {stats.get_value(f'records/read/{t}', 0)}" for t in TYPES)
        minutes = max(time.monotonic() - self.started, 1e-9) / 60
        queued = self.queued()
        return (f"Progress: {pages} pages (+{replayed} from state, {not_modified} not modified), "
                f"{'?' if queued is None else queued} queued, records read {records}; {pages / minutes:.0f} pages/min")

    def log(self) -> None:
        logger.info(self.line())
