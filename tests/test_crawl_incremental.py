"""Incremental crawls of a served copy of the demo portal (scraper/state.py,
spiders/middlewares.py): what a second run fetches and emits, and what a run
after the site changed reports. One server for all runs: record ids come
from URLs, and the port is part of them."""
from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from helpers import read_jsonl
from mockserver import DEMO_SITE, FAST, ROOT, MockServer, crawl_command, subprocess_env

FILES = {"article": "articles", "project": "projects", "policy": "policies", "park": "parks"}
LISTING = re.compile(r"^/$|^/robots\.txt$|/list_\d+\.html$")
EDITED_POLICY = "/zhengce/detail/2470.html"
REDATED_PROJECT = "/info/detail/125800.html"
DELETED_PARK = "/yuanqu/1141.html"
NEW_PROJECT = "/info/detail/130001.html"
COPIED_PROJECT = "/info/detail/126731.html"


def serve_copy(tmp: Path) -> Path:
    site = tmp / "site-copy"
    shutil.copytree(DEMO_SITE / "site", site / "site")
    shutil.copy(DEMO_SITE / "routes.json", site / "routes.json")
    return site


class Runs:
    def __init__(self, server: MockServer, output: Path):
        self.server, self.output, self.count = server, output, 0

    def crawl(self, *extra: str) -> tuple[dict, dict[str, list[dict]], list[tuple[str, int]], subprocess.CompletedProcess]:
        """Run one crawl; return its manifest, records per type, (uri, status) it requested."""
        self.count += 1
        before = len(self.server.requests())
        done = subprocess.run(crawl_command(self.server.url, self.output, *FAST, "--run-id", f"run-{self.count}", *extra),
                              cwd=ROOT, env=subprocess_env(), capture_output=True, text=True, timeout=300)
        run_dir = self.output / "demo" / f"run-{self.count}"
        manifest = json.loads((run_dir / "manifest.json").read_text(encoding="utf-8"))
        records = {t: read_jsonl(run_dir / f"{name}.jsonl") for t, name in FILES.items()}
        requests = [(uri, status) for uri, status, _ in self.server.requests()[before:]]
        return manifest, records, requests, done


@pytest.fixture(scope="module")
def runs(tmp_path_factory):
    base = tmp_path_factory.mktemp("incremental")
    site = serve_copy(base)
    with MockServer(base, site_dir=site) as server:
        yield Runs(server, base / "output"), site


def edit_site(site: Path) -> None:
    """One policy page reworded, one project added (page + list entry), one park deleted (page + list entries)."""
    root = site / "site"
    policy = root / EDITED_POLICY.lstrip("/")
    text = policy.read_text(encoding="utf-8")
    body = re.search(r"（测试样例文字）[^<]{10,}", text).group(0)
    policy.write_text(text.replace(body, body + "（修订：补充申报材料要求。）", 1), encoding="utf-8")

    project = (root / COPIED_PROJECT.lstrip("/")).read_text(encoding="utf-8")
    old_title = "漕河泾开发区城市定向赛串联科创空间促融合"
    (root / NEW_PROJECT.lstrip("/")).write_text(project.replace(old_title, "徐汇新建智能算力中心项目招商"), encoding="utf-8")
    listing = root / "xiangmu" / "list_1.html"
    text = listing.read_text(encoding="utf-8")
    entry = re.search(r'<li class="clearfix">\s*<h3><a href="' + COPIED_PROJECT + r'".*?</li>', text, re.S).group(0)
    new_entry = entry.replace(COPIED_PROJECT, NEW_PROJECT).replace(old_title, "徐汇新建智能算力中心项目招商")
    listing.write_text(text.replace(entry, new_entry + "\n        " + entry, 1), encoding="utf-8")

    (root / DELETED_PARK.lstrip("/")).unlink()
    for page in (root / "yuanqu" / "list_1.html", root / "zhengce" / "list_2.html"):
        text = page.read_text(encoding="utf-8")
        text, n = re.subn(r'<li[^>]*>(?:(?!</li>).)*?' + re.escape(DELETED_PARK) + r'.*?</li>', "", text, flags=re.S)
        assert n >= 1, page
        page.write_text(text, encoding="utf-8")


def test_incremental_runs(runs, demo_expected):
    runner, site = runs
    prefix = runner.server.url.rstrip("/")

    # 1. First run: everything is new.
    first, records, requests, done = runner.crawl()
    assert done.returncode == 0, done.stderr[-3000:]
    assert first["status"] == "finished" and first["mode"] == "incremental"
    assert {t: len(r) for t, r in records.items()} == demo_expected["counts"]
    assert all(r["change"] == "new" for recs in records.values() for r in recs)
    assert first["changes"]["project"] == {"new": 44, "updated": 0, "unchanged": 0}
    detail_pages = {uri for uri, status in requests if status == 200 and not LISTING.search(uri)}
    assert len(detail_pages) > 80

    # 2. Nothing changed: nothing emitted, no detail page fetched again.
    second, records, requests, done = runner.crawl()
    assert done.returncode == 0, done.stderr[-3000:]
    assert second["status"] == "finished"
    assert records == {t: [] for t in FILES}
    assert second["changes"] == {t: {"new": 0, "updated": 0, "unchanged": n} for t, n in demo_expected["counts"].items()}
    assert second["records_seen"] == demo_expected["counts"]
    assert second["vanished"] == {t: [] for t in FILES}
    fetched_again = [uri for uri, status in requests if uri in detail_pages]
    assert fetched_again == []
    # Only listings, robots.txt and the one listed page that never existed (404) were asked for.
    assert {uri for uri, status in requests if not LISTING.search(uri)} == set(demo_expected["traps"]["not_found"])
    assert second["pages_replayed"] == len(detail_pages)  # the redirect target is cached under the link's URL
    assert "projects +0 ~0" in done.stdout and "from the state  86 detail pages" in done.stdout

    # 3. The site changed. Every known page is asked again conditionally (max age 0).
    edit_site(site)
    third, records, requests, done = runner.crawl("-s", "STATE_MAX_AGE_DAYS=0")
    assert done.returncode == 0, (done.stdout, done.stderr[-3000:])
    assert [(r["change"], r["url"][len(prefix):]) for r in records["policy"]] == [("updated", EDITED_POLICY)]
    assert re.fullmatch(r"[0-9a-f]{40}", records["policy"][0]["previous_hash"])
    assert "修订" in records["policy"][0]["body"]
    assert [(r["change"], r["url"][len(prefix):]) for r in records["project"]] == [("new", NEW_PROJECT)]
    assert records["article"] == [] and records["park"] == []
    assert third["changes"]["policy"]["updated"] == 1 and third["changes"]["project"]["new"] == 1
    assert [v["url"][len(prefix):] for v in third["vanished"]["park"]] == [DELETED_PARK]
    assert sum(len(v) for v in third["vanished"].values()) == 1
    statuses = {}
    for uri, status in requests:
        statuses.setdefault(status, set()).add(uri)
    assert EDITED_POLICY in statuses[200] and NEW_PROJECT in statuses[200] and DELETED_PARK in statuses[404]
    assert len(statuses[304]) == len(detail_pages) - 1 - 1  # all but the edited policy and the deleted park
    assert third["pages_not_modified"] == len(statuses[304])

    # 4. `--full`: the complete snapshot, each record saying how it changed.
    full, records, requests, done = runner.crawl("--full")
    assert done.returncode == 0, done.stderr[-3000:]
    counts = dict(demo_expected["counts"], project=45, park=7)
    assert {t: len(r) for t, r in records.items()} == counts
    assert {r["change"] for recs in records.values() for r in recs} == {"unchanged"}

    # 5. `--since` the third run started: what changed since then, though nothing changed in this run.
    since, records, requests, done = runner.crawl("--since", third["started"])
    assert done.returncode == 0, done.stderr[-3000:]
    assert since["changes"]["policy"] == {"new": 0, "updated": 0, "unchanged": 24}
    assert [(r["change"], r["url"][len(prefix):]) for r in records["policy"]] == [("updated", EDITED_POLICY)]
    assert [(r["change"], r["url"][len(prefix):]) for r in records["project"]] == [("new", NEW_PROJECT)]
    assert records["article"] == [] and records["park"] == []
    assert "Progress: " in done.stderr  # the progress line (scraper/progress.py), at least the one at the end

    # 6. A project republished with a newer date on its listing (and its page; the side
    #    lists on other pages, replayed from the state, still show the old date): fetched
    #    again with the default max age, and no other detail page is.
    root = site / "site"
    listing, page = root / "xiangmu" / "list_2.html", root / REDATED_PROJECT.lstrip("/")
    listing.write_text(re.sub(r'(' + re.escape(REDATED_PROJECT) + r'.*?<span class="date">)2025-08-05',
                              r"\g<1>2026-11-28", listing.read_text(encoding="utf-8"), count=1, flags=re.S),
                       encoding="utf-8")
    page.write_text(page.read_text(encoding="utf-8").replace("发布日期:2025年08月05日", "发布日期:2026年11月28日"),
                    encoding="utf-8")
    redated, records, requests, done = runner.crawl()
    assert done.returncode == 0, done.stderr[-3000:]
    assert [uri for uri, status in requests if not LISTING.search(uri) and status == 200] == [REDATED_PROJECT]
    assert [(r["change"], r["url"][len(prefix):], r["published"]) for r in records["project"]] == [
        ("updated", REDATED_PROJECT, "2026-11-28")]
    assert sum(len(r) for r in records.values()) == 1
    assert redated["changes"]["project"] == {"new": 0, "updated": 1, "unchanged": 44}
    # ... and the run after it sees the same record (same hash): nothing to emit, nothing fetched.
    after, records, requests, done = runner.crawl()
    assert done.returncode == 0, done.stderr[-3000:]
    assert records == {t: [] for t in FILES}
    assert [uri for uri, status in requests if not LISTING.search(uri) and status == 200] == []

    # runs and status read the manifests.
    table = subprocess.run([*crawl_command("", runner.output)[:5], "runs", "demo", "--output", str(runner.output)],
                           cwd=ROOT, env=subprocess_env(), capture_output=True, text=True, timeout=60)
    assert table.returncode == 0, table.stderr
    assert "run-3" in table.stdout and "+1/~0" in table.stdout and "+0/~1" in table.stdout
    status = subprocess.run([*crawl_command("", runner.output)[:5], "status", "demo", "--output", str(runner.output)],
                            cwd=ROOT, env=subprocess_env(), capture_output=True, text=True, timeout=60)
    assert status.returncode == 0, status.stderr
    assert "last run run-7 finished" in status.stdout and "open alarms     none" in status.stdout


def test_a_failed_quality_check_makes_a_degraded_run_that_exits_non_zero(tmp_path, demo_expected):
    """A degraded run publishes its files, names the failed check, leaves
    `latest` where it was, and the command exits 3 (scraper/cli.py)."""
    strict = json.dumps({"min_coverage": {"park": {"published": 1.0}}})  # demo parks show no date
    with MockServer(tmp_path) as server:
        done = subprocess.run(crawl_command(server.url, tmp_path / "output", *FAST, "--run-id", "strict",
                                            "-s", f"QUALITY_THRESHOLDS={strict}"),
                              cwd=ROOT, env=subprocess_env(), capture_output=True, text=True, timeout=300)
    assert done.returncode == 3, done.stderr[-3000:]
    run_dir = tmp_path / "output" / "demo" / "strict"
    manifest = json.loads((run_dir / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["status"] == "degraded"
    assert [c["name"] for c in manifest["checks"] if not c["passed"]] == ["coverage.park.published"]
    assert len(read_jsonl(run_dir / "parks.jsonl")) == demo_expected["counts"]["park"]
    assert not (tmp_path / "output" / "demo" / "latest").exists()
    assert "FAILED coverage.park.published" in done.stdout
