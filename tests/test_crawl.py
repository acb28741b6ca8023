"""A whole crawl of the demo portal on a local server, checked against the
portal's ground truth (data/demo_site/expected.json, written by its builder)
and the server's access log."""
from __future__ import annotations

import json
from collections import Counter


from helpers import FIXTURES_010B, comparable
from scraper.schemas import validation_errors
from scraper.urls import record_id

REAL = "https://shanghai.010b.com"
TYPES = ("article", "project", "policy", "park")

#: Site navigation and calls to action (RECORDS.md "What is never in a record").
NAV = {"首页", "招商资讯", "招商项目", "招商政策", "产业园区", "投资流程", "土地招拍挂", "厂房价格", "注册公司",
       "外商投资", "买地自建", "厂房租赁", "写字楼租赁", "公司注册", "优惠政策", "登录", "免费注册", "手机版"}
NEVER_INSIDE = ("联系我们", "企业入驻", "立即获取", "更多项目", "更多政策", "更多资讯", "上一篇", "下一篇",
                "切换城市", "分享到", "打印本页", "关闭窗口", "招商热线", "版权所有", "沪ICP备", "\ufffd")


def strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for k, v in value.items():
            yield k
            yield from strings(v)
    elif isinstance(value, list):
        for v in value:
            yield from strings(v)


def test_the_run_finished_and_moved_latest(demo_crawl):
    m = demo_crawl.manifest
    assert m["status"] == "finished" and m["finish_reason"] == "finished"
    assert demo_crawl.run_dir.name == m["run_id"]
    assert m["site"] == "demo" and m["start_urls"] == [demo_crawl.server.url]
    assert m["started"] <= m["finished"]
    assert sorted(p.name for p in demo_crawl.run_dir.iterdir()) == [
        "articles.jsonl", "manifest.json", "parks.jsonl", "policies.jsonl", "projects.jsonl", "rejects.jsonl"]
    assert "records         12 articles, 44 projects, 24 policies, 8 parks" in demo_crawl.result.stdout


def test_exact_record_counts_per_type(demo_crawl, demo_expected):
    assert demo_expected["counts"] == {"article": 12, "project": 44, "policy": 24, "park": 8}
    got = {t: len(recs) for t, recs in demo_crawl.records.items()}
    assert got == demo_expected["counts"]
    assert demo_crawl.manifest["records"] == demo_expected["counts"]
    assert demo_crawl.manifest["rejects"] == 0
    assert (demo_crawl.run_dir / "rejects.jsonl").read_text() == ""


def test_every_record_is_the_expected_item_once(demo_crawl, demo_expected):
    for record_type in TYPES:
        records = demo_crawl.records[record_type]
        ids = Counter(r["id"] for r in records)
        assert [i for i, n in ids.items() if n > 1] == [], f"{record_type}: an id twice"
        by_path = {demo_crawl.path(r["url"]): r for r in records}
        expected = demo_expected["records"][record_type]
        assert set(by_path) == set(expected)
        for path, truth in expected.items():
            record = by_path[path]
            assert record["title"] == truth["title"], path
            assert record["published"] == truth["published"], path
            assert record["id"] == record_id(record_type, record["url"])
            assert record["type"] == record_type and record["schema_version"] == 1
            assert validation_errors(record) == []
            if record_type != "article":
                # Own page and list entry merged: the page's text, the list's heading.
                assert ("body" in record) == truth["own_page"], path
                assert record["list"], path


def _chrome_in(records, crawl) -> list:
    found = []
    for record in records:
        for text in strings(record):
            if text in NAV or any(bad in text for bad in NEVER_INSIDE):
                found.append((crawl.path(record["url"]), text))
        for line in record["body"].split("\n") if "body" in record else []:
            if not line.strip() or line in NAV:
                found.append((crawl.path(record["url"]), line))
    return found


def test_no_navigation_or_call_to_action_in_any_record(demo_crawl):
    records = [r for recs in demo_crawl.records.values() for r in recs]
    assert len(records) == sum(demo_crawl.manifest["records"].values())
    assert _chrome_in(records, demo_crawl) == []


def test_pages_whose_title_has_a_colon_keep_their_detail_area(demo_crawl):
    """`上海:以供给侧…` reads like a `label:value` line; it is the headline."""
    colon_pages = {"/info/detail/126207.html", "/info/detail/126312.html", "/info/detail/126611.html"}
    records = [r for r in demo_crawl.records["project"] if demo_crawl.path(r["url"]) in colon_pages]
    assert len(records) == len(colon_pages)
    for record in records:
        assert ":" in record["title"] and record["title"].split(":")[0] not in record["fields"]
        assert "投资总额" in record["fields"] and "Copyright" not in record["body"]


def test_reference_pages_come_out_as_their_fixtures_say(demo_crawl):
    """The fixture pages are served as they are (host made root-relative):
    their own records must equal the expected files, plus what a list
    entry for the same item adds (its heading)."""
    host = demo_crawl.server.url.rstrip("/")
    for name, record_type, lists in (("010b-article-126590.expected.jsonl", "article", None),
                                     ("010b-zhengce-2946.expected.jsonl", "policy", "上海徐汇区优惠政策"),
                                     ("010b-yuanqu-1051.expected.jsonl", "park", "上海徐汇区产业园区")):
        line = (FIXTURES_010B / name).read_text(encoding="utf-8").splitlines()[0]
        expected = json.loads(line.replace(REAL, host).replace('"site": "shanghai.010b.com"', '"site": "127.0.0.1"'))
        if lists:
            expected["list"] = lists
        got = next(r for r in demo_crawl.records[record_type] if r["url"] == expected["url"])
        assert got.pop("change") == "new"  # a first run: everything is new (scraper/state.py)
        assert comparable(got) == comparable(expected)


def test_article_bodies_are_kept_once(demo_crawl, demo_expected):
    removed = demo_expected["duplicates_removed"]
    for record in demo_crawl.records["article"]:
        lines = record["body"].split("\n")
        assert len(lines) == len(set(lines))
        assert record["duplicates_removed"] == removed[demo_crawl.path(record["url"])]


def test_gbk_pages_are_decoded(demo_crawl, demo_expected):
    gbk = demo_expected["traps"]["gbk_pages"]
    assert len(gbk) >= 3
    assert {v["header"] for v in gbk.values()} == {"text/html", "text/html; charset=utf-8"}
    assert None in {v["declared"] for v in gbk.values()}
    own = {demo_crawl.path(r["url"]): r for recs in demo_crawl.records.values() for r in recs if "body" in r}
    for path, page in gbk.items():
        record = own[path]
        assert record["title"] == page["title"]
        assert record["source_url"].endswith(path)
        assert "\ufffd" not in record["body"] and "锟" not in record["body"]
    assert own["/info/detail/126805.html"]["title"] == "上海喆晟数字科技签约落户漕河泾开发区"  # GBK-only 喆, declared gb2312
    assert own["/zhengce/detail/2911.html"]["fields"]["发文机关"] == "上海市徐汇区人民政府办公室"


def test_robots_txt_is_obeyed(demo_crawl, demo_expected):
    fetched = demo_crawl.server.fetched()
    assert fetched[0] == "/robots.txt" and fetched.count("/robots.txt") == 1
    for path in demo_expected["traps"]["disallowed"]:
        assert not any(uri.startswith("/zhengce/neibu/") for uri in fetched)
        # Its list entry is still a record; its page was never read.
        listed = next(r for r in demo_crawl.records["policy"] if demo_crawl.path(r["url"]) == path)
        assert "body" not in listed
    assert demo_crawl.manifest["robots_disallowed"] == 1


def test_offsite_links_are_never_followed(demo_crawl, demo_expected):
    assert demo_crawl.manifest["offsite_links"] == 1
    assert demo_crawl.manifest["download_errors"] == {}  # no attempt to reach news.example.org
    assert all(r["site"] == "127.0.0.1" for recs in demo_crawl.records.values() for r in recs)
    assert "news.example.org" not in demo_crawl.result.stderr


def test_http_errors_retries_and_redirect(demo_crawl, demo_expected):
    m = demo_crawl.manifest
    assert m["http_errors"] == {"404": 1, "500": 1}
    assert m["retries"] == 1
    log = demo_crawl.server.requests()
    assert [status for uri, status, _ in log if uri == "/xiangmu/list_2.html"] == [500, 200]
    assert [status for uri, status, _ in log if uri in demo_expected["traps"]["not_found"]] == [404]
    redirect = demo_expected["traps"]["redirect"]
    assert [status for uri, status, _ in log if uri in (redirect["from"], redirect["to"])] == [301, 200]
    assert redirect["to"] in {demo_crawl.path(r["url"]) for r in demo_crawl.records["article"]}


def test_every_listing_page_is_reached(demo_crawl, demo_expected):
    fetched = set(demo_crawl.server.fetched())
    for pages in demo_expected["traps"]["list_pages"].values():
        assert set(pages) <= fetched
    assert {"/xiangmu/list_2.html", "/xiangmu/list_3.html", "/zhengce/list_2.html", "/zhengce/list_3.html"} <= fetched


def test_each_page_is_fetched_once_whatever_the_link_said(demo_crawl):
    fetched = Counter(demo_crawl.server.fetched())
    assert {uri: n for uri, n in fetched.items() if n > 1} == {"/xiangmu/list_2.html": 2}  # the 500, retried
    assert not any("from=" in uri or "utm_" in uri or "#" in uri for uri in fetched)
    # Only what the parser named: listings, details, the redirect. No nav, tags or CTAs.
    assert not any(uri.startswith(("/tag/", "/about/", "/ruzhu/", "/member/", "/tudi/", "/quyu/")) for uri in fetched)
    assert demo_crawl.manifest["pages_fetched"] == len(fetched) - 1 - 2  # robots.txt, the 404, the 301


def test_user_agent_names_the_contact(demo_crawl):
    agents = {agent for _, _, agent in demo_crawl.server.requests()}
    assert agents == {"zhaoshang-crawler/0.1 (+https://example.org/crawler-tests)"}


def test_output_is_utf8_not_escaped(demo_crawl):
    text = (demo_crawl.run_dir / "policies.jsonl").read_text(encoding="utf-8")
    assert "徐汇区" in text and "\\u" not in text
    assert all(line.startswith("{") and line.endswith("}") for line in text.splitlines())
