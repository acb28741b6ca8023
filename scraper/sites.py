"""Site profiles: one small TOML file per portal in data/sites/.

A profile is configuration, never code:

    name = "010b"                        # output goes to data/output/<name>/
    allowed_hosts = ["*.010b.com"]       # exact hosts, or *.domain for its subdomains
    excluded_hosts = ["m.010b.com"]      # optional: never fetched even if allowed
    start_urls = ["https://shanghai.010b.com/"]

    [url_patterns]                       # optional: regexes on the URL -> page kind
    park = ['/yuanqu/\\d+\\.html$']       # (article, project, policy, park, listing, other)

    [selectors]                          # optional overrides for the extractor

    [quality]                            # optional: alarm thresholds (scraper/quality.py)
    records_drop = 0.3

The whole table is handed to `scraper.extract.parse_page(profile=...)`,
which reads `url_patterns` and `selectors`; the crawler reads the rest.

Profiles are read from data/sites/ in a checkout, else from the package
(`scraper/profiles/`, where setup.py copies them): a Scrapyd egg is a zip
file, so those are read with importlib.resources, not as paths.
"""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from urllib.parse import urlsplit

from scraper.quality import ThresholdError, merge_thresholds

SITES_DIR = Path(__file__).resolve().parents[1] / "data" / "sites"
#: Where an installed package (a Scrapyd egg) keeps the profiles: setup.py copies data/sites there.
PACKAGED_PROFILES = "profiles"
PAGE_KINDS = ("article", "project", "policy", "park", "listing", "other")
_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")


class ProfileError(ValueError):
    """A profile that cannot be used: missing, unreadable or inconsistent."""


@dataclass
class SiteProfile:
    name: str
    allowed_hosts: list[str]
    start_urls: list[str] = field(default_factory=list)
    excluded_hosts: list[str] = field(default_factory=list)
    raw: dict = field(default_factory=dict)
    path: Path | Traversable | None = None

    def allows(self, url: str) -> bool:
        """True for http(s) URLs on an allowed, not excluded host (any port)."""
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            return False
        host = parts.hostname.lower()
        if host in self.excluded_hosts:
            return False
        return any(host == h or (h.startswith("*.") and (host.endswith(h[1:]) or host == h[2:]))
                   for h in self.allowed_hosts)

    @property
    def domains(self) -> list[str]:
        """For Scrapy's OffsiteMiddleware (a second fence behind `allows`)."""
        return sorted({h[2:] if h.startswith("*.") else h for h in self.allowed_hosts})

    def with_start_urls(self, urls: list[str]) -> "SiteProfile":
        """The same profile started from `urls`; their hosts become allowed
        (whoever names a start URL means to crawl its host)."""
        hosts = list(self.allowed_hosts)
        for url in urls:
            host = (urlsplit(url).hostname or "").lower()
            if not host:
                raise ProfileError(f"start URL {url!r} has no host")
            if not self.allows(url) and host not in hosts:
                hosts.append(host)
        return SiteProfile(self.name, hosts, list(urls), list(self.excluded_hosts), self.raw, self.path)


def profile_dirs() -> list[Path | Traversable]:
    """data/sites/ in a checkout; the packaged copy in an installed egg or wheel."""
    if SITES_DIR.is_dir():
        return [SITES_DIR]
    packaged = resources.files("scraper").joinpath(PACKAGED_PROFILES)
    return [packaged] if packaged.is_dir() else []


def find_profile(name_or_path: str) -> Path | Traversable:
    """`demo` -> data/sites/demo.toml (or the packaged copy); a path is taken as it is."""
    path = Path(name_or_path)
    if path.suffix == ".toml" or path.exists():
        if not path.is_file():
            raise ProfileError(f"no profile file {path}")
        return path
    dirs = profile_dirs()
    for directory in dirs:
        candidate = directory.joinpath(f"{name_or_path}.toml")
        if candidate.is_file():
            return candidate
    known = ", ".join(sorted(p.name[:-5] for d in dirs for p in d.iterdir() if p.name.endswith(".toml"))) or "none"
    where = ", ".join(str(d) for d in dirs) or str(SITES_DIR)
    raise ProfileError(f"no site profile {name_or_path!r} in {where} (known: {known})")


def load_profile(name_or_path: str) -> SiteProfile:
    path = find_profile(name_or_path)
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ProfileError(f"{path}: {exc}") from exc
    return profile_from_dict(raw, path)


def profile_from_dict(raw: dict, path: Path | Traversable | None = None) -> SiteProfile:
    where = str(path) if path else "profile"
    name = raw.get("name")
    if not isinstance(name, str) or not _NAME.match(name):
        raise ProfileError(f"{where}: `name` must be a short file-name-safe string, got {name!r}")
    hosts = raw.get("allowed_hosts") or []
    starts = raw.get("start_urls") or []
    if not isinstance(hosts, list) or not all(isinstance(h, str) for h in hosts):
        raise ProfileError(f"{where}: `allowed_hosts` must be a list of host names")
    if not isinstance(starts, list) or not all(isinstance(u, str) for u in starts):
        raise ProfileError(f"{where}: `start_urls` must be a list of URLs")
    patterns = raw.get("url_patterns") or {}
    for kind, regexes in patterns.items():
        if kind not in PAGE_KINDS:
            raise ProfileError(f"{where}: url_patterns.{kind}: unknown page kind (use one of {', '.join(PAGE_KINDS)})")
        for regex in regexes if isinstance(regexes, list) else [regexes]:
            try:
                re.compile(regex)
            except re.error as exc:
                raise ProfileError(f"{where}: url_patterns.{kind}: bad regex {regex!r}: {exc}") from exc
    try:
        merge_thresholds(raw.get("quality"))
    except ThresholdError as exc:
        raise ProfileError(f"{where}: [quality]: {exc}") from exc
    profile = SiteProfile(
        name=name,
        allowed_hosts=[h.lower() for h in hosts],
        start_urls=list(starts),
        excluded_hosts=[h.lower() for h in raw.get("excluded_hosts") or []],
        raw=raw,
        path=path,
    )
    bad = [u for u in profile.start_urls if not profile.allows(u)]
    if bad:
        raise ProfileError(f"{where}: start URLs outside allowed_hosts: {', '.join(bad)}")
    return profile


def profile_for_urls(urls: list[str]) -> SiteProfile:
    """A profile for a crawl given only start URLs: named after the first host."""
    host = (urlsplit(urls[0]).hostname or "").lower() if urls else ""
    if not host:
        raise ProfileError("give a site profile or at least one start URL with a host")
    return SiteProfile(name=host, allowed_hosts=[], raw={"name": host}).with_start_urls(urls)
