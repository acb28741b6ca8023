"""Page parsing beside the crawl: `parse_page` in worker processes.

Deliberately free of Scrapy imports: this module is what a worker process
imports (with scraper.extract), so workers stay small and start fast.
"""
from __future__ import annotations

import asyncio
import multiprocessing
import os
import signal
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from functools import partial

from scraper.extract import parse_page


def _init_worker(parent_pid: int) -> None:
    """A parser worker leaves Ctrl-C to the crawl (which shuts the pool down
    when it has closed gracefully), and exits if the crawl was killed
    outright (SIGKILL) instead of waiting forever for work."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)

    def watch():
        while os.getppid() == parent_pid:
            time.sleep(1.0)
        os._exit(0)

    threading.Thread(target=watch, daemon=True).start()


def _ready() -> None:
    """Nothing: submitted once per worker so that it starts at once."""


class PageParser:
    """Runs `parse_page` in worker processes (PORTAL_PARSE_WORKERS, default 1),
    or inline when that is 0.

    Parsing is CPU-bound Python; inline, it stops the reactor from
    downloading while a page is parsed. In a worker, the crawl downloads and
    parses at the same time (on 2 cores: ~1.3x the pages per second,
    bench/crawl_bench.py). If the workers die, parsing goes on inline."""

    def __init__(self, workers: int, logger):
        self.workers = workers
        self.logger = logger
        self.pool = None

    def open(self) -> None:
        """Start the workers (on spider_opened; not when a spider object is
        merely built), and their imports while robots.txt is fetched."""
        if self.workers > 0 and self.pool is None:
            self.pool = ProcessPoolExecutor(max_workers=self.workers, mp_context=multiprocessing.get_context("spawn"),
                                            initializer=_init_worker, initargs=(os.getpid(),))
            for _ in range(self.workers):
                self.pool.submit(_ready)

    async def parse(self, body: bytes, url: str, **kwargs):
        if self.pool is not None:
            try:
                return await asyncio.get_running_loop().run_in_executor(self.pool, partial(parse_page, body, url, **kwargs))
            except BrokenProcessPool:
                self.logger.error("Page parser workers died; parsing in the crawl process from now on")
                self.close()
        return parse_page(body, url, **kwargs)

    def close(self) -> None:
        if self.pool is not None:
            pool, self.pool = self.pool, None
            pool.shutdown(wait=True, cancel_futures=True)
