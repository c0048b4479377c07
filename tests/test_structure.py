"""The document model on real layouts: which parts a report has, its year and where the
year came from, its title and organ. One table per behaviour."""

from __future__ import annotations

import pytest

from lawlint.document import dates, fold, source, structure

MISSING_PARTS = {"LL101", "LL102", "LL104", "LL106"}


def parse(text: str, ruleset):
    src = source.from_text(text, "report.txt")
    return structure.parse(src, fold.fold(src), None, ruleset.grammar)


LAYOUTS = {
    "year-summary-with-the-parts-as-level-2-items": """\
某镇2024年法治政府建设年度报告
一、2024年法治政府建设工作情况
（一）主要举措
全年审查合同5份。
（二）主要成效
调解纠纷45件。
（三）存在的不足
执法力量不足，原因是编制有限。
（四）党政主要负责人履行推进法治建设第一责任人职责情况
镇长主持召开会议4次。
二、2025年工作安排
继续加强执法队伍建设。
""",
    "one-heading-names-several-parts": """\
某县交通运输局2022年法治政府建设年度报告
一、2022年推进法治政府建设主要举措、成效和不足
全年审查文件12件。执法力量不足，原因是编制有限。
二、主要负责人履行推进法治建设第一责任人职责情况
局长主持召开专题会议3次。
三、2023年工作计划
继续加强执法队伍建设。
""",
    "r-as-a-level-2-item-under-measures": """\
某区卫生健康委员会2024年法治政府建设情况报告
一、主要工作开展情况
（一）党政主要负责人履行推进法治建设第一责任人职责
主任主持召开会议3次。
（二）深化放管服改革
审批事项压减12项。
二、存在的问题
执法力量不足，主要原因是编制有限。
三、下一步工作打算
继续加强执法队伍建设。
""",
    "measures-spread-over-topical-parts-and-r-first": """\
某市人民政府2019年法治政府建设情况报告
一、落实法治建设第一责任人职责
市长主持召开常务会议3次。
二、依法全面履行政府职能
审批事项压减12项。
三、完善依法行政制度体系
审查规范性文件20件。
四、存在的问题和不足
执法力量不足，原因是编制有限。
五、2020年工作思路
继续加强执法队伍建设。
""",
}


@pytest.mark.parametrize("name", LAYOUTS)
def test_common_layouts_with_every_part_pass(name, lint):
    fired = {d.rule_id for d in lint(LAYOUTS[name]).diagnostics}
    assert fired & MISSING_PARTS == set(), fired


@pytest.mark.parametrize("text, year, basis", [
    ("某局2023年法治政府建设年度报告\n一、2024年主要举措\n审查12件。\n", 2023, "title"),
    ("某局法治政府建设年度报告\n一、2019年推进法治政府建设情况\n审查12件。\n", 2019, "headings"),
    ("某局法治政府建设年度报告\n一、主要举措\n审查12件。\n三、2025年工作计划\n继续。\n", 2024, "headings"),
    ("某局法治政府建设年度报告\n一、主要举措\n审查12件。\n\n某局\n2024年2月1日\n", 2023, "date"),
    ("根据《法治政府建设实施纲要（2021—2025年）》要求，现报告如下。2022年，我局依法行政。\n"
     "一、主要举措\n审查12件。\n", 2022, "opening"),
    ("发布时间：2025-03-28 09:18 来源：某局\n某局法治政府建设情况报告\n一、主要举措\n审查12件。\n",
     None, None),
    ("关于贯彻《法治政府建设实施纲要（2021—2025年）》2023年度情况的报告\n一、主要举措\n审查12件。\n",
     2023, "title"),
])
def test_report_year_is_reasoned_never_read_from_citations_ranges_or_page_clocks(
        ruleset, text, year, basis):
    doc = parse(text, ruleset)
    assert (doc.year, doc.year_basis) == (year, basis)


@pytest.mark.parametrize("text, years", [
    ("2023年以来", [2023]),
    ("《法治政府建设实施纲要（2021—2025年）》", []),
    ("2021-2025年规划和2024 年度报告", [2024]),
    ("《静海区法治政府建设实施纲要(20212025年)》", []),
])
def test_spoken_years_skip_cited_titles_and_ranges(text, years):
    assert dates.spoken_years(text) == years


def test_findings_that_compare_with_the_year_say_where_it_came_from(lint):
    text = "某局2023年法治政府建设年度报告\n一、2022年推进法治政府建设的主要举措和成效\n审查12件。\n\n某局\n2025年1月5日\n"
    messages = {d.rule_id: d.message for d in lint(text).diagnostics}
    assert "据标题" in messages["LL405"] and "据标题" in messages["LL504"]
    plan = next(d for d in lint("某局2023年法治政府建设年度报告\n一、主要举措\n审查12件。\n").diagnostics
                if d.rule_id == "LL106")
    assert "「三、2024年度推进法治政府建设的工作安排」" in plan.message   # the report year + 1


@pytest.mark.parametrize("text, title, organ", [
    ("天津市静海区人民政府 2019年12月3日星期二\n无障碍 简体| 繁体\n静海区2023年度法治政府建设情况报告\n"
     "来源:静海区人民政府办公室 发布时间:2024-03-28 09:18\n静海区2023年度法治政府建设情况报告\n2023年，静海区坚持依法行政。\n",
     "静海区2023年度法治政府建设情况报告", "静海区"),
    ("000123\n特急\n安溪县卫生健康局文件\n安卫〔2024〕5号　签发人：张三\n————————\n"
     "关于2023年法治政府建设情况的报告\n县委、县政府：\n2023年，我局依法行政。\n",
     "关于2023年法治政府建设情况的报告", "安溪县卫生健康局"),
    ("中共南昌县委\n南昌县人民政府\n关于2023年度法治建设工作情况的报告\n市委、市政府：\n2023年，全县依法行政。\n",
     "中共南昌县委南昌县人民政府关于2023年度法治建设工作情况的报告", "中共南昌县委 南昌县人民政府"),
])
def test_title_and_organ_behind_furniture_and_the_banhao(ruleset, text, title, organ):
    doc = parse(text, ruleset)
    assert (doc.title_text, doc.organ) == (title, organ)


@pytest.mark.parametrize("footer", ["— 3 —", "—3—", "- 3 -", "第3页", "第 3 页 共 5 页", "共5页 第3页", "3/5", "3"])
def test_a_printed_page_number_after_the_closing_is_not_the_closing(ruleset, footer):
    """PDF and OFD text ends with the page's number (GB/T 9704: 「— 3 —」): the signature and
    the date are found above it."""
    text = ("某县司法局2023年法治政府建设年度报告\n县委、县政府：\n一、主要举措和成效\n全年审查文件12件。\n"
            f"某县司法局\n2024年1月29日\n{footer}\n")
    closing = parse(text, ruleset).closing
    assert closing.date is not None and closing.date.text == "2024年1月29日"
    assert [line.text for line in closing.signatures] == ["某县司法局"]


@pytest.mark.parametrize("line", ["2024", "12件", "一、3", "第3条", "3、"])
def test_numbers_that_are_not_page_numbers_stay_text(line):
    from lawlint.document import furniture

    assert furniture.kind(line) != "page"
