"""Every saved page gives exactly its expected records (id and scraped_at
aside), every record validates against the schema, and ids are stable."""
from __future__ import annotations

import json
from collections import defaultdict

import pytest

from helpers import comparable, fixture_cases, read_jsonl, written_cases
from scraper.extract import parse_page
from scraper.schemas import validation_errors

CASES = fixture_cases() + written_cases()
KIND_ALIASES = {"project_listing": "listing", "policy_listing": "listing", "park_listing": "listing",
                "park_detail": "park", "policy_detail": "policy", "project_detail": "project"}


def _extract(case):
    return parse_page(case["page"].read_bytes(), case["url"], content_type=case["content_type"],
                      scraped_at="2026-11-29T00:00:00Z")


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_page_gives_expected_records(case):
    page = _extract(case)
    got = [comparable(r) for r in page.records]
    expected = [comparable(r) for r in read_jsonl(case["expected"])]
    assert [(r["type"], r["title"]) for r in got] == [(r["type"], r["title"]) for r in expected]
    for g, e in zip(got, expected):
        assert g == e, json.dumps(e, ensure_ascii=False)[:200]


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_page_kind(case):
    expected = KIND_ALIASES.get(case["kind"], case["kind"])
    assert _extract(case).kind == expected


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_records_validate_against_schema(case):
    for record in _extract(case).records:
        assert validation_errors(record) == [], record["title"]


def test_same_url_gives_same_id_across_pages():
    ids_by_url = defaultdict(set)
    for case in fixture_cases():
        for record in _extract(case).records:
            ids_by_url[record["url"]].add(record["id"])
    assert len(ids_by_url["https://shanghai.010b.com/zhengce/detail/2946.html"]) == 1
    assert all(len(ids) == 1 for ids in ids_by_url.values())


def test_no_page_yields_one_url_twice():
    for case in CASES:
        urls = [r["url"] for r in _extract(case).records if r["url"]]
        assert len(urls) == len(set(urls)), case["name"]


def test_gbk_page_decodes_without_mojibake():
    case = next(c for c in fixture_cases() if c["name"].endswith(".gbk.html"))
    page = _extract(case)
    assert page.encoding == "gb18030"
    assert page.records[0]["document_number"] == "徐府发〔2024〕9号"
    assert not any("\ufffd" in json.dumps(r, ensure_ascii=False) for r in page.records)


def test_listing_links_for_the_crawler():
    case = next(c for c in fixture_cases() if "xiangmu-list" in c["name"])
    links = _extract(case).links
    assert "https://shanghai.010b.com/xiangmu/list_2.html" in links.next_pages
    assert "https://shanghai.010b.com/xiangmu/list_9.html" in links.next_pages
    assert "https://shanghai.010b.com/xiangmu/list_1.html" not in links.next_pages
    assert "https://shanghai.010b.com/info/detail/126731.html" in links.details["project"]
    assert "https://shanghai.010b.com/zhengce/detail/2946.html" in links.details["policy"]
    assert "https://shanghai.010b.com/zhengce/list_1.html" in links.more


#: Menu entries and calls to action: never a record's title. A box may be
#: headed 招商政策 (case 82), so only the calls to action are never a list.
NEVER_A_TITLE = ("招商政策", "投资流程", "土地招拍挂", "联系我们", "企业入驻", "立即获取", "更多", "上一篇", "下一篇", "分享到")
NEVER_A_LIST = ("联系我们", "企业入驻", "立即获取", "更多", "上一篇", "下一篇", "分享到")


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_no_chrome_in_titles_or_lists(case):
    for record in _extract(case).records:
        assert record["title"] not in NEVER_A_TITLE
        assert (record.get("list") or "") not in NEVER_A_LIST
        for text in (record["title"], record.get("list") or ""):
            assert not text.startswith(("更多", "上一篇", "下一篇"))


PROFILE_010B = {"url_patterns": {
    "policy": [r"^https?://[^/]+/zhengce/detail/\d+\.html$"],
    "park": [r"^https?://[^/]+/yuanqu/\d+\.html$"],
    "listing": [r"^https?://[^/]+/(xiangmu|zhengce|yuanqu|info)/list_\d+\.html$"],
}}


@pytest.mark.parametrize("case", fixture_cases(), ids=[c["name"] for c in fixture_cases()])
def test_profile_patterns_agree_with_the_classifier(case):
    plain = _extract(case)
    with_profile = parse_page(case["page"].read_bytes(), case["url"], scraped_at="2026-11-29T00:00:00Z", profile=PROFILE_010B)
    assert with_profile.kind == plain.kind
    assert with_profile.records == plain.records


def test_profile_pattern_does_not_make_an_empty_page_a_record():
    body = "<html><head><title>页面不存在</title></head><body><p>404</p></body></html>".encode()
    page = parse_page(body, "https://shanghai.010b.com/yuanqu/9999.html", profile=PROFILE_010B)
    assert page.records == []


def test_profile_selectors_override_title_and_body():
    case = next(c for c in fixture_cases() if "article" in c["name"])
    profile = {"selectors": {"title": "//div[contains(@class, 'crumbs')]", "body": "//div[@id='contentMore']"}}
    page = parse_page(case["page"].read_bytes(), case["url"], profile=profile)
    article = page.records[0]
    assert article["title"].startswith("当前位置")
    assert article["body"].startswith("一、国家级战略引领区域发展新格局\n在国家文化产业")
    assert "文化创意产业正成为" not in article["body"] and article["duplicates_removed"] == 0
