"""Killing a crawl halfway: no half-written `*.jsonl` is ever visible and
`latest` keeps pointing at the last finished run.

The server holds every response (--delay) so that the crawl is still
running when the signal comes."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import time
from pathlib import Path

from mockserver import FAST, ROOT, MockServer, crawl_command, subprocess_env

DELAY = 0.25


def previous_finished_run(output: Path) -> Path:
    """A stand-in for yesterday's finished run, with `latest` on it."""
    site = output / "demo"
    old = site / "20000101T000000Z-0000"
    old.mkdir(parents=True)
    (old / "manifest.json").write_text('{"status": "finished"}\n')
    (site / "latest").symlink_to(old.name)
    return old


def start_crawl(server: MockServer, output: Path) -> subprocess.Popen:
    cmd = crawl_command(server.url, output, *FAST, "--run-id", "killed")
    return subprocess.Popen(cmd, cwd=ROOT, env=subprocess_env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, start_new_session=True)


def wait_for_pages(server: MockServer, proc: subprocess.Popen, n: int, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while len(server.fetched()) < n:
        assert proc.poll() is None, proc.communicate()[1][-3000:]
        assert time.monotonic() < deadline, "the crawl did not get going"
        time.sleep(0.05)


def children(pid: int) -> set[int]:
    kids = set()
    for task in Path(f"/proc/{pid}/task").iterdir():
        kids.update(int(k) for k in (task / "children").read_text().split())
    return kids


def test_sigterm_leaves_an_interrupted_run_and_latest_alone(tmp_path):
    output = tmp_path / "output"
    old = previous_finished_run(output)
    with MockServer(tmp_path, delay=DELAY) as server:
        proc = start_crawl(server, output)
        wait_for_pages(server, proc, 12)
        proc.send_signal(signal.SIGTERM)
        _, stderr = proc.communicate(timeout=120)
        fetched = len(server.fetched())
    assert proc.returncode == 130, stderr[-3000:]
    run = output / "demo" / "killed"
    manifest = json.loads((run / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["status"] == "interrupted" and manifest["finish_reason"] == "shutdown"
    assert 0 < manifest["pages_fetched"] < 90 and fetched < 90
    assert list(run.glob("*.jsonl")) == []
    assert os.readlink(output / "demo" / "latest") == old.name
    # What it had read is kept, complete, under names no consumer takes for a finished run.
    partial = sorted(p.name for p in run.glob("*.partial"))
    assert partial == ["articles.jsonl.partial", "parks.jsonl.partial", "policies.jsonl.partial",
                       "projects.jsonl.partial", "rejects.jsonl.partial"]
    total = 0
    for path in run.glob("*.jsonl.partial"):
        lines = path.read_text(encoding="utf-8").splitlines()
        total += len([json.loads(line) for line in lines])
    assert total == sum(manifest["records"].values()) > 0
    assert not list(run.glob("*.tmp")) and not (run / ".records.sqlite").exists()


def test_sigkill_leaves_no_jsonl_and_latest_alone(tmp_path):
    output = tmp_path / "output"
    old = previous_finished_run(output)
    with MockServer(tmp_path, delay=DELAY) as server:
        proc = start_crawl(server, output)
        wait_for_pages(server, proc, 12)
        workers = children(proc.pid)
        assert workers, "the page parser runs in a worker process"
        proc.send_signal(signal.SIGKILL)  # the crawl process only, as the OOM killer would
        proc.communicate(timeout=30)
    assert proc.returncode == -signal.SIGKILL
    run = output / "demo" / "killed"
    assert list(run.glob("*.jsonl")) == []
    assert json.loads((run / "manifest.json").read_text(encoding="utf-8"))["status"] == "running"
    assert os.readlink(output / "demo" / "latest") == old.name
    # Its worker processes notice and exit instead of lingering.
    deadline = time.monotonic() + 15
    while any(Path(f"/proc/{pid}").exists() and "zombie" not in _state(pid) for pid in workers):
        if time.monotonic() > deadline:
            for pid in workers:
                _kill(pid)
            raise AssertionError("worker processes outlived the killed crawl")
        time.sleep(0.1)


def _state(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/status").read_text().split("State:", 1)[1].split("\n", 1)[0]
    except (OSError, IndexError):
        return "zombie"


def _kill(pid: int) -> None:
    try:
        os.kill(pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
