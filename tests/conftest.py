"""Shared fixtures for the crawl tests: the demo portal on a local server and
crawls of it run as subprocesses (`python -m scraper crawl`), as a user would.

The demo portal is checked in (data/demo_site/); nothing here reads ../shared.
"""
from __future__ import annotations

import json
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from helpers import read_jsonl
from mockserver import DEMO_SITE, FAST, ROOT, MockServer, crawl_command, subprocess_env


@dataclass
class Crawl:
    """A finished crawl of the demo portal: its output and the server's log."""
    server: MockServer
    output: Path
    result: subprocess.CompletedProcess
    expected: dict
    run_dir: Path = field(init=False)
    manifest: dict = field(init=False)
    records: dict[str, list[dict]] = field(init=False)

    def __post_init__(self):
        self.run_dir = (self.output / "demo" / "latest").resolve()
        self.manifest = json.loads((self.run_dir / "manifest.json").read_text(encoding="utf-8"))
        self.records = {t: read_jsonl(self.run_dir / f"{name}.jsonl")
                        for t, name in (("article", "articles"), ("project", "projects"),
                                        ("policy", "policies"), ("park", "parks"))}

    def path(self, url: str) -> str:
        """A record URL on the test server -> its path on the demo site."""
        prefix = self.server.url.rstrip("/")
        assert url.startswith(prefix), url
        return url[len(prefix):]


@pytest.fixture(scope="session")
def demo_expected() -> dict:
    return json.loads((DEMO_SITE / "expected.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def demo_crawl(tmp_path_factory, demo_expected) -> Crawl:
    """One crawl of the demo portal, shared by the tests that read its output."""
    base = tmp_path_factory.mktemp("demo-crawl")
    with MockServer(base) as server:
        result = subprocess.run(crawl_command(server.url, base / "output", *FAST), cwd=ROOT, env=subprocess_env(),
                                capture_output=True, text=True, timeout=300)
        assert result.returncode == 0, result.stderr[-5000:]
        yield Crawl(server, base / "output", result, demo_expected)


@pytest.fixture(scope="session")
def redis_url(tmp_path_factory):
    """A real Redis on loopback (tests/redisserver.py)."""
    import os

    from redisserver import RedisServer, available

    if os.environ.get("TEST_REDIS_URL"):
        yield os.environ["TEST_REDIS_URL"]
        return
    if not available():
        if os.environ.get("REQUIRE_REDIS"):
            pytest.fail("redis-server is not installed (.ci/run installs Debian's redis-server)")
        pytest.skip("redis-server is not installed")
    server = RedisServer(tmp_path_factory.mktemp("redis")).start()
    try:
        yield server.url
    finally:
        server.stop()


@pytest.fixture
def redis_db(redis_url):
    """A client on an empty database (flushed before each test)."""
    from scraper.distributed.keys import connect

    client = connect(redis_url)
    client.flushdb()
    yield client
    client.close()
