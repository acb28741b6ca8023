"""Find the main text of a page on templates never seen before.

Readability-style: every paragraph-like block scores its non-link characters
to itself, its parent and (halved) its grandparent; the best container, scaled
by its link density, wins, and siblings that score comparably join it (pages
that split or repeat the body across sibling containers). No class names.
"""
from __future__ import annotations

import re
from bisect import bisect_right

from .fields import is_metadata_line
from .text import BLOCK_TAGS, ONE_ENTRY_BOXES, Line, block_lines, common_ancestor, dedup_key, element_text
from .vocab import (
    AD_MARK_RE, BOILERPLATE_LINE_RE, CTA_RE, CTA_TEXTS, HEADING_PATTERN_RE, MORE_POSTS_RE, SENTENCE_END, SUMMARY_LINE_RE,
)

_PARAGRAPH_TAGS = frozenset({"p", "pre", "blockquote", "td", "dd", "li", "div", "section", "article", "font", "span", "center", "th"})
_CONTAINER_TAGS = frozenset({"div", "section", "article", "td", "main", "dd", "blockquote", "center", "font", "body", "form", "span"})
_PRUNE_TAGS = frozenset({"ul", "ol", "div", "table", "nav", "p", "dl", "section", "aside", "header", "footer", "tr", "td"})
_MIN_PARAGRAPH = 5
_MIN_BODY_SCORE = 20
#: A box beside the text joins it with a sentence or two of its own, not a subtitle.
_MIN_SIBLING_SCORE = 30


class TextStats:
    """Characters of text under each element and how many sit inside links,
    computed once bottom-up and iteratively: deep pages must not hit the
    recursion limit. An element's own text (outside its block children)
    only matters for paragraphs, so only they keep it.

    Also each element's position in document order, so that "is x inside
    subtree y" is two integer comparisons instead of a set of y's subtree."""

    def __init__(self, root):
        total_of: dict = {}
        links_of: dict = {}
        anchors_of: dict = {}
        linked: list = []
        paragraphs: list = []
        link_blocks: set = set()
        block, paragraph_tags, prune_tags = BLOCK_TAGS, _PARAGRAPH_TAGS, _PRUNE_TAGS
        nodes = list(root.iter())
        # In reverse document order an element's children come just before
        # it, so their sums are the top len(el) entries of a stack: each node
        # is touched once, with no parent lookups. An entry is what a child
        # adds to its parent: (total, links, own, own links, anchors), its
        # tail included.
        stack: list = []
        push, pop = stack.append, stack.pop
        for el in reversed(nodes):
            tag = el.tag
            tail = el.tail
            n = len(tail.strip()) if tail else 0
            if tag.__class__ is not str:  # a comment or PI left by another parser: only its tail counts
                push((n, 0, n, 0, 0))
                continue
            text = el.text
            total = own = len(text.strip()) if text else 0
            links = own_links = anchors = 0
            children = len(el)
            while children:
                child_total, child_links, child_own, child_own_links, child_anchors = pop()
                total += child_total
                links += child_links
                own += child_own
                own_links += child_own_links
                anchors += child_anchors
                children -= 1
            if tag == "a":
                links = total
                own_links = own
                anchors += 1
            total_of[el] = total
            links_of[el] = links
            anchors_of[el] = anchors
            if anchors >= 2 or (anchors and tag in ONE_ENTRY_BOXES):
                linked.append(el)
            # links / total > 0.5, exactly, in integers
            if links >= 8 and tag in prune_tags and links * 2 > total:
                link_blocks.add(el)
            if tag in paragraph_tags and own - own_links >= _MIN_PARAGRAPH and own_links * 2 <= own:
                paragraphs.append((el, own - own_links))
            if tag in block:  # a block child's text is not its parent's own text
                push((total + n, links, n, 0, anchors))
            else:
                push((total + n, links, own + n, own_links, anchors))
        elements = [el for el in nodes if el.tag.__class__ is str] if len(total_of) < len(nodes) else nodes
        self.total = total_of
        self.links = links_of
        self.anchors = anchors_of  # <a> elements in the subtree, the element itself included
        self.elements = elements  # document order
        self.index = dict(zip(elements, range(len(elements))))
        #: Elements holding two or more links (or list boxes with one),
        #: children before parents: the only places a list can be.
        self.linked = linked
        #: (element, characters of own text outside links) of paragraph-like
        #: elements with enough such text, mostly not links, in document
        #: order: what body scoring counts.
        paragraphs.reverse()
        self.paragraphs = paragraphs
        #: Blocks (nav bars, link lists) with 8+ links making up most of
        #: their text: never body text.
        self.link_blocks = link_blocks

    def density(self, el) -> float:
        total = self.total.get(el, 0)
        return self.links.get(el, 0) / total if total else 0.0

    def span(self, el) -> tuple[int, int]:
        """[start, stop) of `el`'s subtree in document order."""
        index = self.index
        start = index[el]
        node = el
        while node is not None:
            after = node.getnext()
            while after is not None and after.tag.__class__ is not str:  # pragma: no cover - comment
                after = after.getnext()
            if after is not None:
                # a sibling of the root itself (a second <html> a broken page
                # left after the first) is not in the tree that was indexed
                stop = index.get(after)
                return start, stop if stop is not None else len(self.elements)
            node = node.getparent()
        return start, len(self.elements)

    def cover(self, roots=(), spans=()) -> Cover:
        """The elements inside any subtree of `roots`, or any `spans`."""
        index = self.index
        return Cover(index, [self.span(el) for el in roots if el in index] + list(spans))


class Cover:
    """Membership in a union of subtrees, by document position: cheaper than
    a set of every element in them, which big lists would make large."""

    __slots__ = ("_index", "_starts", "_stops")

    def __init__(self, index: dict, spans: list):
        starts: list = []
        stops: list = []
        for start, stop in sorted(spans):
            if stops and start < stops[-1]:  # nested or overlapping: merge
                stops[-1] = max(stops[-1], stop)
            elif start < stop:
                starts.append(start)
                stops.append(stop)
        self._index = index
        self._starts = starts
        self._stops = stops

    def __contains__(self, el) -> bool:
        i = self._index.get(el)
        if i is None:
            return False
        k = bisect_right(self._starts, i) - 1
        return k >= 0 and i < self._stops[k]


def _clen(text: str | None) -> int:
    """Length without surrounding whitespace (indentation between tags)."""
    return len(text.strip()) if text else 0


def find_body_containers(root, stats: TextStats, excluded: set, title=None) -> list:
    """The container(s) holding the main text, in document order; [] when the
    page has no running text (a listing, a form, a bare table of links).
    `title`, the headline's element, if known."""
    inside = stats.cover(excluded)
    scores: dict = {}
    for el, text in stats.paragraphs:
        if el in inside:
            continue
        if el.tag in _CONTAINER_TAGS:
            scores[el] = scores.get(el, 0.0) + text
        parent = el.getparent()
        if parent is not None:
            scores[parent] = scores.get(parent, 0.0) + text
            grand = parent.getparent()
            if grand is not None:
                scores[grand] = scores.get(grand, 0.0) + text * 0.5
    best, best_score = _best_box(scores, stats, inside)
    if best is not None and in_footer(best):
        # the footer's 本站信息仅供参考 and Copyright lines outscore a text split over small boxes
        # (项目简介 | 建设条件 | …); a text that comes near is the text (a listing has none: the footer stays)
        other, other_score = _best_box({el: sc for el, sc in scores.items()
                                        if not in_footer(el) and not _nested(el, best)}, stats, inside)
        if other is not None and (other_score * 2 >= best_score or _alike_boxes_score(other, scores, stats) * 2 >= best_score):
            best, best_score = other, other_score
    comments = _comments_box(best) if best is not None else None
    if comments is not None:
        # 网友评论 共24条评论 over the list of them: readers' comments outscore a short text; they are never it
        other, other_score = _best_box({el: sc for el, sc in scores.items() if not _nested(el, comments)}, stats, inside)
        if other is not None:
            best, best_score = other, other_score
    if best is not None and title is not None:
        best, best_score = _under_title(best, best_score, scores, stats, inside, title)
    if best is None or best_score < _MIN_BODY_SCORE:
        return []
    if best.tag in ("p", "li", "span", "font") and best.getparent() is not None:
        best = best.getparent()
    best = _whole_text_box(best, stats, inside)
    parent = best.getparent()
    if parent is None:
        return [best]
    chosen = []
    threshold = max(0.2 * best_score, _MIN_SIBLING_SCORE)
    for sibling in parent:
        if sibling is best:
            chosen.append(sibling)
            continue
        if not isinstance(sibling.tag, str) or sibling in inside or sibling.tag != best.tag:
            continue
        score = scores.get(sibling, 0.0) * (1.0 - stats.density(sibling))
        if title is not None and any(up is sibling for up in title.iterancestors()):
            continue  # the headline's box (its h1 and meta lines) is no more of the text
        if score >= threshold and stats.density(sibling) < 0.3 and not _meta_box(sibling) and not in_footer(sibling) \
                and not _COMMENTS_HEAD.match(element_text(sibling)) \
                and not (not chosen and _summary_box(sibling, best)):
            chosen.append(sibling)
    if len(chosen) == 1:
        chosen = _cousin_boxes(best, scores, stats, inside, threshold) or chosen
    if chosen[0].getparent() is parent:
        return _split_text(chosen, chosen[0], stats, inside, title)
    box = chosen[0].getparent()  # cousins: the parts of boxes alike, in the list of those boxes
    return _split_text(chosen, box.getparent(), stats, inside, title) if box is not None and box.getparent() is not None \
        else chosen


def _split_text(chosen: list, anchor, stats: TextStats, inside, title) -> list:
    """A text split over boxes of the same column: a box of pictures and their
    captions between two parts of it (a gallery), and before it (before
    `anchor`, its first box or the list of its boxes), right under the
    headline, a lead paragraph in a box of its own (an interview's intro, a
    press conference's opening) or the picture over the text. A box that says
    again what the text says (an unmarked summary) is not more of it."""
    first, last = stats.index[chosen[0]], stats.index[chosen[-1]]
    picked = set(chosen)
    if anchor is chosen[0]:
        for sibling in anchor.getparent():
            if sibling not in picked and isinstance(sibling.tag, str) and first < stats.index.get(sibling, -1) < last \
                    and sibling not in inside and _picture_box(sibling, stats):
                picked.add(sibling)
    title_at = stats.index.get(title, -1) if title is not None else -1
    before, lead = [], False
    while anchor.getprevious() is None and anchor.getparent() is not None \
            and anchor.getparent().tag not in ("body", "html") and anchor.getparent() not in inside:
        anchor = anchor.getparent()  # (<div id="live"><ul>…: the wrapper's place in the column)
    node = anchor.getprevious()
    while node is not None and stats.index.get(node, -1) > title_at:
        if not isinstance(node.tag, str) or not stats.total.get(node, 0) and node.find(".//img") is None:
            node = node.getprevious()  # (a spacer, a comment)
            continue
        if node in inside or in_footer(node):
            break
        if _picture_box(node, stats) or _caption_under_picture(node, stats):
            before.append(node)
        elif not lead and _lead_box(node, anchor, stats):
            before.append(node)
            lead = True
        else:
            break
        node = node.getprevious()
    if lead:
        picked.update(before)
    else:
        # a picture right over the text, its caption under it
        for node in before:
            if node is not anchor.getprevious():
                break
            picked.add(node)
    return sorted(picked, key=stats.index.get) if len(picked) > len(chosen) else chosen


def _picture_box(el, stats: TextStats) -> bool:
    """Pictures and their short captions, no links to speak of."""
    if el.tag in ("a", "ul", "ol", "table", "form", "nav", "header") or el.find(".//img") is None \
            or stats.density(el) > 0.3 or next(el.iter("h1", "h2", "h3", "h4"), None) is not None \
            or _PROFILE_BOX.search(f"{el.get('class') or ''} {el.get('id') or ''}"):
        return False  # (a phone layout's header: logo, headline and date line; an account's card)
    lines = [line.text for line in block_lines(el, set())]
    return len(lines) <= 8 and all(len(text) <= 60 and not is_metadata_line(text) and not _CARD_WORDS.search(text)
                                   for text in lines)


def _caption_under_picture(el, stats: TextStats) -> bool:
    """<p><img></p><p>与会专家学者在开幕式上聆听主旨报告。</p>: a short line right under a
    block that holds a picture and no text."""
    picture = el.getprevious()
    while picture is not None and not isinstance(picture.tag, str):
        picture = picture.getprevious()
    if picture is None or picture.find(".//img") is None and picture.tag != "img" or stats.total.get(picture, 0) \
            or stats.links.get(el, 0):
        return False
    lines = [line.text for line in block_lines(el, set())]
    return len(lines) == 1 and len(lines[0]) <= 60 and not is_metadata_line(lines[0]) and not _CARD_WORDS.search(lines[0])


#: An author's or an account's card beside the text (avatar, name, time, 关注), not a picture of it.
_PROFILE_BOX = re.compile(r"author|avatar|account|profile|user|logo|media-?info", re.I)
_CARD_WORDS = re.compile(r"\d{1,2}:\d{2}|关注|粉丝|官方(?:帐|账)号")


def _lead_box(el, text_box, stats: TextStats) -> bool:
    """One or two paragraphs of sentences, no links, no 摘要 mark, not a repeat
    of the text's opening."""
    lines = [line.text for line in block_lines(el, set())]
    if not 1 <= len(lines) <= 2 or stats.density(el) > 0.1 or sum(map(len, lines)) < _MIN_LEAD \
            or _MACHINE_SUMMARY.search(lines[0][:12]) or _MACHINE_SUMMARY.search(lines[-1][-16:]) \
            or not any(mark in text for text in lines for mark in "。！？") or _meta_box(el) \
            or any(SUMMARY_LINE_RE.match(text) or is_metadata_line(text) for text in lines):
        return False
    return not _says_again(" ".join(lines), text_box)


def _summary_box(el, text_box) -> bool:
    """A paragraph in a box of its own before the text, saying its opening
    again in other words (a preview of whole paragraphs is a copy, counted
    as one)."""
    lines = [line.text for line in block_lines(el, set())]
    return len(lines) == 1 and _says_again(lines[0], text_box) \
        and dedup_key(lines[0]) not in {dedup_key(line.text) for line in block_lines(text_box, set())}


def _says_again(text: str, text_box) -> bool:
    """Most of `text` is in the opening of the text box (a summary of its lead)."""
    opening = dedup_key(element_text(text_box)[:600])
    key = dedup_key(text)
    grams = {key[i:i + 4] for i in range(len(key) - 3)}
    return bool(grams) and sum(1 for g in grams if g in opening) >= 0.5 * len(grams)


#: Characters a lead box's paragraph has at least: a sentence, not a subtitle.
_MIN_LEAD = 40
#: AI摘要：…, 每经AI快讯…, …（内容由AI生成）: a machine's summary of the text.
_MACHINE_SUMMARY = re.compile(r"AI|人工智能生成|智能摘要")


def _alike_boxes_score(box, scores: dict, stats: TextStats) -> float:
    """The score of `box` and its siblings of the same make (<h4>项目概况</h4><div class="txt">…
    <h4>市场前景</h4><div class="txt">…): a text split over small titled boxes."""
    best = 0.0
    for parent, key in ((box.getparent(), (box.tag, box.get("class"))), *(
            (box, (child.tag, child.get("class"))) for child in box if isinstance(child.tag, str))):
        if parent is not None:
            # (the boxes alike beside `box`, or inside it)
            best = max(best, sum(scores.get(sibling, 0.0) * (1.0 - stats.density(sibling))
                                 for sibling in parent if (sibling.tag, sibling.get("class")) == key))
    return best


def _under_title(best, best_score: float, scores: dict, stats: TextStats, inside, title) -> tuple:
    """A text that starts right under the headline (past a meta line, a
    summary, a share bar), before the best box, and comes near its score is
    the text when the best box stands outside the column the two share: a
    column of sentences beside the article (a 7×24 news feed, a leader's
    biography) can outscore a short one."""
    at = stats.index.get(title)
    index = stats.index
    if at is None or index.get(best, -1) <= at:
        return best, best_score
    # characters of paragraph text after the headline, before each position (prefix sums)
    starts, sums, total = [], [], 0.0
    for el, n in stats.paragraphs:
        i = index.get(el, -1)
        if i > at and el not in inside:
            total += n
            starts.append(i)
            sums.append(total)

    def lead(i: int) -> float:
        k = bisect_right(starts, i - 1)
        return sums[k - 1] if k else 0.0

    limit = index[best]
    near = [(score * (1.0 - stats.density(el)), el) for el, score in scores.items()
            if at < index.get(el, -1) < limit and el not in inside and not _nested(el, best)
            and lead(index[el]) <= _MAX_LEAD_TEXT]
    near = [(score, el) for score, el in near if score >= best_score * _NEAR_TITLE_SHARE and not in_footer(el)]
    if not near:
        return best, best_score
    # (a row and its one cell score alike: the cell, as the best box would be)
    score, el = max(near, key=lambda pair: (pair[0], index[pair[1]]))
    column = common_ancestor(title, el)
    if column is not None and any(up is column for up in best.iterancestors()):
        return best, best_score  # the best box is further down the same column: more of the text, or its copy
    return el, score


#: Paragraph text between a headline and its article's box (a meta line, a
#: summary); the share of the best score a box right under it must reach.
_MAX_LEAD_TEXT = 300
_NEAR_TITLE_SHARE = 0.6


def _best_box(scores: dict, stats: TextStats, inside) -> tuple:
    best, best_score = None, 0.0
    index = stats.index
    for el, score in scores.items():
        if el in inside or el.tag == "html":
            continue
        final = score * (1.0 - stats.density(el))
        if final > best_score:
            if best is not None and final < best_score * _LATER_COPY_MARGIN and index.get(el, 0) > index.get(best, 0) \
                    and not _nested(el, best):
                # a second copy further down (a print view with ASCII commas) scores a
                # little more for its wider punctuation: the text shown first is the text
                continue
            best, best_score = el, final
    return best, best_score


_FOOTER = re.compile(r"(?:^|[\s_-])(?:footer|foot|copyright)(?:$|[\s_-])", re.I)  # (<div class="lw-foot">)


def in_footer(el) -> bool:
    """Inside the page's footer (<footer>, <div class="footer">, or a short box
    that states the site's copyright or ICP licence): its 本站信息仅供参考 and
    Copyright lines are sentences too, but never the text."""
    for node in (el, *el.iterancestors()):
        if node.tag == "footer" or _FOOTER.search(f"{node.get('class') or ''} {node.get('id') or ''}"):
            return True
    text = element_text(el)
    return len(text) <= _MAX_FOOTER_TEXT and _COPYRIGHT.search(text) is not None


_COPYRIGHT = re.compile(r"Copyright|©|版权所有|ICP备|ICP证|公网安备", re.I)
_MAX_FOOTER_TEXT = 400


#: 评论 (3) 写评论…, 网友留言, 热门跟帖, 网友评论 已有 5 条评论: readers' comments under the text, sentences
#: with names and times, never more of it.
_COMMENTS_HEAD = re.compile(r"^\s*(?:网友|读者|用户|热门|最新|全部|精彩|相关)?(?:评论|留言|跟帖|跟贴|回复|讨论)(?:区|列表)?\s*"
                            r"(?:[(（]\s*\d+\s*[)）]|\d+\s*条)?\s*(?:[（(【\[]|写评论|发表|我要|共|已有|$|\S{0,6}\d{4}-\d{2}-\d{2})")


def _comments_box(el):
    """The box of readers' comments `el` is, or is the list of (its heading says 评论 …), or None."""
    node = el
    for _ in range(3):
        if node is None or node.tag in ("body", "html"):
            return None
        if _COMMENTS_HEAD.match(element_text(node)):
            return node
        node = node.getparent()
    return None


def _meta_box(el) -> bool:
    """A short box beside a short text, with no sentence in it: its date or
    byline line (<div><span>王磊</span> · 2025/10/22 16:40</div>), not more
    of the text."""
    text = element_text(el)
    return len(text) <= 60 and (is_metadata_line(text) or not any(ch in text for ch in "。！？!?；;"))


def _cousin_boxes(best, scores: dict, stats: TextStats, inside, threshold: float) -> list:
    """Text split over titled boxes (<div.card><div.head>项目简介</div><div.body>…</div></div>
    then the same for 投资效益): the text part of each box alike in markup that
    scores comparably joins. Alike = same tag and first class for the box and
    same tag and class for the part, so a sidebar box of another make never
    does; a box of a title and paragraphs alone is its own part."""
    box = best.getparent()
    parent = box.getparent() if box is not None else None
    if parent is None or box.tag in ("body", "html") or box in inside:
        return []
    if any(isinstance(c.tag, str) and c is not best and stats.total.get(c, 0) > 40 for c in box):
        return []  # the box holds more than a title beside the text
    box_key = (box.tag, _first_class(box))
    best_key = (best.tag, best.get("class"))
    chosen, short = [], []
    for other in parent:
        if other is box:
            chosen.append(best)
            continue
        if not isinstance(other.tag, str) or (other.tag, _first_class(other)) != box_key or other in inside:
            continue
        parts = [part for part in other if isinstance(part.tag, str) and (part.tag, part.get("class")) == best_key]
        need = threshold
        if not parts and _title_and_paragraphs(other):
            parts = [other]  # <section class="box"><h3>区位交通</h3><p>…</p></section>: the box is its text
            need = min(threshold, _MIN_BOX_TEXT)
        for part in parts:
            if part not in inside and stats.density(part) < 0.3:
                score = scores.get(part, 0.0) * (1.0 - stats.density(part))
                if score >= need:
                    chosen.append(part)
                elif score >= _MIN_PART_TEXT:
                    short.append(part)
    if len(chosen) >= 3 and short:
        # among many boxes alike a short one is more of the text (主持人：下面请…介绍有关情况。)
        order = stats.index
        chosen = sorted(chosen + short, key=order.get)
    return chosen if len(chosen) > 1 else []


#: A titled box beside the text holding one paragraph of it (区位交通: two sentences).
_MIN_BOX_TEXT = 40
#: A sentence: a box alike among three or more of the text's joins with this much.
_MIN_PART_TEXT = 10


def _title_and_paragraphs(box) -> bool:
    children = [c for c in box if isinstance(c.tag, str)]
    return len(children) >= 2 and children[0].tag in ("h2", "h3", "h4", "h5") \
        and all(c.tag == "p" and c.find(".//a") is None for c in children[1:])


def _first_class(el) -> str | None:
    """`box park-intro` and `box park-traffic` are boxes of one make."""
    cls = el.get("class")
    return cls.split()[0] if cls and cls.split() else cls


_LATER_COPY_MARGIN = 1.1


def _nested(a, b) -> bool:
    return any(up is b for up in a.iterancestors()) or any(up is a for up in b.iterancestors())


def _whole_text_box(best, stats: TextStats, inside):
    """Editors that wrap every paragraph in its own styled <section>s (WeChat
    pastes) make the best-scoring box hold one paragraph: then the box is the
    one around it that holds the paragraphs, when it holds three or more."""
    node = best
    while True:
        parent = node.getparent()
        if parent is None or parent.tag in ("body", "html") or parent in inside:
            return best
        if sum(1 for c in parent if isinstance(c.tag, str)) > 1:
            break
        node = parent  # a wrapper around the box alone
    count, text = _paragraphs_in(node, stats)
    if count > 1:
        if node.tag in ("ul", "ol") and stats.density(parent) < 0.3:
            # the points of a text (政策要点) between its paragraphs: the box around them is the text
            around, around_text = _paragraphs_in(parent, stats)
            if around > count and around_text - text >= _MIN_BODY_SCORE:
                return parent
        return best
    around, around_text = _paragraphs_in(parent, stats)
    # a <td> of <br>-split text is one paragraph holding most of the text: it stays
    return parent if around >= 3 and text * 3 < around_text and stats.density(parent) < 0.3 else best


def _paragraphs_in(el, stats: TextStats) -> tuple[int, int]:
    """(block paragraphs, their characters) in `el`; a <span> inside a <p>
    is the same paragraph."""
    cover = stats.cover([el])
    found = [n for p, n in stats.paragraphs if p.tag in BLOCK_TAGS and p in cover]
    return len(found), sum(found)


def body_lines(containers, stats: TextStats, excluded: set) -> list[Line]:
    """Lines of the body containers without link blocks, excluded subtrees
    (lists, title, metadata) and toolbar lines."""
    skip = excluded | stats.link_blocks
    if stats.link_blocks:
        skip = skip - _attachment_lines(containers, stats.link_blocks)
    for container in containers:
        # a list of nothing but links inside the text (share buttons, related links)
        for ul in container.iter("ul", "ol"):
            if (stats.anchors.get(ul, 0) >= 2 and stats.density(ul) >= 0.9) or _tab_strip(ul, stats):
                skip = skip | {ul}
    lines: list[Line] = []
    for container in containers:
        titles_after = False  # under a 往期推荐 heading: the titles of other posts, until a sentence
        for line in block_lines(container, skip):
            if titles_after:
                if len(line.text) <= _MAX_POST_TITLE and not any(mark in line.text for mark in "。！？!?") \
                        and not HEADING_PATTERN_RE.match(line.text):  # (二、… after them: the text goes on)
                    continue
                titles_after = False
            if MORE_POSTS_RE.match(line.text):
                titles_after = True
                continue
            if BOILERPLATE_LINE_RE.match(line.text) or SUMMARY_LINE_RE.match(line.text) or _chip_row(line) \
                    or _advert(line.text) or _cta_line(line):
                continue
            lines.append(line)
    return lines


_MAX_POST_TITLE = 40


def _attachment_lines(containers, link_blocks: set) -> set:
    """A document's own list of attachments, linked to their files (附件：<a>1.…</a>,
    then <a>2.…</a> on the lines under it): text of the document, not a bar
    of links."""
    kept: set = set()
    for container in containers:
        for el in container.iter("p", "div"):
            if el in link_blocks and el not in kept and _ATTACHMENT_HEAD.match(element_text(el)):
                kept.add(el)
                after = el.getnext()
                while after is not None and after in link_blocks and _NUMBERED.match(element_text(after)):
                    kept.add(after)
                    after = after.getnext()
    return kept


_ATTACHMENT_HEAD = re.compile(r"^附\s*件\s*\d*\s*[:：]\s*\S")
_NUMBERED = re.compile(r"^\d{1,2}\s*[.、．]\s*\S")


_CTA_ENDINGS = tuple(CTA_TEXTS)
_MAX_TAB = 8


def _tab_strip(ul, stats: TextStats) -> bool:
    """Tab titles (<ul><li>园区概况</li><li>产业定位</li>…</ul>) followed by
    their panes, one element of one make per tab: the titles label the
    panes, they are not text."""
    items = [li for li in ul if isinstance(li.tag, str)]
    if len(items) < 2 or any(li.tag != "li" or not 0 < stats.total.get(li, 0) <= _MAX_TAB for li in items):
        return False
    panes = []
    after = ul.getnext()
    while after is not None and len(panes) < len(items):
        if isinstance(after.tag, str):
            panes.append(after)
        after = after.getnext()
    if len(panes) < len(items):
        return False
    first = set((panes[0].get("class") or "").split())
    return all(p.tag == panes[0].tag and (first & set((p.get("class") or "").split()) or
                                          (not first and not p.get("class"))) for p in panes) \
        and all(stats.total.get(p, 0) > stats.total.get(li, 0) for p, li in zip(panes, items))


def _advert(text: str) -> bool:
    """A short line that ends in a call to action (义乌厂房直租 面积300-5000㎡可分割立即咨询)
    is an advertisement placed in the text, not a sentence of it."""
    # (一、支持企业入驻 is a heading of the text that ends like a button)
    text = text.rstrip(">»》 ")  # (…点击立即咨询>>)
    return (len(text) <= 50 and "。" not in text and text.endswith(_CTA_ENDINGS) and not HEADING_PATTERN_RE.match(text)) \
        or bool(AD_MARK_RE.match(text))  # 【广告】南康家具城…



def _cta_line(line: Line) -> bool:
    """A short line around a call-to-action link (想了解最新入驻优惠？<a>立即咨询</a> 专属顾问为您
    免费匹配厂房): an advertisement in the text, wherever the button sits in it."""
    owner = line.element
    if owner is None or len(line.text) > 60 or any(ch in line.text for ch in "。；;"):
        return False
    return any((t := element_text(a)) and t in line.text and (t in CTA_TEXTS or CTA_RE.match(t)) for a in owner.iter("a"))


_CHIP_TAGS = frozenset({"span", "a", "em", "i", "b", "label", "small", "strong"})


def _chip_row(line: Line) -> bool:
    """A row of three or more short tags with nothing between them
    (<div><span>人才公寓</span><span>员工食堂</span>…</div>) reads as one glued
    word, not as a sentence of the text."""
    owner = line.element
    if owner is None or len(owner) < 3 or (owner.text and owner.text.strip()) or len(line.text) > 80:
        return False
    for child in owner:
        if child.tag not in _CHIP_TAGS or len(child) or (child.tail and child.tail.strip()):
            return False
        text = child.text.strip() if child.text else ""
        if not 0 < len(text) <= 10:
            return False
    return True


def is_heading(line: Line) -> bool:
    """A section heading: h2-h4, a bold-only line, or 一、/（一）/第一章, short
    and not a sentence."""
    text = line.text
    # an h2-h4 may carry an English subtitle (一、聚焦科技创新 Focusing on …)
    if len(text) > (100 if line.heading_tag else 50) or text.endswith(SENTENCE_END):
        return False
    el = line.element
    if el is not None and el.tag == "tr" and sum(1 for cell in el if cell.tag in ("td", "th")) >= 2:
        return False  # a table's header row (<td><b>指标</b></td><td><b>单位</b></td>…) heads columns
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
    for p in root.iter("p", "h2", "h3", "h4", "h5"):  # (a copy repeats the text's headings too)
        if p in skip:
            continue
        key = dedup_key(element_text(p))
        if key:
            by_parent.setdefault(p.getparent(), []).append(key)
    # a 纯文本 copy written as lines split by <br>, not as paragraphs (never a box around the text itself)
    around = {up for el in containers for up in el.iterancestors()}
    for parent in dict.fromkeys(br.getparent() for br in root.iter("br")):
        if parent is not None and parent not in skip and parent not in around and parent not in by_parent \
                and parent.find("p") is None:
            keys = [key for line in block_lines(parent) if (key := dedup_key(line.text))]
            if len(keys) >= 3:
                by_parent[parent] = keys
    repeated = 0
    for keys in by_parent.values():
        hits = sum(1 for key in keys if key in body_keys)
        if len(keys) >= 3 and hits * 5 >= len(keys) * 3 and hits * 2 >= len(body_keys):
            repeated += hits
    return repeated or _copy_beside(containers, body_keys, skip)


def _copy_beside(containers, body_keys: set, skip: set) -> int:
    """A copy cut into pieces next to the text (a 卡片阅读 slider: each slide a
    heading and a paragraph or two): the box beside the text whose lines,
    headings included, mostly repeat it."""
    seen: set = set()
    for container in containers:
        for box in (*container.itersiblings(preceding=True), *container.itersiblings()):
            if not isinstance(box.tag, str) or box in skip or box in seen:
                continue
            seen.add(box)
            keys = [key for line in block_lines(box, set()) if (key := dedup_key(line.text))]
            hits = sum(1 for key in keys if key in body_keys)
            if len(keys) >= 3 and hits * 2 >= len(keys) and hits * 2 >= len(body_keys):
                return hits
    return 0
