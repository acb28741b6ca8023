"""Label -> value pairs of a detail page: table rows, dl/dt/dd, and
`标签：值` lines (several may share one line, as in 发布时间：… 来源：…).

Labels lose inner whitespace and the trailing colon (索 引 号： -> 索引号);
values stay as shown. A call to action in place of a value gives None; a
value that is only a link to elsewhere (附件, 字号 大 中 小) is not a fact.
"""
from __future__ import annotations

import re

from lxml import etree

from .regions import parse_region
from .text import BLOCK_TAGS, element_text, fold, tag_of
from .vocab import (
    AUTHOR_LABELS, CTA_RE, CTA_TEXTS, DOCNUM_LABELS, ISSUER_LABELS, NON_FIELD_LABELS, PUBLISHED_LABELS, REGION_LABELS,
    SOURCE_LABELS, TAG_LABELS, TYPE_LABELS,
)

#: Labels of the line under a headline (date, region, source, author, hits).
META_LABELS = frozenset(PUBLISHED_LABELS + REGION_LABELS + SOURCE_LABELS + AUTHOR_LABELS + ISSUER_LABELS + DOCNUM_LABELS
                        + TAG_LABELS) | NON_FIELD_LABELS

#: (a label may open with its year: 2024年工业总产值, 2025年计划投资（万元）)
_LABEL_CHARS = r"(?:(?:19|20)\d{2}年度?)?[\u4e00-\u9fa5A-Za-z][\u4e00-\u9fa5A-Za-z\s\u3000()（）/／²㎡]{0,14}?"
#: A metadata label glued to the value before it, as `<small>` labels are
#: (`时间:2025-09-15 10:06来源:…`): known labels only, after a digit.
_GLUED = "|".join(sorted((re.escape(label) for label in META_LABELS if len(label) >= 2), key=len, reverse=True))
_INLINE_LABEL = re.compile(
    r"(?:^|(?<=[\s\u3000|｜【\[（(])|(?<=\d)(?=(?:" + _GLUED + r")\s*[：:]))"
    r"([\u4e00-\u9fa5](?:[\u4e00-\u9fa5\s\u3000]|[(（][\u4e00-\u9fa5a-zA-Z²㎡/]{1,6}[)）]){0,11}?)"
    r"(?:\s*[A-Za-z][A-Za-z ]{1,14}?)?\s*[：:]"  # 发布日期 Date： (a bilingual label)
)
_CELL_LABEL = re.compile(r"^(" + _LABEL_CHARS + r")\s*[：:]?$")
_LABEL_CLASS = re.compile(r"(^|[\s_-])(lb|lbl|lab|label|k|name|tit|title|key|th|hd|left|l)([\s_-]|$)", re.I)
_SPACES = re.compile(r"[\s\u3000\u00a0]+")
_NON_WORD = re.compile(r"[\W_]+")
_BAR = re.compile(r"\s*[|｜]\s*")
_TEMPLATE = re.compile(r"\$\{|\{\{|\{\$|<%|\[#|\{dede:|\{pboot:|\[?!--[\w.]+--\]?", re.I)
_TOOLBAR_AFTER = re.compile(r"\s+[【\[]")
#: `来源: <a>大河报</a> <a>举报</a>`, `地区：<a>台州 温岭市</a> <a>大</a> <a>中</a> <a>小</a>`: the page's tools after a value are not part of it.
_TOOLS_AFTER = re.compile(r"(?:\s+[☆★♡♥+＋]?(?:(?:我要|加入)?(?:举报|纠错|收藏|分享|打印|关闭|评论|投诉|参与互动|互动|跟帖|跟贴)\d*"
                          r"|(?:字号\s*[:：]?\s*)?大\s*中\s*小))+$")  # (大 中 小: the font-size links)
_DATE_AFTER = re.compile(r"\s+(?=(?:19|20)\d{2}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2})")
_COUNTER_AFTER = re.compile(r"\s+(?:阅读|浏览|点击|访问|人气|阅读量|浏览量|浏览次数|点击数)\s*[:：]?\s*(?:\d+|-+|—+)?\s*次?$")


_WEEKDAY = re.compile(r"^(?:星期|周)[一二三四五六日天](?=..)")


def clean_label(label: str) -> str:
    """`来 源：` -> `来源`; a weekday before it is the end of a date (`2025年9月3日 星期三 来源：`),
    and a tool's word before it the end of a toolbar (`打印 | 关闭所属地区：`)."""
    label = _WEEKDAY.sub("", _SPACES.sub("", label).rstrip("：:"))
    tool = _TOOL_WORDS.match(label)
    if tool and tool.end() < len(label) and label[tool.end():] in META_LABELS:
        return label[tool.end():]
    return label


_TOOL_WORDS = re.compile(r"^(?:打印|关闭|收藏|分享|返回|纠错|加入收藏|关闭窗口|打印本页)+")


def _is_cta(text: str) -> bool:
    text = text.strip("[]【】 ")
    return text in CTA_TEXTS or bool(CTA_RE.match(text))


def _link_only(value: str, el) -> bool:
    """True when the value is nothing but link text."""
    rest = value
    for a in el.iter("a"):
        t = element_text(a)
        if t:
            rest = rest.replace(t, "", 1)
    return not _NON_WORD.sub("", rest)


def _value(raw: str, el, cell: bool = False, known: bool = False, hidden: bool = False) -> tuple[bool, str | None]:
    """(keep, value) for a raw value shown in element `el`. An empty value
    `cell` of a label -> value row, or an empty value of a `hidden`-prone
    label (a phone number behind a button the cleaner removed), is a fact
    shown as nothing: None, kept."""
    # `编号：XM1 | 收藏` : a separator ends the value; what follows is chrome
    shown = _TOOLS_AFTER.sub("", fold(_BAR.split(fold(raw).strip("|｜ "), maxsplit=1)[0]))
    if shown and _is_cta(shown):
        return True, None
    if el is not None and shown and el.find(".//a") is not None:
        # a value cell may be a link (所属行业 -> the list of that industry);
        # a line that is only a link (附件：…, 字号：大 中 小) states no fact
        if _link_only(shown, el):
            # a value cell, or a known label's value, may be one link (所属地区：<a>湖南·株洲·天元区</a>);
            # a filter bar (全部 新材料 电子信息 …) or 附件：<a>…</a> states no fact
            named = [t for a in el.iter("a") if (t := element_text(a)) and t in shown]
            # (来源：<a>临桂区融媒体中心</a>　所属区县：<a>临桂区</a>: the shorter is not in this value)
            links = sum(1 for t in named if not any(t != other and t in other for other in named))
            # 所属地区：<a>江西</a>-<a>上饶</a>-<a>广丰区</a>, or <a>湖北</a> <a>孝感</a> <a>汉川市</a>
            chain = known and links > 1 and (_LINK_CHAIN.match(shown) or _place_path(shown, el))
            if not (cell or known) or (links > 1 and not chain) or (not cell and not links):
                return False, None
        else:
            shown = _without_trailing_links(shown, el)
    # `来源：某局 【字号：…`, `所在区域：某区 【大 中 小】`: the bracket opens the next toolbar item
    shown = _TOOLBAR_AFTER.split(shown, maxsplit=1)[0]
    shown = _COUNTER_AFTER.sub("", shown)  # `地区：桂林市临桂区 阅读 --`: a view counter follows
    shown = _DATE_AFTER.split(shown, maxsplit=1)[0]  # `来源：中国日报网　2025-10-23 10:18`: the line's date follows
    if el is not None and (chips := _chips(el)) and "".join(chips) == shown.replace(" ", ""):
        shown = " ".join(chips)  # 园区配套：<span>员工宿舍</span><span>污水处理厂</span>: one value of several words
    value = fold(shown.strip("·•,，;；【[ "))
    if value.count("（") < value.count("）") or value.count("(") < value.count(")"):
        value = value.rstrip("）)")  # `（责任编辑：王敏）`: the bracket closes the line, not the value
    if value.count("【") < value.count("】") or value.count("[") < value.count("]"):
        value = value.rstrip("】]")  # `【责任编辑：王楠】`
    if not value:
        return (cell or hidden) and not raw.strip(), None
    if _is_cta(value) or _TEMPLATE.search(value) or value in _NO_VALUE:
        return True, None  # a button, a template tag the CMS left unfilled (${article.editor}), or 暂无
    return True, value


#: What a page writes where it has no value (入驻企业：暂无, 联系人：--): a fact shown as nothing.
_NO_VALUE = frozenset({"暂无", "暂缺", "不详", "未知", "--", "-", "—", "——", "－", "/", "／"})


#: Links joined by a path separator say one value (江西-上饶-广丰区); joined
#: by spaces they are a row of choices (全部 新材料 电子信息).
_LINK_CHAIN = re.compile(r"^[^\s\-·/>—]+(?:\s*[\-·/>—]\s*[^\s\-·/>—]+)+$")


_CHIP_TAGS = frozenset({"span", "em", "i", "b", "label", "small", "font"})


def _chips(el) -> list[str]:
    """The words of a label's value drawn as chips with nothing between them
    (`园区配套：<span>员工宿舍</span><span>污水处理厂</span>`), else []."""
    children = [c for c in el if isinstance(c.tag, str)]
    if len(children) < 2 or not fold(el.text).endswith(("：", ":")) or any(
            c.tag not in _CHIP_TAGS or len(c) or fold(c.tail) for c in children):
        return []
    return [text for c in children if (text := element_text(c))]


def _place_path(shown: str, el) -> bool:
    """Links that spell one place, province down (湖北 孝感 汉川市), not a row of
    places to choose from (涟水县 盱眙县 金湖县): the last link names the place read."""
    region = parse_region(shown)
    if region is None or region["code"] is None:
        return False
    named = [text for a in el.iter("a") if (text := element_text(a)) and text in shown]
    return bool(named) and (region["district"] or region["city"] or "").startswith(named[-1])


def _without_trailing_links(shown: str, el) -> str:
    """`来源：某局 + 收藏 分享 打印`: links after the value are the line's chrome."""
    texts = [text for a in el.iter("a") if (text := element_text(a))]
    for text in reversed(texts):
        if shown.endswith(text) and len(shown) > len(text):
            shown = fold(shown[: -len(text)])
        else:
            break
    return shown


def _label_ok(label: str, longest: int = 10) -> bool:
    # (上一个园区：<a>…</a>: a link to the next page, whatever it is called)
    # (已开发面积（平方公里）: a unit in brackets does not count toward the length)
    return 1 <= len(_UNIT_TAIL.sub("", label)) <= longest and label.lower() not in NON_FIELD_LABELS and not label.isdigit() \
        and not label.startswith(("上一", "下一")) and label.lower() not in _SPOKEN_LABELS \
        and "？" not in label and "?" not in label and "。" not in label \
        and not label.endswith(_HIT_COUNTERS)  # (<dt>问：计算器收费吗？</dt>: a question; 省级浏览：--次: a badge, then the hits)


_HIT_COUNTERS = ("浏览", "浏览次数", "浏览量", "阅读", "阅读量", "阅读次数", "点击", "点击数", "点击量", "点击率", "访问量", "人气")


_UNIT_TAIL = re.compile(r"[（(][^（）()]{1,8}[）)]$")
#: 问：…？ 答：…: a question and its answer (an interview, a 问答 box), not facts
_SPOKEN_LABELS = frozenset("问 答 问题 回答 q a".split())


def _is_label_cell(cell) -> str | None:
    text = element_text(cell)
    if not text or len(text) > 16:
        return None
    has_colon = text.endswith(("：", ":"))
    if has_colon or tag_of(cell) in _LABEL_TAGS or _LABEL_CLASS.search(cell.get("class") or "") or _bold_only(cell, text):
        if _CELL_LABEL.match(text):
            return clean_label(text)
    return None


#: Elements that mark their text as a label without a colon.
_LABEL_TAGS = frozenset({"th", "label", "dt", "b", "strong"})


def _bold_only(cell, text: str) -> bool:
    """A cell whose whole text is bold (<td><strong>园区名称</strong></td>) labels the next one."""
    children = [c for c in cell if isinstance(c.tag, str)]
    return len(children) == 1 and tag_of(children[0]) in ("strong", "b") and element_text(children[0]) == text


_OWN_ROWS = etree.XPath("./tr | ./tbody/tr | ./thead/tr | ./tfoot/tr")
#: Labels known by name, told apart from values without any mark (a Word
#: table pasted into an editor: <td><p>园区名称</p></td><td><p>…</p></td>).
#: Labels of a contact detail that sites hide behind a button (点击获取,
#: 登录后查看) or draw as an image: shown as nothing, they are still a fact.
CONTACT_LABEL = re.compile(r"(?:电话|手机|热线|传真|邮箱|微信|QQ|E-?mail)(?:号码)?$", re.I)

KNOWN_LABELS = frozenset(
    label for labels in (*TYPE_LABELS.values(), PUBLISHED_LABELS, REGION_LABELS, SOURCE_LABELS, ISSUER_LABELS,
                         DOCNUM_LABELS) for label in labels
) | {"园区名称", "联系人", "联系电话", "联系方式", "联系单位", "联系地址", "地址", "园区地址", "项目地址", "批准时间", "成立时间"}


def table_fields(table, limit: int | None = None) -> list[tuple[str, str | None]]:
    """Pairs from this table's own rows (a layout table's nested tables are
    theirs, not its); only the first `limit` when that is all a test needs.
    Label cells are told by a colon, th, a label class or bold; a table whose
    label column names known labels without any of these is read by column."""
    stacked = _stacked_cells(table)
    if stacked:
        return stacked[:limit] if limit is not None else stacked
    pairs = _marked_pairs(table, limit)
    if sum(1 for label, _ in pairs if label in KNOWN_LABELS) * 2 < len(pairs) or len(pairs) < 2:
        by_column = _column_pairs(table)
        known = sum(1 for label, _ in by_column if label in KNOWN_LABELS)
        if known >= 2 and known * 5 >= len(by_column) * 2:
            return by_column[:limit] if limit is not None else by_column
    return pairs


def _stacked_cells(table) -> list[tuple[str, str | None]]:
    """Cells each holding a small label over its value (<td><small>所属行业</small><br><b>航空装备</b></td>):
    two labels known by name vouch for the rest."""
    pairs: list[tuple[str, str | None]] = []
    for row in _OWN_ROWS(table):
        for cell in _row_cells(row):
            kids = [c for c in cell if isinstance(c.tag, str)]
            if len(kids) < 2 or kids[0].tag not in _MARK_TAGS or len(kids[0]) or kids[1].tag != "br" \
                    or fold(cell.text) or fold(kids[0].tail):
                return []
            name = element_text(kids[0])
            if not name or len(name) > 12 or name.endswith(("：", ":")) or not _CELL_LABEL.match(name):
                return []
            label = clean_label(name)
            keep, value = _value("".join(element_text(k) + (k.tail or "") for k in kids[2:]) + (kids[1].tail or ""),
                                 cell, cell=True, known=label in REGION_LABELS)
            if keep and _label_ok(label, 12):
                pairs.append((label, value))
    return pairs if len(pairs) >= 3 and sum(1 for label, _ in pairs if label in KNOWN_LABELS) >= 2 else []


def _row_cells(row) -> list:
    """A row's cells, but for one holding only the colon between a label and its value
    (<td>所在区域</td><td>：</td><td>…</td>)."""
    return [c for c in row if tag_of(c) in ("td", "th") and element_text(c) not in ("：", ":")]


def _column_pairs(table) -> list[tuple[str, str | None]]:
    """Each row's cells in label, value order, one pair or several (a
    group header spanning rows, making the count odd, sits before them)."""
    pairs: list[tuple[str, str | None]] = []
    seen: set = set()
    for n, row in enumerate(_OWN_ROWS(table)):
        if n == 8 and not any(label in KNOWN_LABELS for label, _ in pairs):
            return []  # a table of data, not of facts: stop reading it
        cells = _row_cells(row)
        if len(cells) % 2:
            cells = cells[1:]
        for i in range(0, len(cells) - 1, 2):
            text = element_text(cells[i])
            if not text or len(text) > 16 or not _CELL_LABEL.match(text):
                continue
            label = clean_label(text)
            keep, value = _value(element_text(cells[i + 1]), cells[i + 1], cell=True)
            if keep and _label_ok(label) and label not in seen:
                seen.add(label)
                pairs.append((label, value))
    return pairs


def _marked_pairs(table, limit: int | None) -> list[tuple[str, str | None]]:
    pairs = []
    rows = _OWN_ROWS(table)
    under_header = None
    for n, row in enumerate(rows):
        if limit is not None and len(pairs) >= limit:
            break
        if row is under_header:
            continue
        cells = _row_cells(row)
        header = _header_row_pairs(cells, rows, n)
        if header:
            pairs.extend(header)
            under_header = rows[n + 1]
            continue
        shown = [c for c in cells if element_text(c)]  # (an empty cell pads the row)
        if shown and len(cells) >= 2 and all(_INLINE_LABEL.match(element_text(c)) for c in shown):
            # <td>园区名称：…</td><td>所在地：…</td>: each cell says its own pair
            for cell in shown:
                pairs.extend(inline_fields(element_text(cell), cell))
            continue
        i = 0
        while i < len(cells) - 1:
            label = _is_label_cell(cells[i])
            if label and _is_label_cell(cells[i + 1]) is None:
                keep, value = _value(element_text(cells[i + 1]), cells[i + 1], cell=True)
                if keep and _label_ok(label, 16):  # a label cell may be long: 2025年计划投资（万元）
                    pairs.append((label, value))
                i += 2
            else:
                i += 1
    return pairs


def _header_row_pairs(cells, rows, n: int) -> list[tuple[str, str | None]]:
    """A row of labels over one row of their values (索引号 | 发文机关 | … then
    the values below): pairs by column. A second row of values under it
    would make a table of data, not one item's facts."""
    if len(cells) < 2 or n + 1 >= len(rows) or any(not _is_label_cell(c) or element_text(c).endswith(("：", ":"))
                                                    for c in cells):
        return []
    values = [c for c in rows[n + 1] if tag_of(c) in ("td", "th")]
    if len(values) != len(cells) or any(_is_label_cell(c) for c in values):
        return []
    if n + 2 < len(rows):
        after = [c for c in rows[n + 2] if tag_of(c) in ("td", "th")]
        if len(after) == len(cells) and not any(_is_label_cell(c) for c in after):
            return []
    pairs = []
    for label_cell, value_cell in zip(cells, values):
        label = _is_label_cell(label_cell)
        keep, value = _value(element_text(value_cell), value_cell, cell=True)
        if keep and _label_ok(label):
            pairs.append((label, value))
    return pairs


def dl_fields(dl, limit: int | None = None) -> list[tuple[str, str | None]]:
    pairs = []
    label = None
    # <dl><div><dt>来源：</dt><dd>…</dd></div>…: HTML lets a div group each pair
    children = [c for child in dl for c in (child if tag_of(child) == "div" else (child,))]
    for child in children:
        if limit is not None and len(pairs) >= limit:
            break
        tag = tag_of(child)
        if tag == "dt":
            label = clean_label(element_text(child))
        elif tag == "dd" and label:
            keep, value = _value(element_text(child), child, cell=True)
            if keep and _label_ok(label):
                pairs.append((label, value))
            label = None
    return pairs


def inline_fields(text: str, el=None) -> list[tuple[str, str | None]]:
    """`标签：值` pairs in one line of text."""
    matches = [(_label_start(m), m) for m in _INLINE_LABEL.finditer(text)]
    pairs = []
    for i, (start, match) in enumerate(matches):
        label = clean_label(text[start:match.end(1)])
        end = matches[i + 1][0] if i + 1 < len(matches) else len(text)
        raw = text[match.end():end]
        if not _label_ok(label):
            continue
        if label.lower() in TAG_LABELS:  # 标签：<a>文旅康养</a> <a>招商推介</a>: links are what tags are
            value = fold(_BAR.split(fold(raw).strip("|｜ "), maxsplit=1)[0])
            if value:
                pairs.append((label, value))
            continue
        keep, value = _value(raw, el, known=label in REGION_LABELS or label in SOURCE_LABELS or label in AUTHOR_LABELS,
                             hidden=CONTACT_LABEL.search(label) is not None)
        if keep:
            pairs.append((label, value))
    return pairs


_LEADING_DATE = re.compile(r"^\s*(?:19|20)\d{2}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}日?(?:\s*\d{1,2}[:：]\d{2}(?:[:：]\d{2})?)?"
                           r"(?:\s*(?:星期|周)[一二三四五六日天])?\s*")


_BRACKET_LABEL = re.compile(r"【\s*([^【】：:\s]{1,6})\s*】")


def _bracket_label(match) -> str:
    label = match.group(1)
    if _TOOL_WORDS.fullmatch(label):
        return match.group(0)  # 【打印】【关闭】: buttons, not labels
    return f"{label}：" if label in META_LABELS or label in KNOWN_LABELS else match.group(0)


_LEAD_BRACKET = re.compile(r"^【\s*([\u4e00-\u9fa5](?:[\s\u3000]*[\u4e00-\u9fa5]){1,7})\s*】\s*(?=\S)")  # (【有 效 期】)


def _bracket_lead(text: str) -> str:
    """`【规划面积】约32.6平方公里` as a line of a fact list reads `规划面积：约32.6平方公里`."""
    return _LEAD_BRACKET.sub(r"\1：", text, count=1) if text[:1] == "【" else text


def colon_bracket_labels(text: str) -> str:
    """`【来源】某中心` reads as `来源：某中心` (known labels only: 【纠错】 stays)."""
    return _BRACKET_LABEL.sub(_bracket_label, text) if "【" in text else text


def is_metadata_line(text: str) -> bool:
    """A short line that opens with a metadata label (发布日期：…, 来源：…),
    possibly after the date itself (2024-09-21 19:02 来源：…)."""
    if len(text) > 120:
        return False
    text = colon_bracket_labels(text)
    undated = _LEADING_DATE.sub("", PLACE_BEFORE_DATE.sub("", text, count=1), count=1)  # (嘉定区 | 2025-11-27 | 来源：…)
    dated = len(undated) < len(text)
    text = undated.lstrip("（(【[ ")  # （责任编辑：周敏）
    if dated:
        # 2025-11-24 10:12:45 · 福建·泉州·南安市 · 来源：…: a place without a label may follow the date
        text = _PLACE_AFTER_DATE.sub("", text.lstrip("·|｜ \u3000"), count=1)
    match = _INLINE_LABEL.match(text)
    if not match:
        return False
    label = clean_label(text[_label_start(match):match.end(1)])
    if label in _CREDIT_LABELS and _SPOKEN.search(text[match.end():]):
        return False  # 记者：科技小院这个名字很接地气。它和…有什么不同？ (an interview's question)
    return label in META_LABELS


_CREDIT_LABELS = frozenset(SOURCE_LABELS + AUTHOR_LABELS)
#: A credit's value is a name; a sentence after the label is someone speaking.
_SPOKEN = re.compile(r"[。？！?!]")


#: 嘉定区 | 2025-11-27 …: a place, without a label, before a meta line's date (group 1)
PLACE_BEFORE_DATE = re.compile(r"^([\u4e00-\u9fa5][\u4e00-\u9fa5·\-]{1,15})\s*[|｜/·\s]\s*(?=(?:19|20)\d{2}\s*[-/.年])")
_PLACE_AFTER_DATE = re.compile(r"^[^\s，。,；;：:！？、]{2,16}[\s\u3000]*[·|｜]?[\s\u3000]+(?=[\u4e00-\u9fa5]{2,6}\s*[：:])")


def page_tool_line(text: str) -> bool:
    """`浏览次数：--　字号：大 中 小 【打印】`: only labels about the page itself
    (its counter, font size, print button), no fact of the item and no line
    of the text; `附件：` opens document text and is not one of them."""
    text = _TOOLS_AFTER.sub("", _BRACKETED_TOOL.sub(r" \1", text))  # (【打印】 is a button, not a label)
    if _INLINE_LABEL.match(text) is None:
        return False
    labels = [clean_label(text[_label_start(m):m.end(1)]) for m in _INLINE_LABEL.finditer(text)]
    return all(label in NON_FIELD_LABELS and label not in _TEXT_OPENING_LABELS for label in labels)


_BRACKETED_TOOL = re.compile(r"[【\[]\s*((?:加入)?(?:打印|关闭|收藏|分享|纠错|举报)\S{0,2})\s*[】\]]")
_TEXT_OPENING_LABELS = frozenset({"附件", "相关附件", "注意", "提示", "温馨提示", "特别提示", "特别说明"})


def pairs_start(text: str) -> int:
    """Where the first `标签：` of a line starts (len(text) if none)."""
    match = _INLINE_LABEL.search(text)
    return _label_start(match) if match else len(text)


_WORD_SPACE = re.compile(r"[\u4e00-\u9fa5]{3,}[\s\u3000]+")


def _label_start(match) -> int:
    """Where a label really starts: spaces inside a label pad single
    characters (`索 引 号`, `标　　题`); after a word of three or more they end
    the value before it (`地区：泉州 南安市　浏览次数：`)."""
    label = match.group(1)
    if " " not in label and "\u3000" not in label and "\t" not in label:
        return match.start(1)
    last = None
    for last in _WORD_SPACE.finditer(label):
        pass
    if last is not None:
        return match.start(1) + last.end()
    # `在谈 发布日期：`: a badge of two characters before a metadata label (but `发布 日期` is one label)
    head, _, tail = label.rpartition(" ") if " " in label else label.rpartition("\u3000")
    head, tail = head.strip(), tail.strip()
    if len(head) >= 2 and tail in META_LABELS and _SPACES.sub("", label) not in META_LABELS \
            and not any(len(part) == 1 for part in head.split()):
        return match.start(1) + label.rfind(tail)
    return match.start(1)


_HAS_BLOCK = etree.XPath("boolean(.//*[self::div or self::p or self::table or self::ul or self::ol or self::li or self::dl or self::tr or self::section])")


def _two_cell_pair(child) -> tuple[str, str | None] | None:
    """A row of a label cell and a value cell without a colon between them
    (<div class="row"><div class="col-4 label">所属行业</div><div class="col-8">…</div>),
    told by the label cell's colon, th, label class or bold."""
    cells = _without_leading_icons([c for c in child if isinstance(c.tag, str)])
    if len(cells) != 2:
        return None
    label = _is_label_cell(cells[0])
    if not label and not fold(child.text):
        # <div><p class="text-xs">所属地区</p><p>四川-叙州区</p></div>: a label known by name needs no mark
        text = element_text(cells[0])
        label = clean_label(text) if text and len(text) <= 10 and clean_label(text) in KNOWN_LABELS else None
    if not label or _FIGURE.match(label):
        # (a bold figure is no label: <strong>15亿元</strong><em>投资总额</em>)
        return _figure_first_pair(cells)
    if _is_label_cell(cells[1]) is not None or not _label_ok(label):
        return None
    # (所在地区：<a>山东</a>-<a>陵城区</a>: a place path of links)
    keep, value = _value(element_text(cells[1]), cells[1], cell=True, known=label in REGION_LABELS)
    return (label, value) if keep else None


def _pairs_row(child) -> list[tuple[str, str | None]]:
    """A row of two or three label, value pairs of cells (<div class="f-row"><div class="f-k">所属行业</div>
    <div class="f-v">…</div><div class="f-k">投资总额</div><div class="f-v">…</div></div>)."""
    cells = [c for c in child if isinstance(c.tag, str)]
    if len(cells) not in (4, 6) or fold(child.text):
        return []
    pairs = []
    for label_cell, value_cell in zip(cells[::2], cells[1::2]):
        label = _is_label_cell(label_cell)
        if not label or _is_label_cell(value_cell) is not None or not _label_ok(label):
            return []
        keep, value = _value(element_text(value_cell), value_cell, cell=True, known=label in REGION_LABELS)
        if keep:
            pairs.append((label, value))
    return pairs


def marked_pair_row(el) -> tuple[str, str | None] | None:
    """A fact row among a text's paragraphs (<div class="kv-row"><span class="k">项目编号</span>
    <span class="v">…</span></div>): two cells, the first marked a label by its class."""
    if el is None or el.tag not in ("div", "li", "p"):
        return None
    cells = [c for c in el if isinstance(c.tag, str)]
    if len(cells) != 2 or fold(el.text) or not _LABEL_CLASS.search(cells[0].get("class") or ""):
        return None
    return _two_cell_pair(el)


_FIGURE = re.compile(r"^[≥≤><约近超逾]?\s*\d")
_YEAR_FIRST = re.compile(r"^(?:19|20)\d{2}\s*[-/.年]")


def _without_leading_icons(cells: list) -> list:
    """<div><i class="ico"></i><b>园区级别</b><em>省级</em></div>: an empty element
    before the label is an icon, not a cell."""
    start = 0
    while start < len(cells) - 1 and not len(cells[start]) and not fold(cells[start].text) \
            and not fold(cells[start].tail):
        start += 1
    return cells[start:] if start else cells


def _figure_first_pair(cells) -> tuple[str, str | None] | None:
    """A stat card shows its figure above its label (<div>1860<small>亩</small></div><div class="lab">规划面积</div>)."""
    figure = element_text(cells[0])
    text = element_text(cells[1])
    if not figure or not _FIGURE.match(figure) or not text or text.endswith(("：", ":")):
        return None
    label = _is_label_cell(cells[1])
    if not label and len(text) <= 8 and _CELL_LABEL.match(text) and not any(ch.isdigit() for ch in text) \
            and not _YEAR_FIRST.match(figure):
        # a short word under a figure names it, whatever its markup (a date over an event is a timeline)
        label = clean_label(text)
    if not label or not _label_ok(label):
        return None
    return label, figure


_LEAD_LABEL_TAGS = frozenset({"em", "label", "b", "strong", "span", "i", "small", "dt", "th"})


def _lead_label_pair(child, known_only: bool) -> tuple[str, str | None] | None:
    """A line that opens with its label in an element of its own and no
    colon (<span><em>文号</em>大自贸管发〔2025〕14号</span>). Telling such a
    line apart needs a label known by name (`known_only`); inside a block
    already known to hold facts, any short label will do."""
    kids = _without_leading_icons([c for c in child if isinstance(c.tag, str)])
    if not kids or fold(child.text) or kids[0].tag not in _LEAD_LABEL_TAGS or len(kids[0]):
        return None
    if len(kids) >= 3 and all(k.tag == kids[0].tag and not fold(k.tail) for k in kids):
        return None  # a row of chips (<span>省级</span><span>装备制造</span><span>标准厂房</span>)
    text = element_text(kids[0])
    # 【项目编号】JZ-2025-0412: brackets mark a label as a colon does
    bracketed = len(text) > 2 and text[0] == "【" and text[-1] == "】"
    name = text[1:-1].strip() if bracketed else text
    if not name or len(name) > 12 or not _CELL_LABEL.match(name):
        return None
    label = clean_label(name)
    if not _label_ok(label) or (known_only and not bracketed and label not in KNOWN_LABELS):
        return None
    whole = element_text(child)
    if not whole.startswith(text) or len(whole) == len(text):
        return None
    keep, value = _value(whole[len(text):], child, cell=True)
    return (label, value) if keep else None


def _label_in_link(el) -> bool:
    """The line's first `标签：` is written inside a link (a headline), not
    before one (所在地区：<a>南充</a>)."""
    text = element_text(el)
    match = _INLINE_LABEL.search(text)
    if match is None:
        return False
    label = text[_label_start(match):match.end()]
    return any(label in element_text(a) for a in el.iter("a"))


def _child_is_pair(child, stats) -> bool:
    """One `标签：值` line: short, no blocks inside, not a heading (a title
    such as 上海:以供给侧… reads like a pair but is not one)."""
    total = stats.total.get(child, 0)
    if not 2 < total <= 80 or child.tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
        return False
    if stats.links.get(child, 0) and _label_in_link(child):
        return False  # <li><i>1</i><a>青海海西：戈壁滩上建起…</a></li>: a linked headline, label and all
    if _two_cell_pair(child) is not None or _lead_label_pair(child, known_only=True) is not None or _pairs_row(child):
        return True
    text = _bracket_lead(element_text(child))
    if not text or len(text) > 80:
        return False
    match = _INLINE_LABEL.match(text)
    if not match or not 1 <= len(clean_label(match.group(1))) <= 10:
        return False
    return not _HAS_BLOCK(child)  # last: the XPath costs most


def _is_pair_list(el, stats) -> bool:
    """At least three children, 60% of them `标签：值` lines, and no prose
    beside them (that would be the article's box, not a fact list)."""
    children = [c for c in el if isinstance(c.tag, str)]
    n = len(children)
    if n < 3:
        return False
    total = stats.total
    if any(total.get(c, 0) > 80 for c in children):  # prose: never a pair line
        return False
    if sum(1 for c in children if element_text(c).endswith("。")) * 2 > n:
        return False  # 降成本：推动…下降0.2个百分点以上。: the points of a text, sentences, not facts
    misses_allowed = n - max(3, -(-n * 6 // 10))
    misses = 0
    for child in children:
        if not _child_is_pair(child, stats):
            misses += 1
            if misses > misses_allowed:
                return False
    return True


def find_field_blocks(root, excluded: set, stats) -> list:
    """Elements that hold label -> value facts rather than prose: label
    tables, dl lists, and lists or grids whose children are mostly
    `标签：值` lines (li > span.k + span.v, div.col > label + span)."""
    blocks = []
    claimed: set = set()
    inside = stats.cover(excluded)  # the facts of a list's entries are not the page's
    for el in root.iter("table", "dl", "ul", "ol", "div", "tbody", "section", "p", "form"):  # (a read-only layui form of facts)
        if el in claimed or el in inside:
            continue
        tag = el.tag
        if tag == "p":
            ok = _br_pair_lines(el)
        elif tag == "table":
            # a label table holds no tables: one that does is page layout
            ok = el.find(".//table") is None and len(table_fields(el, limit=2)) >= 2
        elif tag == "dl":
            ok = len(dl_fields(el, limit=2)) >= 2
        else:
            # the same label twice (1. 项目名称：… 2. 项目名称：…) lists several
            # items in a text: not one item's facts
            ok = (len(el) >= 3 and _is_pair_list(el, stats) and _distinct_labels(el)) or _br_pair_lines(el) \
                or bool(_label_cards(el)) or bool(_cell_grid(el))
        if ok:
            blocks.append(el)
            claimed.update(el.iter())
    return blocks


def _label_cards(el) -> list[tuple[str, str | None]]:
    """A grid of cards alike, each a short label over its value and no mark on
    either (<div><p class="text-xs">所属地区</p><p>四川-叙州区</p></div> …): three
    labels known by name vouch for the rest (厂房租金, 工业用地价格)."""
    if len(el) < 4 or len(el[0]) not in (1, 2) or el[0].tag != el[1].tag or el[0].get("class") != el[1].get("class"):
        return []  # (most blocks: a cheap look at the first two children)
    cards = [c for c in el if isinstance(c.tag, str)]
    if len(cards) < 4 or len({(c.tag, c.get("class")) for c in cards}) != 1:
        return []
    pairs, known, shapes = [], 0, set()
    for card in cards:
        cells = [c for c in card if isinstance(c.tag, str)]
        if not 1 <= len(cells) <= 2 or fold(card.text) or len(cells[0]):
            return []
        shapes.add((cells[0].tag, cells[0].get("class")))  # (a value may be a button: 获取电话)
        text = element_text(cells[0])
        if not text or len(text) > 12 or not _CELL_LABEL.match(text) or len(shapes) > 1:
            return []
        label = clean_label(text)
        known += label in KNOWN_LABELS
        # (a label alone: its value was a button, 获取电话, which the cleaner removed)
        keep, value = _value(element_text(cells[1]), cells[1], cell=True, known=label in REGION_LABELS) \
            if len(cells) == 2 else (True, None)
        if keep and _label_ok(label, 12):
            pairs.append((label, value))
    return pairs if known >= 3 and sum(1 for _, value in pairs if value) >= 3 else []


def _cell_grid(el) -> list[tuple[str, str | None]]:
    """A flat grid of cells, label then value, each of its own make and no
    colon drawn (<div class="gc gl">索引号</div><div class="gc gv">GZ-2025-01103</div> …):
    three labels known by name vouch for the rest."""
    if len(el) < 6 or len(el) % 2 or el[0].tag != el[2].tag or el[0].get("class") != el[2].get("class") \
            or (el[0].tag, el[0].get("class")) == (el[1].tag, el[1].get("class")):
        return []  # (most blocks: a cheap look at the first three children)
    cells = [c for c in el if isinstance(c.tag, str)]
    if len(cells) != len(el) or fold(el.text):
        return []
    label_make, value_make = (cells[0].tag, cells[0].get("class")), (cells[1].tag, cells[1].get("class"))
    pairs, known = [], 0
    for label_cell, value_cell in zip(cells[::2], cells[1::2]):
        if (label_cell.tag, label_cell.get("class")) != label_make or (value_cell.tag, value_cell.get("class")) != value_make \
                or len(label_cell) or fold(label_cell.tail) or fold(value_cell.tail):
            return []
        text = element_text(label_cell)
        if not text or len(text) > 12 or not _CELL_LABEL.match(text):
            return []
        label = clean_label(text)
        known += label in KNOWN_LABELS
        keep, value = _value(element_text(value_cell), value_cell, cell=True, known=label in REGION_LABELS)
        if keep and _label_ok(label, 12):
            pairs.append((label, value))
    return pairs if known >= 3 else []


def _bar_label(text: str) -> str:
    """`所在地区 | 湖北-掇刀区` on a line of its own reads `所在地区：湖北-掇刀区`."""
    match = _BAR_LABEL.match(text)
    return f"{match.group(1)}：{text[match.end():]}" if match else text


_BAR_LABEL = re.compile(r"^([\u4e00-\u9fa5][\u4e00-\u9fa5（）()]{1,9})\s*[|｜]\s*")


def _br_lines(el) -> list[str]:
    """The lines of an element's own text parted by <br> (none if a block sits inside)."""
    if len(el) < 2 or el.find("br") is None or any(isinstance(c.tag, str) and c.tag in BLOCK_TAGS for c in el):
        return []
    lines, line = [], [el.text or ""]
    for child in el:
        if child.tag == "br":
            lines.append("".join(line))
            line = []
        elif isinstance(child.tag, str):
            line.append(element_text(child))
        line.append(child.tail or "")
    lines.append("".join(line))
    return [text for raw in lines if (text := fold(raw))]


def _br_pair_lines(el) -> bool:
    """Three or more `标签：值` lines parted by <br>, and nothing else (索引号：…<br>发文机关：…<br>)."""
    lines = [_bar_label(text) for text in _br_lines(el)]
    if len(lines) < 3 or len(lines) > 40:
        return False
    labelled = [pairs for text in lines if len(pairs := inline_fields(text)) == 1 and pairs_start(text) == 0]
    return len(labelled) == len(lines) and sum(1 for pairs in labelled if pairs[0][0] in KNOWN_LABELS) >= 2


def _distinct_labels(el) -> bool:
    """Two labels or more, none twice (1. 项目名称：… 2. 项目名称：… lists several
    items; 问：…？ 答：… lines read as no labels at all)."""
    labels = [label for label, _ in block_fields(el)]
    return len(labels) >= 2 and len(set(labels)) == len(labels)


_MARK_TAGS = frozenset({"label", "b", "strong", "em", "dt", "span", "i", "small"})


def label_element_segments(owner) -> list[tuple[str, object]]:
    """`<small>时间:</small>2025年10月09日 16:45<small>地区:</small>山西 晋中 榆次区<small>来源:</small>…`:
    each label element starts a unit holding the text up to the next one, so a
    value that ends in a digit or a space does not run into the next label."""
    children = [c for c in owner if isinstance(c.tag, str)]
    marks = [c for c in children if not len(c) and (t := fold(c.text)) and t.endswith(("：", ":")) and len(t) <= 9]
    if not marks:
        # <label>发布时间</label><span>…</span><label>文章来源</label><span>…</span>: metadata labels
        # by name in label elements of their own, no colon drawn
        marks = [c for c in children if c.tag in _MARK_TAGS and not len(c) and clean_label(fold(c.text)) in META_LABELS]
    if len(marks) < 2 or children[0] is not marks[0]:
        return []
    segments: list[tuple[str, object]] = []
    parts: list[str] = []
    for child in children:
        if child in marks and parts:
            segments.append(("".join(parts).strip(), owner))
            parts = []
        if child not in marks and child.tag in BLOCK_TAGS:
            return []
        text = element_text(child)
        if child in marks and not text.endswith(("：", ":")):
            text += "："
        parts.append(text + (child.tail or ""))
    if parts:
        segments.append(("".join(parts).strip(), owner))
    return [(fold(text), el) for text, el in segments if fold(text)]


def block_fields(el) -> list[tuple[str, str | None]]:
    if el.tag == "table":
        return table_fields(el)
    if el.tag == "dl":
        return dl_fields(el)
    cards = _label_cards(el) or _cell_grid(el)
    if cards:
        return cards
    pairs = []
    for child in el:
        if isinstance(child.tag, str):
            pair = _two_cell_pair(child)
            if pair is not None:
                pairs.append(pair)
                continue
            row = _pairs_row(child)
            if row:
                pairs.extend(row)
                continue
            found = inline_fields(_bracket_lead(element_text(child)), child)
            if not found and (pair := _lead_label_pair(child, known_only=False)) is not None:
                found = [pair]
            pairs.extend(found)
    if pairs:
        return pairs
    lines = [_bar_label(text) for text in _br_lines(el)]
    if len(lines) >= 2:  # 索引号：…<br>发文机关：…<br>
        return [pair for line in lines for pair in inline_fields(line, el)]
    # labels in their own element with the value after it (`<small>来源:</small>新华社`)
    segments = label_element_segments(el)
    if segments:
        return [pair for text, owner in segments for pair in inline_fields(text, owner)]
    return inline_fields(element_text(el), el)
