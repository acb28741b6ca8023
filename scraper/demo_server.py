"""Serve a built demo portal (data/demo_site/build.py) on loopback.

    python -m scraper.demo_server [SITE_DIR] [--port 0] [--access-log FILE] [--delay SECONDS]

Prints its base URL (`http://127.0.0.1:PORT/`) as the first line of stdout,
the way Scrapy's own test mock servers do, then serves until killed. Files
are served as a plain static server would: `.html` as `text/html` with no
charset (so a GBK page must be decoded from its bytes), `/` as index.html,
404 for anything else. Files carry an `ETag` (hash of the bytes) and a
`Last-Modified` (the file's mtime), and a conditional request that matches
(`If-None-Match`, else `If-Modified-Since`) is answered 304 with no body, as
a real static server would. `routes.json` beside `site/` adds what a real portal
does wrong: a lying Content-Type, a 500 answered once, a redirect.

Every request is appended to the access log as `GET URI STATUS "USER-AGENT"`,
one line each, flushed at once, so tests can prove what the crawler fetched and what
it never asked for.

`DemoServer` runs this module as a subprocess and stops it; the demo
command, the tests and the benchmark all use it.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import subprocess
import sys
from email.utils import formatdate, parsedate_to_datetime
from pathlib import Path

DEFAULT_SITE = Path(__file__).resolve().parents[1] / "data" / "demo_site"
CONTENT_TYPES = {".html": "text/html", ".htm": "text/html", ".txt": "text/plain", ".json": "application/json"}


class DemoServer:
    """The demo server as a child process bound to 127.0.0.1 on a free port.

    Use as a context manager; `url` is the base URL with a trailing slash."""

    def __init__(self, site_dir: Path = DEFAULT_SITE, access_log: Path | None = None, delay: float = 0.0):
        self.site_dir = Path(site_dir)
        self.access_log = access_log
        self.delay = delay
        self.proc: subprocess.Popen | None = None
        self.url = ""

    def start(self) -> "DemoServer":
        cmd = [sys.executable, "-m", "scraper.demo_server", str(self.site_dir), "--port", "0"]
        if self.access_log:
            cmd += ["--access-log", str(self.access_log)]
        if self.delay:
            cmd += ["--delay", str(self.delay)]
        root = Path(__file__).resolve().parents[1]
        self.proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, cwd=root, text=True)
        line = self.proc.stdout.readline().strip()
        if not line.startswith("http://"):
            self.stop()
            raise RuntimeError(f"demo server did not start (said {line!r})")
        self.url = line
        return self

    def stop(self) -> None:
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        if self.proc and self.proc.stdout:
            self.proc.stdout.close()

    def __enter__(self) -> "DemoServer":
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()


def make_site(site_dir: Path, access_log, delay: float):
    """A twisted.web Site serving `site_dir`/site with `site_dir`/routes.json."""
    from twisted.internet import reactor
    from twisted.web.resource import Resource
    from twisted.web.server import NOT_DONE_YET, Site

    root = (site_dir / "site").resolve()
    routes_file = site_dir / "routes.json"
    routes = json.loads(routes_file.read_text(encoding="utf-8")) if routes_file.exists() else {}
    failed_once: set[str] = set()

    class Portal(Resource):
        isLeaf = True

        def render_GET(self, request):
            uri = request.uri.decode("latin-1")
            path = request.path.decode("latin-1")
            status, headers, body = self._answer(uri, path)
            if status == 200 and self._not_modified(request, headers):
                status, body = 304, b""
            request.setResponseCode(status)
            for name, value in headers.items():
                request.setHeader(name, value)
            if access_log:
                agent = (request.getHeader("User-Agent") or "").replace('"', "'")
                access_log.write(f'GET {uri} {status} "{agent}"\n')
                access_log.flush()
            if not delay:
                return body

            def finish():
                if not request.finished and not request._disconnected:
                    request.write(body)
                    request.finish()

            reactor.callLater(delay, finish)
            return NOT_DONE_YET

        @staticmethod
        def _not_modified(request, headers: dict) -> bool:
            etag = headers.get("ETag")
            if_none_match = request.getHeader("If-None-Match")
            if if_none_match is not None:
                return etag is not None and etag in [t.strip() for t in if_none_match.split(",")]
            since, modified = request.getHeader("If-Modified-Since"), headers.get("Last-Modified")
            if since is None or modified is None:
                return False
            try:
                return parsedate_to_datetime(modified) <= parsedate_to_datetime(since)
            except (TypeError, ValueError):
                return False

        def _answer(self, uri: str, path: str) -> tuple[int, dict, bytes]:
            route = routes.get(uri) or routes.get(path) or {}
            if "location" in route:
                return route.get("status", 301), {"Location": route["location"], "Content-Type": "text/html"}, b"<html><body>Moved</body></html>"
            if route.get("fail_first") and path not in failed_once:
                failed_once.add(path)
                return route["fail_first"], {"Content-Type": "text/html"}, b"<html><body>Server Error</body></html>"
            file = (root / (path.lstrip("/") or "index.html")).resolve()
            if file.is_dir():
                file = file / "index.html"
            if root not in file.parents or not file.is_file():
                return 404, {"Content-Type": "text/html"}, b"<html><body><h1>404 Not Found</h1></body></html>"
            content_type = route.get("content_type") or CONTENT_TYPES.get(file.suffix, "application/octet-stream")
            body = file.read_bytes()
            return 200, {"Content-Type": content_type, "ETag": '"' + hashlib.sha1(body).hexdigest()[:16] + '"',
                         "Last-Modified": formatdate(file.stat().st_mtime, usegmt=True)}, body

    site = Site(Portal())
    site.log = lambda request: None  # our own access log, not twisted's
    return site


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Serve a built demo portal on 127.0.0.1.")
    parser.add_argument("site_dir", nargs="?", type=Path, default=DEFAULT_SITE,
                        help="a directory with site/ (and optionally routes.json); default: data/demo_site")
    parser.add_argument("--port", type=int, default=0, help="0 = a free port (default)")
    parser.add_argument("--access-log", type=Path, help='append `GET URI STATUS "USER-AGENT"` lines here')
    parser.add_argument("--delay", type=float, default=0.0, help="seconds to hold every response (slow server)")
    args = parser.parse_args(argv)
    if not (args.site_dir / "site").is_dir():
        print(f"error: {args.site_dir}/site is not a directory (build it: python data/demo_site/build.py)", file=sys.stderr)
        return 2
    from twisted.internet import reactor

    log = open(args.access_log, "a", encoding="utf-8") if args.access_log else None
    port = reactor.listenTCP(args.port, make_site(args.site_dir, log, args.delay), interface="127.0.0.1")
    print(f"http://127.0.0.1:{port.getHost().port}/", flush=True)
    reactor.run()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
