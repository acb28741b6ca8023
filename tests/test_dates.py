"""parse_date: every form of DOMAIN.md §3.1, relative forms, and what is not a date.

Expected values are worked out by hand from NOW (Monday 2025-09-01 08:30:15,
Beijing time), not copied from the code's output.
"""
from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from scraper.extract import dates
from scraper.extract.dates import DATE_RE, find_dates, parse_date, year_of

NOW = datetime(2025, 9, 1, 8, 30, 15)  # naive = Beijing wall clock

NUMERIC = [
    # (text, page_year, expected)
    ("发布日期:2025年08月26日", None, "2025-08-26"),
    ("2025年10月27日 星期一 10:05", None, "2025-10-27T10:05:00+08:00"),  # a weekday between the day and the time
    ("Nov 18, 2025", None, "2025-11-18"),  # a bilingual site's English dates
    ("18 November 2025", None, "2025-11-18"),
    ("Sept. 3, 2025", None, "2025-09-03"),
    ("发布时间：2025-10-17 10:25:34", None, "2025-10-17T10:25:34+08:00"),
    ("2025-08-27", None, "2025-08-27"),
    ("2025/8/27", None, "2025-08-27"),
    ("2025.08.26", None, "2025-08-26"),
    ("2023年3月15日", None, "2023-03-15"),
    ("2023年09月26日09:11", None, "2023-09-26T09:11:00+08:00"),
    ("2024 03-20 09:09:51", None, "2024-03-20T09:09:51+08:00"),
    ("公开日期: 2018-03-05", None, "2018-03-05"),
    ("发布日期:2018-09-19 10:18 【字号:", None, "2018-09-19T10:18:00+08:00"),
    ("發布時間:2023-03-15 09:28", None, "2023-03-15T09:28:00+08:00"),
    ("发布时间:2012-05-11", None, "2012-05-11"),
    ("刊发日期:2014-04-29", None, "2014-04-29"),
    (">2014-04-29编印", None, "2014-04-29"),
    ("成文日期：2018年12月21日", None, "2018-12-21"),
    # full-width digits and punctuation
    ("２０２５－０８－２６", None, "2025-08-26"),
    ("发布时间：２０２５年８月２６日 １０：３８", None, "2025-08-26T10:38:00+08:00"),
    # explicit offsets (meta tags) are converted to Beijing time
    ("2025-08-26T02:38:46Z", None, "2025-08-26T10:38:46+08:00"),
    ("2025-08-26T10:38:46+08:00", None, "2025-08-26T10:38:46+08:00"),
    # the page's year wins over a year-less date's guess, and is ignored when a year is shown
    ("[08-27]", 2019, "2019-08-27"),
    ("时间:09-15", 2019, "2019-09-15"),
    ("2025-08-27", 2019, "2025-08-27"),
    ("02-29", 2024, "2024-02-29"),
    # year-less, year from NOW: 08-27 is five days back
    ("[08-27]", None, "2025-08-27"),
    ("8月27日", None, "2025-08-27"),
    # 2025-09-03 is two days ahead: within the slack, this year
    ("09-03", None, "2025-09-03"),
    # 2025-09-05 and 2025-09-15 are more than three days ahead: last year
    ("09-05", None, "2024-09-05"),
    ("时间:09-15", None, "2024-09-15"),
    ("12-31", None, "2024-12-31"),
    # 2025 has no 29 February; the year before (2024) does
    ("02-29", None, "2024-02-29"),
    # surrounding whitespace
    ("  2025-08-27\n", None, "2025-08-27"),
    ("\t[08-27] ", None, "2025-08-27"),
    # an impossible time is not shown as a time
    ("2025-08-26 25:61", None, "2025-08-26"),
]

RELATIVE = [
    ("3天前", "2025-08-29"),
    ("三天前", "2025-08-29"),
    ("十五天前", "2025-08-17"),
    ("发布时间：3天前", "2025-08-29"),
    ("昨天", "2025-08-31"),
    ("前天", "2025-08-30"),
    ("今天", "2025-09-01"),
    ("今天 07:20", "2025-09-01T07:20:00+08:00"),
    ("今天07:20", "2025-09-01T07:20:00+08:00"),
    ("昨天 23:59", "2025-08-31T23:59:00+08:00"),
    ("2小时前", "2025-09-01T06:30:15+08:00"),
    ("1个小时前", "2025-09-01T07:30:15+08:00"),
    ("半小时前", "2025-09-01T08:00:15+08:00"),
    ("30分钟前", "2025-09-01T08:00:15+08:00"),
    ("10分钟之前", "2025-09-01T08:20:15+08:00"),
    ("刚刚", "2025-09-01T08:30:15+08:00"),
    ("1周前", "2025-08-25"),
    ("3个月前", "2025-06-01"),
    ("３天前", "2025-08-29"),
]

NOT_DATES = [
    "",
    "   ",
    "abc",
    "May 2025 report",  # a month and a year, no day
    "发布日期：",
    "2025-13-45",
    "2025-02-30",
    "13-45",
    "2025年8月",
    "1.5亿元",
    "10.15万元",
    "192.168.1.1",
    "1.2.3",
    "今日头条",
    "联系我们",
]


@pytest.mark.parametrize(("text", "page_year", "expected"), NUMERIC)
def test_numeric_forms(text, page_year, expected):
    assert parse_date(text, page_year=page_year, now=NOW) == expected


@pytest.mark.parametrize(("text", "expected"), RELATIVE)
def test_relative_forms_count_back_from_now(text, expected):
    assert parse_date(text, now=NOW) == expected


@pytest.mark.parametrize("text", NOT_DATES)
def test_not_a_date_gives_none(text):
    assert parse_date(text, now=NOW) is None


def test_invalid_page_year_date_gives_none():
    assert parse_date("02-29", page_year=2023, now=NOW) is None


def test_non_string_gives_none():
    assert parse_date(None) is None  # type: ignore[arg-type]


def test_aware_now_is_read_in_beijing_time():
    # 01:00 UTC is 09:00 in Beijing
    assert parse_date("2小时前", now=datetime(2025, 9, 1, 1, 0, tzinfo=timezone.utc)) == "2025-09-01T07:00:00+08:00"
    # 17:00 UTC on 31 Aug is already 1 Sep in Beijing: 昨天 is 31 Aug
    assert parse_date("昨天", now=datetime(2025, 8, 31, 17, 0, tzinfo=timezone.utc)) == "2025-08-31"
    # 17:00 UTC on 31 Dec 2025 is 2026-01-01 01:00 in Beijing: 12-31 was last year
    assert parse_date("[12-31]", now=datetime(2025, 12, 31, 17, 0, tzinfo=timezone.utc)) == "2025-12-31"


def test_default_now_is_beijing_today():
    before = datetime.now(timezone(timedelta(hours=8))).date()
    result = parse_date("今天")
    after = datetime.now(timezone(timedelta(hours=8))).date()
    assert result in {before.isoformat(), after.isoformat()}


def test_numeric_forms_never_call_dateparser(monkeypatch):
    def forbidden():
        raise AssertionError("dateparser used for a numeric date")

    monkeypatch.setattr(dates, "_relative_parser", forbidden)
    for text, page_year, expected in NUMERIC:
        assert parse_date(text, page_year=page_year, now=NOW) == expected
    for text in NOT_DATES:
        assert parse_date(text, now=NOW) is None
    # the patch is in force: a relative form now fails quietly instead of raising
    assert parse_date("3天前", now=NOW) is None


def test_find_dates_keeps_page_order_once_each():
    text = "成文日期：2018年12月21日 发布日期：2018年12月29日 2024 03-20 09:09:51 2024-03-20 09:09:51 2025-13-45"
    assert find_dates(text) == ("2018-12-21", "2018-12-29", "2024-03-20T09:09:51+08:00")
    assert find_dates("") == ()


def test_year_of():
    assert year_of("2025-08-26") == 2025
    assert year_of("2023-09-26T09:11:00+08:00") == 2023
    with pytest.raises(ValueError):
        year_of("08-26")


def test_date_re_is_public_and_finds_the_date():
    match = DATE_RE.search("发布日期:2025年08月26日")
    assert (match["year"], match["month"], match["day"]) == ("2025", "08", "26")


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2099, 12, 31)))
def test_any_real_date_round_trips_in_each_numeric_shape(day):
    for text in (
        f"{day.year}年{day.month}月{day.day}日",
        f"{day.year}-{day.month:02d}-{day.day:02d}",
        f"{day.year}/{day.month}/{day.day}",
        f"发布日期:{day.year}.{day.month:02d}.{day.day:02d}",
    ):
        assert parse_date(text) == day.isoformat()


@given(st.text(max_size=40))
def test_never_raises(text):
    result = parse_date(text, now=NOW)
    assert result is None or year_of(result) >= 1900
