"""Text folding and block-wise text of an element.

Portals indent with U+3000, pad with &nbsp; and break lines inside links, so
every string that reaches a record is folded here first.
"""
from __future__ import annotations

import re
import unicodedata

from lxml import etree

_KEY_DROP = re.compile(r"[\W_]+", re.U)

#: Elements that start a new line of text.
BLOCK_TAGS = frozenset(
    """address article aside blockquote body center dd details dialog dir div dl dt fieldset figcaption
    figure footer form h1 h2 h3 h4 h5 h6 header hr html legend li main nav ol p pre section summary
    table tbody thead tfoot tr td th ul caption""".split()
)
HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
#: List boxes that may hold a list of one entry (<h4>相关文件</h4><ul><li>…</li></ul>).
ONE_ENTRY_BOXES = frozenset({"ul", "ol", "dl"})
BOLD_TAGS = frozenset({"strong", "b"})
#: Tags that end a line or change how its text counts (block_lines).
_LINE_TAGS = BLOCK_TAGS | HEADING_TAGS | BOLD_TAGS | {"br"}
_CELL_TAGS = frozenset({"td", "th"})
#: Opening bracket -> its closing one.
BRACKET_PAIRS = {"[": "]", "【": "】", "(": ")", "（": "）", "〔": "〕", "［": "］"}


_ZERO_WIDTH = ("\u200b", "\u200c", "\u200d", "\ufeff")
#: Everything fold() removes at the ends of a text: str.strip(_BLANK) is
#: empty exactly when the text has no visible character. (All Unicode
#: whitespace lies below U+3001.)
_BLANK = "".join(ch for ch in map(chr, range(0x3001)) if ch.isspace()) + "".join(_ZERO_WIDTH)


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


def raw_text(el) -> str:
    """Unfolded text content of an element (comments and PIs excluded).
    libxml2 concatenates it in C: ~10x faster than joining itertext(); a
    leaf (most links) has only its .text, cheaper still."""
    if not len(el):
        return el.text or ""
    return etree.tostring(el, method="text", encoding=str, with_tail=False)


def element_text(el) -> str:
    """Folded text content of an element (comments and PIs excluded)."""
    return fold(raw_text(el))


def common_ancestor(a, b):
    """The smallest element holding both `a` and `b` (`a` itself when it holds `b`)."""
    ancestors = set(a.iterancestors())
    ancestors.add(a)
    node = b
    while node is not None and node not in ancestors:
        node = node.getparent()
    return node


def links_at_least(el, n: int) -> bool:
    """Whether `el` holds `n` links, without counting all of a long list."""
    for count, _ in enumerate(el.iter("a"), 1):
        if count >= n:
            return True
    return False


def _data_row(tr) -> bool:
    """A row of short cells (a figures table pasted from Word wraps each
    cell's text in a <p>): read as one line. A layout row, whose cell holds
    a whole text, is not."""
    cells = 0
    for cell in tr:
        if cell.tag in _CELL_TAGS:
            cells += 1
            if len(raw_text(cell)) > _MAX_CELL:
                return False
    return cells >= 2


_MAX_CELL = 60


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


def block_lines(root, skip=frozenset()) -> list[Line]:
    """Split an element's text into lines at block elements and <br>.

    Subtrees of the elements in the set `skip` are left out (their tails are
    kept; `root` itself never is). Each line records whether all of its text
    sat inside <strong>/<b> or a heading.
    """
    splitter = _LineSplitter(root, skip)
    splitter.walk(root, False, False)
    splitter.flush()
    return splitter.lines


class _LineSplitter:
    """State of one block_lines walk: the line being built and the lines so
    far. (A class, not closures: a closure that calls itself is a reference
    cycle that would keep the whole tree alive until the next gc.)"""

    __slots__ = ("heading", "lines", "owner", "parts", "plain", "row", "skip")

    def __init__(self, root, skip):
        self.lines: list[Line] = []
        self.parts: list[str] = []  # the line's text pieces ...
        self.plain: list[str] = []  # ... and those outside <strong>/<b>
        self.heading = False
        self.owner = root
        self.skip = skip
        self.row = None  # the data row being read as one line

    def flush(self) -> None:
        parts = self.parts
        if parts:
            text = fold("".join(parts))
            if text:
                # bold: visible characters, none of them outside <strong>/<b>
                bold = not "".join(self.plain).strip(_BLANK)
                self.lines.append(Line(text, self.heading, bold, self.owner))
            parts.clear()
            self.plain.clear()
        self.heading = False

    def walk(self, el, in_bold: bool, in_heading: bool) -> None:
        tag = el.tag
        if tag.__class__ is not str:
            return  # comment / PI: its tail is handled by the parent loop
        if not tag.isascii():  # the parser lower-cases ASCII names only
            tag = tag.lower()
        if tag == "br":
            self.flush()
            return
        is_block = tag in BLOCK_TAGS
        if is_block and tag in _CELL_TAGS:
            # a table row is one line, its cells spaced (序号 项目名称 投资方 …)
            is_block = False
            self.parts.append(" ")
        elif is_block and self.row is not None:
            is_block = False  # a <p> inside a cell of a data row (Word tables): part of the row's line
            self.parts.append(" ")
        in_row = tag == "tr" and self.row is None and _data_row(el)
        if in_row:
            self.flush()
            self.owner = self.row = el
        if is_block:
            self.flush()
            self.owner = el
        if in_heading or tag in HEADING_TAGS:
            in_heading = self.heading = True
        bold = in_bold or tag in BOLD_TAGS
        parts, plain, skip = self.parts, self.plain, self.skip
        text = el.text
        if text:
            parts.append(text)
            if not bold:
                plain.append(text)
        for child in el:
            if child not in skip:
                child_tag = child.tag
                if len(child) or child_tag.__class__ is not str or child_tag in _LINE_TAGS or not child_tag.isascii():
                    self.walk(child, bold, in_heading)
                else:  # an inline leaf (<a>, <span>): its text joins the line, no call needed
                    text = child.text
                    if text:
                        parts.append(text)
                        if not bold:
                            plain.append(text)
            if in_heading:
                self.heading = True
            text = child.tail
            if text:
                parts.append(text)
                if not bold:
                    plain.append(text)
        if in_row:
            self.row = None
            self.flush()
        elif is_block:
            self.flush()
        elif tag in _CELL_TAGS:
            parts.append(" ")
