"""Dates as portals show them -> the ISO 8601 strings records carry.

Records hold `2025-08-26`, or `2025-08-26T10:38:46+08:00` when the page shows
a time (DOMAIN.md §3.1; Chinese portals show Beijing time). Numeric forms go
through compiled regexes: they are most of what pages show and must cost
microseconds. dateparser is kept for relative forms (3天前, 昨天, 2小时前), the
only place it earns its cost; it is never given plain numbers, which it is slow
on and misreads (`08-27` -> 2008-09-27).

Public: parse_date, find_dates, year_of, DATE_RE, MONTH_DAY_RE, BEIJING.
"""
from __future__ import annotations

import re
import threading
import unicodedata
from datetime import date, datetime, timedelta, timezone

__all__ = ["BEIJING", "DATE_RE", "MONTH_DAY_RE", "find_dates", "parse_date", "year_of"]

#: The zone every portal date is shown in.
BEIJING = timezone(timedelta(hours=8))

#: A year-less date this far past `now` is taken to be from the previous year:
#: list dates are never in the future, but clocks and time zones drift a little.
FUTURE_SLACK = timedelta(days=3)

_TIME = (
    # (2025年10月27日 星期一 10:05: a weekday may stand between the day and the time)
    r"(?:\s*(?:(?:星期|周)[一二三四五六日天]\s*)?T?\s*(?P<hour>[01]?\d|2[0-3])\s*[:时]\s*(?P<minute>[0-5]\d)"
    r"(?:\s*[:分]\s*(?P<second>[0-5]\d)(?:\.\d+)?)?(?!\d)"
    r"(?P<tz>Z|[+-](?:0\d|1[0-4]):?[0-5]\d)?)?"
)

#: A date with a four-digit year, optionally followed by a time:
#: 2025年08月26日, 2025-10-17 10:25:34, 2025/8/27, 2025.08.26, 2024 03-20 09:09:51.
DATE_RE = re.compile(
    r"(?<!\d)(?P<year>(?:19|20)\d\d)\s*(?:年\s*|[-/.]\s*|\s+)"
    r"(?P<month>[01]?\d)\s*(?:月\s*|[-/.]\s*)"
    r"(?P<day>[0-3]?\d)(?:\s*日|(?!\d))" + _TIME
)

#: A month and day without a year: [08-27], 时间:09-15, 08.27, 8月27日. Numeric
#: forms must be zero-padded and stand alone, so 1.5亿, 10.15万元, 1.2.3 and
#: IP-like runs are not dates.
MONTH_DAY_RE = re.compile(
    r"(?<![\d.\-/])(?:(?P<month>[01]?\d)\s*月\s*(?P<mday>[0-3]?\d)(?:\s*日|(?!\d))"
    r"|(?P<mm>[01]\d)[-/.](?P<dd>[0-3]\d)(?![\d]|[-/.]\d|\s*[%万亿千百元亩平米㎡公顷吨])"
    r")" + _TIME
)

_CN_DIGITS = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}

_RELATIVE_RE = re.compile(
    r"(?P<count>\d+|[一二两三四五六七八九十]{1,3}|半)\s*个?\s*"
    r"(?P<unit>秒钟?|分钟|小时|钟头|天|日|周|星期|礼拜|月|年)\s*[之以]?前"
    r"|(?P<word>刚刚|刚才|大前天|前天|昨天|昨日|今天|今日)"
    r"(?:\s*(?P<hour>[01]?\d|2[0-3])\s*[:时]\s*(?P<minute>[0-5]\d))?"
    r"(?![\u4e00-\u9fff])"  # a word, not part of a name: 今日头条 is no date
)

#: dateparser's own spelling for each unit / word we accept.
_UNITS = {
    "秒": "秒", "秒钟": "秒", "分钟": "分钟", "小时": "小时", "钟头": "小时", "天": "天", "日": "天",
    "周": "周", "星期": "周", "礼拜": "周", "月": "个月", "年": "年",
}
_WORDS = {"刚才": "刚刚", "昨日": "昨天", "今日": "今天"}
_SUB_DAY_UNITS = frozenset({"秒", "分钟", "小时"})

_PARSER = None
_PARSER_SETTINGS = None
_PARSER_LOCK = threading.Lock()


def parse_date(text: str, *, page_year: int | None = None, now: datetime | None = None) -> str | None:
    """The first date in `text` as ISO 8601, or None.

    Year-less dates take `page_year`, else the year of `now` (a year earlier
    when that would put them past `now`). Relative forms count back from
    `now` (default: the current time; naive values are read as Beijing time).
    Never raises on bad input: a record with no date beats a crashed page.
    """
    if not isinstance(text, str) or not text:
        return None
    text = _normalize(text)
    match = DATE_RE.search(text)
    if match:
        return _from_match(match, int(match["year"]))
    match = _RELATIVE_RE.search(text)
    if match:
        return _from_relative(match, _beijing_naive(now))
    match = MONTH_DAY_RE.search(text)
    if match:
        return _from_month_day(match, page_year, now)
    return None


def find_dates(text: str) -> tuple[str, ...]:
    """Every valid dated (four-digit year) value in `text`, page order, each once.

    For pages that show several dates (成文日期 and 发布日期, or the same date
    twice in two formats) where the caller picks by label or position.
    """
    if not isinstance(text, str) or not text:
        return ()
    found = (_from_match(m, int(m["year"])) for m in DATE_RE.finditer(_normalize(text)))
    return tuple(dict.fromkeys(iso for iso in found if iso))


def year_of(iso: str) -> int:
    """Year of an ISO string this module produced (ValueError otherwise)."""
    if not isinstance(iso, str) or len(iso) < 4 or not iso[:4].isdigit():
        raise ValueError(f"not an ISO date: {iso!r}")
    return int(iso[:4])


def _normalize(text: str) -> str:
    """Full-width digits and punctuation (２０２５－０８－２６, ：) to ASCII; an
    English date (Nov 18, 2025 / 18 November 2025, a bilingual site's) to 2025-11-18."""
    text = text if text.isascii() else unicodedata.normalize("NFKC", text)
    if _MONTH_NAME.search(text):
        text = _ENGLISH_DATE.sub(_english_date, text)
    return text


_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_MONTH_NAME = re.compile(r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)", re.I)
_ENGLISH_DATE = re.compile(
    r"\b(?:(?P<m1>jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+(?P<d1>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y1>(?:19|20)\d{2})"
    r"|(?P<d2>\d{1,2})(?:st|nd|rd|th)?\s+(?P<m2>jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?,?\s+(?P<y2>(?:19|20)\d{2}))\b",
    re.I)


def _english_date(match: re.Match) -> str:
    month = _MONTHS.index((match["m1"] or match["m2"]).lower()) + 1
    return f"{match['y1'] or match['y2']}-{month:02d}-{int(match['d1'] or match['d2']):02d}"


def _from_match(match: re.Match, year: int) -> str | None:
    """ISO string from a DATE_RE / MONTH_DAY_RE match; None if the calendar says no."""
    if match.re is DATE_RE:
        month, mday = match["month"], match["day"]
    else:  # MONTH_DAY_RE: 8月27日 or 08-27
        month, mday = match["month"] or match["mm"], match["mday"] or match["dd"]
    try:
        day = date(year, int(month), int(mday))
    except ValueError:
        return None
    if match["hour"] is None:
        return day.isoformat()
    moment = datetime(year, day.month, day.day, int(match["hour"]), int(match["minute"]),
                      int(match["second"] or 0))
    if match["tz"]:
        moment = moment.replace(tzinfo=_offset(match["tz"])).astimezone(BEIJING).replace(tzinfo=None)
    return _format_moment(moment)


def _offset(text: str) -> timezone:
    """An explicit offset shown with a time (meta tags: Z, +08:00, +0800)."""
    if text == "Z":
        return timezone.utc
    sign = -1 if text[0] == "-" else 1
    digits = text[1:].replace(":", "")
    return timezone(sign * timedelta(hours=int(digits[:2]), minutes=int(digits[2:])))


def _from_month_day(match: re.Match, page_year: int | None, now: datetime | None) -> str | None:
    """Year-less date: the page's year, else the latest year that is not in the future."""
    if page_year is not None:
        return _from_match(match, page_year)
    current = _beijing_naive(now)
    iso = _from_match(match, current.year)
    if iso is not None and _parse_iso(iso) <= current + FUTURE_SLACK:
        return iso
    # In the future, or 02-29 in a common year: the year before.
    return _from_match(match, current.year - 1)


def _parse_iso(iso: str) -> datetime:
    return datetime.fromisoformat(iso).replace(tzinfo=None)


def _from_relative(match: re.Match, now: datetime) -> str | None:
    """Relative form via dateparser; a time in the result only when the form has
    sub-day precision (2小时前, 今天 10:20), so 3天前 stays a date."""
    phrase, has_time = _relative_phrase(match)
    if phrase is None:
        return None
    try:
        with _PARSER_LOCK:
            parser = _relative_parser()
            # DateDataParser fixes its settings when built; only the base moves per call.
            parser._settings = _PARSER_SETTINGS.replace(RELATIVE_BASE=now)
            result = parser.get_date_data(phrase).date_obj
    except Exception:  # noqa: BLE001 - a date is optional; a crash is not
        return None
    if result is None:
        return None
    result = result.replace(tzinfo=None, microsecond=0)
    return _format_moment(result) if has_time else result.date().isoformat()


def _relative_phrase(match: re.Match) -> tuple[str | None, bool]:
    """Rewrite the match into a phrase dateparser reads (it fails on 三天前,
    1个小时前, 10分钟之前) and say whether it carries a time of day."""
    if match["word"]:
        word = _WORDS.get(match["word"], match["word"])
        if match["hour"] is not None:
            return f"{word} {int(match['hour']):02d}:{match['minute']}", True
        return word, word == "刚刚"
    unit = _UNITS[match["unit"]]
    if match["count"] == "半":
        if unit != "小时":
            return None, False
        return "30分钟前", True
    count = _count(match["count"])
    if count is None:
        return None, False
    return f"{count}{unit}前", unit in _SUB_DAY_UNITS


def _count(text: str) -> int | None:
    """1-99 written in digits or Chinese numerals (三, 十五, 二十, 两)."""
    if text.isdigit():
        return int(text)
    tens, ten, ones = text.partition("十")
    if not ten:
        return _CN_DIGITS.get(text)
    high = _CN_DIGITS.get(tens) if tens else 1
    low = _CN_DIGITS.get(ones) if ones else 0
    return None if high is None or low is None else high * 10 + low


def _relative_parser():
    """The one DateDataParser, built on first use: importing dateparser and
    loading its Chinese data costs tens of milliseconds numeric-only runs skip."""
    global _PARSER, _PARSER_SETTINGS
    if _PARSER is None:
        from dateparser.date import DateDataParser  # noqa: PLC0415 - slow import, rarely needed

        _PARSER = DateDataParser(
            languages=["zh"],
            settings={"TIMEZONE": "+0800", "RETURN_AS_TIMEZONE_AWARE": False, "PREFER_DATES_FROM": "past"},
        )
        _PARSER_SETTINGS = _PARSER._settings
    return _PARSER


def _beijing_naive(now: datetime | None) -> datetime:
    """`now` as naive Beijing wall-clock time (naive input is taken as Beijing)."""
    if now is None:
        return datetime.now(BEIJING).replace(tzinfo=None, microsecond=0)
    if now.tzinfo is not None:
        return now.astimezone(BEIJING).replace(tzinfo=None)
    return now


def _format_moment(moment: datetime) -> str:
    if moment.year >= 1000 and not moment.microsecond and moment.tzinfo is None:  # same as isoformat, minus strftime's cost
        return moment.isoformat() + "+08:00"
    return f"{moment:%Y-%m-%dT%H:%M:%S}+08:00"
