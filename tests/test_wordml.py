"""A .docx read as Word shows it (issue 14): list numbers drawn from numbering.xml, tracked
insertions in and deletions out, content controls, field results, text boxes, symbols,
tabs and breaks; each seed written as an author's Word file gives the .txt seed's findings."""

from __future__ import annotations

import io
from collections import Counter

import pytest
from lxml import etree

from builders import to_word_docx
from conftest import SEEDS

from lawlint.extract import _numbering, docx as docx_reader
from lawlint.pipeline import linter

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = (f'xmlns:w="{W}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
      'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
      'xmlns:v="urn:schemas-microsoft-com:vml"')
SEED_FILES = sorted(SEEDS.glob("*.txt"))


def word(body: str, numbering: str = "") -> bytes:
    """A .docx whose body is `body` (WordprocessingML, w: prefix), with `numbering` added to
    numbering.xml (abstractNum and num elements)."""
    import docx

    document = docx.Document()
    element = document.element.body
    for child in list(element):
        if not child.tag.endswith("sectPr"):
            element.remove(child)
    for child in etree.fromstring(f"<w:body {NS}>{body}</w:body>"):
        element.insert(len(element) - 1, child)
    if numbering:
        part = document.part.numbering_part.element
        for child in etree.fromstring(f"<w:numbering {NS}>{numbering}</w:numbering>"):
            part.insert(0, child) if child.tag.endswith("abstractNum") else part.append(child)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def lines(body: str, numbering: str = "") -> list[str]:
    return docx_reader.extract(word(body, numbering), "t.docx").text.split("\n")


def p(*runs: str, ppr: str = "") -> str:
    return f"<w:p>{f'<w:pPr>{ppr}</w:pPr>' if ppr else ''}{''.join(runs)}</w:p>"


def r(text: str) -> str:
    return f'<w:r><w:t xml:space="preserve">{text}</w:t></w:r>'


# ---- what a paragraph shows ------------------------------------------------------------------

SHOWN = {
    "tracked insertion in": (p(r("全年审查"), f'<w:ins w:id="1" w:author="a">{r("文件12件")}</w:ins>'),
                             "全年审查文件12件"),
    "tracked deletion out": (p(r("全年审查"), '<w:del w:id="1" w:author="a"><w:r><w:delText>规章</w:delText></w:r></w:del>',
                               r("文件")), "全年审查文件"),
    "move: to in, from out": (p('<w:moveFrom w:id="1" w:author="a">' + r("旧处") + "</w:moveFrom>",
                                r("正文"), '<w:moveTo w:id="2" w:author="a">' + r("新处") + "</w:moveTo>"),
                              "正文新处"),
    "run-level content control": (p(r("成文日期："), f"<w:sdt><w:sdtPr/><w:sdtContent>{r('2024年1月29日')}</w:sdtContent></w:sdt>"),
                                  "成文日期：2024年1月29日"),
    "complex field: result in, code out": (
        p(r("日期："), '<w:r><w:fldChar w:fldCharType="begin"/></w:r>',
          '<w:r><w:instrText> DATE \\@ "yyyy年M月d日" </w:instrText></w:r>',
          '<w:r><w:fldChar w:fldCharType="separate"/></w:r>', r("2024年1月29日"),
          '<w:r><w:fldChar w:fldCharType="end"/></w:r>'), "日期：2024年1月29日"),
    "nested field code never shows": (
        p('<w:r><w:fldChar w:fldCharType="begin"/></w:r>', '<w:r><w:instrText>IF </w:instrText></w:r>',
          '<w:r><w:fldChar w:fldCharType="begin"/></w:r>', '<w:r><w:instrText>PAGE</w:instrText></w:r>',
          '<w:r><w:fldChar w:fldCharType="separate"/></w:r>', r("9"), '<w:r><w:fldChar w:fldCharType="end"/></w:r>',
          '<w:r><w:fldChar w:fldCharType="separate"/></w:r>', r("结果"), '<w:r><w:fldChar w:fldCharType="end"/></w:r>'),
        "结果"),
    "simple field result": (p(r("文号："), f'<w:fldSimple w:instr=" DOCPROPERTY 文号 ">{r("渝府发〔2024〕1号")}</w:fldSimple>'),
                            "文号：渝府发〔2024〕1号"),
    "hyperlink text": (p(r("详见"), f'<w:hyperlink w:anchor="x">{r("附件")}</w:hyperlink>'), "详见附件"),
    "tab, symbol, hyphens": (p('<w:r><w:t>甲</w:t><w:tab/><w:t>乙</w:t><w:sym w:font="Symbol" w:char="F0B7"/>'
                               '<w:noBreakHyphen/><w:softHyphen/><w:t>丙</w:t></w:r>'), "甲\t乙·-丙"),
    "line break is a line, page break is not": (p('<w:r><w:t>上</w:t><w:br/><w:t>下</w:t><w:br w:type="page"/><w:t>页</w:t></w:r>'),
                                                "上\n下页"),
}


@pytest.mark.parametrize("name", SHOWN)
def test_a_paragraph_reads_as_word_shows_it(name):
    body, expected = SHOWN[name]
    assert "\n".join(lines(body)) == expected


def test_a_paragraph_whose_mark_is_deleted_joins_the_next_one():
    deleted_mark = '<w:rPr><w:del w:id="9" w:author="a"/></w:rPr>'
    assert lines(p(r("前半"), ppr=deleted_mark) + p(r("后半"))) == ["前半后半"]


def test_a_text_box_follows_its_anchor_once_not_again_from_its_vml_fallback():
    box = f"<w:txbxContent>{p(r('版头'))}</w:txbxContent>"
    anchor = ('<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:wsp><wps:txbx>'
              f"{box}</wps:txbx></wps:wsp></w:drawing></mc:Choice><mc:Fallback><w:pict><v:textbox>{box}"
              "</v:textbox></w:pict></mc:Fallback></mc:AlternateContent></w:r>")
    assert lines(p(r("锚段"), anchor) + p(r("正文"))) == ["锚段", "版头", "正文"]
    assert lines(p(anchor) + p(r("正文"))) == ["版头", "正文"]   # an anchor with nothing else: no line


def test_block_content_controls_tables_and_their_controls_are_read_once_in_order():
    cell = lambda text, extra="": f"<w:tc><w:tcPr>{extra}</w:tcPr>{p(r(text))}</w:tc>"
    span = '<w:gridSpan w:val="2"/>'
    table = ("<w:tbl><w:tblPr/><w:tblGrid/>"
             f"<w:tr>{cell('甲', span)}</w:tr>"
             f"<w:sdt><w:sdtPr/><w:sdtContent><w:tr>{cell('乙')}{cell('丙')}</w:tr></w:sdtContent></w:sdt>"
             f'<w:tr><w:trPr><w:del w:id="1" w:author="a"/></w:trPr>{cell("删去的行")}</w:tr></w:tbl>')
    control = f"<w:sdt><w:sdtPr><w:alias w:val='日期'/></w:sdtPr><w:sdtContent>{p(r('2024年1月29日'))}</w:sdtContent></w:sdt>"
    assert lines(p(r("前")) + table + control) == ["前", "甲", "乙", "丙", "2024年1月29日"]


# ---- list numbers ----------------------------------------------------------------------------

def level(ilvl: int, fmt: str, text: str, start: int = 1, extra: str = "") -> str:
    return (f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>'
            f'<w:lvlText w:val="{text}"/>{extra}</w:lvl>')


THREE_LEVELS = ('<w:abstractNum w:abstractNumId="70">'
                + level(0, "chineseCounting", "%1、", extra='<w:suff w:val="nothing"/>')
                + level(1, "chineseCounting", "（%2）", extra='<w:suff w:val="nothing"/>')
                + level(2, "decimal", "%3.", extra='<w:suff w:val="space"/>')
                + '</w:abstractNum><w:num w:numId="70"><w:abstractNumId w:val="70"/></w:num>')


def numbered(text: str, ilvl: int, num: int = 70) -> str:
    return p(r(text), ppr=f'<w:numPr><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num}"/></w:numPr>')


def test_list_numbers_are_drawn_and_lower_levels_restart_under_a_higher_one():
    body = (numbered("举措", 0) + numbered("甲", 1) + numbered("乙", 1) + numbered("细", 2) + numbered("细", 2)
            + numbered("不足", 0) + numbered("丙", 1) + p(r("正文")) + numbered("安排", 0))
    assert lines(body, THREE_LEVELS) == ["一、举措", "（一）甲", "（二）乙", "1. 细", "2. 细", "二、不足",
                                         "（一）丙", "正文", "三、安排"]


def test_numbering_from_a_paragraph_style_and_a_level_linked_to_it():
    import docx

    numbering = ('<w:abstractNum w:abstractNumId="71">' + level(0, "chineseCounting", "%1、", extra='<w:pStyle w:val="Heading1"/><w:suff w:val="nothing"/>')
                 + level(1, "chineseCounting", "（%2）", extra='<w:pStyle w:val="Heading2"/><w:suff w:val="nothing"/>')
                 + '</w:abstractNum><w:num w:numId="71"><w:abstractNumId w:val="71"/></w:num>')
    data = word(p(r("举措"), ppr='<w:pStyle w:val="Heading1"/>') + p(r("甲"), ppr='<w:pStyle w:val="Heading2"/>')
                + p(r("不足"), ppr='<w:pStyle w:val="Heading1"/>'), numbering)
    document = docx.Document(io.BytesIO(data))
    for style_id, ilvl in (("Heading1", None), ("Heading2", 1)):
        properties = document.styles.element.xpath(f'w:style[@w:styleId="{style_id}"]')[0].get_or_add_pPr()
        extra = f'<w:ilvl w:val="{ilvl}"/>' if ilvl is not None else ""
        properties.append(etree.fromstring(f'<w:numPr {NS}>{extra}<w:numId w:val="71"/></w:numPr>'))
    buffer = io.BytesIO()
    document.save(buffer)
    text = docx_reader.extract(buffer.getvalue(), "s.docx").text
    assert text.split("\n") == ["# 一、举措", "## （一）甲", "# 二、不足"]


def test_a_start_override_restarts_a_list_and_numid_0_means_not_numbered():
    numbering = THREE_LEVELS + ('<w:num w:numId="72"><w:abstractNumId w:val="70"/>'
                                '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="5"/></w:lvlOverride></w:num>')
    body = numbered("甲", 0) + numbered("乙", 0, num=72) + numbered("丙", 0, num=72) + numbered("丁", 0, num=0)
    assert lines(body, numbering) == ["一、甲", "五、乙", "六、丙", "丁"]


@pytest.mark.parametrize("fmt, values, expected", [
    ("chineseCounting", (1, 10, 11, 20, 21, 99), ("一", "十", "十一", "二十", "二十一", "九十九")),
    ("chineseCountingThousand", (100, 105, 110), ("一百", "一百〇五", "一百一十")),
    ("chineseLegalSimplified", (1, 12), ("壹", "拾贰")),
    ("ideographTraditional", (1, 10, 11), ("甲", "癸", "甲")),
    ("ideographZodiac", (1, 12), ("子", "亥")),
    ("decimalEnclosedCircle", (1, 20, 21), ("①", "⑳", "21")),
    ("decimalEnclosedParen", (3,), ("⑶",)),
    ("decimalFullWidth", (12,), ("１２",)),
    ("decimalZero", (7,), ("07",)),
    ("upperLetter", (1, 27), ("A", "AA")),
    ("lowerRoman", (4, 9), ("iv", "ix")),
    ("someFutureFormat", (3,), ("3",)),
])
def test_number_formats_as_word_draws_them(fmt, values, expected):
    assert tuple(_numbering.render(value, fmt) for value in values) == expected


def test_bullets_draw_no_ordinal():
    numbering = ('<w:abstractNum w:abstractNumId="73">' + level(0, "bullet", "\uf0b7")
                 + '</w:abstractNum><w:num w:numId="73"><w:abstractNumId w:val="73"/></w:num>')
    assert lines(numbered("要点", 0, num=73), numbering) == ["要点"]


# ---- positions and the not-final notice -------------------------------------------------------

def lint(data: bytes, name: str = "r.docx"):
    resolver = linter.Resolver(linter.Options(isolated=True))
    return linter.run_file(name, resolver, data=data).result


def test_a_finding_on_a_drawn_number_points_at_the_paragraphs_start_and_carries_no_fix():
    from lawlint.checks import Hit
    from lawlint.document import Edit, Span, fold, structure
    from lawlint.packs.ruleset import load_ruleset
    from lawlint.pipeline import engine

    src = docx_reader.extract(word(p(r("正文")) + numbered("举措", 0) + numbered("甲", 1), THREE_LEVELS), "t.docx")
    assert src.generated == ((3, 5), (8, 11))   # 「一、」 and 「（一）」 are Word's, not the file's
    ruleset = load_ruleset()
    document = structure.parse(src, fold.fold(src), None, ruleset.grammar)
    rule = ruleset.find("LL501")
    on_number = engine.stamp(rule, Hit(Span(9, 10), fix=(Edit(Span(9, 10), "二"),)), document)
    on_text = engine.stamp(rule, Hit(Span(12, 13)), document)
    assert (on_number.line, on_number.column, on_number.paragraph, on_number.fix) == (3, 1, 3, ())
    assert (on_text.line, on_text.column) == (3, 5)


def test_unaccepted_revisions_and_comments_are_one_info_finding():
    body = (p(r("全年审查"), f'<w:ins w:id="1" w:author="a">{r("文件12件")}</w:ins>')
            + p(r("正文"), '<w:r><w:commentReference w:id="0"/></w:r>'))
    result = lint(word(body))
    notices = [d for d in result.diagnostics if d.rule_id == "LL006"]
    assert len(notices) == 1 and notices[0].severity == "info"
    assert notices[0].message.startswith("文档含未接受的修订 1 处、批注 1 条")
    assert "LL006" not in {d.rule_id for d in lint(word(p(r("全年审查文件12件")))).diagnostics}


# ---- each seed as an author's Word file ------------------------------------------------------

@pytest.mark.parametrize("seed", SEED_FILES, ids=lambda path: path.name[:3])
def test_a_seed_as_an_authors_word_file_gives_the_seeds_findings(seed):
    """Numbered headings, the measures heading in a tracked insertion after a deleted stale
    heading, the date in a content control, the 版头 in a text box: Word shows the seed."""
    text = seed.read_text(encoding="utf-8")
    every = linter.Options(isolated=True, habit_threshold=0)   # the .txt folds habits, a .docx cannot fix
    original = linter.run_file(str(seed), linter.Resolver(every)).result
    converted = lint(to_word_docx(text), seed.stem + ".docx")
    assert converted.error is None
    assert docx_reader.extract(to_word_docx(text), "x.docx").text == text.rstrip("\n")
    words = Counter((d.rule_id, d.message) for d in converted.diagnostics if d.rule_id != "LL006")
    assert words == Counter((d.rule_id, d.message) for d in original.diagnostics)
    assert [d.rule_id for d in converted.diagnostics].count("LL006") == 1
