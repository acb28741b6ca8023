"""Label -> value shapes of detail pages, one small page each (expectations
written from the markup, not from the code's output)."""
from __future__ import annotations

import pytest

from scraper.extract.body import TextStats
from scraper.extract.clean import parse_html, strip_invisible
from scraper.extract.fields import block_fields, colon_bracket_labels, find_field_blocks, page_tool_line


def _fields(html: str) -> dict:
    root = parse_html(f"<html><body>{html}</body></html>")
    strip_invisible(root)
    stats = TextStats(root)
    pairs: dict = {}
    for block in find_field_blocks(root, set(), stats):
        for label, value in block_fields(block):
            pairs.setdefault(label, value)
    return pairs


CASES = [
    pytest.param(
        "<table><tr><th>索引号</th><th>发文机关</th><th>发文字号</th></tr>"
        "<tr><td>11230202MB/2025-00037</td><td>龙沙区人民政府办公室</td><td>龙政办发〔2025〕12号</td></tr>"
        "<tr><th>主题分类</th><td>综合政务</td></tr></table>",
        {"索引号": "11230202MB/2025-00037", "发文机关": "龙沙区人民政府办公室", "发文字号": "龙政办发〔2025〕12号",
         "主题分类": "综合政务"},
        id="a row of labels over one row of values",
    ),
    pytest.param(
        "<table><tr><td>园区名称：秦都区电子信息产业园</td><td>所在地：陕西省咸阳市秦都区</td></tr>"
        "<tr><td>园区级别：省级</td><td>园区类型：专业园区</td></tr></table>",
        {"园区名称": "秦都区电子信息产业园", "所在地": "陕西省咸阳市秦都区", "园区级别": "省级", "园区类型": "专业园区"},
        id="each cell its own label and value",
    ),
    pytest.param(
        "<ul><li><span>【项目编号】</span>JZ-2025-0412</li><li><span>【投资总额】</span>5.6亿元</li>"
        "<li><span>【合作方式】</span>独资、合资</li></ul>",
        {"项目编号": "JZ-2025-0412", "投资总额": "5.6亿元", "合作方式": "独资、合资"},
        id="bracketed labels without a colon",
    ),
    pytest.param(
        "<ul><li><label>项目编号</label><p>YN-QJ-2025-0136</p></li><li><label>投资额</label><p>35亿元</p></li>"
        "<li><label>联系电话</label><p><a href='javascript:;'>登录后查看</a></p></li></ul>",
        {"项目编号": "YN-QJ-2025-0136", "投资额": "35亿元", "联系电话": None},
        id="label elements, a login button for a value",
    ),
    pytest.param(
        "<div class='stats'><div class='s'><div class='num'>1860<small>亩</small></div><div class='lab'>规划面积</div></div>"
        "<div class='s'><div class='num'>86家</div><div class='lab'>入驻企业</div></div>"
        "<div class='s'><div class='num'>≥260万元/亩</div><div class='lab'>投资强度</div></div></div>",
        {"规划面积": "1860亩", "入驻企业": "86家", "投资强度": "≥260万元/亩"},
        id="stat cards: the figure above its label",
    ),
    pytest.param(
        "<div class='info'><small>时间:</small>2025年10月09日 16:45<small>地区:</small>山西 晋中 榆次区"
        "<small>来源:</small>晋中市投资促进中心</div>",
        {"时间": "2025年10月09日 16:45", "地区": "山西 晋中 榆次区", "来源": "晋中市投资促进中心"},
        id="label elements split one line",
    ),
    pytest.param(
        "<ul><li>联系人：陈经理</li><li>联系电话：<button type='button'>点击获取</button></li>"
        "<li>电子邮箱：</li></ul>",
        {"联系人": "陈经理", "联系电话": None, "电子邮箱": None},
        id="a contact detail behind a button, or not shown, is a fact shown as nothing",
    ),
    pytest.param(
        "<div class='grid'><div class='stat'><strong>15亿元</strong><em>投资总额</em></div>"
        "<div class='stat'><strong>260亩</strong><em>用地面积</em></div><div class='stat'><strong>36个月</strong><em>建设周期</em></div></div>",
        {"投资总额": "15亿元", "用地面积": "260亩", "建设周期": "36个月"},
        id="stat cards: a bold figure over a plain word",
    ),
    pytest.param(
        "<ul class='timeline'><li><span class='t'>2025-03-18</span><span class='e'>项目入库</span></li>"
        "<li><span class='t'>2025-08-06</span><span class='e'>用地规划条件确定</span></li>"
        "<li><span class='t'>2026-06</span><span class='e'>计划开工建设</span></li></ul>",
        {},
        id="a timeline: a date over an event is no fact",
    ),
    pytest.param(
        "<table><tr><td class='lbl'>项目名称</td><td>年产5万吨生物基材料项目</td></tr>"
        "<tr><td class='lbl'>2025年计划投资（万元）</td><td>80000</td></tr>"
        "<tr><td class='lbl'>总投资（亿元）</td><td>12</td></tr></table>"
        "<div class='tip'>免责提示：本页项目信息由发布方提供，仅供参考。</div>",
        {"项目名称": "年产5万吨生物基材料项目", "2025年计划投资（万元）": "80000", "总投资（亿元）": "12"},
        id="a label that opens with its year; a disclaimer is no fact",
    ),
]


@pytest.mark.parametrize(("html", "expected"), CASES)
def test_fact_shapes(html, expected):
    assert _fields(html) == expected


def test_a_table_of_data_rows_is_not_one_items_facts():
    # a header row over several rows of values lists offices, not one item's facts
    html = ("<table><tr><th>盟市</th><th>招商部门</th><th>招商热线</th></tr>"
            "<tr><td>呼和浩特市</td><td>投资促进局</td><td>0471-0000001</td></tr>"
            "<tr><td>包头市</td><td>投资促进中心</td><td>0472-0000002</td></tr></table>")
    assert _fields(html) == {}


def test_a_colon_in_a_cell_of_its_own_between_label_and_value():
    got = _fields("<table><tr><td class='l'>所在区域</td><td class='c'>：</td><td class='r'>锦州经济技术开发区</td></tr>"
                  "<tr><td class='l'>园区级别</td><td class='c'>：</td><td class='r'>省级</td></tr>"
                  "<tr><td class='l'>规划面积</td><td class='c'>：</td><td class='r'>8.6平方公里</td></tr></table>")
    assert got == {"所在区域": "锦州经济技术开发区", "园区级别": "省级", "规划面积": "8.6平方公里"}


def test_a_grid_of_unmarked_label_cards_vouched_for_by_known_labels():
    cards = "".join(f"<div class='rounded p-3'><p class='text-xs'>{k}</p><p class='mt-1'>{v}</p></div>" for k, v in [
        ("所属地区", "四川-叙州区"), ("园区级别", "省级"), ("规划面积", "12.6平方公里"), ("厂房租金", "8-12元/㎡·月"),
        ("工业用地价格", "18万元/亩")]) + "<div class='rounded p-3'><p class='text-xs'>招商热线</p><button>获取电话</button></div>"
    assert _fields(f"<div class='grid'>{cards}</div>") == {
        "所属地区": "四川-叙州区", "园区级别": "省级", "规划面积": "12.6平方公里", "厂房租金": "8-12元/㎡·月",
        "工业用地价格": "18万元/亩", "招商热线": None}


def test_a_flat_grid_of_label_cells_and_value_cells_without_colons():
    got = _fields('<div class="zc-grid"><div class="gc gl">索引号</div><div class="gc gv">GZ-2025-01103</div>'
                  '<div class="gc gl">发文机关</div><div class="gc gv">张掖市甘州区人民政府</div>'
                  '<div class="gc gl">发文字号</div><div class="gc gv">甘区政发〔2025〕41号</div>'
                  '<div class="gc gl">有&nbsp;效&nbsp;性</div><div class="gc gv">有效</div></div>')
    assert got == {"索引号": "GZ-2025-01103", "发文机关": "张掖市甘州区人民政府", "发文字号": "甘区政发〔2025〕41号", "有效性": "有效"}
    # cells alike in pairs of words that are no labels by name: a tag cloud, not facts
    assert _fields('<div class="cloud"><span class="a">新能源</span><span class="b">储能</span><span class="a">光伏</span>'
                   '<span class="b">氢能</span><span class="a">锂电</span><span class="b">风电</span></div>') == {}


def test_a_unit_in_a_label_does_not_count_toward_its_length_and_a_spaced_bracketed_label_reads():
    got = _fields("<table><tr><th>规划面积（平方公里）</th><th>已开发面积（平方公里）</th><th>入驻企业（家）</th></tr>"
                  "<tr><td>4.5</td><td>2.1</td><td>57</td></tr></table>")
    assert got == {"规划面积（平方公里）": "4.5", "已开发面积（平方公里）": "2.1", "入驻企业（家）": "57"}
    got = _fields("<div class='finfo'><p>【发文机关】汉中市南郑区人民政府</p><p>【发文字号】南政发〔2025〕21号</p>"
                  "<p>【有 效 期】2025年10月1日至2027年9月30日</p></div>")
    assert got == {"发文机关": "汉中市南郑区人民政府", "发文字号": "南政发〔2025〕21号", "有效期": "2025年10月1日至2027年9月30日"}


def test_questions_and_their_answers_are_no_facts():
    assert _fields("<dl><dt>问：计算器收费吗？</dt><dd>答：免费使用。</dd><dt>问：数据会保存吗？</dt>"
                   "<dd>答：仅在您提交咨询时保存联系人信息。</dd></dl>") == {}
    assert _fields("<div><p>问：外地企业来投资需要办理哪些手续？</p><p>答：一般需要完成项目备案和工商注册等环节。</p>"
                   "<p>问：标准厂房租金一般是多少？</p><p>答：以园区公布或现场洽谈为准。</p></div>") == {}


def test_label_bar_value_lines_and_cells_of_a_small_label_over_its_value():
    got = _fields("<div class='base'><p>所在地区 | 湖北-掇刀区<br>园区级别 | 省级<br>主导产业 | 精细化工、新材料<br>"
                  "招商电话 | <a href='javascript:;'>点击获取</a></p></div>")
    assert got == {"所在地区": "湖北-掇刀区", "园区级别": "省级", "主导产业": "精细化工、新材料", "招商电话": None}
    got = _fields("<table><tr><td><small>所属行业</small><br><b>航空装备</b></td><td><small>投资总额</small><br><b>3亿元</b></td>"
                  "<td><small>合作方式</small><br><b>合作</b></td></tr><tr><td><small>建设地点</small><br><b>德阳市旌阳区</b></td>"
                  "<td><small>联系方式</small><br><b><a href='javascript:;'>立即获取</a></b></td></tr></table>")
    assert got == {"所属行业": "航空装备", "投资总额": "3亿元", "合作方式": "合作", "建设地点": "德阳市旌阳区", "联系方式": None}


def test_a_read_only_form_of_facts_and_a_row_padded_with_empty_cells():
    got = _fields("<form class='layui-form'>" + "".join(
        f"<div class='layui-form-item'><label class='layui-form-label'>{k}：</label><div class='layui-input-block'>"
        f"<div class='layui-form-mid'>{v}</div></div></div>" for k, v in [("所属地区", "广西-梧州市长洲区"), ("所属行业", "再生资源加工"),
                                                                          ("投资总额", "8.6亿元")]) + "</form>")
    assert got == {"所属地区": "广西-梧州市长洲区", "所属行业": "再生资源加工", "投资总额": "8.6亿元"}
    got = _fields("<table><tr><td>所在地区：内蒙古-鄂尔多斯市康巴什区</td><td>园区级别：市级</td><td>园区类型：数字经济产业园</td></tr>"
                  "<tr><td>已入驻企业：38家</td><td>办公租金:0.8-1.2元/㎡·天</td><td>&nbsp;</td></tr></table>")
    assert got == {"所在地区": "内蒙古-鄂尔多斯市康巴什区", "园区级别": "市级", "园区类型": "数字经济产业园", "已入驻企业": "38家",
                   "办公租金": "0.8-1.2元/㎡·天"}


def test_bracketed_labels_and_a_place_path_of_links_in_a_list_of_fact_rows():
    assert _fields("<div>" + "".join(f"<p class='f'>【{k}】{v}</p>" for k, v in [
        ("所在地区", "湖北·黄石·大冶市"), ("园区级别", "省级"), ("已建成面积", "约11.8平方公里")]) + "</div>") == {
        "所在地区": "湖北·黄石·大冶市", "园区级别": "省级", "已建成面积": "约11.8平方公里"}
    assert _fields("<div class='xm-attr'><p><span class='k'>所在地区：</span><span class='v'><a href='/q/lc/'>山东</a>-"
                   "<a href='/q/lc/'>陵城区</a></span></p><p><span class='k'>所属行业：</span><span class='v'>生物医药</span></p>"
                   "<p><span class='k'>投资总额：</span><span class='v'>5.2亿元</span></p>"
                   "<p><span class='k'>合作方式：</span><span class='v'>合作</span></p></div>") == {
        "所在地区": "山东-陵城区", "所属行业": "生物医药", "投资总额": "5.2亿元", "合作方式": "合作"}


def test_rows_of_two_label_value_pairs_drawn_as_divs():
    rows = "".join(f"<div class='f-row'><div class='f-k'>{a}</div><div class='f-v'>{b}</div><div class='f-k'>{c}</div>"
                   f"<div class='f-v'>{d}</div></div>" for a, b, c, d in [
                       ("所属行业", "汽车零部件制造", "投资总额", "3.2亿元"), ("合作方式", "独资、合资", "项目所在地", "湖北省十堰市茅箭区"),
                       ("项目状态", "招商中", "联 系 人", "陈先生")])
    assert _fields(f"<div class='facts'>{rows}</div>") == {
        "所属行业": "汽车零部件制造", "投资总额": "3.2亿元", "合作方式": "独资、合资", "项目所在地": "湖北省十堰市茅箭区",
        "项目状态": "招商中", "联系人": "陈先生"}


@pytest.mark.parametrize("line, tool", [
    ("浏览次数：--", True),
    ("字号：大 中 小 【打印】", True),
    ("浏览次数：--字号：大 中 小 【打印】", True),
    ("浏览次数：-- 来源：新华网", False),  # a source is a fact of the text
    ("附件：1.申报表", False),  # document text
    ("温馨提示：请于11月30日前提交材料。", False),
    ("项目简介", False),
])
def test_a_line_of_the_pages_own_tools_is_told_from_facts_and_text(line, tool):
    assert page_tool_line(line) is tool


def test_linked_headlines_with_a_colon_are_no_facts_but_a_linked_value_is():
    root = parse_html("<html><body><ul><li><a href='/news/1.html'>青海海西：戈壁滩上建起风光储基地</a><span>11-27</span></li>"
                      "<li><a href='/news/2.html'>西宁：冬季供暖全面启动</a><span>11-26</span></li>"
                      "<li><a href='/news/3.html'>宁夏银川：绿电园区吸引企业落户</a><span>11-25</span></li></ul></body></html>")
    assert find_field_blocks(root, set(), TextStats(root)) == []  # (its labels would vote the page a fact sheet)
    facts = _fields("<ul><li>所属地区：<a href='/quyu/jialing/'>南充-嘉陵区</a></li><li>园区级别：省级</li>"
                    "<li>主导产业：丝纺服装</li></ul>")
    assert facts == {"所属地区": "南充-嘉陵区", "园区级别": "省级", "主导产业": "丝纺服装"}


def test_bracketed_labels_read_as_labels_but_bracketed_buttons_do_not():
    assert colon_bracket_labels("【来源】某中心") == "来源：某中心"
    assert colon_bracket_labels("字号 大 中 小 【打印】【关闭】") == "字号 大 中 小 【打印】【关闭】"
