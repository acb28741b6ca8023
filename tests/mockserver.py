"""The demo portal served for tests, the way Scrapy's tests run their mock
server: a subprocess bound to 127.0.0.1 port 0 that prints its URL
(scraper/demo_server.py), with an access log the tests read to prove what
was fetched and what never was."""
from __future__ import annotations

import os
import sys
from pathlib import Path
from urllib.parse import urlsplit

from scraper.demo_server import DemoServer

ROOT = Path(__file__).resolve().parents[1]
DEMO_SITE = ROOT / "data" / "demo_site"


class MockServer(DemoServer):
    def __init__(self, log_dir: Path, site_dir: Path = DEMO_SITE, delay: float = 0.0):
        super().__init__(site_dir, access_log=Path(log_dir) / "access.log", delay=delay)

    @property
    def host(self) -> str:
        return urlsplit(self.url).netloc

    def requests(self) -> list[tuple[str, int, str]]:
        """(uri, status, user agent) of every request so far, in order."""
        if not self.access_log.exists():
            return []
        out = []
        for line in self.access_log.read_text(encoding="utf-8").splitlines():
            method, uri, status, agent = line.split(" ", 3)
            out.append((uri, int(status), agent.strip('"')))
        return out

    def fetched(self) -> list[str]:
        return [uri for uri, _, _ in self.requests()]


#: Our own loopback server: politeness delays would only slow the tests down.
FAST = ["-s", "AUTOTHROTTLE_ENABLED=False", "-s", "DOWNLOAD_DELAY=0", "-s", "CONCURRENT_REQUESTS_PER_DOMAIN=4"]
CONTACT = "https://example.org/crawler-tests"


def crawl_command(start_url: str, output: Path, *extra: str, site: str = "demo") -> list[str]:
    return [sys.executable, "-W", "error", "-m", "scraper", "crawl", "--site", site, "--start-url", start_url,
            "--output", str(output), "--contact", CONTACT, *extra]


def subprocess_env() -> dict:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    return env
