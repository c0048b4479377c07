"""lawlint audit --format xlsx: the workbook a supervising office circulates. Opened again
with openpyxl, it must hold what the audit holds, keep every submission's text as text, and
stay usable (frozen headers, filters) on any sheet."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from dataclasses import replace
from pathlib import Path
from xml.etree import ElementTree

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from conftest import SEEDS

from lawlint.audit import matrix, pool
from lawlint.audit.crosscheck import Note
from lawlint.audit.item import Item
from lawlint.audit.report import Audit
from lawlint.audit.rings import Ring
from lawlint.audit.roster_model import Accounting, Unit
from lawlint.cli import main
from lawlint.output import audit_xlsx
from lawlint.output.audit_xlsx import NO_ROSTER, xlsx_file
from lawlint.pipeline.linter import Options, Resolver
from lawlint.pipeline.result import Diagnostic, FileResult

SEED_001 = (SEEDS / "001_0bdb67023be65981.txt").as_posix()
SEED_004 = (SEEDS / "004_3b8f22655ae3d0b6.txt").as_posix()


@pytest.fixture(scope="module")
def seeds() -> Audit:
    """The five seeds linted as `lawlint audit` lints them, with the rules' names and roles."""
    options = Options(isolated=True)
    resolver = Resolver(options)
    rules = resolver.ruleset(resolver.settings(None)).all_rules
    items = pool.run(sorted(p.as_posix() for p in SEEDS.glob("*.txt")), options, jobs=1,
                     use_cache=False)
    return Audit(tuple(items), (Note(SEED_001, "copy", "正文与 永春.txt 有 91% 相同，疑似互相套用"),),
                 {rule.id: rule.name for rule in rules}, matrix.roles_of(rules),
                 rule_titles={rule.id: rule.title for rule in rules if rule.title})


@pytest.fixture(scope="module")
def rostered(seeds) -> Audit:
    """The seeds against a roster: 001 and 004 match units (004 late, 001 twice with a copy),
    one unit sends nothing, the other seeds match none; 001 and 004 form a ring."""
    units = (Unit("安溪县卫生健康局", ("安溪卫健",), "县级", "安溪县人民政府"),
             Unit("德化县卫生健康局", ("德化卫健",), "县级", "德化县人民政府"),
             Unit("重庆市渝北区卫生健康委员会", (), "县级", "渝北区人民政府"))
    copy = FileResult("上报/安溪-重报.txt", organ="安溪县卫生健康局", report_year=2023)
    audit = replace(seeds, items=(*seeds.items, Item(copy)))
    matches = {SEED_001: units[0].name, copy.path: units[0].name, SEED_004: units[2].name}
    unmatched = tuple(r.path for r in seeds.results if r.path not in matches)
    ring = Ring((SEED_004, SEED_001), 0.873, ("一、2023年法治政府建设主要举措和成效", "（一）加强党的领导"),
                SEED_004, "重庆市渝北区卫生健康委员会", "2022年1月10日")
    return replace(audit, rings=(ring,), accounting=Accounting(
        units, matches, unmatched, {SEED_004: "成文日期 2022年1月10日 晚于报送期限 2022-01-05"},
        "2022-01-05"))


def workbook(audit: Audit, tmp_path, name: str = "审查结果.xlsx"):
    path = tmp_path / name
    xlsx_file(audit, path)
    return load_workbook(path)


def table(sheet, first: int = 2, last: int | None = None) -> list[tuple]:
    return list(sheet.iter_rows(min_row=first, max_row=last or sheet.max_row, values_only=True))


def labelled(sheet) -> dict[str, object]:
    """The 汇总 sheet's first two columns as label → value."""
    return {row[0]: row[1] for row in table(sheet, 1) if row and isinstance(row[0], str)}


def below(sheet, title_start: str) -> list[tuple]:
    """The rows of the block whose title starts with `title_start`, header first, up to the
    next empty row."""
    rows = table(sheet, 1)
    start = next(i for i, row in enumerate(rows) if isinstance(row[0], str) and row[0].startswith(title_start))
    block = []
    for row in rows[start + 1:]:
        if all(value is None for value in row):
            break
        block.append(row)
    return block


def test_the_five_sheets_come_in_the_order_an_office_reads_them(seeds, tmp_path):
    assert workbook(seeds, tmp_path).sheetnames == ["汇总", "矩阵", "问题清单", "雷同", "未报送"]


def test_importing_the_format_does_not_import_openpyxl():
    """Start-up is most of a pre-commit call: openpyxl loads only when a workbook is written."""
    code = "import sys, lawlint.output.audit_xlsx; print('openpyxl' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True).stdout.strip() == "False"


def test_the_summary_counts_the_batch_as_the_audit_does(seeds, tmp_path):
    numbers = labelled(workbook(seeds, tmp_path)["汇总"])
    files, found = seeds.statuses(), seeds.severities()
    assert {label: numbers[label] for label in ("报告数", "通过", "未通过", "无法读取", "格式不支持",
                                                "错误", "警告", "提示", "批次提示", "雷同组数")} == {
        "报告数": 5, "通过": files["pass"], "未通过": files["fail"], "无法读取": 0, "格式不支持": 0,
        "错误": found["error"], "警告": found["warning"], "提示": found["info"], "批次提示": 1,
        "雷同组数": 0}
    assert "应报送单位" not in numbers   # no roster: nothing to account for


def test_the_summary_ranks_the_rules_by_count_with_their_chinese_titles(seeds, tmp_path):
    rows = table(workbook(seeds, tmp_path)["汇总"], 1)
    header = next(i for i, row in enumerate(rows) if row[0] == "编号")
    ranked = [row for row in rows[header + 1:] if row[0]]
    assert [(row[0], row[3]) for row in ranked] == seeds.by_rule().most_common()
    assert {row[1] for row in ranked} == {seeds.title(rule) for rule in seeds.by_rule()}
    assert dict((row[0], row[2]) for row in ranked)["LL401"] == "错误"


@pytest.mark.parametrize("label, expected", [
    ("应报送单位", 3), ("已报送", 2), ("未报送", 1), ("未匹配", 3), ("重复报送", 1), ("逾期", 1),
    ("报送期限", "2022-01-05"), ("报告数", 6), ("雷同组数", 1), ("雷同报告份数", 2),
])
def test_the_summary_accounts_for_the_roster(rostered, tmp_path, label, expected):
    assert labelled(workbook(rostered, tmp_path)["汇总"])[label] == expected


def test_the_matrix_has_one_row_per_report_with_its_status_reason_and_parts(seeds, tmp_path):
    sheet = workbook(seeds, tmp_path)["矩阵"]
    assert table(sheet, 1, 1)[0] == audit_xlsx.MATRIX_HEAD   # 成文日期 twice: the date, the part
    rows = table(sheet)
    assert len(rows) == len(seeds.rows()) == 5
    marks = {"present": "✓", "weak": "△", "missing": "✗"}
    for row, result in zip(rows, seeds.results):
        assert row[:9] == (None, result.path, result.organ, result.report_year, result.date,
                           {"pass": "通过", "fail": "未通过"}[seeds.status(result)],
                           seeds.reason(result), result.count("error"), result.count("warning"))
        assert row[9:18] == tuple(marks[seeds.elements(result)[c]] for c in matrix.COLUMNS)
    seed_001 = dict(zip(audit_xlsx.MATRIX_HEAD, rows[1]))
    assert (seed_001["机关"], seed_001["署名"], seed_001["不足原因"]) == ("安溪县卫生健康局", "✗", "△")
    assert seed_001["批次提示"] == "正文与 永春.txt 有 91% 相同，疑似互相套用"


@pytest.mark.parametrize("mark, fill", [("✓", "C6EFCE"), ("△", "FFEB9C"), ("✗", "FFC7CE")])
def test_each_mark_has_its_light_fill(seeds, tmp_path, mark, fill):
    sheet = workbook(seeds, tmp_path)["矩阵"]
    first_part = audit_xlsx.MATRIX_HEAD.index(matrix.COLUMNS[0]) + 1
    cells = [c for row in sheet.iter_rows(min_row=2, min_col=first_part,
                                          max_col=first_part + len(matrix.COLUMNS) - 1)
             for c in row if c.value == mark]
    assert cells and {c.fill.fgColor.rgb[-6:] for c in cells} == {fill}


def test_an_unreadable_report_is_marked_in_every_part(seeds, tmp_path):
    broken = FileResult("上报/德化.docx", error="not a readable .docx")
    audit = replace(seeds, items=(Item(broken),))
    row = dict(zip(audit_xlsx.MATRIX_HEAD, table(workbook(audit, tmp_path)["矩阵"])[0]))
    assert row["状态"] == "无法读取" and row["状态说明"] == "无法读取：not a readable .docx"
    assert {row[c] for c in matrix.COLUMNS} == {"—"}


def test_with_a_roster_every_unit_has_a_row_and_one_that_sent_nothing_is_未报送(rostered, tmp_path):
    sheet = workbook(rostered, tmp_path)["矩阵"]
    rows = [dict(zip(audit_xlsx.MATRIX_HEAD, row)) for row in table(sheet)]
    assert len(rows) == len(rostered.rows()) == 7   # 安溪 twice, 德化, 渝北, three unmatched
    assert [row["单位"] for row in rows[:4]] == ["安溪县卫生健康局"] * 2 + ["德化县卫生健康局",
                                                                       "重庆市渝北区卫生健康委员会"]
    assert (rows[2]["状态"], rows[2]["文件"]) == ("未报送", None)
    assert rows[3]["逾期"].startswith("成文日期 2022年1月10日 晚于") and rows[3]["雷同组"] == 1
    assert all(row["单位"] is None for row in rows[4:])
    assert not sheet.column_dimensions["A"].hidden


def test_every_unsuppressed_finding_is_one_row_of_the_findings_sheet(seeds, tmp_path):
    result = seeds.results[1]
    quiet = replace(result, diagnostics=(replace(result.diagnostics[0], suppressed=True),
                                         *result.diagnostics[1:]))
    audit = replace(seeds, items=(*seeds.items[:1], Item(quiet), *seeds.items[2:]))
    rows = table(workbook(audit, tmp_path)["问题清单"])
    assert len(rows) == sum(len(r.active) for r in audit.results) == \
        sum(len(r.diagnostics) for r in seeds.results) - 1
    first = rows[0]
    finding = seeds.results[0].active[0]
    assert first == (seeds.results[0].path, None, finding.rule_id, seeds.title(finding.rule_id),
                     {"error": "错误", "warning": "警告", "info": "提示"}[finding.severity],
                     finding.line, finding.column, finding.message, finding.excerpt, finding.basis)


def test_with_a_roster_each_finding_names_its_unit(rostered, tmp_path):
    rows = table(workbook(rostered, tmp_path)["问题清单"])
    assert {row[1] for row in rows if row[0] == SEED_001} == {"安溪县卫生健康局"}
    assert {row[1] for row in rows if row[0] == SEEDS.joinpath("002_c589ac335115484d.txt").as_posix()} == {None}


@pytest.mark.parametrize("audit, sheet, frozen, filtered", [
    ("seeds", "矩阵", "C2", "A1:U6"),       # no roster: 单位 hidden, the file column frozen
    ("rostered", "矩阵", "B2", "A1:U8"),
    ("seeds", "问题清单", "A2", None),
    ("rostered", "雷同", "A2", "A1:F2"),
    ("rostered", "未报送", "A2", "A1:D2"),
])
def test_headers_stay_in_view_and_every_table_can_be_filtered(request, tmp_path, audit, sheet,
                                                            frozen, filtered):
    audit = request.getfixturevalue(audit)
    page = workbook(audit, tmp_path)[sheet]
    assert page.freeze_panes == frozen
    if sheet == "问题清单":
        filtered = f"A1:J{1 + sum(len(r.active) for r in audit.results)}"
    assert page.auto_filter.ref == filtered
    assert all(c.font.b for c in page[1] if c.value is not None)   # a bold header


def test_without_a_roster_the_empty_unit_column_is_hidden(seeds, tmp_path):
    sheet = workbook(seeds, tmp_path)["矩阵"]
    assert sheet.column_dimensions["A"].hidden and sheet.column_dimensions["B"].width >= 30


def test_the_rings_sheet_has_a_row_per_ring_then_a_row_per_member(rostered, tmp_path):
    sheet = workbook(rostered, tmp_path)["雷同"]
    rings = table(sheet, 2, 1 + len(rostered.rings))
    assert len(rings) == len(rostered.rings) == 1
    number, size, share, earliest, clauses, members = rings[0]
    assert (number, size, share) == (1, 2, 0.873) and sheet["C2"].number_format == "0.0%"
    assert earliest == "重庆市渝北区卫生健康委员会 2022年1月10日"
    assert clauses == "一、2023年法治政府建设主要举措和成效\n（一）加强党的领导"
    assert sheet["E2"].alignment.wrap_text
    assert members == f"{SEED_004}、{SEED_001}"
    block = below(sheet, "各组成员")
    assert block[0] == audit_xlsx.MEMBERS_HEAD
    assert block[1:] == [(1, SEED_004, "重庆市渝北区卫生健康委员会", "重庆市渝北区卫生健康委员会",
                          "2022年1月10日", "未通过"),
                         (1, SEED_001, "安溪县卫生健康局", "安溪县卫生健康局", "2024年2月29日", "未通过")]


def test_a_ring_whose_first_writer_cannot_be_told_says_so(seeds, tmp_path):
    audit = replace(seeds, rings=(Ring((SEED_001, SEED_004), 0.7),))
    assert workbook(audit, tmp_path)["雷同"]["D2"].value == "无法确定（成文日期缺失或相同）"


def test_without_rings_the_rings_sheet_says_none_were_found(seeds, tmp_path):
    assert table(workbook(seeds, tmp_path)["雷同"])[0][0] == "本批次未发现雷同报告"


def test_the_missing_sheet_lists_who_sent_nothing_then_unmatched_duplicates_and_late(rostered, tmp_path):
    sheet = workbook(rostered, tmp_path)["未报送"]
    missing = table(sheet, 2, 1 + len(rostered.accounting.missing))
    assert missing == [("德化县卫生健康局", "德化卫健", "县级", "德化县人民政府")]
    unmatched = below(sheet, "未匹配的报告")
    assert [row[0] for row in unmatched[1:]] == list(rostered.accounting.unmatched)
    duplicates = below(sheet, "重复报送")
    assert [row[:2] for row in duplicates[1:]] == [("安溪县卫生健康局", SEED_001),
                                                   ("安溪县卫生健康局", "上报/安溪-重报.txt")]
    late = below(sheet, "逾期")
    assert late[1][:2] == (SEED_004, "重庆市渝北区卫生健康委员会") and late[1][2].startswith("成文日期")


def test_when_every_unit_reported_the_missing_sheet_says_so(rostered, tmp_path):
    books = rostered.accounting
    everyone = replace(books, units=tuple(u for u in books.units if u not in books.missing))
    sheet = workbook(replace(rostered, accounting=everyone), tmp_path)["未报送"]
    assert sheet["A2"].value == "名单内单位均已报送"


def test_without_a_roster_the_missing_sheet_says_why(seeds, tmp_path):
    sheet = workbook(seeds, tmp_path)["未报送"]
    assert sheet["A1"].value == NO_ROSTER == "未提供名单（--roster），无法核对未报送单位"
    assert sheet.max_row == 1


HOSTILE = '=HYPERLINK("http://example.invalid/","点我")'


@pytest.mark.parametrize("sheet, column", [
    ("矩阵", "B"), ("矩阵", "C"), ("问题清单", "A"), ("问题清单", "I"), ("雷同", "F"),
    ("未报送", "A"),
])
def test_a_formula_from_a_submission_stays_text(seeds, tmp_path, sheet, column):
    result = FileResult(HOSTILE + ".txt", (Diagnostic("LL401", "x", "error", "缺少署名", "GB/T 9704",
                                                      1, 1, 1, 2, "@SUM(A1:A9)"),),
                        organ="+cmd|' /C calc'!A0", report_year=2023)
    audit = replace(seeds, items=(Item(result),), rings=(Ring((result.path,), 0.9),),
                    accounting=Accounting((Unit("某局"),), unmatched=(result.path,)))
    book = workbook(audit, tmp_path)
    texts = [c for c in book[sheet][column] if isinstance(c.value, str)]
    assert [c for c in texts if c.value.startswith(("'=", "'+", "'@")) and c.data_type == "s"]
    assert not [c for c in texts if c.value.startswith(("=", "+", "@"))]
    assert not [c for page in book for row in page.iter_rows() for c in row if c.data_type == "f"]


@pytest.mark.parametrize("excerpt, stored", [
    ("第一页\x0c第二页\x01", "第一页 第二页 "),     # a PDF's form feed: openpyxl would refuse it
    ("甲" * 40000, "甲" * 32765 + "…"),               # Excel keeps 32,767 characters a cell
    ("-5% 的增幅", "'-5% 的增幅"),                     # leading - is neutralised like =
    ("", None),
])
def test_text_a_worksheet_cannot_hold_is_made_to_fit(seeds, tmp_path, excerpt, stored):
    result = FileResult("上报/扫描.pdf", (Diagnostic("LL401", "x", "error", "缺少署名", "b", 3, 1, 3, 2,
                                                   excerpt),), format="pdf")
    rows = table(workbook(replace(seeds, items=(Item(result),)), tmp_path)["问题清单"])
    assert rows[0][8] == stored


def _full_disk(*args):
    raise OSError(28, "No space left on device")


def _half_saved(book, filename):
    Path(filename).write_bytes(b"PK\x03\x04 half a workbook")
    _full_disk()


@pytest.mark.parametrize("where, failure", [
    ("lawlint.output.audit_xlsx._rings", _full_disk),                 # while streaming a sheet
    ("openpyxl.workbook.workbook.Workbook.save", _half_saved),        # while zipping it up
])
def test_a_failed_run_leaves_the_last_workbook_whole(seeds, tmp_path, monkeypatch, where, failure):
    path = tmp_path / "审查结果.xlsx"
    xlsx_file(seeds, path)
    monkeypatch.setattr(where, failure)
    with pytest.raises(OSError):
        xlsx_file(seeds, path)
    assert load_workbook(path).sheetnames == list(audit_xlsx.SHEETS)
    assert [p.name for p in tmp_path.iterdir()] == ["审查结果.xlsx"]   # no partial file left


@pytest.mark.parametrize("sheet", ["矩阵", "问题清单"])
def test_the_wide_tables_print_landscape_with_the_header_on_every_page(seeds, tmp_path, sheet):
    page = workbook(seeds, tmp_path)[sheet]
    assert (page.page_setup.orientation, page.print_title_rows) == ("landscape", "$1:$1")


def test_with_reviewed_copies_the_matrix_links_each_one(seeds, tmp_path):
    path = seeds.results[1].path
    audit = replace(seeds, copies={path: "审查稿/001_0bdb67023be65981.docx"})
    sheet = workbook(audit, tmp_path)["矩阵"]
    assert table(sheet, 1, 1)[0][-1] == "审查稿"
    assert [row[-1] for row in table(sheet)] == [None, "审查稿/001_0bdb67023be65981.docx", None, None, None]
    assert sheet["V3"].hyperlink.target == "审查稿/001_0bdb67023be65981.docx"   # one click opens it


def test_chinese_text_reaches_any_xml_reader_intact(seeds, tmp_path):
    """openpyxl's streaming writer stores text as character references (&#23433;), which
    every conforming reader (Excel, WPS, LibreOffice) decodes: read the XML without openpyxl."""
    path = tmp_path / "审查结果.xlsx"
    xlsx_file(seeds, path)
    main = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
    with zipfile.ZipFile(path) as archive:
        book = ElementTree.fromstring(archive.read("xl/workbook.xml"))
        sheet = ElementTree.fromstring(archive.read("xl/worksheets/sheet2.xml"))   # in order
    assert [node.get("name") for node in book.iter(f"{main}sheet")] == list(audit_xlsx.SHEETS)
    words = {node.text for node in sheet.iter(f"{main}t")}
    assert {"安溪县卫生健康局", "江门市江海区卫生健康局", "未通过", "第一责任人"} <= words
    organs = {row[2] for row in table(load_workbook(path)["矩阵"])}
    assert {"安溪县卫生健康局", "重庆市渝北区卫生健康委员会"} <= organs


def test_the_cli_refuses_xlsx_without_an_output_file():
    result = CliRunner().invoke(main, ["audit", str(SEEDS), "--format", "xlsx", "--no-cache"])
    assert result.exit_code == 2 and "-o FILE" in result.output


def test_the_cli_writes_the_workbook_to_the_output_file(tmp_path):
    out = tmp_path / "审查结果.xlsx"
    result = CliRunner().invoke(main, ["audit", str(SEEDS), "--format", "xlsx", "-o", str(out),
                                       "--no-cache", "--jobs", "1"])
    assert result.exit_code == 1   # seeds fail
    book = load_workbook(out)
    assert book.sheetnames == list(audit_xlsx.SHEETS) and book["矩阵"].max_row == 6
    assert labelled(book["汇总"])["报告数"] == 5
