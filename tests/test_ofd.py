"""OFD (GB/T 33190), as 电子公文 systems send a report: its text layer read in reading order,
page by page, so findings say "page P, line L"; scans, damaged and hostile packages refused
in one line. The OFDs are built here: a zip of the XML parts a producer writes."""

from __future__ import annotations

import io
import re
import unicodedata
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

import pytest

from conftest import SEEDS

from lawlint import limits
from lawlint.errors import InputError
from lawlint.extract import ofd
from lawlint.pipeline import linter

NS = "http://www.ofdspec.org/2016"
SIZE, LEADING, LEFT, TOP = 5.6, 10.0, 28.0, 37.0   # 3号 仿宋 in mm, GB/T 9704's 22 lines a page
LINE_CELLS = 56                                     # 28 Chinese characters a line

# ---- building an OFD ---------------------------------------------------------------------


def em(char: str, size: float = SIZE) -> float:
    return size if unicodedata.east_asian_width(char) in ("W", "F") else size / 2


def text_code(text: str, x: float = 0.0, y: float = SIZE, size: float = SIZE) -> str:
    """A TextCode at (x, y) of its object, each character's advance in DeltaX."""
    deltas = " ".join(f"{em(char, size):g}" for char in text[:-1])
    return f'<ofd:TextCode X="{x:g}" Y="{y:g}" DeltaX="{deltas}">{escape(text)}</ofd:TextCode>'


def text_object(text: str, x: float, y: float, ident: int = 0) -> str:
    """One printed line: a TextObject whose Boundary starts at (x, y - SIZE), baseline y."""
    width = sum(map(em, text))
    return (f'<ofd:TextObject ID="{ident}" Boundary="{x:g} {y - SIZE:g} {width:g} {SIZE * 1.2:g}" '
            f'Font="1" Size="{SIZE:g}">{text_code(text)}</ofd:TextObject>')


def baseline(line: int) -> float:
    return TOP + SIZE + LEADING * line


def page_xml(objects: list[str], template: str | None = None) -> str:
    uses = f'<ofd:Template TemplateID="{template}" ZOrder="Background"/>' if template else ""
    return (f'<?xml version="1.0" encoding="UTF-8"?><ofd:Page xmlns:ofd="{NS}">{uses}'
            f'<ofd:Content><ofd:Layer ID="1">{"".join(objects)}</ofd:Layer></ofd:Content></ofd:Page>')


def lines_page(lines: list[str]) -> str:
    return page_xml([text_object(text, LEFT, baseline(index), index)
                     for index, text in enumerate(lines)])


def package(pages: list[str], templates: dict[str, str] | None = None,
            extra: dict[str, bytes | str] | None = None, order: list[int] | None = None) -> bytes:
    """An OFD of these page Content.xml texts (Pages/Page_i), Document.xml listing them in
    `order` (else as given), with template pages by ID and any `extra` parts."""
    templates = templates or {}
    listed = "".join(f'<ofd:Page ID="{index + 1}" BaseLoc="Pages/Page_{index}/Content.xml"/>'
                     for index in (order if order is not None else range(len(pages))))
    tpls = "".join(f'<ofd:TemplatePage ID="{ident}" BaseLoc="Tpls/Tpl_{ident}/Content.xml"/>'
                   for ident in templates)
    parts = {
        "OFD.xml": f'<?xml version="1.0" encoding="UTF-8"?><ofd:OFD xmlns:ofd="{NS}" Version="1.0" '
                   f'DocType="OFD"><ofd:DocBody><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot>'
                   f'</ofd:DocBody></ofd:OFD>',
        "Doc_0/Document.xml": f'<?xml version="1.0" encoding="UTF-8"?><ofd:Document xmlns:ofd="{NS}">'
                              f'<ofd:CommonData><ofd:PageArea><ofd:PhysicalBox>0 0 210 297'
                              f'</ofd:PhysicalBox></ofd:PageArea>{tpls}</ofd:CommonData>'
                              f'<ofd:Pages>{listed}</ofd:Pages></ofd:Document>',
        **{f"Doc_0/Pages/Page_{index}/Content.xml": page for index, page in enumerate(pages)},
        **{f"Doc_0/Tpls/Tpl_{ident}/Content.xml": page for ident, page in templates.items()},
        **(extra or {}),
    }
    return zipped(parts)


def zipped(parts: dict[str, bytes | str]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return buffer.getvalue()


PER_PAGE = 22


def to_ofd(lines: list[str]) -> bytes:
    """These printed lines, PER_PAGE lines a page."""
    return package([lines_page(lines[start:start + PER_PAGE])
                    for start in range(0, len(lines), PER_PAGE)])


def printed(text: str) -> list[str]:
    """The lines a layout prints: a blank line prints nothing (as in a PDF)."""
    return [line for line in text.split("\n") if line.strip()]


def wrapped(line: str, cells: int = LINE_CELLS) -> list[str]:
    """A line as a layout breaks it, at most `cells` half-width cells a printed line."""
    pieces, start, used = [], 0, 0
    for index, char in enumerate(line):
        width = 2 if em(char) == SIZE else 1
        if used + width > cells:
            pieces.append(line[start:index])
            start, used = index, 0
        used += width
    return pieces + [line[start:]]


def read(data: bytes) -> list[tuple[int, int, str]]:
    """(page, line on the page, text) of every line extracted."""
    found = ofd.extract(data, "r.ofd")
    return [(*found.page_of(number), found.line_text(number))
            for number in range(1, found.line_count + 1)]


def lint_file(path: Path):
    """Every finding one by one: a .txt folds a habit (its fixes), an extracted format has none."""
    return linter.lint_path(str(path), linter.Resolver(linter.Options(isolated=True, habit_threshold=0)))


def numbered(*pages: list[str]) -> list[tuple[int, int, str]]:
    return [(page, line, text) for page, lines in enumerate(pages, start=1)
            for line, text in enumerate(lines, start=1)]


# ---- reading order -----------------------------------------------------------------------


def pieces_out_of_order() -> str:
    """「依法行政能力进一步提高」 in four pieces: two TextObjects, one of them with two TextCodes
    (the second keeping the first's Y), listed right to left, the first a little lower."""
    x, y = LEFT, baseline(0)
    right = (f'<ofd:TextObject ID="3" Boundary="{x + 6 * SIZE:g} {y - SIZE:g} {5 * SIZE:g} 7" '
             f'Size="{SIZE:g}">{text_code("进一步")}'
             f'<ofd:TextCode X="{3 * SIZE:g}">提高</ofd:TextCode></ofd:TextObject>')
    return page_xml([right, text_object("行政能力", x + 2 * SIZE, y, 2),
                     text_object("依法", x, y + 0.4, 1)])


def half_scale_in_a_page_block() -> str:
    """「法治」, then 「政府建设」 in a PageBlock, set in a font twice the size and drawn at half
    scale by its CTM (as converters write): without the CTM it would sit a line lower."""
    code = text_code("政府建设", 0, 2 * SIZE, size=2 * SIZE)
    return page_xml([text_object("法治", LEFT, baseline(0)),
                     f'<ofd:PageBlock ID="9"><ofd:TextObject ID="1" CTM="0.5 0 0 0.5 0 0" '
                     f'Boundary="{LEFT + 2 * SIZE:g} {baseline(0) - SIZE:g} 40 8" Size="{2 * SIZE:g}">'
                     f'{code}</ofd:TextObject></ofd:PageBlock>'])


FIRST, SECOND = ["某某县司法局2023年", "法治政府建设年度报告"], ["县政府：", "现将有关情况报告如下。"]
TWO_PAGES = [lines_page(FIRST), lines_page(SECOND)]
GBK_PAGE = lines_page(["法治政府"]).replace('encoding="UTF-8"', 'encoding="GBK"').encode("gbk")
READING_ORDER = {
    "lines come back page by page, top to bottom": (package(TWO_PAGES), numbered(FIRST, SECOND)),
    "pages come in Document.xml's order, not the zip's": (
        package(TWO_PAGES, order=[1, 0]), numbered(SECOND, FIRST)),
    "lines written bottom up are read top down": (
        package([page_xml([text_object("第二行", LEFT, baseline(1)),
                           text_object("第一行", LEFT, baseline(0))])]),
        numbered(["第一行", "第二行"])),
    "pieces of a line written out of order are joined left to right": (
        package([pieces_out_of_order()]), numbered(["依法行政能力进一步提高"])),
    "a gap wider than a space between pieces is one space": (
        package([page_xml([text_object("共12件", LEFT + 30, baseline(0)),
                           text_object("OFD", LEFT, baseline(0))])]),
        numbered(["OFD 共12件"])),
    "a header in a template page is left out": (
        package([page_xml([text_object("正文第一行", LEFT, baseline(0))], template="7")],
                templates={"7": page_xml([text_object("某某县人民政府文件", LEFT, TOP)])}),
        numbered(["正文第一行"])),
    "text in a page block is placed through its CTM": (
        package([half_scale_in_a_page_block()]), numbered(["法治政府建设"])),
    "a part that declares GBK is read as GB18030": (package([GBK_PAGE]), numbered(["法治政府"])),
}


@pytest.mark.parametrize("data, expected", READING_ORDER.values(), ids=READING_ORDER)
def test_text_comes_back_in_reading_order_with_its_page_and_line(data, expected):
    assert read(data) == expected


# ---- refused in one line -----------------------------------------------------------------

SCAN = page_xml(['<ofd:ImageObject ID="1" ResourceID="2" CTM="210 0 0 297 0 0" '
                  'Boundary="0 0 210 297"/>'])
BOMB = (f'<?xml version="1.0"?><!DOCTYPE p [<!ENTITY a "aaaaaaaaaa">]>'
        f'<ofd:Page xmlns:ofd="{NS}">&a;</ofd:Page>')


def unlisted_name_with_a_dtd() -> bytes:
    """Document.xml may name a content part anything; one not named .xml still gets its DTD refused."""
    data = package([BOMB])
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    parts["Doc_0/Document.xml"] = parts["Doc_0/Document.xml"].replace(b"Content.xml", b"Content")
    parts["Doc_0/Pages/Page_0/Content"] = parts.pop("Doc_0/Pages/Page_0/Content.xml")
    return zipped(parts)


REFUSED = {
    "a scan (images only) has no text layer": (package([SCAN, SCAN]), "no text layer (a scanned OFD?)"),
    "a cut-off download": (package(TWO_PAGES)[:300], "not a readable OFD (BadZipFile)"),
    "bytes that are no zip": (b"%PDF-1.7 not an OFD", "not a readable OFD (BadZipFile)"),
    "a zip without OFD.xml": (zipped({"Doc_0/Document.xml": "<Document/>"}),
                              "not a readable OFD (the root part OFD.xml is missing)"),
    "a page whose content part is missing": (
        package(TWO_PAGES, order=[0, 1, 2]),
        "not a readable OFD (page 3's content Pages/Page_2/Content.xml is missing)"),
    "two pages drawing one content part": (
        package(TWO_PAGES, order=[0, 0]), "not a readable OFD (two pages share one content part)"),
    "a document that lists no pages": (package([]), "not a readable OFD (it lists no pages)"),
    "a content part that is not XML": (package(["<ofd:Page"]), "not a readable OFD (XML: "),
    "a DTD in Content.xml (an entity bomb)": (
        package([BOMB]), "Doc_0/Pages/Page_0/Content.xml declares a DTD (<!DOCTYPE or <!ENTITY); "
                         "an OFD writer never writes one"),
    "a DTD in a content part not named .xml": (
        unlisted_name_with_a_dtd(), "not a readable OFD (Doc_0/Pages/Page_0/Content declares a DTD)"),
}


@pytest.mark.parametrize("data, message", REFUSED.values(), ids=REFUSED)
def test_an_ofd_that_cannot_be_read_is_one_clear_error(data, message):
    with pytest.raises(InputError) as refused:
        ofd.extract(data, "r.ofd")
    assert message in refused.value.message and "Word" not in str(refused.value)
    assert refused.value.path == "r.ofd" and refused.value.hint


def test_the_zip_limits_of_a_docx_hold_for_an_ofd():
    with limits.applied(limits.Limits(zip_member=4000)), pytest.raises(InputError) as refused:
        ofd.extract(package([lines_page(["法治政府建设"] * 100)]), "r.ofd")
    message = refused.value.message
    assert "Content.xml unpacks to" in message and "zip-member limit" in message


def test_a_scanned_ofd_in_a_folder_is_an_error_row_not_a_clean_pass(tmp_path):
    (tmp_path / "scan.ofd").write_bytes(package([SCAN]))
    result = lint_file(tmp_path / "scan.ofd")
    assert "no text layer (a scanned OFD?)" in result.error and not result.unsupported


# ---- the seeds as OFDs -------------------------------------------------------------------

SEED_FILES = sorted(SEEDS.glob("*.txt"))
_CITED = re.compile(r"第(\d+)行")


def cited(message: str, place) -> str:
    """A message that cites a line (LL503 「应与第15行对应」) cites a line of the extracted
    text; as a page and line it is the same place in both files."""
    return _CITED.sub(lambda match: "第{}页第{}行".format(*place(int(match.group(1)))), message)


def printed_place(number: int) -> tuple[int, int]:
    """(page, line) of the number-th printed line of a to_ofd() file."""
    return (number - 1) // PER_PAGE + 1, (number - 1) % PER_PAGE + 1


@pytest.mark.parametrize("seed", SEED_FILES, ids=lambda p: p.name[:3])
def test_a_seed_as_an_ofd_gives_the_same_findings_at_the_same_printed_places(tmp_path, seed):
    """Each line of the text printed as one line: the same findings, and each points at the
    page and line where its text is printed, same column, same excerpt."""
    text = seed.read_text(encoding="utf-8")
    kept = [number for number, line in enumerate(text.split("\n"), start=1) if line.strip()]
    place = {number: printed_place(index) for index, number in enumerate(kept, start=1)}
    path = tmp_path / f"{seed.stem}.ofd"
    path.write_bytes(to_ofd(printed(text)))
    original, converted = lint_file(seed), lint_file(path)
    assert converted.error is None, converted.error
    assert [(d.rule_id, cited(d.message, printed_place), d.page, d.page_line, d.column, d.excerpt)
            for d in converted.diagnostics] == \
        [(d.rule_id, cited(d.message, place.__getitem__), *place[d.line], d.column, d.excerpt)
         for d in original.diagnostics]


# Folding re-joins a wrapped paragraph only where the first half reads as body text: 「2.个别
# 工作人员的法治意识不够牢固，依法行政能力有待进一步」 is 28 characters that start with an ordinal
# and have no full stop, so it stays a heading-like line and 「进一步 / 提高」 is no longer one
# phrase (lawlint/document/fold.py). Since LL803's threshold is 5 per 1,000 (issue 15) no rule
# of seed 001 turns on that phrase, so the seed no longer shows it.
@pytest.mark.parametrize("seed", SEED_FILES, ids=lambda p: p.name[:3])
def test_a_seed_laid_out_as_a_gbt_9704_page_gives_the_same_rule_ids(tmp_path, seed):
    """28 characters a line, 22 lines a page, as a 公文 is set: the same rule ids, as a PDF
    wrapped by its layout gives (tests/test_formats.py); positions move with the wrapping."""
    text = seed.read_text(encoding="utf-8")
    path = tmp_path / f"{seed.stem}.ofd"
    path.write_bytes(to_ofd([piece for line in printed(text) for piece in wrapped(line)]))
    converted = lint_file(path)
    assert converted.error is None, converted.error
    assert {d.rule_id for d in converted.diagnostics} == {d.rule_id for d in lint_file(seed).diagnostics}
