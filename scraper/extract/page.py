"""One page in, its kind, records and links out.

This module wires the stages together; each stage lives in its own module
(decode, clean, lists, body, fields, dates, regions, policy, sections).
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from urllib.parse import urldefrag, urlsplit

from lxml import etree

from ..urls import canonical_url, record_id
from .body import TextStats, body_lines, copies_elsewhere, find_body_containers, in_footer, is_heading
from .clean import head_info, parse_html, strip_invisible
from .dates import DATE_RE, parse_date
from .decode import decode_html, may_hold_controls
from .fields import (
    CONTACT_LABEL, KNOWN_LABELS, META_LABELS, block_fields, clean_label, colon_bracket_labels, find_field_blocks,
    PLACE_BEFORE_DATE, inline_fields, is_metadata_line, label_element_segments, marked_pair_row, page_tool_line, pairs_start,
)
from .lists import FILE_URL, ZONE_NAME, ItemGroup, find_item_groups, is_detail_url, join_url, url_kind, without_badges
from .hanzi import restore_record, simplify
from .policy import document_name, document_number, issuer_from_title, number_line, signature_issuer
from .regions import parse_region
from .sections import dedup_lines, split_sections
from .text import BLOCK_TAGS, block_lines, common_ancestor, dedup_key, element_text, fold, raw_text
from .vocab import (
    AUTHOR_LABELS, CTA_TEXTS, ISSUER_LABELS, SITE_PAGE_TITLES, DOCNUM_LABELS, MORE_RE, NEXT_PAGE_RE, PAGER_WORDS, PLACEHOLDER_VALUES,
    HEADING_PATTERN_RE, PUBLISHED_LABELS, SENTENCE_END, REGION_LABELS, SOURCE_LABELS, TAG_LABELS, TYPE_LABELS,
)

SCHEMA_VERSION = 1
RECORD_TYPES = ("article", "project", "policy", "park")
_ANY_SEPARATOR = re.compile(r"\s*[-|–—_｜]\s*")
_TITLE_SPLIT = re.compile(r"\s*(?:\s[-|–—_]\s|[_|｜]|——|--|-(?=[^-]*$))\s*")
_TITLE_CLASS = re.compile(r"title|tit|headline|bt|biaoti", re.I)
_GENERIC_TITLE = re.compile(r"^.{0,7}$|(?:详情|详细|正文|内容|页面|详情页|文章|信息|浏览|查看)$")
_SITE_NAME = re.compile(r"logo|site-?name|web-?name|site-?title|web-?title", re.I)
_TAG_CLASS = re.compile(r"tag|keyword|biaoqian|(?:^|\s)labels(?:$|\s)|(?:^|[\s_-])chips?(?:$|[\s_-])", re.I)  # (a box of `labels`, not one label)
_SOURCE_MARKED = etree.XPath(".//*[contains(@class, 'source') or contains(@id, 'source') or contains(@class, 'laiyuan')"
                             " or contains(@class, 'copyfrom')]")
_AUTHOR_MARKED = etree.XPath(".//*[contains(@class, 'author')]")
_AUTHOR_CLASS = re.compile(r"(?:^|\s)author(?:$|\s)")
#: the class token alone (a `resource-list` or `source-link` box is something else)
_SOURCE_CLASS = re.compile(r"(?:^|[\s_-])(?:source|laiyuan|copyfrom)(?:$|\s|_[A-Za-z0-9]{4,8}(?:$|\s))", re.I)
_SOURCE_WORD = re.compile(r"^(?:来源|来自|稿源)\s*[:：]?\s*")
_YEAR = re.compile(r"(?:19|20)\d{2}")
_LEAD_LABEL = re.compile(r"^[\u4e00-\u9fa5]{2,6}\s*[：:]")
_CATEGORY_LEAD = re.compile(r"^(?:所属)?(?:行业|产业)(?:分类|类别)?\s*[：:]")
_NON_WORD = re.compile(r"[\s,，、;；|｜/·•#]+")
#: A policy document's metadata labels: three of them make a box its own.
_SUMMARY_LABELS = frozenset({"摘要", "导读", "核心提示", "内容提要", "内容摘要", "提要"})
_DOCUMENT_LABELS = frozenset({"索引号", "文号", "成文日期", "成文时间", "发布日期", "发布时间", "主题分类", "信息分类",
                              "有效性", "文件状态", "公开方式", "公开范围", *ISSUER_LABELS, *DOCNUM_LABELS})
_BRACKET_TAIL = re.compile(r"[（(][^（）()]{1,12}[）)]$")  # 珠海经济技术开发区（高栏港）
#: Labels of a project's or a park's facts (园区级别, 投资总额 …).
_ITEM_LABELS = frozenset(TYPE_LABELS["project"] + TYPE_LABELS["park"])
#: Labels that say nothing about a page's one item: its metadata and an office's contact lines.
_NOT_FACTS = META_LABELS | {"联系人", "联系单位", "联系地址", "地址", "邮编", "网址", "联系方式", "传真"}
_EDITOR_LABELS = frozenset({"责任编辑", "编辑", "责编", "编审", "校对", "审核", "审校", "终审", "初审", "复审", "监制"})
#: A national service number (400-733-0733): a company's line, not an item's.
_SERVICE_NUMBER = re.compile(r"^[48]00[-\s]?\d{3}[-\s]?\d{4}\b")
_TAG_URL = re.compile(r"/tags?/|[?&](?:tag|tags|keyword)=", re.I)
_DATE_IN_TEXT = re.compile(r"(?:19|20)\d{2}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}")
_UPDATED = re.compile(r"(?:更新|维护)(?:时间|日期|于)?\s*[:：]?\s*(" + _DATE_IN_TEXT.pattern + ")")
_LEAD_BYLINE = re.compile(r"^文\s*[/／｜|]\s*([\u4e00-\u9fa5]{2,4})\s+(?=(?:19|20)\d{2})")
_BEIJING = timezone(timedelta(hours=8))
#: An article with no date, source or author must at least read like one.
_UNDATED_ARTICLE_MIN = 300
#: Titles of a site's service pages (not news, not items): what they offer, in prose, undated.
_SERVICE_TITLE = re.compile(r"(?:服务窗口|服务中心|服务专区|服务指南|办事指南|投资指南|投资流程|办事流程|服务流程|选址服务|服务平台)$")
#: A dated text this long is news even when a list beside it reads like a fact table.
_DATED_TEXT_MIN = 400
#: Text beside a detail page's name in its own small box: a tagline, badges.
_TITLE_BLOCK_EXTRA = 60
_TAG_SPLIT = re.compile(r"[\s,，、;；|/／]+")
#: Candidates for pager and 更多 links, selected in C: short link texts.
_SHORT_OR_MORE_ANCHORS = etree.XPath(
    "//a[@href][string-length(normalize-space(.)) <= 5 or contains(., '更多') or contains(., 'more') or contains(., 'MORE')]"
)


@dataclass
class PageLinks:
    """Links the crawler needs: item pages by type, further listing pages,
    and 更多… links to full listings."""

    details: dict[str, list[str]] = field(default_factory=lambda: {t: [] for t in RECORD_TYPES})
    next_pages: list[str] = field(default_factory=list)
    more: list[str] = field(default_factory=list)


@dataclass
class ParsedPage:
    url: str
    kind: str
    records: list[dict]
    links: PageLinks
    encoding: str


def _now_iso() -> str:
    return datetime.now(timezone.utc).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def _registrable(host: str) -> str:
    parts = host.split(".")
    if len(parts) >= 3 and parts[-2] in ("com", "gov", "org", "net", "edu", "ac") and len(parts[-1]) == 2:
        return ".".join(parts[-3:])
    return ".".join(parts[-2:])


def own_url(page_url: str, canonical: str | None) -> str:
    """The page's own URL: its canonical link when that stays on the same
    site (desktop copy of a mobile page), else the URL it was read from.
    Kept as written (no fragment); ids come from its canonical form."""
    absolute = join_url(page_url, canonical) if canonical else None
    if absolute:
        a, b = urlsplit(absolute), urlsplit(page_url)
        if a.scheme in ("http", "https") and a.hostname and b.hostname and (
            a.hostname == b.hostname or _registrable(a.hostname) == _registrable(b.hostname)
        ):
            return urldefrag(absolute).url
    return urldefrag(page_url).url


# ---------------------------------------------------------------- title

def lift_headline_meta(root) -> None:
    """`<h1>标题<br><span>2025年10月30日 来源：… 编辑：…</span></h1>` (PHPCMS's
    default template): the line under the break is the page's metadata, not
    part of the headline. It is moved to just after the headline, where the
    title and the metadata are each read as on any other page."""
    for headline in root.iter("h1", "h2"):
        children = list(headline)
        breaks = [i for i, child in enumerate(children) if child.tag == "br"]
        if not breaks:
            continue
        br = children[breaks[0]]
        rest = children[breaks[0] + 1:]
        if not rest or fold(br.tail) or any(fold(child.tail) for child in rest):
            continue  # text of its own after the break: a title written on two lines
        line = fold(" ".join(element_text(child) for child in rest))
        if not line or not (is_metadata_line(line) or (_mostly_date(line) and parse_date(line))):
            continue
        if len(fold(raw_text(headline))) - len(line) < 4:
            continue
        meta = etree.Element("div")
        for child in rest:
            meta.append(child)
        meta.tail, headline.tail = headline.tail, None
        headline.remove(br)
        headline.addnext(meta)


_TOOL_LINK = re.compile(r"^[+＋☆★♡]?\s*(?:加入)?(?:收藏|分享|打印|关注)$")


def _without_tool_link(el, text: str) -> str:
    """<h1>曲靖沾益工业园区<a class="fav">+收藏</a></h1>: a tool's link after the name is not part of it."""
    last = el[-1] if len(el) else None
    if last is not None and last.tag == "a" and not fold(last.tail) and (tool := element_text(last)) \
            and _TOOL_LINK.match(tool) and text.endswith(tool):
        return text[: -len(tool)].rstrip()
    return text


def find_title(root, head_title: str):
    """(element or None, title). The visible headline that the <title>
    starts with (a logo h1 is only the site-name suffix), else the first h1,
    else the <title> without its site-name suffix."""
    head_title = fold(head_title)
    candidates = []
    seen: dict[str, bool] = {}  # pages repeat a few class names on many elements
    for el in root.iter("h1", "h2", "h3", "div", "td", "p", "span", "strong", "font"):
        tag = el.tag
        if tag != "h1" and tag != "h2" and tag != "h3" and not (
            _title_like(el.get("class"), seen) or _title_like(el.get("id"), seen)
        ):
            continue
        if _SITE_NAME.search(f"{el.get('class') or ''} {el.get('id') or ''}"):
            continue  # <h2 class="sitename">: the site's name, which the <title> also holds
        text = _without_tool_link(el, without_badges(el, element_text(el)))
        if 4 <= len(text) <= 120:
            candidates.append((el, text))
    best, best_key = None, None
    first_part = _TITLE_SPLIT.split(head_title, maxsplit=1)[0]
    for el, text in candidates:
        pos = head_title.find(text)
        if pos < 0:
            # the headline may say more than the <title> keeps (…项目 总投资31.5亿元)
            extra = text[len(first_part):]
            if len(first_part) < 8 or not text.startswith(first_part) or el.tag not in ("h1", "h2", "h3") \
                    or len(extra) > 24 or not extra[:1].isspace() or any(c in extra for c in "：:|") \
                    or _DATE_IN_TEXT.search(extra):
                continue
            pos = 0
        key = (pos == 0, len(text))
        if best_key is None or key > best_key:
            best, best_key = (el, text), key
    if best is not None and (best_key[0] or best_key[1] >= 8):
        return best
    h1s = [(el, t) for el, t in candidates if el.tag == "h1" and not _home_link_only(el)]
    if h1s:
        return h1s[0]
    if best is not None and best[0].tag == "h2":
        return best  # 智能装备_搜索结果_某网 over <h2>搜索结果</h2>: the page's own heading, short as it is
    parts = [p for p in _TITLE_SPLIT.split(head_title) if p]
    # a table layout's headline in a bare <td><font><b>…</b></font></td>: the element
    # that shows the <title>'s first part, whatever its markup
    firsts = {p for p in (parts[0] if parts else "", _ANY_SEPARATOR.split(head_title)[0]) if len(p) >= 8}
    body = root.find("body") if firsts else None
    if body is not None:
        for el in body.iter("td", "div", "p", "b", "strong", "font", "span", "h4", "h5"):
            text = element_text(el)
            if text in firsts:
                return el, text
    long_ones = [(el, t) for el, t in candidates if len(t) >= 8]
    if long_ones:
        return max(long_ones, key=lambda c: len(c[1]))
    return None, (parts[0] if parts and len(parts[0]) >= 4 else head_title)


def _home_link_only(el) -> bool:
    """<h1><a href="/">济宁招商网</a></h1>: the site's name as a link home, not a headline."""
    links = [c for c in el if isinstance(c.tag, str)]
    return len(links) == 1 and links[0].tag == "a" and not fold(el.text) and not fold(links[0].tail) \
        and (links[0].get("href") or "").strip() in ("/", "./", "../", "index.html", "/index.html", "")


def _headline_above(container):
    """(element, text) of the line just above the text, when nothing else
    named the headline (a `<title>` that says only 文件详情): a short block
    that is no metadata line, no date and no link."""
    node = container
    for _ in range(3):
        for sibling in node.itersiblings(preceding=True):
            if not isinstance(sibling.tag, str):
                continue
            text = element_text(sibling)
            if not text:
                continue
            if 8 <= len(text) <= 80 and sibling.find(".//a") is None and not text.endswith(("。", "：", ":")) \
                    and not is_metadata_line(text) and not _mostly_date(text) and not inline_fields(text):
                return sibling, text
            if len(text) > 80 or sibling.tag in ("table", "ul", "ol", "dl"):
                continue  # a metadata table between the headline and the text
            return None
        node = node.getparent()
        if node is None or node.tag == "body":
            return None
    return None


def _title_like(value: str | None, seen: dict) -> bool:
    """A class or id that reads like a headline's (tested apart: no keyword
    spans the space between them), each distinct value matched once."""
    if not value:
        return False
    found = seen.get(value)
    if found is None:
        found = seen[value] = _TITLE_CLASS.search(value) is not None
    return found


# ---------------------------------------------------------------- helpers

def _bare_name(el, text: str, longest: int) -> bool:
    """A name alone, as a class-marked source or author shows it: no label,
    no date, no list of parts."""
    if any(isinstance(child.tag, str) and child.tag in BLOCK_TAGS for child in el.iterdescendants()):
        return False
    return 2 <= len(text) <= longest and not any(ch in text for ch in "：:/|｜ ") and not any(ch.isdigit() for ch in text)


def _labelled_chips(owner) -> bool:
    """<div><b>标签</b><span>德资企业</span><span>外资</span></div>: a tag label in an
    element of its own, no colon, before the chips."""
    first = next((child for child in owner if isinstance(child.tag, str)), None)
    return first is not None and not fold(owner.text) and len(owner) >= 2 \
        and clean_label(element_text(first)).lower() in TAG_LABELS


def _badge_row(owner) -> bool:
    """<div><span class="badge">智能制造</span><span class="badge">重大项目</span></div>:
    a row of nothing but badges (Bootstrap's `badge`, `pill`) shows the text's categories."""
    kids = [child for child in owner if isinstance(child.tag, str)]
    if not 1 <= len(kids) <= 10 or fold(owner.text) or any(fold(child.tail) for child in kids):
        return False
    return all(child.tag in ("span", "a") and _BADGE_CLASS.search(child.get("class") or "") and element_text(child)
               and len(child) == 0 for child in kids)


_BADGE_CLASS = re.compile(r"(?:^|[\s_-])(?:badge|pill)(?:$|[\s_-])", re.I)


def _tag_links_only(owner) -> bool:
    """A row of links each to a tag page or marked as a tag (<a class="tag">),
    and nothing else: the article's tags, whatever the row's own class."""
    links = [a for a in owner.iter("a")]
    if not 1 <= len(links) <= 10:
        return False
    if not all(_TAG_CLASS.search(a.get("class") or "") or _TAG_URL.search(a.get("href") or "") for a in links) \
            and not _CATEGORY_LEAD.match(fold(raw_text(owner))):
        # (a row of industry links, 所属行业：<a>现代农业</a> <a>种业</a>, is the text's categories too)
        return False
    # (a label may open the row: 所属行业：<a>纺织印染</a>、<a>时尚产业</a>)
    return _NON_WORD.sub("", _LEAD_LABEL.sub("", fold(raw_text(owner)), count=1)) \
        == _NON_WORD.sub("", "".join(raw_text(a) for a in links))


_DATE_CHARS = re.compile(r"[\d\s\-/.:：年月日时分秒星期周一二三四五六天\[\]【】()（）]")


def _mostly_date(text: str) -> bool:
    """A line that is a date (`2025-09-15 10:06`, `[2025年9月3日 星期三]`), not a
    list entry or a sentence with one in it (`新增入驻企业15家 2025-08-20`)."""
    return any(c.isdigit() for c in text) and len(_DATE_CHARS.sub("", text)) <= 4


def _first(fields: dict, labels) -> str | None:
    for label in labels:
        value = fields.get(label)
        if value:
            return value
    return None


def _placeholder(value: str | None) -> str | None:
    if value is None:
        return None
    value = _unbracket(fold(value))
    return None if not value or value.lower() in PLACEHOLDER_VALUES else value


_BLOCK_TITLE_WORDS = ("简介", "概况", "介绍", "概述", "详情")


def _image_caption(line) -> bool:
    """On a detail page, the caption of a picture in a box of its own (a plan, a
    gallery: <div class="plan"><img><span class="cap">图：功能分区示意</span></div>),
    not the item's text."""
    el = line.element
    if el is None or len(line.text) > 40 or line.text.endswith(SENTENCE_END) or el.find(".//img") is None:
        return False
    return el.tag == "figure" or el.find("p") is None


def _in_text_paragraph(line) -> bool:
    """A bold line written as a paragraph of the text among others
    (<p><strong>项目背景</strong></p> between <p>s): the text's own subheading,
    not the title of the template's box."""
    el = line.element
    if el is None or el.tag != "p":
        return False
    return any(sibling.tag == "p" for sibling in el.itersiblings()) or \
        any(sibling.tag == "p" for sibling in el.itersiblings(preceding=True))


def _block_title(line, bare: bool = True) -> bool:
    """A detail page's box title: a short heading line, or a short line that
    names a box (项目简介 in a plain <div>), not a numbered heading."""
    text = line.text
    if len(text) >= 4 and text[0] in "【［[〖" and text[-1] in "】］]〗":
        text = text[1:-1].strip()  # 【项目概况】
    named = line.heading_tag or text.endswith(_BLOCK_TITLE_WORDS) \
        or ((line.bold or (bare and _BARE_WORDS.match(text))) and not _in_text_paragraph(line))
    # (a heading that names what its box holds may be longer: <h3>合作方式及效益分析</h3>)
    longest = 12 if line.heading_tag and text.endswith(_BOX_WORDS) else 8
    return named and len(text) <= longest and not HEADING_PATTERN_RE.match(text) and not text.endswith(SENTENCE_END)


_BOX_WORDS = _BLOCK_TITLE_WORDS + ("分析", "内容", "条件", "方式", "优势", "情况", "要求", "信息", "规划", "配套", "环境")


def _copy_box_title(kept, lines) -> bool:
    """The last kept line names the box of a copy: a few words, then only
    repeats, and it shares a box with the first repeat but not with the
    text before it (a closing signature shares none with the copy)."""
    last = kept[-1]
    if not _BOX_TITLE.match(last.text) or last is lines[-1]:
        return False
    following = lines[lines.index(last) + 1]
    if last.element is None or following.element is None or kept[-2].element is None:
        return False
    box = common_ancestor(last.element, following.element)
    return box is not None and not any(up is box for up in kept[-2].element.iterancestors())


#: A box's title, maybe with its toggle (全文 收起)
_BOX_TITLE = re.compile(r"^[\u4e00-\u9fa5][\u4e00-\u9fa5 ·|｜/∨∧▲▼]{1,11}$")
#: A few Chinese characters alone on a line (市场前景, 建设条件, 重点项目招商中): on a detail
#: page, the title of a box or a badge, never a sentence of its text.
_BARE_WORDS = re.compile(r"^[\u4e00-\u9fa5]{2,8}$")


def _unbracket(value: str) -> str:
    """`（记者 王敏）` -> `记者 王敏`, and a bracket left open or closed by the
    line around it goes; `某中心（微信公众号）` keeps its own pair."""
    value = value.strip()
    while value and value[0] in "（(" and value.count(value[0]) > value.count(")" if value[0] == "(" else "）"):
        value = value[1:].strip()
    while value and value[-1] in "）)" and value.count(value[-1]) > value.count("(" if value[-1] == ")" else "（"):
        value = value[:-1].strip()
    if len(value) >= 2 and (value[0], value[-1]) in (("（", "）"), ("(", ")")) and value.count(value[0]) == 1:
        value = value[1:-1].strip()
    return value


def profile_kind(url: str, profile: dict | None) -> str | None:
    """The page kind a site profile's `url_patterns` give `url`, if any."""
    patterns = (profile or {}).get("url_patterns") or {}
    for kind, regexes in patterns.items():
        for regex in regexes if isinstance(regexes, (list, tuple)) else [regexes]:
            if re.search(regex, url):
                return kind
    return None


#: The title of an interpretation of a named policy document.
_POLICY_READING = re.compile(r"《[^》]{4,}》.{0,8}解读$|解读《[^》]{4,}》")


_TAG_LINE = re.compile(r"^\s*(?:" + "|".join(TAG_LABELS) + r")\s*[:：]\s*", re.I)


def _tags_in(el, text: str) -> list[str]:
    """Tags of a 标签： line: its links' texts, else the text split; the
    line's next label (字号：大 中 小) ends them."""
    colon = min((i for i in (text.find("："), text.find(":")) if i >= 0), default=-1)
    if colon >= 0:  # 项目签约 绿色食品　字号：… -> the words before the next label's
        head = text[:colon].split()
        text = " ".join(head[:-1])
    links = [t for a in el.iter("a") if (t := element_text(a)) and t in text] if el is not None else []
    return [t for t in links or _TAG_SPLIT.split(text) if t and len(t) <= 20]


_TAG_CELLS = ("td", "th", "dt", "span", "em", "label", "b", "strong", "i", "div")


def _tags_in_block(block) -> list[str]:
    """Tags given as one row of a fact table (<td>标签</td><td><a>先进制造</a>…</td>), or
    as a row of tag links inside a meta box read as facts (<div class="art-tags"><a
    href="/tag/…">…</a></div> under 所属地区:…　发布日期:…)."""
    for cell in block.iter(*_TAG_CELLS):
        text = element_text(cell)
        if text and len(text) <= 8 and clean_label(text).lower() in TAG_LABELS:
            value = cell.getnext()
            if value is not None and isinstance(value.tag, str):
                return _tags_in(value, element_text(value))
    for row in block.iter("div", "p", "span", "ul"):
        if row is not block and _tag_links_only(row):
            return [t for a in row.iter("a") if (t := element_text(a)) and len(t) <= 20]
    return []


def _in_link(el) -> bool:
    """Inside a link to somewhere (a card whose whole box is one <a>)."""
    for node in (el, *el.iterancestors()):
        if node.tag == "a":
            href = (node.get("href") or "").strip()
            return bool(href) and not href.lower().startswith(("javascript:", "#"))
    return False


def _segments(line) -> list[tuple[str, object]]:
    """A meta line drawn as spans with nothing between them reads
    `来源：某中心2025-09-18 10:32阅读 --`; each span is a unit of its own
    (unless one holds only a label, `<span>来源：</span><span>某中心</span>`)."""
    owner = line.element
    # through a wrapper around the spans (<div><font><span>…</span><span>…</span></font></div>)
    while owner is not None and len(owner) == 1 and not fold(owner.text) and not fold(owner[0].tail) \
            and isinstance(owner[0].tag, str) and owner[0].tag not in BLOCK_TAGS:
        owner = owner[0]
    unlabelled = line.text.count("：") + line.text.count(":") == 0
    if owner is None or len(owner) < 2 or fold(owner.text) \
            or (unlabelled and not (len(line.text) <= 80 and _DATE_IN_TEXT.search(line.text))) \
            or (len(line.text) <= 40 and _mostly_date(line.text)
                and not any(_DATE_IN_TEXT.search(element_text(c)) for c in owner if isinstance(c.tag, str))):
        # (a line of labels is split at them, and a line of unlabelled spans only when one is a date:
        # <span>2025/11/05</span><span>南通 · 如皋市</span>; 2025 10/23 09:41:27 drawn as spans is one date,
        # <span>发布时间：2025-11-12</span><span>362</span><span>分享</span> a date and two tools)
        return [(line.text, line.element)]
    labelled = label_element_segments(owner)
    if labelled:
        return labelled
    texts = []
    children = list(owner)
    for i, child in enumerate(children):
        if not isinstance(child.tag, str) or child.tag in BLOCK_TAGS or fold(child.tail):
            return [(line.text, owner)]
        text = element_text(child)
        if text.endswith(("：", ":")) and i + 1 < len(children):
            return [(line.text, owner)]  # a label whose value is the next span (the last may be empty: 浏览次数：<script>)
        if text:
            texts.append((text, child))
    whole = "".join(t for t, _ in texts).replace(" ", "") == line.text.replace(" ", "")
    return texts if len(texts) >= 2 and whole else [(line.text, owner)]


_ENTRY_INPUTS = frozenset({"text", "tel", "email", "number", "date", ""})


def _entry_forms(root) -> list:
    """Forms asking for several facts (name, phone, message …), not search boxes."""
    return [form for form in root.iter("form")
            if sum(1 for el in form.iter("input", "textarea", "select")
                   if el.tag != "input" or (el.get("type") or "").lower() in _ENTRY_INPUTS) >= 3]


#: A reporter's credit line without a label's colon: the outlet, 记者 and the
#: first name (others may follow), or 文｜ with an outlet before the name.
_BYLINE = re.compile(
    r"^[（(]?[\u4e00-\u9fa5]{0,8}?记者\s*[｜|]?\s*(?P<name>[\u4e00-\u9fa5]{2,4})"
    r"(?:(?:[、\s\u3000]+(?:[\u4e00-\u9fa5]{0,6}(?:记者|编辑|通讯员|实习生|校对|摄影|审核)\s*[｜|]?\s*)?[\u4e00-\u9fa5]{2,4})*)[）)]?$"
    r"|^文\s*[｜|/]\s*(?:[\u4e00-\u9fa5]{2,6}\s+)?(?P<name2>[\u4e00-\u9fa5]{2,4})$")
_TITLED = etree.XPath(".//*[@title and not(self::a) and not(self::img)]")


def _in_meta_list(el) -> bool:
    """An item of a list that is the page's meta line (<ul class="meta"><li>2025-11-19
    11:26</li><li>[自贡高新区]</li><li>来源: …</li>)."""
    if el is None or el.tag != "li" or el.getparent() is None:
        return False
    others = [element_text(li) for li in el.getparent() if li is not el and li.tag == "li"]
    return 0 < len(others) <= 6 and any(is_metadata_line(t) or (len(t) <= 30 and _mostly_date(t)) for t in others)


def _placed(text: str) -> bool:
    """A whole short text that names a city or a district (广西-银海区)."""
    region = parse_region(text)
    return region is not None and region["code"] is not None and (region["city"] or region["district"]) is not None \
        and region["raw"] == text


def _prose_chars(lines) -> int:
    """Characters of lines that read as sentences (a comma or a full stop
    in them): a table's rows of cells do not."""
    return sum(len(line.text) for line in lines if "，" in line.text or "。" in line.text or "," in line.text)


# ---------------------------------------------------------------- page

class _Page:
    """Working state of one extraction; discarded after parse_page."""

    def __init__(self, body: bytes, url: str, content_type: str | None, scraped_at: str | None, profile: dict | None):
        self.source_url = url
        self.profile = profile or {}
        self.scraped_at = scraped_at or _now_iso()
        text, self.encoding = decode_html(body, content_type)
        text, self.shown_chars = simplify(text)  # a traditional-character page is read as simplified
        root = parse_html(text, controls=may_hold_controls(body, self.encoding))
        head = head_info(root)
        forms = _entry_forms(root)  # before the controls go with the other non-content
        strip_invisible(root)
        # a hidden form (a login modal) is not what the page shows
        self.entry_forms = [form for form in forms if form.getroottree().getroot() is root]
        self.entry_form = bool(self.entry_forms)
        self.root = root
        self.head = head
        self.url = own_url(url, head["canonical"])
        self.site = (urlsplit(url).hostname or "").lower()
        self.selectors = self.profile.get("selectors") or {}
        lift_headline_meta(root)
        self.title_el, self.title = self._override("title") or find_title(root, head["title"])
        self.stats = TextStats(root)

    def _override(self, name: str):
        """A site profile's XPath for `name` (title, body), where heuristics
        fail on that site; None when the profile has none or it matches nothing."""
        xpath = self.selectors.get(name)
        if not xpath:
            return None
        try:
            found = [el for el in self.root.xpath(xpath) if isinstance(el, etree._Element)]
        except etree.XPathError as exc:
            raise ValueError(f"bad {name} selector in site profile: {xpath!r} ({exc})") from None
        if not found:
            return None
        if name == "title":
            text = element_text(found[0])
            return (found[0], text) if text else None
        return found

    def run(self) -> ParsedPage:
        root = self.root
        excluded = {self.title_el} if self.title_el is not None else set()
        # Year-less list dates (08-27) are only recognised here; their year
        # comes from the page's own date when the records are built.
        self.groups = find_item_groups(root, self.source_url, self.stats)
        for group in self.groups:
            if group.parts:
                excluded.update(group.parts)
            else:
                excluded.add(group.container)
        # a table that holds a list (its header row reads like labels) states no facts
        holders = {up for group in self.groups for up in group.container.iterancestors()}
        self.field_blocks = [block for block in find_field_blocks(root, excluded, self.stats) if block not in holders]
        chosen = self._override("body")
        # a body the site profile names is the body: no copy of it elsewhere is looked for
        self.body_chosen_by_profile = bool(chosen)
        self.containers = chosen or find_body_containers(root, self.stats, excluded | set(self.field_blocks), self.title_el)
        if self.title_el is None and self.containers and _GENERIC_TITLE.search(_ANY_SEPARATOR.split(self.title or "")[0]):
            # the <title> says only 规范性文件详情: the headline is the line above the text
            found = _headline_above(self.containers[0])
            if found is not None:
                self.title_el, self.title = found
                excluded.add(self.title_el)
        self.fields, self.tags, self.meta_dates = self._fields(excluded)
        published_raw = _first(self.fields, PUBLISHED_LABELS)
        published = parse_date(published_raw) if published_raw else None
        if published is None and self.meta_dates:
            published = parse_date(self.meta_dates[0])
        # a date only in a <meta> (PubDate) is not shown on the page: records carry
        # what the page shows, and a template's hidden stamp is often the edit time
        self.published = published
        self.reference = self._reference_time()
        # a fact table's <figure> caption, and the headings of lists inside the text, are not body
        facts = self.field_elements | {el.getparent() for el in self.field_elements
                                       if el.getparent() is not None and el.getparent().tag == "figure"}
        list_headings = {group.heading for group in self.groups if group.heading}
        lines = [
            line for line in body_lines(self.containers, self.stats, excluded | facts)
            if line.text not in self.meta_lines and line.text not in list_headings and not self._title_stamp(line.text)
        ]
        self.kind = self._classify(lines)
        records: list[dict] = []
        if self.kind in RECORD_TYPES:
            records.append(self._own_record(lines, excluded))
        records.extend(self._list_records())
        if self.shown_chars:
            for record in records:
                restore_record(record, self.shown_chars)
                if not record["url"]:
                    record["id"] = record_id(record["type"], None, record["title"], record["published"])
        # each item once: a scroller's second copy of its list, a project in two boxes
        seen: set = set()
        unique = [r for r in records if not (r["id"] in seen or seen.add(r["id"]))]
        return ParsedPage(self.source_url, self.kind, unique, self._links(), self.encoding)

    # -- metadata around the title --------------------------------------

    def _scope(self):
        if self.title_el is not None and self.containers:
            return common_ancestor(self.title_el, self.containers[0])
        if self.title_el is not None:
            parent = self.title_el.getparent()
            grand = parent.getparent() if parent is not None else None
            # (a list's heading as the page's title: the box of its entries is not the page's facts)
            lists = {group.container for group in self.groups}
            if grand is not None and grand.tag != "html" and grand not in lists:
                return grand
            return parent if parent is not None and parent not in lists else self.title_el
        if self.containers:
            return self.containers[0].getparent()
        return None

    def _fields(self, excluded: set):
        """Label -> value pairs, tags and unlabelled date strings found in
        the detail area (around the title). Inside the body text only
        metadata lines count (`发布日期：… 来源：…`), not prose."""
        fields: dict[str, str | None] = {}
        tags: list[str] = []
        dates: list[str] = []
        self.field_elements: set = set()
        self.block_labels: set = set()  # labels read from fact tables and lists, not from lines of text
        self.meta_lines: set = set()
        self.shown_region = self.meta_scope = self.byline = None
        scope = self._scope()
        if scope is None:
            return fields, tags, dates
        stats = self.stats
        in_body = stats.cover(self.containers)

        def add(pairs):
            for label, value in pairs:
                if label not in fields:
                    fields[label] = value

        # A label table just before the article's box (gov.cn puts 索引号/
        # 发文机关 above the headline's container) belongs to it too: the
        # subtrees of its preceding siblings, which end where it starts.
        outer = scope.getparent()
        before = [(stats.index[outer] + 1, stats.index[scope])] if outer is not None and outer.tag not in ("body", "html") else []
        near = stats.cover([scope], before)
        own_blocks = any(el in near for el in self.field_blocks)
        for el in self.field_blocks:
            pairs = None
            if el not in near:
                # a 信息公开 box beside the text (after it in the markup, or in the sidebar's 文件信息
                # card): a document's own metadata; a 园区档案 card in the sidebar of a page that shows
                # its item's facts nowhere else
                pairs = block_fields(el)
                if sum(1 for label, _ in pairs if label in _DOCUMENT_LABELS) < 3 and (
                        own_blocks or sum(1 for label, _ in pairs if label in _ITEM_LABELS) < 3):
                    continue
                own_blocks = True
            if el in near or pairs:
                pairs = pairs or block_fields(el)
                add(pairs)
                self.block_labels.update(label for label, _ in pairs)
                self.field_elements.add(el)
                if not tags:  # a 标签 pair among the facts, or a 标签 row of a fact table
                    tags = [t for label, value in pairs if value and label.lower() in TAG_LABELS
                            for t in _tags_in(el, value)] or _tags_in_block(el)
                if el.tag not in ("table", "dl"):
                    # an unlabelled date among the facts (<span>2025-09-15</span>), or place (<span><a>玉林·北流市</a></span>)
                    for child in el:
                        text = element_text(child) if isinstance(child.tag, str) else ""
                        if not text or len(text) > 40 or pairs_start(text) < len(text):
                            continue
                        if parse_date(text):
                            dates.append(text)
                        elif self.shown_region is None and len(text) <= 22 and _placed(place := text.strip("[]【】")):
                            self.shown_region = place

        in_lists = stats.cover(excluded)
        for el in scope.iter("time"):
            if el in in_lists:
                continue  # an entry's date in a list box (园区招商项目) is the entry's
            # what the page shows (2025-10-16) before the machine stamp (datetime="…T08:00")
            shown = element_text(el)
            stamp = shown if shown and parse_date(shown) else el.get("datetime")
            if stamp and parse_date(stamp):
                dates.append(stamp)

        tag_owner: dict = {}  # owner element -> whether its class/id names a tag box
        for line in block_lines(scope, excluded | self.field_elements):
            owner = line.element
            is_tags = tag_owner.get(owner)
            if is_tags is None:
                # the line's box, or the list it is an item of (<ul class="post-tags"><li>…)
                boxes = [owner] if owner is None or owner.tag != "li" else [owner, owner.getparent()]
                is_tags = tag_owner[owner] = owner is not None and (any(
                    box is not None and _TAG_CLASS.search((box.get("class") or "") + " " + (box.get("id") or ""))
                    for box in boxes) or _tag_links_only(owner) or _labelled_chips(owner) or _badge_row(owner))
            if is_tags and any(label.lower() not in TAG_LABELS and label in META_LABELS
                               for label, _ in inline_fields(line.text)):
                is_tags = False  # <div class="art-tags">所属区县：<a>霍邱县</a>　标签：<a>…</a></div>: labels read one by one
            if is_tags:
                # links, else the tags' own elements (<span class="tag">…</span>), else the text split
                found = [element_text(a) for a in owner.iter("a")] or \
                    [t for c in owner if isinstance(c.tag, str) and (t := element_text(c))] or \
                    _TAG_SPLIT.split(_LEAD_LABEL.sub("", line.text, count=1))  # (标签：起重装备、医用耗材)
                tags.extend(t for t in found if t and len(t) <= 20)
                self.meta_lines.add(line.text)
                continue
            if owner is not None and _in_link(owner):
                continue  # <a href="/huodong/900.html">…<span>举办地：西安</span></a>: a card for another page
            inside_body = owner in in_body
            if self.byline is None and len(line.text) <= 40 and (said := _BYLINE.match(line.text)):
                self.byline = said.group("name") or said.group("name2")  # 新京报记者 王晨, 每经记者｜王敏, 文｜财新 王力
            if inside_body and (pair := marked_pair_row(owner)) is not None:
                add([pair])  # a fact row among the text's paragraphs (a tab pane of both)
                self.meta_lines.add(line.text)
                continue
            segments = _segments(line) if not inside_body or len(line.text) <= 120 else None
            if inside_body and not is_metadata_line(line.text) and not (
                    segments and len(segments) >= 2 and _mostly_date(segments[0][0])
                    and any(is_metadata_line(t) for t, _ in segments)):
                continue  # (spans drawn together: <span>2025-11-20 16:05</span><span>…</span><span>来源：…</span>)
            if inside_body and segments and all(page_tool_line(text) for text, _ in segments):
                self.meta_lines.add(line.text)  # 浏览次数：--　字号：大 中 小: the page's toolbar above the text
                continue
            for text, el in segments:
                text = colon_bracket_labels(text)
                said = _TAG_LINE.match(text)
                if said:  # 关键标签：<a>现代物流</a><a>集中签约</a> (links, which a field value may not be)
                    tags.extend(_tags_in(el, text[said.end():]))
                    self.meta_lines.add(line.text)
                    continue
                pairs = inline_fields(text, el)
                if len(pairs) == 1 and pairs[0][1] is None and pairs[0][0] not in KNOWN_LABELS \
                        and not CONTACT_LABEL.search(pairs[0][0]):
                    pairs = []  # 政策咨询：[在线咨询] alone on its line: a button row, not a fact
                if pairs:
                    # 招商合作热线：400-733-0733 in the top bar or the footer: the site's own line, not the item's
                    pairs = [(label, value) for label, value in pairs if not (value and _SERVICE_NUMBER.match(value))]
                if not pairs and self.shown_region is None and len(text) <= 22 \
                        and _placed(place := text.strip("[]【】")) and (text is not line.text or _in_meta_list(owner)):
                    # a meta span that is a place and nothing else, shown by an icon, not a label
                    self.shown_region = place
                if inside_body and pairs:
                    self.meta_lines.add(line.text)
                for label, value in pairs:
                    if value and label.lower() in TAG_LABELS:  # 来源：… 关键词：a b, mid-line
                        tags.extend(_tags_in(el, value))
                add(pairs)
                lead = text[: pairs_start(text)]  # (the date before a label whose value was refused, too)
                if self.byline is None and (said := _LEAD_BYLINE.match(lead)):
                    self.byline = said.group(1)  # 文/刘思远　2025-11-28 14:20　来源：…
                    lead = lead[said.end():]
                if len(lead) <= 40 and _mostly_date(lead) and parse_date(lead):
                    dates.append(lead)
                    if inside_body and len(line.text) <= 120:
                        self.meta_lines.add(line.text)
                elif len(lead) <= 40 and (start := DATE_RE.match(lead.strip())):
                    # 2025年11月02日 10:05　<a>江门·新会区</a>　来源：…: the date, then a place without a label
                    # (in the text's box too: is_metadata_line let that line through)
                    dates.append(start.group(0))
                    if inside_body:
                        self.meta_lines.add(line.text)
                    rest = lead.strip()[start.end():].strip(" ·|｜\u3000")
                    if rest and self.shown_region is None and len(rest) <= 22 and _placed(rest):
                        self.shown_region = rest
                elif len(lead) <= 40 and (first := PLACE_BEFORE_DATE.match(lead.strip())) \
                        and (start := DATE_RE.match(lead.strip()[first.end():])) and _placed(first.group(1)):
                    # 嘉定区 | 2025-11-27 14:05 | 来源：…: the place, then the date
                    dates.append(start.group(0))
                    if inside_body:
                        self.meta_lines.add(line.text)
                    if self.shown_region is None:
                        self.shown_region = first.group(1)
                elif pairs:
                    # 来源：央视新闻客户端 | 2025年10月22日 19:32:15, 来源：中国日报网　2025-10-23 10:18:
                    # a date after the space or bar that ends a value
                    dates.extend(m.group(0) for m in DATE_RE.finditer(text)
                                 if m.start() and (text[m.start() - 1].isspace() or text[m.start() - 1] in "|｜"))
        for el in _TITLED(scope):
            # <span title="来源"><i class="icon-laiyuan"></i>某中心</span>: the label is the tooltip
            label = clean_label(el.get("title") or "")
            if label in META_LABELS and label not in fields and label.lower() not in TAG_LABELS and el not in in_body:
                text = element_text(el)
                if text and len(text) <= 40 and not pairs_start(text) < len(text):
                    fields[label] = text
        # a tag box's own label (<span>标签：</span>) is not a tag
        tags = [bare for t in tags if not t.endswith(("：", ":")) and t.lower() not in TAG_LABELS
                and (bare := t.strip("#＃ "))]  # (#海上风电#: a topic's marks)
        self.meta_scope = (scope, in_body)  # for a source or author shown only by its class, if one is wanted
        return fields, list(dict.fromkeys(tags)), dates

    def _source_by_class(self, scope, in_body) -> str | None:
        """News templates show the source without a label, marked only by
        its class (<a class="source">江西日报</a> beside the date)."""
        for el in _SOURCE_MARKED(scope):
            if el in in_body or not _SOURCE_CLASS.search(f"{el.get('class') or ''} {el.get('id') or ''}"):
                continue
            text = _SOURCE_WORD.sub("", element_text(el), count=1)  # 来自 <a>湖北日报</a>
            if _bare_name(el, text, 20):
                return text
        return None

    def _author_by_class(self, scope) -> str | None:
        """<span class="author"><a>王磊</a></span> · 2025/10/22 16:40: a name
        without a label, marked by its class, between the headline and the
        text (further down, an `author` class names commenters)."""
        if self.title_el is None or not self.containers:
            return None
        start, end = self.stats.index[self.title_el], self.stats.index[self.containers[0]]
        for el in _AUTHOR_MARKED(scope):
            if start < self.stats.index.get(el, -1) < end and _AUTHOR_CLASS.search(el.get("class") or "") \
                    and _bare_name(el, element_text(el), 12):
                return element_text(el)
        return None

    # -- kind ------------------------------------------------------------

    def _classify(self, lines) -> str:
        """Page kind: the site profile's URL pattern when the page has the
        content that kind needs; else label votes (发文机关 -> policy …),
        list-versus-text balance, and URL words as a tie-breaker."""
        # the footer's sentences, the only text of a page of lists, say nothing of its kind
        footer_only = bool(self.containers) and all(in_footer(c) for c in self.containers)
        body_chars = 0 if footer_only else sum(len(line.text) for line in lines)
        biggest = max((len(g.items) for g in self.groups), default=0)
        by_profile = profile_kind(self.source_url, self.profile)
        if by_profile == "listing" and self.groups:
            return "listing"
        if by_profile in RECORD_TYPES and self.title and (body_chars or self.fields):
            return by_profile
        if by_profile == "other":
            return "other"
        if self.title and any(len(g.items) >= 5 and g.heading and fold(g.heading) == fold(self.title) for g in self.groups) \
                and not (self.published and _first(self.fields, SOURCE_LABELS + AUTHOR_LABELS)):
            # 宿迁招商项目 over its ten entries: the page is that list, whatever 问答 box or preview
            # pane of one entry's facts stands beside it
            return "listing"
        votes = Counter({kind: sum(1 for label in labels if label in self.fields) for kind, labels in TYPE_LABELS.items()})
        kind, count = votes.most_common(1)[0]
        if count >= 2 and self.title:
            return kind
        if self.title in SITE_PAGE_TITLES or self.title in CTA_TEXTS:
            return "other"  # 联系我们, 机构职能: pages about the site or its office, whatever boxes stand beside
        # a short news item, dated and credited (来源, 编辑), is an article whatever stands beside it
        news_item = body_chars >= 40 and self.published and _first(self.fields, SOURCE_LABELS + AUTHOR_LABELS)
        if body_chars < 200 and biggest < 5 and self.entry_form and not news_item:
            return "other"  # 投资咨询: a form to fill in, with a few boxes of links beside it (not a comment box)
        if self.title and biggest < 5 and \
                sum(1 for label in self.block_labels if label not in _NOT_FACTS and not CONTACT_LABEL.search(label)) >= 4:
            # a table of facts about one thing of no record type (a 标准厂房 to let), boxes beside it
            by_url = url_kind(self.source_url)
            if by_url in RECORD_TYPES:
                return by_url
            if not (self.published and _prose_chars(lines) >= _DATED_TEXT_MIN):
                return "other"  # (a dated text of some length is news, whatever list beside it read as facts)
        if body_chars < 200 and (biggest >= 5 or (len(self.groups) >= 2 and biggest >= 3)) and not news_item:
            return "listing"  # one long list, or several boxes of them (a home page)
        if not self.title or body_chars < 40:
            return "listing" if biggest >= 2 else "other"
        by_url = url_kind(self.source_url)
        if count >= 1 and by_url in ("policy", "park", "project"):
            return by_url if votes[by_url] or by_url == kind else kind
        dated = self.published or _first(self.fields, SOURCE_LABELS + AUTHOR_LABELS)
        if not dated and _prose_chars(lines) < _UNDATED_ARTICLE_MIN:
            # an undated directory (rows of names, phones and addresses) is not an article;
            # a county's hub page is its boxes of entries around a short 概况
            # (惠企政策计算器: a form that is the page's own content, boxes of entries beside it, is no hub)
            in_text = self.stats.cover(self.containers)
            form_page = any(form in in_text for form in self.entry_forms)
            return "listing" if len(self.groups) >= 3 and biggest >= 3 and not form_page else "other"
        if not dated and by_url in ("policy", "park", "project") and biggest < 5:
            return by_url  # a park described in prose at /yuanqu/…: news is dated, a detail page need not be
        if not dated and _SERVICE_TITLE.search(self.title):
            return "other"  # 港澳投资者服务窗口, 投资指南: the site's own service page, undated, not news
        if _POLICY_READING.search(self.title) or number_line([line.text for line in lines[:3]]):
            # 《…》政策解读 is typed policy, as its entry in a 政策解读 list is; a
            # text that opens with its 文号 is a document shown as an article
            return "policy"
        return "article"

    # -- records ---------------------------------------------------------

    def _base(self, kind: str, url: str | None, title: str, published: str | None, region) -> dict:
        return {
            "type": kind,
            "id": record_id(kind, url, title, published),
            "url": url,
            "title": title,
            "published": published,
            "region": region,
            "source_url": self.source_url,
            "site": self.site,
            "scraped_at": self.scraped_at,
            "schema_version": SCHEMA_VERSION,
        }

    def _title_stamp(self, text: str) -> bool:
        """A print view's header: the title, then its date and the site (标题　2025/10/13　某网)."""
        title = self.title
        if not title or len(text) <= len(title) or len(text) - len(title) > 80 or not text.startswith(title):
            return False
        return bool(_DATE_IN_TEXT.search(text, len(title)))

    def _title_block(self):
        """The small box around a detail page's name (<div><h1>…</h1><p>智造璧山 · 链动未来</p></div>):
        its tagline and badges are not the item's text. Empty when the name
        sits straight in the text's container."""
        el = self.title_el
        box = el.getparent() if el is not None else None
        if box is None or box in self.containers or box.tag in ("body", "html") \
                or self.stats.total.get(box, 0) - self.stats.total.get(el, 0) > _TITLE_BLOCK_EXTRA:
            return ()
        return self.stats.cover([box])

    def _region(self):
        raw = _first(self.fields, REGION_LABELS) or self.shown_region
        return parse_region(raw) if raw else None

    def _own_record(self, lines, excluded: set) -> dict:
        head: list = []
        if self.kind == "policy" and self.title:
            # a document's title over its first lines (重庆市铜梁区人民政府办公室 / 关于印发…)
            # is not text its signature could repeat
            while len(head) < len(lines) and len(head) < 3 and lines[len(head)].text in self.title \
                    and lines[len(head)].text != self.title:
                head.append(lines[len(head)])
        kept, removed = dedup_lines(lines[len(head):])
        kept = head + kept
        # the title of a box whose text was all a copy (<h5>纯文本阅读</h5>, 适老化大字版):
        # only repeats follow it
        while len(kept) > 1 and ((kept[-1].heading_tag and is_heading(kept[-1])) or _copy_box_title(kept, lines)):
            kept.pop()
        record = self._base(self.kind, self.url, self.title, self.published, self._region())
        text_lines = [line.text for line in kept]
        if self.kind == "article":
            record["tags"] = self.tags
            record["body"] = "\n".join(text_lines)
            record["sections"] = split_sections(kept)
            if not self.body_chosen_by_profile:
                removed += copies_elsewhere(self.root, self.containers, {dedup_key(line.text) for line in kept},
                                            excluded)
            record["duplicates_removed"] = removed
            scope, in_body = self.meta_scope or (None, None)
            # what the page shows: a <meta name="author"> no reader sees (often the site or
            # account name) is not the author, as a <meta> date is not the date
            record["source"] = _placeholder(_first(self.fields, SOURCE_LABELS)
                                            or (scope is not None and self._source_by_class(scope, in_body)) or None)
            record["author"] = _placeholder(_first(self.fields, AUTHOR_LABELS)
                                            or (scope is not None and self._author_by_class(scope)) or self.byline)
            return record
        record["list"] = None
        # a detail page's block titles (<h3>园区概况</h3>, 项目简介) label the
        # template's boxes; numbered headings (一、项目概况) are the text's own
        header = self._title_block()
        # a document's signature (苏州市人民政府) is a few words alone too: kept in a policy
        bare = self.kind != "policy"
        text_lines = [line.text for line in kept
                      if not _block_title(line, bare) and line.element not in header and not _image_caption(line)]
        if self.kind == "policy":
            record.update(self._policy_extras(self.title, own=True))
            record["document_number"] = record["document_number"] or number_line(text_lines)
            record["issuer"] = record["issuer"] or signature_issuer(text_lines)
        # the page's editor (【我要纠错】 责任编辑：王洋) is a credit of the web page, not a fact of the item
        # (摘要：… is a few lines of the text said again, not a fact)
        # (招商服务热线：400-000-0563 is the site's own line, wherever it was read from)
        record["fields"] = {label: value for label, value in self.fields.items()
                            if label not in _EDITOR_LABELS and label not in _SUMMARY_LABELS
                            and not (value and _SERVICE_NUMBER.match(value))}
        record["body"] = "\n".join(text_lines)
        return record

    def _policy_extras(self, title: str, own: bool) -> dict:
        issuer = _first(self.fields, ISSUER_LABELS) if own else None
        number = _first(self.fields, DOCNUM_LABELS) if own else None
        return {
            "issuer": issuer or issuer_from_title(title),
            "document_name": document_name(title),
            "document_number": number or document_number(title),
        }

    def _item_kinds(self, group: ItemGroup) -> list[str | None]:
        """Type of each entry: the heading's; else the type most of the entries'
        URLs name; else each entry's own (a search-results list mixes
        /xiangmu/, /zhengce/ and news)."""
        if group.kind and len(group.items) < 4:
            return [group.kind] * len(group.items)  # (a channel of every type shows two of two types at least)
        # (下载中心: files under /zc/ are downloads, typed by no word of their address)
        by_url = [profile_kind(item.url, self.profile) or (url_kind(item.url) if not FILE_URL.search(item.url) else None)
                  for item in group.items]
        if group.kind:
            named = Counter(kind for kind in by_url if kind in RECORD_TYPES)
            if sum(1 for n in named.values() if n >= 2) >= 2 and sum(1 for kind in by_url if kind) * 2 > len(by_url):
                return by_url  # 招商信息 over /xiangmu/, /zhengce/ and /yuanqu/ entries: a channel of every type
            return [group.kind] * len(group.items)
        kind, n = Counter(by_url).most_common(1)[0]
        if kind and n * 2 > len(group.items):
            return [kind] * len(group.items)
        # entries whose facts say their type (主导产业：…, 规划面积：… -> park)
        facts = [item.fact_kind if is_detail_url(item.url) else None for item in group.items]
        kind, n = Counter(facts).most_common(1)[0]
        if kind and n * 2 > len(group.items) and not any(by_url):
            return [kind] * len(group.items)
        # entries named as zones and parks are (重点平台: 珠海高新技术产业开发区, 珠海富山工业园 …)
        named = sum(1 for item in group.items if ZONE_NAME.search(_BRACKET_TAIL.sub("", item.title)))
        if len(group.items) >= 2 and named * 2 > len(group.items) and not any(by_url) \
                and all(is_detail_url(item.url) for item in group.items):
            return ["park"] * len(group.items)
        return by_url

    def _reference_time(self) -> datetime | None:
        """When the page says it was last updated (更新时间：2025-09-20), else
        when it was published: the "now" that year-less list dates (09-19)
        are read against, so they take their year from the page (a static
        page's side lists are written when it is). None means the time of
        extraction."""
        if not any(it.date_text and not _YEAR.search(it.date_text) for g in self.groups for it in g.items):
            return None
        match = _UPDATED.search(raw_text(self.root))
        stamp = (parse_date(match.group(1)) if match else None) or self.published
        if stamp is None:
            return None
        return datetime.fromisoformat(stamp[:10]).replace(hour=23, minute=59, tzinfo=_BEIJING)

    def _list_records(self) -> list[dict]:
        records = []
        own = canonical_url(self.url)
        for group in self.groups:
            for item, kind in zip(group.items, self._item_kinds(group)):
                if kind not in ("project", "policy", "park"):
                    continue
                url = urldefrag(item.url).url
                if canonical_url(url) == own:
                    continue
                published = parse_date(item.date_text, now=self.reference) if item.date_text else None
                region = parse_region(item.region_text) if item.region_text else None
                record = self._base(kind, url, item.title, published, region)
                record["list"] = group.heading
                if kind == "policy":
                    record.update(self._policy_extras(item.title, own=False))
                    record["document_number"] = item.doc_number or record["document_number"]
                    record["issuer"] = item.issuer or record["issuer"]
                record["fields"] = {}
                records.append(record)
        return records

    # -- links -----------------------------------------------------------

    def _links(self) -> PageLinks:
        links = PageLinks()
        for group in self.groups:
            for item, kind in zip(group.items, self._item_kinds(group)):
                links.details[kind if kind in RECORD_TYPES else "article"].append(canonical_url(item.url))
        pager_parents: Counter = Counter()
        anchors = []
        for a in _SHORT_OR_MORE_ANCHORS(self.root):
            # the text first: most short links (menus) are neither kind, and
            # need no URL work
            text = element_text(a)
            more = MORE_RE.match(text)
            if not (more or text.isdigit() and len(text) <= 4 or text in PAGER_WORDS or NEXT_PAGE_RE.match(text)):
                continue
            href = a.get("href").strip()
            if href.lower().startswith(("javascript:", "#", "mailto:", "tel:")):
                continue
            absolute = join_url(self.source_url, href)
            if absolute is None:
                continue
            if more:
                links.more.append(canonical_url(absolute))
            else:
                pager_parents[a.getparent()] += 1
                anchors.append((a, text, canonical_url(absolute)))
        own = canonical_url(self.source_url)
        for a, text, absolute in anchors:
            if pager_parents[a.getparent()] >= 2 and absolute != own and text not in ("首页", "第一页", "上一页", "上页", "前页"):
                links.next_pages.append(absolute)
        links.details = {k: list(dict.fromkeys(v)) for k, v in links.details.items()}
        links.more = list(dict.fromkeys(links.more))
        links.next_pages = list(dict.fromkeys(links.next_pages))
        return links


def parse_page(body: bytes, url: str, *, content_type: str | None = None, scraped_at: str | None = None,
               profile: dict | None = None) -> ParsedPage:
    """Extract a page. Raises NotHTMLError for empty, binary or non-HTML
    bytes; malformed HTML is parsed as browsers would."""
    return _Page(body, url, content_type, scraped_at, profile).run()
