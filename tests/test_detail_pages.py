"""Detail pages on small synthetic pages: the page's kind, its facts and its
text (expectations written from the markup, not from the code's output)."""
from __future__ import annotations

from scraper.extract import parse_page

SIDE = ("<div class='side'><h3>重点招商项目</h3><ul>"
        "<li><a href='/zsxm/202510/t20251010_1.html'>宿迁经开区新能源电池配套项目</a><span>2025-10-10</span></li>"
        "<li><a href='/zsxm/202510/t20251008_2.html'>宿迁经开区智能装备制造项目</a><span>2025-10-08</span></li>"
        "<li><a href='/zsxm/202509/t20250930_3.html'>宿迁经开区食品冷链物流项目</a><span>2025-09-30</span></li>"
        "</ul></div>")


def page(main: str, url: str):
    html = f"<html><head><title>t</title></head><body><div class='main'>{main}</div>{SIDE}</body></html>"
    return parse_page(html.encode(), url)


def test_a_fact_sheet_of_no_record_type_is_kind_other_and_gives_only_its_side_records():
    got = page("<h1>宿迁经开区智能制造产业园12600㎡标准厂房招租</h1><p>发布日期：2025-10-11</p><table>"
               "<tr><th>所在园区</th><td>宿迁经开区智能制造产业园</td><th>厂房类型</th><td>单层钢结构厂房</td></tr>"
               "<tr><th>建筑面积</th><td>12600㎡</td><th>檐口高度</th><td>12米</td></tr>"
               "<tr><th>租金价格</th><td>16元/㎡·月</td><th>联系电话</th><td></td></tr></table>"
               "<div class='txt'><p>（测试样例文字）厂房位于园区东片，交通便利，可分割出租。</p></div>",
               "https://www.example.cn/zszt/bzcf/202510/t20251011_5521.html")
    assert page_kind_and_types(got) == ("other", ["project", "project", "project"])


def test_a_project_is_known_by_its_facts_labels():
    got = page("<h1>临桂区文旅康养综合体招商项目</h1><ul class='attr'><li><i>所在地区：</i>广西-临桂区</li>"
               "<li><i>投资金额：</i>20亿元</li><li><i>合作方式：</i>合资、合作</li><li><i>项目阶段：</i>前期策划</li></ul>"
               "<div class='txt'><p>（测试样例文字）项目拟建设康养社区和文旅配套设施。</p></div>"
               "<div class='consult'><h4>项目咨询</h4><p>服务热线：400-000-0000</p><a href='javascript:;'>在线咨询</a></div>",
               "https://guilin.example.cn/show/8812.html")
    kind, types = page_kind_and_types(got)
    own = got.records[0]
    assert (kind, own["type"], own["region"]["code"]) == ("project", "project", "450312")
    assert own["fields"] == {"所在地区": "广西-临桂区", "投资金额": "20亿元", "合作方式": "合资、合作", "项目阶段": "前期策划"}


def test_text_panes_behind_tabs_are_all_the_parks_text():
    got = page("<h1>滁州经济技术开发区智能家电产业园</h1><p>所在地区：滁州经济技术开发区　园区级别：国家级　主导产业：智能家电</p>"
               "<div class='tabs'><a class='cur'>园区概况</a><a>产业定位</a><a>配套设施</a></div>"
               "<div class='pane'><p>（测试样例文字）园区东临滁州高铁站，南接合宁高速。</p></div>"
               "<div class='pane hide'><p>（测试样例文字）园区重点招引压缩机、电机和电控配套项目。</p></div>"
               "<div class='pane hide'><p>（测试样例文字）园区已建成变电站两座和集中供热管网。</p></div>"
               "<div class='pane hide'><p>（测试样例文字）园区东临滁州高铁站，南接合宁高速。</p></div>",
               "https://www.example.cn/yuanqu/1188.html")
    own = got.records[0]
    # the last hidden pane repeats the shown one: a copy, not a tab
    assert (own["type"], own["body"].split("\n")) == ("park", [
        "（测试样例文字）园区东临滁州高铁站，南接合宁高速。", "（测试样例文字）园区重点招引压缩机、电机和电控配套项目。",
        "（测试样例文字）园区已建成变电站两座和集中供热管网。"])


def page_kind_and_types(got):
    return got.kind, [r["type"] for r in got.records if r["url"] and "/zsxm/" in r["url"]]


def test_a_badge_in_the_headline_and_an_update_date():
    got = page("<h1>蚌埠市禹会区硅基新材料深加工项目<span class='tag-zd'>重点项目</span></h1>"
               "<div class='meta'>更新日期：2025年10月15日　　所属地区：安徽-禹会区</div>"
               "<table><tr><th>投资总额</th><td>12亿元</td><th>合作方式</th><td>独资</td></tr></table>"
               "<div class='txt'><p>（测试样例文字）项目拟建设硅基新材料深加工生产线。</p></div>",
               "https://bengbu.example.cn/xiangmu/18526.html")
    own = got.records[0]
    assert (own["type"], own["title"], own["published"], own["region"]["code"]) == (
        "project", "蚌埠市禹会区硅基新材料深加工项目", "2025-10-15", "340304")


def test_a_documents_metadata_box_beside_its_text():
    got = page("<div class='doc-main'><h1>贵州省商务厅关于印发《招商引资项目统计监测办法（试行）》的通知</h1>"
               "<div class='doc-body'><p>（测试样例文字）各市（州）商务主管部门：现将办法印发给你们，请认真贯彻执行。</p>"
               "<p>（测试样例文字）贵州省商务厅</p></div></div>"
               "<aside><ul><li><label>索引号</label><p>000014349/2022-00012</p></li><li><label>发布机构</label><p>贵州省商务厅</p></li>"
               "<li><label>文号</label><p>黔商发〔2022〕12号</p></li><li><label>发布日期</label><p>2022-03-18</p></li></ul></aside>",
               "https://swt.example.gov.cn/zwgk/xxgkml/zcwj/202203/t20220318_7331.html")
    own = got.records[0]
    assert (own["type"], own["published"], own["issuer"], own["document_number"]) == (
        "policy", "2022-03-18", "贵州省商务厅", "黔商发〔2022〕12号")


def test_a_policys_points_between_its_paragraphs_and_its_region_of_application():
    got = page("<h1>瓯海区关于进一步加大招商引资力度的若干政策</h1><div class='meta'><span><label>发布机构：</label>温州市瓯海区人民政府"
               "</span><span><label>适用地区：</label>浙江-瓯海区</span><span><label>发布日期：</label>2025-09-28</span></div>"
               "<div class='content'><h3>政策概述</h3><p>（测试样例文字）为进一步扩大有效投资，瓯海区制定本政策。</p>"
               "<h3>政策要点</h3><ul><li>（测试样例文字）新引进制造业项目按设备投资额的8%给予补助。</li>"
               "<li>（测试样例文字）设立区域总部的给予一次性落户奖励。</li><li>（测试样例文字）租用标准厂房的前三年给予租金补贴。</li></ul>"
               "<h3>申报方式</h3><p>（测试样例文字）符合条件的企业可在线申报，审核后兑现奖励。</p></div>",
               "https://wenzhou.example.cn/zhengce/show-8812.html")
    own = got.records[0]
    assert (own["type"], own["region"]["code"], len(own["body"].split("\n"))) == ("policy", "330304", 5)


def test_bold_subheads_written_as_paragraphs_of_the_text_stay_and_a_service_number_is_the_sites():
    got = page("<div class='top'>招商合作热线：400-733-0733 <a href='/login/'>登录</a></div>"
               "<h1>湖口县金砂湾工业园精细化工新材料项目</h1><ul class='attr'><li>投资总额：25亿元</li><li>合作方式：独资</li>"
               "<li>项目阶段：前期</li></ul><div class='sec'><h3>项目概况</h3><div class='con'>"
               "<p><strong>项目背景</strong></p><p>（测试样例文字）园区已建成公用管廊和污水集中处理设施。</p>"
               "<p><strong>建设内容</strong></p><p>（测试样例文字）项目拟建设电子级化学品生产装置。</p></div></div>"
               "<div class='foot'>某某招商网 招商合作热线：400-733-0733</div>",
               "https://jiujiang.example.cn/xiangmu/show-3311.html")
    own = got.records[0]
    assert own["type"] == "project" and "招商合作热线" not in own["fields"]
    assert own["body"].split("\n") == ["项目背景", "（测试样例文字）园区已建成公用管廊和污水集中处理设施。", "建设内容",
                                       "（测试样例文字）项目拟建设电子级化学品生产装置。"]


def test_a_policys_metadata_as_label_lines_under_breaks_and_a_validity_badge_in_its_headline():
    got = page("<h1>某区人民政府办公室关于印发《某区促进数字经济发展若干措施》的通知<em class='yx'>现行有效</em></h1>"
               "<div class='zc-attr'>索&nbsp;引&nbsp;号：DG-2025-00412<br>发文机关：某区人民政府办公室<br>"
               "发文字号：某政办发〔2025〕23号<br>成文日期：2025年10月28日<br>发布日期：2025年11月03日<br>有&nbsp;效&nbsp;性：有效</div>"
               "<div class='zc-con'><p>（测试样例文字）各镇人民政府、街道办事处，区政府各部门：</p>"
               "<p>（测试样例文字）现将《某区促进数字经济发展若干措施》印发给你们，请认真贯彻执行。</p></div>",
               "https://rizhao.example.cn/zhengce/5521.html")
    own = got.records[0]
    assert (own["type"], own["title"], own["published"], own["document_number"]) == (
        "policy", "某区人民政府办公室关于印发《某区促进数字经济发展若干措施》的通知", "2025-11-03", "某政办发〔2025〕23号")
    assert own["fields"]["索引号"] == "DG-2025-00412" and own["fields"]["有效性"] == "有效"
    assert own["body"].startswith("（测试样例文字）各镇人民政府")


def test_a_unit_with_a_slash_in_a_label_chips_after_a_label_and_a_starred_tool_after_a_value():
    got = page("<h1>高要区南岸智造产业园</h1><div class='sub'>来源：某区投资促进中心　<a href='javascript:;'>☆收藏</a>"
               "　<a href='javascript:print()'>打印</a></div>"
               "<table><tr><td class='l'>园区级别</td><td>市级</td></tr><tr><td class='l'>所在地区</td><td>肇庆-高要区</td></tr>"
               "<tr><td class='l'>工业用地价格（万元/亩）</td><td>38</td></tr></table>"
               "<div class='peitao'>园区配套：<span>员工宿舍</span><span>污水处理厂</span><span>天然气管网</span></div>"
               "<h3>园区简介</h3><div class='con'><p>（测试样例文字）南岸智造产业园位于西江南岸，是高要区重点打造的制造业承接平台，"
               "规划形成金属制品、新型建材和智能家电三大产业板块。</p><p>（测试样例文字）园区已引进规模以上工业企业42家，"
               "2024年实现工业总产值约85亿元。</p><p>（测试样例文字）园区周边有高速公路出入口两处，距西江港区约8公里。</p></div>",
               "https://zhaoqing.example.cn/yuanqu/418.html")
    fields = got.records[0]["fields"]
    assert (fields.get("工业用地价格（万元/亩）"), fields.get("园区配套"), fields.get("来源")) == (
        "38", "员工宿舍 污水处理厂 天然气管网", "某区投资促进中心")


def test_a_parks_text_over_titled_boxes_fact_rows_in_a_pane_and_a_dial_button():
    got = page("<h1>鞍山西部装备制造产业园</h1><section class='box park-kv'><h3>园区概况</h3><ul class='kv'>"
               "<li><span class='l'>所在地区</span><span class='r'>辽宁·鞍山·铁西区</span></li>"
               "<li><span class='l'>园区级别</span><span class='r'>省级</span></li>"
               "<li><span class='l'>规划面积</span><span class='r'>8.6平方公里</span></li>"
               "<li><span class='l'>招商电话</span><span class='r'><a href='tel:4000000000'>一键拨号</a></span></li></ul></section>"
               "<section class='box park-intro'><h3>园区简介</h3><div class='intro'>"
               "<p>（测试样例文字）园区位于铁西区西部，依托冶金装备产业基础建设，分为装备制造区、配套服务区和仓储物流区三个功能片区。</p>"
               "<p>（测试样例文字）园区已建成标准厂房约26万平方米，可根据企业需求提供定制厂房和代建服务。</p></div></section>"
               "<section class='box park-traffic'><h3>区位交通</h3>"
               "<p>（测试样例文字）园区距鞍山西站约8公里、距鞍山港物流园约15公里，货运便利。</p></section>",
               "https://anshan.example.cn/yuanqu/762.html")
    own = got.records[0]
    assert own["fields"]["招商电话"] is None and own["region"]["code"] == "210303"
    assert own["body"].endswith("货运便利。") and "区位交通" not in own["body"]


def test_fact_rows_among_a_panes_paragraphs_are_facts_and_tabs_a_script_shows_are_text():
    got = page("<h2>福山区高端医疗器械产业园招商项目</h2><div class='tab-bd'><div class='pane on'>"
               "<div class='kv-row'><span class='k'>项目编号</span><span class='v'>YT-FS-2025-067</span></div>"
               "<div class='kv-row'><span class='k'>项目所在地</span><span class='v'>山东省烟台市福山区</span></div>"
               "<p>（测试样例文字）项目位于福山区高新技术产业区内，规划建设高端医疗器械研发生产基地，重点引进影像设备企业。</p>"
               "<p>（测试样例文字）园区已完成“七通一平”，可提供净地和定制厂房两种供地方式，首期可供地约120亩。</p></div>"
               "<div class='pane' x-show=\"tab==='pt'\" style='display:none'>"
               "<p>（测试样例文字）区内已集聚医疗器械相关企业30余家，具备注册检验和产品申报等配套服务能力。</p></div></div>",
               "https://m.yantai.example.cn/xiangmu/2290.html")
    own = got.records[0]
    assert (own["fields"].get("项目编号"), own["region"] and own["region"]["code"]) == ("YT-FS-2025-067", "370611")
    assert own["body"].startswith("（测试样例文字）项目位于") and own["body"].endswith("配套服务能力。")


def test_a_teaser_then_the_full_text_a_stylesheet_hides_and_a_plans_caption_and_bracketed_box_titles():
    html = ("<html><head><title>t</title><style>.intro-full{display:none}</style></head><body><div class='main'>"
            "<h1>绵阳高新区电子信息产业园</h1><ul class='facts'><li>园区级别：国家级</li><li>规划面积：6.8平方公里</li>"
            "<li>主导产业：电子信息</li></ul><div class='box'><h3>【园区概况】</h3>"
            "<div class='intro-short'><p>（测试样例文字）园区地处高新区核心区，以新型显示和智能终端为主攻方向，配套设施已全面建成。</p>"
            "<a href='javascript:;'>展开全文</a></div><div class='intro-full'>"
            "<p>（测试样例文字）园区地处高新区核心区，以新型显示和智能终端为主攻方向，配套设施已全面建成。</p>"
            "<p>（测试样例文字）园区现有标准厂房42万平方米，可满足电子组装和检测企业的生产需求。</p>"
            "<p>（测试样例文字）园区与周边高校共建中试平台两个，可为企业提供样品检测和小批量试产服务。</p>"
            "<a href='javascript:;'>收起 ∧</a></div></div><h3>园区平面图</h3><div class='plan'><img src='/plan.jpg' alt='平面图'>"
            "<span class='cap'>图：园区功能分区示意</span></div></div>" + SIDE + "</body></html>")
    own = parse_page(html.encode(), "https://mianyang.example.cn/yuanqu/718.html").records[0]
    assert own["type"] == "park" and own["body"].split("\n") == [
        "（测试样例文字）园区地处高新区核心区，以新型显示和智能终端为主攻方向，配套设施已全面建成。",
        "（测试样例文字）园区现有标准厂房42万平方米，可满足电子组装和检测企业的生产需求。",
        "（测试样例文字）园区与周边高校共建中试平台两个，可为企业提供样品检测和小批量试产服务。"]


def test_a_documents_metadata_card_in_the_sidebar_and_a_summary_is_no_fact():
    html = ("<html><head><title>t</title></head><body><div class='row'><div class='col-lg-8'><article class='card'>"
            "<h1>邢台市信都区人民政府办公室关于印发《某专项资金管理办法》实施细则的通知</h1>"
            "<div class='summary'><b>摘要：</b>为规范专项资金管理，提高资金使用效益，制定本细则。</div>"
            "<div class='policy-text'><p>（测试样例文字）第一条 为规范专项资金管理，提高资金使用效益，制定本细则。</p>"
            "<p>（测试样例文字）第二条 本细则适用于区内工业企业技术改造项目的资金申报和使用。</p></div></article></div>"
            "<div class='col-lg-4'><div class='card'><div class='card-header'><h4>文件信息</h4></div><dl class='card-body'>"
            "<dt>发布单位</dt><dd>邢台市信都区人民政府办公室</dd><dt>文　　号</dt><dd>信区政办字［2025］9号</dd>"
            "<dt>成文时间</dt><dd>2025年9月28日</dd><dt>发布时间</dt><dd>2025年10月13日</dd></dl></div></div></div>"
            "</body></html>")
    own = parse_page(html.encode(), "https://xingtai.example.cn/zhengce/xindu/6120.html").records[0]
    assert (own["type"], own["issuer"], own["document_number"], own["published"]) == (
        "policy", "邢台市信都区人民政府办公室", "信区政办字［2025］9号", "2025-10-13")
    assert "摘要" not in own["fields"] and own["fields"]["成文时间"] == "2025年9月28日"


def test_a_badge_before_the_date_label_and_a_bookmark_link_in_the_headline():
    got = page("<h1>曲靖沾益工业园区<a class='fav' href='javascript:;'>+收藏</a></h1>"
               "<p class='sub'>在谈 发布日期：2025年10月21日</p>"
               "<table><tr><td class='t'>园区级别：</td><td>省级</td></tr><tr><td class='t'>规划面积：</td><td>12平方公里</td></tr>"
               "<tr><td class='t'>主导产业：</td><td>新材料</td></tr></table>"
               "<div class='txt'><p>（测试样例文字）园区位于沾益区西部，重点发展新材料和装备制造产业，已建成标准厂房20万平方米。</p>"
               "<p>（测试样例文字）园区已引进规模以上工业企业36家，2024年实现工业总产值约60亿元。</p></div>",
               "https://qujing.example.cn/yuanqu/3127.html")
    own = got.records[0]
    assert (own["title"], own["published"]) == ("曲靖沾益工业园区", "2025-10-21")
    assert "在谈" not in own["body"]


def test_a_call_to_action_inside_the_text_and_a_long_box_title_are_no_text():
    got = page("<h1>埇桥区高端纺织服装产业园配套项目</h1><table><tr><td class='k'>所属行业</td><td>纺织服装</td></tr>"
               "<tr><td class='k'>投资总额</td><td>6亿元</td></tr><tr><td class='k'>合作方式</td><td>独资</td></tr></table>"
               "<div class='xm-body'><h3>项目简介</h3><p>（测试样例文字）项目拟在产业园内建设印染废水集中处理、面料检测和仓储物流等配套设施。</p>"
               "<div class='ad-inline'>想了解园区最新入驻优惠？<a href='/lianxi/'>立即咨询</a>　专属顾问为您免费匹配厂房</div>"
               "<h3>合作方式及效益分析</h3><p>（测试样例文字）项目建成后预计年营业收入3亿元，可带动就业500余人。</p></div>",
               "https://suzhou.example.cn/index.php?m=content&c=index&a=show&catid=9&id=3301")
    assert got.records[0]["body"].split("\n") == [
        "（测试样例文字）项目拟在产业园内建设印染废水集中处理、面料检测和仓储物流等配套设施。",
        "（测试样例文字）项目建成后预计年营业收入3亿元，可带动就业500余人。"]


def test_the_sites_service_note_is_no_text_and_a_heading_ending_like_a_button_is():
    got = page("<h1>某区人民政府关于印发《某区促进楼宇经济发展若干措施》的通知</h1>"
               "<table><tr><th>发文机关</th><td>某区人民政府</td><th>发文字号</th><td>某政〔2025〕14号</td></tr>"
               "<tr><th>成文日期</th><td>2025-10-20</td><th>发布日期</th><td>2025-10-28</td></tr></table>"
               "<div class='con'><p>（测试样例文字）为盘活存量商务楼宇资源，提升楼宇经济产出效益，制定本措施。</p>"
               "<p><strong>一、支持企业入驻</strong></p><p>（测试样例文字）对新入驻重点楼宇的企业给予一定期限的租金补贴。</p></div>"
               "<div class='tip'>温馨提示：如需获取政策详细解读，请拨打招商服务热线 400-000-0000，或点击“立即咨询”留言。</div>",
               "https://xuchang.example.cn/zhengce/detail/4127.html")
    assert got.records[0]["body"].split("\n") == [
        "（测试样例文字）为盘活存量商务楼宇资源，提升楼宇经济产出效益，制定本措施。", "一、支持企业入驻",
        "（测试样例文字）对新入驻重点楼宇的企业给予一定期限的租金补贴。"]


def test_an_undated_park_takes_no_date_from_the_times_of_its_project_box():
    got = page("<h1>吉安电子信息产业园</h1><dl class='yq-info'><dt>所在地区</dt><dd>吉安-吉州区</dd><dt>园区级别</dt><dd>省级</dd>"
               "<dt>规划面积</dt><dd>8.6平方公里</dd><dt>主导产业</dt><dd>电子信息</dd></dl>"
               "<div class='yq-sec'><p>（测试样例文字）园区位于吉州区长塘镇，重点发展印制电路板、新型显示和智能终端产业。</p>"
               "<p>（测试样例文字）园区建有污水处理厂、变电站、人才公寓和职工服务中心，距吉安西站约12公里。</p></div>"
               "<div class='yq-xm'><h3>园区招商项目</h3><ul>"
               "<li><a href='/xiangmu/30518.html'>吉安电子信息产业园智能终端配套项目</a><time>2025-11-19</time></li>"
               "<li><a href='/xiangmu/30506.html'>长塘镇PCB产业链延伸招商项目</a><time>2025-11-12</time></li></ul></div>",
               "https://jian.example.cn/yuanqu/2207.html")
    own = got.records[0]
    assert (own["type"], own["published"]) == ("park", None)
    assert [r["published"] for r in got.records[1:3]] == ["2025-11-19", "2025-11-12"]


def test_a_text_over_small_titled_boxes_beats_the_footers_sentences():
    boxes = "".join(f"<div class='blk'><h3>{t}</h3>" + "".join(f"<p>（测试样例文字）{p}</p>" for p in ps) + "</div>" for t, ps in [
        ("项目简介", ["项目拟新建高端铜基新材料生产线，主要产品为高强高导铜合金带材和精密铜箔。", "项目建设期两年，分两期实施。"]),
        ("建设条件", ["项目选址于经济开发区铜基新材料产业园，水、电、气、路等基础设施配套齐全。"]),
        ("市场前景", ["新能源汽车、5G通信等领域对高端铜材需求旺盛，产品市场空间广阔。"])])
    html = ("<html><head><title>t</title></head><body><div class='main'><h1>义安区年产5万吨高端铜基新材料项目</h1>"
            "<table class='xm-facts'><tr><th>所属行业</th><td>有色金属新材料</td></tr><tr><th>投资总额</th><td>3.2亿元</td></tr>"
            f"<tr><th>合作方式</th><td>独资/合资</td></tr></table><div class='xm-body'>{boxes}</div></div>"
            "<div class='footer'><div class='w1200'><p><a href='/about/'>关于我们</a> | <a href='/about/contact.html'>联系我们</a> | "
            "<a href='/sitemap.html'>网站地图</a></p><p>服务热线：400-800-0000　工作时间：周一至周五 9:00-18:00</p>"
            "<p>本站信息仅供参考，投资有风险，合作需谨慎。转载请注明出处。</p>"
            "<p>Copyright © 2012-2025 tongling.example.cn All Rights Reserved　<a href='https://beian.miit.gov.cn/'>"
            "京ICP备00000000号-2</a>　京公网安备 11010502000000号</p>"
            "</div></div></body></html>")
    own = parse_page(html.encode(), "https://tongling.example.cn/xiangmu/7731.html").records[0]
    assert own["type"] == "project" and own["body"].startswith("（测试样例文字）项目拟新建") and "本站信息" not in own["body"]


def test_the_pages_counter_and_font_size_bar_is_no_text():
    got = page("<h1>铜官区铜箔精深加工项目</h1><div class='meta'><span>浏览次数：<em>--</em></span><span>字号："
               "<a href='javascript:;'>大</a> <a href='javascript:;'>中</a> <a href='javascript:;'>小</a> "
               "<a href='javascript:window.print()'>【打印】</a></span></div>"
               "<table><tr><th>所属行业：</th><td>有色金属加工</td><th>投资总额：</th><td>8.6亿元</td></tr></table>"
               "<p>（测试样例文字）项目拟建设铜箔生产线，配套建设研发检测中心。</p>",
               "https://tongling.example.cn/project/detail/5821.html")
    own = got.records[0]
    assert own["type"] == "project"
    assert own["body"] == "（测试样例文字）项目拟建设铜箔生产线，配套建设研发检测中心。"


def test_a_text_in_small_titled_boxes_beats_a_copyright_box_of_any_class():
    parts = "".join(f"<div class='part'><h3>{t}</h3><p>（测试样例文字）{p}</p></div>" for t, p in [
        ("园区简介", "园区位于嘉陵区东部，是南充市重点打造的丝纺服装特色产业集聚区，已形成缫丝、织造、印染、成衣制造较为完整的产业链。"
                     "园区现有规上企业48家，建有纺织服装检测中心和设计研发中心。"),
        ("区位交通", "园区距南充北站约15公里，距南充高坪机场约20公里，兰海高速、南大梁高速在周边设有出入口。"),
        ("配套设施", "园区内建有人才公寓、职工食堂、污水处理厂和集中供热设施，水、电、气、通信等要素保障充足。")])
    html = ("<html><head><title>t</title></head><body><div class='main'><h1>嘉陵区丝纺服装产业园</h1>"
            "<dl><dt>园区级别</dt><dd>省级</dd><dt>规划面积</dt><dd>12.5平方公里</dd><dt>主导产业</dt><dd>丝纺服装</dd></dl>"
            f"<div class='yq-body'>{parts}</div></div><div class='czs-copy'><p><a href='/about/'>关于我们</a> | "
            "<a href='/about/contact.html'>联系我们</a></p><p>Copyright © 2012-2025 川招商 chuanzhaoshang.com All Rights Reserved. "
            "版权所有</p><p>服务热线：400-000-0000（工作日 9:00-18:00） 邮箱：service@example.com</p><p>蜀ICP备00000000号-1 "
            "公网安备 00000000000000号</p></div></body></html>")
    own = parse_page(html.encode(), "https://nanchong.example.com/yuanqu/2207.html").records[0]
    assert own["type"] == "park" and own["body"].startswith("（测试样例文字）园区位于") and "Copyright" not in own["body"]


def test_the_sites_hotline_under_the_text_is_no_fact():
    got = page("<h1>宁国市汽车零部件精密铸造产业园建设项目</h1><table><tr><th>所属行业</th><td>汽车零部件</td>"
               "<th>投资总额（万元）</th><td>58000</td></tr><tr><th>合作方式</th><td>独资、合资</td><th>联系人</th><td>程先生</td></tr></table>"
               "<div class='txt'><p>（测试样例文字）项目拟建设标准化厂房约18万平方米，分两期实施。</p></div>"
               "<div class='foot'><p>责任编辑：程晓</p><p>招商服务热线：400-000-0563（工作日 9:00-17:30）</p>"
               "<p>项目咨询电话：0563-4021234</p></div>",
               "https://xuancheng.example.cn/project/5126.html")
    fields = got.records[0]["fields"]
    assert "招商服务热线" not in fields and "责任编辑" not in fields
    assert fields["所属行业"] == "汽车零部件" and fields["联系人"] == "程先生"


def test_a_fact_the_page_leaves_blank_is_null():
    got = page("<h1>长葛大周再生金属产业园</h1><ul class='facts'><li><span>园区级别：</span><span>省级</span></li>"
               "<li><span>规划面积：</span><span>12.6平方公里</span></li><li><span>入驻企业：</span><span>暂无</span></li>"
               "<li><span>联系人：</span><span>--</span></li></ul><div class='txt'><p>（测试样例文字）园区位于长葛市大周镇，以再生金属回收加工为主导。</p>"
               "<p>（本文由豫招商网整理，转载请注明出处。）</p></div>",
               "https://xuchang.example.cn/yuanqu/2211.html")
    own = got.records[0]
    assert own["fields"] == {"园区级别": "省级", "规划面积": "12.6平方公里", "入驻企业": None, "联系人": None}
    assert own["body"] == "（测试样例文字）园区位于长葛市大周镇，以再生金属回收加工为主导。"



def test_an_undated_service_page_in_prose_is_no_article():
    intro = "".join(f"<p>（测试样例文字）{t}</p>" for t in [
        "为更好服务港澳投资者，本窗口提供政策咨询、项目对接、商事登记代办、跨境资金结算指引等一站式服务，欢迎港澳企业来防城港投资兴业。",
        "窗口工作人员熟悉内地与港澳两地营商规则，可协助投资者了解土地、税收、人才、金融等方面的优惠政策，并全程跟踪项目落地。",
        "投资者可通过电话预约、线上留言或现场来访等方式办理相关业务，窗口将在两个工作日内与投资者取得联系并安排专人对接。",
        "窗口还定期举办港澳投资政策宣讲会和项目推介会，邀请港澳商协会、专业服务机构和本地企业参加，搭建交流合作平台。",
        "对已落地的港澳投资项目，窗口建立服务专员制度，协调解决项目建设和生产经营中遇到的困难和问题，营造良好投资环境。"])
    got = page(f"<h1>港澳投资者服务窗口</h1><div class='intro'>{intro}</div>", "https://fcg.example.cn/gangao/fuwu.html")
    assert got.kind == "other" and [r["type"] for r in got.records] == ["project", "project", "project"]


def test_a_question_and_its_answer_and_a_card_for_another_page_are_no_facts():
    side = ("<section><h2>投资问答</h2><dl><dt>问：外地企业来投资需要办理哪些手续？</dt>"
            "<dd>答：一般需要完成项目备案、用地或厂房落实、环评能评、工商注册等环节。</dd></dl></section>"
            "<section><h2>招商活动</h2><ul><li><a href='/huodong/900.html'><div class='t'>秦巴生态产业招商推介会</div>"
            "<div class='m'><span>举办地：西安</span></div></a></li></ul></section>")
    html = ("<html><head><title>达川区天然气精细化工下游产品招商项目</title></head><body>"
            "<div class='card'><h1>达川区天然气精细化工下游产品招商项目</h1>"
            "<span class='badge'>天然气化工</span><div class='meta'>发布时间：2025-12-06 11:20</div>"
            "<table><tr><th>项目编号</th><td>DZ-DC-2025-031</td></tr><tr><th>所属行业</th><td>天然气化工</td></tr>"
            "<tr><th>投资总额</th><td>18亿元</td></tr></table></div>"
            "<div class='card'><div class='txt'><p>（测试样例文字）项目拟依托达川区天然气资源和现有甲醇装置，建设天然气精细化工下游产品生产基地。</p>"
            "<p>（测试样例文字）项目分两期建设，一期投资约8亿元，建设年产10万吨醋酸酯类溶剂装置。</p></div></div>"
            f"{side}</body></html>")
    project = parse_page(html.encode(), "https://m.example.cn/xiangmu/detail/60219.html").records[0]
    assert project["type"] == "project"
    assert project["fields"] == {"发布时间": "2025-12-06 11:20", "项目编号": "DZ-DC-2025-031", "所属行业": "天然气化工",
                                 "投资总额": "18亿元"}


def test_a_row_of_badges_under_the_headline_is_the_articles_tags():
    article = parse_page(("<html><head><title>武进区智能制造装备产业园二期项目开工</title></head><body><div class='card'>"
                          "<h1>武进区智能制造装备产业园二期项目开工</h1><div class='meta'><span>2025-10-21 15:08</span>"
                          "<span>来源：武进区融媒体中心</span></div><div class='mt-3'><span class='badge rounded-pill'>智能制造</span>"
                          "<span class='badge rounded-pill'>重大项目</span></div><div class='content'>"
                          "<p>（测试样例文字）10月20日上午，武进区智能制造装备产业园二期项目举行集中开工仪式，总投资45亿元。</p>"
                          "<p>（测试样例文字）二期项目规划建设标准厂房、研发中试楼和公共服务平台，预计2027年建成投产。</p>"
                          "</div></div></body></html>").encode(), "https://www.example.cn/news/2025/1021/8812.html").records[0]
    assert article["type"] == "article" and article["tags"] == ["智能制造", "重大项目"]


def test_a_parks_facts_in_a_card_of_the_sidebar_when_the_page_shows_them_nowhere_else():
    card = "".join(f"<dl><dt>{k}</dt><dd>{v}</dd></dl>" for k, v in [
        ("所在地区", "河北-沧州-黄骅市"), ("园区级别", "省级"), ("园区类型", "汽车及零部件"), ("规划面积", "12.6平方公里"),
        ("入驻企业", "132家")])
    html = ("<html><head><title>黄骅市汽车零部件产业园</title></head><body><div class='main'><h1>黄骅市汽车零部件产业园</h1>"
            "<div class='blk'><h3>园区介绍</h3><p>（测试样例文字）黄骅市汽车零部件产业园是黄骅经济开发区的核心片区，园区以整车配套为牵引，重点发展车身冲压件和汽车电子。</p>"
            "<h3>区位交通</h3><p>园区距黄骅港约25公里，距石黄高速出入口约8公里，朔黄铁路、邯黄铁路在周边设有货运站。</p></div></div>"
            f"<div class='side'><div class='card'><h3>园区档案</h3>{card}</div></div></body></html>")
    park = parse_page(html.encode(), "https://cangzhou.example.cn/yuanqu/7742.html").records[0]
    assert park["type"] == "park" and park["region"]["code"] == "130983"
    assert park["fields"] == {"所在地区": "河北-沧州-黄骅市", "园区级别": "省级", "园区类型": "汽车及零部件", "规划面积": "12.6平方公里",
                              "入驻企业": "132家"}


def test_a_text_in_small_titled_boxes_beats_a_footer_of_its_own_make():
    boxes = [("项目概况", "（测试样例文字）项目拟建设高端粉末冶金零部件生产线6条，主要产品为汽车变速箱同步器齿毂、发动机链轮等精密零件。"),
             ("市场前景", "（测试样例文字）国内新能源汽车和工程机械对高精度粉末冶金零件需求持续增长，项目产品市场前景良好。"),
             ("效益分析", "（测试样例文字）项目达产后预计年销售收入6亿元，年纳税约3000万元，可带动就业300人左右。")]
    footer = ("<div class='lw-foot'><div class='wrap'><p><a href='/about/'>关于我们</a>|<a href='/about/contact.html'>联系我们</a></p>"
              "<p>免责声明：本站所载招商项目、园区载体及政策信息来源于各地招商部门、园区运营机构公开资料及合作伙伴提供，仅供投资者参考，"
              "具体以当地主管部门最新发布为准。本站不对因使用上述信息造成的任何损失承担责任。如发现信息有误或涉及侵权，请通过联系我们页面提交。</p>"
              "<p>服务承诺：招商顾问均经过岗位培训，为投资企业提供免费选址咨询、载体匹配、实地考察陪同和落地手续协助，不收取企业任何费用。</p>"
              "<p>Copyright © 2012-2025 济南招商项目网 版权所有</p></div></div>")
    html = ("<html><head><title>莱芜区高端粉末冶金零部件生产线项目</title></head><body><div class='card'>"
            "<h1>莱芜区高端粉末冶金零部件生产线项目</h1><table><tr><th>所在地区：</th><td>山东-莱芜区</td><th>所属行业：</th><td>新材料</td></tr>"
            "<tr><th>投资总额(万元)：</th><td>80000</td><th>合作方式：</th><td>合资</td></tr></table>"
            + "".join(f"<h4>{h}</h4><div class='txt'><p>{t}</p></div>" for h, t in boxes) + f"</div>{footer}</body></html>")
    project = parse_page(html.encode(), "https://jinan.example.cn/xm/6627.html").records[0]
    assert project["type"] == "project" and project["body"].split("\n") == [t for _, t in boxes]


def test_a_level_badge_run_into_the_hit_counter_is_no_fact():
    html = ("<html><head><title>嘉兴秀洲智能光伏产业园</title></head><body><div class='park-head'><h1>嘉兴秀洲智能光伏产业园</h1>"
            "<span class='lv'>省级</span><span class='views'>浏览：<i id='pv'>--</i>次</span></div>"
            "<ul class='facts'><li><b>所在地区：</b>浙江-嘉兴-秀洲区</li><li><b>园区级别：</b>省级</li><li><b>规划面积：</b>3.2平方公里</li>"
            "<li><b>主导产业：</b>光伏组件、储能</li></ul><div class='txt'><p>（测试样例文字）嘉兴秀洲智能光伏产业园位于秀洲高新区，"
            "重点发展光伏组件、逆变器和储能系统，已集聚上下游企业30余家。</p></div></body></html>")
    park = parse_page(html.encode(), "https://jiaxing.example.cn/park/1187.html").records[0]
    assert park["type"] == "park" and "省级浏览" not in park["fields"] and park["fields"]["园区级别"] == "省级"

