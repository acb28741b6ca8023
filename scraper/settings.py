"""Scrapy settings for the portal crawler.

Polite by default: robots.txt obeyed, AutoThrottle on, two requests at a time
per host, an honest User-Agent naming a contact. Tests and the benchmark turn
throttling off with `-s` on their own loopback server; nothing else should.
"""
from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

BOT_NAME = "zhaoshang-crawler"
SPIDER_MODULES = ["spiders"]
NEWSPIDER_MODULE = "spiders"

# -- who we are ------------------------------------------------------------
#: Where a site operator can find out who runs this crawler and how to reach
#: them. Goes into the User-Agent (PortalSpider.update_settings builds it).
#: Set it to your project page or a mailto: before crawling a real portal.
#: USER_AGENT is then `zhaoshang-crawler/0.1 (+CONTACT_URL)`; an explicit
#: `-s USER_AGENT=...` still wins.
CONTACT_URL = os.environ.get("SCRAPER_CONTACT_URL", "")

# -- politeness --------------------------------------------------------------
ROBOTSTXT_OBEY = True
CONCURRENT_REQUESTS = 8
CONCURRENT_REQUESTS_PER_DOMAIN = 2
DOWNLOAD_DELAY = 1.0                 # the floor under AutoThrottle's delay
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 2.0
AUTOTHROTTLE_MAX_DELAY = 30.0
AUTOTHROTTLE_TARGET_CONCURRENCY = 1.0

# -- failures ----------------------------------------------------------------
RETRY_ENABLED = True
RETRY_TIMES = 2                      # 3 attempts in all
RETRY_HTTP_CODES = [500, 502, 503, 504, 522, 524, 408, 429]
DOWNLOAD_TIMEOUT = 30
DOWNLOAD_MAXSIZE = 8 * 1024 * 1024   # a portal page is ~20-200 KB; anything this big is not one
DOWNLOAD_WARNSIZE = 2 * 1024 * 1024

# -- what we follow ------------------------------------------------------------
#: Hops through detail and 更多 links from a start URL; pagination does not count.
PORTAL_MAX_DEPTH = 6
#: Listing pages followed in one pagination chain.
PORTAL_MAX_LIST_PAGES = 1000
DEPTH_LIMIT = 0                      # PortalSpider bounds depth itself (above)
#: Read the next listing pages before the items of the current one (spiders/portal.py).
PORTAL_LISTINGS_FIRST = False
#: Processes that parse pages beside the crawl (0 = parse in the crawl process).
PORTAL_PARSE_WORKERS = 1

# -- output --------------------------------------------------------------------
#: data/output/<site>/<run-id>/{articles,projects,policies,parks}.jsonl + manifest.json
#: In a checkout: data/output/ of the repository. Run from an egg (Scrapyd),
#: the package sits inside a zip file, so the default is data/output/ under the
#: working directory, or $SCRAPER_OUTPUT_DIR when set.
OUTPUT_DIR = os.environ.get("SCRAPER_OUTPUT_DIR") or str(
    (ROOT if (ROOT / "data").is_dir() else Path.cwd()) / "data" / "output"
)
#: Set by `python -m scraper crawl --run-id`; generated when empty.
RUN_ID = ""
ITEM_PIPELINES = {
    # 100: check every record against scraper/schemas/<type>.schema.json first,
    # so an invalid record is rejected (rejects.jsonl) before it can be merged
    # into a valid one.
    "pipelines.validate.ValidatePipeline": 100,
    # 200: merge records with the same (type, id) — a list entry and the item's
    # own page — into the run's store; the store is written out as JSON Lines
    # when the crawl closes (pipelines/jsonl.py, pipelines/run.py).
    "pipelines.dedupe.DedupePipeline": 200,
}

# -- between runs (scraper/state.py) ---------------------------------------------
#: data/state/<site>.sqlite: records seen, detail pages read. Empty: `state/`
#: beside OUTPUT_DIR (data/state/ by default).
STATE_DIR = ""
STATE_ENABLED = True
#: A detail page read longer ago than this is asked again, conditionally
#: (If-None-Match / If-Modified-Since); younger ones are not fetched unless
#: their listing shows a newer date. 0: revalidate every known page every run.
STATE_MAX_AGE_DAYS = 7.0
#: "incremental": the files hold new and updated records; "full": all of them.
RUN_MODE = "incremental"
#: ISO date: also emit records that changed in earlier runs since then (--since).
RUN_SINCE = ""
#: Continue the run a killed or interrupted crawl left unfinished (--resume), same run id.
RUN_RESUME = False
#: Seconds to wait between the steps of publishing: for crash tests only.
RUN_PUBLISH_PAUSE = 0.0
#: Passed to scraper.quality.evaluate (its defaults when empty).
QUALITY_THRESHOLDS = {}

DOWNLOADER_MIDDLEWARES = {
    # 50: before robots.txt (100) and the download slots: a detail page the
    # state knows to be fresh is answered from it, with no request at all.
    "spiders.middlewares.IncrementalDetails": 50,
}
EXTENSIONS = {
    # 500: the default slot for extensions; logs pages, queue, records, rate.
    "scraper.progress.Progress": 500,
}
#: Seconds between progress lines in the log (0: none).
PROGRESS_INTERVAL = 30.0

FEED_EXPORT_ENCODING = "utf-8"       # if anyone adds -o: Chinese as UTF-8, not \\u escapes

# -- distributed runs (scraper/distributed/, README "Operations") ------------------
#: redis://host:port/db: workers share the queue, duplicate filter and state
#: there (scrapy-redis). Empty: one process, SQLite state.
REDIS_URL = os.environ.get("SCRAPER_REDIS_URL", "")
#: A worker that has not renewed its heartbeat for this long is taken for
#: dead, and the requests it held are put back in the queue.
DISTRIBUTED_LEASE_SECONDS = 30.0
#: How often an idle worker looks at the shared queue.
DISTRIBUTED_POLL_SECONDS = 0.5
#: A worker stops when the whole run (queue and requests in progress) has been
#: empty this long.
DISTRIBUTED_IDLE_CLOSE_SECONDS = 10.0
#: Set on PortalSpider when REDIS_URL is (spiders/portal.py), so plain
#: `scrapy crawl portal -s REDIS_URL=...` on another machine joins the run too.
DISTRIBUTED_SETTINGS = {
    "SCHEDULER": "scraper.distributed.scheduler.LeasedScheduler",
    "DUPEFILTER_CLASS": "scraper.distributed.scheduler.CanonicalDupeFilter",
    "PORTAL_LISTINGS_FIRST": True,
}

# -- switched off ----------------------------------------------------------------
TELNETCONSOLE_ENABLED = False
REMOTE_CONTROL_ENABLED = False       # Scrapy 2.19's HTTP endpoint that runs posted Python
COOKIES_ENABLED = False              # nothing here needs a session

LOG_LEVEL = "INFO"
