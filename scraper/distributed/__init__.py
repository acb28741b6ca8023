"""Distributed crawls on scrapy-redis: N worker processes, on one machine or
many, share one request queue and one duplicate filter in Redis.

    keys.py       the Redis keys of a site's run, joining the current run
    queue.py      scrapy-redis's priority queue with leases: a popped request
                  stays in a processing hash until its output is saved
    acks.py       when a leased request's output is saved (items through the
                  pipelines, new requests queued), so its lease can go
    scheduler.py  the scrapy-redis scheduler and dupefilter, with our URL
                  canonicalisation, leases, fast idle polling and the rule
                  for when a worker may stop
    worker.py     a worker's side of the run: records and rejects pushed to
                  Redis, stats published, the worker's heartbeat
    state.py      the site's state (scraper/state.py) kept in Redis
    merge.py      the merge step: every worker's records merged by id and
                  published as one run (pipelines/run.py), keys cleaned up
    coordinator.py  `python -m scraper crawl SITE --redis URL --workers N`

Switched on by the setting REDIS_URL (`--redis`); README "Operations" says
how to run it.
"""
