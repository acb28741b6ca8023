"""Where a distributed run lives in Redis.

Every key of a run carries the site and the run id, so two runs never share
a queue or a duplicate filter: a new run starts empty whatever the last one
left (no SCHEDULER_PERSIST / flush-on-start trade-off), and a run's keys
stay until its merge step has published it, so a killed run can be carried
on by starting workers again.

    zhaoshang:<site>:run                 the run workers join (its id)
    zhaoshang:<site>:<run>:requests      sorted set: the queue (scrapy-redis)
    zhaoshang:<site>:<run>:dupefilter    set: fingerprints of every URL queued
    zhaoshang:<site>:<run>:processing    hash: lease -> request being worked on
    zhaoshang:<site>:<run>:items         list: records as workers read them
    zhaoshang:<site>:<run>:rejects       list: records that failed validation
    zhaoshang:<site>:<run>:gone          set: (type, id) whose page is 404/410
    zhaoshang:<site>:<run>:meta          hash: started, start_urls
    zhaoshang:<site>:<run>:workers       set: every worker that joined
    zhaoshang:<site>:<run>:alive:<wid>   string with a TTL: the worker lives
    zhaoshang:<site>:<run>:stats         hash: worker -> its Scrapy stats (JSON)
    zhaoshang:<site>:state:...           the site's state (state.py)
"""
from __future__ import annotations

import os
import secrets
import socket
from dataclasses import dataclass

PREFIX = "zhaoshang"


def connect(url: str):
    """A client for `redis://host:port/db`, with scrapy-redis's defaults."""
    from scrapy_redis.connection import get_redis

    from scrapy_redis import defaults

    params = dict(defaults.REDIS_PARAMS)
    params["socket_timeout"] = 10
    params["socket_connect_timeout"] = 5
    return get_redis(url=url, **params)


def current_run_key(site: str) -> str:
    return f"{PREFIX}:{site}:run"


def new_worker_id() -> str:
    """Host, process and a random suffix: unique across machines and restarts."""
    return f"{socket.gethostname()}-{os.getpid()}-{secrets.token_hex(2)}"


@dataclass(frozen=True)
class RunKeys:
    site: str
    run_id: str

    @property
    def base(self) -> str:
        return f"{PREFIX}:{self.site}:{self.run_id}"

    def __getattr__(self, name: str) -> str:
        if name in ("requests", "dupefilter", "processing", "items", "rejects", "gone", "meta", "workers", "stats"):
            return f"{self.base}:{name}"
        raise AttributeError(name)

    def alive(self, worker_id: str) -> str:
        return f"{self.base}:alive:{worker_id}"

    def all_keys(self, server) -> list:
        return list(server.scan_iter(match=f"{self.base}:*", count=1000))


class RunConflict(RuntimeError):
    """Another run of the site is in progress in this Redis."""


def join_run(server, site: str, run_id: str | None, new_id) -> str:
    """The id of the site's current run, making `run_id` (or a new one) current
    if there is none. An explicit `run_id` that is not the current run is an
    error: two runs of one site at once would fight over its state."""
    key = current_run_key(site)
    wanted = run_id or new_id()
    server.set(key, wanted, nx=True)
    current = server.get(key)
    current = current.decode() if isinstance(current, bytes) else current
    if run_id and current != run_id:
        raise RunConflict(f"run {current} of {site!r} is in progress in Redis; join it (no --run-id) "
                          f"or finish it first (python -m scraper merge {site} --redis URL)")
    return current


def current_run(server, site: str) -> str | None:
    value = server.get(current_run_key(site))
    return value.decode() if isinstance(value, bytes) else value
