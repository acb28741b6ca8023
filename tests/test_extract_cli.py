"""`python -m scraper extract`: JSON Lines out, one-line errors, exit codes."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from helpers import FIXTURES_010B, comparable, read_jsonl

ROOT = Path(__file__).resolve().parents[1]


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "scraper", "extract", *args], cwd=ROOT,
                          capture_output=True, text=True, encoding="utf-8", timeout=120)


def test_prints_the_page_records_in_order():
    page = FIXTURES_010B / "010b-zhengce-2946.gbk.html"
    result = run(str(page), "--url", "https://shanghai.010b.com/zhengce/detail/2946.html")
    assert result.returncode == 0, result.stderr
    got = [comparable(json.loads(line)) for line in result.stdout.splitlines()]
    assert got == [comparable(r) for r in read_jsonl(FIXTURES_010B / "010b-zhengce-2946.expected.jsonl")]
    assert "\\u" not in result.stdout  # UTF-8, not ASCII-escaped


def test_file_url_without_url_option_resolves_against_the_file():
    page = FIXTURES_010B / "010b-yuanqu-1051.html"
    result = run(page.resolve().as_uri())
    assert result.returncode == 0, result.stderr
    first = json.loads(result.stdout.splitlines()[0])
    assert first["source_url"].startswith("file://")
    assert first["type"] == "park" and first["title"] == "易园徐汇创意园"


def test_missing_file_is_one_line_error(tmp_path):
    result = run(str(tmp_path / "nope.html"))
    assert result.returncode != 0
    assert result.stdout == ""
    assert len(result.stderr.strip().splitlines()) == 1 and "no such file" in result.stderr
    assert "Traceback" not in result.stderr


def test_binary_and_empty_files_are_refused_but_others_still_extracted(tmp_path):
    binary = tmp_path / "logo.png"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    empty = tmp_path / "empty.html"
    empty.write_bytes(b"")
    good = FIXTURES_010B / "010b-yuanqu-1051.html"
    result = run(str(binary), str(empty), str(good))
    assert result.returncode != 0
    errors = result.stderr.strip().splitlines()
    assert len(errors) == 2 and all(e.startswith("error: ") for e in errors)
    assert len(result.stdout.splitlines()) == 6  # the park page still came out


def test_malformed_html_is_not_an_error(tmp_path):
    page = tmp_path / "broken.html"
    page.write_text("<html><body><h1>残缺页面标题测试<div><p>第一段没有闭合<p>第二段", encoding="utf-8")
    result = run(str(page))
    assert result.returncode == 0, result.stderr


def test_url_option_with_several_pages_is_refused():
    result = run(str(FIXTURES_010B / "010b-yuanqu-1051.html"), str(FIXTURES_010B / "010b-article-126590.html"), "--url", "https://x.cn/")
    assert result.returncode == 2 and "--url" in result.stderr
