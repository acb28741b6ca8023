"""URL canonicalisation and record ids.

One page must be fetched once and one thing must get one id, whatever link
variant led to it: tracking parameters, query order, fragments, default ports
and host case all vary between the pages that link to the same item.
"""
from __future__ import annotations

import hashlib
from functools import lru_cache
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

#: Query parameters that only say where a click came from.
TRACKING_PARAMS = frozenset(
    {"from", "spm", "share", "source", "ref", "fbclid", "gclid", "yclid", "_", "timestamp", "t_"}
)
TRACKING_PREFIXES = ("utm_",)


def _is_tracking(name: str) -> bool:
    lowered = name.lower()
    return lowered in TRACKING_PARAMS or lowered.startswith(TRACKING_PREFIXES)


@lru_cache(maxsize=16384)
def canonical_url(url: str) -> str:
    """Lower-case scheme and host, drop default port, fragment and tracking
    parameters, sort the remaining query. Idempotent."""
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError:  # malformed host or port: keep the link as written
        return url.strip()
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower()
    if port and not ((scheme == "http" and port == 80) or (scheme == "https" and port == 443)):
        host = f"{host}:{port}"
    query = sorted((k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not _is_tracking(k))
    path = parts.path or "/"
    return urlunsplit((scheme, host, path, urlencode(query), ""))


def record_id(record_type: str, url: str | None, title: str | None = None, published: str | None = None) -> str:
    """Stable id: from the canonical URL, else from type + title + date.

    The type is not part of a URL-based id: a list entry and the item's own
    page must agree even when the crawler cannot tell the type from the URL.
    """
    if url:
        key = "url:" + canonical_url(url)
    else:
        key = f"{record_type}:{title or ''}:{published or ''}"
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:20]
