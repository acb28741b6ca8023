"""Related lists: repeated items (li, tr, dl, cards) holding one title link
plus a date or a region, with the heading of the box they sit in.

Navigation blocks, 更多 links, ads and calls to action fail the item test
(no date, no region, or no title-length link), so they never become records.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from urllib.parse import urljoin, urlsplit

from lxml import etree

from .dates import parse_date
from .policy import document_number
from .regions import address_region, parse_region
from .text import BLOCK_TAGS, BRACKET_PAIRS, HEADING_TAGS, ONE_ENTRY_BOXES, element_text, fold, links_at_least, tag_of
from .vocab import (
    AD_MARK_RE, BADGE_WORDS, CTA_RE, CTA_TEXTS, DOCNUM_LABELS, ISSUER_LABELS, MORE_RE, PLACEHOLDER_VALUES, PUBLISHED_LABELS,
    REGION_LABELS, TAG_LABELS, TYPE_KEYWORDS, TYPE_LABELS, URL_KEYWORDS,
)

_ITEM_TAGS = frozenset({"li", "tr", "tbody", "dl", "div", "article", "section", "p", "dd", "dt", "h3", "h4", "span", "td", "a", "table", "figure"})
_MIN_TITLE = 4
#: [宁波] / 【北仑】 at the start of a list title.
_TITLE_PREFIX = re.compile(r"^\s*[\[【［]([\u4e00-\u9fa5]{2,10})[\]】］]\s*")
#: （泰州-姜堰区） / [宁波] at the end of a list title.
_TITLE_SUFFIX = re.compile(r"[（(\[【]([^（()\[\]【】）]{2,16})[）)\]】]$")
_TRAILING_DATE = re.compile(r"\s*[\[(（【]?((?:19|20)\d{2}[-/.]\d{1,2}[-/.]\d{1,2}|\d{2}-\d{2})[\])）】]?$")
_LEADING_DATE = re.compile(r"^[\[(（【]?((?:19|20)\d{2}[-/.]\d{1,2}[-/.]\d{1,2})[\])）】]?\s*")
_URL_TEXT = re.compile(r"^(?:https?://)?[\w-]+(?:\.[\w-]+)+(?:[/?#]\S*)?$", re.I)
FILE_URL = re.compile(r"\.(?:pdf|docx?|xlsx?|pptx?|wps|zip|rar|7z|jpe?g|png|gif)(?:$|[?#])|downfile|download", re.I)
_AD_MARKS = frozenset({"广告", "推广", "赞助", "AD", "ad"})
_PREV_NEXT = ("上一篇", "下一篇", "上一条", "下一条", "上一页", "下一页", "上一个", "下一个", "上一项", "下一项", "上一则", "下一则", "上篇", "下篇")
_BREADCRUMB = ("当前位置", "您当前的位置", "您的位置", "您现在的位置", "当前的位置", "所在位置", "位置：")
#: Links with neither date nor region form a list only under a heading of
#: their own box that, or whose URLs, name the type (推荐项目 with two cards);
#: a box of one (相关文件) only when the link is to a detail page.
_MIN_BARE_ITEMS = 2
#: A link to one item (numeric id in the last path segment or the query),
#: not to a category directory.
_DETAIL_URL = re.compile(r"\d{3,}[^/]*$|/(?:detail|details|show|view|content|info)[/_-]?\d+[^/]*$"
                         r"|[?&](?:id|itemid|aid|articleid|docid)=\w+"
                         r"|/[0-9a-f]{16,}\.s?html?$"  # a hex content id (government shared platforms)
                         r"|/(?:19|20)\d{2}/\d{1,2}/(?:\d{1,2}/)?[a-z][\w-]{2,}/?$"  # a dated slug (WordPress: /2025/10/haian-lidian/)
                         # a page named by a slug (/yqjs/hutou.html), not a site page
                         r"|^(?!.*/(?:tags?|search|category|topics?|special|zt|about|aboutus|help|guanyu)/)"  # not a tag, topic or site page
                         r".*/(?!(?:index|default|list|lists|more|about|contact|sitemap|map|search|login|register|reg)"
                         r"(?:[_-]\w+)*\.)[a-z][\w-]{2,}\.s?html?$", re.I)  # (list-htm-catid-7.html: Destoon's list pages)
#: 打印本页, 我要纠错: the page's own tools, whatever URL they carry (/zx/print-12840.html)
_PAGE_TOOL = re.compile(r"^[【\[]?(?:我要|加入)?(?:打印|收藏|分享|纠错|举报|关闭|返回|转发|复制链接)(?:本页|本文|此页|此文|窗口|顶部|链接)?[】\]]?$")
#: 项目方免费发布招商信息，立即入驻: a title that ends by asking the reader to act is an advertisement
_CTA_CLAUSE = re.compile(r"[，,！!]\s*(?:立即|马上|赶快|赶紧|快来|点击)(?:入驻|咨询|申请|报名|发布|查看|获取|加入|登录|注册|领取|预约|联系)[！!]*$")
_MAX_ITEM_ANCHORS = 6
_MAX_ITEM_EXTRA = 200
_MAX_TITLE = 120
_MAX_HEADER_BOX = 60  # characters: a box header is short; a bigger sibling is content
#: 共173条 / 126个项目 beside a heading: a counter, not part of it.
_COUNTER = re.compile(r"^[(（]?(?:共|合计|总计|计)(?:找到|有|收录)?\s*[\d,]+|^[(（]?[\d,]+\s*(?:条|个|项|篇|页|家)"
                      r"|^[(（\[]\s*[\d,]+\s*[)）\]]$"
                      # 收录政策文件 93 篇, 为您找到 27 个园区
                      r"|^[(（]?(?:共|已|现|为您|共为您)?(?:收录|发布|找到|搜索到|检索到)[\u4e00-\u9fa5]{0,6}\s*[\d,]+\s*(?:条|个|项|篇|份|件|家)")
_FACT_PART = re.compile(r"^[\u4e00-\u9fa5]{2,6}\s*[:：]")
_AD_BADGE = re.compile(r"^\s*[【\[［(（]?\s*(?:广告|推广|赞助|AD)\s*[】\]］)）]?\s*$", re.I)
_RESULT_STAT = re.compile(r"^[(（]?(?:共|为您|已为您)?(?:找到|搜索到|检索到|查询到|查到)[^。]{0,40}?(?:\d+\s*(?:条|个|项|篇|份|件|家)|结果)")
_DATE_CHUNK = re.compile(
    r"^(?:[\u4e00-\u9fa5]{1,6}(?:\s*[A-Za-z]{2,10})?\s*[:：]\s*)?"  # (发布日期 Date：2025-10-09)
    r"(?:[\d\s\-/.年月日时分秒:：]+|\d+\s*(?:天|小时|分钟|秒)前|(?:今天|昨天|前天)[\d\s:：]*"
    r"|[A-Za-z]{3,9}\.?\s+\d{1,2},?\s+(?:19|20)\d{2}|\d{1,2}\s+[A-Za-z]{3,9}\.?,?\s+(?:19|20)\d{2})$"  # (Nov 18, 2025)
)
_MAX_CHUNK = 30
_SPACES = re.compile(r"[\s\u3000\u00a0]+")
_ISSUER_LINE = re.compile(r"^(?:" + "|".join(ISSUER_LABELS) + r")\s*[:：]\s*(\S.{0,39})$")
_ADDRESS_LABEL = re.compile(r"^(?:园区|项目|详细|所在|办公|企业)?\s*地\s*[址点]\s*[:：]\s*")


@dataclass
class ListItem:
    url: str
    title: str
    date_text: str | None
    region_text: str | None
    doc_number: str | None = None
    element: object = field(repr=False, default=None)
    issuer: str | None = None  # 发文机关：… shown in the entry
    bare: bool = False  # neither date nor region shown
    fact_kind: str | None = None  # the type its facts' labels name (主导产业 -> park)


@dataclass
class ItemGroup:
    container: object
    heading: str | None
    items: list[ListItem]
    kind: str | None = None  # project / policy / park / article, from the heading
    #: The entries alone, when the container is a layout box that also holds
    #: prose (an old page's table: the text's row, then the related rows):
    #: what the text finder must skip instead of the whole container.
    parts: list | None = None


@lru_cache(maxsize=8192)
def join_url(base: str, href: str) -> str | None:
    """urljoin; None for a link that is not a valid URL (`http://[bad`).

    Cached by page (the stages ask about the same links), and most links,
    root-relative (`/info/123.html`) or absolute, resolve the same from every
    page of a site: those are also cached by the base's origin, so a crawl
    resolves each once."""
    href = href.strip()
    if _SITE_WIDE_HREF.match(href):
        origin = _origin(base)
        if origin is not None:
            # urljoin reads only the base's scheme and host for these
            return _join(origin, href)
    return _join(base, href)


#: `/path` or `http(s)://host…`: an href urljoin resolves without the base's
#: path (tabs and newlines, which urlsplit deletes, could join `/` and `/`).
_SITE_WIDE_HREF = re.compile(r"(?:/(?!/)|https?://[^/?#\t\r\n])[^\t\r\n]*\Z")


@lru_cache(maxsize=256)
def _origin(base: str) -> str | None:
    try:
        parts = urlsplit(base)
    except ValueError:
        return None
    if not parts.scheme or not parts.netloc:
        return None
    return f"{parts.scheme}://{parts.netloc}/"


@lru_cache(maxsize=8192)
def _join(base: str, href: str) -> str | None:
    try:
        joined = urljoin(base, href)
        urlsplit(joined).port  # noqa: B018 - raises on a malformed host or port
    except ValueError:
        return None
    return joined


def _usable_href(href: str | None) -> bool:
    if not href:
        return False
    href = href.strip()
    return bool(href) and not href.lower().startswith(("javascript:", "#", "mailto:", "tel:"))


_BADGE_TAGS = frozenset({"span", "i", "sup", "small", "label", "var"})
#: Tags that also highlight words of a title (<em>新能源</em>汽车…): a badge
#: there only when its word is a known badge (<em>省级</em>).
_WORD_BADGE_TAGS = frozenset({"em", "b", "strong", "font", "mark", "ins"})


def without_badges(el, text: str) -> str:
    """`<a><i>1</i>标题</a>`, `<a><span class="hot">热</span>标题</a>`,
    `<h1>标题<span class="badge">在谈</span></h1>`: a rank or a badge of one or
    two characters at either end is not part of the title. (A highlighted
    keyword, `<em>新能源</em>汽车…`, is.)"""
    children = [c for c in el if isinstance(c.tag, str)]
    while len(children) == 1 and len(children[0]) and not fold(el.text) and not fold(children[0].tail):
        el = children[0]  # <a><h3><i>置顶</i>标题</h3></a>: the badge sits in the one block the link wraps
        children = [c for c in el if isinstance(c.tag, str)]
    if not children:
        return text
    first, last = children[0], children[-1]
    if not fold(el.text) and (first.tag in _BADGE_TAGS or first.tag in _WORD_BADGE_TAGS) and not len(first):
        badge = element_text(first)
        known = badge in BADGE_WORDS or badge.isdigit()  # a rank (<em>1</em>) in any inline tag
        if badge and ((first.tag in _BADGE_TAGS and len(badge) <= 2) or known) \
                and len(text) - len(badge) >= _MIN_TITLE and text.startswith(badge):
            text = text[len(badge):].lstrip()
            if last is first:
                return text
    if not fold(last.tail) and (last.tag in _BADGE_TAGS or last.tag in _WORD_BADGE_TAGS) and not len(last):
        badge = element_text(last)
        # 重点园区<span>Featured Parks</span>
        english = last.tag in _BADGE_TAGS and _LATIN_ONLY.match(badge) and _HAN.search(text[: -len(badge)])
        # <h1>…项目<span class="tag-zd">重点项目</span></h1>: a word in an element its class calls a badge
        marked = last.tag in _BADGE_TAGS and len(badge) <= 6 and _BADGE_CLASS.search(last.get("class") or "")
        short = (badge in BADGE_WORDS or (last.tag in _BADGE_TAGS and len(badge) <= 2) or marked) \
            and len(text) - len(badge) >= _MIN_TITLE
        if badge and (short or english) and text.endswith(badge):
            text = text[: -len(badge)].rstrip()
    return text


_BADGE_CLASS = re.compile(r"(?:^|[\s_-])(?:tag|badge|label|flag|mark|level|lv|jb|icon)(?:$|[\s_-])", re.I)
_LATIN_ONLY = re.compile(r"^[A-Za-z][A-Za-z0-9&'’.,:;()\- ]{3,}$")
_HAN = re.compile(r"[\u4e00-\u9fa5]")


_DAY_BADGE = re.compile(r"^[\[(（【]?(?:0?[1-9]|1[0-2])[-/.](?:0?[1-9]|[12]\d|3[01])[\])）】]?$")
_DAY_OPENERS = frozenset("0123456789[(（【")


def _leading_day(a, title: str) -> str | None:
    """The text of the first element inside link `a` when it is a month and day
    and the title starts with it (a bare `12-18岁…` in the words is no date)."""
    for child in a.iterdescendants():
        if isinstance(child.tag, str) and (text := element_text(child)):
            return text if _DAY_BADGE.match(text) and title.startswith(text) else None
    return None


def _linked_in_a_sentence(el, a) -> bool:
    """A name linked inside running text (…晚间，<a>宁德时代</a>（300750）发布公告称，…。):
    a paragraph with a link, not a list entry. An entry's link stands apart:
    nothing is written against both its ends."""
    text = element_text(el)
    if "。" not in text or len(text) < 40:
        return False
    block = a.getparent()
    while block is not None and block is not el and block.tag not in BLOCK_TAGS:
        block = block.getparent()
    if block is not None and block is not el and element_text(block) == element_text(a):
        return False  # <h4><a>…</a></h4> over a card's summary: a title of its own block
    title = element_text(a)
    at = text.find(title) if title else -1
    if at < 2:
        return False
    before, after = text[at - 1], text[at + len(title): at + len(title) + 1]
    return (_HAN.match(before) is not None or before in "，、：“") and (_HAN.match(after) is not None or after in "（(，、。”")


def _anchor_title(a) -> str:
    text = without_badges(a, element_text(a))
    title_attr = fold(a.get("title"))
    if not title_attr:
        return text
    if not text:
        return title_attr
    # [杞县]杞县大蒜精深加工及出口… with the whole name in title=: the name, after the same prefix
    prefix = _TITLE_PREFIX.match(text)
    core = text[prefix.end():] if prefix else text
    if core.endswith(("...", "…", "..")) and title_attr.startswith(core.rstrip(".…")[:4]):
        return (prefix.group(0) if prefix else "") + title_attr
    return text


def _title_rank(title: str) -> tuple[bool, int]:
    """The longest link text names the entry, but a search hit's shown address
    (chifeng.zsw168.com) never beats words."""
    return (bool(title) and not _URL_TEXT.match(title), len(title))


def _text_chunks(el, skip) -> list[str]:
    """Text of `el` outside the elements in `skip`, split at element edges."""
    chunks: list[str] = []
    if el in skip:
        _add_chunk(el.tail, chunks)
    else:
        _collect_chunks(el, skip, chunks)
    return chunks


def _add_chunk(text: str | None, chunks: list[str]) -> None:
    if text and (text := fold(text)):
        chunks.append(text)


def _collect_chunks(node, skip, chunks: list[str]) -> None:
    """Chunks of `node` (not in `skip`) without its own tail. A module-level
    function, not a closure that calls itself: such a closure is a reference
    cycle that keeps the tree alive until the next garbage collection."""
    _add_chunk(node.text, chunks)
    for child in node:
        if isinstance(child.tag, str) and child not in skip:
            if len(child):
                _collect_chunks(child, skip, chunks)
            else:  # a leaf: its text, without a call per element
                _add_chunk(child.text, chunks)
        _add_chunk(child.tail, chunks)


def read_item(el, base_url: str, vouched: frozenset = frozenset()) -> ListItem | None:
    """An item is one title link (other links may repeat its URL, as an image
    link does), usually with a date or a region shown beside it; `bare`
    items show neither and count only under a typed heading."""
    by_url: dict[str, list] = {}
    full: dict[str, str] = {}  # (a #联系方式 link beside the title is the same entry's page)
    tag_links = set()
    for a in el.iter("a"):
        href = a.get("href")
        if href and _usable_href(href):
            url = join_url(base_url, href)
            if url is None:
                continue
            if _TAG_PAGE.search(url):
                tag_links.add(a)  # the entry's tags: links to other lists, neither its title nor its place
                continue
            key = url.partition("#")[0]
            anchors = by_url.get(key)
            if anchors is None:
                by_url[key] = [a]
                full[key] = url
            else:
                anchors.append(a)
                if "#" not in url:
                    full[key] = url
    if not by_url or len(by_url) > 3:
        return None
    best_url, best_title, best_anchors = None, "", []
    for key, anchors in by_url.items():
        url = full[key]
        for a in anchors:
            title = _anchor_title(a)
            if _title_rank(title) > _title_rank(best_title):
                best_url, best_title, best_anchors = url, title, anchors
    if best_url is None or len(best_title) < _MIN_TITLE or MORE_RE.match(best_title) or best_title.isdigit():
        return None  # (年份：<a>2025</a> <a>2024</a>: a filter's years)
    card = _card_parts(best_anchors, best_title)
    side_parts: list[str] = []
    if card:
        best_title, side_parts = card
    if el.tag == "tr":
        side_parts = side_parts + _spanned_cells(el)
    if el.tag == "dt":
        # <dt><a>标题</a></dt><dd>2025-10-16</dd>: the dd elements up to the next dt say it beside
        # the title (<dd>国家级</dd><dd><span>所在区域</span><span>济南高新区</span></dd> …)
        after = el.getnext()
        while after is not None and (not isinstance(after.tag, str) or after.tag == "dd"):
            if isinstance(after.tag, str) and after.find(".//a") is None:
                side_parts = side_parts + _text_chunks(after, set())
            after = after.getnext()
    elif el.tag == "a":
        # <a class="card">…</a><p>贵州·安顺</p>: the elements after the title's, up to the next link,
        # say it beside the title (<a>…</a><span class="date">…</span><span class="area">…</span>; a WAP
        # page's <a>…</a><br><span>遂宁·船山区 10-09</span><br>)
        after, gap = el.getnext(), fold(el.tail)
        while after is not None and not gap:
            if after.tag == "br":
                gap = fold(after.tail)
            elif after.tag in _BESIDE_LINK and after.find(".//a") is None:
                side_parts = side_parts + _text_chunks(after, set())
                gap = fold(after.tail)
            else:
                break
            after = after.getnext()
    if "sponsored" in (best_anchors[0].get("rel") or "").lower() or any(
            _AD_BADGE.match(element_text(badge)) for badge in best_anchors[0].iterdescendants("span", "i", "em", "b")):
        return None  # <a rel="sponsored"><span>广告</span>…</a>: an advertisement, marked by a badge of its own
    if best_title in CTA_TEXTS or CTA_RE.match(best_title) or AD_MARK_RE.match(best_title) or _CTA_CLAUSE.search(best_title) \
            or _PAGE_TOOL.match(best_title) \
            or best_title.startswith(_PREV_NEXT) or _AD_URL.search(best_url):  # <a>上一个园区：…</a>: the label inside the link
        return None  # (/ad/go.asp?id=12: an advertisement's click counter)
    date_text = region_text = doc_number = issuer = title_place = None
    prefix = _TITLE_PREFIX.match(best_title)
    if prefix and _is_region(prefix.group(1)):
        # [宁波]宁波市人民政府… : the entry's region, written into its link
        region_text = prefix.group(1)
        best_title = best_title[prefix.end():].strip()
    elif best_title[-1:] in "）)]】":
        suffix = _TITLE_SUFFIX.search(best_title)
        if suffix and suffix.start() >= _MIN_TITLE and _is_region(suffix.group(1)) \
                and not ZONE_NAME.search(suffix.group(1)):
            # 姜堰经济开发区医疗器械产业园（泰州-姜堰区）: the region, after the name, unless the
            # entry shows its region beside it (…合作招商项目（梧州片区） 广西: part of the name)
            title_place = suffix
    # the pattern ends in a digit or a bracket: skip its costly scan otherwise
    tail_char = best_title[-1:]
    trailing = _TRAILING_DATE.search(best_title) if tail_char.isdigit() or (tail_char and tail_char in "])）】") else None
    if trailing and len(best_title) - len(trailing.group(0)) >= _MIN_TITLE and parse_date(trailing.group(1)):
        # 标题 2025-08-27 written inside the link
        date_text = trailing.group(1)
        best_title = best_title[: trailing.start()].strip()
    leading = _LEADING_DATE.match(best_title) if date_text is None and best_title[:1] in "12[(（【" else None
    if leading and len(best_title) - leading.end() >= _MIN_TITLE and parse_date(leading.group(1)):
        # <a><span class="badge">2025-10-10</span>标题</a>: the date written before the title
        date_text = leading.group(1)
        best_title = best_title[leading.end():].strip()
    if date_text is None and best_title[:1] in _DAY_OPENERS and (day := _leading_day(best_anchors[0], best_title)):
        # <a><span class="badge">11-05</span>标题</a>: a year-less date before the title, in an element of its own
        date_text = day
        best_title = best_title[len(day):].strip()
    after_address = shows_blank = False
    fact_kind = written = None
    own = _text_chunks(el, set(best_anchors) | tag_links)
    if any(links_at_least(inner, 2) for inner in el.iter("ul", "ol")) and any(
            element_text(h) and not any(a in best_anchors for a in (*h.iter("a"), *h.iterancestors("a")))
            for h in el.iter("h2", "h3", "h4")):
        return None  # a box with a heading and a list of links of its own (园区动态 over its links) is no entry
    if _PLACE_PATH.search(best_title) and _is_region(best_title):
        return None  # 区域：<a>四川·宜宾·叙州区</a> in a meta line: a place, not an entry
    if own and own[0].rstrip("：: ").lower() in TAG_LABELS:
        return None  # 标签：<a>…</a> <a>…</a>: the text's tags
    if not side_parts and not any(ch.isalnum() for chunk in own for ch in chunk):  # (a bullet · is no text)
        side_parts = _info_row(el)
    elif el.tag == "tr" and (facts := _info_row(el)) and any("：" in chunk or ":" in chunk for chunk in facts):
        side_parts = side_parts + facts  # a dated title row, then a row of labelled facts (所在地区：…)
    if date_text is None:
        date_text = _date_in_pieces(own)
    for chunk in _label_with_value(_split_bars(side_parts + own)):
        if fact_kind is None:
            fact_kind = _LABEL_KINDS.get(_LABEL_HEAD.split(chunk, maxsplit=1)[0].strip())
        if chunk.startswith(_PREV_NEXT) or (chunk.startswith(_BREADCRUMB) and (
                not chunk.startswith("位置") or len(chunk) <= 3 or _CRUMB_PATH.search(chunk))):
            # 上一篇：… under an article, 当前位置：… above it: not list entries (位置：南阳高新区 is a park's place)
            return None
        address = _ADDRESS_LABEL.match(chunk)
        if address or after_address:
            # 地址：四川省成都市武侯区武兴四路166号 -> the region it starts with
            value = chunk[address.end():] if address else chunk
            after_address = bool(address) and not value
            if value:
                if region_text is None:
                    found = address_region(value)
                    region_text = found["raw"] if found else (value if _is_region(value) else None)
            continue
        chunk = _unwrap(chunk)
        if chunk in _AD_MARKS:
            return None  # an advertisement dressed as an entry
        if (blank := _BLANK_FACT.match(chunk)) and blank.group(2) in PLACEHOLDER_VALUES:
            shows_blank = True  # 所在地区：暂无: the entry's facts, left blank, as its neighbours show them filled
            continue
        if not chunk or len(chunk) > _MAX_CHUNK:
            continue
        if issuer is None and (said := _ISSUER_LINE.match(chunk)):
            issuer = said.group(1).strip()
            if issuer in PLACEHOLDER_VALUES:
                issuer = None  # 发文机关：— shows none: the title may still say it
            continue
        if doc_number is None and ("号" in chunk or "號" in chunk):
            doc_number = document_number(chunk)
            if doc_number:
                if date_text is None:  # 文号：潍政办发〔2025〕12号　2025-10-30
                    after = chunk[chunk.find(doc_number) + len(doc_number):] if doc_number in chunk else ""
                    date_text = next((part for part in after.split() if _DATE_CHUNK.match(part) and parse_date(part)), None)
                continue
        if date_text is None and _DATE_CHUNK.match(chunk) and parse_date(chunk):
            if _WRITTEN.match(chunk):
                written = written or chunk  # a document's 成文日期: its date only when no other is shown
                continue
            date_text = chunk
        elif region_text is None and _is_region(chunk):
            region_text = chunk
        elif " " in chunk and (date_text is None or region_text is None):
            # one span saying both, spaced: 珠海-香洲区　2025-09-24
            for part in chunk.split(" "):
                if date_text is None and _DATE_CHUNK.match(part) and parse_date(part):
                    date_text = part
                elif region_text is None and _is_region(part):
                    region_text = part
    date_text = date_text or written
    if title_place is not None and region_text is None:
        region_text = title_place.group(1)
        best_title = best_title[: title_place.start()].strip()
    if len(own) <= 4 and _linked_in_a_sentence(el, best_anchors[0]):
        return None
    item = ListItem(best_url, best_title, date_text, region_text, doc_number, el, issuer=issuer, fact_kind=fact_kind)
    if date_text is None and region_text is None and not shows_blank:
        if (not is_detail_url(best_url) and not _vouched(best_url, best_title, vouched)) or FILE_URL.search(best_url):
            return None  # (an address in the folder of the box's other entries is an entry's too)
        item.bare = True
    return item


#: 最后更新：2025-11-18 written inside a heading, after the name
_UPDATE_NOTE = re.compile(r"^[(（]?(?:最后|最近|数据|本站)?更新(?:时间|日期|于)?\s*[:：]?\s*(?:19|20)\d{2}")
#: A box of entries under their month (<div class="tl-month"><b>2025</b>年<b>11</b>月（3条）</div>)
_MONTH_LABEL = re.compile(r"^\s*((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月(?:\s*[(（]\s*\d+\s*条?\s*[)）])?\s*$")
_DAY_CHUNK = re.compile(r"^(\d{1,2})\s*日?$")


def _dates_from_month(container, items: list[ListItem]) -> None:
    """Entries that show only their day (<strong>17</strong><em>日</em>) under a month label
    before their box take that month's year and month."""
    label = container.getprevious()
    while label is not None and not isinstance(label.tag, str):
        label = label.getprevious()
    said = _MONTH_LABEL.match(element_text(label)) if label is not None else None
    if said is None:
        return
    year, month = int(said.group(1)), int(said.group(2))
    for item in items:
        if item.date_text is None and item.element is not None:
            skip = set(item.element.iter("a"))
            day = next((int(m.group(1)) for chunk in _text_chunks(item.element, skip) if (m := _DAY_CHUNK.match(chunk))), None)
            if day and 1 <= day <= 31 and 1 <= month <= 12:
                item.date_text, item.bare = f"{year}-{month:02d}-{day:02d}", False


_DATE_HEADING = re.compile(r"^[\s\[【(（]*(?:19|20)\d{2}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}日?[\s\]】)）]*"
                           r"(?:(?:星期|周)[一二三四五六日天])?\s*$")


def _mostly_a_date(text: str) -> bool:
    return bool(_DATE_HEADING.match(text)) and parse_date(text) is not None


_YEAR_MONTH = re.compile(r"^((?:19|20)\d{2})\s*[-/.年]\s*(\d{1,2})月?$")


def _date_in_pieces(chunks: list[str]) -> str | None:
    """A date drawn as a day over its year and month (<b>28</b><span>2025-08</span>), either way round."""
    for first, second in zip(chunks, chunks[1:]):
        for day, month in ((first, second), (second, first)):
            if (d := _DAY_CHUNK.match(day)) and (said := _YEAR_MONTH.match(month)) and 1 <= int(d.group(1)) <= 31:
                return f"{said.group(1)}-{int(said.group(2)):02d}-{int(d.group(1)):02d}"
    return None


_AD_URL = re.compile(r"/(?:ad|ads|adv|advert|guanggao)/|/(?:ad|adv|click)\.(?:php|asp|aspx|jsp)\b", re.I)
_CRUMB_PATH = re.compile(r"首页|[>»›＞→]")
_BESIDE_LINK = frozenset({"p", "span", "div", "em", "i", "small", "time", "font"})
#: A label in a cell or span of its own, its value in the next (<th>发文机关</th><td>宝鸡市人民政府</td>)
_ENTRY_LABEL = re.compile(r"^(" + "|".join(sorted({*ISSUER_LABELS, *DOCNUM_LABELS, *PUBLISHED_LABELS, *REGION_LABELS,
                                                    "成文日期", "成文时间", "适用区域", "适用地区"}, key=len, reverse=True))
                          + r")\s*[:：]?$")
_LABEL_FIRST = re.compile(r"^[\u4e00-\u9fa5]{2,6}\s*[:：]")
_WRITTEN = re.compile(r"^成文(?:日期|时间)\s*[:：]")


def _label_with_value(chunks: list[str]) -> list[str]:
    """`发文机关：<span>某局</span>`, `<th>成文日期</th><td>2025-10-28</td>`: a label and its
    value, read as one chunk (`成文日期：2025-10-28`)."""
    if not any(_ENTRY_LABEL.match(c) for c in chunks):
        return chunks
    joined: list[str] = []
    for chunk in chunks:
        if joined and (label := _ENTRY_LABEL.match(joined[-1])) and not _ENTRY_LABEL.match(chunk) \
                and not _LABEL_FIRST.match(chunk):  # (文号：<span></span> 发布日期：…: an empty value)
            joined[-1] = label.group(1) + "：" + chunk
        else:
            joined.append(chunk)
    return joined


def _info_row(el) -> list[str]:
    """<tr><td><a>标题</a></td></tr><tr><td>河南-镇平县 2025-09-26</td></tr>: an entry
    drawn as a title row and, under it, a row of its facts without a link."""
    row = el.getnext()
    if row is None or row.tag != el.tag or el.tag not in _INFO_ROW_TAGS or row.find(".//a") is not None:
        return []
    chunks = _text_chunks(row, set())
    return chunks if sum(len(c) for c in chunks) <= _MAX_ITEM_EXTRA else []


_PLACE_PATH = re.compile(r"[\u4e00-\u9fa5][·・\-－/／\s›>＞»〉→][\u4e00-\u9fa5]")
_INFO_ROW_TAGS = frozenset({"tr", "li", "div", "p"})
_MAX_ROWSPAN_LOOKBACK = 30
#: How many ancestors up a list's heading is looked for (a component table nests its rows
#: five deep: tbody, table, body wrapper, table, card body).
_HEADING_LEVELS = 6


def _cell_count(tr) -> int:
    return sum(int(c.get("colspan") or 1) if (c.get("colspan") or "1").isdigit() else 1
               for c in tr if c.tag in ("td", "th"))


def _spanned_cells(tr) -> list[str]:
    """Text of cells above that reach down into this row (<td rowspan="3">大庆市龙凤区</td>
    says the region of all three rows). Only a row short of cells is looked at."""
    prev = tr.getprevious()
    if prev is None or _cell_count(tr) >= _cell_count(prev) and (tr.getnext() is None
                                                                   or _cell_count(tr) >= _cell_count(tr.getnext())):
        return []
    out: list[str] = []
    distance = 1
    while prev is not None and distance <= _MAX_ROWSPAN_LOOKBACK:
        if prev.tag == "tr":
            for cell in prev:
                span = cell.get("rowspan") if cell.tag in ("td", "th") else None
                if span and span.strip().isdigit() and int(span) > distance:
                    out.extend(_text_chunks(cell, set()))
            distance += 1
        prev = prev.getprevious()
    return out


#: Labels that only one record type shows (TYPE_LABELS), for entries of untyped lists.
_LABEL_KINDS = {label: kind for kind, labels in TYPE_LABELS.items() for label in labels}
_LABEL_HEAD = re.compile(r"[：:]")


def _split_bars(chunks: list[str]) -> list[str]:
    """`行业：文化旅游｜地区：湖南-岳阳楼区`: facts on one line, set apart by bars,
    or by spaces before the next label (`文号：保政发〔2025〕12号　适用地区：保定市`)."""
    if any(c.count("：") + c.count(":") >= 2 for c in chunks):
        chunks = [part for c in chunks for part in _SPACED_LABEL.split(c) if part]
    if not any("|" in c or "｜" in c for c in chunks):
        return chunks
    # (a place path drawn with bars, 赣州市 | 南康区, is one fact)
    return [part.strip() for c in chunks for part in ((c,) if _is_region(c) else _BARS.split(c)) if part.strip()]


_BARS = re.compile(r"[|｜]")
_BLANK_FACT = re.compile(r"^(" + "|".join(sorted({*REGION_LABELS, *PUBLISHED_LABELS}, key=len, reverse=True))
                         + r")\s*[:：]\s*(\S+)$")
_SPACED_LABEL = re.compile(r"[\s\u3000|｜]*[\s\u3000][\s\u3000|｜]*(?=[\u4e00-\u9fa5]{2,6}[：:])")  # (a bar with it: 重庆-永川区 ｜ 发布日期：)
_OPENERS = {closer: opener for opener, closer in BRACKET_PAIRS.items()}


def _unwrap(chunk: str) -> str:
    """`[2025-10-09]` -> `2025-10-09`, `|龙游·` -> `龙游`; a bracket that closes one opened
    inside the chunk stays (`地区：[龙游]`: the label's value is read as a whole)."""
    chunk = chunk.strip("|·")
    while chunk:
        first, last = chunk[0], chunk[-1]
        closer = BRACKET_PAIRS.get(first)
        if closer and (last == closer or closer not in chunk):
            chunk = chunk[1:-1] if last == closer else chunk[1:]
        elif last in _OPENERS and _OPENERS[last] not in chunk:
            chunk = chunk[:-1]
        else:
            break
        chunk = chunk.strip("|·")
    return chunk


_CARD_BLOCKS = frozenset({"div", "p", "h2", "h3", "h4", "h5", "h6", "dl", "dt", "dd", "section", "ul", "li"})


def _card_parts(anchors, title: str) -> tuple[str, list[str]] | None:
    """A link that wraps a whole card (`<a><div>标题</div><div>标签 2025-10-09</div></a>`):
    the title is its first title-like block, the rest is said beside it (date,
    region). None for an ordinary link, even one with inline markup inside
    (`关于<font>印发</font>…`)."""
    for a in anchors:
        if fold(a.text) or element_text(a) != title:
            continue
        node = a
        while True:  # <a><div img/><div main><div title/><div tags/></div></a>: into the block with the text
            # (a badge beside it, <div class="badge">置顶</div>, is no block of text)
            shown = [c for c in node if isinstance(c.tag, str) and (t := element_text(c)) and (len(c) or len(t) > 4)]
            if len(shown) != 1 or not len(shown[0]) or fold(shown[0].text) or any(fold(c.tail) for c in node):
                break
            node = shown[0]
        if len(shown) == 1 and len(shown[0]) and (lead := fold(shown[0].text)) and len(lead) >= _MIN_TITLE \
                and any(c.tag in _CARD_BLOCKS for c in shown[0]) and not _FACT_PART.match(lead):
            # <div class="media-body">标题<p>泸州·江阳区 | 白酒配套 | 2025-11-18</p></div>: the text before the blocks
            return lead, [chunk for c in shown[0] if isinstance(c.tag, str) for chunk in _text_chunks(c, set())]
        children = [c for c in node if isinstance(c.tag, str)]
        if any(fold(c.tail) for c in children):
            continue
        parts = [text for c in children if (text := _part_text(c))]
        if not any(c.tag in _CARD_BLOCKS for c in children):
            # inline parts (<span class="t">标题</span><span>遵义·播州区</span>) make a card only
            # when one of them is a date or a region: styled pieces of one title do not
            facts = [p for p in parts[1:] if (_DATE_CHUNK.match(p) and parse_date(p)) or _is_region(p)]
            if len(parts) < 2 or not facts:
                continue
        heads = [text for c in children if c.tag in HEADING_TAGS and len(text := _part_text(c)) >= _MIN_TITLE]
        if not heads and children[0].tag in ("b", "strong") and len(text := _part_text(children[0])) >= _MIN_TITLE:
            heads = [text]  # <a><b>封丘县产业集聚区</b><i>新乡 / 封丘县</i></a>
        if len(heads) == 1:
            return heads[0], _side(children, heads[0])  # <h3>天元区中小企业创业园</h3> names the card, place or not
        if not heads:
            # <a><div thumb><img><span>在谈</span></div><div body><h3>标题</h3><p>…</p><span>湖州-吴兴区</span></div></a>:
            # the one heading deeper in the card names it
            deep = [h for h in node.iter(*HEADING_TAGS) if h is not node and len(_part_text(h)) >= _MIN_TITLE]
            if len(deep) == 1:
                return _part_text(deep[0]), _text_chunks(node, {deep[0]})
        for part in parts:
            if len(part) >= _MIN_TITLE and not (_DATE_CHUNK.match(part) and parse_date(part)) \
                    and not _is_region(part) and part not in CTA_TEXTS and not _FACT_PART.match(part):
                return part, _side(children, part)  # (主导产业：再生资源 is a fact of the card, never its name)
        # a park named after its zone (<span>国家级</span><h3>吉林经济技术开发区</h3>) reads as a
        # region: it is the title when the card holds nothing longer
        named = [p for p in parts if len(p) >= _MIN_TITLE and ZONE_NAME.search(p)]
        if named:
            return named[0], _side(children, named[0])
    return None


ZONE_NAME = re.compile(r"(?:开发区|高新区|经开区|园区|产业园|工业园|科技园|新区|保税区|示范区|合作区|试验区|基地|工业城|产业城|科技城|科学城|新城)$")


def _part_text(el) -> str:
    """A card part's text without a badge inside it (<div><span>置顶</span>标题</div>)."""
    text = element_text(el)
    return without_badges(el, text) if text and len(el) else text


def _side(children, title: str) -> list[str]:
    """The card's text beside its title, split at element edges."""
    out: list[str] = []
    for c in children:
        if _part_text(c) != title:
            out.extend(_text_chunks(c, set()))
    return out


def _ends_with_digit(el) -> bool:
    """A date written at the end of the link text (标题 2025-08-27)."""
    text = element_text(el).rstrip("]）)】")
    return bool(text) and text[-1].isdigit()


def _is_region(text: str) -> bool:
    """A region that resolves to a code: 特色园区 ends like a region but is not one."""
    region = parse_region(text)
    return region is not None and (region["code"] is not None or region["district"] is not None)


def _candidate_children(container, anchors: dict) -> list:
    """Children of the most common tag among those holding a link, if that
    tag can hold list items (a WAP page's <a>…</a><br><span>地区:… 2025-08-12</span><br>:
    the links are the entries, the spans beside them say their place and date)."""
    counts: dict = {}
    for child in container:
        tag = child.tag
        if isinstance(tag, str) and anchors.get(child, 0):
            counts[tag] = counts.get(tag, 0) + 1
    if not counts:
        return []
    tag = max(counts, key=counts.__getitem__)
    if counts[tag] < 2 or tag not in _ITEM_TAGS:
        return []
    return [c for c in container if c.tag == tag]


def find_item_groups(root, base_url: str, stats) -> list[ItemGroup]:
    """Every container whose repeated children are mostly list items, in
    document order.

    Deepest containers are tried first, so a box that holds two lists is
    never mistaken for a list of two items. `stats` (body.TextStats) gives
    each subtree's <a> count and text length for a cheap first screen."""
    anchors, total, links = stats.anchors, stats.total, stats.links
    groups: list[ItemGroup] = []
    holds_group: set = set()  # ancestors of found lists: never items themselves
    order = stats.index
    for container in stats.linked:
        children = _candidate_children(container, anchors)
        if not children:
            group = _single_entry(container, base_url, stats) if container.tag in ONE_ENTRY_BOXES else None
            if group is not None and container not in holds_group:
                groups.append(group)
                holds_group.update(container.iterancestors())
                holds_group.add(container)
            continue
        counts = [anchors.get(child, 0) for child in children]
        # cheap screen: an item has a few links and is not a whole column
        possible = [
            1 <= n <= _MAX_ITEM_ANCHORS and child not in holds_group
            and total.get(child, 0) <= _MAX_TITLE + _MAX_ITEM_EXTRA
            for child, n in zip(children, counts)
        ]
        if sum(possible) < 2:
            continue
        # Items that show a date or region have text outside their links;
        # lists without any need a typed heading, so look at it first.
        if sum(1 for child, ok in zip(children, possible) if ok and (
                total.get(child, 0) - links.get(child, 0) >= 2 or _ends_with_digit(child))) < 2:
            if sum(possible) < _MIN_BARE_ITEMS:
                continue
            # bare entries must link to detail pages: a menu of category links stops here, before
            # its heading is looked for (the costliest step)
            linking = [child for child, ok in zip(children, possible) if ok and _links_to_detail(child, base_url)]
            if len(linking) < 2:
                continue
            # (a header row with only its 更多 link is no entry: the heading is looked for above the first entry)
            heading, distance = find_heading(container, linking[0], stats)
            if distance > 1 or (kind_from_heading(heading) not in _RECORD_KINDS
                                and _links_kind([c for c, ok in zip(children, possible) if ok], base_url) is None):
                continue
        items = _read_items(children, possible, counts, base_url, total)
        if items is None or len({item.url.partition("#")[0] for item in items}) < 2:
            continue  # parts of one card (title block + 详情 button, 地图定位 at #map) are not a list of it
        if _between_items_says_prev_next(container):
            continue  # 上一篇：<a>…</a><br>下一篇：<a>…</a>
        linked = sum(1 for n in counts if n)
        if any(item.date_text is None for item in items):
            _dates_from_month(container, items)
        heading, distance = find_heading(container, items[0].element, stats)
        if heading and (_mostly_a_date(heading) or _YEAR_MONTH.match(heading)) and container.getparent() is not None:
            # <h4>2025年09月28日</h4><ul>…</ul><h4>2025年09月26日</h4><ul>…: the day of the entries
            # under it (<h3>2025年11月</h3>: their month); the list's name is the heading of the box
            # that holds the days
            if _mostly_a_date(heading):
                for item in items:
                    if item.date_text is None:
                        item.date_text, item.bare = heading, False
            parent = container.getparent()
            heading, distance = find_heading(parent, parent[0], stats)
        strong = sum(1 for item in items if not item.bare)
        kind = kind_from_heading(heading)
        if strong < 2 or strong * 2 < linked:
            # Links with neither date nor region count only as a list under a
            # heading of their own box that, or whose links' URLs, name the type.
            typed = kind in _RECORD_KINDS or _items_kind(items) is not None
            if not typed or distance > 1 or len(items) < _MIN_BARE_ITEMS:
                continue
            if sum(total.get(item.element, 0) for item in items) * 4 < total.get(container, 0) - _MAX_HEADER_BOX:
                continue  # a column holding a text and a few boxes of links, not a list box
        _read_columns(container, items)
        groups.append(ItemGroup(container, heading, items, kind, _entries_beside_prose(children, items, total, links)))
        holds_group.update(container.iterancestors())
        holds_group.add(container)
    groups.sort(key=lambda g: order[g.container])
    return groups


_RECORD_KINDS = ("project", "policy", "park")
_MIN_PROSE = 100  # characters outside links: a text, not a box header or an entry
_MIN_SENTENCE = 20


def _entries_beside_prose(children, items: list[ListItem], total: dict, links: dict) -> list | None:
    """The entries' elements when the container's other children hold a text
    (paragraphs with a few linked lines among them, or a layout table's text row)."""
    entries = {item.element for item in items}
    prose = 0
    for child in children:
        if child not in entries and (own := total.get(child, 0) - links.get(child, 0)) >= _MIN_SENTENCE \
                and any(mark in element_text(child) for mark in "。！？"):
            prose += own  # (paragraphs; a row of facts under a title has no sentence)
    return [item.element for item in items] if prose >= _MIN_PROSE else None


@lru_cache(maxsize=8192)
def url_kind(url: str) -> str | None:
    """Record type suggested by words in the URL path (zhengce, yuanqu …)."""
    path = urlsplit(url).path.lower() + "/"
    for kind, words in URL_KEYWORDS.items():
        if any(w in path for w in words):
            return kind
    return None


def _urls_kind(urls) -> str | None:
    """The record type every URL names (/park/show-2031.html), if they agree on one."""
    kinds = {url_kind(url) if url else None for url in urls}
    kind = kinds.pop() if len(kinds) == 1 else None
    return kind if kind in _RECORD_KINDS else None


def _items_kind(items: list[ListItem]) -> str | None:
    return _urls_kind(item.url for item in items)


def _links_kind(children, base_url: str) -> str | None:
    """_items_kind before the items are read: the first link of each child."""
    firsts = (next(child.iter("a"), None) for child in children)
    return _urls_kind(join_url(base_url, a.get("href") or "") if a is not None else None for a in firsts)


def _column_names(container) -> list[str]:
    """Header cells of a table list (<thead> or a first row of <th>s)."""
    table = container if container.tag == "table" else container.getparent()
    if table is None or table.tag != "table":
        return []
    row = next(table.iter("tr"), None)
    cells = [c for c in row if c.tag in ("td", "th")] if row is not None else []
    if cells and (row.getparent().tag == "thead" or all(c.tag == "th" for c in cells)):
        return [_SPACES.sub("", element_text(c)).rstrip("：:") for c in cells]
    return []


def _read_columns(container, items: list[ListItem]) -> None:
    """What a table list says by column: the issuer under 发布机构 (it beats
    the text before 关于 in the title), and the date under 发布日期 when
    another column holds another date (成文日期)."""
    if container.tag not in ("table", "tbody", "thead"):
        return
    names = _column_names(container)
    issuer_at = next((i for i, name in enumerate(names) if name in ISSUER_LABELS), None)
    dated_at = next((i for i, name in enumerate(names) if name in PUBLISHED_LABELS), None)
    if issuer_at is None and dated_at is None:
        return
    for item in items:
        cells = [c for c in item.element if c.tag in ("td", "th")] if item.element is not None else []
        if len(cells) != len(names):
            continue
        if issuer_at is not None and item.issuer is None:
            text = element_text(cells[issuer_at]).strip("—-– ")
            item.issuer = text or None
        if dated_at is not None and (shown := element_text(cells[dated_at])) and parse_date(shown):
            item.date_text = shown


def _between_items_says_prev_next(container) -> bool:
    """Text written between a container's children (its own text and their
    tails) names 上一篇/下一篇."""
    texts = [container.text or ""] + [child.tail or "" for child in container]
    return any(word in text for text in texts if text.strip() for word in _PREV_NEXT)


_SHORT_ID = re.compile(r"/\d{1,2}\.s?html?$")


def is_detail_url(url: str) -> bool:
    """A link to one item: see _DETAIL_URL; a short numeric id (/yuanqu/88.html)
    counts under a path that names a record type."""
    if _TAG_PAGE.search(url) or _SITE_PAGE.search(url):
        return False  # /tag/412: every page with that tag, not one item; /help/2570.html: the site's own guide
    return bool(_DETAIL_URL.search(url)) or (bool(_SHORT_ID.search(url)) and url_kind(url) is not None)


_SITE_PAGE = re.compile(r"^[a-z]+://[^/]+/(?:[^/?#]+/)*(?:help|about|aboutus|guanyu|sitemap|faq)/", re.I)
_TAG_PAGE = re.compile(r"/(?:tags?|keywords?|label|labels)/|[?&](?:tag|keyword|kw)=", re.I)


def _links_to_detail(child, base_url: str) -> bool:
    for a in child.iter("a"):
        href = a.get("href")
        if href and _usable_href(href):
            url = join_url(base_url, href)
            if url is not None and is_detail_url(url) and not FILE_URL.search(url):
                return True
    return False


def _single_entry(container, base_url: str, stats) -> ItemGroup | None:
    """A list box holding one entry (<h4>相关文件</h4><ul><li><a>…</a></li></ul>)."""
    children = [c for c in container if isinstance(c.tag, str)]
    if len(children) != 1 or not 1 <= stats.anchors.get(children[0], 0) <= 3:
        return None
    item = read_item(children[0], base_url)
    if item is None or not is_detail_url(item.url) or FILE_URL.search(item.url):
        return None
    heading, distance = find_heading(container, children[0], stats)
    kind = kind_from_heading(heading)
    if kind not in _RECORD_KINDS:
        kind = None
        if _items_kind([item]) is None:
            return None
    return ItemGroup(container, heading, [item], kind) if distance <= 1 else None


def _vouched(url: str, title: str, folders: frozenset) -> bool:
    """A page in the folder of the box's other entries, named like one (not a sort tab,
    最新发布 at list_2.html?o=time)."""
    folder, _, name = url.rpartition("/")
    return folder in folders and len(title) >= 6 and bool(name) and "?" not in name and not _LIST_PAGE_NAME.match(name)


_LIST_PAGE_NAME = re.compile(r"(?:index|default|list|lists|more|search)(?:[_-]\w+)*\.", re.I)


def _read_items(children, possible, counts, base_url: str, total: dict) -> list[ListItem] | None:
    """The items among `children`, or None when fewer than two, or fewer
    than half the children that hold links, are items. Stops reading as soon
    as that outcome is certain: most containers tried are not lists."""
    linked = sum(1 for n in counts if n)
    need = max(2, -(-linked // 2))
    left = sum(possible)
    items, missed = [], []
    for child, ok in zip(children, possible):
        if not ok:
            continue
        if len(items) + left < need:
            return None
        left -= 1
        item = read_item(child, base_url)
        # a title with a few facts (or a short abstract), not a column of the page
        if item is not None and total.get(child, 0) <= len(item.title) + _MAX_ITEM_EXTRA:
            items.append(item)
        elif item is None:
            missed.append(child)
    if missed and len(items) >= 2:
        # a card showing neither date nor place, at an address of the same folder as the entries
        # beside it (/zsyz/zt/jrz.shtml among /zsyz/zt/…): one of them
        folders = frozenset(item.url.rpartition("/")[0] for item in items if not item.bare)
        if folders:
            read = {item.element: item for item in items}
            for child in missed:
                item = read_item(child, base_url, folders)
                if item is not None and total.get(child, 0) <= len(item.title) + _MAX_ITEM_EXTRA:
                    read[child] = item
            items = [read[child] for child in children if child in read]  # (in the children's order)
    return items if len(items) >= need else None


@lru_cache(maxsize=4096)
def kind_from_heading(heading: str | None) -> str | None:
    """Type named by a list heading; the keyword that ends last wins."""
    if not heading:
        return None
    best, best_end = None, -1
    for kind, words in TYPE_KEYWORDS.items():
        for word in words:
            pos = heading.rfind(word)
            if pos >= 0 and pos + len(word) > best_end:
                best, best_end = kind, pos + len(word)
    if best is not None and _NOT_RECORDS_TAIL.search(heading[best_end:]):
        return None  # 滁州经开区投资服务: the place names a zone, the box holds services
    return best


#: What a heading names after its last type word when the box is not of that
#: type (a zone's 投资服务, 办事指南; 政策宣讲: events about policies, not policies …).
_NOT_RECORDS_TAIL = re.compile(r"(?:服务|指南|流程|导航|入口|通道|热线|地图|简介|概况|介绍|环境|机构|企业|厂房|土地|写字楼"
                               r"|宣讲|宣讲会|培训|活动|问答|咨询)$")


def _heading_words(h) -> str:
    """An h1-h6's text without the 更多>> link, an English subtitle or a
    counter (<small>共找到 27 个园区</small>) written inside it."""
    text = without_badges(h, element_text(h))
    first = h[0] if len(h) else None
    if first is not None and isinstance(first.tag, str) and not fold(h.text) and not len(first):
        counter = element_text(first)  # <h2><span class="fr">共 126 條</span>廈門招商項目</h2>: a count floated right
        if counter and _COUNTER.match(counter) and text.startswith(counter) and len(text) > len(counter):
            text = text[len(counter):].lstrip()
    last = h[-1] if len(h) else None
    if last is not None and isinstance(last.tag, str) and not fold(last.tail):
        counter = element_text(last)
        if counter and (_COUNTER.match(counter) or (_LATIN_ONLY.match(counter) and _HAN.search(text))
                        or _UPDATE_NOTE.match(counter)) \
                and text.endswith(counter) and len(text) > len(counter):
            text = text[: -len(counter)].rstrip()  # (盘锦招商项目<em>PROJECTS</em>: the subtitle)
    if "更多" not in text and "more" not in text.lower():
        return text
    more = {a for a in h.iter("a") if MORE_RE.match(element_text(a))}
    return fold(" ".join(_text_chunks(h, more))) if more else text


def _join_pieces(chunks: list[str]) -> str:
    """Pieces of one heading split by inline markup (<font>成都郫都区</font>招商项目)
    read as one word between Chinese characters, spaced otherwise."""
    out = ""
    for chunk in chunks:
        if out and not (_HAN.match(out[-1]) and _HAN.match(chunk[0])):
            out += " "
        out += chunk
    return out


def _heading_text(el) -> str | None:
    """Heading text of a box-header element: its h1-h6 if it has one, else its
    text without links (a 更多 link sits beside the heading)."""
    if tag_of(el) in HEADING_TAGS:
        text = _heading_words(el)
        return text if 0 < len(text) <= 40 else None
    for h in el.iter("h1", "h2", "h3", "h4", "h5", "h6"):
        text = _heading_words(h)
        if 0 < len(text) <= 40:
            return text
    if element_text(el).startswith(_BREADCRUMB):
        return None  # 当前位置：首页 > 政策库: where the page is, not the name of a box
    crumbs = [c for c in el if isinstance(c.tag, str) and element_text(c).startswith(_BREADCRUMB)]
    if crumbs:
        # <div><div>招商政策</div><div>您当前的位置：首页 > …</div></div>: the box's name beside the path
        for child in el:
            if isinstance(child.tag, str) and child not in crumbs and (text := _heading_text(child)):
                return text
        return None
    # a heading drawn as an image (<div><img alt="黄岩产业园区"><a>更多</a></div>)
    if tag_of(el) not in ("ul", "ol", "table", "dl") and all(MORE_RE.match(element_text(a)) for a in el.iter("a")) \
            and not "".join(_text_chunks(el, set(el.iter("a")))).strip("更多>» "):
        # (a logo is an image inside a link home: never a box's heading)
        alts = [alt for img in el.iter("img") if (alt := fold(img.get("alt")))]
        if len(alts) == 1 and 2 <= len(alts[0]) <= 24:
            return alts[0]
    figures = el.iter("figure")
    if next(figures, None) is not None and next(figures, None) is not None:
        return None  # a gallery (<figure><img><figcaption>园区鸟瞰</figcaption></figure> …) names nothing
    if _RESULT_STAT.match(element_text(el)):
        return None  # 找到与“<b>智能装备</b>”相关的结果约 47 条: the search, not the list's name
    # table layouts: one bold title in the header box (<td><b>政策法规</b> 当前位置：…</td>)
    # (a bold figure, 共找到 <b>36</b> 个, names nothing)
    bold = [text for b in el.iter("b", "strong") if (text := element_text(b)) and b.find(".//a") is None
            and any(ch.isalpha() for ch in text) and not any(tag_of(up) == "a" for up in b.iterancestors())]
    if len(bold) == 1 and 2 <= len(bold[0]) <= 24 and not bold[0].endswith(("：", ":")):
        return bold[0]  # (<b>分类：</b><a>省级政策</a> | …: a filter's label)
    if tag_of(el) in ("table", "tbody"):
        rows = el.xpath("./tr | ./tbody/tr")
        if len(rows) == 1 and all(not (t := element_text(a)) or MORE_RE.match(t) for a in el.iter("a")):
            return _heading_text(rows[0])  # an old layout's box header: a table of one row (名称 | 更多>>)
        return None
    if tag_of(el) in ("ul", "ol", "dl", "form"):
        return None
    anchors = list(el.iter("a"))
    more = {a for a in anchors if MORE_RE.match(element_text(a))}
    if len(anchors) - len(more) >= 2:
        return None  # a filter bar or a nav strip, not a box header
    if sum(1 for c in el.iter("th", "td") if (t := element_text(c)) and not MORE_RE.match(t) and not _COUNTER.match(t)) >= 2 \
            or _column_headers(el):
        return None  # column headers of a table, not the heading of its box (<td>共 96 条</td> is no column)
    chunks = [c for c in _text_chunks(el, more) if not _COUNTER.match(c)]
    if len(chunks) > 1 and any(_HAN.search(c) for c in chunks):
        chunks = [c for c in chunks if not _LATIN_ONLY.match(c)]  # 钦州产业园区 <span>INDUSTRIAL PARKS</span>
    if len(anchors) > len(more):
        # 重点招商项目库 <a>导出清单</a>: beside a plain-text name, a link is a tool of the box
        plain = [c for c in _text_chunks(el, set(anchors)) if not _COUNTER.match(c)]
        if plain:
            chunks = plain
    text = fold(_join_pieces(chunks))
    if 2 <= len(text) <= 24 and not text.endswith(("：", ":", "…", "...")) and not any(ch.isdigit() for ch in text[-4:]) \
            and "，" not in text and "。" not in text and not _COUNTER.match(text):
        # (数据加载中，请稍候… is a placeholder; 共找到 <b>63</b> 个园区 a count drawn in pieces)
        return text
    return None


def _column_headers(el) -> bool:
    """A row of three or more short cells (项目名称 | 所在地区 | 发布日期) heads the
    columns of a list drawn with divs or spans, not its box."""
    cells = [c for c in el if isinstance(c.tag, str) and not (c.tag == "a" and MORE_RE.match(element_text(c)))]
    return len(cells) >= 3 and all(0 < len(element_text(c)) <= 8 and c.tag != "a" and c.find(".//a") is None
                                   for c in cells)


def find_heading(container, first_item, stats) -> tuple[str | None, int]:
    """Cached per page: find_item_groups asks twice for most boxes."""
    cache = stats.__dict__.setdefault("headings", {})
    key = (container, first_item)
    found = cache.get(key)
    if found is None:
        found = cache[key] = _find_heading(container, first_item, stats)
    return found


def _find_heading(container, first_item, stats) -> tuple[str | None, int]:
    """The heading of the box a list sits in and how far away it was found
    (0: inside the container, before its first item; n: a preceding short
    sibling of the container's n-1th ancestor, not counting wrappers that
    hold nothing else), looking through up to _HEADING_LEVELS ancestors. (None, 99)
    when there is none."""
    caption = container.find("caption")
    if caption is not None and element_text(caption):
        return element_text(caption), 0
    # nearest first: a layout table's rows above its list (the text's title, the text) name nothing
    child = first_item.getprevious() if first_item.getparent() is container else (container[-1] if len(container) else None)
    while child is not None:
        if isinstance(child.tag, str) and stats.total.get(child, 0) <= _MAX_HEADER_BOX:
            text = _heading_text(child)
            if text:
                return text, 0
        child = child.getprevious()
    node, distance = container, 1
    for _ in range(_HEADING_LEVELS):
        sibling = node.getprevious()
        steps = 0
        while sibling is not None and steps < 3:
            if isinstance(sibling.tag, str):
                if stats.total.get(sibling, 0) <= _MAX_HEADER_BOX:
                    text = _strip_tab_title(node, sibling, container) or _heading_text(sibling)
                    if text:
                        return text, distance
                if (sibling.tag != node.tag or sibling.get("class") != node.get("class")) \
                        and not _link_bar(sibling, stats):
                    steps += 1  # (boxes of this box's make before it, a month's entries each, and filter bars are not counted)
            sibling = sibling.getprevious()
        parent = node.getparent()
        if parent is None or tag_of(parent) in ("body", "html"):
            break
        # a wrapper around the list alone (<div class="bd"><ul>…) is no farther away
        if _has_element_sibling(node, stats.total):
            distance += 1
        node = parent
    tab = _tab_title(container, stats)
    return (tab, 1) if tab else (None, 99)


_TAB_LINKS = etree.XPath("//*[@data-target or @data-bs-target or @aria-controls or starts-with(@href, '#')]")


def _link_bar(el, stats) -> bool:
    """A bar of links (发文区域：全部 市级 芗城区 …, a pager) between a list and its heading."""
    anchors = stats.anchors.get(el, 0)
    return anchors >= 3 and stats.links.get(el, 0) * 2 > stats.total.get(el, 0)


def _tabs_by_pane(container, stats) -> dict:
    """Pane id -> elements pointing at it (data-target="#pane-zc", href="#…",
    aria-controls), in document order; read once per page."""
    tabs = getattr(stats, "tabs_by_pane", None)
    if tabs is None:
        tabs = {}
        for el in _TAB_LINKS(container):
            refs = [ref[1:] for ref in (el.get("data-target"), el.get("data-bs-target"), el.get("href"))
                    if ref and ref.startswith("#")]
            if el.get("aria-controls"):
                refs.append(el.get("aria-controls"))
            for ref in dict.fromkeys(refs):
                tabs.setdefault(ref, []).append(el)
        stats.tabs_by_pane = tabs
    return tabs


def _tab_title(container, stats) -> str | None:
    """A list in a tab pane is headed by its tab, which sits elsewhere: the
    element pointing at the pane's id (data-target="#pane-zc", href="#…",
    aria-controls), else the tab at the pane's position in a tab strip
    just before the panes."""
    pane = container
    for _ in range(3):
        pane = pane.getparent()
        if pane is None:
            return None
        pane_id = pane.get("id")
        if pane_id:
            for tab in _tabs_by_pane(pane, stats).get(pane_id, ()):
                text = element_text(tab)
                if 2 <= len(text) <= 24:
                    return text
        panes = pane.getparent()
        strip = panes.getprevious() if panes is not None else None
        if strip is not None and tag_of(strip) in ("ul", "ol", "div"):
            siblings = [c for c in panes if isinstance(c.tag, str)]
            tabs = [c for c in strip if isinstance(c.tag, str)]
            if len(siblings) >= 2 and len(tabs) == len(siblings) and all(
                    2 <= len(element_text(t)) <= 24 for t in tabs):
                return element_text(tabs[siblings.index(pane)])
    return None


def _strip_tab_title(pane, header, container=None) -> str | None:
    """Panes of one make under a header holding as many short tabs
    (<div><ul><li>黄岩招商项目</li><li>黄岩优惠政策</li></ul></div><ul class="bd">…<ul class="bd hide">):
    each pane is headed by its tab, not by the tabs run together. The panes
    may sit in a wrapper of their own after the tabs (`pane` is then the
    wrapper, and `container` the list inside one of them)."""
    parent = pane.getparent()
    if parent is None:
        return None
    panes = _panes(pane, parent)
    if len(panes) < 2 and container is not None and container is not pane:
        inner = next((child for child in pane if child is container or child in container.iterancestors()), None)
        if inner is not None:
            pane, panes = inner, _panes(inner, pane)
    if len(panes) < 2 or header in panes:
        return None  # (the pane before this one is no strip of tabs)
    for strip in (header, *header.iter("ul", "ol", "h2", "h3", "h4", "div", "p")):
        # (a 更多 link or a count, 已收录政策 2,318 件, beside the tabs is none of them)
        tabs = [c for c in strip if isinstance(c.tag, str) and not MORE_RE.match(text := element_text(c))
                and not _COUNTER.match(text)]
        if len(tabs) == len(panes) and all(t.tag == tabs[0].tag and 2 <= len(element_text(t)) <= 24 for t in tabs):
            return element_text(tabs[panes.index(pane)])
    return None


def _panes(pane, parent) -> list:
    own = set((pane.get("class") or "").split())
    return [c for c in parent if c.tag == pane.tag and (set((c.get("class") or "").split()) & own
                                                        or not (own or c.get("class")))]


def _has_element_sibling(el, total: dict) -> bool:
    """Whether `el` shares its parent with an element that shows text (an
    empty pager of dots or a slider's ‹ › buttons do not count)."""
    return any(_shows_words(other, total) for other in el.itersiblings()) or \
        any(_shows_words(other, total) for other in el.itersiblings(preceding=True))


def _shows_words(el, total: dict) -> bool:
    if not isinstance(el.tag, str) or not total.get(el, 0):
        return False
    return total[el] > 6 or _WORD_CHAR.search(element_text(el)) is not None


_WORD_CHAR = re.compile(r"\w")
