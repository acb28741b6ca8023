"""Words and patterns the extractor recognises, grouped by concept.

These are conventions of Chinese portals and government CMSs in general
(labels, calls to action, toolbars), never one site's class names or ids.
"""
from __future__ import annotations

import re

#: Heading keywords -> record type. When several occur, the one ending last
#: wins: in Chinese the head noun comes last (园区政策 is about policies).
TYPE_KEYWORDS = {
    "project": ("项目", "招商信息", "招商推介"),
    "policy": ("政策", "法规", "文件", "规章", "条例", "解读"),
    "park": ("园区", "开发区", "产业园", "高新区", "经开区", "载体", "基地", "产业区", "功能区", "保税区"),
    "article": ("资讯", "新闻", "动态", "要闻", "快讯", "头条", "文章", "报道", "信息", "热点"),
}

#: URL path words -> type; a fallback when neither heading nor profile says.
URL_KEYWORDS = {
    "policy": ("zhengce", "policy", "zcfg", "zcwj", "/zc/", "wenjian", "fagui", "xxgk"),
    "park": ("yuanqu", "park", "/yq/", "kaifaqu", "zaiti"),
    "project": ("xiangmu", "project", "/xm/"),
}

#: Labels whose value says something about the page, not the item.
NON_FIELD_LABELS = frozenset(
    """上一篇 下一篇 上一条 下一条 当前位置 您当前的位置 您的位置 您现在的位置 当前的位置 位置 分享到 分享
    字号 字体 浏览 浏览次数 浏览量 阅读 阅读次数 阅读量 点击 点击数 点击量 访问量 打印 关闭 附件 相关附件
    扫一扫 搜索 评论 收藏 声明 免责声明 版权声明 打印本页 关闭窗口 温馨提示 友情提示 特别提示 提示 注意
    服务热线 全国服务热线 客服热线 客服电话 全国统一服务热线 免责提示 风险提示 重要提示 郑重声明 特别声明 特别说明""".split()  # the site's own line, not the item's
)

PUBLISHED_LABELS = ("发布日期", "发布时间", "发表时间", "发表日期", "公开日期", "公布日期", "发稿时间", "更新时间", "更新日期", "发布于", "发表于",
                    "日期", "时间", "发布", "发表")
REGION_LABELS = ("所属地区", "所在地区", "所属区域", "所在区域", "地区", "区域", "所在地", "项目所在地", "项目地点", "所属区县", "区县",
                 "所在区县", "所在县区", "所属县区", "所在城市", "所属城市", "所在省市", "所属省市", "园区所在地",
                 "项目区域", "投资地点", "所属地域", "所在地域", "适用地区", "适用区域")
SOURCE_LABELS = ("来源", "信息来源", "文章来源", "稿源", "出处", "来自")
AUTHOR_LABELS = ("作者", "原作者", "撰稿", "撰稿人", "记者", "责任编辑", "编辑", "责编", "编审")
ISSUER_LABELS = ("发文机关", "发布机构", "发文单位", "发布单位", "制发机关", "发布机关", "颁布机关")
DOCNUM_LABELS = ("发文字号", "文号", "发文号", "文件编号")
TAG_LABELS = ("标签", "关键词", "关键字", "主题词", "关键标签", "文章标签", "本文标签", "相关标签", "分类标签", "新闻标签", "所属分类", "文章分类", "分类",
              "相关热词搜索", "热词搜索", "相关热词",  # PHPCMS: the article's keywords, as search links
              "产业分类", "行业标签", "产业标签", "主题标签", "话题", "相关话题", "所属专题", "相关专题",
              "tags", "tag", "tag标签")
PLACEHOLDER_VALUES = frozenset({"不详", "佚名", "未知", "暂无", "无", "--", "-", "—", "null", "none", "本站"})

#: Labels that mark a page as a detail page of one type.
TYPE_LABELS = {
    "policy": ("发文机关", "发文字号", "索引号", "成文日期", "文号", "发布机构", "主题分类", "有效性", "发文单位"),
    "park": ("园区级别", "园区类型", "主导产业", "占地面积", "规划面积", "入驻企业", "园区地址", "建筑面积", "园区面积", "开发面积"),
    "project": ("项目名称", "投资总额", "项目总投资", "合作方式", "所属行业", "行业分类", "项目类型", "项目归类", "拟合作方式", "投资规模", "项目所在地",
                "投资金额", "投资额", "总投资", "拟引资额", "项目阶段", "项目编号", "建设地点", "建设内容", "建设规模", "项目进展"),
}

#: A value or link that asks the reader to act instead of stating a fact.
CTA_RE = re.compile(
    r"^[【\[\s]*(立即|马上|免费|点击|在线|我要|申请|一键)?(获取|咨询|查看|索取|申请|联系|登录|留言|报名|入驻|领取|拨打|拨号|呼叫|显示|阅读|订阅)"
    r"[\u4e00-\u9fa5]{0,6}[】\]\s>»]*$"
    r"|^[【\[\s]*(立即|马上|我要|在线|预约)(投资|合作|洽谈|考察|参观|预约|留言|看园|看厂|看地|对接|拜访)[】\]\s>»]*$"
    r"|^请(通过|登录|注册|点击|联系|致电)\S{0,16}(留言|咨询|获取|查看|联系)$"  # 请通过“投资咨询”栏目留言
    r"|^[【\[\s]*(进入|访问)(专区|专题|频道|网站|官网|详情|园区|展厅)[】\]\s>»]*$"
    r"|^[\u4e00-\u9fa5]{0,4}(入驻|入园|合作|咨询|项目)申请$"  # 园区入驻申请
    r"|^[【\[\s]*(?:政策|项目|投资|招商|园区|电话|免费|选址)(?:咨询|订阅|对接)[】\]\s>»]*$"  # 政策咨询, 项目对接 as a button
)
CTA_TEXTS = frozenset({"联系我们", "企业入驻", "立即获取", "立即咨询", "在线咨询", "免费咨询", "我要入驻", "申请入驻", "获取联系方式"})

#: 【广告】 / [推广] at the start: an advertisement dressed as an entry or a line of text.
AD_MARK_RE = re.compile(r"^\s*[【\[［(（]\s*(?:推广|广告|赞助|AD)\s*[】\]］)）]", re.I)

#: Marks a list shows in its own element at either end of a title: a level,
#: a status or a highlight, never part of the name.
BADGE_WORDS = frozenset(
    """国家级 部级 省级 市级 县级 区级 区县 县区 置顶 推荐 热门 精选 最新 重点 热 新 荐 顶 急 HOT NEW TOP hot new top
    在谈 洽谈中 招商中 已签约 已落地 已开工 已投产 签约 推介中
    现行有效 有效 失效 已失效 部分失效 废止 已废止 已修订""".split()  # (a policy's validity, shown by its title)
)

#: Titles of pages about the site itself: never an article.
SITE_PAGE_TITLES = frozenset(
    """联系我们 关于我们 网站地图 机构简介 机构职能 领导信息 领导简介 内设机构 网站声明 免责声明 隐私政策 使用帮助 帮助中心
    意见反馈 留言板 在线留言 网站导航 友情链接 版权声明 招聘信息 人才招聘 站点地图 在线申报 我要留言 留言咨询""".split()
)

MORE_RE = re.compile(r"^[\s>»【\[]*(更多|more|查看更多|更多>+|更多…|更多\.\.\.)", re.I)
NEXT_PAGE_RE = re.compile(r"^\s*(下一页|下页|后页|next|›|»|>|>>)\s*$", re.I)
PAGER_WORDS = frozenset({"首页", "尾页", "末页", "上一页", "上页", "前页", "下一页", "下页", "后页", "最后一页", "第一页"})

#: Lines inside a body container that are page chrome, not text.
BOILERPLATE_LINE_RE = re.compile(
    r"^[\s【\[（(]*(分享到|分享至|分享(此|本)?文章?[:：]|上一篇|下一篇|上一条|下一条|打印本页|关闭窗口|返回顶部|扫一扫|扫码关注|扫描二维码"
    r"|长按(?:识别)?二维码|字号|【字体|字体[:：]"
    r"|当前位置|您当前的位置|您的位置|相关(新闻|阅读|文章|链接|推荐)|推荐阅读|延伸阅读|热门推荐|声明[:：]|免责声明|版权声明|版权所有"
    r"|责任编辑|责编|编辑[:：]|来源[:：]|作者[:：]|原标题|转载请注明|本文链接|附件下载|相关附件|关键词[:：]|标签[:：]"
    # a download line (附件：申报表.docx); a document's own 附件：… line is its text
    r"|附件\s*\d*\s*[:：].{0,80}\.(?:pdf|docx?|xlsx?|wps|et|zip|rar|7z|ofd)\s*$"
    r"|特别声明|特别提醒[:：]|郑重声明|Notice[:：]|【纠错】|图片来源|图源[:：]|摄影[:：]|图片提供[:：]|(校对|审核|审校|监制|排版|美编|终审|初审|复审)[:：]"
    r"|点击.{0,8}(蓝字|关注)|我要举报)"
    # the site's service note: 温馨提示：如需获取项目详细资料，请拨打招商服务热线…
    r"|^[【\[]?(?:温馨|友情|特别)提示[】\]]?\s*[:：]?.{0,60}?(?:拨打|致电|热线|点击|登录|注册|联系我们|在线咨询|立即咨询)"
    # the site's own sales line: 更多…信息，请拨打招商热线400-071-2233，或点击右侧“在线咨询”获取一对一选址服务。
    r"|^(?=.{0,100}$)(?=.*(?:400|800)[-\s]?\d{3}[-\s]?\d{4})(?=.*(?:咨询|免费|一对一|选址|获取))"
    # the site introducing itself: 【桂林招商政策网】为您提供最新政策原文及解读，欢迎收藏本站。
    r"|^[【\[][^】\]]{2,14}(?:网|平台|在线)[】\]][^。]{0,60}(?:本站|为您|欢迎|专业提供)[^。]{0,40}[。！!]?$"
    # a toolbar of bracketed tools: 【打印】【关闭】【顶部】
    r"|^(?:\s*[【\[](?:打印|关闭|顶部|收藏|分享|返回|纠错|打印本页|关闭窗口|返回顶部|加入收藏)[】\]]){2,}"
    # a line that is nothing but a newspaper citation, a credit, a counter or an END mark
    r"|^《\s*[^》]{1,12}\s*》\s*[（(][^（）()]{0,30}版\s*[）)]$"
    r"|^[（(][^（）()]{1,30}(供稿|供图|摄)[）)]$"
    r"|^[（(]\s*(?:图片|照片|图|资料图|视频)?由[^（）()]{1,30}提供[）)]$"  # （图片由项目建设指挥部提供）
    r"|^[-—–_\s]*END[-—–_\s]*$"
    r"|^(?:分享|收藏|点赞|在看|转发|赞)(?:\s*(?:分享|收藏|点赞|在看|转发|赞)){2,}$"  # a WeChat article's own buttons, pasted
    r"|^[-—–_=\s]*第\s*\d{1,3}\s*页[-—–_=\s]*$"  # —— 第2页 ——: where a paged text's next page began
    r"|^(?:共\s*\d{1,3}\s*页\s*[:：]?\s*)?(?:首页|上一页|上页)?[\s\d]*(?:\d[\s\d]*)(?:下一页|下页|尾页)[\s\d尾页]*$"  # 共2页：上一页 1 2 下一页
    r"|^[（(]?\s*(?:未完(?:待续)?|待续)[，,、\s]*(?:请看|请见|见|转)?(?:下一?页|下页|第\s*\d+\s*页)?\s*[)）]?$"  # （未完，请看下一页）
    r"|^视频\s*[:：][^。！？]{0,40}(?:拍摄|剪辑|制作|摄制)[\s/、和及拍摄剪辑制作]*$"  # a video credit: 视频：溪口村今昔 ｜ 记者 沈佳怡 拍摄 剪辑
    # a line of names under a role: 文字：李思琪 赵一鸣, 图片：校记者团 陈浩然, 资料图 图/视觉湖南
    r"|^(?:文字|图片|文|图|摄影|摄像|视频|撰稿|供图|通讯员|资料图(?:片)?\s*图)\s*[:：/／]\s*[\u4e00-\u9fa5·]{2,12}(?:[\s、，,]+[\u4e00-\u9fa5·]{2,12}){0,5}$"
    r"|^[\s【\[（(]*(?:广告|推广|赞助)[】\]）)]?\s*$"  # an ad slot's mark alone
    r"|^[【\[]\s*(?:全文|正文|原文|阅读全文|查看全文)\s*[】\]]$"  # 【全文】 over the text's second copy
    # a credit of roles: （文/刘晓燕 图/孙浩 审核：王志刚）
    r"|^[（(]\s*(?:文|文字|撰文|撰稿|供稿|作者|图|图片|摄影|视频|记者|通讯员)\s*[/／:：][^（）()]{1,40}?(?:图|图片|摄影|视频|审核|编辑|责编|校对)\s*[/／:：][^（）()]{1,40}[）)]$"
    # a byline or an editors' line of names alone: 新京报记者 刘雅琪, （总台央视记者 孙佳怡 刘志强）, 编辑 杨海 校对 张彦君
    r"|^[（(]?(?:[\u4e00-\u9fa5·]{2,12}\s+)?[\u4e00-\u9fa5·]{0,12}(?:记者|通讯员|实习生)\s*[\u4e00-\u9fa5]{2,4}(?:[\s、\u3000]+(?:(?:记者|通讯员|实习生)\s*)?[\u4e00-\u9fa5]{2,4}){0,6}(?:\s*摄)?[）)]?$"
    r"|^(?:责任)?编辑\s+[\u4e00-\u9fa5]{2,4}(?:\s+(?:校对|审核|审校|终审|二审|三审|初审|监制)\s+[\u4e00-\u9fa5]{2,4})*$"
    # the same with bars: 每经记者｜王敏　每经编辑｜刘雪梅
    r"|^[\u4e00-\u9fa5]{0,6}(?:记者|编辑|通讯员|实习生)\s*[｜|:：]\s*[\u4e00-\u9fa5]{2,4}"
    r"(?:[\s\u3000]+[\u4e00-\u9fa5]{0,6}(?:记者|编辑|通讯员|实习生|校对)\s*[｜|:：]\s*[\u4e00-\u9fa5]{2,4})*$"
    r"|^数据来源[:：]|^[（(]?(?:文章|信息|稿件|新闻|本文)来源[:：]|^本文(?:地址|网址|出处|作者)[:：]"
    # a closing line that is only the office that wrote the text: （对外贸易处）
    r"|^[（(][\u4e00-\u9fa5][\u4e00-\u9fa5\s]{1,18}(?:处|科|局|办|室|中心|委|厅|部)[）)]$"
    r"|^[（(]\s*(?:供稿|撰稿|稿件来源|供图)\s*[:：][^（）()]{1,24}[）)]$"  # （供稿：招商三科）
    r"|^[\s—\-–=【\[<《]*(?:点击)?(?:(?:展开|收起|阅读|查看)全文|展开|收起)[\s>»∨∧↓↑▼▲+—\-–=】\]》]*$"  # (— 展开全文 —)
    # the site's note on where the text came from: （本文由某网整理，转载请注明出处）
    r"|^[^。]{0,60}由[^。]{0,50}小编[^。]{0,10}(?:整理|收集|编辑|采编)[^。]{0,60}[。！!]?$"  # [某某简介] 由[某网]小编精心整理分享…
    r"|^.{0,60}转载请注明(?:出处|来源|地址|作者)?[^。！!]{0,20}[。！!]?[）)】\]]?$"  # 【揭阳产业园区】本文由…整理发布，转载请注明出处。
    r"|^[（(【\[]?本文(?:内容)?(?:由|来自|系|为|转自|经)[^。]{0,30}(?:整理|编辑|原创|发布|转载|提供|编译)[^。]{0,24}[）)】\]]?$"
    r"|^[（(【\[][^。]{0,40}(?:转载请注明|版权问题|侵权)[^。]{0,20}[）)】\]]$"
    # a page-break tag the CMS left in the text: [NextPage], #p#分页标题#e#, {pagebreak}
    r"|^\[(?:NextPage|nextpage|page|pagebreak)\]$|^#p#.{0,30}#e#$|^\{pagebreak\}$"
    r"|^(?:本文|本站|本网)?(?:转载请注明|如需转载|未经(?:授权|许可)[^。]{0,8}转载)"
    r"|^(点赞|在看|分享|收藏|举报|评论)\s*\+?\d*$|^\+?\d+\s*(我要举报)?$"
    r"|^[【\[（(]?第\s*[\d一二三四五六七八九十]+\s*页(?:\s*[/／]\s*共\s*\d+\s*页)?[】\]）)]?$"  # 第1页: a page's marker
    r"|^(?:温馨|风险|免责)提示[:：]\s*(?:以上|本站|本网|本页|本文|投资有风险)"
    # the portal's own app and home page: 海量资讯、精准解读，尽在新浪新闻APP; 返回搜狐，查看更多
    r"|^.{0,16}(?:尽在|下载|打开)[^。，,]{0,10}(?:APP|App|app|客户端)[！!。]?$"
    r"|^返回[^\s，,。]{1,8}(?:[，,\s]*查看更多)?[\s>»]*$"
    r"|^[^。，,]{0,8}(?:加载中|正在加载|载入中)[，,\s]*(?:请稍候|请稍等)?[.。…]*$"  # a player's placeholder
)

#: A summary box (摘要/导读) repeats the lead; it is not body text.
SUMMARY_LINE_RE = re.compile(r"^[\s【\[]*(摘要|导读|核心提示|内容提要|内容摘要|提要)[】\]]?\s*[:：]?")

HEADING_PATTERN_RE = re.compile(
    r"^(?:[一二三四五六七八九十百]+[、.．]|[（(][一二三四五六七八九十百]+[）)]|第[一二三四五六七八九十百零\d]+[章节部分篇])"
    r"|^【[^【】]{2,28}】$"  # 【港产联动 打造临港产业新高地】: a line that is all one bracketed title
)
SENTENCE_END = tuple("。！？；;!?")

#: A box heading inside the text that starts the site's or account's list of
#: other posts (往期推荐, 猜你喜欢): it and the titles under it are not the text.
MORE_POSTS_RE = re.compile(r"^[\s【\[—\-▍|｜]*(?:往期(?:推荐|回顾|精选|精彩|热文)|推荐阅读|相关阅读|延伸阅读|猜你喜欢|热门推荐|精彩推荐|更多精彩|热文推荐)"
                           r"[\s】\]—\-|｜:：]*$")
