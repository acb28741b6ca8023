"""Page bytes + URL -> records and links. Pure functions; no Scrapy engine.

Public surface:

    parse_page(body: bytes, url: str, *, content_type: str | None = None,
               scraped_at: str | None = None, profile: dict | None = None) -> ParsedPage

    ParsedPage.kind     "article" | "project" | "policy" | "park" | "listing" | "other"
    ParsedPage.records  list[dict], page order, per RECORDS.md (with id, scraped_at)
    ParsedPage.links    PageLinks(details={"article"|"project"|"policy"|"park": [url, ...]},
                                  next_pages=[url, ...], more=[url, ...])
    ParsedPage.encoding the charset the bytes were decoded with

    decode_html(body, content_type=None) -> (text, encoding)
        raises NotHTMLError for empty or binary input.
"""
from .decode import NotHTMLError, decode_html
from .page import PageLinks, ParsedPage, parse_page

__all__ = ["NotHTMLError", "PageLinks", "ParsedPage", "decode_html", "parse_page"]
