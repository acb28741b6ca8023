"""Headlines on small synthetic article pages: what is the title and what is
the metadata beside it (expectations written from the markup)."""
from __future__ import annotations

import pytest

from scraper.extract import parse_page

URL = "https://linyi.example.cn/html/2025/news_1030/6638.html"
BODY = ("<div class='content'><p>（测试样例文字）今年以来，全区依托商贸物流产业基础开展精准招商，前三季度新签约项目23个。</p>"
        "<p>（测试样例文字）区里重点引进了一批供应链管理和品牌运营企业，带动传统批发市场转型发展。</p></div>")


def article(h1: str, title: str = "某站") -> dict:
    html = f"<html><head><title>{title}</title></head><body><div id='Article'>{h1}{BODY}</div></body></html>"
    records = parse_page(html.encode(), URL).records
    assert records and records[0]["type"] == "article"
    return records[0]


def test_metadata_under_a_break_inside_the_h1_is_read_as_metadata():
    got = article("<h1>兰山区商贸物流产业招商成效明显<br /><span>2025年10月30日 15:20&nbsp;&nbsp;来源：兰山区商务局"
                  "&nbsp;&nbsp;编辑：刘婷&nbsp;&nbsp;评论：<a href='#comment'>0</a></span></h1>")
    assert (got["title"], got["published"], got["source"], got["author"]) == (
        "兰山区商贸物流产业招商成效明显", "2025-10-30T15:20:00+08:00", "兰山区商务局", "刘婷")


@pytest.mark.parametrize("h1, title", [
    ("<h1>兰山区商贸物流产业<br>招商引资成效明显</h1>", "兰山区商贸物流产业招商引资成效明显"),  # one title on two lines (a break in Chinese text adds no space)
    ("<h1>兰山区商贸物流产业招商成效明显<br><span>前三季度新签约项目23个</span></h1>",
     "兰山区商贸物流产业招商成效明显前三季度新签约项目23个"),  # a second line, not metadata
])
def test_a_headline_broken_over_lines_stays_whole(h1, title):
    got = article(h1 + "<p class='info'>发布时间：2025-10-30　来源：兰山区商务局</p>")
    assert (got["title"], got["published"], got["source"]) == (title, "2025-10-30", "兰山区商务局")
