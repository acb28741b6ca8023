"""`python -m scraper extract PATH_OR_FILE_URL [...] [--url URL]`.

Prints each page's records as JSON Lines on stdout, in page order. A missing,
unreadable or non-HTML input gets one line on stderr and a non-zero exit;
the other inputs are still extracted.
"""
from __future__ import annotations

import argparse
import json
import sys
from datetime import datetime, timezone
from pathlib import Path
from urllib.parse import unquote, urlsplit

from .extract import NotHTMLError, parse_page


def _path_of(arg: str) -> Path:
    parts = urlsplit(arg)
    if parts.scheme == "file":
        return Path(unquote(parts.path))
    if parts.scheme in ("http", "https"):
        raise ValueError("extract reads saved pages; to fetch from the web use `python -m scraper crawl`")
    return Path(arg)


def register_extract(subparsers) -> None:
    parser = subparsers.add_parser(
        "extract", help="print the records of saved pages as JSON Lines",
        description="Extract records from saved HTML pages (paths or file:// URLs) to JSON Lines on stdout.",
    )
    parser.add_argument("pages", nargs="+", metavar="PATH_OR_FILE_URL")
    parser.add_argument("--url", help="the page's real URL (resolves its links, sets source_url); one page only")
    parser.add_argument("--content-type", help="the HTTP Content-Type the page was served with, if known")
    parser.set_defaults(func=run_extract)


def run_extract(args: argparse.Namespace) -> int:
    if args.url and len(args.pages) > 1:
        print("error: --url names one page; give one PATH with it", file=sys.stderr)
        return 2
    failed = 0
    out = sys.stdout
    for arg in args.pages:
        try:
            path = _path_of(arg)
            body = path.read_bytes()
        except ValueError as exc:
            print(f"error: {arg}: {exc}", file=sys.stderr)
            failed += 1
            continue
        except FileNotFoundError:
            print(f"error: {arg}: no such file", file=sys.stderr)
            failed += 1
            continue
        except IsADirectoryError:
            print(f"error: {arg}: is a directory, not a page", file=sys.stderr)
            failed += 1
            continue
        except OSError as exc:
            print(f"error: {arg}: cannot read ({exc.strerror or exc})", file=sys.stderr)
            failed += 1
            continue
        url = args.url or path.resolve().as_uri().replace("file:///", "file://localhost/", 1)
        scraped_at = datetime.now(timezone.utc).replace(microsecond=0).isoformat().replace("+00:00", "Z")
        try:
            page = parse_page(body, url, content_type=args.content_type, scraped_at=scraped_at)
        except NotHTMLError as exc:
            print(f"error: {arg}: {exc}", file=sys.stderr)
            failed += 1
            continue
        for record in page.records:
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
        out.flush()
    return 1 if failed else 0
