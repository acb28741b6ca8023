"""What a crawl is set up with: polite settings, site profiles, the demo
portal's builder, the Scrapy project layout and the two commands."""
from __future__ import annotations

import json
import re
import subprocess
import sys
import urllib.request

import pytest
from scrapy.settings import Settings

from helpers import comparable, fixture_cases, read_jsonl
from mockserver import DEMO_SITE, FAST, ROOT, MockServer, crawl_command, subprocess_env
from scraper.extract import parse_page
from scraper.sites import ProfileError, load_profile, profile_from_dict

BUILD = DEMO_SITE / "build.py"


def project_settings() -> Settings:
    settings = Settings()
    settings.setmodule("scraper.settings", priority="project")
    return settings


def run(*args, timeout=300, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run(list(args), cwd=ROOT, env=subprocess_env(), capture_output=True, text=True,
                          timeout=timeout, **kwargs)


# ---------------------------------------------------------------- settings

def test_polite_defaults():
    s = project_settings()
    assert s.getbool("ROBOTSTXT_OBEY") and s.getbool("AUTOTHROTTLE_ENABLED")
    assert s.getfloat("DOWNLOAD_DELAY") >= 0.5
    assert 1 <= s.getint("CONCURRENT_REQUESTS_PER_DOMAIN") <= 4
    assert s.getbool("RETRY_ENABLED") and {500, 502, 503, 504, 408} <= set(s.getlist("RETRY_HTTP_CODES"))
    assert 0 < s.getint("DOWNLOAD_MAXSIZE") <= 16 * 1024 * 1024 and s.getint("DOWNLOAD_TIMEOUT") <= 60
    assert not s.getbool("TELNETCONSOLE_ENABLED") and not s.getbool("REMOTE_CONTROL_ENABLED")
    assert s.get("FEED_EXPORT_ENCODING") == "utf-8"
    assert list(s.getdict("ITEM_PIPELINES")) == ["pipelines.validate.ValidatePipeline", "pipelines.dedupe.DedupePipeline"]


def test_scrapy_sees_the_project_from_the_repo_root():
    listed = run(sys.executable, "-m", "scrapy", "list")
    assert listed.returncode == 0 and listed.stdout.split() == ["portal"], listed.stderr
    checked = run(sys.executable, "-m", "scrapy", "check")
    assert checked.returncode == 0, checked.stderr


# ---------------------------------------------------------------- profiles

def test_shipped_profiles_load():
    demo = load_profile("demo")
    assert demo.allows("http://127.0.0.1:8123/x") and not demo.allows("http://news.example.org/")
    family = load_profile("010b")
    assert family.allows("https://shanghai.010b.com/info/detail/1.html")
    assert family.allows("https://beijing.010b.com/")
    assert not family.allows("https://m.010b.com/shanghai/info/detail/1.html")  # the mobile copy
    assert not family.allows("https://www.example.com/") and not family.allows("ftp://shanghai.010b.com/")


def test_010b_profile_patterns_agree_with_the_reference_pages():
    """The profile's guessed URL patterns must not change what the reference
    pages yield (and the classifier decides where they do not match)."""
    profile = load_profile("010b").raw
    for case in fixture_cases():
        got = parse_page(case["page"].read_bytes(), case["url"], profile=profile).records
        assert [comparable(r) for r in got] == [comparable(r) for r in read_jsonl(case["expected"])], case["name"]


@pytest.mark.parametrize("raw, message", [
    ({"allowed_hosts": ["a.com"]}, "name"),
    ({"name": "x/y", "allowed_hosts": ["a.com"]}, "name"),
    ({"name": "x", "allowed_hosts": ["a.com"], "start_urls": ["https://b.com/"]}, "outside allowed_hosts"),
    ({"name": "x", "allowed_hosts": ["a.com"], "url_patterns": {"news": ["/n/"]}}, "unknown page kind"),
    ({"name": "x", "allowed_hosts": ["a.com"], "url_patterns": {"park": ["("]}}, "bad regex"),
])
def test_bad_profiles_are_refused_with_a_reason(raw, message):
    with pytest.raises(ProfileError, match=re.escape(message)):
        profile_from_dict(raw)


def test_start_urls_on_the_command_line_allow_their_host():
    profile = load_profile("010b").with_start_urls(["https://beijing.010b.com/"])
    assert profile.start_urls == ["https://beijing.010b.com/"]
    other = load_profile("demo").with_start_urls(["http://localhost:9/"])
    assert other.allows("http://localhost:9/a") and other.allows("http://127.0.0.1:9/a")


def test_crawl_command_explains_usage_errors():
    nothing = run(sys.executable, "-m", "scraper", "crawl")
    assert nothing.returncode == 2 and "--site" in nothing.stderr
    unknown = run(sys.executable, "-m", "scraper", "crawl", "--site", "nope")
    assert unknown.returncode == 2 and "no site profile 'nope'" in unknown.stderr and "demo" in unknown.stderr


# ---------------------------------------------------------------- demo portal

def test_checked_in_demo_site_is_what_the_builder_makes(tmp_path):
    built = run(sys.executable, str(BUILD), "--out", str(tmp_path))
    assert built.returncode == 0, built.stderr
    for name in ("routes.json", "expected.json"):
        assert (tmp_path / name).read_bytes() == (DEMO_SITE / name).read_bytes(), name
    ours = sorted(p.relative_to(DEMO_SITE / "site") for p in (DEMO_SITE / "site").rglob("*") if p.is_file())
    theirs = sorted(p.relative_to(tmp_path / "site") for p in (tmp_path / "site").rglob("*") if p.is_file())
    assert ours == theirs
    for rel in ours:
        assert (DEMO_SITE / "site" / rel).read_bytes() == (tmp_path / "site" / rel).read_bytes(), rel


def test_scaled_demo_site_is_crawled_completely(tmp_path):
    """The benchmark's generator at a small scale: every item of a 400-page
    portal ends up in the output exactly once."""
    site = tmp_path / "site400"
    assert run(sys.executable, str(BUILD), "--pages", "400", "--out", str(site)).returncode == 0
    expected = json.loads((site / "expected.json").read_text(encoding="utf-8"))
    with MockServer(tmp_path, site_dir=site) as server:
        done = run(*crawl_command(server.url, tmp_path / "out", *FAST, "-s", "CONCURRENT_REQUESTS_PER_DOMAIN=8"))
    assert done.returncode == 0, done.stderr[-3000:]
    run_dir = tmp_path / "out" / "demo" / "latest"
    prefix = server.url.rstrip("/")
    for record_type, name in (("article", "articles"), ("project", "projects"), ("policy", "policies"), ("park", "parks")):
        records = read_jsonl(run_dir / f"{name}.jsonl")
        assert {r["url"][len(prefix):]: r["title"] for r in records} == {
            path: item["title"] for path, item in expected["records"][record_type].items()}
        assert len(records) == expected["counts"][record_type]


def test_demo_command_prints_a_summary_with_all_four_types(tmp_path):
    """README command 1, after its set-up part."""
    done = run(sys.executable, "-W", "error", "-m", "scraper", "demo", "--output", str(tmp_path))
    assert done.returncode == 0, done.stderr[-3000:]
    out = done.stdout
    assert re.search(r"demo: finished \(finished\) in [\d.]+ s", out)
    assert "records         12 articles, 44 projects, 24 policies, 8 parks" in out
    assert re.search(r"pages fetched   9\d", out) and "rejects         0" in out
    assert "HTTP errors     404 ×1, 500 ×1" in out
    assert f"output          {tmp_path}/demo/" in out and "(latest -> this run)" in out
    # The server is gone with the command.
    url = re.search(r"Demo portal at (http://127\.0\.0\.1:\d+/)", out).group(1)
    with pytest.raises(OSError):
        urllib.request.urlopen(url, timeout=2)


def test_inline_parsing_gives_the_same_records(tmp_path, demo_crawl):
    """PORTAL_PARSE_WORKERS=0 (parse in the crawl process) is the same crawl."""
    with MockServer(tmp_path) as server:
        done = run(*crawl_command(server.url, tmp_path / "out", *FAST, "-s", "PORTAL_PARSE_WORKERS=0"))
    assert done.returncode == 0, done.stderr[-3000:]
    manifest = json.loads((tmp_path / "out" / "demo" / "latest" / "manifest.json").read_text())
    assert manifest["records"] == demo_crawl.manifest["records"]
    assert manifest["pages_by_kind"] == demo_crawl.manifest["pages_by_kind"]
