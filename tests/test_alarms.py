"""Quality alarms end to end: the demo portal is crawled once as it is, then
switched to a "redesigned template" whose lists are rendered by JavaScript
(every <ul>/<ol>/<dl>/<table> replaced by an empty placeholder), so the
crawler finds no list and no link to follow. The crawl still finishes without
any error; only the comparison with the first run can tell, and it must: the
run is `degraded`, names its failed checks, exits non-zero (3), and `latest`
stays on the good run. The same redesign under a profile whose `[quality]`
table accepts any drop is no alarm.

(Turning the lists into plain <p> links without dates is not enough: the page
parser still finds the items and reads them from their own pages, as it should.)
"""
from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

from mockserver import DEMO_SITE, FAST, ROOT, MockServer, crawl_command, subprocess_env

LIST_MARKUP = re.compile(r"<(ul|ol|dl|table)\b[^>]*>.*?</\1>", re.S)
PLACEHOLDER = '<div class="js-list" data-src="/api/list.json"></div>'


def redesigned_copy(target: Path) -> Path:
    """The demo portal with its lists client-rendered; each page keeps its
    encoding (some are GBK)."""
    shutil.copytree(DEMO_SITE, target)
    for page in (target / "site").rglob("*.html"):
        raw = page.read_bytes()
        for encoding in ("utf-8", "gb18030"):
            try:
                text = raw.decode(encoding)
                break
            except UnicodeDecodeError:
                continue
        page.write_bytes(LIST_MARKUP.sub(PLACEHOLDER, text).encode(encoding))
    return target


def crawl(site_dir: Path, log_dir: Path, output: Path, site: str = "demo") -> tuple[subprocess.CompletedProcess, dict]:
    log_dir.mkdir()
    with MockServer(log_dir, site_dir=site_dir) as server:
        result = subprocess.run(crawl_command(server.url, output, *FAST, site=site), cwd=ROOT, env=subprocess_env(),
                                capture_output=True, text=True, timeout=300)
    run_dirs = sorted(p for p in (output / "demo").iterdir() if p.is_dir() and not p.is_symlink())
    manifest = json.loads((run_dirs[-1] / "manifest.json").read_text(encoding="utf-8"))
    return result, manifest


def test_redesigned_portal_degrades_the_run(tmp_path):
    output = tmp_path / "output"  # the state goes beside it (tmp_path/state), shared by both runs
    good, good_manifest = crawl(DEMO_SITE, tmp_path / "log-1", output)
    assert good.returncode == 0, good.stderr[-3000:]
    assert good_manifest["status"] == "finished"
    assert all(c["passed"] for c in good_manifest["checks"]), good_manifest["checks"]

    broken, manifest = crawl(redesigned_copy(tmp_path / "redesigned"), tmp_path / "log-2", output)
    assert broken.returncode == 3, broken.stdout  # degraded (scraper/cli.py EXIT_CODES)
    assert manifest["status"] == "degraded"
    assert manifest["run_id"] != good_manifest["run_id"]
    failed = {c["name"] for c in manifest["checks"] if not c["passed"]}
    assert {"records.article", "records.project", "records.policy", "records.park",
            "pages.empty_share"} <= failed, manifest["checks"]
    for check in manifest["checks"]:
        assert {"name", "value", "threshold", "passed"} <= set(check)
    # Consumers that follow `latest` keep the last good run.
    assert (output / "demo" / "latest").resolve().name == good_manifest["run_id"]


def test_profile_quality_table_relaxes_the_alarm(tmp_path):
    """A site whose profile accepts any drop (records_drop = 1, every page may
    be empty) is not degraded by the same redesign."""
    profile = tmp_path / "demo.toml"
    profile.write_text((ROOT / "data" / "sites" / "demo.toml").read_text(encoding="utf-8")
                       + "\n[quality]\nrecords_drop = 1.0\nmax_empty_page_share = 1.0\n", encoding="utf-8")
    output = tmp_path / "output"
    good, _ = crawl(DEMO_SITE, tmp_path / "log-1", output, site=str(profile))
    assert good.returncode == 0, good.stderr[-3000:]
    relaxed, manifest = crawl(redesigned_copy(tmp_path / "redesigned"), tmp_path / "log-2", output, site=str(profile))
    assert manifest["status"] == "finished", [c for c in manifest["checks"] if not c["passed"]]
    assert relaxed.returncode == 0
