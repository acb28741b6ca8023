"""The pieces of a distributed run against a real Redis (tests/redisserver.py):
leases on the shared queue, when a lease ends, the shared duplicate filter,
joining a run. Whole crawls are in test_crawl_distributed.py."""
from __future__ import annotations

import pytest
from scrapy import Request, Spider

from scraper.distributed.acks import AckTracker
from scraper.distributed.keys import RunConflict, RunKeys, current_run, join_run
from scraper.distributed.queue import LeasedPriorityQueue
from scraper.distributed.scheduler import CanonicalDupeFilter

KEYS = RunKeys("site", "run1")


def queue(client, worker: str) -> LeasedPriorityQueue:
    return LeasedPriorityQueue(client, Spider(name="portal"), KEYS.requests, KEYS.processing, worker)


def test_a_popped_request_is_leased_until_acked(redis_db):
    q = queue(redis_db, "w1")
    q.push(Request("http://h/a.html", priority=0))
    q.push(Request("http://h/b.html", priority=10))
    first = q.pop()
    assert first.url == "http://h/b.html"  # higher priority first
    assert first.meta["redis_lease"].startswith("w1#")
    assert len(q) == 1 and q.leased() == 1
    q.ack(first.meta["redis_lease"])
    assert q.leased() == 0
    assert q.pop().url == "http://h/a.html" and q.pop() is None


def test_a_retry_takes_over_its_requests_lease(redis_db):
    q = queue(redis_db, "w1")
    q.push(Request("http://h/a.html"))
    leased = q.pop()
    q.push(leased.replace(dont_filter=True), replaces=leased.meta["redis_lease"])
    assert q.leased() == 0 and len(q) == 1


def test_leases_of_a_dead_worker_go_back_to_the_queue_and_a_live_ones_stay(redis_db):
    dead, live = queue(redis_db, "dead"), queue(redis_db, "live")
    for n in range(3):
        dead.push(Request(f"http://h/{n}.html", priority=n))
    dead.pop()
    live.pop()
    redis_db.set(KEYS.alive("live"), "1", px=10_000)  # only `live` renews its heartbeat
    assert live.reclaim_dead(KEYS.alive) == 1
    assert len(live) == 2 and live.leased() == 1
    again = live.pop()
    assert again.url == "http://h/2.html"  # back with its priority
    assert live.reclaim_dead(KEYS.alive) == 0


def test_a_clean_stop_puts_back_only_its_own_leases(redis_db):
    mine, other = queue(redis_db, "w1"), queue(redis_db, "w2")
    for n in range(3):
        mine.push(Request(f"http://h/{n}.html"))
    mine.pop(), mine.pop(), other.pop()
    assert mine.release() == 2
    assert len(mine) == 2 and mine.leased() == 1


def test_a_lease_ends_after_its_output_is_saved():
    acked = []
    tracker = AckTracker(acked.append)
    tracker.child("L1")
    tracker.child("L1")
    tracker.child_done("L1")
    tracker.output_done("L1")   # the callback is done, one item still in the pipelines
    assert acked == []
    tracker.child_done("L1")
    assert acked == ["L1"] and len(tracker) == 0
    tracker.output_done("L2")   # a page that gave nothing
    assert acked == ["L1", "L2"]
    tracker.child_done(None)    # output of an unleased response: ignored
    tracker.child_done("L3")
    assert acked == ["L1", "L2"]


def test_the_shared_filter_sees_one_page_however_it_is_linked(redis_db):
    df = CanonicalDupeFilter(redis_db, key=KEYS.dupefilter)
    assert not df.request_seen(Request("http://h/a.html?b=2&a=1#top"))
    assert df.request_seen(Request("http://h/a.html?a=1&b=2"))
    assert df.request_seen(Request("http://h/a.html?a=1&b=2&utm_source=x"))
    other = CanonicalDupeFilter(redis_db, key=KEYS.dupefilter)  # another worker
    assert other.request_seen(Request("http://h/a.html?b=2&a=1"))
    assert not other.request_seen(Request("http://h/b.html"))


def test_a_fingerprint_is_recorded_only_with_its_request_queued(redis_db):
    """The filter and the queue change in one call: a filter that records a
    request Redis then fails to queue (it went down in between) would drop
    that request for good when its page is read again."""
    q = queue(redis_db, "w1")
    df = CanonicalDupeFilter(redis_db, key=KEYS.dupefilter)
    a = Request("http://h/a.html?b=2&a=1")
    assert q.push_unseen(a, df.request_fingerprint(a), KEYS.dupefilter)
    again = Request("http://h/a.html?a=1&b=2")
    assert not q.push_unseen(again, df.request_fingerprint(again), KEYS.dupefilter)
    assert len(q) == 1 and redis_db.scard(KEYS.dupefilter) == 1
    leased = q.pop()
    retry = leased.replace(dont_filter=True)
    assert q.push_unseen(retry, None, KEYS.dupefilter, replaces=leased.meta["redis_lease"])  # unfiltered
    assert len(q) == 1 and q.leased() == 0 and redis_db.scard(KEYS.dupefilter) == 1


def test_workers_join_the_current_run_and_an_explicit_other_run_is_refused(redis_db):
    ids = iter(["run-a", "run-b"])
    assert join_run(redis_db, "site", None, lambda: next(ids)) == "run-a"
    assert join_run(redis_db, "site", None, lambda: next(ids)) == "run-a"
    assert join_run(redis_db, "site", "run-a", lambda: "x") == "run-a"
    with pytest.raises(RunConflict):
        join_run(redis_db, "site", "run-z", lambda: "x")
    assert current_run(redis_db, "other-site") is None


def test_output_that_could_not_be_saved_puts_the_lease_back_once_redis_answers():
    from redis.exceptions import ConnectionError as RedisConnectionError

    acked, put_back, redis_up = [], [], {"up": False}

    def back(lease):
        if not redis_up["up"]:
            raise RedisConnectionError("down")
        put_back.append(lease)

    tracker = AckTracker(acked.append, back)
    tracker.child("L1")
    tracker.fail("L1")          # an item of L1 could not be pushed
    tracker.child_done("L1")
    tracker.output_done("L1")
    assert acked == [] and put_back == [] and len(tracker) == 1  # not acked, waiting for Redis
    assert tracker.retry() == 0
    redis_up["up"] = True
    assert tracker.retry() == 1
    assert put_back == ["L1"] and acked == [] and len(tracker) == 0


@pytest.mark.parametrize("args, message", [
    (["crawl", "demo", "--workers", "2"], "error: --workers needs --redis URL"),
    (["crawl", "demo", "--redis", "redis://127.0.0.1:1/0"], "error: cannot use Redis at redis://127.0.0.1:1/0: "),
    (["crawl", "demo", "--redis", "not-a-url"], "error: cannot use Redis at not-a-url: "),
    (["worker", "demo"], "error: a worker needs --redis URL"),
    (["merge", "demo", "--redis", "redis://127.0.0.1:1/0"], "error: cannot use Redis at"),
])
def test_distributed_commands_refuse_bad_input_in_one_line(args, message):
    import subprocess
    import sys

    from mockserver import ROOT, subprocess_env

    result = subprocess.run([sys.executable, "-m", "scraper", *args], cwd=ROOT, env=subprocess_env(),
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 2
    assert result.stderr.startswith(message) and result.stderr.count("\n") == 1, result.stderr


def test_merge_says_when_there_is_no_run_or_it_is_not_over(redis_db, redis_url, tmp_path):
    import subprocess
    import sys

    from mockserver import ROOT, subprocess_env

    def merge():
        return subprocess.run([sys.executable, "-m", "scraper", "merge", "demo", "--redis", redis_url,
                               "--output", str(tmp_path)], cwd=ROOT, env=subprocess_env(),
                              capture_output=True, text=True, timeout=60)

    result = merge()
    assert result.returncode == 2 and result.stderr == "error: no run of 'demo' in Redis\n"
    keys = RunKeys("demo", join_run(redis_db, "demo", None, lambda: "r1"))
    redis_db.hset(keys.meta, "started", "2026-11-29T00:00:00Z")
    redis_db.zadd(keys.requests, {b"a queued request": 0})
    result = merge()
    assert result.returncode == 2
    assert result.stderr.startswith("error: run r1 is not finished: 1 requests queued, 0 in progress")
    assert not (tmp_path / "demo").exists()


def test_a_merge_refuses_in_one_line_while_another_holds_the_sites_lock(redis_db, redis_url, tmp_path):
    import subprocess
    import sys

    from mockserver import ROOT, subprocess_env

    keys = RunKeys("demo", join_run(redis_db, "demo", None, lambda: "r1"))
    redis_db.hset(keys.meta, "started", "2026-11-29T00:00:00Z")
    redis_db.set("zhaoshang:demo:state:lock", "someone else")
    result = subprocess.run([sys.executable, "-m", "scraper", "merge", "demo", "--redis", redis_url,
                             "--output", str(tmp_path)], cwd=ROOT, env=subprocess_env(),
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 2
    assert result.stderr.startswith("error: another crawl of 'demo' is running: ") and result.stderr.count("\n") == 1
    assert "zhaoshang:demo:state:lock" in result.stderr


def test_a_local_worker_runs_the_same_crawl_options():
    from scraper.distributed.coordinator import worker_command

    cmd = worker_command(["crawl", "demo", "--redis", "redis://h/0", "--workers", "3", "--full", "-s", "A=1"], "r1")
    assert cmd[1:] == ["-m", "scraper", "worker", "demo", "--redis", "redis://h/0", "--full", "-s", "A=1",
                       "--log-level", "WARNING", "--run-id", "r1"]
    cmd = worker_command(["crawl", "--workers=2", "--site", "demo", "--log-level", "DEBUG"], "r2")
    assert cmd[3:] == ["worker", "--site", "demo", "--log-level", "DEBUG", "--run-id", "r2"]
