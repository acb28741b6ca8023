"""Distributed crawls end to end: the demo portal scaled to a few thousand
pages, crawled once by one process and once by three workers sharing a real
Redis (`python -m scraper crawl --redis URL --workers 3`), and once more with
a worker killed (SIGKILL) halfway. The server's access log says what was
fetched; the records must be the single-process crawl's, exactly."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest

from helpers import read_jsonl
from mockserver import FAST, ROOT, MockServer, crawl_command, subprocess_env

PAGES = 3000
FILES = ("articles", "projects", "policies", "parks")
DIST = ["-s", "DISTRIBUTED_IDLE_CLOSE_SECONDS=2", "--log-level", "WARNING"]


def records(output: Path, host: str) -> dict:
    """(type, url) -> record of the run `latest` points to; the server's host
    written as HOST and the id (made from the URL) left out, so crawls of two
    servers compare; scraped_at left out."""
    out = {}
    for name in FILES:
        for record in read_jsonl(output / "demo" / "latest" / f"{name}.jsonl"):
            record = json.loads(json.dumps(record, ensure_ascii=False).replace(host, "HOST"))
            record.pop("scraped_at"), record.pop("id")
            key = (record["type"], record["url"])
            assert key not in out, f"{key} twice"
            out[key] = record
    return out


def manifest(output: Path) -> dict:
    return json.loads((output / "demo" / "latest" / "manifest.json").read_text(encoding="utf-8"))


def log_mark(server: MockServer) -> int:
    return len(server.requests())


@pytest.fixture(scope="module")
def big_site(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("demo-big")
    subprocess.run([sys.executable, str(ROOT / "data" / "demo_site" / "build.py"), "--pages", str(PAGES),
                    "--out", str(out)], check=True, capture_output=True)
    return out


@pytest.fixture(scope="module")
def server(big_site, tmp_path_factory):
    with MockServer(tmp_path_factory.mktemp("log"), site_dir=big_site) as server:
        yield server


@pytest.fixture(scope="module")
def single(server, tmp_path_factory):
    """The single-process crawl every distributed one must equal."""
    out = tmp_path_factory.mktemp("single")
    mark = log_mark(server)
    result = subprocess.run(crawl_command(server.url, out / "output", *FAST), cwd=ROOT, env=subprocess_env(),
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr[-3000:]
    return {"records": records(out / "output", server.host), "fetched": server.requests()[mark:]}


def pages(fetched: list) -> Counter:
    """URI -> times answered, robots.txt and the 500 answered once apart."""
    return Counter(uri for uri, status, _ in fetched if uri != "/robots.txt" and status != 500)


def test_three_workers_fetch_every_page_once_and_give_the_single_crawls_records(server, single, redis_db,
                                                                                redis_url, tmp_path):
    mark = log_mark(server)
    result = subprocess.run(
        crawl_command(server.url, tmp_path / "output", *FAST, "--redis", redis_url, "--workers", "3", *DIST),
        cwd=ROOT, env=subprocess_env(), capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-3000:]
    fetched = server.requests()[mark:]
    counts = pages(fetched)
    assert len(counts) > PAGES
    assert [uri for uri, n in counts.items() if n > 1] == []
    assert set(counts) == set(pages(single["fetched"]))
    assert sum(uri == "/robots.txt" for uri, _, _ in fetched) <= 3  # once per worker process

    got = records(tmp_path / "output", server.host)
    assert len(got) == len(single["records"]) > 2500
    assert got == single["records"]

    m = manifest(tmp_path / "output")
    workers = m["distributed"]["workers"]
    assert len(workers) == 3 and all(w["pages"] > 0 and w["finish_reason"] == "finished" for w in workers.values())
    assert m["pages_fetched"] == sum(w["pages"] for w in workers.values())
    assert m["pages_fetched"] == sum(status == 200 for uri, status, _ in fetched if uri != "/robots.txt")
    assert m["status"] == "finished" and m["records"] == {t: sum(1 for k in got if k[0] == t)
                                                           for t in ("article", "project", "policy", "park")}
    # the run's keys are gone; the site's state stays for the next run
    assert [k.decode() for k in redis_db.scan_iter("zhaoshang:demo:2*")] == []
    assert redis_db.exists("zhaoshang:demo:state:pages")


def wait_for_records(client, count: int) -> str:
    """Until the workers have pushed `count` records; the run id."""
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        run = client.get("zhaoshang:demo:run")
        if run and client.llen(f"zhaoshang:demo:{run.decode()}:items") > count:
            return run.decode()
        time.sleep(0.2)
    pytest.fail("the crawl did not get going")


def busy_worker(client, run: str, pids: list[int]) -> int:
    """A worker process that holds leases right now (lease ids name the
    worker: host-pid-suffix#n)."""
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        owners = {lease.decode().rpartition("#")[0] for lease in client.hkeys(f"zhaoshang:demo:{run}:processing")}
        busy = [pid for pid in pids if any(owner.split("-")[-2] == str(pid) for owner in owners)]
        if busy:
            return busy[0]
        time.sleep(0.05)
    pytest.fail("no worker holds a lease")


def stop_group(coordinator: subprocess.Popen) -> None:
    """The coordinator and its workers (its process group), if still running."""
    try:
        os.killpg(coordinator.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    coordinator.wait()


def children(pid: int) -> list[int]:
    out = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                out.append(int(entry.name))
    return out


def test_a_worker_killed_mid_crawl_loses_nothing(big_site, single, redis_db, redis_url, tmp_path):
    with MockServer(tmp_path, site_dir=big_site, delay=0.01) as slow:
        coordinator = subprocess.Popen(
            crawl_command(slow.url, tmp_path / "output", *FAST, "--redis", redis_url, "--workers", "3", *DIST,
                          "-s", "DISTRIBUTED_LEASE_SECONDS=3"),
            cwd=ROOT, env=subprocess_env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
            start_new_session=True)
        try:
            run = wait_for_records(redis_db, 12000)  # about a third of them
            workers = children(coordinator.pid)
            assert len(workers) == 3
            victim = busy_worker(redis_db, run, workers)
            os.kill(victim, signal.SIGKILL)
            stdout, stderr = coordinator.communicate(timeout=300)
        finally:
            stop_group(coordinator)
        assert coordinator.returncode == 0, stdout[-2000:] + stderr[-3000:]
        assert "1 of 3 local workers ended badly" in stdout
        got = records(tmp_path / "output", slow.host)
        assert got == single["records"]
        m = manifest(tmp_path / "output")
        reasons = sorted(str(w["finish_reason"]) for w in m["distributed"]["workers"].values())
        assert reasons == ["None", "finished", "finished"], m["distributed"]
        assert m["distributed"]["requests_reclaimed"] > 0, m["distributed"]
        # what the killed worker held was fetched again, nothing else was
        twice = [uri for uri, n in pages(slow.requests()).items() if n > 1]
        assert len(twice) <= m["distributed"]["requests_reclaimed"], (twice, m["distributed"])


def test_a_redis_restart_mid_crawl_loses_nothing(big_site, single, tmp_path):
    """Redis (with its append-only file) stops for a few seconds and comes
    back: workers wait, put back what they could not save, and finish."""
    from redisserver import RedisServer

    from scraper.distributed.keys import connect

    redis = RedisServer(tmp_path, persistent=True).start()
    client = connect(redis.url)
    try:
        with MockServer(tmp_path, site_dir=big_site, delay=0.01) as slow:
            coordinator = subprocess.Popen(
                crawl_command(slow.url, tmp_path / "output", *FAST, "--redis", redis.url, "--workers", "2", *DIST),
                cwd=ROOT, env=subprocess_env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                start_new_session=True)
            try:
                wait_for_records(client, 10000)
                redis.stop()
                time.sleep(3)
                redis.start()
                stdout, stderr = coordinator.communicate(timeout=300)
            finally:
                stop_group(coordinator)
            assert coordinator.returncode == 0, stdout[-2000:] + stderr[-3000:]
            assert "Connection refused" in stderr  # the workers did see Redis go
            assert records(tmp_path / "output", slow.host) == single["records"]
    finally:
        redis.stop()


def test_plain_scrapy_workers_join_a_coordinator_without_workers(redis_db, redis_url, tmp_path, demo_expected):
    """Workers on "other machines": `scrapy crawl portal -s REDIS_URL=…`; the
    coordinator (`--workers 0`) only watches and merges."""
    with MockServer(tmp_path) as server:
        coordinator = subprocess.Popen(
            crawl_command(server.url, tmp_path / "output", *FAST, "--redis", redis_url, "--workers", "0", *DIST),
            cwd=ROOT, env=subprocess_env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
            start_new_session=True)
        workers = []
        try:
            deadline = time.monotonic() + 60
            while not redis_db.get("zhaoshang:demo:run") and time.monotonic() < deadline:
                time.sleep(0.1)
            workers = [subprocess.Popen(
                [sys.executable, "-m", "scrapy", "crawl", "portal", "-a", "site=demo", "-a", f"start_urls={server.url}",
                 "-s", f"REDIS_URL={redis_url}", "-s", "DISTRIBUTED_IDLE_CLOSE_SECONDS=2", "-s", "LOG_LEVEL=WARNING",
                 "-s", f"OUTPUT_DIR={tmp_path / 'elsewhere'}", *FAST],
                cwd=ROOT, env=subprocess_env(), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
                for _ in range(2)]
            for worker in workers:
                _, errors = worker.communicate(timeout=120)
                assert worker.returncode == 0, errors[-3000:]
            stdout, stderr = coordinator.communicate(timeout=120)
        finally:
            for worker in workers:
                if worker.poll() is None:
                    worker.kill()
            stop_group(coordinator)
        assert coordinator.returncode == 0, stdout[-2000:] + stderr[-3000:]
        m = manifest(tmp_path / "output")
        assert m["records"] == demo_expected["counts"]
        assert len(m["distributed"]["workers"]) == 2
        assert not (tmp_path / "elsewhere").exists()  # workers write nothing of their own
        fetched = [uri for uri, status, _ in server.requests() if uri != "/robots.txt" and status != 500]
        assert len(fetched) == len(set(fetched))
