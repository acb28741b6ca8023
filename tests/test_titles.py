"""Headlines on small synthetic article pages: what is the title and what is
the metadata beside it (expectations written from the markup)."""
from __future__ import annotations

import pytest

from scraper.extract import parse_page

URL = "https://linyi.example.cn/html/2025/news_1030/6638.html"
BODY = ("<div class='content'><p>（测试样例文字）今年以来，全区依托商贸物流产业基础开展精准招商，前三季度新签约项目23个。</p>"
        "<p>（测试样例文字）区里重点引进了一批供应链管理和品牌运营企业，带动传统批发市场转型发展。</p></div>")


def article(h1: str, title: str = "某站") -> dict:
    html = f"<html><head><title>{title}</title></head><body><div id='Article'>{h1}{BODY}</div></body></html>"
    records = parse_page(html.encode(), URL).records
    assert records and records[0]["type"] == "article"
    return records[0]


def test_metadata_under_a_break_inside_the_h1_is_read_as_metadata():
    got = article("<h1>兰山区商贸物流产业招商成效明显<br /><span>2025年10月30日 15:20&nbsp;&nbsp;来源：兰山区商务局"
                  "&nbsp;&nbsp;编辑：刘婷&nbsp;&nbsp;评论：<a href='#comment'>0</a></span></h1>")
    assert (got["title"], got["published"], got["source"], got["author"]) == (
        "兰山区商贸物流产业招商成效明显", "2025-10-30T15:20:00+08:00", "兰山区商务局", "刘婷")


@pytest.mark.parametrize("h1, title", [
    ("<h1>兰山区商贸物流产业<br>招商引资成效明显</h1>", "兰山区商贸物流产业招商引资成效明显"),  # one title on two lines (a break in Chinese text adds no space)
    ("<h1>兰山区商贸物流产业招商成效明显<br><span>前三季度新签约项目23个</span></h1>",
     "兰山区商贸物流产业招商成效明显前三季度新签约项目23个"),  # a second line, not metadata
])
def test_a_headline_broken_over_lines_stays_whole(h1, title):
    got = article(h1 + "<p class='info'>发布时间：2025-10-30　来源：兰山区商务局</p>")
    assert (got["title"], got["published"], got["source"]) == (title, "2025-10-30", "兰山区商务局")


def test_a_source_link_followed_by_a_report_link():
    got = article("<h1>航空港区以链招商显成效</h1><div class='post_info'>2025-10-21 10:25:33　来源: "
                  "<a href='https://news.example.cn/'>大河报</a>　<a href='/jubao/'>举报</a></div>")
    assert (got["published"], got["source"]) == ("2025-10-21T10:25:33+08:00", "大河报")


@pytest.mark.parametrize("marked, source", [
    ("<a class='source ent-source' href='https://news.example.cn/'>江西日报</a>", "江西日报"),
    ("<span class='article-source'>赣州晚报</span>", "赣州晚报"),
    ("<span class='source-link'>原文链接</span>", None),  # a box named after sources, not the source
    ("<span class='resource'>资料下载</span>", None),
])
def test_a_source_shown_without_a_label_is_known_by_its_class(marked, source):
    got = article(f"<h1>赣江新区新签约亿元以上项目46个</h1><div class='date-source'><span class='date'>2025年10月22日 09:15</span>"
                  f"{marked}</div>")
    assert (got["published"], got["source"]) == ("2025-10-22T09:15:00+08:00", source)


def test_the_portals_app_and_home_links_at_the_end_of_the_text_are_not_body():
    html = ("<html><head><title>t</title></head><body><h1>赣江新区新签约亿元以上项目46个</h1><p>发布时间：2025-10-22</p>"
            "<div class='article'>" + BODY[len("<div class='content'>"):-len("</div>")] +
            "<p>海量资讯、精准解读，尽在新浪新闻APP</p><p><a href='https://www.example.cn/'>返回搜狐，查看更多</a></p>"
            "<p>返回原籍创业的青年带回了新技术。（测试样例文字）</p></div></body></html>")
    body = parse_page(html.encode(), URL).records[0]["body"].split("\n")
    assert body[2:] == ["返回原籍创业的青年带回了新技术。（测试样例文字）"] and len(body) == 3


@pytest.mark.parametrize("meta, published, source", [
    # a date drawn as year, day and time spans
    ("<div class='header-time'><span class='year'><em> 2025</em></span><span class='day'><em> 10</em>/<em>23</em></span>"
     "<span class='time'> 09:41:27</span></div><div class='source'>来源：新华网</div>", "2025-10-23T09:41:27+08:00", "新华网"),
    # a date after the bar that ends the source
    ("<div class='info1'>来源：央视新闻客户端 | 2025年10月22日 19:32:15</div>", "2025-10-22T19:32:15+08:00", "央视新闻客户端"),
    # a date after the space that ends the source
    ("<div class='xinf'>来源：中国日报网　2025-10-23 10:18</div>", "2025-10-23T10:18:00+08:00", "中国日报网"),
    # the date before a source made of two links, the second a tool
    ("<div class='time'>2025年10月21日 15:36　来源：<a class='source' href='https://www.example.cn/'>中国新闻网</a>　"
     "<a href='#comment'>参与互动</a></div>", "2025-10-21T15:36:00+08:00", "中国新闻网"),
])
def test_dates_and_sources_in_news_meta_lines(meta, published, source):
    got = article("<h1>广西钦州打造绿色化工新材料产业集群</h1>" + meta)
    assert (got["published"], got["source"]) == (published, source)


def test_an_unlabelled_author_and_tag_links_are_known_by_their_class_or_address():
    html = ("<html><head><title>t</title></head><body><div id='Article'><h1>福建宁德锂电新能源产业招商提速</h1>"
            "<div class='article-info'><p><span class='author'><a href='/user/228812.html'>王磊</a></span> · "
            "<span class='date'>2025/10/22 16:40</span></p></div>" + BODY +
            "<div class='main-mate'><a class='tag' href='/t/1.html'>锂电池</a><a href='/tags/8812.html'>储能</a></div>"
            "<div class='comments'><p><span class='author'>网友甲</span> 说得好</p></div></div></body></html>")
    got = parse_page(html.encode(), URL).records[0]
    assert (got["published"], got["author"], got["tags"]) == ("2025-10-22T16:40:00+08:00", "王磊", ["锂电池", "储能"])


def test_a_policy_pages_editor_line_is_no_fact_of_the_policy():
    html = ("<html><head><title>关于印发某某方案的通知</title></head><body><h1>关于印发某某方案的通知</h1>"
            "<table><tr><td>发文机关：</td><td>某某市人民政府办公室</td><td>发文字号：</td><td>某政办发〔2025〕41号</td></tr>"
            "<tr><td>成文日期：</td><td>2025年10月14日</td><td>发布日期：</td><td>2025年10月20日</td></tr></table>"
            + BODY + "<div class='editor'>【<a href='/jiucuo/'>我要纠错</a>】 责任编辑：王洋</div></body></html>")
    record = parse_page(html.encode(), "https://www.example.gov.cn/zhengce/content/202510/content_7046321.htm").records[0]
    assert record["type"] == "policy" and record["fields"] == {
        "发文机关": "某某市人民政府办公室", "发文字号": "某政办发〔2025〕41号", "成文日期": "2025年10月14日",
        "发布日期": "2025年10月20日"}


def test_a_word_table_of_figures_reads_a_row_a_line_under_its_section():
    row = "<tr>" + "".join("<td><p align='center'>{}</p></td>" for _ in range(3)) + "</tr>"
    table = ("<table class='MsoNormalTable'><tr><td><p><b>指标</b></p></td><td><p><b>单位</b></p></td>"
             "<td><p><b>1—9月</b></p></td></tr>" + row.format("新设外商投资企业", "家", "486")
             + row.format("合同外资", "亿美元", "58.6") + row.format("实际使用外资", "亿美元", "21.4") + "</table>")
    html = ("<html><head><title>t</title></head><body><h2>前三季度全省利用外资稳中有进</h2><p>发布时间：2025-10-20</p>"
            "<div class='content'><p>（测试样例文字）今年以来，全省外资工作保持稳中有进态势，主要指标如下。</p>"
            "<p><b>一、主要指标保持增长</b></p>" + table +
            "<p>视频加载中，请稍候……</p><p>（测试样例文字）制造业实际使用外资占比达45.8%，较上年同期提高1.2个百分点。</p>"
            "</div></body></html>")
    got = parse_page(html.encode(), URL).records[0]
    assert got["sections"] == [
        {"heading": None, "paragraphs": ["（测试样例文字）今年以来，全省外资工作保持稳中有进态势，主要指标如下。"]},
        {"heading": "一、主要指标保持增长", "paragraphs": [
            "指标 单位 1—9月", "新设外商投资企业 家 486", "合同外资 亿美元 58.6", "实际使用外资 亿美元 21.4",
            "（测试样例文字）制造业实际使用外资占比达45.8%，较上年同期提高1.2个百分点。"]},
    ]
    assert got["duplicates_removed"] == 0  # 亿美元 twice is two cells of two rows, not a repeated paragraph


@pytest.mark.parametrize("meta", [
    "<div class='arcinfo'><span>【地区】宿城区</span>&nbsp;<span>【时间】2025-11-10 14:20</span>&nbsp;"
    "<span>【来源】宿迁市投资促进中心</span>&nbsp;<span>【点击】次</span></div>",
    "<div class='meta'><span title='发布时间'><i class='icon'></i>2025-11-10 14:20</span>"
    "<span title='所属地区'><i class='icon'></i><a href='/area/sc.html'>宿城区</a></span>"
    "<span title='来源'><i class='icon'></i>宿迁市投资促进中心</span></div>",
    "<ul class='article-meta'><li><i class='bi'></i> 2025-11-10 14:20</li><li><i class='bi'></i> [宿城区]</li>"
    "<li>来源: 宿迁市投资促进中心</li></ul>",
])
def test_meta_labelled_in_brackets_by_tooltips_or_not_at_all(meta):
    got = article("<h1>宿城区电子信息产业园二期开工</h1>" + meta)
    assert (got["published"], got["source"], got["region"] and got["region"]["code"]) == (
        "2025-11-10T14:20:00+08:00", "宿迁市投资促进中心", "321302")


@pytest.mark.parametrize("meta, source, author", [
    # a <meta> author or source nobody sees is not the author or source
    ("<div class='info'>2025-10-22 09:18:45　来源: <a href='/dy/media/T16.html'>梁溪发布</a></div>", "梁溪发布", None),
    # a CSS-module class, and 来自 without a colon
    ("<p class='index_time_3yOiS'><span>2025-10-22 09:18:45</span><span class='index_source_1Bh6B'>来自 "
     "<a href='https://hb.example.cn/'>湖北日报</a></span></p>", "湖北日报", None),
    # a reporter's credit line, bars for colons, inside the text box
    ("<div class='info'>2025-10-22 09:18:45</div><p><strong>每经记者｜王敏　　每经编辑｜刘雪梅</strong></p>", None, "王敏"),
    ("<div class='artInfo'>文｜财新 <a href='/author/wangli/'>王力</a><br>2025-10-22 09:18:45</div>", None, "王力"),
])
def test_sources_and_authors_as_news_pages_show_them(meta, source, author):
    paragraphs = ["（测试样例文字）今年以来，梁溪区盘活老厂房引进数字经济项目，前三季度新签约项目23个，计划总投资91亿元。",
                  "（测试样例文字）区里建立重点项目周调度机制，对签约项目落实帮办代办服务，推动项目早开工早投产早见效。"]
    html = ("<html><head><title>t</title><meta name='author' content='梁溪发布'><meta name='ContentSource' content='某网'>"
            "</head><body><div id='Article'><h1>无锡梁溪区老厂房腾笼换鸟</h1>" + meta + "<div class='content'>"
            + "".join(f"<p>{p}</p>" for p in paragraphs) +
            "<p>新京报记者 王晨</p><p>特别提醒：如果我们使用了您的图片，请作者与本站联系索取稿酬。</p></div></div></body></html>")
    got = parse_page(html.encode(), URL).records[0]
    assert (got["published"], got["source"], got["author"]) == ("2025-10-22T09:18:45+08:00", source, author or "王晨")
    assert got["body"].split("\n") == paragraphs


def test_a_plain_text_copy_in_br_lines_is_counted_and_a_lone_copy_hidden_by_the_stylesheet_is_not():
    paras = [f"（测试样例文字）第{i}段，黄骅市围绕港口吞吐能力提升开展精准招商，储备在谈项目{i}个。" for i in range(4)]
    text = "".join(f"<p>{p}</p>" for p in paras)
    head = "<html><head><title>t</title><style>.mip-article{display:none}</style></head><body>"
    meta = "<h1>黄骅市临港产业招商再提速</h1><p class='info'>发布时间：2025-11-03</p>"
    plain = head + meta + f"<div class='txt'>{text}</div><div class='plain'>{'<br>'.join(paras)}</div></body></html>"
    mip = head + meta + f"<div class='txt'>{text}</div><div class='mip-article'>{text}</div></body></html>"
    assert parse_page(plain.encode(), URL).records[0]["duplicates_removed"] == 4
    assert parse_page(mip.encode(), URL).records[0]["duplicates_removed"] == 0


def test_a_generic_title_and_a_site_name_heading_leave_the_headline_above_the_text():
    html = ("<html><head><title>规范性文件详情-某某省行政规范性文件库</title></head><body>"
            "<div class='head'><img src='/logo.png' alt='某某省行政规范性文件库'><h2 class='sitename'>行政规范性文件库</h2></div>"
            "<table><tr><td>制定机关：</td><td>某某区人民政府办公室</td><td>文号：</td><td>某政办发〔2025〕22号</td></tr>"
            "<tr><td>成文日期：</td><td>2025-09-20</td><td>发布日期：</td><td>2025-09-26</td></tr></table>"
            "<div class='doc-h'>某某区人民政府办公室关于印发《某某区招商引资优惠政策实施办法》的通知</div>"
            "<div class='text'><p>（测试样例文字）各镇人民政府，区直各部门：现将办法印发给你们，请认真贯彻执行。</p>"
            "<p>（测试样例文字）第一条 为进一步优化营商环境，加大招商引资力度，结合本区实际，制定本办法。</p>"
            "<p>（测试样例文字）第二条 本办法适用于在本区新注册登记并依法纳税的企业和项目。</p>"
            "<p>（测试样例文字）某某区人民政府办公室</p></div><div class='foot'>主办单位：某某区人民政府办公室</div>"
            "</body></html>")
    got = parse_page(html.encode(), "https://gfxwj.example.gov.cn/gfxwj/detail.html?id=88123").records[0]
    assert (got["type"], got["title"], got["document_name"]) == (
        "policy", "某某区人民政府办公室关于印发《某某区招商引资优惠政策实施办法》的通知", "某某区招商引资优惠政策实施办法")


def test_meta_spans_run_together_with_an_emptied_counter_last():
    got = article("<h1>泉城大学科技园与高新区签署合作协议</h1><p class='arti_metas'><span>来源：科技园综合办公室</span>"
                  "<span>作者：孙一鸣</span><span>摄影：郑航</span><span>发布时间：2025年10月22日 14:20</span>"
                  "<span>浏览次数：<script>_showDynClicks('wbnews', 1700123456, 4518)</script></span></p>")
    assert (got["published"], got["source"], got["author"]) == ("2025-10-22T14:20:00+08:00", "科技园综合办公室", "孙一鸣")


def test_tags_in_a_box_of_labels():
    got = article("<h1>湘潭经开区智能制造装备产业园再迎新项目</h1><div class='info'>发布时间：2025-11-10</div>"
                  "<div class='labels'><span class='label'>智能制造</span><span class='label label-blue'>园区招商</span></div>")
    assert got["tags"] == ["智能制造", "园区招商"]


def test_tags_after_a_bold_tag_label_without_a_colon():
    got = article("<h1>太仓中德合作再结硕果</h1><div class='info'>发布时间：2025-11-13</div>"
                  "<div class='art-kw'><b>标签</b><span>德资企业</span><span>外资</span><span>中德合作</span></div>")
    assert got["tags"] == ["德资企业", "外资", "中德合作"]


def test_a_label_glued_to_the_toolbar_before_it():
    got = article("<h1>晋江市鞋服产业数字化转型项目路演活动举行</h1><div class='info'><span class='f_r'><a href='javascript:Print();'>打印</a>"
                  " | <a href='javascript:window.close();'>关闭</a></span>所属地区：泉州-晋江市&nbsp;&nbsp;发布日期：2025-11-14"
                  "&nbsp;&nbsp;编辑：许文彬</div>")
    assert (got["region"] and got["region"]["code"], got["published"], got["author"]) == ("350582", "2025-11-14", "许文彬")


def test_tags_labelled_as_an_industry_class_and_a_copy_that_repeats_headings_too():
    paras = [f"（测试样例文字）第{i}段，昌吉市围绕农产品精深加工开展招商推介，签约项目{i}个。" for i in range(6)]
    text = (f"<p>{paras[0]}</p><h4>一、推介活动成效明显</h4><p>{paras[1]}</p><p>{paras[2]}</p>"
            f"<h4>二、签约项目结构持续优化</h4><p>{paras[3]}</p><p>{paras[4]}</p><h4>三、全力做好要素保障</h4><p>{paras[5]}</p>")
    more = f"<h4>二、签约项目结构持续优化</h4><p>{paras[3]}</p><p>{paras[4]}</p><h4>三、全力做好要素保障</h4><p>{paras[5]}</p>"
    html = ("<html><head><title>t</title></head><body><h1>昌吉市农产品精深加工产业招商推介会举行</h1>"
            "<div class='info'>日期：2025-11-08　产业分类:<a href='/news/list.asp?tag=a'>农产品加工</a>&nbsp;"
            f"<a href='/news/list.asp?tag=b'>招商推介</a></div><div class='content' id='article'>{text}</div>"
            f"<div class='content' id='article_more'>{more}</div></body></html>")
    got = parse_page(html.encode(), URL).records[0]
    assert (got["tags"], got["duplicates_removed"]) == (["农产品加工", "招商推介"], 5)


def test_a_headline_longer_than_the_title_keeps_and_a_logo_h1_and_unlabelled_date_and_place_spans():
    html = ("<html><head><title>如皋市氢能产业招商推介会在上海举行_招商资讯_南通招商网</title></head><body>"
            "<div class='top'><h1><a href='/'>南通招商网</a></h1></div><div class='art'>"
            "<h2>如皋市氢能产业招商推介会在上海举行 签约项目7个</h2>"
            "<div class='meta'><span class='date'>2025/11/05</span><span class='region'><i class='icon'></i>南通 · 如皋市</span>"
            "<span class='views'><i class='icon'></i>2318</span></div>" + BODY + "</div></body></html>")
    got = parse_page(html.encode(), URL).records[0]
    assert (got["title"], got["published"], got["region"] and got["region"]["code"]) == (
        "如皋市氢能产业招商推介会在上海举行 签约项目7个", "2025-11-05", "320682")


def test_a_date_then_an_unlabelled_place_link_and_labelled_tag_links():
    got = article("<h2>新会区预制菜及冷链物流产业招商推介会举行</h2><p class='meta'>2025年11月02日 10:05　"
                  "<a href='/a/quyu/xinhui/'>江门·新会区</a>　来源：新会区投资促进局</p>"
                  "<div class='hangye'>所属行业：<a href='/index.php?m=content&amp;c=tag&amp;tag=a'>预制菜</a>、"
                  "<a href='/index.php?m=content&amp;c=tag&amp;tag=b'>冷链物流</a></div>")
    assert (got["published"], got["region"] and got["region"]["code"], got["source"], got["tags"]) == (
        "2025-11-02T10:05:00+08:00", "440705", "新会区投资促进局", ["预制菜", "冷链物流"])


def test_a_meta_line_in_the_texts_own_box_with_a_place_between_the_date_and_the_labels():
    html = ("<html><head><title>t</title></head><body><div class='art'><h1>南安石材产业数字化改造项目落地</h1>"
            "<div class='sub'><time>2025-11-24 10:12:45</time> · <a href='/quyu/nanan/'>福建·泉州·南安市</a>"
            " · 来源：泉州晚报 · 编辑：黄丽</div>"
            "<p>（测试样例文字）近日，南安市石材产业数字化改造项目正式落地，首批10家龙头企业参与建设。</p>"
            "<p>（测试样例文字）参与项目的企业将引进智能桥切机、数控异型加工中心等设备，生产效率预计提升三成。</p>"
            "<p>（测试样例文字）南安市将对改造项目给予设备补助和贷款贴息，并组建专班跟踪服务。</p>"
            "<div class='tools'>【<a href='javascript:print()'>打印</a>】【<a href='javascript:close()'>关闭</a>】"
            "【<a href='#'>顶部</a>】 扫一扫在手机打开当前页</div></div></body></html>")
    got = parse_page(html.encode(), URL).records[0]
    assert (got["published"], got["region"] and got["region"]["raw"], got["region"] and got["region"]["code"],
            got["source"], got["author"]) == ("2025-11-24T10:12:45+08:00", "福建·泉州·南安市", "350583", "泉州晚报", "黄丽")
    assert got["body"].startswith("（测试样例文字）近日") and got["body"].endswith("跟踪服务。")


def test_a_place_link_followed_by_font_size_links_and_a_place_span_among_labelled_spans():
    got = article("<h1>温岭泵与电机产业链招商推介会在沪举行</h1><p class='info'>2025年11月20日 14:05　来源：温岭市经信局　"
                  "地区：<a href='/quyu/wenling/'>台州 温岭市</a>　<a href='javascript:;'>大</a> <a href='javascript:;'>中</a> "
                  "<a href='javascript:;'>小</a></p>")
    assert (got["region"] and got["region"]["code"], got["source"]) == ("331081", "温岭市经信局")
    got = article("<h1>北流日用陶瓷产业集群加速成势</h1><div class='art-meta'><span class='time'>2025-11-20 16:05:32</span>"
                  "<span class='area'><a href='/quyu/beiliu/'>玉林·北流市</a></span><span class='src'>来源：北流市融媒体中心</span>"
                  "<span class='au'>作者：韦晓岚</span></div>")
    assert (got["published"], got["region"] and got["region"]["code"], got["author"]) == (
        "2025-11-20T16:05:32+08:00", "450981", "韦晓岚")


@pytest.mark.parametrize("tag_html, tags", [
    ("<div class='chips'><span>动力电池</span><span>新能源</span></div>", ["动力电池", "新能源"]),  # chips, no links
    ("<div class='hy'>所属行业：<a href='/hangye/nongye/'>现代农业</a> <a href='/hangye/zhongye/'>种业</a></div>",
     ["现代农业", "种业"]),  # industry links: the text's categories
    ("<div class='keys'>TAG标签：<a href='/tag/qipei/'>汽配</a><a href='/tag/shicai/'>石材</a></div>", ["汽配", "石材"]),
])
def test_tags_as_chips_industry_links_and_a_bilingual_label(tag_html, tags):
    got = article("<h1>某区动力电池配套产业园再迎新项目</h1><p class='info'>发布时间：2025-11-28　来源：某区投资促进局</p>" + tag_html)
    assert got["tags"] == tags


@pytest.mark.parametrize("meta, raw, code", [
    ("<div class='info'>嘉定区 | 2025-11-27 14:05 | 来源：某区投资促进服务中心 | 阅读 326</div>", "嘉定区", "310114"),  # the place, then the date
    ("<div class='sub-info'>2025年11月20日 10:32　来源：某市融媒体中心　所属区域：<a href='/hubei/'>湖北</a> "
     "<a href='/xiaogan/'>孝感</a> <a href='/hanchuan/'>汉川市</a></div>", "湖北 孝感 汉川市", "420984"),  # a path of links
])
def test_a_place_before_the_date_and_a_place_path_of_spaced_links(meta, raw, code):
    got = article("<h1>某地智能网联汽车产业专场招商会举行</h1>" + meta)
    assert (got["region"] and got["region"]["raw"], got["region"] and got["region"]["code"], got["source"]) == (
        raw, code, "某区投资促进服务中心" if "嘉定" in raw else "某市融媒体中心")


@pytest.mark.parametrize("meta, field, want", [
    # a date span, then a counter and a share link drawn against it
    ("<div class='m'><span>发布时间：2025-11-12</span><span><i class='icon-eye'></i>362</span><span>分享</span></div>",
     "published", "2025-11-12"),
    # labels by name in elements of their own, no colon drawn
    ("<div class='info'><label>发布时间</label><span>2025-11-24 15:32:07</span><label>文章来源</label>"
     "<span>邹城市投资促进中心</span></div>", "source", "邹城市投资促进中心"),
    ("<p class='meta'>文/刘思远　2025-11-28 14:20　来源：峨眉山市文广旅局</p>", "author", "刘思远"),  # a byline first
])
def test_meta_lines_drawn_in_other_ways(meta, field, want):
    assert article("<h1>某地文旅康养项目招商推介会成功举办</h1>" + meta)[field] == want


@pytest.mark.parametrize("tag_html, tags", [
    ("<div class='topic'>话题：<a href='/topic/a/'>#海上风电#</a><a href='/topic/b/'>#新能源装备#</a></div>", ["海上风电", "新能源装备"]),
    ("<div class='art_hy'>行业标签：<span>汽摩配件</span> <span>智能制造</span></div>", ["汽摩配件", "智能制造"]),
    ("<div class='tag'>标签：起重装备、医用耗材</div>", ["起重装备", "医用耗材"]),
    ("<div class='zhuanti'>所属专题：<a href='/zt/qingci/'>青瓷文化</a> <a href='/zt/tsxz/'>特色小镇</a></div>", ["青瓷文化", "特色小镇"]),
])
def test_tags_as_topics_industry_labels_and_a_label_in_the_tag_box_text(tag_html, tags):
    got = article("<h1>某地海上风电装备产业园集中签约三个项目</h1><p class='info'>发布时间：2025-11-26　来源：某市投资促进局</p>"
                  + tag_html)
    assert got["tags"] == tags


def test_a_follow_us_line_and_an_unfold_link_are_no_part_of_the_text():
    html = ("<html><head><title>t</title></head><body><h1>某地海上风电装备产业园集中签约</h1>"
            "<p class='info'>发布时间：2025-11-26　来源：某市投资促进局</p><div class='content'>"
            "<p>（测试样例文字）11月25日，某地海上风电装备产业园举行新能源项目集中签约活动，三个项目现场签约。</p>"
            "<p>（测试样例文字）项目总投资约46亿元，达产后可形成年产值超百亿元的海上风电装备产业集群。</p>"
            "<p>— 展开全文 —</p><p>扫码关注“某地招商”微信公众号，获取更多投资资讯</p></div></body></html>")
    got = parse_page(html.encode(), URL).records[0]
    assert got["body"].endswith("产业集群。")


def test_a_place_label_in_the_tag_box_an_author_link_and_a_source_link_holding_the_places_name():
    got = article("<h1>霍邱县举行2025年秋季重点项目集中签约</h1><p class='info'>时间：2025年09月22日 10:05　来源："
                  "<a href='/laiyuan/lg/'>霍邱县融媒体中心</a>　作者：<a rel='author' href='/author/wl/'>乌兰</a></p>"
                  "<div class='art-tags'>所属区县：<a href='/tzhq/'>霍邱县</a>　　标签：<a href='/s/?q=a'>招商引资</a> "
                  "<a href='/s/?q=b'>项目签约</a></div>")
    assert (got["source"], got["author"], got["region"] and got["region"]["code"], got["tags"]) == (
        "霍邱县融媒体中心", "乌兰", "341522", ["招商引资", "项目签约"])


def test_the_second_date_a_theme_hides_inside_the_meta_line():
    html = ("<html><head><title>t</title><style>.entry-meta .updated:not(.published){display:none}</style></head><body>"
            "<h1>红旗区智能装备产业链招商再提速</h1><div class='entry-meta'><span class='posted-on'>"
            "<time class='entry-date published' datetime='2025-11-12T08:45:00+08:00'>2025-11-12 08:45</time>"
            "<time class='updated' datetime='2025-11-14T10:02:00+08:00'>2025-11-14 10:02</time></span>"
            "<span class='byline'>作者：某编辑部</span><span class='src'>来源：某区投资促进中心</span>"
            "<span class='area'>所在地区：新乡市红旗区</span></div>" + BODY + "</body></html>")
    assert parse_page(html.encode(), URL).records[0]["published"] == "2025-11-12T08:45:00+08:00"
    # a single date marked both published and updated is the date
    html = html.replace("<time class='updated' datetime='2025-11-14T10:02:00+08:00'>2025-11-14 10:02</time>", "").replace(
        "entry-date published", "entry-date published updated")
    assert parse_page(html.encode(), URL).records[0]["published"] == "2025-11-12T08:45:00+08:00"


def test_an_unrendered_empirecms_field_is_no_author():
    got = article("<h1>秦州区电子信息产业园二期主体封顶</h1><div class='info'>地区：甘肃-秦州区&nbsp;&nbsp;时间：2025-11-12"
                  "&nbsp;&nbsp;来源：秦州区招商服务中心&nbsp;&nbsp;作者：[!--writer--]</div>")
    assert (got["author"], got["source"], got["published"]) == (None, "秦州区招商服务中心", "2025-11-12")


def test_tag_links_inside_a_meta_box_read_as_facts():
    got = article("<h1>垦利区化工新材料产业链加速成型</h1><div class='art-meta'><span>所属地区:东营-垦利区</span>"
                  "<span>发布日期:2025年11月18日</span><span>来源:垦利区投资促进服务中心</span><span>浏览：<em>--</em></span>"
                  "<div class='art-tags'><a href='/tag/huagongxincailiao/'>化工新材料</a><a href='/tag/xiangmuqianyue/'>项目签约</a></div></div>")
    assert (got["tags"], got["source"], got["published"]) == (["化工新材料", "项目签约"], "垦利区投资促进服务中心", "2025-11-18")
