"""Lines around a report that are not the report: web-page furniture and the GB/T 9704 版头.

A saved web page brings its site header, breadcrumb, 发布时间/来源/浏览次数 lines, font-size
switches, the 政府信息公开 metadata table and a footer; a document sent upward by PDF brings
its 版头 (份号, 密级, 紧急程度, 发文机关标志, 发文字号, 签发人, the red rule). None of it is title,
organ, year or date. `kind(line)` names what a line is, on folded text (half-width marks).
"""

from __future__ import annotations

import regex

# Field names of page metadata and of the 信息公开 table, followed by a colon, a column bar
# or a tab; several may share one line (「来源:×× 发布时间:2024-03-28 09:18」).
_FIELDS = (
    "当前位置|您(?:现在)?(?:所在)?的?位置|所在位置|位置|发布时间|发布日期|发表时间|发布者|更新时间|"
    "日期|时间|来源|信息来源|稿件来源|文章来源|作者|撰稿|编辑|责任编辑|审核|审校|供稿|摄影|"
    "浏览次数|浏览量|点击数|点击量|点击率|阅读次数|阅读量|阅读人次|访问量|访问次数|字号|字体|"
    "索引号|主题分类|主题词|发文机关|发布机构|发文单位|成文日期|公文种类|文种|体裁分类|组配分类|"
    "服务对象|有效性|效力状态|公开方式|公开范围|公开时限|生成日期|分类|标题|名称|文号|发文字号|"
    "信息分类|所属机构|所属主题|关键词|分享到|分享|打印|关闭|收藏|主办单位|主办|承办单位|承办|"
    "协办|技术支持|网站标识码|联系电话|联系我们|地址|邮编|ICP备案号|备案号|时效性|信息提供日期|"
    "发文日期|文件编号|语音播报|视力保护色|保护视力色"
)
_FIELD_LINE = regex.compile(rf"[\s•·*\-|【\[(]*(?:{_FIELDS})\s*(?:[:：|\t\]】]|\s*$)")
# Labels of the 信息公开 table are unmistakable even glued to their value (「发布机构××乡人民政府」).
_GLUED_FIELD = regex.compile(r"[\s•·*\-|【\[(]*(?:索引号|发布机构|发布日期|成文日期|发文日期|时效性|有效性|"
                             r"主题分类|体裁分类|发文字号|信息分类|组配分类)")
# A field with its colon later in a short line: 「××区人民政府门户网站 www.… 发布时间：2025-03-31」
_FIELD_INSIDE = regex.compile(r"(?:发布时间|发布日期|浏览次数|点击数|阅读次数|信息来源|文章来源|来源|更新时间)\s*[:：]"
                              r"|www\.|https?://")
_BULLET = regex.compile(r"[•·▪●◆■►]|[-*]\s")
_MARKS_ONLY = regex.compile(r"[\W_]+")
# Words a page header or footer shows alone or in a row: 首页 | 打印 | 关闭…
_WORDS = (
    "首页|网站首页|返回首页|打印|打印本页|打印此页|关闭|关闭窗口|关闭本页|分享|收藏|网站地图|"
    "联系我们|无障碍|无障碍阅读|长者模式|关怀版|简体|繁体|繁體|简|繁|English|登录|注册|搜索|"
    "大|中|小|扫一扫|在手机上打开|手机版|返回顶部|返回|上一篇|下一篇|相关链接|相关文章|"
    "政府信息公开|信息公开|政务公开|法定主动公开内容|专题专栏|通知公告|政策文件|友情链接|"
    "版权所有|网站纠错|我要纠错|加入收藏|设为首页|微信|微博|QQ空间|字号|默认|视力保护色"
)
_WORD_ROW = regex.compile(rf"(?:[\s|/·•\[\]【】()「」:：>]*(?:{_WORDS}))+[\s|/·•\[\]【】()「」:：>]*")
_BREADCRUMB = regex.compile(r"首页\s*(?:[>»›→/]|>>)|(?:[^>»›→\n]{1,16}\s*(?:>>|[>»›→])\s*){2,}")
_TODAY = regex.compile(r"今天是|星期[一二三四五六日天]|周[一二三四五六日]\s*$")
_CLOCK = regex.compile(r"\d{4}[-./年]\d{1,2}[-./月]\d{1,2}日?\s*\d{1,2}:\d{2}")
_FOOTER = regex.compile(r".*(?:ICP备|公网安备|版权所有|Copyright|©|技术支持[:：]|网站标识码|语音(?:播报|合成)|播报模式)")

# GB/T 9704-2012 7.2: 份号, 密级和保密期限, 紧急程度, 发文机关标志, 发文字号, 签发人, the red rule
_COPY_NUMBER = regex.compile(r"(?:份号[:：]?\s*)?\d{6}")
_SECRECY = regex.compile(r"(?:绝密|机密|秘密)(?:\s*★.{0,8})?|(?:绝密|机密|秘密)?\s*★?\s*保密期限.{0,8}")
_URGENCY = regex.compile(r"特急|加急|特提|平急|急件")
_DOC_NUMBER = regex.compile(
    r"\p{Han}{1,12}\s*[〔\[［【(]\s*\d{4}\s*[〕\]］】)]\s*\d{1,4}\s*号"
    r"(?:\s*签发人[:：]\s*[\p{Han}、\s]{2,20})?")
_SIGNER = regex.compile(r".{0,40}签发人[:：]\s*[\p{Han}、\s]{2,20}")
_ISSUER = regex.compile(r"(?:\p{Han}{2,30}\s*)+文件")
_SHORT = 100
_ROW = 80
_LONG = 200
_ARROWS = regex.compile(r"[>»›→/]")
_RULE = regex.compile(r"[-*_=—─━―~ ]{3,}|[-—─━]+\s*★\s*[-—─━]+")
# A page number printed at the foot of a page and extracted as a line of its own (PDF, OFD):
# GB/T 9704's 「— 3 —」, 「第3页 共5页」, 「3/5」, or the bare number.
_DASHES = r"[-—–―－~～]"
_PAGE_NUMBER = regex.compile(
    rf"{_DASHES}+\s*\d{{1,4}}\s*{_DASHES}+"
    r"|第\s*\d{1,4}\s*页(?:\s*[,，/／]?\s*共\s*\d{1,4}\s*页)?"
    r"|共\s*\d{1,4}\s*页\s*[,，]?\s*第\s*\d{1,4}\s*页"
    r"|\d{1,4}\s*[/／]\s*\d{1,4}|\d{1,3}")


def kind(text: str) -> str | None:
    """'web' (page furniture), 'page' (a printed page number), 'header' (a 版头 element),
    'issuer' (发文机关标志), or None."""
    line = text.strip()
    if not line or len(line) > _LONG:
        return None   # a paragraph: furniture lines are short
    if len(line) <= 20 and _PAGE_NUMBER.fullmatch(line):
        return "page"
    if _header(line):
        return "header"
    if _ISSUER.fullmatch(line) and not regex.search(r"报告|情况|关于", line):
        return "issuer"
    if _web(line):
        return "web"
    return None


def is_furniture(text: str) -> bool:
    return kind(text) is not None


def _header(line: str) -> bool:
    return any(p.fullmatch(line) for p in (_COPY_NUMBER, _SECRECY, _URGENCY, _DOC_NUMBER,
                                            _SIGNER, _RULE))


def _web(line: str) -> bool:
    """Cheap tests first: most lines that reach here are short body or title lines."""
    if _FIELD_LINE.match(line) or _GLUED_FIELD.match(line) or _BULLET.match(line):
        return True
    if _MARKS_ONLY.fullmatch(line) or (len(line) <= _ROW and _WORD_ROW.fullmatch(line)):
        return True
    if _ARROWS.search(line) and (_BREADCRUMB.search(line) or line[0] in ">»›→"):
        return True   # 「首页 > 政务公开」, 「>政务公开 | >行政执法年度报告 |」
    if "|" in line and len(line) <= _SHORT:
        return True   # a navigation or table row: a title never holds a column bar
    if len(line) <= _SHORT and _FIELD_INSIDE.search(line):
        return True
    if _FOOTER.match(line) or (":" in line and _CLOCK.search(line)):
        return True
    return _TODAY.search(line) is not None and not regex.search(r"报告|法治|建设", line)


def site_header(line: str, dated: bool) -> bool:
    """「天津市静海区人民政府 2019年12月3日星期二」: a site's name with the day's date, above
    the report; `dated` says whether the line holds a date (the caller's date grammar)."""
    return dated and regex.search(r"报告|法治|建设|情况", line) is None
