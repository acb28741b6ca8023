"""Traditional-character pages are read as simplified and shown as written."""
from __future__ import annotations

from scraper.extract.hanzi import restore_record, simplify

TRADITIONAL = "發布時間：2025-09-12　來源：蘇州市投資促進委員會　所屬地區：江蘇省蘇州市吳中區　項目名稱：醫療器械產業園項目" * 2


def test_a_simplified_page_is_left_alone_even_with_a_fantizi_link():
    text = "<a href='/big5/'>繁體</a>" + "发布时间：2025-09-12 来源：苏州市投资促进委员会 所属地区：江苏省苏州市吴中区" * 3
    assert simplify(text) == (text, None)


def test_a_traditional_page_is_analysed_in_simplified_characters():
    simplified, shown = simplify(TRADITIONAL)
    assert simplified.startswith("发布时间：2025-09-12　来源：苏州市投资促进委员会　所属地区：江苏省苏州市吴中区")
    assert len(simplified) == len(TRADITIONAL)  # aligned character for character
    assert shown("江苏省苏州市吴中区") == "江蘇省蘇州市吳中區"


def test_record_text_goes_back_to_the_page_characters_but_table_names_stay():
    simplified, shown = simplify(TRADITIONAL)
    record = {
        "type": "project", "url": "https://x.cn/1.html", "title": "医疗器械产业园项目",
        "region": {"raw": "江苏省苏州市吴中区", "province": "江苏省", "city": "苏州市", "district": "吴中区", "code": "320506"},
        "fields": {"项目名称": "医疗器械产业园项目", "来源": None},
        "body": "来源：苏州市投资促进委员会\n所属地区：江苏省苏州市吴中区",
    }
    restore_record(record, shown)
    assert record["title"] == "醫療器械產業園項目"
    assert record["region"] == {"raw": "江蘇省蘇州市吳中區", "province": "江苏省", "city": "苏州市",
                                "district": "吴中区", "code": "320506"}
    assert record["fields"] == {"項目名稱": "醫療器械產業園項目", "來源": None}
    assert record["body"] == "來源：蘇州市投資促進委員會\n所屬地區：江蘇省蘇州市吳中區"
    assert record["url"] == "https://x.cn/1.html"


def test_a_character_shown_in_both_forms_is_restored_where_the_span_is_found():
    text = TRADITIONAL + "建設週期36個月，周邊配套完善。"
    _, shown = simplify(text)
    assert shown("建设周期36个月") == "建設週期36個月"  # found as it is: the page's own span
    assert shown("周边配套完善") == "周邊配套完善"


def test_urls_keep_their_characters():
    page = "<html><body><a href='/園區/蘇州.html'>" + TRADITIONAL + "</a></body></html>"
    simplified, _ = simplify(page)
    assert "href='/園區/蘇州.html'" in simplified
    assert "发布时间" in simplified
