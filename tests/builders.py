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
