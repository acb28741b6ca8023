"""Pipelines called directly, the way Scrapy calls them, with a crawler built
from the project settings (no network, no reactor)."""
from __future__ import annotations

import json
import os
import sqlite3
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from scrapy.exceptions import DropItem
from scrapy.utils.test import get_crawler

import scraper.settings as project_settings
from helpers import FIXTURES_010B, read_jsonl
from pipelines.dedupe import DedupePipeline, RecordStore, merge
from pipelines.jsonl import write_atomic
from pipelines.manifest import run_status
from pipelines.run import RunOutput
from pipelines.validate import ValidatePipeline, fast_is_valid
from scraper.extract import parse_page
from scraper.schemas import validation_errors
from spiders.portal import PortalSpider

PAGES = {p.name: p for p in FIXTURES_010B.glob("*.html")}
URLS = {e["page"]: e["url"] for e in json.loads((FIXTURES_010B / "index.json").read_text(encoding="utf-8"))}


def page_records(name: str) -> list[dict]:
    return parse_page(PAGES[name].read_bytes(), URLS[name], scraped_at="2025-08-27T02:00:00Z").records


def make_crawler(output: Path, run_id: str = "run-1"):
    values = {k: getattr(project_settings, k) for k in dir(project_settings) if k.isupper()}
    values.update(OUTPUT_DIR=str(output), STATE_DIR=str(output / ".state"), RUN_ID=run_id, PORTAL_PARSE_WORKERS=0)
    crawler = get_crawler(PortalSpider, values)
    crawler.spider = PortalSpider.from_crawler(crawler, site="demo", start_urls="http://127.0.0.1:8000/")
    return crawler


def open_pipelines(crawler):
    validate, dedupe = ValidatePipeline.from_crawler(crawler), DedupePipeline.from_crawler(crawler)
    validate.open_spider()
    dedupe.open_spider()
    return validate, dedupe


def feed(crawler, records, pages: int = 1):
    validate, dedupe = open_pipelines(crawler)
    crawler.stats.set_value("portal/pages", pages)
    for record in records:
        try:
            dedupe.process_item(validate.process_item(record))
            crawler.stats.inc_value("item_scraped_count")
        except DropItem:
            pass
    return RunOutput.for_crawler(crawler)


# ---------------------------------------------------------------- merge

def test_own_page_wins_and_keeps_what_only_the_list_had():
    article_page = page_records("010b-article-126590.html")
    listed = next(r for r in article_page if r["url"].endswith("/zhengce/detail/2946.html"))
    own = page_records("010b-zhengce-2946.gbk.html")[0]
    for merged in (merge(listed, own), merge(own, listed)):
        assert merged["body"] == own["body"] and merged["fields"] == own["fields"]
        assert merged["source_url"] == own["source_url"] and merged["region"] == own["region"]
        assert merged["list"] == "上海徐汇区优惠政策"  # own page says null; the list's heading is kept
        assert merged["document_number"] == "徐府发〔2024〕9号"


def test_list_entries_merge_the_same_in_any_order():
    side = next(r for r in page_records("010b-zhengce-list_1.html") if r["url"].endswith("/yuanqu/1068.html"))
    other = dict(side, source_url="https://shanghai.010b.com/yuanqu/1051.html", region=None)
    assert merge(side, other) == merge(other, side)
    assert merge(side, other)["region"] == side["region"]


def test_store_keeps_one_record_per_type_and_id(tmp_path):
    store = RecordStore(tmp_path / "s.sqlite")
    records = [r for name in PAGES for r in page_records(name)]
    for r in records:
        store.add(r)
    keys = {(r["type"], r["id"]) for r in records}
    out = [r for t in ("article", "project", "policy", "park") for r in store.records(t)]
    assert len(out) == len(keys) == sum(store.counts.values())
    assert store.merged == len(records) - len(keys)
    own_2946 = next(r for r in out if r["url"].endswith("/zhengce/detail/2946.html"))
    assert "body" in own_2946 and own_2946["list"] == "上海徐汇区优惠政策"
    store.close()
    assert not (tmp_path / "s.sqlite").exists()


# ---------------------------------------------------------------- validate

def test_invalid_record_is_rejected_with_its_reason_and_counted(tmp_path):
    crawler = make_crawler(tmp_path)
    good = page_records("010b-yuanqu-1051.html")
    bad = dict(good[1], published="2025/08/27", title="")
    run = feed(crawler, [*good, bad])
    assert crawler.stats.get_value("records/rejected/park") == 1
    manifest = run.finish("finished")
    rejects = read_jsonl(run.dir / "rejects.jsonl")
    assert manifest["rejects"] == 1 and len(rejects) == 1
    assert rejects[0]["record"] == bad
    assert any(reason.startswith("published:") for reason in rejects[0]["reasons"])
    assert any(reason.startswith("title:") for reason in rejects[0]["reasons"])
    assert manifest["records"]["park"] == 6  # the bad copy did not replace or add anything


def _mutations():
    values = st.one_of(st.none(), st.booleans(), st.integers(), st.text(max_size=5),
                       st.lists(st.text(max_size=3), max_size=2), st.dictionaries(st.text(max_size=3), st.text(max_size=3), max_size=2))
    return st.tuples(st.integers(min_value=0, max_value=10_000), st.text(max_size=12), values, st.booleans())


FIXTURE_RECORDS = [r for name in sorted(PAGES) for r in page_records(name)]


@settings(max_examples=300, deadline=None)
@given(_mutations())
@example((0, "type", [], False))         # an unhashable type
@example((1, "published", "2025/08/27", False))
def test_fast_validator_agrees_with_jsonschema(mutation):
    """The fast path may only say "valid" where the reference says valid."""
    index, key, value, replace_existing = mutation
    record = dict(FIXTURE_RECORDS[index % len(FIXTURE_RECORDS)])
    if replace_existing:
        key = sorted(record)[index % len(record)]
    record[key] = value
    assert fast_is_valid(record) == (validation_errors(record) == [])


def test_every_fixture_record_is_valid():
    assert all(fast_is_valid(r) and validation_errors(r) == [] for r in FIXTURE_RECORDS)


# ---------------------------------------------------------------- output

def test_finished_run_publishes_jsonl_manifest_and_latest(tmp_path):
    crawler = make_crawler(tmp_path)
    records = [r for name in sorted(PAGES) for r in page_records(name)]
    run = feed(crawler, records, pages=5)
    assert not list(run.dir.glob("*.jsonl"))  # nothing visible while the crawl runs
    assert json.loads((run.dir / "manifest.json").read_text())["status"] == "running"
    manifest = run.finish("finished")
    assert manifest["status"] == "finished" and manifest["pages_fetched"] == 5
    assert os.readlink(tmp_path / "demo" / "latest") == "run-1"
    assert sorted(p.name for p in run.dir.iterdir()) == [
        "articles.jsonl", "manifest.json", "parks.jsonl", "policies.jsonl", "projects.jsonl", "rejects.jsonl"]
    for record_type, name in (("article", "articles"), ("project", "projects"), ("policy", "policies"), ("park", "parks")):
        written = read_jsonl(run.dir / f"{name}.jsonl")
        assert len(written) == manifest["records"][record_type] == len({r["id"] for r in written})
        assert all(r["type"] == record_type for r in written)
    assert manifest["records_read"] == len(records)


@pytest.mark.parametrize("reason, status", [("shutdown", "interrupted"), ("closespider_timeout", "interrupted"),
                                            ("spider_error", "failed")])
def test_unfinished_run_keeps_partial_files_and_latest(tmp_path, reason, status):
    first = make_crawler(tmp_path, "run-1")
    feed(first, page_records("010b-yuanqu-1051.html")).finish("finished")
    second = make_crawler(tmp_path, "run-2")
    run = feed(second, page_records("010b-zhengce-2946.gbk.html"))
    manifest = run.finish(reason)
    assert manifest["status"] == status and manifest["finish_reason"] == reason
    assert list(run.dir.glob("*.jsonl")) == []
    assert sorted(p.name for p in run.dir.glob("*.partial"))[0] == "articles.jsonl.partial"
    assert os.readlink(tmp_path / "demo" / "latest") == "run-1"


def test_nothing_fetched_is_a_failed_run():
    assert run_status("finished", 0) == "failed"
    assert run_status("finished", 3) == "finished"
    assert run_status(None, 3) == "running"


def test_a_run_id_is_never_reused(tmp_path):
    make_crawler(tmp_path, "same")
    feed(make_crawler(tmp_path, "same"), []).finish("finished")
    with pytest.raises(FileExistsError):
        open_pipelines(make_crawler(tmp_path, "same"))


def test_write_atomic_leaves_no_temp_file_and_keeps_chinese(tmp_path):
    path = tmp_path / "parks.jsonl"
    assert write_atomic(path, [{"title": "易园徐汇创意园", "body": "a\nb"}]) == 1
    assert path.read_text(encoding="utf-8") == '{"title": "易园徐汇创意园", "body": "a\\nb"}\n'
    assert [p.name for p in tmp_path.iterdir()] == ["parks.jsonl"]


def test_scratch_store_is_not_output(tmp_path):
    crawler = make_crawler(tmp_path)
    run = feed(crawler, page_records("010b-yuanqu-1051.html"))
    scratch = run.dir / ".records.sqlite"
    assert sqlite3.connect(scratch).execute("SELECT count(*) FROM records").fetchone() == (6,)
    run.finish("finished")
    assert not scratch.exists()
