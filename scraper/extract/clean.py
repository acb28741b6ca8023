"""Parse HTML and drop what a reader never sees.

Scripts, styles, form controls and markup hidden with display:none, the
`hidden` attribute or a hidden class carry city pickers,
mobile menus, SEO keyword blocks and hidden mobile copies of the body. They
are removed once, before any other stage looks at the tree.
"""
from __future__ import annotations

import re

from lxml import etree

from .text import links_at_least

# Plain etree elements: lxml.html's element-class lookup costs more than
# the parse itself on a typical page.
_PARSER = etree.HTMLParser(remove_comments=True, remove_pis=True, default_doctype=False)
_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>", re.I)
# Icon-font glyphs live in the Private Use Area (U+E000-U+F8FF): written as
# characters or entities (&#xe61a;), they are pictures, not text.
_PUA_CHAR = re.compile(r"[\ue000-\uf8ff]")
_PUA_ENTITY = re.compile(r"&#[xX](?:[eE][0-9a-fA-F]{3}|[fF][0-8][0-9a-fA-F]{2});"
                         r"|&#(?:5734[4-9]|573[5-9]\d|57[4-9]\d\d|5[89]\d{3}|6[0-2]\d{3}|63[0-6]\d\d|637[0-3]\d|6374[0-3]);")
_HIDDEN_CLASSES = frozenset({"hidden", "hide", "d-none", "display-none", "sr-only", "visually-hidden", "invisible"})
_DROP_TAGS = (
    "script", "style", "template", "iframe", "object", "embed", "svg", "canvas",
    "select", "option", "input", "button", "textarea", "link", "meta", "map", "audio", "video",
)
# Only display:none: visibility:hidden is how WeChat and lazy-loading pages
# serve the article container that a script reveals.
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none", re.I)

def parse_html(text: str, *, controls: bool = True):
    """lxml document for `text`; never raises on malformed markup.
    `controls=False`: the caller knows the text has no C0 control characters."""
    text = _XML_DECL.sub("", text, count=1)
    # The HTML parser keeps C0 control characters, but lxml refuses them when
    # text is reassigned (drop_tree); they are never visible text.
    if controls:
        text = _CONTROL_CHARS.sub("", text)
    if _PUA_CHAR.search(text):
        text = _PUA_CHAR.sub("", text)
    if "&#x" in text or "&#X" in text or "&#5" in text or "&#6" in text:  # cheaper than the regex alone
        text = _PUA_ENTITY.sub("", text)
    if _CUSTOM_TAG.search(text):
        text = _CUSTOM_TAG.sub(_plain_tag, text)
    root = etree.fromstring(text, parser=_PARSER) if text and not text.isspace() else None
    if root is None:
        root = etree.fromstring("<html><body></body></html>", parser=_PARSER)
    return root


#: A custom element (<uni-view>, <uni-text>, <ion-card>, <taro-view-core>): a
#: framework's box, which the rest of the extractor knows as a <div> or, for
#: a run of text, a <span>.
_CUSTOM_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9]*-[A-Za-z0-9-]*)(?=[\s/>])")
_INLINE_CUSTOM = re.compile(r"-(?:text|span|label|icon|badge)(?:-core)?$", re.I)


def _plain_tag(match) -> str:
    return f"<{match.group(1)}{'span' if _INLINE_CUSTOM.search(match.group(2)) else 'div'}"


def drop_tree(el) -> None:
    """Remove `el` and its children, keeping its tail text in place."""
    parent = el.getparent()
    if parent is None:
        return
    if el.tail:
        prev = el.getprevious()
        if prev is not None:
            prev.tail = (prev.tail or "") + el.tail
        else:
            parent.text = (parent.text or "") + el.tail
    parent.remove(el)


def head_info(root) -> dict:
    """What the <head> says before it is stripped: the title and the canonical URL.
    (Its <meta> author, source and dates are not read: records carry what
    the page shows a reader.)"""
    info = {"title": "", "canonical": None}
    for el in root.iter("title"):
        info["title"] = etree.tostring(el, method="text", encoding=str, with_tail=False)
        break
    for el in root.iter("link"):
        rel = (el.get("rel") or "").lower().split()
        if "canonical" in rel and el.get("href"):
            info["canonical"] = el.get("href").strip()
            break
    return info


def _is_hidden(el) -> bool:
    style = el.get("style")
    if style and _HIDDEN_STYLE.search(style):
        # (<div x-show="tab==='pt'" style="display:none" class="prose">: a tab beside the shown one, when
        # it says it is a tab; a hidden 'more' copy of the text beside it does not)
        return not (_says_tab(el) and _tab_pane(el, set((el.get("class") or "").lower().split()) - _HIDDEN_CLASSES))
    if el.get("hidden") is not None or el.get("aria-hidden") == "true":
        return True
    cls = el.get("class")
    if not cls:
        return False
    tokens = cls.lower().split()
    return not _HIDDEN_CLASSES.isdisjoint(tokens) and not _tab_pane(el, set(tokens) - _HIDDEN_CLASSES) \
        and not any(_SHOWN_ON_WIDER.match(token) for token in tokens)


#: `d-none d-md-block` (Bootstrap), `hidden lg:flex` (Tailwind): hidden on phones, shown on a desktop.
_SHOWN_ON_WIDER = re.compile(r"^(?:d-(?:sm|md|lg|xl|xxl)-|(?:sm|md|lg|xl|2xl):)(?:block|flex|inline|inline-block|inline-flex|grid|table)$")


_INLINE_TAGS = ("span", "font", "i", "em", "b", "small", "ins", "s", "u", "strong", "label", "sup", "sub", "time")
#: An inline element's class as the last part of a descendant selector
#: (`.entry-meta .updated:not(.published){display:none}`: WordPress's second date)
_STYLE_HIDDEN_INLINE = re.compile(r"(?:^|[}\n,])[ \t]*(?:[\w.#-]+[ \t]+){1,3}\.([A-Za-z_][\w-]*)(?::not\(\.([\w-]+)\))?\s*(?=[{,])"
                                  r"[^{]*\{[^}]*display\s*:\s*none", re.I)


_BLOCK_PANES = ("div", "section", "article", "ul", "ol", "table", "dl")


def _lone_hidden(el, styled: set) -> bool:
    own = set(el.get("class").split())
    if styled.isdisjoint(own) or _full_text_after_teaser(el):
        return False
    for sibling in (*el.itersiblings(preceding=True), *el.itersiblings()):
        if sibling.tag == el.tag and not own.isdisjoint((sibling.get("class") or "").split()):
            return False  # one of a row of panes of its make
    return True


def _full_text_after_teaser(el) -> bool:
    """<div class="intro-short">第一段…</div><div class="intro-full">第一段… 第二段…</div>:
    the hidden box is the whole text a 展开全文 link opens, the shown one its
    first lines (a hidden copy of a text shown whole stays hidden)."""
    shown = el.getprevious()
    while shown is not None and not isinstance(shown.tag, str):
        shown = shown.getprevious()
    if shown is None:
        return False
    teaser = "".join(etree.tostring(shown, method="text", encoding=str).split())
    full = "".join(etree.tostring(el, method="text", encoding=str).split())
    return len(teaser) >= 20 and len(full) >= 1.5 * len(teaser) and full.startswith(teaser[:20])


def _hidden_inline(el, rules: dict) -> bool:
    classes = el.get("class").split()
    return any(cls in rules and (not rules[cls] or rules[cls] not in classes) for cls in classes)


def _stylesheet_hidden_classes(root) -> tuple[set, dict]:
    """(classes the stylesheet hides, {class: the class that exempts it (:not(.published)) or
    ""} for inline elements, which it may also hide inside another element)."""
    found: set = set()
    inline: dict = {}
    shown: set = set()
    for style in root.iter("style"):
        text = style.text
        if text and "none" in text:
            if "@media" in text:
                # `@media (max-width:768px){.side{display:none}}`: hidden on phones only;
                # `.side{display:none} @media (min-width:768px){.side{display:block}}`: shown on a desktop
                for block in _MEDIA_BLOCK.finditer(text):
                    if "min-width" in block.group(1):
                        shown.update(_rule_classes(block.group(2), _DISPLAY_SHOWN))
                text = _MEDIA_BLOCK.sub("", text)
            found.update(_rule_classes(text, _DISPLAY_NONE))
            inline.update(_STYLE_HIDDEN_INLINE.findall(text))
    inline.update(dict.fromkeys(found, ""))
    return found - shown, {cls: unless for cls, unless in inline.items() if cls not in shown}


def _hidden_row_classes(root) -> set:
    """Classes of table rows a stylesheet hides (`.yb-xt tr.more-row{display:none}`); a
    compound selector (`tr.more-row.open{display:table-row}`, the row a click opens) names none."""
    found: set = set()
    for style in root.iter("style"):
        text = style.text
        if text and "tr." in text and "none" in text:
            for selectors, declarations in _CSS_RULE.findall(_MEDIA_BLOCK.sub("", text)):
                if _DISPLAY_NONE.search(declarations):
                    found.update(m.group(1) for part in selectors.split(",") if (m := _ROW_CLASS.search(part)))
    return found


_ROW_CLASS = re.compile(r"(?:^|\s)tr\.([A-Za-z_][\w-]*)\s*$")


def _rule_classes(css: str, declares) -> set:
    """Classes named alone in the selector list of a rule whose declarations
    match `declares` (`.jammer{display:none}`; `.m-menu,.m-list,.wap-list{…}`:
    all three, not only the first)."""
    found = set()
    for selectors, declarations in _CSS_RULE.findall(css):
        if declares.search(declarations):
            found.update(m.group(1) for part in selectors.split(",") if (m := _LONE_CLASS.match(part)))
    return found


_CSS_RULE = re.compile(r"([^{}]+)\{([^{}]*)\}")
_LONE_CLASS = re.compile(r"\s*\.([A-Za-z_][\w-]*)\s*$")
_DISPLAY_NONE = re.compile(r"display\s*:\s*none", re.I)
_DISPLAY_SHOWN = re.compile(r"display\s*:\s*(?:block|flex|grid|inline|table)", re.I)


#: An @media block: its condition and its rules (one level of braces inside).
_MEDIA_BLOCK = re.compile(r"@media([^{]*)\{((?:[^{}]*\{[^{}]*\})*[^{}]*)\}", re.I)


def _tab_pane(el, own: set) -> bool:
    """A box hidden by a class beside a shown box of its make
    (<ul class="tab-bd">…</ul><ul class="tab-bd hide">…</ul>, <div class="tab-panel
    hide">产业定位 …</div>) is a tab the reader opens with a click: content,
    not hidden markup."""
    if not own:
        return False
    links = links_at_least(el, 2)
    for sibling in (*el.itersiblings(preceding=True), *el.itersiblings()):
        if sibling.tag == el.tag:
            theirs = set((sibling.get("class") or "").lower().split())
            if theirs & own and _HIDDEN_CLASSES.isdisjoint(theirs) and not _HIDDEN_STYLE.search(sibling.get("style") or ""):
                # a pane of text (园区概况 | 产业定位 | …) too, unless it is the shown one's copy
                return links or _other_text(el, sibling)
    return False


_TAB_WORD = re.compile(r"(?<![a-z])(?:tab(?!le)|pane|panel)", re.I)  # (tab-pane, tabpanel, tl-pane; not table)


def _says_tab(el) -> bool:
    """A pane a script shows (Alpine x-show, Vue v-show, role=tabpanel) or named a tab."""
    return el.get("x-show") is not None or el.get("v-show") is not None or el.get("role") == "tabpanel" \
        or bool(_TAB_WORD.search((el.get("class") or "") + " " + (el.get("id") or "")))


def _other_text(el, sibling) -> bool:
    mine = "".join(etree.tostring(el, method="text", encoding=str).split())[:30]
    theirs = "".join(etree.tostring(sibling, method="text", encoding=str).split())[:30]
    return bool(mine) and bool(theirs) and mine != theirs



#: Every attribute that can hide an element, each with its element.
_HIDING_ATTRIBUTES = etree.XPath("//@style | //@class | //@hidden | //@aria-hidden")


def _may_hide(attr) -> bool:
    """Cheap substring screen before the exact test (_is_hidden)."""
    name = attr.attrname
    if name == "style":
        return "none" in attr or "NONE" in attr
    if name == "class":
        return "hid" in attr or "none" in attr or "invisible" in attr or "sr-only" in attr or "HID" in attr or "Hid" in attr
    return True  # hidden, aria-hidden: present at all


#: Icon fonts drawn by ligatures: the element's text is the glyph's name, not words.
_ICON_FONT = re.compile(r"(?:^|[\s-])(?:f7-icons|material-icons(?:-[a-z]+)?|material-symbols(?:-[a-z]+)?|icons)(?:$|\s)")
_LIGATURE = re.compile(r"^\s*[a-z][a-z0-9_]{1,30}\s*$")


def strip_invisible(root) -> None:
    """Remove non-content elements and hidden subtrees in place (tails kept)."""
    styled, styled_inline = _stylesheet_hidden_classes(root)
    for icon in root.iter("i", "span"):
        cls = icon.get("class")
        if cls and "icon" in cls and _LIGATURE.match(icon.text or "") and not len(icon) and _ICON_FONT.search(cls):
            icon.text = None  # <i class="f7-icons">placemark</i>, <span class="material-icons">place</span>: a glyph's name
    for button in root.iter("button"):
        if button.get("role") == "tab" or button.get("aria-controls") or button.get("data-target") \
                or button.get("data-bs-target"):
            button.tag = "span"  # <button role="tab" aria-controls="p-shi">市级政策</button>: a tab names its pane
    rows = _hidden_row_classes(root)
    etree.strip_elements(root, *_DROP_TAGS, with_tail=False)
    if rows:
        # a table's rows hidden by the stylesheet (.list tr.more-row{display:none}: a row's 展开
        # details, its link repeated) are never tabs
        for el in [el for el in root.iter("tr") if el.get("class") and not rows.isdisjoint(el.get("class").split())]:
            drop_tree(el)
    if styled_inline:
        # anti-copy strings (<font class="jammer">襄阳招商网7f3k</font>) hidden by the page's
        # own stylesheet; only inline ones: a block so hidden is usually a tab a click shows
        for el in [el for el in root.iter(*_INLINE_TAGS) if el.get("class") and _hidden_inline(el, styled_inline)]:
            drop_tree(el)
    if styled:
        # a block so hidden with no sibling of its class (a hidden MIP/mobile copy of the
        # text) is not a tab: tabs come as a row of panes of one class
        for el in [el for el in root.iter(*_BLOCK_PANES) if el.get("class") and _lone_hidden(el, styled)]:
            drop_tree(el)

    # Only the attributes that exist are visited, in C, in document order; a
    # Python loop over every element costs more. (An XPath that tests their
    # values costs more than the parse: libxml2's string functions are slow.)
    candidates = dict.fromkeys(attr.getparent() for attr in _HIDING_ATTRIBUTES(root) if _may_hide(attr))
    hidden = [el for el in candidates if _is_hidden(el) and el.tag not in ("html", "body")]
    for el in hidden:
        drop_tree(el)
