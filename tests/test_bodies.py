"""Body text of article pages in the templates of real Chinese news and
government sites (tests/bodies/, labelled by hand): character 4-gram F1
against the labelled body, the measure of the public benchmark."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))

from body_eval import load_cases, ours, prf  # noqa: E402

CASES = load_cases([])


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_body_matches_the_labelled_text(case):
    body, kind = ours(case["bytes"], case["url"], case["content_type"])
    precision, recall, f1 = prf(body, case["gold"])
    assert kind in ("article", "policy"), kind  # gov.cn-style documents with 发文机关 tables are policies
    assert f1 >= 0.9, f"P={precision:.3f} R={recall:.3f}"


def test_prf_is_not_trivially_high():
    gold = "区域经济统计监测报告显示，徐汇文创产业总产出达到千亿级规模。"
    assert prf(gold, gold)[2] == 1.0
    assert prf("完全不同的一段文字内容，与正文无关。", gold)[2] < 0.1
    assert prf("", gold) == (0.0, 0.0, 0.0)
