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
"""
from __future__ import annotations

from datetime import datetime, timezone

import scrapy
from scrapy import signals
from scrapy.http import Response

from scraper.extract import NotHTMLError
from scraper.sites import ProfileError, SiteProfile, load_profile, profile_for_urls
from scraper.urls import canonical_url
from spiders.parsing import PageParser

#: Request priorities: finish the items of a listing before its next page,
#: which keeps the queue of pending requests short on big portals.
DETAIL_PRIORITY = 10
LISTING_PRIORITY = 0


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

    @classmethod
    def update_settings(cls, settings) -> None:
        super().update_settings(settings)
        # The User-Agent names the contact, whichever way CONTACT_URL was set.
        settings.set("USER_AGENT", user_agent(settings.get("BOT_NAME"), settings.get("CONTACT_URL")), priority="spider")

    @classmethod
    def from_crawler(cls, crawler, *args, **kwargs):
        spider = super().from_crawler(crawler, *args, **kwargs)
        spider.max_depth = crawler.settings.getint("PORTAL_MAX_DEPTH")
        spider.max_list_pages = crawler.settings.getint("PORTAL_MAX_LIST_PAGES")
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
        for url in self.start_urls:
            yield scrapy.Request(url, callback=self.parse, meta={"portal_depth": 0, "list_pages": 0})

    async def parse(self, response: Response):
        """Records of the page, then requests for what it links.

        The body goes to the parser as bytes with its Content-Type header:
        Scrapy's own decoding believes the header, and a GBK page served as
        `charset=utf-8` would come out as mojibake."""
        stats = self.crawler.stats
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
        for record in page.records:
            yield record

        depth = response.meta.get("portal_depth", 0)
        list_pages = response.meta.get("list_pages", 0)
        follow = []
        if depth < self.max_depth:
            for urls in page.links.details.values():
                follow += self._follow(urls, depth + 1, 0, DETAIL_PRIORITY)
            follow += self._follow(page.links.more, depth + 1, 0, LISTING_PRIORITY)
        if list_pages < self.max_list_pages:
            follow += self._follow(page.links.next_pages, depth, list_pages + 1, LISTING_PRIORITY)
        for request in follow:
            yield request

    def _follow(self, urls, depth: int, list_pages: int, priority: int) -> list[scrapy.Request]:
        requests = []
        for url in urls:
            url = canonical_url(url)
            if url in self._seen:
                continue
            self._seen.add(url)
            if not self.profile.allows(url):
                self.crawler.stats.inc_value("portal/offsite_links")
                self.logger.debug("Not following off-site link %s", url)
                continue
            requests.append(scrapy.Request(url, callback=self.parse, priority=priority,
                                           meta={"portal_depth": depth, "list_pages": list_pages}))
        return requests
