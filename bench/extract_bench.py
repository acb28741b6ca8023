"""Extraction speed and memory, measured in one run against baselines.

For every saved test page: median milliseconds for our full extraction
(parse_page), for a bare lxml.html parse of the same bytes (the floor), and
for trafilatura.extract (a dev-only dependency). Then the peak RSS of a
child process extracting a generated 5 MB page.

    .venv/bin/python bench/extract_bench.py [--reps 30] [--cold] [--stages]

--cold clears our URL/region caches before every run (a first page of a new
site); the default keeps them warm, as a crawl of one site does. --stages
instead prints where the time of our extraction goes, stage by stage.
"""
from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from helpers import fixture_cases, written_cases  # noqa: E402


def _median_ms(fn, reps: int, before=None) -> float:
    times = []
    for _ in range(reps):
        if before:
            before()
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def _clear_caches():
    from scraper.extract import lists, regions
    from scraper.urls import canonical_url

    canonical_url.cache_clear()
    for module in (regions, lists):  # every lru_cache of URLs, headings and region labels
        for name in dir(module):
            obj = getattr(module, name)
            if hasattr(obj, "cache_clear") and name != "_table":
                obj.cache_clear()


def speed(reps: int, cold: bool) -> None:
    import lxml.html
    import trafilatura

    from scraper.extract import parse_page

    cases = fixture_cases() + written_cases()
    rows = []
    for case in cases:
        body = case["page"].read_bytes()
        parse_page(body, case["url"], content_type=case["content_type"])  # warm-up (imports, lazy tables)
        ours = _median_ms(lambda: parse_page(body, case["url"], content_type=case["content_type"]), reps,
                          _clear_caches if cold else None)
        floor = _median_ms(lambda: lxml.html.document_fromstring(body), reps)
        traf = _median_ms(lambda: trafilatura.extract(body, url=case["url"]), max(5, reps // 3))
        rows.append((case["name"], len(body), ours, floor, traf))
        print(f"{case['name'][:34]:34s} {len(body) / 1024:6.1f} KB  ours {ours:6.2f} ms  lxml {floor:5.2f} ms  "
              f"trafilatura {traf:6.2f} ms  ours/lxml {ours / floor:5.1f}x")
    ours_m = statistics.median(r[2] for r in rows)
    floor_m = statistics.median(r[3] for r in rows)
    traf_m = statistics.median(r[4] for r in rows)
    print()
    print(f"median over {len(rows)} pages ({'cold' if cold else 'warm'} caches): ours {ours_m:.2f} ms, "
          f"bare lxml parse {floor_m:.2f} ms, trafilatura {traf_m:.2f} ms")
    print(f"ours / bare parse = {ours_m / floor_m:.2f}x   (target <= 3x)")
    print(f"ours / trafilatura = {ours_m / traf_m:.2f}x   (target < 1x)")


#: Stages of scraper.extract.page timed by --stages: names looked up in that
#: module (functions, or _Page methods) and wrapped with a timer.
_STAGES = (
    "decode_html", "parse_html", "head_info", "strip_invisible", "find_title", "TextStats", "find_item_groups",
    "find_field_blocks", "find_body_containers", "_Page._fields", "body_lines", "_Page._classify",
    "_Page._own_record", "_Page._list_records", "_Page._links",
)


def stages(reps: int) -> None:
    """Milliseconds per page spent in each stage (mean over pages of the
    per-page median), next to the whole extraction and the bare parse."""
    import lxml.html

    from scraper.extract import page as page_module
    from scraper.extract import parse_page

    spent: dict[str, float] = {}

    def timed(name, fn):
        def wrapper(*args, **kwargs):
            start = time.perf_counter()
            try:
                return fn(*args, **kwargs)
            finally:
                spent[name] = spent.get(name, 0.0) + time.perf_counter() - start
        return wrapper

    cases = fixture_cases() + written_cases()
    per_stage: dict[str, list[float]] = {name: [] for name in _STAGES}
    whole, floor, timed_whole = [], [], []
    originals = []
    for name in _STAGES:
        owner_name, _, attr = name.rpartition(".")
        owner = getattr(page_module, owner_name) if owner_name else page_module
        originals.append((owner, attr, getattr(owner, attr)))
        setattr(owner, attr, timed(name, getattr(owner, attr)))
    try:
        for case in cases:
            body = case["page"].read_bytes()
            samples: dict[str, list[float]] = {name: [] for name in _STAGES}
            calls = []
            for _ in range(reps):
                spent.clear()
                start = time.perf_counter()
                parse_page(body, case["url"], content_type=case["content_type"])
                calls.append(time.perf_counter() - start)
                for name in _STAGES:
                    samples[name].append(spent.get(name, 0.0))
            for name in _STAGES:
                per_stage[name].append(statistics.median(samples[name]) * 1000)
            timed_whole.append(statistics.median(calls) * 1000)
    finally:
        for owner, attr, fn in originals:
            setattr(owner, attr, fn)
    for case in cases:
        body = case["page"].read_bytes()
        whole.append(_median_ms(lambda body=body, case=case: parse_page(body, case["url"], content_type=case["content_type"]), reps))
        floor.append(_median_ms(lambda body=body: lxml.html.document_fromstring(body), reps))
    bare = statistics.mean(floor)
    print(f"{'stage (mean ms/page over ' + str(len(cases)) + ' pages)':44s}   ms    x bare parse")
    for name in _STAGES:
        ms = statistics.mean(per_stage[name])
        print(f"  {name:42s} {ms:6.3f}  {ms / bare:5.2f}x")
    ours = statistics.mean(whole)
    with_timers = statistics.mean(timed_whole)
    print(f"  {'(rest, timers included)':42s} {with_timers - sum(statistics.mean(v) for v in per_stage.values()):6.3f}")
    print(f"{'whole parse_page (with timers)':44s} {with_timers:6.3f}  {with_timers / bare:5.2f}x")
    print(f"{'whole parse_page (no timers)':44s} {ours:6.3f}  {ours / bare:5.2f}x")
    print(f"{'bare lxml.html parse':44s} {bare:6.3f}")


def big_page(size_mb: float) -> bytes:
    """A portal article page padded to `size_mb` with paragraphs and list items."""
    article = (ROOT / "tests" / "fixtures" / "010b" / "010b-article-126590.html").read_text(encoding="utf-8")
    head, tail = article.split('<div class="detail-statement">', 1)
    paragraphs = []
    i = 0
    while sum(len(p.encode()) for p in paragraphs) < size_mb * 1024 * 1024 * 0.6:
        paragraphs.append(f"<p>　　第{i}段（测试样例文字）徐汇区推进产业集聚，园区招商引资工作持续推进，项目编号{i}。</p>\n")
        i += 1
    items = []
    j = 0
    while sum(len(x.encode()) for x in items) < size_mb * 1024 * 1024 * 0.35:
        items.append(f'<li><a href="/info/detail/{900000 + j}.html">测试项目标题第{j}条 产业园区签约</a><span class="date">2025-08-2{j % 9}</span></li>\n')
        j += 1
    box = '<div class="box"><div class="box-hd"><h3>上海徐汇区招商项目</h3></div><ul>' + "".join(items) + "</ul></div>"
    return (head.replace("</div>\n      <!-- 正文 end -->", "".join(paragraphs) + "</div>\n      <!-- 正文 end -->", 1)
            + '<div class="detail-statement">' + tail.replace('<div class="main-r fr">', box + '<div class="main-r fr">', 1)).encode("utf-8")


def memory(size_mb: float) -> None:
    code = f"""
import resource, sys, json
sys.path.insert(0, {str(ROOT)!r}); sys.path.insert(0, {str(ROOT / 'bench')!r})
from extract_bench import big_page
from scraper.extract import parse_page
body = big_page({size_mb})
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
page = parse_page(body, "https://shanghai.010b.com/info/detail/126590.html")
after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({{"bytes": len(body), "records": len(page.records), "rss_before_mb": before / 1024, "peak_rss_mb": after / 1024}}))
"""
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    result = json.loads(out.stdout)
    print()
    print(f"{result['bytes'] / 1e6:.1f} MB page -> {result['records']} records; peak RSS {result['peak_rss_mb']:.0f} MB "
          f"(process before extraction {result['rss_before_mb']:.0f} MB)   (target < 200 MB)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reps", type=int, default=30)
    parser.add_argument("--cold", action="store_true")
    parser.add_argument("--size-mb", type=float, default=5.0)
    parser.add_argument("--stages", action="store_true", help="per-stage breakdown instead of the comparison")
    args = parser.parse_args()
    if args.stages:
        stages(args.reps)
        return
    speed(args.reps, args.cold)
    memory(args.size_mb)


if __name__ == "__main__":
    main()
