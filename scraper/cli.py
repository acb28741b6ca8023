"""`python -m scraper COMMAND ...`

    crawl     crawl a portal (a site profile in data/sites/ and/or start URLs)
              into data/output/<site>/<run-id>/, then print a summary;
              incremental (new and changed records) unless --full;
              with --redis URL --workers N, N worker processes share the
              crawl through Redis and their records are merged at the end
    worker    one worker of a distributed crawl (another machine's share)
    merge     publish a distributed run whose coordinator is gone
    runs      a table of a site's past runs
    status    a site's last run and its open alarms
    demo      serve the bundled demo portal on a free loopback port, crawl it,
              print the summary, stop the server
    extract   print the records of saved pages as JSON Lines (scraper/extract_cli.py)

Each command registers itself on the argparse subparsers (`register_*`) and
sets `func`, which returns the exit code: 0 finished, 1 failed, 2 usage,
3 degraded (finished, but a quality check failed), 130 interrupted.
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
EXIT_CODES = {"finished": 0, "failed": 1, "degraded": 3, "interrupted": 130}
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
    parser.add_argument("--redis", metavar="URL",
                        help="redis://host:port/db: a distributed crawl through this Redis; setting REDIS_URL")


def register_crawl(subparsers) -> None:
    parser = subparsers.add_parser(
        "crawl", help="crawl a portal into JSON Lines files",
        description="Crawl a portal into data/output/<site>/<run-id>/{articles,projects,policies,parks}.jsonl "
                    "+ manifest.json, and point data/output/<site>/latest at it when it finishes.",
    )
    parser.add_argument("site_arg", nargs="?", metavar="SITE", help="same as --site")
    parser.add_argument("--site", help="site profile: a name in data/sites/ (e.g. 010b) or a .toml path")
    parser.add_argument("--start-url", action="append", default=[], metavar="URL",
                        help="start here instead of the profile's start_urls (repeatable; its host becomes allowed)")
    parser.add_argument("--full", action="store_true",
                        help="write every record of the site, not only the new and updated ones; setting RUN_MODE=full")
    parser.add_argument("--resume", action="store_true",
                        help="complete the run a killed or interrupted crawl of this site left unfinished "
                             "(same run id); setting RUN_RESUME")
    parser.add_argument("--since", metavar="DATE",
                        help="also write records that changed in earlier runs since DATE (ISO, UTC); setting RUN_SINCE")
    _add_crawl_options(parser)
    parser.add_argument("--workers", type=int, default=None, metavar="N",
                        help="with --redis: local worker processes (default 2; 0: only coordinate and merge)")
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
    if getattr(args, "redis", None):
        settings.set("REDIS_URL", args.redis, priority="cmdline")
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
        settings.set("RUN_ID", _resumable(settings, profile.name) or new_run_id(), priority="cmdline")
    process = CrawlerProcess(settings)
    process.crawl(PortalSpider, site=site, start_urls=start_urls or None)
    process.start()
    manifest = Path(settings.get("OUTPUT_DIR")) / profile.name / settings.get("RUN_ID") / "manifest.json"
    return json.loads(manifest.read_text(encoding="utf-8")) if manifest.exists() else None


def _resumable(settings, site: str) -> str | None:
    """With RUN_RESUME: the run id a killed crawl of `site` left unfinished."""
    from pipelines.run import open_state, unfinished_run

    if not settings.getbool("RUN_RESUME"):
        return None
    state = open_state(settings, site)
    if state is None:
        return None
    try:
        run_id = unfinished_run(state)
    finally:
        state.close()
    print(f"Resuming run {run_id}" if run_id else "No unfinished run to resume; starting a new one", file=sys.stderr)
    return run_id


def _iso_utc(text: str) -> str:
    """`2026-11-01` or `2026-11-01T06:00:00Z` (or with an offset) -> `2026-11-01T00:00:00Z`-style UTC."""
    from datetime import datetime, timezone

    moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return moment.astimezone(timezone.utc).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def run_crawl_command(args: argparse.Namespace) -> int:
    from scraper.sites import ProfileError, load_profile

    if args.site_arg and args.site and args.site_arg != args.site:
        print("error: give the site once (SITE or --site)", file=sys.stderr)
        return 2
    args.site = args.site or args.site_arg
    if not args.site and not args.start_url:
        print("error: give SITE (or --site NAME) or --start-url URL", file=sys.stderr)
        return 2
    since = None
    if args.since:
        try:
            since = _iso_utc(args.since)
        except ValueError:
            print(f"error: --since wants an ISO date or time, got {args.since!r}", file=sys.stderr)
            return 2
    try:
        if args.site:
            load_profile(args.site)
        modes = {"RUN_MODE": "full"} if args.full else {}
        if args.resume:
            modes["RUN_RESUME"] = True
        if since:
            modes["RUN_SINCE"] = since
        settings = crawl_settings(args, RUN_ID=args.run_id or "", **modes)
        started = time.monotonic()
        if settings.get("REDIS_URL"):
            return _distributed_crawl(args, settings, started)
        if args.workers is not None:
            print("error: --workers needs --redis URL", file=sys.stderr)
            return 2
        manifest = crawl(args.site, args.start_url, settings)
    except ProfileError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    return report(manifest, settings, time.monotonic() - started)


def _distributed_crawl(args: argparse.Namespace, settings, started: float) -> int:
    from scraper.distributed.coordinator import RedisUnreachable, coordinate
    from scraper.distributed.keys import RunConflict
    from scraper.distributed.merge import NothingToMerge
    from scraper.sites import load_profile, profile_for_urls

    workers = 2 if args.workers is None else args.workers
    if workers < 0:
        print("error: --workers wants 0 or more", file=sys.stderr)
        return 2
    profile = load_profile(args.site) if args.site else profile_for_urls(args.start_url)
    from pipelines.run import SiteBusy

    try:
        manifest = coordinate(settings, profile.name, args.argv, workers, args.run_id or None, profile=profile)
    except (RedisUnreachable, RunConflict, NothingToMerge, SiteBusy) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if manifest is None:
        return 1
    return report(manifest, settings, time.monotonic() - started)


def register_worker(subparsers) -> None:
    parser = subparsers.add_parser(
        "worker", help="one worker of a distributed crawl",
        description="Join the site's current run in Redis (or start one) and crawl its share; the run's "
                    "coordinator (`crawl --redis`) or `merge` publishes it.")
    parser.add_argument("site_arg", nargs="?", metavar="SITE", help="same as --site")
    parser.add_argument("--site", help="site profile: a name in data/sites/ or a .toml path")
    parser.add_argument("--start-url", action="append", default=[], metavar="URL", help="start URL (repeatable)")
    parser.add_argument("--full", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--since", help=argparse.SUPPRESS)
    parser.add_argument("--resume", action="store_true", help=argparse.SUPPRESS)
    _add_crawl_options(parser)
    parser.set_defaults(func=run_worker_command)


def run_worker_command(args: argparse.Namespace) -> int:
    from scrapy.crawler import CrawlerProcess

    from scraper.distributed.coordinator import RedisUnreachable, open_redis
    from scraper.sites import ProfileError, load_profile
    from spiders.portal import PortalSpider

    site = args.site or args.site_arg
    if not args.redis:
        print("error: a worker needs --redis URL", file=sys.stderr)
        return 2
    if not site and not args.start_url:
        print("error: give SITE (or --site NAME) or --start-url URL", file=sys.stderr)
        return 2
    try:
        if site:
            load_profile(site)
        settings = crawl_settings(args, RUN_ID=args.run_id or "")
        open_redis(args.redis)
    except (ProfileError, RedisUnreachable) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    process = CrawlerProcess(settings)
    process.crawl(PortalSpider, site=site, start_urls=args.start_url or None)
    crawler = next(iter(process.crawlers))
    process.start()
    reason = crawler.stats.get_value("finish_reason")
    return 0 if reason == "finished" else 130 if reason in ("shutdown", "cancelled") else 1


def register_merge(subparsers) -> None:
    parser = subparsers.add_parser(
        "merge", help="publish a distributed run",
        description="Merge the records of the site's distributed run in Redis and publish it, as `crawl "
                    "--redis` does when its workers are done. For a run whose coordinator is gone.")
    parser.add_argument("site", metavar="SITE", help="site profile name (or the host for URL-only crawls)")
    parser.add_argument("--redis", metavar="URL", required=True, help="redis://host:port/db")
    parser.add_argument("--run-id", help="the run (default: the site's current run)")
    parser.add_argument("--output", type=Path, help="output root (default: data/output)")
    parser.add_argument("--force", action="store_true",
                        help="publish as interrupted (*.jsonl.partial) even though requests are left")
    parser.set_defaults(func=run_merge_command)


def run_merge_command(args: argparse.Namespace) -> int:
    from pipelines.run import SiteBusy
    from scraper.distributed.coordinator import RedisUnreachable, open_redis
    from scraper.distributed.merge import NothingToMerge, merge_run
    from scraper.sites import ProfileError, load_profile

    args.contact = args.max_depth = args.log_level = None
    args.set = []
    settings = crawl_settings(args)
    try:
        profile = load_profile(args.site)
    except ProfileError:
        profile = None  # a URL-only crawl's site is its host
    started = time.monotonic()
    try:
        manifest = merge_run(settings, args.site, open_redis(args.redis), run_id=args.run_id, profile=profile,
                             force=args.force)
    except (RedisUnreachable, NothingToMerge, SiteBusy) as exc:
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
    extra = []
    if "changes" in manifest:
        changes = manifest["changes"]
        unchanged = sum(c["unchanged"] for c in changes.values())
        extra.append("  changes         " + ", ".join(
            f"{p} +{changes[t]['new']} ~{changes[t]['updated']}" for t, p in PLURALS.items() if t in changes)
            + f"  (+new ~updated; {unchanged} unchanged; {manifest['mode']})")
        gone = {t: len(v) for t, v in manifest.get("vanished", {}).items() if v}
        extra.append("  vanished        " + (", ".join(f"{n} {PLURALS[t]}" for t, n in gone.items()) or "none"))
        if manifest.get("pages_replayed"):
            extra.append(f"  from the state  {manifest['pages_replayed']} detail pages not fetched again "
                         f"({manifest.get('pages_not_modified', 0)} of them after a 304 Not Modified)")
    failed_checks = [c for c in manifest.get("checks", []) if not c.get("passed")]
    if "checks" in manifest:
        extra.append("  checks          " + (f"{len(manifest['checks'])} passed" if not failed_checks else
                                             "FAILED " + "; ".join(f"{c['name']} ({c.get('detail') or c['value']})"
                                                                   for c in failed_checks)))
    lines = [
        f"{manifest['site']}: {manifest['status']} ({manifest['finish_reason']}) in {seconds:.1f} s",
        f"  pages fetched   {manifest['pages_fetched']}" + (f"  ({kinds})" if kinds else ""),
        "  records         " + ", ".join(f"{records.get(t, 0)} {p}" for t, p in PLURALS.items()),
        f"  rejects         {manifest['rejects']}",
        f"  HTTP errors     {errors}" + (f"; download errors {failures}" if failures else "")
        + f"; retries {manifest['retries']}",
        f"  not followed    {manifest['robots_disallowed']} disallowed by robots.txt, "
        f"{manifest['offsite_links']} off-site links",
        *extra,
        f"  output          {run_dir}/  ({latest})",
    ]
    return "\n".join(lines)


# ---------------------------------------------------------------- runs, status

def register_runs(subparsers) -> None:
    for name, func, text in (("runs", run_runs_command, "a table of a site's past runs, newest first"),
                             ("status", run_status_command, "a site's last run and its open alarms")):
        parser = subparsers.add_parser(name, help=text, description=text.capitalize() + ", from the manifests "
                                       "in data/output/<site>/*/manifest.json.")
        parser.add_argument("site", metavar="SITE", help="site name (its profile name, or the host for URL-only crawls)")
        parser.add_argument("--output", type=Path, help="output root (default: data/output)")
        if name == "runs":
            parser.add_argument("-n", "--limit", type=int, default=20, help="at most this many runs (default 20)")
        parser.set_defaults(func=func)


def site_manifests(output: Path | None, site: str) -> list[dict]:
    """Every run's manifest of `site`, newest first."""
    from scraper.settings import OUTPUT_DIR

    site_dir = (output or Path(OUTPUT_DIR)) / site
    manifests = []
    for path in site_dir.glob("*/manifest.json"):
        if path.parent.is_symlink():
            continue
        try:
            manifests.append(json.loads(path.read_text(encoding="utf-8")))
        except (OSError, ValueError):
            continue
    return sorted(manifests, key=lambda m: (m.get("started") or "", m.get("run_id") or ""), reverse=True)


def _changes_cell(manifest: dict, record_type: str) -> str:
    change = (manifest.get("changes") or {}).get(record_type)
    if change is None:
        return str((manifest.get("records") or {}).get(record_type, "-"))
    return f"+{change['new']}/~{change['updated']}"


def _checks_cell(manifest: dict) -> str:
    checks = manifest.get("checks")
    if checks is None:
        return "-"
    failed = [c["name"] for c in checks if not c.get("passed")]
    return "ok" if not failed else "FAILED: " + ", ".join(failed)


def runs_table(manifests: list[dict]) -> str:
    header = ["started (UTC)", "run id", "status", "mode", *PLURALS.values(), "vanished", "checks"]
    rows = [header]
    for m in manifests:
        vanished = sum(len(v) for v in (m.get("vanished") or {}).values())
        rows.append([(m.get("started") or "?").replace("T", " ").rstrip("Z"), m.get("run_id", "?"), m.get("status", "?"),
                     m.get("mode", "-"), *(_changes_cell(m, t) for t in PLURALS), str(vanished), _checks_cell(m)])
    widths = [max(len(r[i]) for r in rows) for i in range(len(header) - 1)]
    lines = ["  ".join(cell.ljust(w) for cell, w in zip(r[:-1], widths, strict=True)) + "  " + r[-1] for r in rows]
    return "\n".join(line.rstrip() for line in lines) + "\n\n+new/~updated records per type; `-` where the run has no such count."


def run_runs_command(args: argparse.Namespace) -> int:
    manifests = site_manifests(args.output, args.site)
    if not manifests:
        print(f"No runs of {args.site!r} yet.", file=sys.stderr)
        return 1
    print(runs_table(manifests[:args.limit]))
    return 0


def run_status_command(args: argparse.Namespace) -> int:
    manifests = site_manifests(args.output, args.site)
    if not manifests:
        print(f"No runs of {args.site!r} yet.", file=sys.stderr)
        return 1
    last = manifests[0]
    published = next((m for m in manifests if m.get("status") in ("finished", "degraded")), None)
    good = next((m for m in manifests if m.get("status") == "finished"), None)
    lines = [f"{args.site}: last run {last.get('run_id')} {last.get('status')}, started {last.get('started')}"
             + (f", ended {last['finished']} ({last.get('finish_reason')})" if last.get("finished") else "")]
    lines.append(f"  latest          {good['run_id'] + ' (' + good['finished'] + ')' if good else 'none yet'}")
    if published and "changes" in published:
        lines.append("  last published  " + published["run_id"] + ": " + ", ".join(
            f"{_changes_cell(published, t)} {p}" for t, p in PLURALS.items()))
    lines.append("  next due        not known here: runs are scheduled by cron or Scrapyd (README, Scheduling)")
    alarms = [c for c in (published or {}).get("checks", []) if not c.get("passed")]
    if alarms:
        lines.append(f"  open alarms     {len(alarms)} (run {published['run_id']}):")
        lines += [f"    {c['name']}: {c.get('detail') or c['value']} (threshold {c['threshold']})" for c in alarms]
    else:
        lines.append("  open alarms     none")
    vanished = [v for vs in ((published or {}).get("vanished") or {}).values() for v in vs]
    if vanished:
        lines.append(f"  vanished        {len(vanished)} record(s) in the last published run:")
        lines += [f"    {v['type']}: {v.get('title')} {v.get('url') or ''}".rstrip() for v in vanished[:20]]
    print("\n".join(lines))
    return 3 if alarms else 0


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
        # A new port each time makes new record ids: state between demo runs would mean nothing.
        STATE_ENABLED=False, PROGRESS_INTERVAL=0,
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
    register_worker(subparsers)
    register_merge(subparsers)
    register_runs(subparsers)
    register_demo(subparsers)
    _register_extract(subparsers)
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    args = build_parser().parse_args(argv)
    args.argv = argv
    return args.func(args)
