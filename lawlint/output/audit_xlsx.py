"""The audit as a workbook (审查结果.xlsx) for the office that supervises the annual reports,
to circulate, filter and annotate in Excel or WPS without lawlint:

- 汇总: the batch in numbers (statuses, findings, copy rings, the roster's accounting) and
  the rules by how often they fired;
- 矩阵: one row per unit or report, its status and why, and every mandated part ✓ △ ✗;
- 问题清单: every unsuppressed finding, to filter by rule, unit or severity;
- 雷同: the copy rings, then each ring's members;
- 未报送: with a roster, the units that sent nothing, the reports that match no unit, the
  units that sent twice and the late reports.

Written in openpyxl's write-only mode: rows stream to the file, so 20,000 reports and
300,000 findings never sit in memory as cells; only headers, marks and statuses are styled
cells. Text taken from a submission goes through `audit_text.cell`, as in the CSV, so a
file named `=HYPERLINK(…)` stays text."""

from __future__ import annotations

import datetime
import os
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from contextlib import suppress
from os import PathLike
from pathlib import Path

from lawlint import __version__
from lawlint.audit import matrix
from lawlint.audit.report import NOT_SUBMITTED, SEVERITY_WORDS, STATUS_WORDS, Audit, Row
from lawlint.output.audit_text import cell

SHEETS = ("汇总", "矩阵", "问题清单", "雷同", "未报送")
TITLE = "法治政府建设年度报告 批量审查"
NO_ROSTER = "未提供名单（--roster），无法核对未报送单位"

MATRIX_HEAD = ("单位", "文件", "机关", "年度", "成文日期", "状态", "状态说明", "错误", "警告",
               *matrix.COLUMNS, "雷同组", "逾期", "批次提示")
FINDINGS_HEAD = ("文件", "单位", "规则", "名称", "级别", "行", "列", "问题", "原文", "依据")
RINGS_HEAD = ("组号", "份数", "相同比例", "最早成文", "共有条文", "成员")
MEMBERS_HEAD = ("组号", "文件", "单位", "机关", "成文日期", "状态")
# a part's column fits its heading (two characters wide per Chinese character); 审查稿 last
_MATRIX_WIDTHS = (24, 36, 24, 6, 15, 10, 50, 6, 6, *(max(6, 2 * len(c) + 2) for c in matrix.COLUMNS),
                  7, 24, 40, 36)

_MARK = {status: mark for status, (mark, _) in matrix.MARKS.items()}
_STATUS = {**STATUS_WORDS, None: NOT_SUBMITTED}
# Light fill, dark text: Excel's own 好 / 适中 / 差 cell styles, so the colours read as usual.
_TONES = {"好": ("C6EFCE", "006100"), "适中": ("FFEB9C", "9C5700"), "差": ("FFC7CE", "9C0006"),
          "无": ("EDEDED", "595959")}
_MARK_TONE = {"present": "好", "weak": "适中", "missing": "差", "error": "无"}
_STATUS_TONE = {"pass": "好", "fail": "差", "error": "适中", "unsupported": "适中", None: "差"}

_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")   # control characters XML 1.0 forbids
_LONGEST = 32767 - 1                                       # Excel's cell limit, less cell()'s '


def xlsx_file(audit: Audit, path: str | PathLike) -> None:
    """Write the workbook to `path` (the CLI's -o), its sheets in the order an office reads
    them: the numbers, the matrix, the findings, the copies, who is missing."""
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    book.properties.creator = f"lawlint {__version__}"
    book.properties.title = TITLE
    kit = _Kit(book)
    try:
        for title, write in zip(SHEETS, (_summary, _matrix, _findings, _rings, _missing)):
            write(audit, book.create_sheet(title), kit)
        _save(book, Path(path))
    except BaseException:
        _abandon(book)
        raise


def _abandon(book) -> None:
    """Close the sheets streamed so far, so a failed run ends with its own error, not with
    openpyxl's half-written streams complaining as they are collected (their temporary
    files go when the process exits)."""
    for sheet in book.worksheets:
        if not sheet.closed:
            with suppress(Exception):
                sheet.close()


def _save(book, path: Path) -> None:
    """Save beside `path`, then move it there: a run that fails half-way (a full disk) leaves
    last run's workbook whole rather than a broken one in its place."""
    partial = path.with_name(f".{path.name}.{os.getpid()}.part")
    try:
        book.save(partial)
        os.replace(partial, path)
    finally:
        partial.unlink(missing_ok=True)


def text(value: object) -> object:
    """A value as a cell: numbers as they are; text without the control characters a
    worksheet cannot hold (a PDF's form feed would abort the save), cut to what Excel keeps,
    and never a formula (`cell`); empty text as an empty cell."""
    if not isinstance(value, str):
        return value
    if not value:
        return None
    if _ILLEGAL.search(value):
        value = _ILLEGAL.sub(" ", value)
    if len(value) > _LONGEST:
        value = value[:_LONGEST - 1] + "…"
    return cell(value)


class _Kit:
    """The workbook's few looks, registered once as named styles (assigning a font or fill
    cell by cell hashes it each time: a third of the run on 20,000 rows), and the cells that
    wear them: a plain value costs nothing, a styled cell is a `WriteOnlyCell`."""

    def __init__(self, book):
        from openpyxl.cell import WriteOnlyCell
        from openpyxl.styles import Alignment, Font, NamedStyle, PatternFill

        self._cell = WriteOnlyCell
        looks = {
            "表头": {"font": Font(bold=True), "fill": PatternFill("solid", fgColor="DDEBF7"),
                   "alignment": Alignment(vertical="center", wrap_text=True)},
            "标题": {"font": Font(bold=True, size=14)},
            "小标题": {"font": Font(bold=True)},
            "换行": {"alignment": Alignment(vertical="top", wrap_text=True)},
            "百分比": {"number_format": "0.0%"},
            **{tone: {"fill": PatternFill("solid", fgColor=fill), "font": Font(color=ink),
                      "alignment": Alignment(horizontal="center")}
               for tone, (fill, ink) in _TONES.items()},
        }
        self.styles = {}
        for look, settings in looks.items():
            self.styles[look] = f"lawlint {look}"
            book.add_named_style(NamedStyle(name=self.styles[look], **settings))

    def __call__(self, sheet, value: object, look: str):
        styled = self._cell(sheet, text(value))
        styled.style = self.styles[look]
        return styled

    def link(self, sheet, target: str | None):
        """A reviewed copy (--annotate), relative to the workbook's folder: one click opens it."""
        if target is None:
            return None
        linked = self._cell(sheet, text(target))
        linked.hyperlink = target
        linked.style = "Hyperlink"
        return linked

    def head(self, sheet, names: Iterable[str]) -> None:
        sheet.append([self(sheet, name, "表头") for name in names])


def _columns(sheet, widths: Sequence[float], hidden: Sequence[int] = ()) -> None:
    """Column widths (in characters; a Chinese character is two): set before the first row,
    as write-only mode writes them first."""
    from openpyxl.utils import get_column_letter

    for number, width in enumerate(widths, 1):
        dimension = sheet.column_dimensions[get_column_letter(number)]
        dimension.width = width
        dimension.hidden = number in hidden


def _printable(sheet) -> None:
    """Printed, a wide table runs landscape and repeats its header on every page (offices
    print the matrix for meetings)."""
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = 9   # A4 (Worksheet.PAPERSIZE_A4)
    sheet.print_title_rows = "1:1"


def _filter(sheet, top: int, columns: int, rows: int) -> None:
    """An auto filter over a table whose header is row `top` (set after its rows: the
    filter is written at the end of the sheet)."""
    from openpyxl.utils import get_column_letter

    sheet.auto_filter.ref = f"A{top}:{get_column_letter(columns)}{top + max(rows, 1)}"


def _summary(audit: Audit, sheet, kit: _Kit) -> None:
    """What the office reports upward: the batch in numbers, then which rules fired most."""
    _columns(sheet, (22, 40, 10, 8))
    now = datetime.datetime.now().strftime("%Y-%m-%d %H:%M")
    sheet.append([kit(sheet, TITLE, "标题")])
    sheet.append([f"lawlint {__version__} · 生成于 {now}"])
    sheet.append([])
    kit.head(sheet, ("项目", "数量", "说明"))
    for label, value, note in _numbers(audit):
        sheet.append([label, text(value), note])
    sheet.append([])
    kit.head(sheet, ("编号", "名称", "级别", "次数"))
    levels = _levels(audit)
    for rule_id, count in audit.by_rule().most_common():
        sheet.append([text(rule_id), text(audit.title(rule_id)), levels[rule_id], count])
    if not audit.by_rule():
        sheet.append(["没有发现问题"])


def _numbers(audit: Audit) -> list[tuple[str, object, str | None]]:
    files, found = audit.statuses(), audit.severities()
    numbers = [
        ("报告数", len(audit.items), None), ("通过", files["pass"], None),
        ("未通过", files["fail"], None), ("无法读取", files["error"], "文件损坏或加密等"),
        ("格式不支持", files["unsupported"], "如 .doc（未安装 LibreOffice）、图片"),
        ("错误", found["error"], "未被豁免的问题，下同"), ("警告", found["warning"], None),
        ("提示", found["info"], None),
        ("批次提示", len({note.path for note in audit.notes}),
         "有批次提示（疑似套用、旧稿、重复）的报告份数"),
        ("雷同组数", len(audit.rings), None),
        ("雷同报告份数", sum(ring.size for ring in audit.rings), "各雷同组成员合计"),
    ]
    books = audit.accounting
    if books is not None:
        numbers += [
            ("应报送单位", len(books.units), "名单内单位数"),
            ("已报送", len(books.units) - len(books.missing), "有报告的名单内单位数"),
            ("未报送", len(books.missing), "见「未报送」表"),
            ("未匹配", len(books.unmatched), "对不上名单内任何单位的报告份数"),
            ("重复报送", len(books.duplicates), "报送两份及以上的单位数"),
            ("逾期", len(books.late), "成文日期晚于报送期限的报告份数"),
            ("报送期限", books.deadline or "未设定", None),
        ]
    return numbers


def _levels(audit: Audit) -> dict[str, str]:
    """Each rule's severity in Chinese; 错误/警告 when configuration gave it two."""
    seen: dict[str, set[str]] = defaultdict(set)
    for result in audit.results:
        for finding in result.active:
            seen[finding.rule_id].add(finding.severity)
    return {rule_id: "/".join(SEVERITY_WORDS[s] for s in SEVERITY_WORDS if s in severities)
            for rule_id, severities in seen.items()}


def _matrix(audit: Audit, sheet, kit: _Kit) -> None:
    """Units (or reports) × what a report must have. Without a roster 单位 is empty: it is
    hidden and the file column frozen instead, so a row keeps its name when scrolled."""
    head = [*MATRIX_HEAD, *(["审查稿"] if audit.copies else [])]
    roster = audit.accounting is not None
    _columns(sheet, _MATRIX_WIDTHS, hidden=() if roster else (1,))
    sheet.freeze_panes = "B2" if roster else "C2"
    _printable(sheet)
    kit.head(sheet, head)
    rows = audit.rows()
    for row in rows:
        sheet.append(_matrix_row(audit, sheet, kit, row))
    _filter(sheet, 1, len(head), len(rows))


def _matrix_row(audit: Audit, sheet, kit: _Kit, row: Row) -> list:
    unit = text(row.unit.name) if row.unit else None
    result = row.result
    if result is None:
        return [unit, None, None, None, None, kit(sheet, _STATUS[None], _STATUS_TONE[None]),
                "名单内单位，未收到报告"]
    status = audit.status(result)
    elements = audit.elements(result)
    marks = [kit(sheet, _MARK[elements[c]], _MARK_TONE[elements[c]]) for c in matrix.COLUMNS]
    notes = "；".join(note.message for note in audit.notes_for(result.path))
    copy = [kit.link(sheet, audit.copies.get(result.path))] if audit.copies else []
    return [unit, text(result.path), text(result.organ), result.report_year, text(result.date),
            kit(sheet, _STATUS[status], _STATUS_TONE[status]), text(audit.reason(result)),
            result.count("error"), result.count("warning"), *marks, audit.ring_of(result.path),
            text(row.late), text(notes), *copy]


def _findings(audit: Audit, sheet, kit: _Kit) -> None:
    """Every finding a row of plain values (the sheet that grows to 300,000 rows: nothing
    styled but its header), in the order of the reports and, in each, of the text."""
    _columns(sheet, (36, 24, 8, 28, 6, 6, 6, 60, 40, 40))
    sheet.freeze_panes = "A2"
    _printable(sheet)
    kit.head(sheet, FINDINGS_HEAD)
    units = audit.accounting.matches if audit.accounting is not None else {}
    titles = {rule_id: text(audit.title(rule_id)) for rule_id in audit.by_rule()}
    count = 0
    for result in audit.results:
        path, unit = text(result.path), text(units.get(result.path))
        for finding in result.active:
            sheet.append([path, unit, text(finding.rule_id), titles[finding.rule_id],
                          SEVERITY_WORDS.get(finding.severity, finding.severity),
                          finding.line, finding.column, text(finding.message),
                          text(finding.excerpt), text(finding.basis)])
            count += 1
    _filter(sheet, 1, len(FINDINGS_HEAD), count)


def _rings(audit: Audit, sheet, kit: _Kit) -> None:
    """One row per ring, then one per member below it: a ring's members joined in one cell
    cannot be filtered or sorted by date, and a ring of 200 copies is unreadable there, so
    each member also gets a row with its organ, date and status (kept on this sheet, so a
    ring and its members read together and the workbook keeps its five sheets)."""
    _columns(sheet, (8, 36, 24, 30, 60, 60))
    sheet.freeze_panes = "A2"
    kit.head(sheet, RINGS_HEAD)
    for number, ring in enumerate(audit.rings, 1):
        sheet.append([number, ring.size, kit(sheet, ring.share, "百分比"), text(_earliest(ring)),
                      kit(sheet, "\n".join(ring.clauses), "换行"),
                      kit(sheet, "、".join(ring.members), "换行")])
    if not audit.rings:
        sheet.append(["本批次未发现雷同报告"])
        return
    _filter(sheet, 1, len(RINGS_HEAD), len(audit.rings))
    sheet.append([])
    sheet.append([kit(sheet, "各组成员（按成文日期，最早的在前）", "小标题")])
    kit.head(sheet, MEMBERS_HEAD)
    by_path = {result.path: result for result in audit.results}
    units = audit.accounting.matches if audit.accounting is not None else {}
    for number, ring in enumerate(audit.rings, 1):
        for path in ring.members:
            result = by_path.get(path)
            sheet.append([number, text(path), text(units.get(path)),
                          text(result.organ) if result else None,
                          text(result.date) if result else None,
                          _STATUS[audit.status(result)] if result else None])


def _earliest(ring) -> str:
    """Who likely wrote the template: the organ and date of the member dated first, or why
    that cannot be told."""
    if ring.first is None:
        return "无法确定（成文日期缺失或相同）"
    return " ".join(part for part in (ring.first_organ or ring.first, ring.first_date) if part)


def _missing(audit: Audit, sheet, kit: _Kit) -> None:
    """The roster's accounting: who sent nothing (the table the office chases), then the
    reports no unit claims, the units that sent twice, and the late reports."""
    books = audit.accounting
    if books is None:
        _columns(sheet, (60,))
        sheet.append([NO_ROSTER])
        return
    _columns(sheet, (36, 24, 24, 50))
    sheet.freeze_panes = "A2"
    kit.head(sheet, ("单位", "简称", "层级", "上级单位"))
    for unit in books.missing:
        sheet.append([text(unit.name), text("、".join(unit.short)), text(unit.level),
                      text(unit.parent)])
    if not books.missing:
        sheet.append(["名单内单位均已报送"])
    _filter(sheet, 1, 4, len(books.missing))
    by_path = {result.path: result for result in audit.results}

    def facts(path: str) -> list:
        result = by_path.get(path)
        return [text(result.organ), text(result.date)] if result else [None, None]

    _block(sheet, kit, f"未匹配的报告（{len(books.unmatched)} 份）", ("文件", "机关", "成文日期"),
           [[text(path), *facts(path)] for path in books.unmatched])
    duplicates = books.duplicates
    _block(sheet, kit, f"重复报送（{len(duplicates)} 个单位）", ("单位", "文件", "机关", "成文日期"),
           [[text(name), text(path), *facts(path)] for name, paths in duplicates.items()
            for path in paths])
    _block(sheet, kit, f"逾期（{len(books.late)} 份）", ("文件", "单位", "原因"),
           [[text(path), text(books.matches.get(path)), text(why)] for path, why in books.late.items()])


def _block(sheet, kit: _Kit, title: str, head: Sequence[str], rows: list[list]) -> None:
    """A titled table below the last one (its count in the title; no header when empty)."""
    sheet.append([])
    sheet.append([kit(sheet, title, "小标题")])
    if rows:
        kit.head(sheet, head)
        for row in rows:
            sheet.append(row)
