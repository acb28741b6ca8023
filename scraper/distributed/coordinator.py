"""`python -m scraper crawl SITE --redis URL --workers N`, `worker`, `merge`.

The coordinator joins (or starts) the site's run in Redis, starts N local
worker processes (`python -m scraper worker`, the same crawl options), prints
the run's progress, and when the run is drained and no worker is left,
runs the merge step (merge.py) and prints the usual summary. Workers on
other machines join the same run with `python -m scraper worker SITE
--redis URL` (or `scrapy crawl portal -a site=SITE -s REDIS_URL=URL`);
`--workers 0` only coordinates and merges.

If every worker has stopped and requests are left (all killed, Ctrl-C),
the run stays in Redis: the same command carries it on.
"""
from __future__ import annotations

import signal
import subprocess
import sys
import time
from pathlib import Path

from scraper.distributed.acks import REDIS_DOWN
from scraper.distributed.keys import RunKeys, connect, join_run
from scraper.distributed.merge import drained, merge_run, run_progress

ROOT = Path(__file__).resolve().parents[2]


class RedisUnreachable(RuntimeError):
    pass


def open_redis(url: str):
    try:
        server = connect(url)
        server.ping()
    except Exception as exc:  # ValueError for a bad URL, redis errors for the rest
        raise RedisUnreachable(f"cannot use Redis at {url}: {exc}") from None
    return server


def worker_command(argv: list[str], run_id: str) -> list[str]:
    """This command line as a worker's: `worker` instead of `crawl`, without
    --workers, with the run id (and WARNING logs unless --log-level is given)."""
    out, skip = [], False
    for arg in argv:
        if skip:
            skip = False
            continue
        if arg == "--workers":
            skip = True
            continue
        if arg.startswith("--workers="):
            continue
        out.append(arg)
    out[out.index("crawl")] = "worker"
    if not any(arg == "--log-level" or arg.startswith("--log-level=") for arg in out):
        out += ["--log-level", "WARNING"]  # N workers at INFO would drown the coordinator's progress lines
    return [sys.executable, "-m", "scraper", *out, "--run-id", run_id]


def coordinate(settings, site: str, argv: list[str], workers: int, run_id: str | None, profile=None,
               progress_every: float = 10.0, say=print) -> dict | None:
    """Run the whole distributed crawl; the merged run's manifest, or None
    if it could not finish (the reason has been printed)."""
    from pipelines.run import new_run_id

    server = open_redis(settings.get("REDIS_URL"))
    run_id = join_run(server, site, run_id, new_run_id)
    keys = RunKeys(site, run_id)
    say(f"Run {run_id} of {site} in {settings.get('REDIS_URL')}; starting {workers} local workers"
        + ("" if workers else "; waiting for workers to join (python -m scraper worker …)"), flush=True)
    procs = [subprocess.Popen(worker_command(argv, run_id), cwd=ROOT) for _ in range(workers)]
    try:
        _watch(server, keys, procs, progress_every, say)
    except KeyboardInterrupt:
        for proc in procs:
            if proc.poll() is None:
                proc.send_signal(signal.SIGINT)
        for proc in procs:
            proc.wait()
        say(f"Interrupted. Run {run_id} stays in Redis; the same command carries it on.", flush=True)
        return None
    if not drained(server, keys):
        p = run_progress(server, keys)
        say(f"Every worker has stopped with {p['queued']} requests queued and {p['in_progress']} in progress. "
            f"Run {run_id} stays in Redis; the same command carries it on.", flush=True)
        return None
    failed = [proc.returncode for proc in procs if proc.returncode not in (0,)]
    if failed:
        say(f"{len(failed)} of {workers} local workers ended badly (exit codes {failed}); "
            "the others finished their requests", flush=True)
    return merge_run(settings, site, server, run_id=run_id, profile=profile)


def _watch(server, keys: RunKeys, procs: list, every: float, say) -> None:
    """Until our workers have exited and no other worker is alive (and,
    without local workers, until some worker has joined at all)."""
    last = time.monotonic()
    while True:
        running = [p for p in procs if p.poll() is None]
        try:
            p = run_progress(server, keys)
        except REDIS_DOWN as exc:  # Redis restarting: the workers wait for it too
            say(f"  Redis unreachable ({exc}); waiting", flush=True)
            time.sleep(2)
            continue
        # with no local workers, wait for the first one from elsewhere
        if not running and p["alive"] == 0 and (p["workers"] or procs):
            return
        if time.monotonic() - last >= every:
            last = time.monotonic()
            say(f"  queued {p['queued']}, in progress {p['in_progress']}, records read {p['records_read']}, "
                f"URLs seen {p['seen']}, workers alive {p['alive']}", flush=True)
        time.sleep(0.5)
