"""One generic spider for 招商 portals: it asks the page parser what a page
is and what to follow, and never parses a page itself.

    scrapy crawl portal -a site=demo -a start_urls=http://127.0.0.1:8000/
    python -m scraper crawl --site 010b

Arguments (`-a`): `site` (a profile name in data/sites/ or a .toml path),
`start_urls` (comma-separated; overrides the profile's and allows their
hosts). At least one of the two.

What is followed from a page, per `scraper.extract.parse_page(...).links`:
detail links of the four record types, `更多…` links to full listings, and
pagination. Nothing else: navigation, tag pages, 上一篇/下一篇, attachments
and CTAs are never requested. Every URL is canonicalised first (tracking
parameters, query order, fragment), so a page is fetched once however it is
linked, and must be on an allowed host.

Incremental (scraper/state.py): listing pages are always read; a detail page
read by an earlier run is fetched again only when its listing shows a newer
date, or (with If-None-Match / If-Modified-Since) when it is older than
STATE_MAX_AGE_DAYS (spiders/middlewares.py decides). Otherwise, and on a 304,
what the page said last time (records and links, from the state's page
cache) is replayed as if it had been read, so the run's snapshot is complete
and unchanged records hash the same. Every detail page read is written to
the page cache at once.
"""
from __future__ import annotations

from dataclasses import asdict
from datetime import datetime, timezone

import scrapy
from scrapy import signals
from scrapy.http import Response

from scraper.extract import NotHTMLError
from pipelines.run import RunOutput
from scraper.sites import ProfileError, SiteProfile, load_profile, profile_for_urls
from scraper.state import DETAIL_KINDS
from scraper.urls import canonical_url
from spiders.parsing import PageParser

#: Request priorities: finish the items of a listing before its next page,
#: which keeps the queue of pending requests short on big portals. With
#: PORTAL_LISTINGS_FIRST (distributed runs, whose queue is in Redis, not in
#: the worker's memory) the other way round: the next listing pages are
#: read first, so the queue fills fast enough for every worker.
DETAIL_PRIORITY = 10
LISTING_PRIORITY = 0
LISTING_FIRST_PRIORITY = 20


def _now_utc() -> str:
    return datetime.now(timezone.utc).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def user_agent(bot_name: str, contact_url: str) -> str:
    return f"{bot_name}/0.1 (+{contact_url or 'no contact set'})"


class PortalSpider(scrapy.Spider):
    name = "portal"

    def __init__(self, site: str | None = None, start_urls: str | list[str] | None = None, **kwargs):
        super().__init__(**kwargs)
        if isinstance(start_urls, str):
            start_urls = [u.strip() for u in start_urls.split(",") if u.strip()]
        try:
            profile = load_profile(site) if site else profile_for_urls(start_urls or [])
            if start_urls:
                profile = profile.with_start_urls(start_urls)
        except ProfileError as exc:
            raise ValueError(str(exc)) from exc
        if not profile.start_urls:
            raise ValueError(f"site profile {profile.name!r} has no start_urls; pass -a start_urls=URL")
        self.profile: SiteProfile = profile
        self.site_name = profile.name
        self.start_urls = [canonical_url(u) for u in profile.start_urls]
        self.allowed_domains = profile.domains
        self._seen: set[str] = set(self.start_urls)
        self.run_id: str | None = None
        self.state_store = None  # scraper.state.StateStore, from the run (start())
        #: detail URL -> the newest date any page fetched in this run showed beside a link to it
        self.listed_dates: dict[str, str] = {}
        #: detail URL replayed from the state as fresh -> the day it was judged by (spiders/middlewares.py)
        self.replayed_as_of: dict[str, str] = {}

    @classmethod
    def update_settings(cls, settings) -> None:
        super().update_settings(settings)
        # The User-Agent names the contact, whichever way CONTACT_URL was set.
        settings.set("USER_AGENT", user_agent(settings.get("BOT_NAME"), settings.get("CONTACT_URL")), priority="spider")
        if settings.get("REDIS_URL"):
            _distributed(settings)

    @classmethod
    def from_crawler(cls, crawler, *args, **kwargs):
        spider = super().from_crawler(crawler, *args, **kwargs)
        spider.max_depth = crawler.settings.getint("PORTAL_MAX_DEPTH")
        spider.max_list_pages = crawler.settings.getint("PORTAL_MAX_LIST_PAGES")
        spider.max_age_days = crawler.settings.getfloat("STATE_MAX_AGE_DAYS")
        spider.shared_dupefilter = bool(crawler.settings.get("REDIS_URL"))
        spider.listing_priority = (LISTING_FIRST_PRIORITY if crawler.settings.getbool("PORTAL_LISTINGS_FIRST")
                                   else LISTING_PRIORITY)
        spider.parser = PageParser(crawler.settings.getint("PORTAL_PARSE_WORKERS"), spider.logger)
        crawler.signals.connect(spider.parser.open, signal=signals.spider_opened)
        crawler.signals.connect(spider.parser.close, signal=signals.spider_closed)
        if not crawler.settings.get("CONTACT_URL"):
            local = all(h in ("127.0.0.1", "localhost", "::1") for h in spider.profile.allowed_hosts)
            if not local:
                spider.logger.warning("CONTACT_URL is not set: site operators cannot tell who is crawling "
                                      "(set SCRAPER_CONTACT_URL or -s CONTACT_URL=...)")
        return spider

    async def start(self):
        run = RunOutput.for_crawler(self.crawler)
        run.open()
        self.run_id = run.run_id
        self.state_store = run.state
        for url in self.start_urls:
            yield scrapy.Request(url, callback=self.parse, meta={"portal_depth": 0, "list_pages": 0})

    async def parse(self, response: Response):
        """Records of the page, then requests for what it links.

        The body goes to the parser as bytes with its Content-Type header:
        Scrapy's own decoding believes the header, and a GBK page served as
        `charset=utf-8` would come out as mojibake."""
        stats = self.crawler.stats
        depth = response.meta.get("portal_depth", 0)
        list_pages = response.meta.get("list_pages", 0)
        # Cached under the URL that was asked for (a redirect's target may differ).
        asked = canonical_url(response.meta.get("redirect_urls", [response.url])[0])
        if response.status == 304 or response.meta.get("portal_replay"):
            cached = self.state_store.page(asked) if self.state_store is not None else None
            if cached is not None:
                if response.status == 304:
                    stats.inc_value("portal/pages_not_modified")
                    self.state_store.touch_page(asked, _now_utc(), response.meta.get("listing_date"))
                for out in self._replay(cached, depth, list_pages):
                    yield out
                return
        if response.status in (404, 410):
            self._gone(asked)
            return
        content_type = response.headers.get(b"Content-Type")
        try:
            page = await self.parser.parse(
                response.body,
                response.url,
                content_type=content_type.decode("latin-1") if content_type else None,
                scraped_at=_now_utc(),
                profile=self.profile.raw,
            )
        except NotHTMLError as exc:
            stats.inc_value("portal/not_html")
            self.logger.info("Not a page: %s (%s)", response.url, exc)
            return
        stats.inc_value("portal/pages")
        stats.inc_value(f"portal/pages/{page.kind}")
        links = asdict(page.links)
        if response.meta.get("portal_supersede"):
            RunOutput.for_crawler(self.crawler).superseding.update(
                (r["type"], r["id"]) for r in page.records if "body" in r)
        if page.kind in DETAIL_KINDS and self.state_store is not None:
            header = response.headers.get
            self.state_store.save_page(
                asked, kind=page.kind, etag=_text(header(b"ETag")), last_modified=_text(header(b"Last-Modified")),
                fetched_at=_now_utc(), listing_date=response.meta.get("listing_date"),
                records=page.records, links=links, run_id=self.run_id)
        for out in self._page(page.records, links, depth, list_pages):
            yield out

    def _gone(self, url: str) -> None:
        """A detail page read before now answers 404/410: its record is gone
        from the site, even where a stale list still links it."""
        cached = self.state_store.page(url) if self.state_store is not None else None
        if cached is None:
            return
        self.crawler.stats.inc_value("portal/pages_gone")
        ids = {(r["type"], r["id"]) for r in cached["records"] if "body" in r}
        ids = ids or {tuple(key) for key in cached["links"].get("gone") or []}  # gone last time too
        RunOutput.for_crawler(self.crawler).gone.update(ids)
        self.state_store.save_page(url, kind="gone", etag=None, last_modified=None, fetched_at=_now_utc(),
                                   listing_date=None, records=[], links={"gone": sorted(ids)}, run_id=self.run_id)
        self.logger.info("Gone (404/410): %s", url)

    def _replay(self, cached: dict, depth: int, list_pages: int):
        """A detail page not fetched (or answered 304): what it said last time."""
        self.crawler.stats.inc_value("portal/pages_replayed")
        self.crawler.stats.inc_value(f"portal/pages_replayed/{cached['kind']}")
        return self._page(cached["records"], cached["links"], depth, list_pages, replayed=True)

    def _page(self, records: list[dict], links: dict, depth: int, list_pages: int, replayed: bool = False):
        if not records:
            self.crawler.stats.inc_value("portal/pages_without_records")
        yield from records
        # What the list shows of each item: its date decides whether to read the item again.
        listed = {canonical_url(r["url"]): r.get("published") for r in records if r.get("url") and "body" not in r}
        if not replayed:
            yield from self._newer_dates(listed, depth)
        if depth < self.max_depth:
            for urls in links["details"].values():
                yield from self._follow(urls, depth + 1, 0, DETAIL_PRIORITY, listed)
            yield from self._follow(links["more"], depth + 1, 0, self.listing_priority)
        if list_pages < self.max_list_pages:
            yield from self._follow(links["next_pages"], depth, list_pages + 1, self.listing_priority)

    def _newer_dates(self, listed: dict, depth: int):
        """Remember the dates a fetched page shows beside its links; a page
        already replayed from the state as fresh whose date here is newer is
        fetched after all (its own record then supersedes the replayed one)."""
        for url, date in listed.items():
            if not date:
                continue
            if date[:10] > self.listed_dates.get(url, "")[:10]:
                self.listed_dates[url] = date
            if url in self.replayed_as_of and date[:10] > self.replayed_as_of[url]:
                del self.replayed_as_of[url]
                self.crawler.stats.inc_value("portal/detail_links/listing_later")
                yield scrapy.Request(url, callback=self.parse, priority=DETAIL_PRIORITY, dont_filter=True,
                                     meta={"portal_depth": depth + 1, "list_pages": 0, "listing_date": date,
                                           "portal_supersede": True})

    def _follow(self, urls, depth: int, list_pages: int, priority: int, listed: dict | None = None):
        """Requests for links not seen before. Detail links (`listed` given)
        carry the date their list showed, for spiders/middlewares.py.

        In a distributed run the shared duplicate filter alone decides: a page
        read again because its first reading could not all be saved
        (scraper/distributed/acks.py) must give its links again."""
        for url in urls:
            url = canonical_url(url)
            if url in self._seen:
                continue
            if not self.profile.allows(url):
                self._seen.add(url)
                self.crawler.stats.inc_value("portal/offsite_links")
                self.logger.debug("Not following off-site link %s", url)
                continue
            if not self.shared_dupefilter:
                self._seen.add(url)
            meta = {"portal_depth": depth, "list_pages": list_pages}
            if listed is not None:
                meta["listing_date"] = listed.get(url)
            yield scrapy.Request(url, callback=self.parse, priority=priority, meta=meta)


def _distributed(settings) -> None:
    """A worker of a shared run (scraper/distributed/): the scrapy-redis
    scheduler with leases, and the two middlewares that end the leases."""
    for name, value in settings.getdict("DISTRIBUTED_SETTINGS").items():
        settings.set(name, value, priority="spider")
    spider_mw = settings.getdict("SPIDER_MIDDLEWARES")
    spider_mw["scraper.distributed.acks.LeaseSpiderMiddleware"] = 5  # closest to the engine
    settings.set("SPIDER_MIDDLEWARES", spider_mw, priority="spider")
    downloader_mw = settings.getdict("DOWNLOADER_MIDDLEWARES")
    downloader_mw["scraper.distributed.acks.LeaseDownloaderMiddleware"] = 5  # after retries have given up
    settings.set("DOWNLOADER_MIDDLEWARES", downloader_mw, priority="spider")


def _text(value: bytes | None) -> str | None:
    return value.decode("latin-1") if value else None
