"""Every item of shared/seeds/EXPECTED.md as a test: must-report fires at the stated line,
must-not-report stays silent."""

from __future__ import annotations

import pytest

from conftest import SEEDS

from lawlint.pipeline import linter

SEED = {
    "000": "000_9cfde12bd7801c2f.txt", "001": "001_0bdb67023be65981.txt",
    "002": "002_c589ac335115484d.txt", "003": "003_ad30e693d927473c.txt",
    "004": "004_3b8f22655ae3d0b6.txt",
}

# (seed, rule id, line or None for "anywhere", what EXPECTED.md says)
MUST_REPORT = [
    ("000", "LL401", None, "no signature at the end"),
    ("000", "LL402", None, "no date at the end"),
    ("000", "LL103", 47, "S lists problems without causes"),
    ("000", "LL105", 18, "R only inside M, statement on line 18"),
    ("001", "LL401", 52, "the date has no organ name above it"),
    ("001", "LL103", 41, "S gives no causes"),
    ("001", "LL109", 12, "R only a sub-item of M, under a heading of its own (info)"),
    ("001", "LL602", 11, "《信访条例》 studied in 2023: replaced by 《信访工作条例》 from 2022-05-01"),
    ("002", "LL303", None, "no addressee line"),
    ("002", "LL103", 59, "S gives no causes"),
    ("002", "LL105", 17, "R: only 落实主要负责人履行推进法治建设第一责任 on line 17"),
    ("002", "LL201", 21, "legal review mentioned with no figure"),
    ("003", "LL301", None, "no title"),
    ("003", "LL303", None, "no addressee"),
    ("003", "LL102", None, "no S section"),
    ("003", "LL106", None, "no P section"),
    ("003", "LL401", None, "no signature"),
    ("003", "LL402", None, "no date"),
    ("003", "LL201", None, "legal review without figures"),
    ("003", "TY101", 1, "half-width punctuation in Chinese text, e.g. line 1"),
    ("004", "LL601", 11, "纲要（2021—2026 年）: the national 纲要 runs 2021—2025"),
    ("004", "LL502", 33, "(五) among （一）"),
    ("004", "LL502", 37, "(六) among （一）"),
]

# The second reading of EXPECTED.md: what a careful reviewer also sends back (issue 15).
SECOND_READING = [
    ("000", "LL602", 9, "2021 work based on the plan implementing the expired 广东 纲要（2016—2020年）"),
    ("000", "LL607", 45, "《执业医师法》 called 新修订或新实施 in 2021"),
    ("000", "LL606", 16, "national 纲要 with an ASCII hyphen"),
    ("000", "LL606", 18, "national 纲要 with an ASCII hyphen"),
    ("000", "TY201", 45, "共创建康中国"),
    ("000", "LL806", 18, "the 第一责任人 item (四是…) is 亲自部署 and 听取汇报 only: no figure"),
    ("000", "LL807", 18, "the 第一责任人 item has no 述法"),
    ("000", "TY201", 53, "局户网站"),
    ("000", "TY201", 22, "截止至 (截至)"),
    ("001", "LL505", 5, "「今年一年以来」 in a report written the year after"),
    ("001", "LL506", 33, "a county bureau writes 全市医疗服务市场秩序"),
    ("001", "LL203", 25, "重大决策 review without a count; the only figure is 法制审核100%"),
    ("001", "LL203", 26, "规范性文件 review without a count"),
    ("001", "LL502", 17, "mixed (1)(2) / （3） ordinals"),
    ("002", "LL606", 11, "《法治政府建设实施纲要（2021-2025）》: hyphen and no 年"),
    ("002", "TY203", 45, "「近3000余人次」 contradicts itself"),
    ("003", "TY201", 6, "法制轨道 (法治轨道)"),
    ("003", "TY202", 8, "政务服服, a doubled character"),
    ("004", "LL305", 5, "「区政府：」: a department reports to 区委、区政府"),
    ("004", "LL605", 51, "《基本医疗与健康促进法》 is not a law's title"),
    ("004", "LL201", 25, "legal review described only with 均/所有"),
    ("004", "TY201", 15, "我把学习"),
    ("004", "TY201", 41, "水不断提升"),
    ("004", "LL703", 47, "「蔡国中行政诉讼案」 names a private party in a report meant for publication"),
    ("004", "LL805", 51, "the 第一责任人 part repeats line 25 word for word"),
    ("004", "LL806", 49, "the 第一责任人 part has no figure"),
    ("004", "LL807", 49, "the 第一责任人 part has no 述法"),
    ("004", "LL808", 41, "the one court appearance was by the 分管领导"),
]
MUST_REPORT += SECOND_READING

# (seed, rule id, line or None for "anywhere in the file")
MUST_NOT_REPORT = [
    ("000", "LL301", None), ("000", "LL302", None),          # letterhead, title over lines 3/5
    ("000", "LL101", None), ("000", "LL102", None), ("000", "LL106", None),
    ("000", "LL601", None),                                  # the province's own 纲要 (2016—2020)
    ("000", "LL201", None), ("000", "LL202", None),          # 83份 passes the 10% rule
    ("001", "LL402", None), ("001", "LL403", None), ("001", "LL404", None),  # 2024-02-29 exists
    ("001", "LL405", None), ("001", "LL406", None),
    ("001", "LL202", None), ("001", "LL201", None),          # 法制审核100%
    ("001", "LL301", None), ("001", "LL302", None), ("001", "LL303", None),
    ("002", "LL407", None), ("002", "LL401", None),          # signature matches the title
    ("002", "LL403", None), ("002", "LL302", None),          # 「2023 年」 spaces
    ("002", "LL101", None), ("002", "LL102", None), ("002", "LL106", None),
    ("003", "LL101", None),                                  # topical sections satisfy M
    ("003", "LL601", None), ("003", "LL602", None),          # 七五普法 in a 2020 report
    ("003", "LL108", None),                                  # R first is fine
    ("004", "LL403", None),                                  # 「2022 年 1 月 10 日」 extraction spaces
    ("004", "LL108", None),                                  # M, R, S, P: contents, not order
    ("004", "LL101", None), ("004", "LL102", None), ("004", "LL104", None),
    ("004", "LL105", None), ("004", "LL109", None), ("004", "LL106", None), ("004", "LL103", None),
    ("001", "LL105", None),                                  # a sub-heading is LL109 (info)
    ("002", "LL503", None),                                  # # marks: residue of the PDF conversion
    ("001", "LL803", None),                                  # 4.1 stock phrases per 1,000: no reason to send back
    ("004", "LL401", None), ("004", "LL407", None),
    ("000", "LL107", None), ("001", "LL107", None), ("002", "LL107", None),  # second reading:
    ("003", "LL107", None), ("004", "LL107", None),                          # LL107 is noise
    ("000", "LL203", None),                                  # 83份 counts the review as a whole
    ("001", "LL607", None),                                  # 民法典 (in force 2021) in 2023
]


@pytest.fixture(scope="module")
def seed_results():
    resolver = linter.Resolver(linter.Options(isolated=True))
    return {key: linter.lint_path(str(SEEDS / name), resolver) for key, name in SEED.items()}


@pytest.mark.parametrize("seed, rule_id, line, why", MUST_REPORT,
                         ids=[f"{s}-{r}-{n}" for s, r, n, _ in MUST_REPORT])
def test_seed_must_report(seed_results, seed, rule_id, line, why):
    lines = [d.line for d in seed_results[seed].diagnostics if d.rule_id == rule_id]
    assert lines, f"{rule_id} should fire on seed {seed}: {why}"
    if line is not None:
        assert line in lines, f"{rule_id} on seed {seed} should point at line {line}, got {lines}"


@pytest.mark.parametrize("seed, rule_id, line", MUST_NOT_REPORT,
                         ids=[f"{s}-{r}" for s, r, _ in MUST_NOT_REPORT])
def test_seed_must_not_report(seed_results, seed, rule_id, line):
    found = [(d.line, d.message) for d in seed_results[seed].diagnostics if d.rule_id == rule_id]
    assert not found, f"{rule_id} is a false alarm on seed {seed}: {found}"


@pytest.mark.parametrize("seed, rule_id, line, severity", [
    ("003", "TY101", 1, "warning"),     # EXPECTED.md: warning, fixable
    ("004", "LL502", 33, "warning"),    # EXPECTED.md: warning, fixable
    ("004", "LL502", 37, "warning"),
    ("004", "LL601", 11, "error"),
])
def test_seed_findings_that_expected_md_calls_fixable_carry_a_fix(seed_results, seed, rule_id,
                                                                   line, severity):
    finding = next(d for d in seed_results[seed].diagnostics if (d.rule_id, d.line) == (rule_id, line))
    assert finding.severity == severity and finding.fix


def test_seed_structure_is_read_as_expected_md_describes(seed_results):
    assert {k: (r.report_year, r.organ) for k, r in seed_results.items()} == {
        "000": (2021, "清远市卫生健康局"),
        "001": (2023, "安溪县卫生健康局"),
        "002": (2023, "江门市江海区卫生健康局"),
        "003": (2020, None),
        "004": (2021, "重庆市渝北区卫生健康委员会"),
    }


def test_compliant_fixture_has_no_error_or_warning(lint, compliant_text):
    result = lint(compliant_text)
    assert [d for d in result.diagnostics if d.severity != "info"] == []
