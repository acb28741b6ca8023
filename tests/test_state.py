"""scraper/state.py and the publish/recover protocol of pipelines/run.py,
without a crawl."""
from __future__ import annotations

import json
import os
from datetime import datetime, timedelta, timezone

import pytest

from pipelines.jsonl import write_temp
from pipelines.run import recover
from scraper.state import SqliteStateStore, content_hash, refetch_reason

NOW = datetime(2026, 11, 29, 6, 0, tzinfo=timezone.utc)


def record(rid: str, body: str = "正文", **extra) -> dict:
    return {"type": "policy", "id": rid, "url": f"http://x/{rid}.html", "title": f"政策{rid}", "body": body,
            "published": "2025-08-01", "scraped_at": "2026-11-29T05:00:00Z", **extra}


def test_content_hash_ignores_what_changes_on_every_read():
    a = record("1")
    assert content_hash(a) == content_hash(dict(a, scraped_at="2030-01-01T00:00:00Z", change="new"))
    assert content_hash(a) != content_hash(record("1", body="正文。"))
    assert content_hash(a) == content_hash(dict(reversed(list(a.items()))))  # key order does not matter


def cached(kind="policy", fetched=NOW - timedelta(days=1), listing_date="2025-08-01", published="2025-08-01"):
    return {"kind": kind, "fetched_at": fetched.isoformat().replace("+00:00", "Z"), "listing_date": listing_date,
            "records": [{"published": published}], "etag": '"abc"', "last_modified": None}


@pytest.mark.parametrize("page, listing_date, reason", [
    (None, "2025-08-01", "new"),
    (cached(kind="listing"), None, "new"),                   # read as a listing: always read
    (cached(kind="gone"), None, "new"),                      # 404 last time: ask again
    (cached(), "2025-08-02", "listing"),                     # the list shows a newer date
    (cached(), "2025-08-01T09:30:00+08:00", "fresh"),        # same day
    (cached(listing_date=None, published=None), "2025-08-01", "listing"),  # we never knew its date
    (cached(), None, "fresh"),                               # a side list without dates
    (cached(fetched=NOW - timedelta(days=8)), "2025-08-01", "stale"),
])
def test_refetch_reason(page, listing_date, reason):
    assert refetch_reason(page, listing_date, NOW, 7) == reason


def test_max_age_zero_revalidates_every_known_page():
    assert refetch_reason(cached(fetched=NOW), None, NOW, 0) == "stale"


@pytest.fixture(params=["sqlite", "redis"])
def make_store(request, tmp_path):
    """The same contract from both stores: SQLite, and Redis for distributed runs."""
    if request.param == "sqlite":
        return lambda: SqliteStateStore(tmp_path / "s.sqlite")
    from scraper.distributed.state import RedisStateStore

    client = request.getfixturevalue("redis_db")
    return lambda: RedisStateStore(client, "site")


def rows(*records):
    return [{"type": r["type"], "id": r["id"], "hash": content_hash(r), "record": r} for r in records]


def publish(store, run_id, records, status="finished"):
    store.begin_run(run_id, f"2026-11-29T0{len(store.runs())}:00:00Z", f"/nowhere/{run_id}")
    store.stage_records(run_id, rows(*records))
    store.stage_run(run_id, {"status": status, "finished": f"2026-11-29T0{len(store.runs())}:30:00Z"}, {})
    store.commit_run(run_id)


def test_records_are_committed_with_their_run_and_keep_their_history(tmp_path, make_store):
    store = make_store()
    publish(store, "r1", [record("1"), record("2")])
    first = store.record_hashes("policy")
    publish(store, "r2", [record("1", body="改了"), record("3")])
    assert store.record_hashes("policy")["1"] == content_hash(record("1", body="改了"))
    changed = {r["id"]: r for r in store.records_changed_since("2026-11-29T02:00:00Z")}
    assert set(changed) == {"1", "3"} and changed["1"]["previous_hash"] == first["1"]
    assert store.vanished("r2", {("policy", "1"), ("policy", "3")}) == []
    assert [v["id"] for v in store.vanished("r1", {("policy", "1"), ("policy", "3")})] == ["2"]
    assert [r["status"] for r in store.runs()] == ["finished", "finished"]
    store.close()


def test_staged_rows_without_a_publishing_run_are_never_committed(tmp_path, make_store):
    store = make_store()
    store.begin_run("killed", "2026-11-29T01:00:00Z", str(tmp_path))
    store.stage_records("killed", rows(record("1")))  # killed here, before stage_run
    assert recover(store, tmp_path) == []
    assert store.record_hashes("policy") == {}
    store.close()


def test_recover_completes_a_run_killed_while_publishing(tmp_path, make_store):
    site_dir = tmp_path / "demo"
    run_dir = site_dir / "r1"
    run_dir.mkdir(parents=True)
    store = make_store()
    store.begin_run("r1", "2026-11-29T01:00:00Z", str(run_dir))
    write_temp(run_dir / "policies.jsonl", [record("1")])
    write_temp(run_dir / "parks.jsonl", [])
    manifest = {"run_id": "r1", "status": "finished", "finished": "2026-11-29T01:10:00Z"}
    store.stage_records("r1", rows(record("1")))
    store.stage_run("r1", manifest, {"policy": "policies.jsonl", "park": "parks.jsonl"})
    os.replace(run_dir / "policies.jsonl.tmp", run_dir / "policies.jsonl")  # one file was moved, then SIGKILL
    assert recover(store, site_dir) == ["r1"]
    assert sorted(p.name for p in run_dir.iterdir()) == ["manifest.json", "parks.jsonl", "policies.jsonl"]
    assert json.loads((run_dir / "manifest.json").read_text()) == manifest
    assert os.readlink(site_dir / "latest") == "r1"
    assert set(store.record_hashes("policy")) == {"1"} and store.runs()[0]["status"] == "finished"
    assert recover(store, site_dir) == []  # once
    store.close()


def test_a_page_is_cached_touched_and_replaced(make_store):
    store = make_store()
    assert store.page("http://x/1.html") is None
    store.save_page("http://x/1.html", kind="policy", etag='"e1"', last_modified=None, fetched_at="2026-11-01T00:00:00Z",
                    listing_date="2025-08-01", records=[record("1")], links={"details": {}}, run_id="r1")
    store.touch_page("http://x/1.html", "2026-11-29T00:00:00Z", None)
    page = store.page("http://x/1.html")
    assert page["fetched_at"] == "2026-11-29T00:00:00Z" and page["listing_date"] == "2025-08-01"
    assert page["records"] == [record("1")] and page["etag"] == '"e1"'
    store.close()


def test_one_holder_of_the_site_lock(make_store):
    from scraper.state import StateBusy

    first, second = make_store(), make_store()
    first.lock()
    with pytest.raises(StateBusy):
        second.lock()
    first.unlock()
    second.lock()
    second.close()
    first.close()


def test_an_own_page_read_again_replaces_the_replayed_copy(tmp_path):
    from pipelines.dedupe import RecordStore

    store = RecordStore(tmp_path / "r.sqlite")
    listed = dict(record("1", list="上海徐汇区优惠政策", region={"raw": "上海"}), body=None)
    del listed["body"]
    store.add(record("1", body="旧正文"))                       # replayed from the state
    store.add(listed)                                          # its list entry
    store.replace_own(record("1", body="新正文", published="2026-11-28"))  # fetched again
    (merged,) = store.records("policy")
    assert merged["body"] == "新正文" and merged["published"] == "2026-11-28"
    assert merged["list"] == "上海徐汇区优惠政策" and merged["region"] == {"raw": "上海"}  # still from the list
    store.close()


def test_crawl_takes_the_site_as_an_argument_and_checks_since():
    from scraper.cli import build_parser, main

    args = build_parser().parse_args(["crawl", "demo", "--full", "--resume", "--since", "2026-11-01"])
    assert (args.site_arg, args.full, args.resume, args.since) == ("demo", True, True, "2026-11-01")
    assert main(["crawl", "demo", "--site", "010b"]) == 2     # two different sites
    assert main(["crawl", "demo", "--since", "yesterday"]) == 2
