"""Bytes -> text: a declared charset is believed only when the bytes agree."""
from __future__ import annotations

import pytest

from scraper.extract import NotHTMLError, decode_html

TEXT = "<html><head><title>徐汇区招商引资</title></head><body><p>镕基产业园 上海市徐汇区人民政府</p></body></html>"
GBK = TEXT.encode("gbk")
META_GB2312 = TEXT.replace("<head>", '<head><meta http-equiv="Content-Type" content="text/html; charset=gb2312">').encode("gbk")
SCRIPT_HEAVY = ("<html><head><script>" + "var a=1;" * 2000 + "</script></head><body><p>苏州工业园区</p></body></html>").encode("gbk")


@pytest.mark.parametrize(
    "body, content_type, expected_encoding",
    [
        (TEXT.encode("utf-8"), None, "utf-8"),
        (TEXT.encode("utf-8"), "text/html; charset=gbk", "utf-8"),  # valid UTF-8 wins over a GBK claim
        (GBK, None, "gb18030"),
        (GBK, "text/html; charset=utf-8", "gb18030"),
        (GBK, "text/html; charset=ISO-8859-1", "gb18030"),
        (META_GB2312, "text/html; charset=utf-8", "gb18030"),
        (SCRIPT_HEAVY, None, "gb18030"),
        (b"\xef\xbb\xbf" + TEXT.encode("utf-8"), "text/html; charset=gbk", "utf-8"),
    ],
)
def test_text_comes_out_right(body, content_type, expected_encoding):
    text, encoding = decode_html(body, content_type)
    assert ("苏州工业园区" in text) or ("徐汇区" in text)
    assert "\ufffd" not in text
    assert encoding == expected_encoding


def test_gb2312_label_reads_gbk_only_characters():
    # 镕 is in GBK but not in GB2312: a strict gb2312 decoder would fail.
    text, encoding = decode_html(META_GB2312)
    assert "镕基产业园" in text and encoding == "gb18030"


@pytest.mark.parametrize(
    "body",
    [b"", b"   \n", b"%PDF-1.7 binary", b"\x89PNG\r\n\x1a\n\x00\x00", b"PK\x03\x04zipdata", b"just some text\x00\x01\x02"],
)
def test_empty_and_binary_input_is_refused(body):
    with pytest.raises(NotHTMLError):
        decode_html(body)


def test_plain_text_is_not_html():
    with pytest.raises(NotHTMLError):
        decode_html("这不是网页，只是一段文字。".encode("utf-8"))


def test_malformed_html_is_fine():
    text, _ = decode_html(b"<div><p>unclosed <b>bold<td>cell")
    assert "unclosed" in text
