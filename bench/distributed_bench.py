"""Scaling of a distributed crawl: pages per second with 1, 2 and 4 workers.

    .venv/bin/python bench/distributed_bench.py [--pages 2000] [--latency 0.1] [--workers 1 2 4]

Builds the demo portal scaled to --pages pages (data/demo_site/build.py),
serves it on 127.0.0.1 holding every response --latency seconds (a distant
portal), starts a redis-server on a free loopback port, and crawls the site
with `python -m scraper crawl --redis URL --workers N` for each N, each on
an empty Redis (the state too: every page is fetched every time).

Two rates, both pages fetched per second:
- "crawling": over the crawl window, from the seed queued in Redis to the
  run drained (queue and requests in progress empty), watched from here
  every 0.1 s;
- "with start-up": from the moment the command is started to the last
  worker's finish, less the seconds every worker waits on an empty run
  before it stops (DISTRIBUTED_IDLE_CLOSE_SECONDS): the start-up of the
  coordinator and the workers (Python, Scrapy, the page parser process;
  1-4 s, more when N processes start at once on few cores) counts here.
The merge step after the crawl is printed apart. Scaling efficiency = rate
with N / (N x rate with 1), for both; target >= 0.8 at 4 workers. Each worker keeps
--per-worker requests open to the portal (2 by default, the crawler's own
CONCURRENT_REQUESTS_PER_DOMAIN). The CPU cores the whole command kept busy
are printed too: all workers share this machine's cores, so once they need
more than it has, the rate stops growing for that reason, not the queue.
Printed, never asserted: the numbers depend on the machine.
"""
from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import threading
import time
from datetime import datetime, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from redisserver import RedisServer  # noqa: E402  (tests/redisserver.py)
from scraper.demo_server import DemoServer  # noqa: E402
from scraper.distributed.keys import connect  # noqa: E402

IDLE_CLOSE = 1.0


class Window:
    """Watches the run in Redis: when the seed was queued, when it drained."""

    def __init__(self, redis_url: str):
        self.client = connect(redis_url)
        self.first = self.last = None
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._watch, daemon=True)

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join()

    def _watch(self) -> None:
        while not self._stop.is_set():
            run = self.client.get("zhaoshang:demo:run")
            if run:
                base = f"zhaoshang:demo:{run.decode()}"
                now = time.monotonic()
                busy = self.client.zcard(f"{base}:requests") + self.client.hlen(f"{base}:processing")
                if self.first is None and self.client.scard(f"{base}:dupefilter"):
                    self.first = now
                if self.first is not None and busy:
                    self.last = None
                elif self.first is not None and self.last is None:
                    self.last = now
            time.sleep(0.1)

    @property
    def seconds(self) -> float:
        return self.last - self.first


def crawl(url: str, redis_url: str, workers: int, out: Path, per_worker: int) -> dict:
    connect(redis_url).flushdb()
    cmd = [sys.executable, "-m", "scraper", "crawl", "demo", "--start-url", url, "--redis", redis_url,
           "--workers", str(workers), "--output", str(out), "--full", "--log-level", "WARNING",
           "-s", "AUTOTHROTTLE_ENABLED=False", "-s", "DOWNLOAD_DELAY=0",
           "-s", f"CONCURRENT_REQUESTS_PER_DOMAIN={per_worker}", "-s", f"CONCURRENT_REQUESTS={per_worker}",
           "-s", f"DISTRIBUTED_IDLE_CLOSE_SECONDS={IDLE_CLOSE}", "-s", "PROGRESS_INTERVAL=0"]
    launched = datetime.now(timezone.utc)
    started, cpu_before = time.monotonic(), _children_cpu()
    with Window(redis_url) as window:
        result = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)
    wall, cpu = time.monotonic() - started, _children_cpu() - cpu_before
    if result.returncode != 0:
        raise SystemExit(f"crawl with {workers} workers failed:\n{result.stdout[-2000:]}\n{result.stderr[-3000:]}")
    manifest = json.loads((out / "demo" / "latest" / "manifest.json").read_text(encoding="utf-8"))
    info = manifest["distributed"]["workers"].values()
    last = max(datetime.fromisoformat(w["finished"]) for w in info)
    span = (last - launched).total_seconds() - IDLE_CLOSE
    pages = manifest["pages_fetched"]
    return {"workers": workers, "pages": pages, "span": span, "window": window.seconds,
            "rate": pages / window.seconds, "rate_startup": pages / span, "wall": wall, "cores": cpu / wall,
            "per_worker_pages": sorted(w["pages"] for w in info)}


def _children_cpu() -> float:
    """CPU seconds of finished child processes, their own children included."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=2000)
    parser.add_argument("--latency", type=float, default=0.1)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2, 4])
    parser.add_argument("--per-worker", type=int, default=2,
                        help="requests each worker keeps open to the portal "
                             "(default 2, CONCURRENT_REQUESTS_PER_DOMAIN's)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        subprocess.run([sys.executable, str(ROOT / "data" / "demo_site" / "build.py"), "--pages", str(args.pages),
                        "--out", str(tmp / "site")], check=True, capture_output=True)
        redis = RedisServer(tmp).start()
        try:
            with DemoServer(tmp / "site", delay=args.latency) as server:
                print(f"demo portal: {args.pages} pages, {args.latency * 1000:.0f} ms per response, "
                      f"{args.per_worker} open requests per worker", flush=True)
                results = []
                for n in args.workers:
                    r = crawl(server.url, redis.url, n, tmp / f"out{n}", args.per_worker)
                    results.append(r)
                    print(f"  {n} worker(s): {r['pages']} pages; "
                          f"crawling {r['window']:.1f} s = {r['rate']:.1f} pages/s; "
                          f"with start-up {r['span']:.1f} s = {r['rate_startup']:.1f} pages/s "
                          f"(pages per worker {r['per_worker_pages']}; whole command with merge {r['wall']:.1f} s, "
                          f"{r['cores']:.2f} CPU cores busy)", flush=True)
        finally:
            redis.stop()
    base = next((r for r in results if r["workers"] == 1), None)
    if base:
        print("scaling efficiency = rate(N) / (N x rate(1)); target >= 0.8 at 4 workers")
        for r in results:
            print(f"  {r['workers']} worker(s): crawling {r['rate'] / (r['workers'] * base['rate']):.2f}, "
                  f"with start-up {r['rate_startup'] / (r['workers'] * base['rate_startup']):.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
