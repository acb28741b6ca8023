"""Incremental detail pages: a downloader middleware in front of the network.

A detail request (the spider marks it with `listing_date` in its meta) for a
page the state's page cache knows (scraper/state.py, `refetch_reason`):

    fresh    answered here, without touching the network: an empty 200
             response flagged `cached`; the spider replays the cached page
    stale    sent with If-None-Match / If-Modified-Since; a 304 is let
             through to the spider, which replays the cached page
    new, listing   sent as it is

and a 404 or 410 for a page the cache knows reaches the spider too: the
page is gone, and so is its record (the manifest's `vanished`).

The date judged is the newest one a page *fetched* in this run showed beside
a link to the page, as far as the crawl has got when the request leaves the
queue. A page replayed as fresh is remembered with the date it was judged by
(`replayed_as_of`): when a listing read later in the run shows a newer one,
the spider fetches it after all and its record supersedes the replayed one.

Why a middleware rather than replaying in the spider: a replayed page goes
through the scheduler like a fetched one, so it is reached at the same depth
and in the same order as when it was fetched, and the crawl follows the same
links. (Replaying inline, depth-first, claims pages at the depth limit before
the listings reach them at a shallower one.) It runs before robots.txt and
the download slots (order 50): a cached answer costs no request and no delay.
"""
from __future__ import annotations

from datetime import datetime, timezone

from scrapy.http import Response

from pipelines.run import RunOutput
from scraper.state import known_date, refetch_reason


class IncrementalDetails:
    def __init__(self, crawler):
        self.crawler = crawler
        self.max_age_days = crawler.settings.getfloat("STATE_MAX_AGE_DAYS")

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def process_request(self, request):
        if "listing_date" not in request.meta or request.meta.get("portal_checked"):
            return None
        request.meta["portal_checked"] = True  # once: not again for its retries and redirects
        state = RunOutput.for_crawler(self.crawler).state
        if state is None:
            return None
        cached = state.page(request.url)
        # The newest date a page fetched in this run showed beside the link so far
        # (a side list replayed from the state shows last run's), else the link's own.
        shown = getattr(self.crawler.spider, "listed_dates", {}).get(request.url) or request.meta["listing_date"]
        reason = refetch_reason(cached, shown, datetime.now(timezone.utc), self.max_age_days)
        self.crawler.stats.inc_value(f"portal/detail_links/{reason}")
        if reason == "fresh":
            request.meta["portal_replay"] = True
            replayed = getattr(self.crawler.spider, "replayed_as_of", None)
            if replayed is not None:
                replayed[request.url] = known_date(cached) or ""
            return Response(request.url, status=200, flags=["cached"], request=request)
        if cached is not None:
            request.meta["handle_httpstatus_list"] = [304, 404, 410]
        if reason == "stale":
            if cached.get("etag"):
                request.headers["If-None-Match"] = cached["etag"]
            if cached.get("last_modified"):
                request.headers["If-Modified-Since"] = cached["last_modified"]
        return None
