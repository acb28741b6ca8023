"""SIGKILL at any point of a crawl loses nothing and duplicates nothing
(scraper/state.py, pipelines/run.py): after the next run, the records in
all published `*.jsonl` files of the site are exactly a clean run's, each
once.

Kill points: early (a few pages in), mid-crawl, and during the close: while
the files are written, after the run staged them and halfway through moving
them into place (the close is slowed with RUN_PUBLISH_PAUSE so the kill
lands there). Plus a SIGTERM mid-crawl completed by `--resume`."""
from __future__ import annotations

import json
import signal
import sqlite3
import subprocess
import time
from pathlib import Path

import pytest

from helpers import read_jsonl
from mockserver import FAST, ROOT, MockServer, crawl_command, subprocess_env

VOLATILE = ("scraped_at", "change", "previous_hash")


def published(output: Path) -> list[dict]:
    """Every record in every published file of the site, stripped of what differs between runs."""
    records = []
    for path in sorted((output / "demo").glob("*/*.jsonl")):
        if path.parent.is_symlink() or path.name == "rejects.jsonl":
            continue
        records += [{k: v for k, v in r.items() if k not in VOLATILE} for r in read_jsonl(path)]
    return records


def keyed(records: list[dict]) -> dict:
    out = {}
    for r in records:
        assert (r["type"], r["id"]) not in out, f"emitted twice: {r['type']} {r['url']}"
        out[(r["type"], r["id"])] = r
    return out


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    """A slowed server (so kills land mid-crawl) and a clean run's records on it."""
    base = tmp_path_factory.mktemp("resume")
    with MockServer(base, delay=0.03) as server:
        done = subprocess.run(crawl_command(server.url, base / "clean", *FAST), cwd=ROOT, env=subprocess_env(),
                              capture_output=True, text=True, timeout=300)
        assert done.returncode == 0, done.stderr[-3000:]
        yield server, keyed(published(base / "clean"))


def staged(state: Path) -> bool:
    """The run has staged its publication in the state (pipelines/run.py)."""
    if not state.exists():
        return False
    db = sqlite3.connect(state, timeout=5)
    try:
        row = db.execute("SELECT status FROM runs WHERE run_id = 'killed'").fetchone()
    except sqlite3.OperationalError:
        return False
    finally:
        db.close()
    return row == ("publishing",)


def wait_until(condition, proc: subprocess.Popen, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert proc.poll() is None, "the crawl ended before the kill point: " + proc.communicate()[1][-3000:]
        assert time.monotonic() < deadline, "the kill point never came"
        time.sleep(0.01)


@pytest.mark.parametrize("point, resume", [
    ("early", False), ("mid", False), ("mid", True), ("close-writing", False), ("close-before-publish", False),
    ("close-publishing", False), ("sigterm-mid", True),
])
def test_sigkill_then_next_run_publishes_every_record_once(tmp_path, served, point, resume):
    server, clean = served
    output = tmp_path / "output"
    run_dir = output / "demo" / "killed"
    extra = ["-s", "RUN_PUBLISH_PAUSE=0.5"] if point.startswith("close") else []
    proc = subprocess.Popen(crawl_command(server.url, output, *FAST, "--run-id", "killed", *extra), cwd=ROOT,
                            env=subprocess_env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            start_new_session=True)
    start = len(server.requests())
    conditions = {
        "early": lambda: len(server.requests()) - start >= 5,
        "mid": lambda: len(server.requests()) - start >= 50,
        "sigterm-mid": lambda: len(server.requests()) - start >= 50,
        "close-writing": lambda: (run_dir / "articles.jsonl.tmp").exists(),
        "close-before-publish": lambda: staged(output.parent / "state" / "demo.sqlite"),
        "close-publishing": lambda: (run_dir / "articles.jsonl").exists(),
    }
    kill = signal.SIGTERM if point.startswith("sigterm") else signal.SIGKILL
    try:
        wait_until(conditions[point], proc)
    finally:
        proc.send_signal(kill)
        proc.communicate(timeout=60)
    assert proc.returncode == (130 if kill == signal.SIGTERM else -signal.SIGKILL)
    if point == "close-publishing":
        assert not (run_dir / "parks.jsonl").exists()  # killed halfway through publishing

    again = ["--resume"] if resume else []
    done = subprocess.run(crawl_command(server.url, output, *FAST, *again), cwd=ROOT, env=subprocess_env(),
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-3000:]

    union = keyed(published(output))
    assert set(union) == set(clean)
    assert union == clean
    # The killed run is either completed or marked, never left `running`.
    manifests = [json.loads(p.read_text()) for p in (output / "demo").glob("*/manifest.json")
                 if not p.parent.is_symlink()]
    assert "running" not in {m["status"] for m in manifests}
    if resume:
        assert [m["run_id"] for m in manifests] == ["killed"] and manifests[0]["resumed"] is True
        assert not list(run_dir.glob("*.partial"))
    if point in ("close-before-publish", "close-publishing"):
        # Killed after staging: the next run rolled the killed one forward, then found nothing new.
        killed = json.loads((run_dir / "manifest.json").read_text())
        assert killed["status"] == "finished" and sum(killed["records"].values()) == len(clean)
