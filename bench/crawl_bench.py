"""Crawl speed and memory on a scaled demo portal, served on loopback.

    .venv/bin/python bench/crawl_bench.py [--pages 2000] [--big 20000] [--rounds 2] [--no-big]

1. Builds the demo portal scaled to --pages (and --big) pages in a temporary
   directory (data/demo_site/build.py --pages N) and serves it with
   scraper/demo_server.py on 127.0.0.1.
2. Crawls the --pages site, alternating, --rounds times each (pages/s from
   spider open to close, output written; process start-up shown apart):
   (a) `full`: PortalSpider with extraction, validation, dedupe and JSON Lines
       output, exactly as `python -m scraper crawl` runs it;
   (b) `links`: a spider that only follows the same links (a LinkExtractor
       restricted to the portal's listing and detail URLs) and parses nothing.
   Both with throttling off, 16 concurrent requests, robots.txt obeyed.
   Prints pages/s of the best round of each and the ratio a/b (target >= 0.75),
   and one round of (a) with pages parsed in the crawl process for comparison.
3. Crawls the --big site with (a) and prints the peak RSS of both (a) crawls
   and their ratio (target: the big crawl < 1.5x the small one).

Every crawl runs in its own child process (this script with --child), which
reports its wall time, pages and peak RSS as a JSON line: the crawl process
plus its page-parser worker (PORTAL_PARSE_WORKERS=1; the links-only spider
has none), sampled together (TreeRSS). The numbers are printed, never asserted:
they depend on the machine.
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
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

BENCH_SETTINGS = {
    "AUTOTHROTTLE_ENABLED": False,
    "DOWNLOAD_DELAY": 0,
    "CONCURRENT_REQUESTS": 16,
    "CONCURRENT_REQUESTS_PER_DOMAIN": 16,
    "PORTAL_MAX_LIST_PAGES": 100000,
    "LOG_LEVEL": "WARNING",
}
#: The URLs PortalSpider follows on the demo portal: listings, details, the redirect.
PORTAL_LINKS = r"/(info/(detail/\d+|list_\d+)\.html|info/show\.php|xiangmu/list_\d+\.html|zhengce/(detail/\d+|list_\d+)\.html|yuanqu/(\d+|list_\d+)\.html)"


# ---------------------------------------------------------------- children

class TreeRSS:
    """Peak of (this process + its children) resident memory, sampled from
    /proc every 50 ms. ru_maxrss cannot give that sum: RUSAGE_CHILDREN is
    the largest single child, and Scrapy forks `uname -p` at startup, whose
    copy of the parent counts as that child's RSS."""

    def __init__(self):
        self.peak_kb = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    @staticmethod
    def _rss_kb(pid: int | str) -> int:
        try:
            for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
        except OSError:
            pass
        return 0

    def _children(self) -> list[str]:
        kids = []
        for task in Path("/proc/self/task").iterdir():
            try:
                kids += (task / "children").read_text().split()
            except OSError:
                pass
        return kids

    def _run(self) -> None:
        while not self._stop.wait(0.05):
            total = self._rss_kb("self") + sum(self._rss_kb(pid) for pid in self._children())
            self.peak_kb = max(self.peak_kb, total)

    def __enter__(self) -> "TreeRSS":
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()
        self.peak_kb = max(self.peak_kb, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)


def child_full(url: str, output: Path, workers: int = 1) -> dict:
    from scrapy.settings import Settings

    from scraper.cli import crawl

    settings = Settings()
    settings.setmodule("scraper.settings", priority="project")
    # Each round a first run, with a state of its own (a shared one would replay every page).
    for key, value in {**BENCH_SETTINGS, "OUTPUT_DIR": str(output), "STATE_DIR": str(output / ".state"),
                       "PORTAL_PARSE_WORKERS": workers, "PROGRESS_INTERVAL": 0}.items():
        settings.set(key, value, priority="cmdline")
    started = time.monotonic()
    manifest = crawl("demo", [url], settings)
    wall = time.monotonic() - started
    return {"pages": manifest["pages_fetched"], "seconds": manifest["seconds"], "wall": wall,
            "records": manifest["records"], "status": manifest["status"]}


def child_links(url: str) -> dict:
    import scrapy
    from scrapy.crawler import CrawlerProcess
    from scrapy.linkextractors import LinkExtractor
    from scrapy.settings import Settings

    from scraper.urls import canonical_url

    class LinksOnlySpider(scrapy.Spider):
        """Follows the portal's listing and detail links; extracts nothing."""
        name = "links_only"
        allowed_domains = ["127.0.0.1"]
        start_urls = [url]
        links = LinkExtractor(allow=PORTAL_LINKS, process_value=canonical_url)

        def parse(self, response):
            self.crawler.stats.inc_value("bench/pages")
            for link in self.links.extract_links(response):
                yield response.follow(link.url, callback=self.parse)

    settings = Settings()
    settings.setmodule("scraper.settings", priority="project")
    for key, value in {**BENCH_SETTINGS, "ITEM_PIPELINES": {}}.items():
        settings.set(key, value, priority="cmdline")
    process = CrawlerProcess(settings)
    crawler = process.create_crawler(LinksOnlySpider)
    started = time.monotonic()
    process.crawl(crawler)
    process.start()
    wall = time.monotonic() - started
    return {"pages": crawler.stats.get_value("bench/pages", 0), "seconds": crawler.stats.get_value("elapsed_time_seconds"),
            "wall": wall}


def run_child(mode: str, url: str, output: Path) -> dict:
    cmd = [sys.executable, __file__, "--child", mode, "--url", url, "--output", str(output)]
    done = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"{mode} crawl failed:\n{done.stderr[-3000:]}")
    result = json.loads(done.stdout.strip().splitlines()[-1])
    result["pages_per_s"] = result["pages"] / result["seconds"]
    return result


# ---------------------------------------------------------------- parent

def build_site(pages: int, where: Path) -> Path:
    out = where / f"demo{pages}"
    subprocess.run([sys.executable, str(ROOT / "data" / "demo_site" / "build.py"), "--pages", str(pages), "--out", str(out)],
                   check=True, capture_output=True)
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=2000)
    parser.add_argument("--big", type=int, default=20000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--no-big", action="store_true", help="skip the memory comparison")
    parser.add_argument("--child", choices=("full", "inline", "links"), help=argparse.SUPPRESS)
    parser.add_argument("--url", help=argparse.SUPPRESS)
    parser.add_argument("--output", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()

    if args.child:
        with TreeRSS() as rss:
            if args.child == "links":
                result = child_links(args.url)
            else:
                result = child_full(args.url, args.output, workers=1 if args.child == "full" else 0)
        result["max_rss_mb"] = rss.peak_kb / 1024
        print(json.dumps(result))
        return 0

    from scraper.demo_server import DemoServer

    with tempfile.TemporaryDirectory(prefix="crawl-bench-") as tmp:
        tmp = Path(tmp)
        small = build_site(args.pages, tmp)
        print(f"site: {args.pages} pages requested, {sum(1 for _ in (small / 'site').rglob('*.html'))} files")
        best: dict[str, dict] = {}
        with DemoServer(small) as server:
            for r in range(args.rounds):
                for mode in ("links", "full"):
                    result = run_child(mode, server.url, tmp / f"out-{mode}-{r}")
                    print(f"  round {r + 1} {mode:5}: {result['pages']} pages in {result['seconds']:.1f} s = "
                          f"{result['pages_per_s']:.0f} pages/s ({result['wall']:.1f} s with start-up), "
                          f"peak RSS {result['max_rss_mb']:.0f} MB")
                    if mode not in best or result["pages_per_s"] > best[mode]["pages_per_s"]:
                        best[mode] = result
            inline = run_child("inline", server.url, tmp / "out-inline")
        a, b = best["full"], best["links"]
        print(f"(a) full extraction + pipelines: {a['pages_per_s']:.0f} pages/s  (records {a['records']})")
        print(f"(b) links only:                  {b['pages_per_s']:.0f} pages/s")
        print(f"a/b = {a['pages_per_s'] / b['pages_per_s']:.2f}  (target >= 0.75)")
        print(f"(a) with pages parsed in the crawl process (PORTAL_PARSE_WORKERS=0), one round: "
              f"{inline['pages_per_s']:.0f} pages/s, a/b = {inline['pages_per_s'] / b['pages_per_s']:.2f}")
        if args.no_big:
            return 0
        big = build_site(args.big, tmp)
        with DemoServer(big) as server:
            c = run_child("full", server.url, tmp / "out-big")
        small_rss = a["max_rss_mb"]
        print(f"(a) on {args.big} pages: {c['pages']} pages in {c['seconds']:.1f} s = {c['pages_per_s']:.0f} pages/s")
        print(f"peak RSS: {small_rss:.0f} MB at {args.pages} pages, {c['max_rss_mb']:.0f} MB at {args.big} pages, "
              f"ratio {c['max_rss_mb'] / small_rss:.2f}  (target < 1.5)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
