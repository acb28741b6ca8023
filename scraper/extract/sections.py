"""Repeated paragraphs out, sections in.

Portals render the body twice (the tail after the lead again, a hidden
mobile copy, a summary box repeating the lead). A paragraph is a repeat when
its text without whitespace and punctuation, NFKC-folded, was already seen;
the first copy is kept. Idempotent, order-preserving, and a paragraph that
occurs once is never dropped.
"""
from __future__ import annotations

from typing import Callable, Sequence, TypeVar

from .body import is_heading
from .text import Line, dedup_key

T = TypeVar("T")


def _dedup(items: Sequence[T], text_of: Callable[[T], str]) -> tuple[list[T], int]:
    seen: set[str] = set()
    kept: list[T] = []
    for item in items:
        key = dedup_key(text_of(item))
        if key and key in seen:
            continue
        seen.add(key)
        kept.append(item)
    return kept, len(items) - len(kept)


def dedup_texts(texts: Sequence[str]) -> tuple[list[str], int]:
    """(texts without repeats, number dropped). Texts with an empty key
    (pure punctuation) are kept: they cannot be told apart."""
    return _dedup(texts, lambda text: text)


def dedup_lines(lines: Sequence[Line]) -> tuple[list[Line], int]:
    """dedup_texts for body lines (their heading flags travel with them)."""
    return _dedup(lines, lambda line: line.text)


def split_sections(lines: Sequence[Line]) -> list[dict]:
    """Sections at headings; the lead before the first heading has heading
    None (and is omitted when empty)."""
    sections: list[dict] = []
    current = {"heading": None, "paragraphs": []}
    for line in lines:
        if is_heading(line):
            if current["heading"] is not None or current["paragraphs"]:
                sections.append(current)
            current = {"heading": line.text, "paragraphs": []}
        else:
            current["paragraphs"].append(line.text)
    if current["heading"] is not None or current["paragraphs"]:
        sections.append(current)
    return sections
