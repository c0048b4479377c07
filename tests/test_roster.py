"""The roster (名单) of `lawlint audit`: reading the units and the receipt log, matching each
submission to at most one unit, and judging who was late."""

from __future__ import annotations

import datetime

import pytest

from lawlint.audit.roster import account, default_deadline, load_received, load_units
from lawlint.audit.roster_model import Unit
from lawlint.errors import InputError, UsageError
from lawlint.pipeline.result import FileResult

DEADLINE = datetime.date(2025, 3, 1)

HEALTH = Unit("安溪县卫生健康局")
GOVERNMENT = Unit("安溪县人民政府")
LABOUR = Unit("安溪县人力资源和社会保障局")
ANXI_JUSTICE = Unit("安溪县司法局", ("司法局",))
YONGCHUN_JUSTICE = Unit("永春县司法局", ("司法局",))


def matched(units, organ, path="report.docx"):
    """The unit name one submission is matched to, or None."""
    return account(units, [FileResult(path, organ=organ)], DEADLINE).matches.get(path)


# --- matching by the report's organ -------------------------------------------------------

@pytest.mark.parametrize("units, organ, unit", [
    ([HEALTH, GOVERNMENT], "安溪县卫生健康局", "安溪县卫生健康局"),
    ([HEALTH, GOVERNMENT], "中共安溪县卫生健康局党组", "安溪县卫生健康局"),
    ([Unit("安溪县教育局"), HEALTH], "安溪县教育局党委", "安溪县教育局"),
    ([GOVERNMENT, HEALTH], "安溪县政府", "安溪县人民政府"),
    ([Unit("安溪县政府"), HEALTH], "安溪县人民政府", "安溪县政府"),
    ([GOVERNMENT, HEALTH], "安溪县", "安溪县人民政府"),
    ([HEALTH, GOVERNMENT], "安 溪 县 卫 生 健 康 局", "安溪县卫生健康局"),
    ([Unit("安溪县卫生健康局(安溪县中医药管理局)")], "安溪县卫生健康局（安溪县中医药管理局）",
     "安溪县卫生健康局(安溪县中医药管理局)"),
    ([Unit("安溪县融媒体中心", ("安溪县广播电视台",)), HEALTH], "安溪县广播电视台", "安溪县融媒体中心"),
    ([LABOUR, HEALTH], "安溪县人社局", "安溪县人力资源和社会保障局"),
    ([Unit("安溪县卫生健康局"), Unit("泉州市卫生健康委员会")], "福建省泉州市安溪县卫生健康局", "安溪县卫生健康局"),
    ([Unit("中共安溪县委员会"), GOVERNMENT], "安溪县委", "中共安溪县委员会"),
    ([GOVERNMENT, HEALTH], "中共安溪县委 安溪县人民政府", "安溪县人民政府"),
], ids=["full name", "party group of a department (中共…党组)", "party committee (…党委)",
        "政府 for 人民政府", "人民政府 for 政府", "a bare place for its government", "a spaced-out letterhead",
        "full-width brackets", "a short name from the 简称 column", "an abbreviation the grammar knows (人社局)",
        "a higher place written before the unit", "中共 and 委 for 委员会",
        "a joint report with one of its organs listed"])
def test_a_report_matches_the_unit_its_organ_names(units, organ, unit):
    assert matched(units, organ) == unit


@pytest.mark.parametrize("units, organ", [
    ([HEALTH, GOVERNMENT], "安溪县公安局"),
    ([HEALTH, Unit("永春县卫生健康局")], "卫健局"),
    ([ANXI_JUSTICE, YONGCHUN_JUSTICE], "司法局"),
    ([GOVERNMENT, Unit("中共安溪县委员会")], "中共安溪县委 安溪县人民政府"),
], ids=["an organ not on the roster", "an abbreviation that fits two units",
        "a short name two units share", "a joint report of two listed organs"])
def test_a_report_that_could_be_no_unit_or_two_matches_none(units, organ):
    assert matched(units, organ) is None


# --- places: units listed without one, and units of different places ---------------------

@pytest.mark.parametrize("unit, organ, expected", [
    (Unit("卫生健康局", parent="安溪县人民政府"), "安溪县卫生健康局", "卫生健康局"),
    (Unit("县卫生健康局", parent="安溪县人民政府"), "安溪县卫生健康局", "县卫生健康局"),
    (Unit("卫生健康局", parent="泉州市安溪县人民政府"), "安溪县卫生健康局", "卫生健康局"),
    (Unit("城厢镇人民政府", parent="安溪县人民政府"), "安溪县城厢镇人民政府", "城厢镇人民政府"),
    (Unit("卫生健康局", parent="安溪县人民政府"), "永春县卫生健康局", None),
    (Unit("人力资源和社会保障局", parent="安溪县人民政府"), "安溪县人社局", "人力资源和社会保障局"),
    (Unit("人力资源和社会保障局", parent="安溪县人民政府"), "永春县人社局", None),
], ids=["place from the parent", "a bare 县 before the name", "the lower of the parent's places",
        "a township under its county", "another place's organ", "an abbreviation in the parent's place",
        "an abbreviation in another place"])
def test_a_unit_listed_without_its_place_takes_its_parents_place(unit, organ, expected):
    assert matched([unit, GOVERNMENT], organ) == expected


@pytest.mark.parametrize("units, organ, path, expected", [
    ([ANXI_JUSTICE, YONGCHUN_JUSTICE], "安溪县司法局", "a.docx", "安溪县司法局"),
    ([ANXI_JUSTICE, YONGCHUN_JUSTICE], "永春县司法局", "a.docx", "永春县司法局"),
    ([ANXI_JUSTICE, YONGCHUN_JUSTICE], "德化县司法局", "a.docx", None),
    ([ANXI_JUSTICE], "永春县司法局", "a.docx", None),
    ([ANXI_JUSTICE], "永春县司法局", "司法局2024年报告.docx", None),
    ([ANXI_JUSTICE], None, "永春县司法局2024年报告.docx", None),
    ([ANXI_JUSTICE, YONGCHUN_JUSTICE], "司法局", "永春县司法局2024年报告.docx", "永春县司法局"),
    ([ANXI_JUSTICE, YONGCHUN_JUSTICE, HEALTH], "司法局", "安溪县卫生健康局转报.docx", None),
], ids=["its own place", "the other place", "a third place", "another place's organ, one unit listed",
        "another place's organ, the short name in the file name", "another place in the file name",
        "the file name chooses between the two", "the file name names neither of the two"])
def test_units_sharing_a_short_name_keep_their_own_reports(units, organ, path, expected):
    assert matched(units, organ, path) == expected


# --- matching by the file name ------------------------------------------------------------

@pytest.mark.parametrize("units, path, expected", [
    ([HEALTH, GOVERNMENT], "收文/2024年安溪县卫生健康局法治政府建设年度报告.docx", "安溪县卫生健康局"),
    ([GOVERNMENT, Unit("安溪县人民政府办公室")], "安溪县人民政府办公室2024年度报告.pdf", "安溪县人民政府办公室"),
    ([GOVERNMENT, HEALTH], "安溪县政府2024年度报告.pdf", "安溪县人民政府"),
    ([Unit("安溪县融媒体中心", ("融媒体中心",)), HEALTH], "融媒体中心报告.docx", "安溪县融媒体中心"),
    ([Unit("安溪县教育局", ("教育",)), HEALTH], "教育2024报告.docx", None),
    ([ANXI_JUSTICE, YONGCHUN_JUSTICE], "司法局报告.docx", None),
    ([HEALTH, GOVERNMENT], "报告.docx", None),
], ids=["the full name", "the longest name wins", "a short form the grammar knows", "a short name of 3+ characters",
        "a short name of 2 characters is too short", "a tie between two units", "no name at all"])
def test_without_an_organ_the_file_name_decides(units, path, expected):
    assert matched(units, None, path) == expected


def test_the_organ_outranks_the_file_name():
    assert matched([HEALTH, GOVERNMENT], "安溪县人民政府", "安溪县卫生健康局.docx") == "安溪县人民政府"


# --- the batch ------------------------------------------------------------------------------

def test_units_nobody_reported_for_are_missing():
    accounting = account([HEALTH, GOVERNMENT, LABOUR], [FileResult("a.docx", organ="安溪县卫生健康局")], DEADLINE)
    assert accounting.missing == (GOVERNMENT, LABOUR)


def test_a_submission_that_matches_no_unit_is_unmatched():
    results = [FileResult("a.docx", organ="安溪县卫生健康局"), FileResult("b.docx", organ="德化县公安局")]
    accounting = account([HEALTH], results, DEADLINE)
    assert (accounting.matches, accounting.unmatched) == ({"a.docx": "安溪县卫生健康局"}, ("b.docx",))


def test_an_unreadable_file_counts_for_its_unit_by_its_file_name():
    """Its unit did submit (the office asks for a readable copy, not for a report)."""
    results = [FileResult("安溪县卫生健康局.wps", error="cannot read", organ=None),
               FileResult("扫描件.jpg", error="unsupported", organ=None)]
    accounting = account([HEALTH], results, DEADLINE)
    assert (accounting.matches, accounting.unmatched, accounting.missing) == \
        ({"安溪县卫生健康局.wps": "安溪县卫生健康局"}, ("扫描件.jpg",), ())


def test_two_submissions_for_one_unit_are_duplicates():
    results = [FileResult("a.docx", organ="安溪县卫生健康局"), FileResult("b.pdf", organ="中共安溪县卫生健康局党组"),
               FileResult("c.docx", organ="安溪县人民政府")]
    accounting = account([HEALTH, GOVERNMENT], results, DEADLINE)
    assert accounting.duplicates == {"安溪县卫生健康局": ("a.docx", "b.pdf")}


def test_the_deadline_is_kept_as_an_iso_date():
    assert account([HEALTH], [], DEADLINE).deadline == "2025-03-01"


# --- lateness -------------------------------------------------------------------------------

@pytest.mark.parametrize("written, received, reason", [
    ("2025年2月20日", {"a.docx": datetime.date(2025, 3, 5)}, "收文日期 2025年3月5日 晚于报送期限 2025年3月1日"),
    ("2025年3月5日", {}, "成文日期 2025年3月5日 晚于报送期限 2025年3月1日（无收文日期）"),
    ("二〇二五年三月五日", None, "成文日期 2025年3月5日 晚于报送期限 2025年3月1日（无收文日期）"),
    ("2025-03-10", {"b.docx": datetime.date(2025, 2, 1)}, "成文日期 2025年3月10日 晚于报送期限 2025年3月1日（无收文日期）"),
    ("2025年3月5日", {"a.docx": datetime.date(2025, 2, 28)}, None),
    ("2025年2月20日", {"a.docx": datetime.date(2025, 3, 1)}, None),
    ("2025年3月1日", {}, None),
    (None, {}, None),
], ids=["received after the deadline", "written after it, no receipt", "written in Chinese numerals",
        "a receipt for another file does not count", "received in time though written late",
        "received on the deadline", "written on the deadline", "no date at all"])
def test_a_submission_is_late_by_its_receipt_else_by_its_date(written, received, reason):
    accounting = account([HEALTH], [FileResult("a.docx", organ="安溪县卫生健康局", date=written)], DEADLINE, received)
    assert accounting.late.get("a.docx") == reason


@pytest.mark.parametrize("path, logged, late", [
    ("/batch/2024/安溪县卫生健康局.docx", {"安溪县卫生健康局.docx": datetime.date(2025, 3, 5)}, True),
    ("batch\\安溪县卫生健康局.docx", {"安溪县卫生健康局.docx": datetime.date(2025, 3, 5)}, True),
    ("/batch/安溪县卫生健康局.docx", {"安溪县卫生健康局": datetime.date(2025, 3, 5)}, True),
    ("/batch/late/x.docx", {"late/x.docx": datetime.date(2025, 3, 5), "early/x.docx": datetime.date(2025, 2, 5)}, True),
    ("/batch/early/x.docx", {"late/x.docx": datetime.date(2025, 3, 5), "early/x.docx": datetime.date(2025, 2, 5)}, False),
], ids=["by the file name", "a Windows path", "by the name without suffix", "by the path, late",
        "by the path, in time"])
def test_a_receipt_is_found_by_the_file_name_or_path(path, logged, late):
    accounting = account([HEALTH], [FileResult(path, date="2025年2月1日")], DEADLINE, logged)
    assert (path in accounting.late) is late


@pytest.mark.parametrize("year, month_day, deadline", [
    (2024, "03-01", datetime.date(2025, 3, 1)),
    (2024, "04-01", datetime.date(2025, 4, 1)),
])
def test_the_default_deadline_is_in_the_year_after_the_report_year(year, month_day, deadline):
    assert default_deadline(year, month_day) == deadline


@pytest.mark.parametrize("month_day", ["0301", "02-30", "March 1"])
def test_a_deadline_that_is_not_a_month_and_day_is_a_usage_error(month_day):
    with pytest.raises(UsageError, match="is not a month and day"):
        default_deadline(2024, month_day)


# --- reading a roster -----------------------------------------------------------------------

ROSTER_CSV = ("序号,单位名称,简称,层级,上级单位\n"
              "1,安溪县卫生健康局,卫健局、县卫健局,县级,安溪县人民政府\n"
              ",,,,\n"
              "2,　安溪县 司法局　,司法局,县级,安溪县人民政府\n")
ROSTER_UNITS = (Unit("安溪县卫生健康局", ("卫健局", "县卫健局"), "县级", "安溪县人民政府"),
                Unit("安溪县司法局", ("司法局",), "县级", "安溪县人民政府"))


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030", "utf-16"])
def test_a_csv_roster_reads_in_the_encodings_excel_writes(tmp_path, encoding):
    path = tmp_path / "名单.csv"
    text = ROSTER_CSV.replace(",", "\t") if encoding == "utf-16" else ROSTER_CSV
    path.write_bytes(text.encode(encoding))
    assert load_units(path) == ROSTER_UNITS


def test_an_xlsx_roster_may_have_a_title_row_above_its_header(tmp_path):
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["2024年度法治政府建设年度报告报送单位名单"])
    sheet.append([])
    sheet.append(["序号", "单位名称", "简称", "层级", "上级单位"])
    sheet.append([1, "安溪县卫生健康局", "卫健局，县卫健局", "县级", "安溪县人民政府"])
    sheet.append([None, None, None, None, None])
    sheet.append([2, "安溪县司法局", "司法局", "县级", "安溪县人民政府"])
    book.save(tmp_path / "名单.xlsx")
    assert load_units(tmp_path / "名单.xlsx") == ROSTER_UNITS


@pytest.mark.parametrize("header, row, unit", [
    ("单位,别称,级别,主管单位", "安溪县司法局,司法局,县级,安溪县人民政府",
     Unit("安溪县司法局", ("司法局",), "县级", "安溪县人民政府")),
    ("机关名称,上级", "司法局,安溪县人民政府", Unit("司法局", parent="安溪县人民政府")),
    ("名称(全称),简称", '安溪县人力资源和社会保障局,"人社局;社保局 / 县人社局"',
     Unit("安溪县人力资源和社会保障局", ("人社局", "社保局", "县人社局"))),
    ("单位名称", "安溪县司法局", Unit("安溪县司法局")),
], ids=["单位 别称 级别 主管单位", "机关名称 上级", "a header with a note, several short names", "the name alone"])
def test_a_roster_accepts_the_usual_chinese_headers(tmp_path, header, row, unit):
    path = tmp_path / "名单.csv"
    path.write_text(f"{header}\n{row}\n", encoding="utf-8")
    assert load_units(path) == (unit,)


def test_a_repeated_header_row_is_not_a_unit(tmp_path):
    path = tmp_path / "名单.csv"
    path.write_text("单位名称\n安溪县司法局\n单位名称\n安溪县卫生健康局\n", encoding="utf-8")
    assert [unit.name for unit in load_units(path)] == ["安溪县司法局", "安溪县卫生健康局"]


@pytest.mark.parametrize("name, content, message, line", [
    ("名单.csv", None, "no such roster file", None),
    ("名单.csv", "序号,备注\n1,安溪县司法局\n",
     "no unit-name column in the first 5 rows of the roster (headers found: 序号、备注) "
     "(accepted headers — unit-name: 单位名称 / 机关名称 / 单位 / 名称)", None),
    ("名单.csv", "单位名称\n安溪县司法局\n安溪县卫生健康局\n安溪县 司法局\n",
     "unit 「安溪县司法局」 is listed twice (rows 2 and 4)", 4),
    ("名单.csv", "单位名称,简称\n,\n", "the roster lists no units", 1),
    ("名单.xlsx", "not a workbook", "not a readable .xlsx roster", None),
    ("名单.xls", "not a workbook", "cannot read a roster from a .xls file "
     "(open it in Excel and save it as .xlsx or CSV)", None),
], ids=["a missing file", "no unit-name column", "a unit listed twice", "no units", "a damaged xlsx",
        "an old .xls"])
def test_a_bad_roster_is_one_precise_input_error(tmp_path, name, content, message, line):
    path = tmp_path / name
    if content is not None:
        path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load_units(path)
    assert message in str(caught.value)
    assert (caught.value.path, caught.value.line) == (str(path), line)


def test_a_folder_is_not_a_roster(tmp_path):
    with pytest.raises(InputError, match="a folder, not a roster file"):
        load_units(tmp_path)


# --- reading the receipt log ----------------------------------------------------------------

def test_receipt_dates_read_in_the_forms_offices_write(tmp_path):
    path = tmp_path / "收文.csv"
    path.write_text("收文登记表\n文件名,收文日期\n"
                    "a.docx,2025-03-02\nb.docx,2025/3/2\nc.docx,2025年3月2日\nd.docx,２０２５．３．２\n"
                    "e.docx,\n", encoding="utf-8")
    assert load_received(path) == dict.fromkeys(["a.docx", "b.docx", "c.docx", "d.docx"], datetime.date(2025, 3, 2))


def test_an_xlsx_receipt_log_reads_date_cells(tmp_path):
    import openpyxl

    book = openpyxl.Workbook()
    book.active.append(["路径", "收到日期"])
    book.active.append(["2024/安溪县司法局.docx", datetime.datetime(2025, 3, 5, 9, 30)])
    book.save(tmp_path / "收文.xlsx")
    assert load_received(tmp_path / "收文.xlsx") == {"2024/安溪县司法局.docx": datetime.date(2025, 3, 5)}


@pytest.mark.parametrize("content, message, line", [
    ("文件,日期\na.docx,三月初\n", "「三月初」 is not a date", 2),
    ("文件名,备注\na.docx,已收\n", "no date column in the first 5 rows of the receipt log "
     "(headers found: 文件名、备注) (accepted headers — date: 收文日期 / 收到日期 / 日期)", None),
    ("文件,日期\na.docx,2025-03-02\nb.docx,2025-03-02\na.docx,2025-03-04\n",
     "「a.docx」 is logged twice with different dates (rows 2 and 4)", 4),
], ids=["a cell that is no date", "no date column", "one file, two dates"])
def test_a_bad_receipt_log_is_one_precise_input_error(tmp_path, content, message, line):
    path = tmp_path / "收文.csv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load_received(path)
    assert message in str(caught.value)
    assert caught.value.line == line


def test_a_roster_read_from_file_accounts_for_a_batch(tmp_path):
    roster = tmp_path / "名单.csv"
    roster.write_bytes(ROSTER_CSV.encode("gb18030"))
    log = tmp_path / "收文.csv"
    log.write_text("文件,收文日期\n卫健局.docx,2025-03-03\n", encoding="utf-8-sig")
    results = [FileResult("in/卫健局.docx", organ="中共安溪县卫生健康局党组", date="2025年2月27日"),
               FileResult("in/未知.docx", organ="安溪县公安局")]
    accounting = account(load_units(roster), results, DEADLINE, load_received(log))
    assert accounting.matches == {"in/卫健局.docx": "安溪县卫生健康局"}
    assert accounting.unmatched == ("in/未知.docx",)
    assert [unit.name for unit in accounting.missing] == ["安溪县司法局"]
    assert accounting.late == {"in/卫健局.docx": "收文日期 2025年3月3日 晚于报送期限 2025年3月1日"}


def test_every_report_of_a_large_roster_finds_its_own_unit():
    places = [a + b + "县" for a in "安永德南惠晋石丰" for b in "溪春化安泉江狮城" if a != b]
    departments = ["卫生健康局", "司法局", "教育局", "人力资源和社会保障局", "人民政府"]
    units = [Unit(place + department, ("司法局",) if department == "司法局" else ()) for place in places
             for department in departments]
    results = [FileResult(f"{number}.docx", organ=f"中共{unit.name}党组" if number % 2 else unit.name)
               for number, unit in enumerate(units)]
    accounting = account(units, results, DEADLINE)
    assert accounting.matches == {f"{number}.docx": unit.name for number, unit in enumerate(units)}
