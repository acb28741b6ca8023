"""Which lines of an article's box are its text: credits, download lines,
linked names inside sentences and related rows beside the text (small
synthetic pages written from real templates; expectations from the markup)."""
from __future__ import annotations

import pytest

from scraper.extract import parse_page
from scraper.extract.vocab import BOILERPLATE_LINE_RE


@pytest.mark.parametrize("line, chrome", [
    ("（文/刘晓燕 图/孙浩 审核：王志刚）", True),
    ("（文/机械工程学院 党委宣传部 图/受访者提供 审核/王海涛）", True),
    ("（齐鲁晚报·齐鲁壹点 记者 周晓晨）", True),
    ("（供稿：材料科学与工程学院 摄影：张文博 编辑：宋佳 审核：周建国）", True),
    ("附件：2025年度专项资金申报表.docx", True),
    ("附件下载", True),
    ("□本报记者 何思远 文/图", True),
    ("（文/图：商会秘书处 林静）", True),
    ("（供稿：招商三科）", True),
    ("通讯员：陆家豪 张莉", True),
    ("（协会废钢铁分会 信息统计部）", True),
    ("本文来源：盖世汽车 作者：孙晓岚", True),
    ("本文地址：https://auto.example.com/news/2025/11/24/442015.shtml", True),
    ("共2页：上一页 1 2 下一页", True),
    ("上一页 1 2 3 下一页 尾页", True),
    ("【潍坊园区招商网】专业提供潍坊厂房出租、土地出让、园区入驻信息，选址咨询请拨打400-000-0000。", True),
    ("【桂林招商政策网】为您提供最新政策原文及解读，欢迎收藏本站。", True),
    ("【新华网】记者从国家发展改革委获悉，今年前三季度全国新开工项目同比增长。", False),
    ("农民日报·中国农网记者 郑海涛 吴雨桐", True),
    ("【全文】", True),
    ("（图片由项目建设指挥部提供）", True),
    ("洛阳日报记者 李卫国 摄", True),
    ("每经记者：王嘉宁 每经编辑：张海波", True),
    ("（未完，请看下一页）", True),
    ("未完待续", True),
    ("更多孝感园区厂房信息，请拨打招商热线400-071-2233，或点击右侧“在线咨询”获取一对一选址服务。", True),
    ("如有疑问，请拨打12345政务服务便民热线咨询。", False),
    ("文字：李思琪 赵一鸣", True),
    ("图片：校记者团 陈浩然 黄雨桐 杨帆", True),
    ("资料图 图/视觉湖南", True),
    ("广告", True),
    ("图片：运动员在比赛中奋力冲刺。", False),
    ("[包头市九原区招商动态] 由[北疆招商网(www.bjzs.example.com)]小编精心整理分享，希望对您有所帮助。", True),
    ("【揭阳产业园区】本文由南粤投资网编辑整理发布，转载请注明出处。", True),
    ("分享 收藏 点赞 在看", True),
    ("由市小编协会主办的写作培训班近日开班，来自全市的120名新闻宣传骨干参加培训。", False),
    ("视频：溪口村今昔对比 ｜ 浙江新闻客户端记者 沈佳怡 拍摄 剪辑", True),
    ("视频：记者现场直击，村民们纷纷走出家门观看演出。", False),
    ("附件：南平市既有住宅加装电梯财政补助标准", False),  # the document's own attachment line
    ("（一）图书馆、文化馆全年免费开放，审核通过后可预约。", False),
    ("记者从市商务局获悉，今年前三季度全市实际使用外资同比增长12%。", False),
    ("一审：王璐璐", True),
    ("三审：何建平", True),
    ("（集团公司融媒体中心 邓文博 文 龚晓 图）", True),
    ("（本报记者 李明 文 王芳 摄）", True),
    ("（一）加快推进 文化", False),
    ("一审判决后，被告人提出上诉。", False),
    ("资料图：图/视觉中国", True),
    ("组图 1/3", True),
    ("01/ 08", True),
    ("张 明摄（新华社发）", True),
    ("荆州招商APP打开APP，查看全部签约项目清单", True),
    ("立即打开", True),
    ("APP用户可查看中试平台实时空置车间去APP看看", True),
    ("市民可通过“宜昌发布”APP查询全市停车位实时信息。", False),
    ("本站服务热线：400-860-0000（工作日 9:00-17:30），对接项目请注明项目编号。", True),
    ("融媒体记者 孙晓雪 通讯员 彭 程", True),
    ("记者从市发展改革委获悉，全市重点项目完成投资进度过半。", False),
    ("张明摄影作品展在市美术馆开幕", False),
    ("资料图：新建成的标准厂房。", False),
])
def test_credit_and_download_lines_are_told_from_text(line, chrome):
    assert bool(BOILERPLATE_LINE_RE.match(line)) is chrome


PARAS = ["11月26日晚间，<a href='http://quote.example.com/r/0.300750'>宁德时代</a>（300750）发布公告称，公司拟在匈牙利投资建设电池基地二期项目，总投资不超过52亿欧元。",
         "公告显示，该项目将主要生产磷酸铁锂及三元电池产品，配套建设电芯、模组及电池包生产线，产品主要供应欧洲整车客户。",
         "当日锂电池板块整体走强，<a href='http://quote.example.com/r/0.300014'>亿纬锂能</a>（300014）、<a href='http://quote.example.com/r/0.002074'>国轩高科</a>（002074）涨幅均超过3%。",
         "分析人士表示，欧洲电动车市场渗透率正在回升，国内电池龙头加快海外建厂是大势所趋，后续需关注项目推进节奏。"]


def test_names_linked_inside_sentences_are_text_not_a_list():
    html = ("<html><head><title>宁德时代拟扩建匈牙利基地</title></head><body><div class='main'><h1>宁德时代拟扩建匈牙利基地</h1>"
            "<div class='infos'>2025年11月26日 21:43 来源：某经济新闻</div><div id='ContentBody'>"
            + "".join(f"<p>{p}</p>" for p in PARAS) + "</div></div></body></html>")
    page = parse_page(html.encode(), "http://finance.example.com/a/202511263571234567.html")
    assert [r["type"] for r in page.records] == ["article"]
    assert page.records[0]["body"].split("\n") == [
        "11月26日晚间，宁德时代（300750）发布公告称，公司拟在匈牙利投资建设电池基地二期项目，总投资不超过52亿欧元。",
        "公告显示，该项目将主要生产磷酸铁锂及三元电池产品，配套建设电芯、模组及电池包生产线，产品主要供应欧洲整车客户。",
        "当日锂电池板块整体走强，亿纬锂能（300014）、国轩高科（002074）涨幅均超过3%。",
        "分析人士表示，欧洲电动车市场渗透率正在回升，国内电池龙头加快海外建厂是大势所趋，后续需关注项目推进节奏。"]


def test_a_layout_table_holding_the_text_and_its_related_rows_keeps_the_text():
    related = "".join(f"<tr><td>· <a href='../../2025-11/2{i}/content_20251110{i}.htm'>兰州相关新闻标题第{i}条</a> "
                      f"<span>2025-11-2{i}</span></td></tr>" for i in range(1, 7))
    html = ("<html><head><title>兰州日报</title></head><body><table><tr><td>"
            "<table><tr><td align='center'>做强链条 拓展市场</td></tr>"
            "<tr><td><h1>兰州牛肉拉面产业链前10月产值约168亿元</h1></td></tr><tr><td>2025年11月28日 来源：兰州日报</td></tr>"
            "<tr><td><div id='ozoom'>"
            "<P>　　本报讯（记者 杨丽娜）11月27日，记者从兰州市商务局获悉，今年1至10月，兰州牛肉拉面产业链实现总产值约168亿元，同比增长11.4%。"
            "全市现有牛肉拉面经营门店4800余家，带动从业人员6.5万人，产业链条持续延伸，品牌影响力不断提升。</P>"
            "<P>　　兰州市商务局相关负责人表示，下一步将围绕标准化、品牌化、数字化方向，持续完善兰州牛肉拉面标准体系，支持龙头企业做大做强，"
            "培育一批年营业额超亿元的连锁品牌，推动产业高质量发展。</P></div></td></tr>"
            "<tr><td><strong>相关文章</strong></td></tr>" + related + "</table></td></tr></table></body></html>")
    page = parse_page(html.encode(), "http://lzrb.example.com.cn/html/2025-11/28/content_20251128044.htm")
    assert page.kind == "article"
    body = page.records[0]["body"].split("\n")
    assert len(body) == 2 and body[0].startswith("本报讯（记者 杨丽娜）") and "相关文章" not in page.records[0]["body"] and "新闻标题" not in page.records[0]["body"]


def test_dated_links_among_short_paragraphs_leave_the_paragraphs_in_the_text():
    paras = ["（测试样例文字）今年以来，全市围绕先进制造业集群建设，累计签约重点项目86个，总投资突破千亿元。",
             "（测试样例文字）市投资促进局负责人介绍，新签约项目中制造业项目占比超过七成，平均单体投资额同比提高。",
             "（测试样例文字）下一步，全市将聚焦产业链关键环节开展精准招商，推动签约项目早开工、早投产。"]
    html = ("<html><head><title>全市重点项目签约总投资突破千亿元</title></head><body><div class='main'>"
            "<h1>全市重点项目签约总投资突破千亿元</h1><div class='info'>2025-11-28 09:30 来源：市投资促进局</div><div class='con'>"
            f"<p>{paras[0]}</p><p>相关阅读：<a href='/news/2025/1120/8812.html'>前三季度全市实际使用外资增长12%</a> 2025-11-20</p>"
            f"<p>{paras[1]}</p><p>相关阅读：<a href='/news/2025/1112/8790.html'>市投资促进局赴长三角开展专题招商</a> 2025-11-12</p>"
            f"<p>{paras[2]}</p></div></div></body></html>")
    page = parse_page(html.encode(), "https://www.example.gov.cn/news/2025/1128/8830.html")
    assert page.kind == "article"
    assert page.records[0]["body"].split("\n") == paras


def test_a_short_dated_and_credited_news_flash_beside_a_long_hot_list_is_an_article():
    hot = "".join(f"<li><a href='/news/2025/1128/{8800 + i}.html'>热点新闻标题第{i}条内容概要</a><span>2025-11-28</span></li>"
                  for i in range(12))
    flash = "（测试样例文字）记者从市统计局获悉，前10月全市规模以上工业增加值同比增长7.8%，增速比前三季度加快0.3个百分点。"
    html = ("<html><head><title>前10月全市规上工业增加值增长7.8%</title></head><body><div class='main'>"
            "<h1>前10月全市规上工业增加值增长7.8%</h1><div class='info'>2025-11-28 10:05 来源：市统计局</div>"
            f"<div class='con'><p>{flash}</p></div></div><div class='side'><h3>热点排行</h3><ul>{hot}</ul></div></body></html>")
    page = parse_page(html.encode(), "https://www.example.gov.cn/news/2025/1128/8830.html")
    assert page.kind == "article" and page.records[0]["body"] == flash


def test_a_short_news_item_over_a_comment_box_is_an_article():
    flash = "（测试样例文字）记者从市交通运输局获悉，市区至机场快线将于12月1日起加密班次，高峰时段发车间隔缩短至10分钟。"
    html = ("<html><head><title>机场快线12月起加密班次</title></head><body><div class='main'>"
            "<h1>机场快线12月起加密班次</h1><div class='info'>2025-11-28 10:05 来源：市交通运输局</div>"
            f"<div class='con'><p>{flash}</p></div><form class='comment' action='/comment/post'><input type='text' name='nick'>"
            "<input type='text' name='captcha'><textarea name='content'></textarea><button>发表评论</button></form></div></body></html>")
    page = parse_page(html.encode(), "https://www.example.com.cn/news/2025/1128/8831.html")
    assert page.kind == "article" and page.records[0]["body"] == flash


def test_readers_comments_beside_the_text_are_not_more_of_it():
    paras = ["（测试样例文字）眼下正值冬播关键期，在郧西县观音镇的田野里，旋耕机、播种机来回穿梭，农户们抢抓晴好天气播种冬小麦。",
             "（测试样例文字）县农业农村局组织32名农技人员组成8个技术服务小分队，分片包干深入田间地头开展现场指导。",
             "（测试样例文字）截至11月15日，全县已完成冬小麦播种23.2万亩，占计划任务的96%。"]
    comments = "".join(f"<div class='cm-item'><span>{user}</span><p>{said}</p><span>2025-11-15 2{i}:11</span></div>" for i, (user, said) in enumerate([
        ("观音镇老曹", "今年机播确实快，农技员天天在田里，给力！"), ("郧西小伙", "家乡越来越好，期待明年丰收。"),
        ("向阳花", "香口乡的麦子也种完了，点赞农机服务队。")]))
    html = ("<html><head><title>郧西：23万亩冬小麦完成播种</title></head><body><div class='article'>"
            "<h1>郧西：23万亩冬小麦完成播种</h1><div class='meta'>来源：云上郧西 2025-11-15 18:24</div>"
            "<div class='content'>" + "".join(f"<p>{p}</p>" for p in paras) + "</div>"
            f"<div class='area'><div class='t'>评论 <span>(3)</span></div><div>写评论...</div>{comments}</div></div></body></html>")
    page = parse_page(html.encode(), "https://www.example.com.cn/content/2025/11/15/8841.html")
    assert page.kind == "article" and page.records[0]["body"].split("\n") == paras


def test_a_comment_box_counting_its_comments_is_not_more_of_the_text():
    paras = ["（测试样例文字）10月19日，随着最后一片钢箱梁精准落位，连接琼澜湾与东屿岛的东屿跨海大桥主桥实现合龙。",
             "（测试样例文字）大桥全长约3.2公里，主桥为双塔斜拉桥，主跨460米，设计速度每小时80公里。",
             "（测试样例文字）大桥通车后，将进一步完善区域路网结构，带动东屿岛旅游开发和临港产业发展。"]
    said = ["终于要合龙了，期待明年通车，回老家再也不用绕路了。", "建设者们辛苦了！台风季还在海上干活不容易。",
            "红树林补植这个做得好，发展和保护两不误。"]
    comments = "".join(f"<div class='cmt-item'><span>网友{i}</span><span>2025-10-20 09:0{i}</span><p>{s}</p>"
                       f"<div><a href='javascript:;'>回复</a> <a href='javascript:;'>赞({i})</a></div></div>" for i, s in enumerate(said))
    html = ("<html><head><title>东屿跨海大桥主桥合龙</title></head><body><div class='main'>"
            "<h1>东屿跨海大桥主桥合龙</h1><div class='info'>2025-10-20 09:16 来源：南海网</div>"
            "<div id='content'>" + "".join(f"<p>{p}</p>" for p in paras) + "</div>"
            "<div class='comment'><h3>网友评论</h3><textarea></textarea><p><button>发表评论</button></p>"
            f"<p>已有 <b>3</b> 条评论，共 <b>163</b> 人参与</p>{comments}</div></div></body></html>")
    page = parse_page(html.encode(), "https://www.example.com.cn/news/system/2025/10/20/3314.html")
    assert page.kind == "article" and page.records[0]["body"].split("\n") == paras


def test_a_documents_own_linked_attachment_lines_are_its_text():
    doc = ["各县（市、区）自然资源局，市局各科室、直属单位：",
           "为切实做好2025年全市地质灾害防治工作，最大限度减少地质灾害造成的人员伤亡和财产损失，现就有关事项通知如下。",
           "请各县（市、区）自然资源局于每月5日前将上月工作进展情况报送市局。"]
    html = ("<html><head><title>关于做好2025年地质灾害防治工作的通知</title></head><body><div class='main'>"
            "<h1>关于做好2025年地质灾害防治工作的通知</h1><div class='info'>发布日期：2025-03-18 来源：市自然资源和规划局</div>"
            "<div id='zoom'>" + "".join(f"<p>{p}</p>" for p in doc) +
            "<p>附件：<a href='./P020250318512346789012.xlsx'>1.2025年临江市地质灾害隐患点分布一览表</a></p>"
            "<p><a href='./P020250318512346789013.docx'>2.地质灾害防治工作进展情况统计表</a></p>"
            "<p style='text-align:right'>临江市自然资源和规划局</p></div>"
            "<div class='share'><a href='#'>微信</a><a href='#'>微博</a><a href='#'>QQ空间</a><a href='#'>打印本页</a></div>"
            "</div></body></html>")
    body = parse_page(html.encode(), "https://www.example.gov.cn/zwgk/2025/0318/9912.html").records[0]["body"].split("\n")
    assert body == doc + ["附件：1.2025年临江市地质灾害隐患点分布一览表", "2.地质灾害防治工作进展情况统计表", "临江市自然资源和规划局"]


def test_an_interviews_questions_a_texts_points_and_a_pasted_post_list():
    qa = ["今年是我省科技小院建设三年行动的收官之年，全省已建成科技小院186个。",
          "记者：科技小院这个名字很接地气。它和过去常说的科技下乡有什么不同？",
          "邵立新：最大的不同在于住下来。研究生一年至少有120天吃住在村里，发现问题当场研究。",
          "记者：下一步有哪些新打算？",
          "邵立新：我们将推动科技小院向更多特色产业延伸，让更多成果留在田间地头。"]
    points = ["信贷增量目标：2025年全省民营企业贷款新增不低于4000亿元，普惠小微贷款增速不低于各项贷款平均增速。",
              "降成本：推动新发放普惠小微企业贷款平均利率较上年下降0.2个百分点以上。",
              "首贷和续贷：开展首贷户拓展专项行动，年内新增首贷户3万户以上。"]
    html = ("<html><head><title>科技小院把论文写在大地上</title></head><body><div class='main'><h1>科技小院把论文写在大地上</h1>"
            "<div class='info'>2025-06-16 20:41 来源：江淮日报 作者：顾晓楠</div><div class='content'>"
            + "".join(f"<p>{'<strong>' + p + '</strong>' if p.startswith('记者') else p}</p>" for p in qa)
            + "<ul class='points'>" + "".join(f"<li>{p}</li>" for p in points) + "</ul>"
            "<section><p>往期推荐</p><p><span>▶ 城区新增5处口袋公园</span></p><p><span>▶ 共享单车停放区域再扩容</span></p></section>"
            "<section><p>分享 收藏 点赞 在看</p></section></div></div></body></html>")
    own = parse_page(html.encode(), "https://www.example.com.cn/news/2025/0616/7731.html").records[0]
    assert own["body"].split("\n") == qa + points
    assert (own["author"], own["source"]) == ("顾晓楠", "江淮日报")


def test_a_short_article_under_its_headline_beats_a_longer_news_feed_beside_it():
    paras = ["（测试样例文字）11月19日晚间，华锂新能公告称，公司拟以自有资金通过集中竞价方式回购股份，回购金额2亿元至4亿元。",
             "（测试样例文字）按回购价格上限测算，本次回购股份数量约为416.67万股至833.33万股，约占公司总股本的0.98%至1.96%。",
             "（测试样例文字）这是公司今年以来第二次推出回购方案，今年4月公司曾以1.5亿元完成首期回购。"]
    feed = "".join(f"<div class='tele-item'><span>16:{50 - i:02d}</span>【快讯标题第{i}条 相关工作有序推进】据有关方面消息，"
                   f"第{i}项工作已经完成阶段性目标，后续将持续推进落实。</div>" for i in range(4))
    html = ("<html><head><title>华锂新能拟回购股份</title></head><body><div class='wrap'><div class='detail'>"
            "<h1>华锂新能拟2亿至4亿元回购股份</h1><div class='info'>2025-11-20 09:12 来源：新观察财经</div>"
            "<div class='content'>" + "".join(f"<p>{p}</p>" for p in paras) + "</div></div>"
            f"<div class='side'><div class='tele'><h3>7×24小时电报</h3>{feed}</div></div></div></body></html>")
    own = parse_page(html.encode(), "https://www.example.com.cn/a/202511203571.html").records[0]
    assert own["body"].split("\n") == paras


def test_an_advert_line_ending_in_arrows_and_a_pager_line_are_not_text():
    paras = ["（测试样例文字）今年以来文登区围绕海洋食品精深加工产业链开展专业化招商，新引进亿元以上项目12个。",
             "（测试样例文字）下一步，文登区将继续做强海洋食品产业集群，推动签约项目早落地、早投产。"]
    html = ("<html><head><title>文登区海洋食品产业集群加速成势</title></head><body><div class='main'>"
            "<h1>文登区海洋食品产业集群加速成势</h1><div class='info'>2025-11-12 09:30:15 来源：文登区投资促进中心</div>"
            f"<div class='con'><p>{paras[0]}</p><p>想在文登投资建厂？厂房、土地、政策一站式匹配，点击立即咨询>></p>"
            f"<p>{paras[1]}</p><p>共2页：上一页 1 2 下一页</p></div></div></body></html>")
    own = parse_page(html.encode(), "https://weihai.example.com/news/2025/1112/6612.html").records[0]
    assert own["body"].split("\n") == paras


def _article(inner: str, url: str = "https://www.example.com.cn/news/2025/0812/5521.html") -> list[str]:
    html = f"<html><head><title>专访</title></head><body><div class='main'>{inner}</div></body></html>"
    page = parse_page(html.encode(), url)
    assert page.kind == "article"
    return page.records[0]["body"].split("\n")


_QA = ["问：今年入汛以来，我省经历了多轮强降雨过程。防汛工作总体情况怎样？",
       "答：今年我省入汛早、雨量集中，我们坚持“预”字当先、“实”字托底，提前预置抢险队伍312支、物资1.6亿元，实现了人员零伤亡。（测试样例文字）",
       "问：农村饮水安全关系千家万户。下一步如何让农村群众从“有水喝”到“喝好水”？",
       "答：核心是推进城乡供水一体化和规模化，优先把城市管网向周边乡镇延伸，确实延伸不了的，就建设千吨万人以上的规模化水厂。（测试样例文字）"]


def test_a_lead_paragraph_in_a_box_of_its_own_and_the_picture_under_it_open_the_text():
    lead = "（测试样例文字）今年以来，我省持续推进水网建设和农村供水保障，全省农村自来水普及率达到96.8%。日前，本报记者专访了省水利厅厅长周明远。"
    body = _article("<h1>专访省水利厅厅长周明远：让每一滴水都用在刀刃上</h1>"
                    "<div class='info'><span>2025-08-12 07:35</span><span>来源：湘江日报</span></div>"
                    f"<div class='lead-box'><p>{lead}</p></div>"
                    "<div class='pic'><img src='/a.jpg'><p>周明远在犬木塘水库建设工地调研。</p></div>"
                    "<div class='content'>" + "".join(f"<p>{p}</p>" for p in _QA) + "</div>")
    assert body == [lead, "周明远在犬木塘水库建设工地调研。"] + _QA


def test_an_unmarked_summary_box_saying_the_texts_opening_again_is_not_more_of_it():
    body = _article("<h1>专访省水利厅厅长周明远</h1><div class='info'><span>2025-08-12 07:35</span></div>"
                    f"<div class='summary'><p>{_QA[1][2:]}</p></div>"
                    "<div class='content'>" + "".join(f"<p>{p}</p>" for p in _QA) + "</div>")
    assert body == _QA


def test_a_gallery_between_two_parts_of_the_text_gives_its_captions():
    first = ["（测试样例文字）初秋时节，从库布其沙漠北缘的独贵塔拉镇向南望去，成片的沙柳、杨柴和羊柴随坡起伏，只在远处的沙梁上还能看到裸露的黄沙。",
             "（测试样例文字）黄河“几字弯”地区是我国荒漠化和沙化土地集中分布区之一，也是“三北”工程攻坚战的主战场。"]
    second = ["（测试样例文字）“板上发电、板下种植、板间养殖”，是近几年这里最常见的一种模式，板下种植的沙柳、黄芪长势正旺。",
              "（测试样例文字）治沙带来的变化不只在生态上，鄂尔多斯市围绕沙生植物发展起了饲料加工、中药材和生物质能源产业。"]
    captions = ["9月2日，库布其沙漠腹地，工人在光伏板下方种植沙柳。", "无人机在毛乌素沙地南缘开展飞播作业。"]
    body = _article("<h1>黄河几字弯：沙海披绿十年间</h1><div class='info'>2025-09-03 08:12 来源：中国环境时报</div>"
                    "<div class='text'>" + "".join(f"<p>{p}</p>" for p in first) + "</div>"
                    "<div class='gallery'><div class='hd'>组图 1/2</div>" + "".join(
                        f"<div class='item'><img src='/g{i}.jpg'><p>{c}</p></div>" for i, c in enumerate(captions)) +
                    "<div class='ft'>图片来源：中国环境时报记者 邢立军 摄</div></div>"
                    "<div class='text'>" + "".join(f"<p>{p}</p>" for p in second) + "</div>")
    assert body == first + captions + second


def test_an_opening_paragraph_over_a_list_of_timed_turns_and_a_short_turn_among_them():
    turns = [("10:00", "主持人：各位记者朋友，大家上午好！欢迎参加今天的新闻发布会。今天我们邀请到市城市管理局局长龚建军、市发展改革委副主任陈立平，请他们介绍今冬供暖保障有关情况。"),
             ("10:02", "龚建军：今年我市集中供暖面积达到4260万平方米，比去年增加180万平方米，新增供暖小区47个、1.9万户。今年供暖期为11月15日至次年3月15日，如遇持续低温将视情提前供暖。"),
             ("10:05", "龚建军：为确保按时供暖，今年夏季以来我们完成了老旧供热管网改造86公里，改造换热站42座，热源厂燃煤储备已达到28万吨，可满足一个月以上的使用需求。"),
             ("10:13", "主持人：下面请陈立平副主任介绍有关情况。"),
             ("10:14", "陈立平：今冬我市居民供暖价格保持不变，仍为每平方米每月5.8元。对城乡低保家庭、特困人员继续实行供暖费减免，减免资金由市、区两级财政承担，预计惠及1.1万户。"),
             ("10:17", "陈立平：在能源保障方面，我们建立了煤炭、天然气日调度机制，督促供热企业落实储备责任，同时做好极端天气下的应急预案，储备应急热源3处，确保重点人群温暖过冬。"),
             ("10:21", "宝庆日报记者：我们注意到，一些老旧小区每年供暖季都会出现室温偏低的问题，今年在这方面有什么改进措施？"),
             ("10:22", "龚建军：今年我们对近三年投诉集中的63个小区进行了专项排查，其中41个小区已完成楼内管道和户内散热器改造，剩下的22个小区将在供暖期内采取加装增压泵等措施。")]
    intro = "（测试样例文字）11月6日上午10时，宝庆市人民政府新闻办公室举行2025年冬季供暖保障工作新闻发布会，并回答记者提问。"
    body = _article("<h1>宝庆市2025年冬季供暖保障工作新闻发布会</h1><div class='info'>发布时间：2025-11-06 10:00</div>"
                    "<div class='tabs'><a class='on' href='#wzsl'>文字实录</a><a href='#tpzb'>图片直播</a></div>"
                    f"<div class='intro'><p>{intro}</p></div><div class='live' id='wzsl'><ul>" + "".join(
                        f"<li><div class='time'><i></i>{t}</div><div class='txt'><p>{said}</p></div></li>" for t, said in turns) +
                    "</ul></div>", "https://www.example.gov.cn/xwfbh/2025/1106/3391.html")
    assert body == [intro] + [said for _, said in turns]


def test_a_caption_under_a_picture_over_a_text_in_two_columns():
    left = ["（测试样例文字）11月22日至23日，第五届长江中游城市群生态文明建设学术研讨会在南湖校区学术交流中心举行，来自40余所高校和科研院所的230余名专家学者参会。",
            "（测试样例文字）校党委常委、副校长陶明远出席开幕式并致辞，希望与会专家学者以此次研讨会为契机，深化交流合作，共同为长江大保护贡献智慧。"]
    right = ["（测试样例文字）研讨会设置流域水环境治理、生态产品价值实现、城乡绿色低碳转型三个分论坛，共有58位专家学者和青年学者作学术报告。",
             "（测试样例文字）闭幕式上，与会代表一致通过了研讨会倡议书，呼吁加强流域协同治理，推动长江中游城市群生态文明建设迈上新台阶。"]
    body = _article("<h1>第五届长江中游城市群生态文明建设学术研讨会在我校举行</h1>"
                    "<div class='art-i'>发布时间：2025-11-24　来源：资源与环境学院</div><div id='content'>"
                    "<p style='text-align:center'><img src='/a.jpg' width='680'></p>"
                    "<p style='text-align:center'>与会专家学者在开幕式上聆听主旨报告。</p><div class='two-col'>"
                    "<div class='col-l'>" + "".join(f"<p>{p}</p>" for p in left) + "</div>"
                    "<div class='col-r'>" + "".join(f"<p>{p}</p>" for p in right) + "</div></div></div>",
                    "https://news.example.edu.cn/info/1023/18845.htm")
    assert body == ["与会专家学者在开幕式上聆听主旨报告。"] + left + right


def test_icon_glyph_names_the_headlines_box_and_a_long_comment_list_are_no_text():
    paras = ["（测试样例文字）记者从武江区获悉，区生物医药中试平台一期投入使用以来，已有七家企业签订入驻意向，涉及原料药、医疗器械和功能食品等领域。",
             "（测试样例文字）中试平台提供洁净车间、检测实验室和共享仓储，企业可按需租用，免去前期重资产投入。"]
    comments = "".join(f"<li><span class='nick'>网友{i}</span><div class='txt'>东门巷改得确实不错，我每天送孩子上学都经过那里，原来下雨天根本没法走，"
                       f"要绕到大路上去，现在方便多了，希望其他巷子也能尽快改造。</div><span>2025-11-12 19:0{i}</span></li>" for i in range(8))
    html = ("<html><head><title>武江区生物医药招商提速</title></head><body><div class='page'>"
            "<div class='news-head'><h1>武江区生物医药招商提速</h1><div class='news-meta'><span><i class='f7-icons'>placemark</i>"
            "所在区域：韶关·武江区</span><span><i class='f7-icons'>clock</i>2025-11-12 16:05:41</span></div></div>"
            "<div class='news-content'>" + "".join(f"<p>{p}</p>" for p in paras) + "</div>"
            f"<div class='cy-box'><div class='hd'><h3>网友评论</h3><span>共8条评论，607人参与</span></div><ul class='cy-list'>{comments}</ul></div>"
            "</div></body></html>")
    article = parse_page(html.encode(), "https://m.example.cn/news/2025/1112/5521.html").records[0]
    assert article["body"].split("\n") == paras
    assert article["published"] == "2025-11-12T16:05:41+08:00" and article["region"]["raw"] == "韶关·武江区"

