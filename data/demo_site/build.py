"""Build the demo portal: a 010b-style regional site to crawl on loopback.

    python data/demo_site/build.py                       # the checked-in site (~100 pages)
    python data/demo_site/build.py --pages 20000 --out /tmp/demo20k   # scaled, for bench/

A built site is a directory with three things:

    site/           the pages at their URL paths (`/` is site/index.html)
    routes.json     what the server does besides serving files: headers that
                    lie, a 500 answered once, a redirect (scraper/demo_server.py)
    expected.json   the ground truth a crawl must produce: every record's URL
                    path, type, title and date, and which traps are where

The five reference pages in tests/fixtures/010b/ are copied to their URL
paths with the host made root-relative (`https://shanghai.010b.com/x` ->
`/x`), so their links resolve against whatever loopback port serves them;
their pagers are cut to the pages that exist here. Every other page is
generated in the same markup, with the same traps: article bodies rendered
twice, hidden menus, side lists, CTAs, 上一篇/下一篇, tracking parameters.

Traps the crawl tests rely on (all listed in expected.json["traps"]):
- GBK pages: the reference policy (meta gbk), a policy served with a lying
  `charset=utf-8` header, a park page with no charset declared anywhere,
  an article that declares gb2312 but uses a GBK-only character;
- robots.txt disallows /zhengce/neibu/, and a policy list links there;
- a project list links a page that does not exist (404);
- project list page 2 answers 500 once, then 200;
- an article list links /info/show.php?id=N, which redirects (301);
- an article list links a page on another host;
- home-page links carry `?from=index` and `#` fragments (one page, one fetch).

Text is invented and marked （测试样例文字）; ids and titles are deterministic
(no randomness), so the same arguments build the same bytes.
"""
from __future__ import annotations

import argparse
import json
import math
import re
import shutil
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
FIXTURES = ROOT / "tests" / "fixtures" / "010b"
REAL_HOST = "shanghai.010b.com"
REGION = "上海-徐汇区"
OFFSITE_URL = "http://news.example.org/2025/0826/126899.html"

PAGE_SIZE = {"article": 10, "project": 20, "policy": 10, "park": 12}
LIST_PATH = {"article": "/info/list_{n}.html", "project": "/xiangmu/list_{n}.html",
             "policy": "/zhengce/list_{n}.html", "park": "/yuanqu/list_{n}.html"}
LIST_HEADING = {"article": "上海徐汇区招商资讯", "project": "上海徐汇区招商项目",
                "policy": "上海徐汇区优惠政策", "park": "上海徐汇区产业园区"}
MORE_TEXT = {"article": "更多资讯", "project": "更多项目", "policy": "更多政策", "park": "更多园区"}


@dataclass
class Item:
    type: str
    id: int
    path: str
    title: str
    date: str | None            # list date = 发布日期 on its own page (parks: none)
    region: str | None = REGION
    page: str = "generated"     # "generated" | "fixture" | "missing" (404) | "disallowed"
    encoding: str = "utf-8"     # bytes on disk
    extra: dict = field(default_factory=dict)


# ----------------------------------------------------------------- text

PLACES = ["徐汇滨江", "漕河泾", "徐家汇", "西岸", "华泾", "龙华", "枫林", "康健", "田林", "虹梅",
          "长桥", "凌云", "湖南路", "天平路", "斜土路", "南站", "光启城", "衡复", "上海南站", "滨江南"]
TOPICS = ["人工智能", "生物医药", "数字内容", "集成电路", "文化创意", "现代金融", "绿色低碳", "智能制造",
          "信息服务", "科技研发", "商贸流通", "会展服务", "医疗器械", "软件开发", "新材料", "检验检测",
          "跨境电商", "工业设计", "数据服务", "文旅融合", "总部经济", "楼宇经济", "专业服务", "教育培训",
          "健康养老", "新能源", "量子科技", "航空航天", "低空经济", "元宇宙"]
ACTIONS = ["项目集中签约", "产业空间发布", "企业服务座谈会举行", "重点项目开工", "招商推介会召开",
           "专项政策宣讲", "园区载体更新", "营商环境优化", "产业链协同推进", "人才服务升级",
           "创新平台揭牌", "投资促进活动举办", "企业集中落户", "产业基金设立", "服务专窗开通"]
ISSUERS = ["上海市徐汇区人民政府", "上海市徐汇区人民政府办公室", "徐汇区商务委员会", "徐汇区科学技术委员会",
           "徐汇区发展和改革委员会", "徐汇区人力资源和社会保障局"]
DOC_KINDS = ["实施方案", "管理办法", "若干措施", "扶持办法", "行动方案", "实施细则"]
PARK_KINDS = ["创意园", "科技园", "产业园", "创新中心", "数字产业园", "企业港"]
INDUSTRY_VALUES = ["人工智能", "生物医药", "文化创意", "信息服务", "智能制造", "现代金融"]
SENTENCES = [
    "（测试样例文字）区内重点企业围绕产业链上下游开展合作，带动相关配套企业集聚发展。",
    "（测试样例文字）有关部门将持续优化审批流程，为企业落户提供全周期服务。",
    "（测试样例文字）活动现场发布了重点产业空间清单，涵盖研发办公、中试生产等多种载体。",
    "（测试样例文字）参会企业代表就人才引进、融资对接和应用场景开放等问题进行了交流。",
    "（测试样例文字）下一步将加强要素保障，推动已签约项目尽快开工、投产和达产。",
    "（测试样例文字）区域创新平台为中小企业提供检验检测、技术转移和知识产权等公共服务。",
    "（测试样例文字）相关负责人表示，将以更大力度推进产业集聚和城市更新协同发展。",
    "（测试样例文字）园区运营方介绍了可租赁面积、配套设施和入驻企业扶持措施。",
]


def _pick(options: list[str], i: int, stride: int = 1) -> str:
    return options[(i * stride) % len(options)]


def _triple(i: int, a: list[str], b: list[str], c: list[str]) -> tuple[str, str, str]:
    """Distinct combination for every i < len(a)*len(b)*len(c)."""
    return a[i % len(a)], b[(i // len(a)) % len(b)], c[(i // (len(a) * len(b))) % len(c)]


def _round(i: int, *lists: list[str]) -> str:
    """A suffix that keeps titles distinct once the combinations run out."""
    n = i // math.prod(len(x) for x in lists)
    return "" if n == 0 else f"（{n + 1}期）"


def _date(i: int, newest: str) -> str:
    """The i-th date of a list, newest first, three items a day."""
    return date.fromordinal(date.fromisoformat(newest).toordinal() - i // 3).isoformat()


def _cn_date(iso: str) -> str:
    y, m, d = iso.split("-")
    return f"{y}年{m}月{d}日"


def _paragraphs(i: int, n: int) -> list[str]:
    return [SENTENCES[(i + k * 3) % len(SENTENCES)] + SENTENCES[(i + k * 3 + 1) % len(SENTENCES)] for k in range(n)]


# ----------------------------------------------------------------- chrome

def _head(title: str, path: str, charset: str | None, description: str = "") -> str:
    meta = f'<meta charset="{charset}">\n' if charset == "utf-8" or charset == "gbk" else (
        f'<meta http-equiv="Content-Type" content="text/html; charset={charset}">\n' if charset else "")
    return f"""<!DOCTYPE html>
<html lang="zh-CN">
<head>
{meta}<meta http-equiv="X-UA-Compatible" content="IE=edge,chrome=1">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>{title}-上海徐汇区招商引资</title>
<meta name="description" content="{description}">
<meta name="mobile-agent" content="format=html5;url=https://m.010b.com/shanghai{path}">
<link rel="canonical" href="{path}">
<link rel="alternate" media="only screen and (max-width: 640px)" href="https://m.010b.com/shanghai{path}">
<link rel="stylesheet" href="/static/css/common.css?v=20250310">
<script>
(function(){{var ua=navigator.userAgent;if(/Android|iPhone|iPod/i.test(ua)&&location.search.indexOf('pc=1')<0){{location.replace('https://m.010b.com/shanghai{path}');}}}})();
</script>
</head>
<body>
<div class="topbar">
  <div class="wrap clearfix">
    <div class="city fl">
      <span class="cur-city">上海站</span>
      <a href="javascript:;" class="city-switch" id="cityToggle">[切换城市]</a>
      <div class="city-pop" id="cityPop" style="display:none">
        <dl><dt>热门城市</dt><dd><a href="https://beijing.010b.com/">北京</a><a href="/">上海</a><a href="https://guangzhou.010b.com/">广州</a></dd></dl>
        <dl><dt>上海区县</dt><dd><a href="/quyu/pudong/">浦东新区</a><a href="/quyu/xuhui/" class="on">徐汇区</a><a href="/quyu/minhang/">闵行区</a></dd></dl>
      </div>
    </div>
    <div class="top-links fr"><a href="/member/login.html" rel="nofollow">登录</a> | <a href="/member/reg.html" rel="nofollow">免费注册</a> | <a href="https://m.010b.com/shanghai/">手机版</a></div>
  </div>
</div>
<div class="header">
  <div class="wrap clearfix">
    <a class="logo fl" href="/"><img src="/static/images/logo_sh.png" alt="上海招商引资"></a>
    <div class="hotline fr">招商热线：<b>400-000-0000</b></div>
  </div>
</div>
<div class="nav">
  <div class="wrap">
    <ul class="clearfix">
    <li><a href="/">首页</a></li>
    <li><a href="/info/list_1.html">招商资讯</a></li>
    <li><a href="/xiangmu/list_1.html">招商项目</a></li>
    <li><a href="/zhengce/list_1.html">招商政策</a></li>
    <li><a href="/yuanqu/list_1.html">产业园区</a></li>
    <li><a href="/tudi/">土地招拍挂</a></li>
    <li><a href="/changfang/">厂房价格</a></li>
    <li><a href="/zhuce/">注册公司</a></li>
    </ul>
  </div>
</div>
<div class="m-menu" id="mMenu" style="display:none">
  <ul><li><a href="/">首页</a></li><li><a href="/xiangmu/list_1.html">招商项目</a></li><li><a href="/zhengce/list_1.html">招商政策</a></li><li><a href="/about/contact.html">联系我们</a></li></ul>
</div>
"""


SIDEBAR = """  <div class="main-r fr">
    <div class="side-box side-links">
      <div class="side-hd"><h3>上海徐汇区招商引资</h3></div>
      <div class="links clearfix"><a href="/zhengce/list_1.html">招商政策</a><a href="/liucheng/">投资流程</a><a href="/tudi/">土地招拍挂</a><a href="/changfang/">厂房价格</a><a href="/zhuce/">注册公司</a><a href="/youhui/">优惠政策</a></div>
    </div>
    <div class="side-box side-links">
      <div class="side-hd"><h3>上海徐汇区投资流程</h3></div>
      <div class="links clearfix"><a href="/liucheng/waishang.html">外商投资</a><a href="/liucheng/maidi.html">买地自建</a><a href="/changfang/zulin/">厂房租赁</a><a href="/xiezilou/">写字楼租赁</a><a href="/zhuce/liucheng.html">公司注册</a></div>
    </div>
    <div class="side-box side-ad"><a href="/ruzhu/" rel="nofollow"><img src="/uploads/ad/side_ruzhu.jpg" alt=""></a></div>
  </div>
"""

FOOT = """<div class="seo-words" style="display:none">上海徐汇区招商引资 徐汇区厂房出租 徐汇区写字楼出租 徐汇区注册公司 徐汇区招商政策 徐汇区产业园区</div>
<div class="float-kf" id="floatKf">
  <ul>
    <li><a href="/about/contact.html" rel="nofollow"><span>联系我们</span></a></li>
    <li><a href="/ruzhu/" rel="nofollow"><span>企业入驻</span></a></li>
  </ul>
</div>
<div class="lead-bar" id="leadBar">
  <form onsubmit="return submitLead(this);">
    <input type="text" name="name" placeholder="您的称呼">
    <input type="text" name="tel" placeholder="请输入手机号码">
    <button type="submit" class="btn-get">立即获取</button>
  </form>
</div>
<div class="footer">
  <div class="wrap">
    <p class="f-links"><a href="/about/">关于我们</a> | <a href="/about/contact.html">联系我们</a> | <a href="/about/mianze.html">免责声明</a> | <a href="/sitemap.html">网站地图</a></p>
    <p>Copyright &copy; 2014-2025 上海招商引资 版权所有　未经许可不得转载</p>
    <p><a href="https://beian.miit.gov.cn/" target="_blank" rel="nofollow">沪ICP备00000000号-1</a></p>
  </div>
</div>
</body>
</html>
"""


def _crumbs(*parts: tuple[str, str | None]) -> str:
    links = ['<a href="/">首页</a>', '<a href="/quyu/xuhui/">上海徐汇区</a>']
    links += [f'<a href="{href}">{text}</a>' if href else text for text, href in parts]
    return '<div class="wrap crumbs">当前位置：' + " &gt; ".join(links) + "</div>\n"


# ----------------------------------------------------------------- boxes

def _txt_list(items: list[Item], query: str = "") -> str:
    lis = "\n".join(
        f'        <li><a href="{it.path}{query}" target="_blank" title="{it.title}">{it.title}</a>'
        f'<span class="date">{it.date}</span></li>'
        for it in items
    )
    return f'      <ul class="txt-list">\n{lis}\n      </ul>\n'


def _park_list(items: list[Item], query: str = "") -> str:
    lis = "\n".join(
        f"""        <li>
          <div class="pic"><a href="{it.path}{query}" target="_blank"><img src="/uploads/yuanqu/{it.id}_s.jpg" alt="{it.title}"></a></div>
          <div class="txt"><a class="name" href="{it.path}{query}" target="_blank">{it.title}</a><p class="area">{it.region}</p></div>
        </li>"""
        for it in items
    )
    return f'      <ul class="park-list clearfix">\n{lis}\n      </ul>\n'


def _box(kind: str, items: list[Item], more: bool = True, query: str = "") -> str:
    if not items:
        return ""
    more_link = f'<a class="more" href="{LIST_PATH[kind].format(n=1)}" target="_blank">{MORE_TEXT[kind]}</a>' if more else ""
    body = _park_list(items, query) if kind == "park" else _txt_list(items, query)
    return (f'    <div class="box box-{kind}">\n      <div class="box-hd clearfix"><h3>{LIST_HEADING[kind]}</h3>{more_link}</div>\n'
            f"{body}    </div>\n")


def _pager(kind: str, n: int, pages: int, total: int, relative: bool) -> str:
    if pages <= 1:
        return ""

    def href(k: int) -> str:
        path = LIST_PATH[kind].format(n=k)
        return path.rsplit("/", 1)[1] if relative else path

    parts = [f'<span class="total">共{total}条 {pages}页</span>']
    parts.append(f'<a href="{href(1)}">首页</a><a href="{href(n - 1)}">上一页</a>' if n > 1
                 else '<a class="disabled">首页</a><a class="disabled">上一页</a>')
    window = sorted({1, pages, *range(max(1, n - 2), min(pages, n + 2) + 1)})
    last = 0
    for k in window:
        if k - last > 1:
            parts.append("<span>…</span>")
        parts.append(f'<span class="cur">{k}</span>' if k == n else f'<a href="{href(k)}">{k}</a>')
        last = k
    if n < pages:
        parts.append(f'<a href="{href(n + 1)}" class="next">下一页</a><a href="{href(pages)}">尾页</a>')
    return '      <div class="pages">\n        ' + "".join(parts) + "\n      </div>\n"


# ----------------------------------------------------------------- pages

def article_page(it: Item, site: "Site") -> str:
    """News article; the part after the lead is rendered a second time
    (#contentMore), as on the reference portal."""
    i = it.extra["n"]
    headings = ["一、" + _pick(TOPICS, i, 7) + "产业加快集聚", "二、" + _pick(PLACES, i, 3) + "载体持续更新",
                "三、服务保障不断完善"][: it.extra["sections"]]
    paras = _paragraphs(i, len(headings) + 2)
    lead, closing = paras[0], paras[-1]
    tail = []
    for h, p in zip(headings, paras[1:-1]):
        tail += [f"<p><strong>{h}</strong></p>", f"<p>{p}</p>"]
    tail.append(f"<p>{closing}</p>")
    first = "\n      ".join([f"<p>　　{lead}</p>"] + [t.replace("<p>（", "<p>　　（") for t in tail] + ["<p>&nbsp;</p>"])
    second = "\n      ".join(tail)
    prev_item, next_item = site.neighbours(it)
    nav = "".join(
        f'        <p>{label}：<a href="{x.path}">{x.title}</a></p>\n' if x else f"        <p>{label}：没有了</p>\n"
        for label, x in (("上一篇", prev_item), ("下一篇", next_item))
    )
    projects, policies, parks = site.side_items(i)
    return (
        _head(it.title, it.path, it.extra.get("charset", "utf-8"), lead[:60])
        + _crumbs(("招商资讯", "/info/list_1.html"), ("正文", None))
        + f"""<div class="wrap main clearfix">
  <div class="main-l fl">
    <div class="detail">
      <h1 class="detail-tit">{it.title}</h1>
      <div class="detail-tags"><a href="/tag/{i % 7}/">{_pick(TOPICS, i, 7)}</a><a href="/tag/jjq/">产业集聚区</a></div>
      <div class="detail-info clearfix">
        <span class="area">所属地区:{it.region}</span>
        <span class="time">发布日期:{_cn_date(it.date)}</span>
        <span class="hits">浏览：<em id="hits">--</em></span>
        <div class="share fr">分享到：<a href="javascript:;">微信</a><a href="javascript:;">微博</a></div>
      </div>
      <div class="detail-con" id="content">
      {first}
      </div>
      <div class="detail-con detail-more" id="contentMore">
      {second}
      </div>
      <div class="detail-statement">声明：本站部分信息来源于网络及各级政府公开资料，仅供参考，如有侵权请联系删除。</div>
      <div class="detail-page">
{nav}      </div>
    </div>
{_box("project", projects)}{_box("policy", policies)}{_box("park", parks, more=False)}  </div>
{SIDEBAR}</div>
{FOOT}"""
    )


def _table(rows: list[tuple[str, str]], cls: str, th: bool) -> str:
    cells = []
    for label, value in rows:
        value_html = '<a href="javascript:;" class="btn-get">立即获取</a>' if value is None else value
        cells.append((f"<th>{label}：</th><td>{value_html}</td>") if th else
                     f'<td class="lb">{label}：</td><td>{value_html}</td>')
    trs = "\n".join(f"          <tr>{''.join(cells[k:k + 2])}</tr>" for k in range(0, len(cells), 2))
    return f'        <table class="{cls}">\n{trs}\n        </table>\n'


def project_page(it: Item, site: "Site") -> str:
    i = it.extra["n"]
    rows = [("所属行业", _pick(INDUSTRY_VALUES, i)), ("投资总额", f"{(i % 9 + 1) * 5000}万元"),
            ("合作方式", ["独资", "合资", "合作"][i % 3]), ("项目所在地", it.region), ("联系方式", None)]
    body = "\n".join(f"        <p>　　{p}</p>" for p in _paragraphs(i + 1, 2))
    others = [x for x in site.window("project", i, 7) if x is not it][:6]
    return (
        _head(it.title, it.path, "utf-8", it.title)
        + _crumbs(("招商项目", "/xiangmu/list_1.html"), ("正文", None))
        + f"""<div class="wrap main clearfix">
  <div class="main-l fl">
    <div class="detail xm-detail">
      <h1 class="detail-tit">{it.title}</h1>
      <div class="detail-info clearfix">
        <span class="area">所属地区:{it.region}</span>
        <span class="time">发布日期:{_cn_date(it.date)}</span>
      </div>
      <div class="xm-info">
{_table(rows, "xm-table", th=True)}      </div>
      <div class="detail-con" id="content">
{body}
      </div>
    </div>
{_box("project", others)}  </div>
{SIDEBAR}</div>
{FOOT}"""
    )


def policy_page(it: Item, site: "Site") -> str:
    i = it.extra["n"]
    number = it.extra["number"]
    rows = [("索 引 号", f"XH{it.date[:4]}-{it.id:05d}"), ("主题分类", "综合政务\\其他"), ("发文机关", it.extra["issuer"]),
            ("成文日期", _cn_date(it.date)), ("发文字号", number), ("有 效 性", "有效")]
    body = [f'<p style="text-align:center;"><strong>{it.title}</strong></p>', f'<p style="text-align:center;">{number}</p>',
            "<p>各街道办事处、镇政府，区政府各委、办、局：</p>"]
    body += [f"<p>　　{p}</p>" for p in _paragraphs(i + 2, 2)]
    body.append(f'<p style="text-align:right;">{it.extra["issuer"]}</p>')
    others = [x for x in site.window("policy", i, 6) if x is not it][:5]
    return (
        _head(it.title, it.path, it.extra.get("charset", "utf-8"), it.title)
        + _crumbs(("优惠政策", "/zhengce/list_1.html"), ("正文", None))
        + f"""<div class="wrap main clearfix">
  <div class="main-l fl">
    <div class="detail zc-detail">
      <h1 class="detail-tit">{it.title}</h1>
      <div class="detail-info clearfix">
        <span class="area">所属地区:{it.region}</span>
        <span class="time">发布日期:{_cn_date(it.date)}</span>
        <span class="font">字号：<a href="javascript:;">大</a> <a href="javascript:;">中</a> <a href="javascript:;">小</a></span>
      </div>
      <div class="zc-info">
{_table(rows, "zc-table", th=False)}      </div>
      <div class="detail-con zc-con" id="content">
        {chr(10).join("        " + b for b in body).lstrip()}
      </div>
      <div class="detail-tools"><a href="javascript:window.print();">【打印本页】</a> <a href="javascript:window.close();">【关闭窗口】</a></div>
    </div>
{_box("policy", others)}  </div>
{SIDEBAR}</div>
{FOOT}"""
    )


def park_page(it: Item, site: "Site") -> str:
    i = it.extra["n"]
    rows = [("所属地区", it.region), ("园区级别", ["市级", "区级", "国家级"][i % 3]), ("园区类型", _pick(PARK_KINDS, i) + "类园区"),
            ("占地面积", f"约{(i % 7 + 1) * 12}亩"), ("建筑面积", f"约{(i % 5 + 1) * 1.5:.1f}万平方米"),
            ("主导产业", "、".join(INDUSTRY_VALUES[i % 3: i % 3 + 3])), ("入驻企业", f"约{(i % 8 + 3) * 10}家"),
            ("租金参考", f"{3 + i % 4}-{6 + i % 4}元/㎡·天"), ("联系方式", None)]
    others = [x for x in site.window("park", i, 6) if x is not it][:5]
    body = "\n".join(f"          <p>　　{p}</p>" for p in _paragraphs(i + 5, 2))
    return (
        _head(it.title, it.path, it.extra.get("charset", "utf-8"), it.title)
        + _crumbs(("产业园区", "/yuanqu/list_1.html"), (it.title, None))
        + f"""<div class="wrap main clearfix">
  <div class="main-l fl">
    <div class="park-detail">
      <div class="park-top clearfix">
        <div class="park-pic fl"><img src="/uploads/yuanqu/{it.id}.jpg" alt="{it.title}"></div>
        <div class="park-info fr">
          <h1>{it.title}</h1>
{_table(rows, "park-table", th=True)}        </div>
      </div>
      <div class="park-sec">
        <div class="sec-hd"><h2>园区简介</h2></div>
        <div class="sec-bd">
{body}
        </div>
      </div>
    </div>
{_box("park", others, more=False)}  </div>
{SIDEBAR}</div>
{FOOT}"""
    )


def listing_page(kind: str, n: int, pages: int, entries: list[Item], total: int, site: "Site") -> str:
    """One page of a type's listing, in the markup of the reference listing
    pages (items in <h3>, an ad <li>, a side list of another type)."""
    path = LIST_PATH[kind].format(n=n)
    if kind == "policy":
        lis = "\n".join(
            f'        <li><span class="dot"></span><a href="{it.path}" target="_blank" title="{it.title}">{it.title}</a>'
            f'<span class="date">{it.date}</span></li>' for it in entries)
        items = f'      <ul class="zc-list">\n{lis}\n      </ul>\n'
    elif kind == "park":
        items = _park_list(entries)
    else:
        rows = []
        for k, it in enumerate(entries):
            rows.append(f"""        <li class="clearfix">
          <h3><a href="{it.path}" target="_blank" title="{it.title}">{it.title}</a></h3>
          <div class="meta"><span class="area">{it.region}</span><span class="date">{it.date}</span></div>
        </li>""")
            if k == 9:
                rows.append('        <li class="list-ad"><a href="/ruzhu/" rel="nofollow"><img src="/uploads/ad/list_banner.jpg" alt="企业入驻"></a></li>')
        items = '      <ul class="item-list">\n' + "\n".join(rows) + "\n      </ul>\n"
    side_kind = {"article": "project", "project": "policy", "policy": "park", "park": "policy"}[kind]
    side = site.window(side_kind, n * 3, 6)
    heading = LIST_HEADING[kind]
    return (
        _head(f"{heading}_第{n}页", path, "utf-8", heading)
        + _crumbs((heading.replace("上海徐汇区", ""), None))
        + f"""<div class="wrap main clearfix">
  <div class="main-l fl">
    <div class="list-box">
      <div class="list-hd clearfix"><h1>{heading}</h1><span class="count">共 <em>{total}</em> 条</span></div>
{items}{_pager(kind, n, pages, total, relative=kind != "policy")}    </div>
  </div>
  <div class="main-r fr">
{_box(side_kind, side, more=side_kind != "park")}  </div>
</div>
{FOOT}"""
    )


def home_page(site: "Site") -> str:
    """Boxes of the newest items of every type; links carry tracking
    parameters and fragments that canonicalisation must drop."""
    boxes = "".join(
        _box(kind, site.items[kind][:6], query=q)
        for kind, q in (("article", "?from=index"), ("project", "?from=index#top"), ("policy", ""), ("park", "?utm_source=home"))
    )
    return (_head("上海徐汇区招商引资", "/", "utf-8", "上海徐汇区招商引资信息平台")
            + f"""<div class="wrap main clearfix">
  <div class="main-l fl">
{boxes}  </div>
{SIDEBAR}</div>
{FOOT}""")


# ----------------------------------------------------------------- site

class Site:
    """All items of the portal and the pages that show them."""

    def __init__(self, pages: int | None):
        self.items: dict[str, list[Item]] = {k: [] for k in PAGE_SIZE}
        self.listing_extra: dict[str, dict[int, list[Item]]] = {k: {} for k in PAGE_SIZE}
        self._reference_items()
        counts = self._counts(pages)
        self._generate(counts)
        self._traps()

    # -- items -----------------------------------------------------------

    def _reference_items(self) -> None:
        """The items the reference pages list, with their titles and dates."""
        def entries(name: str, kind: str):
            for line in (FIXTURES / name).read_text(encoding="utf-8").splitlines():
                rec = json.loads(line)
                if rec["type"] == kind and rec["url"]:
                    yield rec

        for rec in entries("010b-xiangmu-list_1.expected.jsonl", "project"):
            path = rec["url"].split(REAL_HOST, 1)[1]
            self.items["project"].append(Item("project", int(re.search(r"\d+", path).group()), path, rec["title"], rec["published"]))
        for rec in entries("010b-zhengce-list_1.expected.jsonl", "policy"):
            path = rec["url"].split(REAL_HOST, 1)[1]
            item = Item("policy", int(re.search(r"\d+", path).group()), path, rec["title"], rec["published"])
            item.extra["issuer"] = rec["issuer"] or "上海市徐汇区人民政府"
            self.items["policy"].append(item)
        for rec in entries("010b-article-126590.expected.jsonl", "park"):
            path = rec["url"].split(REAL_HOST, 1)[1]
            self.items["park"].append(Item("park", int(re.search(r"\d+", path).group()), path, rec["title"], None))
        self.items["article"].append(Item("article", 126590, "/info/detail/126590.html",
                                          "徐汇文创集群崛起 上海西岸引领产业高地建设", "2025-08-26", page="fixture"))
        for kind, ident in (("policy", 2946), ("park", 1051)):
            next(it for it in self.items[kind] if it.id == ident).page = "fixture"
        next(it for it in self.items["policy"] if it.id == 2946).encoding = "gbk"

    @staticmethod
    def _counts(pages: int | None) -> dict[str, int]:
        if pages is None:  # the checked-in demo: 12 articles, 3+3 list pages
            return {"article": 12, "project": 44, "policy": 23, "park": 8}
        details = pages * 20 // 21
        return {"article": int(details * 0.40), "project": int(details * 0.29),
                "policy": int(details * 0.19), "park": max(8, int(details * 0.12))}

    def _generate(self, counts: dict[str, int]) -> None:
        next_id = {"article": 126801, "project": 125800, "policy": 2480, "park": 1140}
        step = {"article": 1, "project": -1, "policy": -1, "park": 1}
        for kind, target in counts.items():
            existing = self.items[kind]
            for n in range(len(existing)):
                existing[n].extra["n"] = n
            n = len(existing)
            while len(existing) < target:
                ident = next_id[kind]
                next_id[kind] += step[kind]
                g = n - 1
                if kind == "article":
                    place, topic, action = _triple(g, PLACES, TOPICS, ACTIONS)
                    title = f"{place}{topic}{action}{_round(g, PLACES, TOPICS, ACTIONS)}"
                    item = Item(kind, ident, f"/info/detail/{ident}.html", title, _date(g, "2025-08-25"))
                    item.extra["sections"] = 3 if g % 3 else 2
                elif kind == "project":
                    suffixes = ["项目招商", "载体招商", "项目推介", "合作项目", "招商项目"]
                    place, topic, action = _triple(g + 7, PLACES, TOPICS, suffixes)
                    title = f"{place}{topic}{action}{_round(g + 7, PLACES, TOPICS, suffixes)}"
                    item = Item(kind, ident, f"/info/detail/{ident}.html", title, _date(g, "2025-08-11"))
                elif kind == "policy":
                    issuer = ISSUERS[g % len(ISSUERS)]
                    topic, doc, _ = _triple(g, TOPICS, DOC_KINDS, ["x"])
                    round_ = g // (len(TOPICS) * len(DOC_KINDS))
                    name = f"徐汇区{'' if round_ == 0 else f'第{round_ + 1}批'}{topic}产业{doc}"
                    item = Item(kind, ident, f"/zhengce/detail/{ident}.html", f"{issuer}关于印发《{name}》的通知", _date(g * 4, "2023-02-10"))
                    item.extra["issuer"] = issuer
                else:
                    place, kind_name, _ = _triple(g + 3, PLACES, PARK_KINDS, ["x"])
                    title = f"{place}{kind_name}{_round(g + 3, PLACES, PARK_KINDS)}"
                    item = Item(kind, ident, f"/yuanqu/{ident}.html", title, None)
                item.extra["n"] = n
                existing.append(item)
                n += 1
        for it in self.items["policy"]:
            it.extra.setdefault("issuer", "上海市徐汇区人民政府")
            it.extra["number"] = f"徐府发〔{it.date[:4]}〕{it.id % 97 + 1}号"
        paths = [it.path for items in self.items.values() for it in items]
        assert len(paths) == len(set(paths)), "two items share a URL"
        titles = [(it.type, it.title) for items in self.items.values() for it in items]
        assert len(titles) == len(set(titles)), "two items share a title"

    def _traps(self) -> None:
        by_id = {(it.type, it.id): it for items in self.items.values() for it in items}
        lying = by_id[("policy", 2911)]
        lying.encoding, lying.extra["charset"] = "gbk", "gb2312"
        undeclared = by_id[("park", 1068)]
        undeclared.encoding, undeclared.extra["charset"] = "gbk", None
        gb2312 = by_id[("article", 126805)]
        gb2312.title = "上海喆晟数字科技签约落户漕河泾开发区"  # 喆 is GBK, not GB2312
        gb2312.encoding, gb2312.extra["charset"] = "gbk", "gb2312"
        # The last project on the last project page has no page (404).
        self.items["project"][-1].page = "missing"
        # A policy under a path robots.txt disallows, listed on the last policy page.
        hidden = Item("policy", 3001, "/zhengce/neibu/3001.html", "徐汇区内部工作规程（征求意见稿）", "2023-01-05", page="disallowed")
        hidden.extra.update(n=len(self.items["policy"]), issuer="徐汇区", number="")
        self.items["policy"].append(hidden)
        self.redirect_from = f"/info/show.php?id={gb2312.id + 1}"
        self.redirect_to = by_id[("article", gb2312.id + 1)].path

    # -- neighbourhoods --------------------------------------------------

    def window(self, kind: str, start: int, size: int) -> list[Item]:
        items = [it for it in self.items[kind] if it.page != "disallowed"]
        if len(items) <= size:
            return items
        start %= len(items)
        return (items + items)[start: start + size]

    def side_items(self, n: int):
        """What an article shows beside itself: the reference page's side
        lists for the first pages, a moving window for the rest."""
        start = 0 if n < 12 else n
        return self.window("project", start, 12), self.window("policy", start, 6), self.window("park", start, 6)

    def neighbours(self, it: Item):
        # 上一篇/下一篇 link listed projects, as on the reference page.
        projects = self.items["project"]
        n = it.extra["n"]
        return projects[(2 * n + 5) % len(projects)], projects[(2 * n + 4) % len(projects)]

    # -- output ----------------------------------------------------------

    def build(self, out: Path) -> dict:
        site_dir = out / "site"
        if site_dir.exists():
            shutil.rmtree(site_dir)
        site_dir.mkdir(parents=True)
        routes: dict[str, dict] = {}

        def write(path: str, html: str | bytes, encoding: str = "utf-8") -> None:
            target = site_dir / (path.lstrip("/") or "index.html")
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(html if isinstance(html, bytes) else html.encode(encoding))

        render = {"article": article_page, "project": project_page, "policy": policy_page, "park": park_page}
        for kind, items in self.items.items():
            for it in items:
                if it.page == "generated":
                    write(it.path, render[kind](it, self), it.encoding)
        self._copy_fixtures(write)
        for kind, items in self.items.items():
            entries = list(items)
            if kind == "article":
                at = next(k for k, it in enumerate(entries) if it.id == int(self.redirect_from.rsplit("=", 1)[1]))
                entries[at] = Item("article", entries[at].id, self.redirect_from, entries[at].title, entries[at].date)
                entries.append(Item("article", 0, OFFSITE_URL, "（站外）徐汇区产业地图发布", "2025-06-01", page="offsite"))
            size = PAGE_SIZE[kind]
            pages = math.ceil(len(entries) / size)
            for n in range(1, pages + 1):
                chunk = entries[(n - 1) * size: n * size]
                if (kind, n) in (("project", 1), ("policy", 1)):
                    continue  # the reference list pages, copied
                write(LIST_PATH[kind].format(n=n), listing_page(kind, n, pages, chunk, len(entries), self))
            self.listing_extra[kind] = {"pages": pages, "total": len(entries)}
        write("/", home_page(self))
        write("/robots.txt", "User-agent: *\nDisallow: /zhengce/neibu/\nDisallow: /member/\n")

        routes[self.redirect_from] = {"status": 301, "location": self.redirect_to}
        routes["/xiangmu/list_2.html"] = {"fail_first": 500}
        routes["/zhengce/detail/2911.html"] = {"content_type": "text/html; charset=utf-8"}
        (out / "routes.json").write_text(json.dumps(routes, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        expected = self.expected()
        (out / "expected.json").write_text(json.dumps(expected, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        return expected

    def _copy_fixtures(self, write) -> None:
        """Reference pages at their URL paths, host made root-relative, pagers
        cut to the pages this site has."""
        def localise(data: bytes) -> bytes:
            return data.replace(b"https://" + REAL_HOST.encode(), b"").replace(b"//" + REAL_HOST.encode(), b"")

        n_proj = math.ceil(len(self.items["project"]) / PAGE_SIZE["project"])
        n_pol = math.ceil(len(self.items["policy"]) / PAGE_SIZE["policy"])
        for name, path in (("010b-article-126590.html", "/info/detail/126590.html"), ("010b-yuanqu-1051.html", "/yuanqu/1051.html"),
                           ("010b-zhengce-2946.gbk.html", "/zhengce/detail/2946.html")):
            write(path, localise((FIXTURES / name).read_bytes()))
        for name, kind, pages in (("010b-xiangmu-list_1.html", "project", n_proj), ("010b-zhengce-list_1.html", "policy", n_pol)):
            html = localise((FIXTURES / name).read_bytes()).decode("utf-8")
            total = len(self.items[kind])
            html = re.sub(r'<div class="pages">.*?</div>\n', _pager(kind, 1, pages, total, relative=kind != "policy").lstrip(),
                          html, count=1, flags=re.S)
            html = re.sub(r"共 <em>\d+</em> 条", f"共 <em>{total}</em> 条", html, count=1)
            write(LIST_PATH[kind].format(n=1), html)

    def expected(self) -> dict:
        """Ground truth for a crawl from `/`: every record by URL path."""
        records = {}
        for kind, items in self.items.items():
            records[kind] = {
                it.path: {"title": it.title, "published": it.date, "own_page": it.page in ("generated", "fixture")}
                for it in items
            }
        return {
            "start_path": "/",
            "records": records,
            "counts": {kind: len(v) for kind, v in records.items()},
            "duplicates_removed": {it.path: _removed(it) for it in self.items["article"]},
            "traps": {
                "gbk_pages": {it.path: {"title": it.title, "declared": it.extra.get("charset", "gbk"),
                                        "header": "text/html; charset=utf-8" if it.id == 2911 else "text/html"}
                              for items in self.items.values() for it in items if it.encoding != "utf-8"},
                "disallowed": [it.path for it in self.items["policy"] if it.page == "disallowed"],
                "not_found": [it.path for it in self.items["project"] if it.page == "missing"],
                "fails_once": ["/xiangmu/list_2.html"],
                "redirect": {"from": self.redirect_from, "to": self.redirect_to},
                "offsite": OFFSITE_URL,
                "list_pages": {kind: [LIST_PATH[kind].format(n=n) for n in range(1, v["pages"] + 1)]
                               for kind, v in self.listing_extra.items()},
            },
        }


def _removed(it: Item) -> int:
    """Paragraphs an article page repeats: its #contentMore copy."""
    if it.page == "fixture":
        return 9
    return 2 * it.extra["sections"] + 1


def build(out: Path, pages: int | None = None) -> dict:
    return Site(pages).build(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=HERE, help="directory to write site/, routes.json, expected.json into")
    parser.add_argument("--pages", type=int, default=None, help="scale to about this many pages (default: the small demo)")
    args = parser.parse_args(argv)
    expected = build(args.out, args.pages)
    files = sum(1 for p in (args.out / "site").rglob("*") if p.is_file())
    print(f"{args.out}: {files} files; records {expected['counts']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
