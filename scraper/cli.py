"""`python -m scraper COMMAND ...`

    crawl     crawl a portal (a site profile in data/sites/ and/or start URLs)
              into data/output/<site>/<run-id>/, then print a summary
    demo      serve the bundled demo portal on a free loopback port, crawl it,
              print the summary, stop the server
    extract   print the records of saved pages as JSON Lines (scraper/extract_cli.py)

Each command registers itself on the argparse subparsers (`register_*`) and
sets `func`, which returns the exit code: 0 finished, 1 failed, 2 usage,
130 interrupted.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEMO_SITE = ROOT / "data" / "demo_site"
EXIT_CODES = {"finished": 0, "failed": 1, "interrupted": 130}
PLURALS = {"article": "articles", "project": "projects", "policy": "policies", "park": "parks"}


# ---------------------------------------------------------------- crawl

def _add_crawl_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--output", type=Path, help="output root (default: data/output); setting OUTPUT_DIR")
    parser.add_argument("--run-id", help="name of the run directory (default: UTC start time + random suffix)")
    parser.add_argument("--contact", help="your project URL or mailto:, sent in the User-Agent; setting CONTACT_URL")
    parser.add_argument("--max-depth", type=int, help="detail/更多 hops from a start URL; setting PORTAL_MAX_DEPTH")
    parser.add_argument("-s", "--set", action="append", default=[], metavar="NAME=VALUE",
                        help="any Scrapy setting, e.g. -s AUTOTHROTTLE_ENABLED=False (repeatable)")
    parser.add_argument("--log-level", help="DEBUG, INFO (default for crawl), WARNING, ERROR")


def register_crawl(subparsers) -> None:
    parser = subparsers.add_parser(
        "crawl", help="crawl a portal into JSON Lines files",
        description="Crawl a portal into data/output/<site>/<run-id>/{articles,projects,policies,parks}.jsonl "
                    "+ manifest.json, and point data/output/<site>/latest at it when it finishes.",
    )
    parser.add_argument("--site", help="site profile: a name in data/sites/ (e.g. 010b) or a .toml path")
    parser.add_argument("--start-url", action="append", default=[], metavar="URL",
                        help="start here instead of the profile's start_urls (repeatable; its host becomes allowed)")
    _add_crawl_options(parser)
    parser.set_defaults(func=run_crawl_command)


def crawl_settings(args: argparse.Namespace, **overrides):
    """Project settings + command-line options, as `scrapy crawl` would build them."""
    from scrapy.settings import Settings

    if str(ROOT) not in sys.path:  # spiders/ and pipelines/ are top-level packages
        sys.path.insert(0, str(ROOT))
    settings = Settings()
    settings.setmodule("scraper.settings", priority="project")
    for key, value in overrides.items():
        settings.set(key, value, priority="cmdline")
    if args.output:
        settings.set("OUTPUT_DIR", str(args.output.resolve()), priority="cmdline")
    if args.contact:
        settings.set("CONTACT_URL", args.contact, priority="cmdline")
    if args.max_depth is not None:
        settings.set("PORTAL_MAX_DEPTH", args.max_depth, priority="cmdline")
    if args.log_level:
        settings.set("LOG_LEVEL", args.log_level.upper(), priority="cmdline")
    for item in args.set:
        name, sep, value = item.partition("=")
        if not sep or not name:
            raise SystemExit(f"error: -s wants NAME=VALUE, got {item!r}")
        settings.set(name, value, priority="cmdline")
    return settings


def crawl(site: str | None, start_urls: list[str], settings) -> dict | None:
    """Run one crawl in this process; return its manifest (None if the crawl
    never opened its output)."""
    from scrapy.crawler import CrawlerProcess

    from pipelines.run import new_run_id
    from scraper.sites import load_profile, profile_for_urls
    from spiders.portal import PortalSpider

    profile = load_profile(site) if site else profile_for_urls(start_urls)
    if not settings.get("RUN_ID"):
        settings.set("RUN_ID", new_run_id(), priority="cmdline")
    process = CrawlerProcess(settings)
    process.crawl(PortalSpider, site=site, start_urls=start_urls or None)
    process.start()
    manifest = Path(settings.get("OUTPUT_DIR")) / profile.name / settings.get("RUN_ID") / "manifest.json"
    return json.loads(manifest.read_text(encoding="utf-8")) if manifest.exists() else None


def run_crawl_command(args: argparse.Namespace) -> int:
    from scraper.sites import ProfileError, load_profile

    if not args.site and not args.start_url:
        print("error: give --site NAME or --start-url URL", file=sys.stderr)
        return 2
    try:
        if args.site:
            load_profile(args.site)
        settings = crawl_settings(args, RUN_ID=args.run_id or "")
        started = time.monotonic()
        manifest = crawl(args.site, args.start_url, settings)
    except ProfileError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    return report(manifest, settings, time.monotonic() - started)


def report(manifest: dict | None, settings, seconds: float) -> int:
    if manifest is None:
        print("The crawl did not start; see the log above.", file=sys.stderr)
        return 1
    print(summary(manifest, Path(settings.get("OUTPUT_DIR")), seconds))
    return EXIT_CODES.get(manifest["status"], 1)


def summary(manifest: dict, output_dir: Path, seconds: float) -> str:
    records = manifest["records"]
    kinds = ", ".join(f"{k} {n}" for k, n in manifest["pages_by_kind"].items())
    errors = ", ".join(f"{code} ×{n}" for code, n in manifest["http_errors"].items()) or "none"
    failures = ", ".join(f"{name.rsplit('.', 1)[-1]} ×{n}" for name, n in manifest["download_errors"].items())
    run_dir = output_dir / manifest["site"] / manifest["run_id"]
    try:
        run_dir = run_dir.relative_to(Path.cwd())
    except ValueError:
        pass
    latest = "latest -> this run" if manifest["status"] == "finished" else "latest not moved"
    lines = [
        f"{manifest['site']}: {manifest['status']} ({manifest['finish_reason']}) in {seconds:.1f} s",
        f"  pages fetched   {manifest['pages_fetched']}" + (f"  ({kinds})" if kinds else ""),
        "  records         " + ", ".join(f"{records.get(t, 0)} {p}" for t, p in PLURALS.items()),
        f"  rejects         {manifest['rejects']}",
        f"  HTTP errors     {errors}" + (f"; download errors {failures}" if failures else "")
        + f"; retries {manifest['retries']}",
        f"  not followed    {manifest['robots_disallowed']} disallowed by robots.txt, "
        f"{manifest['offsite_links']} off-site links",
        f"  output          {run_dir}/  ({latest})",
    ]
    return "\n".join(lines)


# ---------------------------------------------------------------- demo

def register_demo(subparsers) -> None:
    parser = subparsers.add_parser(
        "demo", help="crawl the bundled demo portal on loopback and print a summary",
        description="Serve data/demo_site on a free 127.0.0.1 port, crawl it with the demo profile "
                    "(no throttling: it is our own server), print a summary, stop the server.",
    )
    parser.add_argument("--site-dir", type=Path, default=DEMO_SITE,
                        help="a built demo site (default: data/demo_site; see data/demo_site/build.py)")
    _add_crawl_options(parser)
    parser.set_defaults(func=run_demo_command)


def run_demo_command(args: argparse.Namespace) -> int:
    from .demo_server import DemoServer

    if not (args.site_dir / "site").is_dir():
        print(f"Building the demo site in {args.site_dir} ...")
        subprocess.run([sys.executable, str(DEMO_SITE / "build.py"), "--out", str(args.site_dir)], check=True)
    settings = crawl_settings(
        args, RUN_ID=args.run_id or "", AUTOTHROTTLE_ENABLED=False, DOWNLOAD_DELAY=0,
        CONCURRENT_REQUESTS_PER_DOMAIN=4, LOG_LEVEL=args.log_level.upper() if args.log_level else "WARNING",
    )
    with DemoServer(args.site_dir) as server:
        print(f"Demo portal at {server.url} ; crawling it ...", flush=True)
        started = time.monotonic()
        manifest = crawl("demo", [server.url], settings)
        seconds = time.monotonic() - started
    return report(manifest, settings, seconds)


# ---------------------------------------------------------------- main

def _register_extract(subparsers) -> None:
    """`extract` lives in scraper/extract_cli.py (register_extract)."""
    try:
        from .extract_cli import register_extract
    except ImportError:  # not written yet, or its dependencies are missing
        return
    register_extract(subparsers)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m scraper", description="Crawl 招商 portals into JSON Lines records.")
    subparsers = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    register_crawl(subparsers)
    register_demo(subparsers)
    _register_extract(subparsers)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return args.func(args)
