"""List entries on small synthetic boxes: what is an entry and what is not."""
from __future__ import annotations

from urllib.parse import urljoin, urlsplit

import pytest
from hypothesis import given, settings, strategies as st

from scraper.extract import parse_page
from scraper.extract.lists import join_url

URL = "https://invest.example.cn/zc/index.html"


def records(html: str) -> list[dict]:
    page = parse_page(f"<html><head><title>列表页</title></head><body>{html}</body></html>".encode(), URL)
    return page.records


def test_date_written_inside_the_link_is_split_off():
    got = records("""<div><h3>最新政策</h3><ul>
      <li><a href="/zc/1001.html">关于印发《某某办法》的通知 2025-08-27</a></li>
      <li><a href="/zc/1002.html">某某区人民政府关于支持发展的意见 [2025-08-20]</a></li></ul></div>""")
    assert [(r["title"], r["published"], r["issuer"]) for r in got] == [
        ("关于印发《某某办法》的通知", "2025-08-27", None),
        ("某某区人民政府关于支持发展的意见", "2025-08-20", "某某区人民政府"),
    ]


def test_region_prefix_in_the_link_is_the_entry_region():
    got = records("""<div><h3>招商项目</h3><ul>
      <li><a href="/xm/11.html">[宁波]智能家电产业园配套项目</a><span>2025-09-01</span></li>
      <li><a href="/xm/12.html">[政策]不是地区的前缀保持原样</a><span>2025-09-02</span></li></ul></div>""")
    assert got[0]["title"] == "智能家电产业园配套项目" and got[0]["region"]["code"] == "330200"
    assert got[1]["title"] == "[政策]不是地区的前缀保持原样" and got[1]["region"] is None


def test_navigation_more_links_and_ctas_are_not_entries():
    got = records("""<div><h3>上海徐汇区招商引资</h3><div>
      <a href="/zhengce/">招商政策</a><a href="/liucheng/">投资流程</a><a href="/tudi/">土地招拍挂</a></div></div>
      <div><h3>招商项目</h3><a href="/xm/">更多&gt;&gt;</a><ul>
      <li><a href="/xm/21.html">新能源汽车零部件项目</a><span>2025-08-01</span></li>
      <li><a href="/ruzhu/">企业入驻</a><span>2025-08-01</span></li>
      <li><a href="/xm/22.html">生物医药中试平台项目</a><span>2025-07-30</span></li></ul></div>""")
    assert [r["title"] for r in got] == ["新能源汽车零部件项目", "生物医药中试平台项目"]
    assert {r["list"] for r in got} == {"招商项目"}


def test_links_without_date_or_region_need_a_typed_heading_and_three_entries():
    typed = records("""<div><div class="hd">推荐园区</div><ul>
      <li><a href="/yq/301.html">宁波前湾新区</a></li><li><a href="/yq/302.html">杭州钱塘新区</a></li>
      <li><a href="/yq/303.html">绍兴滨海新区</a></li></ul></div>""")
    assert [(r["type"], r["title"], r["region"], r["published"]) for r in typed] == [
        ("park", "宁波前湾新区", None, None), ("park", "杭州钱塘新区", None, None), ("park", "绍兴滨海新区", None, None)]
    untyped = records("""<div><div class="hd">友情链接</div><ul>
      <li><a href="/a/301.html">宁波前湾新区</a></li><li><a href="/a/302.html">杭州钱塘新区</a></li>
      <li><a href="/a/303.html">绍兴滨海新区</a></li></ul></div>""")
    assert untyped == []
    files = records("""<div><div class="hd">政策文件</div><ul>
      <li><a href="/f/1001.pdf">某某办法全文下载</a></li><li><a href="/f/1002.doc">某某细则全文下载</a></li>
      <li><a href="/f/1003.pdf">某某通知全文下载</a></li></ul></div>""")
    assert files == []


def test_prev_next_links_are_not_a_list():
    got = records("""<div><h3>政策解读</h3>
      <div>上一篇：<a href="/zc/2001.html">关于进一步优化营商环境的通知</a></div>
      <div>下一篇：<a href="/zc/2002.html">关于支持民营经济发展的意见</a></div>
      <div>下一篇：<a href="/zc/2003.html">关于促进外贸稳定增长的通知</a></div></div>""")
    assert got == []


def test_park_cards_with_a_booking_button_are_one_entry_each():
    got = records("""<div class="side"><div class="hd"><h3>徐州产业园区</h3><a href="/yq/">更多&gt;</a></div>
      <div class="card"><a href="/yuanqu/731.html">徐州经济技术开发区</a><p>徐州-徐州经开区</p>
        <a href="/kefu/?yq=731">预约看园</a></div>
      <div class="card"><a href="/yuanqu/755.html">邳州经济开发区</a><p>徐州-邳州市</p>
        <a href="/kefu/?yq=755">预约看园</a></div></div>""")
    assert [(r["type"], r["title"], r["url"][-15:], r["region"]["code"]) for r in got] == [
        ("park", "徐州经济技术开发区", "yuanqu/731.html", "320300"), ("park", "邳州经济开发区", "yuanqu/755.html", "320382")]


def test_a_bold_figure_in_a_result_count_is_not_the_lists_heading():
    got = records("""<div><h2>项目搜索结果</h2><p>共找到 <b>36</b> 个相关项目</p>
      <div class="res"><h3><a href="/xiangmu/show-209514.html">嘉兴港区冷链物流枢纽项目</a></h3><span>2025/8/27</span></div>
      <div class="res"><h3><a href="/xiangmu/show-209488.html">昆山市城市配送冷链物流中心项目</a></h3><span>2025/8/20</span></div>
      </div>""")
    assert [(r["list"], r["published"]) for r in got] == [("项目搜索结果", "2025-08-27"), ("项目搜索结果", "2025-08-20")]


def test_year_less_side_dates_take_their_year_from_the_article_when_no_update_date_is_shown():
    html = """<html><head><title>某区招商引资成效明显</title></head><body>
      <h1>某区招商引资成效明显</h1><div class="info">发布时间：2025-10-30 15:42</div>
      <div class="content"><p>（测试样例文字）今年以来，某区聚焦主导产业开展精准招商，新签约项目23个，计划总投资91亿元。</p>
      <p>（测试样例文字）某区建立重点项目周调度机制，对签约项目落实帮办代办服务，推动项目早开工早投产。</p></div>
      <div><h3>优惠政策</h3><ul>
      <li><span>[10-21]</span><a href="/zhengce/2025/1021/21370.html">某区关于支持高端装备制造业发展的若干措施</a></li>
      <li><span>[11-05]</span><a href="/zhengce/2024/1105/20011.html">某区关于加快推进标准厂房建设的实施意见</a></li>
      </ul></div></body></html>"""
    got = parse_page(html.encode(), "https://jinan.example.cn/html/zixun/2025/1030/21456.html").records
    # 11-05 after the page's own date was an earlier year's
    assert [r["published"] for r in got[1:]] == ["2025-10-21", "2024-11-05"]


def test_a_box_named_beside_its_breadcrumb_types_its_list():
    got = records("""<div class="side"><h2>招商引资</h2><ul><li><a href="../zsdt/">招商动态</a></li>
      <li><a href="./">招商政策</a></li></ul></div>
      <div class="con"><div class="hd"><div class="lm_name">招商政策</div>
      <div class="position">您当前的位置：<a href="/">首页</a> &gt; <a href="../">招商引资</a> &gt; <a href="./">招商政策</a></div></div>
      <ul><li><a href="./202510/t20251016_6123581.html">某区管理委员会关于印发《某区招商引资项目扶持办法》的通知</a><span>2025-10-16</span></li>
      <li><a href="./202509/t20250929_6118420.html">某市人民政府关于加快发展先进制造业的若干意见</a><span>2025-09-29</span></li></ul></div>""")
    assert [(r["type"], r["list"], r["published"]) for r in got] == [
        ("policy", "招商政策", "2025-10-16"), ("policy", "招商政策", "2025-09-29")]


def test_an_entry_drawn_as_a_title_row_over_a_row_of_its_facts():
    got = records("""<dl><dt><strong>南阳招商项目</strong></dt><dd><table>
      <tr><td>·<a href="/xiangmu/2025/0926/15861.html">镇平县玉雕文化创意产业园项目</a></td></tr>
      <tr><td><span>河南-镇平县</span> <span>2025-09-26</span></td></tr>
      <tr><td><a href="/xiangmu/2025/0924/15850.html">宛城区新能源电池回收利用项目</a></td></tr>
      <tr><td><span>河南-宛城区</span> <span>2025-09-24</span></td></tr></table></dd></dl>""")
    assert [(r["title"], r["published"], r["region"]["code"]) for r in got] == [
        ("镇平县玉雕文化创意产业园项目", "2025-09-26", "411324"), ("宛城区新能源电池回收利用项目", "2025-09-24", "411302")]


def test_links_to_the_previous_and_next_item_are_not_entries_even_with_their_label_inside():
    got = records("""<div class="near"><h3>相关园区</h3>
      <a href="/yuanqu/detail/1436.html">上一个园区：咸阳高新区生物医药产业园</a>
      <a href="/yuanqu/detail/1442.html">下一个园区：咸阳高新区科技企业孵化器</a></div>""")
    assert got == []


def test_a_column_with_a_text_and_a_few_links_is_not_a_list():
    text = "".join(f"<p>（测试样例文字）第{i}段，各地围绕先进制造业和现代服务业密集举办招商推介活动，外资企业投资信心持续增强。</p>"
                   for i in range(8))
    got = records(f"""<div class="col"><h3>推动外资项目早签约、早落地</h3><h1>多地密集举办招商推介活动</h1>
      <div class="channel">2025年10月22日08:26 | 来源：<a href="http://paper.example.cn/rmrb/">某某日报</a></div>
      <div class="txt">{text}</div>
      <div class="rel"><div class="title">推荐阅读</div><ul>
      <li><a href="/n1/2025/1021/c1004-40588105.html">前三季度我国服务贸易稳中有增</a></li>
      <li><a href="/n1/2025/1019/c1004-40586332.html">自贸试验区制度创新成果加快复制推广</a></li></ul></div></div>""")
    assert [(r["type"], r["published"]) for r in got] == [("article", "2025-10-22T08:26:00+08:00")]


def test_tabs_over_a_wrapper_of_panes_head_each_pane():
    got = records("""<div class="tabbox"><ul class="tab-hd"><li class="on">招商项目</li><li>优惠政策</li></ul>
      <a class="more" href="/xiangmu/">更多</a><div class="tab-bd">
      <ul class="pane"><li><a href="/xiangmu/301.html">柯城区智能传感器研发生产项目</a><span>2025-11-02</span></li>
      <li><a href="/xiangmu/302.html">柯城区工业互联网平台建设项目</a><span>2025-10-28</span></li></ul>
      <ul class="pane hide"><li><a href="/zhengce/401.html">柯城区关于支持数字经济发展的若干意见</a><span>2025-10-20</span></li>
      <li><a href="/zhengce/402.html">柯城区高层次人才安居保障实施办法</a><span>2025-10-11</span></li></ul></div></div>""")
    assert [(r["type"], r["list"]) for r in got] == [
        ("project", "招商项目"), ("project", "招商项目"), ("policy", "优惠政策"), ("policy", "优惠政策")]


def test_an_image_heading_beside_a_more_link_and_a_cut_title_after_a_region_prefix():
    got = records("""<div class="sbox"><div class="hd"><img src="/img/tit_xm.png" alt="开封招商项目">
      <a href="/xiangmu/" class="more">more</a></div><ul>
      <li><span>2025-10-21</span><a href="/html/xiangmu/9176.html" title="杞县大蒜精深加工及出口贸易基地项目">[杞县]杞县大蒜精深加工及出口…</a></li>
      <li><span>2025-10-15</span><a href="/html/xiangmu/9160.html">[尉氏县]尉氏县纺织服装产业园项目</a></li></ul></div>""")
    assert [(r["list"], r["title"], r["region"]["code"]) for r in got] == [
        ("开封招商项目", "杞县大蒜精深加工及出口贸易基地项目", "410221"), ("开封招商项目", "尉氏县纺织服装产业园项目", "410223")]


def test_a_short_dated_and_credited_news_item_beside_its_boxes_is_an_article():
    boxes = "".join(f"""<div class="box"><h3>{name}</h3><ul>""" + "".join(
        f"""<li><a href="/{path}/{i}.html">惠阳区第{i}号{name[-2:]}示例条目名称</a><span>2025-11-0{i}</span></li>"""
        for i in range(1, 4)) + "</ul></div>" for name, path in (("惠阳招商项目", "xiangmu"), ("惠州优惠政策", "zhengce")))
    html = ("<html><head><title>惠阳区新能源储能产业项目集中开工</title></head><body><div class='main'>"
            "<h1>惠阳区新能源储能产业项目集中开工</h1><div class='info'>发布日期：2025-11-19　来源：惠阳区投资促进局　编辑：何志勇</div>"
            "<div class='content'><p>（测试样例文字）11月18日，惠阳区新能源储能产业项目集中开工，总投资56亿元。</p>"
            "<p>（测试样例文字）项目涵盖储能电池和系统集成等领域，投产后年产值可达80亿元。</p></div></div>"
            f"<div class='side'>{boxes}</div></body></html>")
    page = parse_page(html.encode(), "https://huizhou.example.cn/news/show-88123.html")
    assert page.kind == "article" and page.records[0]["author"] == "何志勇"


def test_heading_tabs_beside_a_more_link_and_a_bold_count_beside_a_bold_name():
    got = records("""<div class="tabbox"><div class="hd"><h2 class="cur">贵州优惠政策</h2><h2>政策解读</h2>
      <a class="more" href="/zhengce/">更多</a></div><div class="bd">
      <ul class="pane cur"><li><a href="/zhengce/9217.html">贵州省人民政府关于印发《若干措施》的通知</a><span>2025-10-29</span></li>
      <li><a href="/zhengce/9209.html">贵州省商务厅关于做好外贸企业稳订单工作的通知</a><span>2025-10-23</span></li></ul>
      <ul class="pane"><li><a href="/zhengce/jiedu/9213.html">《若干措施》政策解读</a><span>2025-10-30</span></li>
      <li><a href="/zhengce/jiedu/9198.html">贵州省大数据局关于实施意见的解读</a><span>2025-10-12</span></li></ul></div></div>
      <div class="box"><div class="tit"><span>共收录园区 <b>3,862</b> 个</span><strong>全国产业园区</strong></div><table>
      <tr><td><a href="/yuanqu/301.html">吴中经济技术开发区</a></td><td>江苏 苏州 吴中</td></tr>
      <tr><td><a href="/yuanqu/302.html">南通高新区智能制造产业园</a></td><td>南通高新区</td></tr></table></div>""")
    assert [r["list"] for r in got] == ["贵州优惠政策", "贵州优惠政策", "政策解读", "政策解读", "全国产业园区", "全国产业园区"]


def test_a_meta_line_and_a_tag_line_are_no_list_and_a_header_row_with_more_is_no_entry():
    got = records("""<div class="art"><h1>叙州区动力电池配套产业链招商成效显著 今年新引进项目23个</h1>
      <div class="tip"><span>2025-11-20 10:05:32</span><span>区域：<a href="/html/quyu/xuzhou/">四川·宜宾·叙州区</a></span></div>
      <div class="keywords">标签：<a href="/index.php?m=content&amp;c=tag&amp;tag=a">动力电池</a>
      <a href="/index.php?m=content&amp;c=tag&amp;tag=b">产业链招商</a></div></div>
      <table class="rbox"><tr><td colspan="2"><span class="more"><a href="/yuanqu/">更多</a></span>延边产业园区</td></tr>
      <tr><td>·</td><td><a href="/yuanqu/12.html">珲春国际合作示范区</a></td></tr>
      <tr><td>·</td><td><a href="/yuanqu/9.html">延吉高新技术产业开发区</a></td></tr>
      <tr><td>·</td><td><a href="/yuanqu/15.html">敦化经济开发区</a></td></tr></table>
      <div class="side"><div class="box"><h3>园区动态</h3><ul><li><a href="/news/5521.html">泸州高新区新引进医药健康项目4个</a></li>
      <li><a href="/news/5508.html">合江临港工业园区标准厂房二期竣工</a></li></ul></div>
      <div class="box"><a href="/ruzhu.html">园区入驻申请</a><a href="/about/contact.html">联系我们</a></div></div>""")
    assert [(r["type"], r["list"], r["title"]) for r in got] == [
        ("park", "延边产业园区", "珲春国际合作示范区"), ("park", "延边产业园区", "延吉高新技术产业开发区"),
        ("park", "延边产业园区", "敦化经济开发区")]


_BASES = st.sampled_from([
    "https://invest.example.cn/zc/index.html", "http://a.example.cn/x/y/z.html?p=2#top", "https://b.cn:8443/",
    "http://user@c.cn/list/", "https://d.cn", "file:///tmp/page.html", "http://[::1]:8080/a/b",
])
_HREFS = st.one_of(
    st.sampled_from(["/", "/a/../b.html", "/a/./b?x=1#f", "//other.cn/p", "http://e.cn/./x", "https://f.cn:99999/",
                     "http://[bad", "/info/1.html?", "https://x.cn/a?", "  /padded.html  ", "detail/2.html", "../up",
                     "?page=3", "", "#frag", "HTTP://G.CN/Case"]),
    st.text(alphabet="/.?#:ab1%[]@ \t\n", max_size=16),
    st.text(alphabet="/.?#:ab1\t\r", max_size=12).map(lambda s: "http://" + s),
    st.text(alphabet="/.?#:ab1", max_size=12).map(lambda s: "/" + s),
    st.text(alphabet="/.?#:ab1", max_size=12).map(lambda s: "https://h.cn" + s),
)


@given(_BASES, _HREFS)
@settings(max_examples=400, deadline=None)
def test_join_url_resolves_as_urljoin_does(base, href):
    """The origin-keyed cache must give what urljoin gives from the page itself."""
    try:
        expected = urljoin(base, href.strip())
        urlsplit(expected).port
    except ValueError:
        expected = None
    assert join_url(base, href) == expected


def test_an_issuer_span_after_its_label_a_dash_for_none_a_level_badge_and_a_date_after_the_number():
    got = records("""<div><h2>长治优惠政策</h2><ul>
      <li><a href="/zc/4517.html"><em class="lv">区县</em>潞州区关于加快发展现代服务业的实施意见</a>
        <div>发文机关：<span>长治市潞州区人民政府</span>　文号：<span>潞政发[2025]7号</span></div>
        <p>文号：潞政发[2025]7号　2025-10-06</p></li>
      <li><a href="/zc/4503.html"><em class="lv">市级</em>屯留区关于支持设施农业发展的通知</a>
        <div>发文机关：<span>—</span>　文号：<span>—</span></div><p>2025-09-19</p></li></ul></div>""")
    assert [(r["title"], r["issuer"], r["document_number"], r["published"]) for r in got] == [
        ("潞州区关于加快发展现代服务业的实施意见", "长治市潞州区人民政府", "潞政发[2025]7号", "2025-10-06"),
        ("屯留区关于支持设施农业发展的通知", "屯留区", None, "2025-09-19"),
    ]


def test_a_result_count_is_no_heading_and_a_place_after_a_card_link_is_its_region():
    cards = "".join(f"""<article class="park"><a href="/yuanqu/33{i}.html"><img src="/y/{i}.jpg" alt="x"></a>
      <h2><a href="/yuanqu/33{i}.html">{name}</a></h2><ul><li><label>区域</label>重庆 / {district}</li></ul></article>"""
                    for i, (name, district) in enumerate([("永川高新区凤凰湖产业园", "永川区"), ("江津区德感工业园", "江津区"),
                                                          ("垫江县桂溪工业园", "垫江县")]))
    got = records(f"""<main><h1>重庆产业园区</h1><p class="found">共找到 <b>63</b> 个园区</p>
      <div class="park-list">{cards}</div></main>
      <div><h3>安顺产业园区</h3><div class="r-yq">
      <a class="yq-card" href="/yuanqu/301.html"><img src="/y/301.jpg" alt="安顺高新区"><strong>安顺高新技术产业开发区</strong></a><p>贵州·安顺</p>
      <a class="yq-card" href="/yuanqu/296.html"><img src="/y/296.jpg" alt="平坝"><strong>平坝夏云工业园区</strong></a><p>贵州·安顺·平坝区</p>
      <a class="yq-card" href="/yuanqu/290.html"><img src="/y/290.jpg" alt="普定"><strong>普定县产业园区</strong></a><p>贵州·安顺·普定县</p>
      </div></div>""")
    assert [(r["list"], r["region"] and r["region"]["code"]) for r in got] == [
        ("重庆产业园区", "500118"), ("重庆产业园区", "500116"), ("重庆产业园区", "500231"),
        ("安顺产业园区", "520400"), ("安顺产业园区", "520403"), ("安顺产业园区", "520422"),
    ]


def test_a_card_named_after_its_zone_keeps_its_name_without_its_level():
    got = records("""<div><h2>重点园区</h2><div class="yq">""" + "".join(
        f'<a href="/yq/{i}.html"><img src="/i/{i}.jpg" alt="{name}"><p class="n">{name}</p><p class="lv">{level}</p></a>'
        for i, (name, level) in enumerate([("阿克苏经济技术开发区", "国家级"), ("阿克苏纺织工业城", "省级"),
                                           ("拜城产业园区", "省级")])) + "</div></div>")
    assert [r["title"] for r in got] == ["阿克苏经济技术开发区", "阿克苏纺织工业城", "拜城产业园区"]


def test_entries_drawn_as_one_table_each_with_a_place_path_drawn_with_a_bar():
    tables = "".join(f"""<table class="xm-tb"><tr><td colspan="4"><a href="/xiangmu/show-{n}.html">{title}</a>
      <a class="btn" href="/xiangmu/show-{n}.html">查看详情</a></td></tr>
      <tr><td>所在地区：</td><td><i class="iconfont">&#xe61a;</i>{place}</td><td>发布时间：</td><td>{date}</td></tr></table>"""
                     for n, title, place, date in [(5931, "宜秀区新能源汽车零部件精密铸造项目", "安庆 | 宜秀区", "2025-11-20"),
                                                   (5928, "桐城市绿色包装新材料产业园扩建项目", "安庆 | 桐城市", "2025-11-19"),
                                                   (5922, "怀宁县蓝莓精深加工及冷链仓储项目", "安庆", "2025-11-17")])
    got = records(f'<div class="catname"><h2>安庆招商项目</h2></div><div class="xm-list">{tables}</div>')
    assert [(r["type"], r["published"], r["region"] and r["region"]["raw"], r["region"] and r["region"]["code"])
            for r in got] == [("project", "2025-11-20", "安庆 | 宜秀区", "340811"),
                              ("project", "2025-11-19", "安庆 | 桐城市", "340881"),
                              ("project", "2025-11-17", "安庆", "340800")]


def test_a_table_list_dated_by_its_publication_column_not_its_signing_one():
    got = records("""<h2>柳州优惠政策</h2><table><tr><th>序号</th><th>标题</th><th>成文日期</th><th>发布日期</th></tr>
      <tr><td>1</td><td><a href="/zc/1.shtml">柳州市人民政府关于印发《某办法》的通知</a></td><td>2025-11-10</td><td>2025-11-17</td></tr>
      <tr><td>2</td><td><a href="/zc/2.shtml">柳南区关于支持螺蛳粉产业集聚发展的意见</a></td><td>2025-11-03</td><td>2025-11-10</td></tr>
      </table>""")
    assert [r["published"] for r in got] == ["2025-11-17", "2025-11-10"]


def test_a_side_column_hidden_only_on_phones_and_an_english_subtitle_in_a_heading():
    got = parse_page(("<html><head><title>t</title><style>.side{float:right;width:300px}"
                      "@media screen and (max-width:768px){.w1200{width:100%}.side{display:none}}</style></head><body>"
                      "<div class='side'><div class='box'><h2>盘锦招商项目<em>PROJECTS</em></h2><ul>"
                      "<li><span>11-14</span><a href='/xiangmu/202511/48190.html'>大洼区年产5万吨聚醚多元醇项目</a></li>"
                      "<li><span>11-10</span><a href='/xiangmu/202511/48177.html'>盘山县稻蟹综合种养精深加工园项目</a></li>"
                      "</ul></div></div></body></html>").encode(), URL).records
    assert [(r["title"], r["list"]) for r in got] == [("大洼区年产5万吨聚醚多元醇项目", "盘锦招商项目"),
                                                     ("盘山县稻蟹综合种养精深加工园项目", "盘锦招商项目")]


@pytest.mark.parametrize("shown_on_desktop", ["d-none d-md-block", "hidden lg:flex"])
def test_a_side_column_hidden_on_phones_by_a_responsive_class_is_shown(shown_on_desktop):
    got = records(f"""<div class="{shown_on_desktop}"><h3>盘锦招商项目</h3><ul>
      <li><span>2025-11-14</span><a href="/xiangmu/202511/48190.html">大洼区年产5万吨聚醚多元醇项目</a></li>
      <li><span>2025-11-10</span><a href="/xiangmu/202511/48177.html">盘山县稻蟹综合种养精深加工园项目</a></li></ul></div>
      <div class="d-none"><h3>热门项目</h3><ul>
      <li><span>2025-11-14</span><a href="/xiangmu/202511/48191.html">隐藏的项目一号不应出现</a></li>
      <li><span>2025-11-10</span><a href="/xiangmu/202511/48178.html">隐藏的项目二号不应出现</a></li></ul></div>""")
    assert [r["title"] for r in got] == ["大洼区年产5万吨聚醚多元醇项目", "盘山县稻蟹综合种养精深加工园项目"]


def test_a_side_column_a_mobile_first_stylesheet_shows_on_a_desktop_is_read():
    got = parse_page(("<html><head><title>t</title><style>.side{display:none}"
                      "@media (min-width:992px){.side{display:block;float:right}}</style></head><body>"
                      "<div class='side'><div class='box'><h2>盘锦招商项目</h2><ul>"
                      "<li><span>11-14</span><a href='/xiangmu/202511/48190.html'>大洼区年产5万吨聚醚多元醇项目</a></li>"
                      "<li><span>11-10</span><a href='/xiangmu/202511/48177.html'>盘山县稻蟹综合种养精深加工园项目</a></li>"
                      "</ul></div></div></body></html>").encode(), URL).records
    assert [r["title"] for r in got] == ["大洼区年产5万吨聚醚多元醇项目", "盘山县稻蟹综合种养精深加工园项目"]


def test_cards_named_by_their_heading_or_bold_name_with_a_place_and_a_level_beside_it():
    got = records("""<div><h2>株洲产业园区</h2><ul>
      <li><a href="/yuanqu/5608.html"><img src="/y/5608.jpg" alt="x"><div class="info"><h3>天元区中小企业创业园</h3>
        <p class="loc">株洲·天元区 | 市级</p><p class="hy">主导产业：电子信息</p></div></a></li>
      <li><a href="/yuanqu/5577.html"><img src="/y/5577.jpg" alt="x"><div class="info"><h3>荷塘区金山科技工业园</h3>
        <p class="loc">湖南·株洲 | 市级</p><p class="hy">主导产业：硬质合金</p></div></a></li>
      <li><a href="/yuanqu/5570.html"><img src="/y/5570.jpg" alt="x"><div class="info"><h3>芦淞服饰产业园</h3>
        <p class="loc">— | 市级</p><p class="hy">主导产业：服饰</p></div></a></li></ul></div>
      <div><h3>新乡产业园区</h3><div class="yqs">
      <a class="yq" href="/yuanqu/62.html"><b>长垣经济技术开发区</b><i>新乡 / 长垣市</i></a>
      <a class="yq" href="/yuanqu/49.html"><b>封丘县产业集聚区</b><i>新乡 / 封丘县</i></a>
      <a class="yq" href="/ad/go.asp?id=12"><b>标准厂房出租 独门独院 点击了解</b><i>新乡 / 长垣市</i></a></div></div>""")
    assert [(r["title"], r["region"] and r["region"]["raw"]) for r in got] == [
        ("天元区中小企业创业园", "株洲·天元区"), ("荷塘区金山科技工业园", "湖南·株洲"), ("芦淞服饰产业园", None),
        ("长垣经济技术开发区", "新乡 / 长垣市"), ("封丘县产业集聚区", "新乡 / 封丘县")]


def test_a_badge_inside_the_heading_a_link_wraps_and_a_filters_bold_label_is_no_heading():
    got = records("""<table><tr><td><b>政策法规</b> <span>POLICIES</span></td></tr>
      <tr><td><b>分类：</b><a href="/zcfg/sj/">省级政策</a> | <a href="/zcfg/shi/">市级政策</a></td></tr>
      <tr><td><ul>
      <li><a href="/zhengce/detail/6621.html"><h3><i class="top">置顶</i>遵义市人民政府办公室关于印发《某办法》的通知</h3></a>
        <p><span>遵府办发〔2025〕12号</span><span>2025-11-24</span></p></li>
      <li><a href="/zhengce/detail/6618.html"><h3>汇川区关于支持数字经济发展的若干措施</h3></a>
        <p><span>汇府发〔2025〕3号</span><span>2025-11-20</span></p></li></ul></td></tr></table>""")
    assert [(r["title"], r["issuer"], r["list"]) for r in got] == [
        ("遵义市人民政府办公室关于印发《某办法》的通知", "遵义市人民政府办公室", "政策法规"),
        ("汇川区关于支持数字经济发展的若干措施", "汇川区", "政策法规")]


def test_a_component_tables_heading_five_wrappers_up():
    got = records("""<div class="el-card"><div class="el-card__header"><span>宜昌优惠政策</span><span>共 113 条</span></div>
      <div class="el-card__body"><div class="filter"><span>区域：</span><a href="/zc/">全部</a><a href="/zc/yl/">夷陵区</a></div>
      <div class="el-table"><div class="hd"><table><thead><tr><th>政策名称</th><th>发布日期</th></tr></thead></table></div>
      <div class="bd"><table><tbody>
      <tr><td><a href="/zhengce/2025/1120/8841.html">宜昌市人民政府关于印发《某政策》的通知</a></td><td>2025-11-20</td></tr>
      <tr><td><a href="/zhengce/2025/1115/8830.html">夷陵区关于支持文旅项目招商引资的意见</a></td><td>2025-11-15</td></tr>
      </tbody></table></div></div></div></div>""")
    assert [r["list"] for r in got] == ["宜昌优惠政策", "宜昌优惠政策"]


def test_park_figures_are_entries_and_a_gallery_names_no_list():
    got = records("""<div class="tabs"><div class="pane"><div class="gal">
      <figure><img src="/g1.jpg" alt="园区鸟瞰"><figcaption>园区鸟瞰</figcaption></figure>
      <figure><img src="/g2.jpg" alt="标准厂房"><figcaption>标准厂房</figcaption></figure></div></div>
      <div class="pane"><div class="comps"><a class="chip" href="/company/5500.html">鹤山科沃电器有限公司</a>
      <a class="chip" href="/company/5501.html">江门恒润卫浴科技有限公司</a><a class="chip" href="/company/5502.html">鹤山锐能新能源有限公司</a>
      </div></div></div>
      <div><h3>嘉兴产业园区</h3>
      <figure class="pk"><a href="/yuanqu/612.html"><img src="/y/612.jpg" alt="海宁经济开发区"></a><figcaption>
        <a href="/yuanqu/612.html">海宁经济开发区</a><span class="loc">浙江-海宁市</span></figcaption></figure>
      <figure class="pk"><a href="/yuanqu/618.html"><img src="/y/618.jpg" alt="海宁泛半导体产业园"></a><figcaption>
        <a href="/yuanqu/618.html">海宁泛半导体产业园</a><span class="loc">浙江-海宁市</span></figcaption></figure></div>""")
    assert [(r["type"], r["title"], r["region"] and r["region"]["code"]) for r in got] == [
        ("park", "海宁经济开发区", "330481"), ("park", "海宁泛半导体产业园", "330481")]


def test_a_date_drawn_as_a_day_over_its_year_and_month():
    got = records("""<div><h2>桃城区政策文件</h2><ul>
      <li><div class="d"><b>28</b><span>2025-08</span></div><a href="/zc/2025/0828/71.html">桃城区关于印发招商引资激励办法的通知</a></li>
      <li><div class="d"><b>16</b><span>2025-10</span></div><a href="/zc/2025/1016/83.html">桃城区关于支持功能食品产业发展的若干措施</a></li>
      </ul></div>""")
    assert [r["published"] for r in got] == ["2025-08-28", "2025-10-16"]


def test_entries_grouped_under_days_and_under_months_with_day_boxes():
    got = records("""<div class="list-hd"><h1>上饶招商项目</h1><span>共156个项目</span></div><div class="timeline">
      <h4 class="day">2025年09月28日</h4><ul>
      <li><a href="/xiangmu/9012.html">广丰区高端铜基新材料产业化项目</a><span>[广丰区]</span></li>
      <li><a href="/xiangmu/9010.html">上饶高新区光伏组件配套产业园项目</a><span>[上饶高新区]</span></li></ul>
      <h4 class="day">2025年09月26日</h4><ul>
      <li><a href="/xiangmu/9004.html">婺源篁岭乡村文旅配套服务区项目</a><span>[婺源县]</span></li>
      <li><a href="/xiangmu/9001.html">余干县稻米精深加工项目</a><span>[余干县]</span></li></ul></div>""")
    assert [(r["list"], r["published"]) for r in got] == [("上饶招商项目", "2025-09-28")] * 2 + [("上饶招商项目", "2025-09-26")] * 2
    groups = "".join(f"""<div class="tl-group"><div class="tl-month"><b>2025</b>年<b>{m}</b>月<span>（2条）</span></div><ul>
      <li><div class="tl-day"><strong>{d1}</strong><em>日</em></div><a href="/zhengce/{m}{d1}.html">泰安市人民政府关于支持新材料产业发展的若干措施{m}</a>
        <p><span>适用地区：泰安市</span></p></li>
      <li><div class="tl-day"><strong>{d2}</strong><em>日</em></div><a href="/zhengce/{m}{d2}.html">泰山区关于促进楼宇经济发展的扶持办法{m}</a>
        <p><span>适用地区：泰安市</span></p></li></ul></div>""" for m, d1, d2 in [(11, 17, 12), (10, 28, 20), (9, 26, 18)])
    got = records(f"<h2>泰安优惠政策<span class='upd'>最后更新：2025-11-18</span></h2><div class='tabs'><a href='/zc/'>全部</a>"
                  f"<a href='/zc/sj/'>市级</a></div>{groups}")
    assert {r["list"] for r in got} == {"泰安优惠政策"}
    assert [r["published"] for r in got] == ["2025-11-17", "2025-11-12", "2025-10-28", "2025-10-20", "2025-09-26", "2025-09-18"]


def test_an_old_layouts_one_row_header_table_and_a_parks_place_line():
    got = records("""<table class="tt"><tr><td class="title">武冈招商项目</td><td><a href="/xiangmu/"><img src="/more.gif" alt="更多"></a></td></tr></table>
      <table class="xm">
      <tr><td><a href="/xiangmu/2025/11/1187.html">武冈市卤菜产业园二期标准厂房项目</a></td><td>（武冈市）</td><td>[2025-11-02]</td></tr>
      <tr><td><a href="/xiangmu/2025/10/1179.html">双清区食品冷链物流中心项目</a></td><td>（双清区）</td><td>[2025-10-27]</td></tr></table>""")
    assert [(r["list"], r["region"] and r["region"]["code"]) for r in got] == [("武冈招商项目", "430581"), ("武冈招商项目", "430502")]
    got = records("<h1>南阳产业园区</h1><div class='park-list'>" + "".join(f"""<div class="park-card"><a class="pic" href="/yuanqu/{n}.html">
      <img src="/y/{n}.jpg" alt="x"></a><div class="info"><h3><a href="/yuanqu/{n}.html">{name}</a></h3><p>位置：{place}</p>
      <p>主导产业：现代物流</p><p>占地面积：约3200亩</p><div class="ops"><a href="/yuanqu/{n}.html">查看详情</a>
      <a href="/zixun.html?yq={n}">入驻咨询</a></div></div></div>""" for n, name, place in [
        (208, "南阳宛城现代物流产业园", "南阳市宛城区"), (215, "邓州市装备制造产业园", "邓州市"), (221, "南阳光电产业园", "南阳高新区")]) + "</div>")
    assert [(r["type"], r["region"] and r["region"]["code"]) for r in got] == [
        ("park", "411302"), ("park", "411381"), ("park", "411300")]


def test_a_channel_of_every_type_a_dated_row_over_its_facts_and_cards_of_labelled_cells():
    rows = "".join(f'<li><span class="lx">{badge}</span><a href="/{path}/{n}.html">{title}</a><span>{date}</span></li>' for badge, path, n, title, date in [
        ("政策", "zhengce", 4410, "景德镇市人民政府关于印发《陶瓷产业若干政策》的通知", "2025年11月12日"),
        ("项目", "xiangmu", 3301, "景德镇高新区航空零部件配套项目", "2025年11月11日"),
        ("资讯", "news", 20331, "景德镇秋季陶博会期间签约项目37个", "2025年11月10日"),
        ("园区", "yuanqu", 1283, "景德镇高新区航空产业园", "2025年11月09日"),
        ("政策", "zhengce", 4402, "珠山区关于支持陶瓷文创企业发展的若干措施", "2025年11月08日"),
        ("园区", "yuanqu", 1280, "浮梁县陶瓷文化产业园", "2025年11月07日"),
        ("项目", "xiangmu", 3296, "乐平市精细化工中试基地项目", "2025年11月06日")])
    got = records(f"<h2>景德镇招商信息</h2><ul>{rows}</ul>")
    assert [r["type"] for r in got] == ["policy", "project", "park", "policy", "park", "project"]
    got = records("""<h2>南充招商项目</h2><table class="xmtb">
      <tr><td>·</td><td><a href="/xiangmu/58831.html">顺庆区汽车零部件智能制造项目</a></td><td>2025-11-19</td></tr>
      <tr><td></td><td colspan="2"><span>所在地区：南充-顺庆区</span> <span>投资总额：3.5亿元</span></td></tr>
      <tr><td>·</td><td><a href="/xiangmu/58826.html">嘉陵区丝纺服装产业链延链项目</a></td><td>2025-11-17</td></tr>
      <tr><td></td><td colspan="2"><span>所在地区：南充-嘉陵区</span> <span>投资总额：1.6亿元</span></td></tr></table>""")
    assert [(r["published"], r["region"] and r["region"]["code"]) for r in got] == [("2025-11-19", "511302"), ("2025-11-17", "511304")]
    cards = "".join(f"""<div class="zc-card"><h3><a href="/zhengce/{n}.html">{title}</a><i>有效</i></h3><table class="zc-meta">
      <tr><th>发文机关</th><td>{issuer}</td><th>发文字号</th><td>{number}</td></tr>
      <tr><th>成文日期</th><td>2025-10-28</td><th>发布日期</th><td>{date}</td></tr></table>
      <div class="ops"><a href="/zhengce/{n}.html">阅读全文</a><a href="/pipei/?zc={n}">政策匹配</a></div></div>"""
                    for n, title, issuer, number, date in [
                        (3305, "宝鸡市人民政府关于印发《某措施》的通知", "宝鸡市人民政府", "宝政发〔2025〕21号", "2025-11-03"),
                        (3291, "关于支持高新区企业上市挂牌的若干政策", "宝鸡高新区管委会", "—", "2025-10-16")])
    got = records(f"<h1>宝鸡优惠政策</h1>{cards}")
    assert [(r["title"], r["issuer"], r["document_number"], r["published"], r["list"]) for r in got] == [
        ("宝鸡市人民政府关于印发《某措施》的通知", "宝鸡市人民政府", "宝政发〔2025〕21号", "2025-11-03", "宝鸡优惠政策"),
        ("关于支持高新区企业上市挂牌的若干政策", "宝鸡高新区管委会", None, "2025-10-16", "宝鸡优惠政策")]


def test_a_bracket_after_the_name_is_part_of_it_when_the_entry_shows_its_place_beside_it():
    got = records("""<h2>梧州招商项目</h2><ul>
      <li><a href="/xiangmu/1.html">广西东融产业园区合作招商项目（梧州片区）</a><span>广西</span><span>2025-11-20</span></li>
      <li><a href="/xiangmu/2.html">姜堰经济开发区医疗器械产业园（泰州-姜堰区）</a><span>2025-11-18</span></li></ul>""")
    assert [(r["title"], r["region"] and r["region"]["raw"]) for r in got] == [
        ("广西东融产业园区合作招商项目（梧州片区）", "广西"), ("姜堰经济开发区医疗器械产业园", "泰州-姜堰区")]


def test_an_advertisement_among_the_entries_is_no_entry():
    got = records("""<div><h2>桃城区招商项目</h2><ul>
      <li><h3><a href="/xiangmu/detail/58199.html">冀州区采暖铸造设备升级改造项目</a></h3><span>地区：衡水-冀州区</span></li>
      <li class="ad"><h3><a href="/about/ruzhu.html">项目方免费发布招商信息，立即入驻</a></h3></li>
      <li><h3><a href="/xiangmu/detail/58190.html">桃城区冷链物流分拨中心建设项目</a></h3><span>地区：衡水-桃城区</span></li>
      <li><h3><a href="/xiangmu/detail/58188.html">招商推介会报名，立即报名</a></h3><span>2025-09-01</span></li>
      </ul></div>""")
    assert [r["title"] for r in got] == ["冀州区采暖铸造设备升级改造项目", "桃城区冷链物流分拨中心建设项目"]


def test_facts_spaced_on_one_line_under_a_title_and_a_count_beside_the_heading():
    got = records("""<div class="titbar"><span class="t">保定招商政策</span><span class="tip">收录政策文件 93 篇</span></div>
      <div class="zc-list">
      <dl><dt><a href="/zhengce/detail/3318.html">保定市人民政府关于印发《保定市促进民营经济高质量发展若干措施》的通知</a></dt>
      <dd>文号：保政发〔2025〕12号　适用地区：保定市　发布日期：2025-11-14</dd></dl>
      <dl><dt><a href="/zhengce/detail/3305.html">保定市人民政府办公室关于进一步降低企业用地成本的通知</a></dt>
      <dd>文号：保政办函[2025]33号　适用地区：保定-竞秀区 ｜ 发布日期：2025-11-07</dd></dl></div>""")
    assert [(r["list"], r["document_number"], r["region"]["raw"], r["published"]) for r in got] == [
        ("保定招商政策", "保政发〔2025〕12号", "保定市", "2025-11-14"),
        ("保定招商政策", "保政办函[2025]33号", "保定-竞秀区", "2025-11-07")]


def test_a_count_cell_beside_the_heading_cell_of_a_layout_table():
    got = records("""<div class="city"><b>当前城市：<font color="#c00">邢台</font></b> [<a href="javascript:void(0)">切换城市</a>]</div>
      <div class="box"><table><tr><td class="tit">邢台优惠政策</td><td class="tit" align="right">共 96 条</td></tr></table>
      <ul><li><span>2025-09-28</span><a href="show.php?itemid=3391">邢台市人民政府关于印发《邢台市招商引资重点项目奖励办法》的通知</a></li>
      <li><span>2025-09-22</span><a href="show.php?itemid=3385">襄都区人民政府关于印发《襄都区促进商贸物流业发展若干措施》的通知</a></li>
      </ul></div>""")
    assert [(r["type"], r["list"], r["published"]) for r in got] == [
        ("policy", "邢台优惠政策", "2025-09-28"), ("policy", "邢台优惠政策", "2025-09-22")]


def test_a_month_and_day_badge_inside_the_link_is_the_entrys_date():
    page = parse_page("""<html><head><title>t</title></head><body><div class="meta">更新时间：2025-11-20</div>
      <div><h3>重点招商项目</h3><div class="list-group">
      <a class="list-group-item" href="/xiangmu/6620.html"><span class="badge">11-05</span>义乌市跨境电商海外仓服务中心项目</a>
      <a class="list-group-item" href="/xiangmu/6611.html"><span class="badge">10-27</span>义乌市小商品智能制造产业园招商项目</a>
      <a class="list-group-item" href="/xiangmu/6602.html"><span>12-18岁</span>青少年科创营地运营项目</a>
      </div></div></body></html>""".encode(), URL)
    got = [(r["title"], r["published"]) for r in page.records if r["type"] == "project"]
    assert got[:2] == [("义乌市跨境电商海外仓服务中心项目", "2025-11-05"), ("义乌市小商品智能制造产业园招商项目", "2025-10-27")]
    assert got[2][0].startswith("12-18岁")


def test_a_page_of_lists_whose_only_sentences_are_the_footers_is_a_listing():
    items = "".join(f"<li><h4><a href='/xiangmu/{5000 + i}.html'>昆明招商项目标题第{i}号</a></h4>"
                    f"<p><span>所在地区：云南-官渡区</span><span>发布时间：2025-10-{10 + i}</span></p></li>" for i in range(8))
    html = ("<html><head><title>昆明招商项目_第2页</title></head><body><div class='main'><h2>昆明招商项目</h2>"
            f"<ul class='xm'>{items}</ul><div class='pager'><a href='list_1.html'>上一页</a><a href='list_3.html'>下一页</a></div></div>"
            "<div class='yn-foot'><div class='w1200'><p><a href='/about/'>关于我们</a>|<a href='/about/contact.html'>联系我们</a></p>"
            "<p>本站所载招商项目、政策、园区信息均来自各地政府部门及合作单位公开发布，仅供参考；投资有风险，决策需谨慎。"
            "如发现信息有误，请及时与本站联系，我们将在核实后第一时间予以更正或删除。</p>"
            "<p>Copyright © 2012-2025 彩云招商网 All Rights Reserved　客服热线：400-000-0000（工作日 9:00-18:00）</p>"
            "<p>滇ICP备00000000号-1　滇公网安备 00000000000000号</p></div></div></body></html>")
    page = parse_page(html.encode(), "https://kunming.example.com/xiangmu/list_2.html")
    assert page.kind == "listing" and [r["type"] for r in page.records] == ["project"] * 8


def test_category_links_and_the_pages_tools_are_no_entries_but_a_card_with_a_blank_region_is():
    from scraper.extract.lists import is_detail_url
    assert not is_detail_url("https://xinxiang.example.com/zhengce/list-htm-catid-7.html")  # Destoon's list page
    assert is_detail_url("https://xinxiang.example.com/zhengce/show-htm-itemid-517.html")
    tools = records("""<div><h1>偃师区新材料产业园新增入驻项目11个</h1><div class="tools">
      <a href="/zx/print-12840.html">打印本页</a><a href="javascript:;">收藏本页</a><a href="/jiucuo/?id=12840">我要纠错</a>
      <a href="/zx/share-12840.html">分享本页</a></div></div>""")
    assert tools == []
    cards = "".join(f"""<article class="card"><h4><a href="/yuanqu/{slug}/">{name}</a></h4><p>所在地区：{area}</p>
      <p>主导产业：{industry}</p></article>""" for slug, name, area, industry in [
        ("yueyang-jingkaiqu", "岳阳经济技术开发区", "湖南-岳阳经开区", "电子信息"),
        ("huarong-fangzhi", "华容县纺织服装产业园", "湖南-华容县", "纺织服装"),
        ("pingjiang-shipin", "平江县食品工业园", "暂无", "休闲食品")])
    got = records(f"<div><h2>岳阳产业园区</h2><div class='cards'>{cards}</div></div>")
    assert [(r["title"], r["region"]["raw"] if r["region"] else None) for r in got] == [
        ("岳阳经济技术开发区", "湖南-岳阳经开区"), ("华容县纺织服装产业园", "湖南-华容县"), ("平江县食品工业园", None)]


def test_a_lists_heading_above_its_filter_bars_and_a_subscribe_box_of_buttons():
    items = "".join(f"<li><h3><a href='/zhengce/detail/{7700 + i}.html'>漳州市某某局关于印发第{i}号实施办法的通知</a></h3>"
                    f"<div><span>文号：漳商〔2025〕{i}号</span><span>发布日期：2025-08-2{i}</span></div></li>" for i in range(1, 5))
    filters = "".join(f"<div class='list-filter'>{label}：<a href='/zhengce/'>全部</a><a href='/zhengce/a/'>{a}</a>"
                      f"<a href='/zhengce/b/'>{b}</a><a href='/zhengce/c/'>{c}</a></div>"
                      for label, a, b, c in [("发文区域", "市级", "芗城区", "龙文区"), ("政策类别", "招商引资", "财税扶持", "人才政策")])
    got = records(f"""<div class="list-box"><div class="list-hd"><h1>漳州优惠政策</h1><span>共 <em>157</em> 条</span></div>
      {filters}<div class="intro">栏目说明：本栏目收录漳州市及所辖区县政府、部门公开发布的招商引资、产业扶持、财税奖补、人才引进等方面的政策文件，按发布日期排列。</div>
      <ul class="item-list">{items}</ul></div>
      <div class="box"><h3>政策订阅</h3><p>留下手机号，第一时间获取最新产业扶持政策。</p>
      <p><a href="/fuwu/dingyue.html">立即订阅</a> <a href="/fuwu/zixun.html">政策咨询</a></p></div>""")
    assert [(r["list"], r["document_number"]) for r in got] == [("漳州优惠政策", f"漳商〔2025〕{i}号") for i in range(1, 5)]


def test_a_mobile_copy_hidden_by_a_rule_naming_several_classes_gives_no_entries():
    items = "".join(f"<li><a href='/xiangmu/{52300 + i}.html'>淮北招商项目第{i}号</a><span>地区：安徽-相山区</span>"
                    f"<span>2025-10-1{i}</span></li>" for i in range(3))
    wap = "".join(f"<li><a href='https://m.example.com/xiangmu/{52300 + i}.html'>淮北招商项目第{i}号</a><span>10-1{i}</span></li>"
                  for i in range(3))
    html = ("<html><head><title>t</title><style>.m-menu,.seo-words,.m-list,.wap-list{display:none}\n"
            "@media (max-width:768px){.m-list,.wap-list{display:block}}</style></head><body>"
            f"<div><h2>淮北招商项目</h2><ul class='xm-list'>{items}</ul>"
            f"<div class='wap-list m-list'><div>淮北招商项目</div><ul>{wap}</ul></div></div></body></html>")
    got = parse_page(html.encode(), URL).records
    assert [r["url"] for r in got] == [f"https://invest.example.cn/xiangmu/{52300 + i}.html" for i in range(3)]


def test_the_footers_site_guide_links_are_no_entries():
    from scraper.extract.lists import is_detail_url
    assert not is_detail_url("https://shaoxing.example.com/help/2570.html")
    got = records("""<div class="links"><dl><dt><b>载体资源</b></dt><dd><a href="/help/2570.html">标准厂房</a></dd>
      <dd><a href="/help/5633.html">定制厂房</a></dd><dd><a href="/help/6640.html">众创空间</a></dd>
      <dd><a href="/help/6376.html">仓储物流</a></dd><dd><a href="/help/9375.html">商业综合体</a></dd></dl></div>""")
    assert got == []


def test_a_box_of_policy_events_gives_no_policies():
    got = records("""<section><h2>政策宣讲</h2><ul>
      <li><a href="/huodong/900.html"><div class="t">2025年秦巴生态产业招商推介会</div><div class="m"><span>举办地：西安</span></div></a></li>
      <li><a href="/huodong/901.html"><div class="t">长三角产业转移对接洽谈会</div><div class="m"><span>举办地：上海</span></div></a></li>
      <li><a href="/huodong/902.html"><div class="t">粤港澳大湾区投资合作交流会</div><div class="m"><span>举办地：深圳</span></div></a></li>
      </ul></section>""")
    assert got == []


def _list_page(title: str, items: str, side: str) -> bytes:
    return f"<html><head><title>{title}</title></head><body>{items}{side}</body></html>".encode()


_FAQ = ("<section class='side'><h2>投资问答</h2><dl>" + "".join(
    f"<dt>问：{q}</dt><dd>答：{a}</dd>" for q, a in [
        ("外地企业来投资需要办理哪些手续？", "一般需要完成项目备案、用地或厂房落实、环评能评、工商注册等环节，各地招商部门可提供全程代办服务。"),
        ("标准厂房租金一般是多少？", "不同园区、不同楼层和面积的厂房租金差异较大，具体以园区公布或现场洽谈为准，欢迎来电咨询。"),
        ("招商引资优惠政策如何申请？", "企业可向项目所在地投资促进部门咨询，按照政策文件规定的条件和程序提交申请材料。"),
        ("工业用地出让年限是多少？", "工业用地出让最高年限一般为50年，也可采取先租后让、弹性年期等方式供应，具体以当地规定为准。"),
        ("如何在本站发布招商项目？", "园区和招商部门注册会员后可在会员中心发布项目信息，审核通过后展示，发布不收取任何费用。")]) + "</dl></section>")


def test_a_page_titled_by_its_list_is_a_listing_beside_a_box_of_questions_and_answers():
    items = "".join(f"<li><a href='/xiangmu/{5500 + i}.html'>宿迁招商项目第{i}号</a><span>所在地：宿迁-宿城区</span></li>"
                    for i in range(8))
    page = parse_page(_list_page("宿迁招商项目", f"<h1>宿迁招商项目</h1><ul class='list'>{items}</ul>", _FAQ),
                      "https://m.example.cn/xiangmu/")
    assert page.kind == "listing" and [r["type"] for r in page.records] == ["project"] * 8


def test_a_lists_heading_as_the_pages_title_inside_the_lists_box_gives_the_page_no_facts():
    cards = "".join(f"<div class='el-card'><h3><a href='/project/detail/{5521 + i}.html'>襄阳项目第{i}号</a></h3>"
                    f"<div class='attrs'><span>所在地区：襄阳-樊城区</span><span>所属行业：装备制造</span>"
                    f"<span>投资总额：3.5亿元</span><span>发布时间：2025-10-1{i}</span></div></div>" for i in range(6))
    page = parse_page(_list_page("襄阳招商项目", f"<section><div class='hd'><h2>襄阳招商项目</h2><span>共 186 个项目</span></div>"
                                 f"{cards}</section>", ""), "https://xiangyang.example.cn/project/list-2.html")
    assert page.kind == "listing" and [r["type"] for r in page.records] == ["project"] * 6


def test_a_sliders_buttons_beside_its_entries_keep_the_heading_near():
    slides = "".join(f"<li><a href='/xm/show-{5590 - i}.html'><img src='/f{i}.jpg' alt='项目{i}'></a>"
                     f"<p><a href='/xm/show-{5590 - i}.html'>赣州重点推介项目第{i}号</a></p></li>" for i in range(3))
    got = records(f"""<table><tr><td class="tt"><span>重点推介项目</span><a href="/xm/tuijie/">更多&gt;&gt;</a></td></tr>
      <tr><td><div class="focus"><ul>{slides}</ul><div class="btns"><a href="javascript:;">&lt;</a><a href="javascript:;">&gt;</a></div>
      </div></td></tr></table>""")
    assert [(r["type"], r["list"]) for r in got] == [("project", "重点推介项目")] * 3


def test_a_wap_pages_entries_are_links_between_breaks_with_their_place_and_date_under_them():
    got = records("""<div class="bx"><div class="h">船山区招商项目</div>
      <a href="/xm/8812.html">船山区新型显示模组配套产业园项目</a><br /><span class="rg">遂宁·船山区 2025-10-09</span><br />
      <a href="/xm/8797.html">安居区锂电池隔膜材料生产线项目</a><br /><span class="rg">遂宁·安居区 2025-09-28</span><br />
      <a href="/xm/">更多项目&gt;&gt;</a></div>
      <div class="b"><div class="h">滁州政策法规</div>
      21. <a href="/zc/show.php?itemid=5120">天长市人民政府关于印发《天长市支持电线电缆产业转型升级若干政策》的通知</a><br/>
      <span class="g">地区:滁州-天长市 文号:天政〔2025〕12号 2025-08-12</span><br/>
      22. <a href="/zc/show.php?itemid=5116">全椒县人民政府办公室关于加快标准化厂房建设与招商的实施意见</a><br/>
      <span class="g">地区:滁州-全椒县 文号:全政办〔2025〕9号 2025-08-08</span><br/>
      <span class="g">--------</span><br/></div>""")
    assert [(r["type"], r["region"]["raw"], r["published"]) for r in got] == [
        ("project", "遂宁·船山区", "2025-10-09"), ("project", "遂宁·安居区", "2025-09-28"),
        ("policy", "滁州-天长市", "2025-08-12"), ("policy", "滁州-全椒县", "2025-08-08")]
    assert got[2]["document_number"] == "天政〔2025〕12号"


def test_a_frameworks_custom_elements_read_as_boxes_and_runs_of_text():
    cards = "".join(f"""<uni-view class="park-card"><a href="/pages/park/detail?id={581 - i}"><uni-view class="pc-name">
      <uni-text><span>{name}</span></uni-text></uni-view></a><uni-view class="pc-row"><uni-text class="lv"><span>省级</span></uni-text>
      <uni-text class="pc-area"><span>{area}</span></uni-text></uni-view></uni-view>"""
                    for i, (name, area) in enumerate([("袁州区医药食品产业园", "宜春·袁州区"), ("樟树市盐化工产业园", "宜春·樟树市"),
                                                      ("丰城市资源循环利用产业园", "宜春·丰城市")]))
    got = records(f"""<uni-view class="head"><uni-text class="ttl"><span>宜春产业园区</span></uni-text></uni-view>
      <uni-view class="park-list">{cards}</uni-view>""")
    assert [(r["type"], r["title"], r["region"]["raw"], r["list"]) for r in got] == [
        ("park", "袁州区医药食品产业园", "宜春·袁州区", "宜春产业园区"), ("park", "樟树市盐化工产业园", "宜春·樟树市", "宜春产业园区"),
        ("park", "丰城市资源循环利用产业园", "宜春·丰城市", "宜春产业园区")]


def test_entries_grouped_under_their_month_take_the_boxs_heading():
    def month(label: str, first: int) -> str:
        rows = "".join(f"<li><a href='/xiangmu/d/{first + i}.html'>泉州招商项目第{first + i}号</a><span>泉州-晋江市</span>"
                       f"<span>{label[:4]}-{label[5:-1].zfill(2)}-1{i}</span></li>" for i in range(2))
        return f"<div class='month'><div class='hd'><h3>{label}</h3><span>本月共 2 条</span></div><ul>{rows}</ul></div>"
    got = records("<div class='box'><div class='box-hd'><h1>泉州招商项目</h1><span>共 214 个项目</span></div>"
                  + month("2025年11月", 20931) + month("2025年10月", 20901) + "</div>")
    assert [(r["list"], r["published"]) for r in got] == [
        ("泉州招商项目", "2025-11-10"), ("泉州招商项目", "2025-11-11"), ("泉州招商项目", "2025-10-10"), ("泉州招商项目", "2025-10-11")]


def test_a_search_pages_keyword_in_bold_is_no_heading_and_the_page_is_a_listing():
    hits = "".join(f"""<div class="sr-item"><h3><span class="type">项目</span><a href="/xiangmu/d/{7731 + i}.html">涟水县<span class="hl">智能装备</span>项目第{i}号</a></h3>
      <p class="sum">……近年来，当地围绕<span class="hl">智能装备</span>产业持续完善配套，已集聚上下游企业数十家，现面向社会公开招引优质项目……</p>
      <div class="meta"><span>地区：淮安-涟水县</span><span>日期：2025-11-1{i}</span></div></div>""" for i in range(6))
    html = ("<html><head><title>智能装备_搜索结果_苏投招商网</title></head><body><form action='/search/'><input name='kw'></form>"
            "<div class='box'><div class='hd'><h2>搜索结果</h2></div>"
            "<p class='stat'>找到与“<b>智能装备</b>”相关的结果约 <b>47</b> 条，用时 0.042 秒</p>"
            f"<div class='sr-list'>{hits}</div></div></body></html>")
    page = parse_page(html.encode(), "https://huaian.example.com/search/?kw=%E6%99%BA%E8%83%BD%E8%A3%85%E5%A4%87")
    assert page.kind == "listing"
    assert [(r["type"], r["list"]) for r in page.records] == [("project", "搜索结果")] * 6


def test_an_entrys_tag_links_and_contact_link_and_a_sponsored_entry():
    rows = "".join(f"""<li><div class="hd"><a class="tit" href="/xm/{8823 - i}.html">{name}</a><span class="st">在谈</span></div>
      <div class="tags"><a href="/xm/tag/jixie/">机械制造</a><a href="/xm/tag/gangkou/">港口</a></div>
      <div class="ft"><span>所在地区：{area}</span><span>发布时间：2025-10-2{i}</span>
      <a class="btn" href="/xm/{8823 - i}.html#lx">获取联系方式</a></div></li>""" for i, (name, area) in enumerate(
        [("玉州区机械装备产业园标准厂房招商项目", "玉林·玉州区"), ("玉林港物流园多式联运枢纽项目", "玉林·兴业县")]))
    ad = ("<li class='ad'><a href='https://ad.example-adnet.cn/c?id=7710' rel='nofollow sponsored'><span class='st'>广告</span>"
          "玉林厂房土地一站式选址服务，专人陪看，免费出方案</a></li>")
    got = records(f"<div><h2>玉林招商项目</h2><ul class='xm-list'>{rows}{ad}</ul></div>")
    assert [(r["url"], r["region"]["raw"], r["published"]) for r in got] == [
        ("https://invest.example.cn/xm/8823.html", "玉林·玉州区", "2025-10-20"),
        ("https://invest.example.cn/xm/8822.html", "玉林·兴业县", "2025-10-21")]


def test_files_in_a_download_box_are_no_policies_by_their_address():
    got = records("""<div class="box"><h3>下载中心</h3><ul>
      <li><a href="/uploads/zc/2025/4418-fj1.doc">沙市区数字经济重点项目申报表</a><span>45KB</span><span>2025-11-03</span></li>
      <li><a href="/uploads/zc/2025/zc-huibian.pdf">沙市区招商引资政策汇编（2025年版）</a><span>2.8MB</span><span>2025-09-10</span></li>
      <li><a href="/uploads/zc/2025/yiwang.pdf">荆州市企业开办一网通办操作指南</a><span>1.1MB</span><span>2025-08-21</span></li>
      </ul></div>""")
    assert got == []


def test_whole_card_links_named_by_their_heading_or_their_first_block_past_a_badge():
    cards = "".join(f"""<a class="xm-card" href="/xiangmu/{8812 - i}.html" title="{name}"><div class="thumb"><img src="/{i}.jpg">
      <span class="tag">在谈</span></div><div class="body"><h3>{name}</h3><p>项目拟新建标准化厂房及研发中心，主要生产热管理核心部件。</p>
      <div class="attrs"><span>行业：汽车零部件</span><span>投资额：8.5亿元</span></div><div class="foot"><span class="loc">{area}</span>
      <time datetime="2025-10-1{i}">2025-10-1{i}</time><span>查看详情</span></div></div></a>"""
                    for i, (name, area) in enumerate([("年产20万套新能源汽车热管理系统项目", "湖州-吴兴区"), ("长兴新型储能电池PACK及系统集成项目", "湖州-长兴县")]))
    got = records(f"<div><h2>湖州招商项目库</h2><div class='xm-cards'>{cards}</div></div>")
    assert [(r["title"], r["region"]["raw"], r["published"]) for r in got] == [
        ("年产20万套新能源汽车热管理系统项目", "湖州-吴兴区", "2025-10-10"), ("长兴新型储能电池PACK及系统集成项目", "湖州-长兴县", "2025-10-11")]
    cards = "".join(f"""<a href="/zhengce/detail/{3051 - i}" class="r-card">{'<div class="r-badge">置顶</div>' if i == 0 else ''}
      <div class="r-body"><div class="r-title">{title}</div><div class="r-meta"><div>文号：{number}</div><div>{area}</div><div>2025-10-3{i}</div></div></div></a>"""
                    for i, (title, number, area) in enumerate([("黄冈市人民政府办公室关于印发《黄冈市招商引资项目服务保障办法》的通知", "黄政办发〔2025〕17号", "黄冈"),
                                                               ("黄州区人民政府关于支持中小微企业发展的若干措施", "黄州政发〔2025〕6号", "黄冈·黄州区")]))
    got = records(f"<div role='heading' aria-level='2'>黄冈优惠政策</div><div class='r-list'>{cards}</div>")
    assert [(r["title"], r["region"]["raw"], r["document_number"]) for r in got] == [
        ("黄冈市人民政府办公室关于印发《黄冈市招商引资项目服务保障办法》的通知", "黄冈", "黄政办发〔2025〕17号"),
        ("黄州区人民政府关于支持中小微企业发展的若干措施", "黄冈·黄州区", "黄州政发〔2025〕6号")]
    cards = "".join(f"""<li><a class="card" href="./202510/t2025101{i}_8811{i}.html"><div class="pic"><img src="/{i}.jpg"></div>
      <div class="txt"><span class="lv">省级</span><div class="name">{name}</div><p>所在地：{area}</p><p>主导产业：再生资源、有色金属</p></div></a></li>"""
                    for i, (name, area) in enumerate([("万秀区再生资源产业园", "梧州市万秀区"), ("长洲区宝石加工产业园", "梧州市长洲区")]))
    got = records(f"<div><h2>梧州产业园区</h2><ul>{cards}</ul></div>")
    assert [(r["type"], r["title"], r["region"]["raw"]) for r in got] == [
        ("park", "万秀区再生资源产业园", "梧州市万秀区"), ("park", "长洲区宝石加工产业园", "梧州市长洲区")]


def test_tab_buttons_name_their_panes():
    panes = "".join(f"""<div role="tabpanel" id="p-{key}" class="tab-pane"><ul>""" + "".join(
        f"<li><a href='/zc/{key}/{n}.html'>{title}</a><span>2025-09-1{n}</span></li>" for n, title in enumerate(titles)) + "</ul></div>"
        for key, titles in [("sheng", ["陕西省人民政府关于印发《陕西省促进民营经济高质量发展若干措施》的通知", "陕西省商务厅关于开展2025年度省级开发区综合考核评价的通知"]),
                            ("shi", ["西安市人民政府关于印发《西安市加快建设先进制造业强市若干政策》的通知", "西安市关于支持外资研发中心发展的若干措施"])])
    got = records(f"""<div class="crumb">当前位置：<a href="/">首页</a> &gt; 政策库</div><div class="box"><div class="tabbar" role="tablist">
      <button role="tab" aria-controls="p-sheng">省级政策</button><button role="tab" aria-controls="p-shi">市级政策</button>
      <span class="count">已收录政策 2,318 件</span></div><div class="panes">{panes}</div></div>""")
    assert [r["list"] for r in got] == ["省级政策", "省级政策", "市级政策", "市级政策"]


def test_a_directory_in_one_dl_and_entries_named_as_zones_in_an_untyped_box():
    rows = "".join(f"""<dt><a href="/yuanqu/{5021 + i}.html">{name}</a></dt><dd class="lv">国家级</dd>
      <dd class="row"><span class="k">所在区域</span><span class="v">{area}</span></dd><dd class="row"><span class="k">主导产业</span><span class="v">软件和信息技术服务</span></dd>
      <dd class="ops"><a href="/yuanqu/{5021 + i}.html">园区详情</a></dd>"""
                   for i, (name, area) in enumerate([("济南高新技术产业开发区齐鲁软件园", "济南高新区"), ("历下总部经济产业园", "济南-历下区"),
                                                     ("济南新旧动能转换起步区崔寨片区", "济南新旧动能转换起步区")]))
    got = records(f"<div><h1>济南产业园区名录</h1><dl class='yq-dl'>{rows}</dl></div>")
    assert [(r["type"], r["region"]["raw"], r["region"]["code"]) for r in got] == [
        ("park", "济南高新区", "370100"), ("park", "济南-历下区", "370102"), ("park", "济南新旧动能转换起步区", "370100")]
    plats = "".join(f"""<div class="plat"><a href="/cn/ptzy/content/post_{915 + i}.html"><img src="/{i}.jpg"></a>
      <h4><a href="/cn/ptzy/content/post_{915 + i}.html">{name}</a></h4><p class="loc">所在区域 Location：<span>{area}</span></p></div>"""
                    for i, (name, area) in enumerate([("珠海高新技术产业开发区", "珠海高新区"), ("珠海经济技术开发区（高栏港）", "珠海-金湾区"),
                                                      ("珠海富山工业园", "珠海-斗门区")]))
    got = records(f"<section><div class='hd'><h2>重点平台<small>Key Platforms</small></h2></div><div class='platlist'>{plats}</div></section>")
    assert [(r["type"], r["title"]) for r in got] == [
        ("park", "珠海高新技术产业开发区"), ("park", "珠海经济技术开发区（高栏港）"), ("park", "珠海富山工业园")]


def test_a_flat_list_of_links_each_followed_by_its_spans_and_a_map_link_in_a_row_is_the_same_entry():
    got = records("""<div class="box"><div class="hd"><h3>济南莱芜区招商项目</h3></div><div class="bd"><ul>
      <a href="/xm/6611.html">钢城区精品钢深加工产业园招商项目</a><span class="date">2025-10-30</span><span class="area"><em>山东-钢城区</em></span>
      <a href="/xm/6640.html">莱芜区生姜精深加工及冷链仓储项目</a><span class="date">2025-11-06</span><span class="area"><em>山东-莱芜区</em></span>
      </ul></div></div>
      <section><h2>园区分布一览</h2><table><thead><tr><th>区县</th><th>园区名称</th><th>级别</th><th>位置</th></tr></thead><tbody>
      <tr><td rowspan="2">鲤城区</td><td><a href="/yuanqu/4101.html">泉州鲤城高新技术产业园</a></td><td>省级</td><td><a href="/yuanqu/4101.html#map">地图定位</a></td></tr>
      <tr><td><a href="/yuanqu/4104.html">江南高新技术电子信息园区</a></td><td>市级</td><td><a href="/yuanqu/4104.html#map">地图定位</a></td></tr>
      <tr><td rowspan="1">丰泽区</td><td><a href="/yuanqu/4112.html">丰泽东海湾科创园</a></td><td>市级</td><td><a href="/yuanqu/4112.html#map">地图定位</a></td></tr>
      </tbody></table></section>""")
    assert [(r["title"], r["region"]["raw"], r["list"]) for r in got] == [
        ("钢城区精品钢深加工产业园招商项目", "山东-钢城区", "济南莱芜区招商项目"), ("莱芜区生姜精深加工及冷链仓储项目", "山东-莱芜区", "济南莱芜区招商项目"),
        ("泉州鲤城高新技术产业园", "鲤城区", "园区分布一览"), ("江南高新技术电子信息园区", "鲤城区", "园区分布一览"),
        ("丰泽东海湾科创园", "丰泽区", "园区分布一览")]


def test_a_dated_slug_is_a_post_and_english_dates_are_read():
    from scraper.extract.lists import is_detail_url
    assert is_detail_url("https://nt.example.com/xiangmu/2025/10/haian-lidian-cailiao/")
    assert not is_detail_url("https://nt.example.com/category/chanye/") and not is_detail_url("https://nt.example.com/2025/10/")
    got = records("""<section><div class="hd"><h2>招商项目<small>Investment Projects</small></h2></div><ul>
      <li><h4><a href="/cn/xmk/content/post_7120.html">金湾区航空航天精密零部件制造项目</a></h4><p>Aerospace Precision Components</p>
      <div class="meta"><span>珠海市金湾区</span><span>Jinwan District</span><time>Nov 18, 2025</time></div></li>
      <li><h4><a href="/cn/xmk/content/post_7113.html">香洲区集成电路设计产业园招商项目</a></h4><p>IC Design Industrial Park</p>
      <div class="meta"><span class="date">发布日期 Date：2025-11-12</span></div></li></ul></section>""")
    assert [(r["title"], r["published"]) for r in got] == [
        ("金湾区航空航天精密零部件制造项目", "2025-11-18"), ("香洲区集成电路设计产业园招商项目", "2025-11-12")]


def test_an_offices_notices_are_no_policies_whatever_their_address():
    got = records("""<div class="box"><div class="hd"><h2>通知公告</h2></div><ul>
      <li><a href="/xxgk/tzgg/202510/t20251015_90000.htm">关于精准启动干部作风建设推进会的通知</a><span>10-15</span></li>
      <li><a href="/xxgk/tzgg/202510/t20251012_89987.htm">关于扎实开展亩均效益综合评价活动的通知</a><span>10-12</span></li>
      <li><a href="/xxgk/tzgg/202510/t20251010_89974.htm">关于高效举办信访积案化解专项行动的通知</a><span>10-10</span></li></ul></div>""")
    assert got == []


def test_cards_titled_over_a_summary_a_bare_card_among_them_and_a_count_before_the_heading():
    cards = "".join(f"""<div class="xm-card"><span class="hy">食品饮料</span><h4><a href="/zsyz/xm/2025-10/1{i}/content_7120{i}.shtml">{name}</a></h4>
      <p class="meta"><span class="area">成都·郫都区</span><span class="time">2025.10.1{i}</span></p>
      <p class="desc">项目拟选址于功能区内，重点围绕产业链补链强链开展招引。</p></div>""" for i, name in enumerate(["川菜产业园调味品智能化扩产项目", "影视文创园数字影棚建设项目"]))
    got = records(f"<div class='mod'><div class='hd'><h3>招商项目</h3></div><div class='xm-grid'>{cards}</div></div>")
    assert [(r["title"], r["published"]) for r in got] == [("川菜产业园调味品智能化扩产项目", "2025-10-10"), ("影视文创园数字影棚建设项目", "2025-10-11")]
    parks = "".join(f"""<div class="yq-card"><a href="/zsyz/zt/{slug}.shtml"><img src="/{slug}.jpg"></a><div class="txt"><h4><a href="/zsyz/zt/{slug}.shtml">{name}</a></h4>
      <span class="lv">国家级</span>{f'<p>所在区域：{area}</p>' if area else ''}</div></div>""" for slug, name, area in [
        ("dzxx", "成都电子信息产业功能区", "成都高新区"), ("ccyq", "中国川菜产业园", "成都-郫都区"), ("jrz", "菁蓉镇双创示范基地", None)])
    got = records(f"<div class='mod'><div class='hd'><h3>产业载体</h3></div><div class='yq-grid'>{parks}</div></div>")
    assert [(r["title"], r["region"] and r["region"]["raw"]) for r in got] == [
        ("成都电子信息产业功能区", "成都高新区"), ("中国川菜产业园", "成都-郫都区"), ("菁蓉镇双创示范基地", None)]
    got = records("""<div class="plist"><h2 class="tit"><span class="fr count">共 126 条</span>厦门招商项目</h2><ul>
      <li><span>[福建-海沧区]</span><a href="/project/2025/1029/4417.htm">海沧生物医药港细胞治疗中试基地项目</a><span>2025/10/29</span></li>
      <li><span>[福建-集美区]</span><a href="/project/2025/1028/4412.htm">集美新城软件信息服务业总部项目</a><span>2025/10/28</span></li></ul></div>""")
    assert [r["list"] for r in got] == ["厦门招商项目", "厦门招商项目"]


def test_a_filters_years_a_cards_leading_text_and_rows_a_stylesheet_hides_or_groups_in_tbodies():
    got = records("""<dl class="filter"><dt>年份：</dt><dd><a href="/zhengce/" class="on">全部</a><a href="/zhengce/?y=2025">2025</a>
      <a href="/zhengce/?y=2024">2024</a><a href="/zhengce/?y=2023">2023</a></dd></dl>""")
    assert got == []
    got = records("""<h2>泸州招商项目<small>共186条</small></h2><ul class="xm-list">""" + "".join(
        f"""<li><a href="/xiangmu/{9310 - i}.html"><img src="/{i}.jpg"><div class="media-body">{name}<p><span>{area}</span> | <span>白酒配套</span> |
        <span>2025-11-1{i}</span></p></div></a></li>""" for i, (name, area) in enumerate([("江阳区白酒包装材料配套项目", "泸州·江阳区"),
                                                                                        ("龙马潭区跨境电商产业园招商", "泸州·龙马潭区")])) + "</ul>")
    assert [(r["title"], r["region"]["raw"], r["published"]) for r in got] == [
        ("江阳区白酒包装材料配套项目", "泸州·江阳区", "2025-11-10"), ("龙马潭区跨境电商产业园招商", "泸州·龙马潭区", "2025-11-11")]
    rows = "".join(f"""<tr class="main-row"><td><a href="/xiangmu/detail-{7741 - i}.html">{name}</a></td><td>{area}</td><td>2025-11-1{i}</td></tr>
      <tr class="more-row"><td colspan="3"><p>项目简介：拟建设生产线。</p><p><a href="/xiangmu/detail-{7741 - i}.html">{name}</a> ·
      <a href="/xiangmu/detail-{7741 - i}.html#contact">查看项目详情 ›</a></p></td></tr>""" for i, (name, area) in enumerate(
        [("三江新区动力电池回收利用基地项目", "宜宾三江新区"), ("翠屏区白酒包装材料产业园项目", "宜宾-翠屏区")]))
    got = records(f"""<style>.yb-xt tr.more-row{{display:none}} .yb-xt tr.more-row.open{{display:table-row}}</style>
      <h1>宜宾招商项目</h1><table class="yb-xt"><thead><tr><th>项目名称</th><th>所在地区</th><th>发布日期</th></tr></thead>
      <tbody>{rows}</tbody></table>""")
    assert [(r["title"], r["region"]["raw"]) for r in got] == [("三江新区动力电池回收利用基地项目", "宜宾三江新区"),
                                                              ("翠屏区白酒包装材料产业园项目", "宜宾-翠屏区")]
    bodies = "".join(f"""<tbody class="it"><tr><td colspan="2"><a href="/xiangmu/{9061 - i}.html">{name}</a><span class="st">在谈</span></td></tr>
      <tr><td>所在地区：{area}</td><td>发布时间：2025-11-1{i}</td></tr></tbody>""" for i, (name, area) in enumerate(
        [("柳东新区新能源汽车电驱系统项目", "柳州-柳东新区"), ("鱼峰区螺蛳粉预包装食品扩产项目", "柳州-鱼峰区")]))
    got = records(f"<h2>柳州招商项目</h2><table class='lz-xm'>{bodies}</table>")
    assert [(r["title"], r["region"]["raw"], r["published"]) for r in got] == [
        ("柳东新区新能源汽车电驱系统项目", "柳州-柳东新区", "2025-11-10"), ("鱼峰区螺蛳粉预包装食品扩产项目", "柳州-鱼峰区", "2025-11-11")]

