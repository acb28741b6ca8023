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


def test_a_source_link_followed_by_a_report_link():
    got = article("<h1>航空港区以链招商显成效</h1><div class='post_info'>2025-10-21 10:25:33　来源: "
                  "<a href='https://news.example.cn/'>大河报</a>　<a href='/jubao/'>举报</a></div>")
    assert (got["published"], got["source"]) == ("2025-10-21T10:25:33+08:00", "大河报")


@pytest.mark.parametrize("marked, source", [
    ("<a class='source ent-source' href='https://news.example.cn/'>江西日报</a>", "江西日报"),
    ("<span class='article-source'>赣州晚报</span>", "赣州晚报"),
    ("<span class='source-link'>原文链接</span>", None),  # a box named after sources, not the source
    ("<span class='resource'>资料下载</span>", None),
])
def test_a_source_shown_without_a_label_is_known_by_its_class(marked, source):
    got = article(f"<h1>赣江新区新签约亿元以上项目46个</h1><div class='date-source'><span class='date'>2025年10月22日 09:15</span>"
                  f"{marked}</div>")
    assert (got["published"], got["source"]) == ("2025-10-22T09:15:00+08:00", source)


def test_the_portals_app_and_home_links_at_the_end_of_the_text_are_not_body():
    html = ("<html><head><title>t</title></head><body><h1>赣江新区新签约亿元以上项目46个</h1><p>发布时间：2025-10-22</p>"
            "<div class='article'>" + BODY[len("<div class='content'>"):-len("</div>")] +
            "<p>海量资讯、精准解读，尽在新浪新闻APP</p><p><a href='https://www.example.cn/'>返回搜狐，查看更多</a></p>"
            "<p>返回原籍创业的青年带回了新技术。（测试样例文字）</p></div></body></html>")
    body = parse_page(html.encode(), URL).records[0]["body"].split("\n")
    assert body[2:] == ["返回原籍创业的青年带回了新技术。（测试样例文字）"] and len(body) == 3
