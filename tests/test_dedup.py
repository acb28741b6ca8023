"""Dedup of repeated paragraphs: properties that must hold for any input."""
from __future__ import annotations

from hypothesis import given, strategies as st

from scraper.extract.sections import dedup_texts
from scraper.extract.text import dedup_key

paragraph = st.text(alphabet=st.sampled_from(list("产业园区招商政策项目，。、 \u3000,.ab1")), min_size=0, max_size=12)
paragraphs = st.lists(paragraph, max_size=30)


@given(paragraphs)
def test_idempotent(texts):
    once, _ = dedup_texts(texts)
    twice, removed = dedup_texts(once)
    assert twice == once and removed == 0


@given(paragraphs)
def test_order_preserving_subsequence(texts):
    kept, removed = dedup_texts(texts)
    it = iter(texts)
    assert all(any(k is t for t in it) for k in kept)
    assert removed == len(texts) - len(kept)


@given(paragraphs)
def test_nothing_unique_is_lost(texts):
    kept, _ = dedup_texts(texts)
    kept_keys = {dedup_key(t) for t in kept}
    assert {dedup_key(t) for t in texts} == kept_keys
    # and no two kept paragraphs share a non-empty key
    keys = [dedup_key(t) for t in kept if dedup_key(t)]
    assert len(keys) == len(set(keys))


def test_copies_differing_in_whitespace_and_punctuation_collide():
    texts = ["\u3000\u3000徐汇区，正积极探索。", "徐汇区,正积极探索.", "徐汇区正积极探索", "另一段"]
    assert dedup_texts(texts) == (["\u3000\u3000徐汇区，正积极探索。", "另一段"], 2)


def test_first_copy_is_kept():
    assert dedup_texts(["甲", "乙", "甲", "丙", "乙"]) == (["甲", "乙", "丙"], 2)
