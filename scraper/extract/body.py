"""Find the main text of a page on templates never seen before.

Readability-style: every paragraph-like block scores its non-link characters
to itself, its parent and (halved) its grandparent; the best container, scaled
by its link density, wins, and siblings that score comparably join it (pages
that split or repeat the body across sibling containers). No class names.
"""
from __future__ import annotations

from .text import BLOCK_TAGS, Line, block_lines, dedup_key, element_text
from .vocab import BOILERPLATE_LINE_RE, HEADING_PATTERN_RE, SENTENCE_END, SUMMARY_LINE_RE

_PARAGRAPH_TAGS = frozenset({"p", "pre", "blockquote", "td", "dd", "li", "div", "section", "article", "font", "span", "center", "th"})
_CONTAINER_TAGS = frozenset({"div", "section", "article", "td", "main", "dd", "blockquote", "center", "font", "body", "form", "span"})
_PRUNE_TAGS = frozenset({"ul", "ol", "div", "table", "nav", "p", "dl", "section", "aside", "header", "footer", "tr", "td"})
_MIN_PARAGRAPH = 5
_MIN_BODY_SCORE = 20


class TextStats:
    """Characters of text under each element, how many sit inside links, and
    the element's own text (outside its block children), computed once
    bottom-up and iteratively: deep pages must not hit the recursion limit."""

    def __init__(self, root):
        total_of: dict = {}
        links_of: dict = {}
        own_of: dict = {}
        own_links_of: dict = {}
        anchors_of: dict = {}
        block = BLOCK_TAGS
        elements = [el for el in root.iter() if isinstance(el.tag, str)]
        for el in reversed(elements):
            text = el.text
            total = own = len(text.strip()) if text else 0
            links = own_links = anchors = 0
            for child in el:
                tail = child.tail
                if tail:
                    n = len(tail.strip())
                    total += n
                    own += n
                ctotal = total_of.get(child)
                if ctotal is None:  # a comment or PI left by a custom parser
                    continue
                total += ctotal
                anchors += anchors_of[child]
                links += links_of[child]
                if child.tag not in block:
                    own += own_of[child]
                    own_links += own_links_of[child]
            if el.tag == "a":
                links = total
                own_links = own
                anchors += 1
            total_of[el] = total
            links_of[el] = links
            own_of[el] = own
            own_links_of[el] = own_links
            anchors_of[el] = anchors
        self.total = total_of
        self.links = links_of
        self.own = own_of
        self.own_links = own_links_of
        self.anchors = anchors_of  # <a> elements in the subtree, the element itself included

    def density(self, el) -> float:
        total = self.total.get(el, 0)
        return self.links.get(el, 0) / total if total else 0.0


def _clen(text: str | None) -> int:
    """Length without surrounding whitespace (indentation between tags)."""
    return len(text.strip()) if text else 0


def find_body_containers(root, stats: TextStats, excluded: set) -> list:
    """The container(s) holding the main text, in document order; [] when the
    page has no running text (a listing, a form, a bare table of links)."""
    inside: set = set()
    for el in excluded:
        inside.update(el.iter())
    scores: dict = {}
    for el in root.iter():
        if not isinstance(el.tag, str) or el.tag not in _PARAGRAPH_TAGS or el in inside:
            continue
        own = stats.own.get(el, 0)
        own_links = stats.own_links.get(el, 0)
        text = own - own_links
        if text < _MIN_PARAGRAPH or own_links * 2 > own:
            continue
        if el.tag in _CONTAINER_TAGS:
            scores[el] = scores.get(el, 0.0) + text
        parent = el.getparent()
        if parent is not None:
            scores[parent] = scores.get(parent, 0.0) + text
            grand = parent.getparent()
            if grand is not None:
                scores[grand] = scores.get(grand, 0.0) + text * 0.5
    best, best_score = None, 0.0
    for el, score in scores.items():
        if el in inside or el.tag == "html":
            continue
        final = score * (1.0 - stats.density(el))
        if final > best_score:
            best, best_score = el, final
    if best is None or best_score < _MIN_BODY_SCORE:
        return []
    if best.tag in ("p", "li", "span", "font") and best.getparent() is not None:
        best = best.getparent()
    parent = best.getparent()
    if parent is None:
        return [best]
    chosen = []
    threshold = max(0.2 * best_score, _MIN_BODY_SCORE)
    for sibling in parent:
        if sibling is best:
            chosen.append(sibling)
            continue
        if not isinstance(sibling.tag, str) or sibling in inside or sibling.tag != best.tag:
            continue
        score = scores.get(sibling, 0.0) * (1.0 - stats.density(sibling))
        if score >= threshold and stats.density(sibling) < 0.3:
            chosen.append(sibling)
    return chosen


def body_lines(containers, stats: TextStats, excluded: set) -> list[Line]:
    """Lines of the body containers without link blocks, excluded subtrees
    (lists, title, metadata) and toolbar lines."""

    def skip(el) -> bool:
        if el in excluded:
            return True
        if el.tag in _PRUNE_TAGS and stats.links.get(el, 0) >= 8 and stats.density(el) > 0.5:
            return True
        return False

    lines: list[Line] = []
    for container in containers:
        for line in block_lines(container, skip):
            if BOILERPLATE_LINE_RE.match(line.text) or SUMMARY_LINE_RE.match(line.text):
                continue
            lines.append(line)
    return lines


def is_heading(line: Line) -> bool:
    """A section heading: h2-h4, a bold-only line, or 一、/（一）/第一章, short
    and not a sentence."""
    text = line.text
    if len(text) > 50 or text.endswith(SENTENCE_END):
        return False
    if line.heading_tag or line.bold:
        return True
    return bool(HEADING_PATTERN_RE.match(text)) and len(text) <= 40


def copies_elsewhere(root, containers, body_keys: set, excluded: set) -> int:
    """Paragraphs of the body rendered again outside its containers: a whole
    second copy (a visible 打印版 block far from the text) counts, one
    repeated lead in a 摘要 box does not. A block is a copy when it has at
    least 3 paragraphs, most of them body paragraphs, covering at least half
    of the body. Returns how many of its paragraphs repeat the body."""
    if len(body_keys) < 3:
        return 0
    skip: set = set()
    for el in (*containers, *excluded):
        skip.update(el.iter())
    by_parent: dict = {}
    for p in root.iter("p"):
        if p in skip:
            continue
        key = dedup_key(element_text(p))
        if key:
            by_parent.setdefault(p.getparent(), []).append(key)
    repeated = 0
    for keys in by_parent.values():
        hits = sum(1 for key in keys if key in body_keys)
        if len(keys) >= 3 and hits * 5 >= len(keys) * 3 and hits * 2 >= len(body_keys):
            repeated += hits
    return repeated
