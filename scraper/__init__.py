"""Crawler for Chinese investment-promotion (招商引资) portals.

`scraper.extract` turns page bytes into records (pure, no Scrapy engine);
`spiders/` decides what to fetch; `pipelines/` validates, deduplicates, writes.
"""
