"""Text folding and block-wise text of an element.

Portals indent with U+3000, pad with &nbsp; and break lines inside links, so
every string that reaches a record is folded here first.
"""
from __future__ import annotations

import re
import unicodedata

_WS = re.compile(r"[\s\u3000\u00a0\u200b\u200c\u200d\ufeff]+")
_KEY_DROP = re.compile(r"[\W_]+", re.U)

#: Elements that start a new line of text.
BLOCK_TAGS = frozenset(
    """address article aside blockquote body center dd details dialog dir div dl dt fieldset figcaption
    figure footer form h1 h2 h3 h4 h5 h6 header hr html legend li main nav ol p pre section summary
    table tbody thead tfoot tr td th ul caption""".split()
)
HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
BOLD_TAGS = frozenset({"strong", "b"})


_ZERO_WIDTH = ("\u200b", "\u200c", "\u200d", "\ufeff")


def fold(text: str | None) -> str:
    """Collapse every run of whitespace (incl. U+3000, NBSP, zero-width) to
    one space and strip."""
    if not text:
        return ""
    # str.split() already treats U+3000 and NBSP as whitespace; it is several
    # times faster than a regex on the hot path.
    if "\u200b" in text or "\ufeff" in text or "\u200c" in text or "\u200d" in text:
        for ch in _ZERO_WIDTH:
            text = text.replace(ch, " ")
    return " ".join(text.split())


def dedup_key(text: str) -> str:
    """Comparison key for repeated paragraphs: NFKC, case-folded, without
    whitespace or punctuation, so copies that differ only there collide."""
    return _KEY_DROP.sub("", unicodedata.normalize("NFKC", text)).casefold()


def tag_of(el) -> str:
    tag = el.tag
    return tag.lower() if isinstance(tag, str) else ""


def element_text(el) -> str:
    """Folded text content of an element (comments and PIs excluded)."""
    return fold("".join(el.itertext()))


class Line:
    """One line of block text: its folded text, and whether it reads as a
    heading (inside h1-h6, or bold-only)."""

    __slots__ = ("text", "heading_tag", "bold", "element")

    def __init__(self, text: str, heading_tag: bool, bold: bool, element):
        self.text = text
        self.heading_tag = heading_tag
        self.bold = bold
        self.element = element

    def __repr__(self) -> str:  # pragma: no cover - debugging aid
        return f"Line({self.text[:30]!r}, h={self.heading_tag}, b={self.bold})"


def block_lines(root, skip=None) -> list[Line]:
    """Split an element's text into lines at block elements and <br>.

    `skip(el) -> bool` prunes subtrees (their tails are kept). Each line
    records whether all of its text sat inside <strong>/<b> or a heading.
    """
    lines: list[Line] = []
    parts: list[str] = []
    bold_chars = 0
    total_chars = 0
    heading = False
    owner = root

    def flush():
        nonlocal parts, bold_chars, total_chars, heading, owner
        text = fold("".join(parts))
        if text:
            lines.append(Line(text, heading, total_chars > 0 and bold_chars >= total_chars, owner))
        parts = []
        bold_chars = total_chars = 0
        heading = False

    def add(text: str | None, in_bold: bool):
        nonlocal bold_chars, total_chars
        if not text:
            return
        parts.append(text)
        n = len(_WS.sub("", text))
        total_chars += n
        if in_bold:
            bold_chars += n

    def walk(el, in_bold: bool, in_heading: bool):
        nonlocal heading, owner
        tag = tag_of(el)
        if not tag:
            return  # comment / PI: its tail is handled by the parent loop
        if tag == "br":
            flush()
            return
        is_block = tag in BLOCK_TAGS
        if is_block:
            flush()
            owner = el
        if tag in HEADING_TAGS:
            in_heading = True
        if in_heading:
            heading = True
        bold = in_bold or tag in BOLD_TAGS
        add(el.text, bold)
        for child in el:
            if skip is None or not skip(child):
                walk(child, bold, in_heading)
            if in_heading:
                heading = True
            add(child.tail, bold)
        if is_block:
            flush()

    walk(root, False, False)
    flush()
    return lines
