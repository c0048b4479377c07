"""Build .docx, .pdf and .html versions of a text report, as authors and web pages make them."""

from __future__ import annotations

import html
import io
import unicodedata

PAGE_HEIGHT, MARGIN, LEADING, FONT_SIZE = 842, 50, 14, 10
WRAP_CELLS = 96  # half-width cells per PDF line: ~48 Chinese characters at 10 pt on A4


def to_docx(text: str, heading_styles: dict[int, int] | None = None) -> bytes:
    """One Word paragraph per line; `heading_styles` maps line numbers to 'Heading N'."""
    import docx

    document = docx.Document()
    for number, line in enumerate(text.rstrip("\n").split("\n"), start=1):
        level = (heading_styles or {}).get(number)
        if level:
            document.add_heading(line, level=level)
        else:
            document.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def to_pdf(text: str, encrypt: str | None = None) -> bytes:
    """A text-layer PDF in the STSong-Light CID font, long lines wrapped as a layout would."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=(595, PAGE_HEIGHT), encrypt=encrypt)
    y = PAGE_HEIGHT - MARGIN
    pdf.setFont("STSong-Light", FONT_SIZE)
    for line in text.rstrip("\n").split("\n"):
        for piece in _wrap(line) or [""]:
            if y < MARGIN:
                pdf.showPage()
                pdf.setFont("STSong-Light", FONT_SIZE)
                y = PAGE_HEIGHT - MARGIN
            pdf.drawString(MARGIN, y, piece)
            y -= LEADING
    pdf.save()
    return buffer.getvalue()


def scanned_pdf() -> bytes:
    """A page with only drawing on it: what a scan without OCR looks like to a text extractor."""
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer)
    pdf.rect(100, 100, 300, 500, fill=1)
    pdf.save()
    return buffer.getvalue()


def _wrap(line: str) -> list[str]:
    pieces, current, cells = [], "", 0
    for char in line:
        width = 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1
        if cells + width > WRAP_CELLS:
            pieces.append(current)
            current, cells = "", 0
        current += char
        cells += width
    return pieces + ([current] if current else [])


def to_html(text: str) -> str:
    """A government web page: navigation, scripts and styles around the report body."""
    body = "\n".join(f"<p>{html.escape(line)}</p>" if line.strip() else "<p></p>"
                     for line in text.rstrip("\n").split("\n"))
    return f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>政务公开</title>
<style>.nav {{ color: red }} /* 法治政府建设年度报告 */</style>
<script>var title = "XX局2099年法治政府建设年度报告";</script></head>
<body><nav class="nav"><a href="/">首页</a> &gt; <a href="/gk">政务公开</a> &gt; 法治政府建设</nav>
<header>某某市人民政府门户网站</header>
<div class="TRS_Editor">
{body}
</div>
<footer>主办：某某市人民政府办公室 版权所有 联系我们 2099年12月31日</footer>
</body></html>"""


# ---- a .docx as Word writes it: list numbering, tracked changes, content controls, text boxes ----

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_ORDINALS = "一二三四五六七八九十"
# level, the typed ordinal at the start of a line, the number Word draws for counter n
_LIST_LEVELS = (
    (0, r"([一二三四五六七八九十]{1,3})、", lambda n: _chinese_number(n) + "、"),
    (1, r"（([一二三四五六七八九十]{1,3})）", lambda n: f"（{_chinese_number(n)}）"),
    (2, r"(\d{1,2})\.", lambda n: f"{n}."),
)


def _chinese_number(n: int) -> str:
    tens, ones = divmod(n, 10)
    return ("" if tens <= 1 else _ORDINALS[tens - 1]) + ("十" if tens else "") + (_ORDINALS[ones - 1] if ones else "")


def _element(tag: str, children=(), text: str | None = None, **attributes):
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    element = OxmlElement(tag)
    for name, value in attributes.items():
        element.set(qn(f"w:{name}"), str(value))
    for child in children:
        element.append(child)
    if text is not None:
        element.text = text
        element.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    return element


def _run(text: str, deleted: bool = False):
    return _element("w:r", [_element("w:delText" if deleted else "w:t", text=text)])


def _numbering(document) -> str:
    """An abstract list of three levels, 「一、」「（一）」「1.」, as Word's multilevel list
    button writes it; returns its numId."""
    numbering = document.part.numbering_part.element
    levels = [("chineseCounting", "%1、"), ("chineseCounting", "（%2）"), ("decimal", "%3.")]
    abstract = _element("w:abstractNum", [
        _element("w:lvl", [_element("w:start", val=1), _element("w:numFmt", val=form),
                           _element("w:suff", val="nothing"), _element("w:lvlText", val=text)], ilvl=level)
        for level, (form, text) in enumerate(levels)], abstractNumId=90)
    numbering.insert(0, abstract)
    numbering.append(_element("w:num", [_element("w:abstractNumId", val=90)], numId=90))
    return "90"


def to_word_docx(text: str) -> bytes:
    """The report as an author's Word file: headings numbered by Word's list numbering (the
    typed ordinal removed wherever Word would draw the same one), the first level-1 heading
    in a tracked insertion after a deleted stale heading, the date (the last line) in a
    content control, the first line (the 版头) in a text box anchored in an empty paragraph."""
    import re

    import docx

    document = docx.Document()
    num_id = _numbering(document)
    counters = [0, 0, 0]
    lines = text.rstrip("\n").split("\n")
    tracked = False
    for number, line in enumerate(lines):
        marks = re.match(r"#{1,6} ", line)
        body = line[marks.end():] if marks else line
        paragraph = document.add_paragraph(style=f"Heading {len(marks.group(0)) - 1}" if marks else None)
        level, rest = _numbered(body, counters)
        if level is not None:
            properties = paragraph._p.get_or_add_pPr()
            properties.append(_element("w:numPr", [_element("w:ilvl", val=level), _element("w:numId", val=num_id)]))
        if level == 0 and not tracked:
            tracked = True
            _stale_heading_before(paragraph)
            paragraph._p.append(_element("w:ins", [_run(rest)], id=1, author="作者", date="2024-01-20T09:00:00Z"))
        elif number == 0 and rest.strip():
            _in_text_box(paragraph, rest)
        elif number == len(lines) - 1 and rest.strip():
            _in_content_control(paragraph, rest)
        else:
            paragraph._p.append(_run(rest))
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _numbered(body: str, counters: list[int]) -> tuple[int | None, str]:
    import re

    for level, pattern, draw in _LIST_LEVELS:
        typed = re.match(pattern, body)
        if typed and typed.group(0) == draw(counters[level] + 1):
            counters[level] += 1
            counters[level + 1:] = [0] * (len(counters) - level - 1)
            return level, body[typed.end():]
    return None, body


def _stale_heading_before(paragraph) -> None:
    """A heading the author deleted with tracked changes on: its text and its mark deleted."""
    stale = _element("w:p", [
        _element("w:pPr", [_element("w:rPr", [_element("w:del", id=2, author="作者", date="2024-01-20T09:00:00Z")])]),
        _element("w:del", [_run("一、2020年推进法治政府建设的主要举措和成效", deleted=True)],
                 id=3, author="作者", date="2024-01-20T09:00:00Z")])
    paragraph._p.addprevious(stale)


def _in_content_control(paragraph, text: str) -> None:
    """The paragraph moved into a block-level content control, as a template's date field."""
    paragraph._p.append(_run(text))
    control = _element("w:sdt", [_element("w:sdtPr", [_element("w:alias", val="成文日期")]),
                                 _element("w:sdtContent")])
    paragraph._p.addprevious(control)
    control[1].append(paragraph._p)


def _in_text_box(paragraph, text: str) -> None:
    """The text in a text box (DrawingML, with the VML fallback Word also writes) anchored in
    this otherwise empty paragraph."""
    def box():
        return _element("w:txbxContent", [_element("w:p", [_run(text)])])

    from lxml import etree

    mc = "http://schemas.openxmlformats.org/markup-compatibility/2006"
    wps = "http://schemas.microsoft.com/office/word/2010/wordprocessingShape"
    alternate = etree.SubElement(_element("w:r"), f"{{{mc}}}AlternateContent")
    choice = etree.SubElement(alternate, f"{{{mc}}}Choice", Requires="wps")
    shape = etree.SubElement(etree.SubElement(choice, f"{{{_W}}}drawing"), f"{{{wps}}}wsp")
    etree.SubElement(shape, f"{{{wps}}}txbx").append(box())
    fallback = etree.SubElement(alternate, f"{{{mc}}}Fallback")
    etree.SubElement(etree.SubElement(fallback, f"{{{_W}}}pict"), "{urn:schemas-microsoft-com:vml}textbox").append(box())
    paragraph._p.append(alternate.getparent())
