"""Findings point into the original file whatever folding did: CJK, astral characters, CRLF."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st


def _findings(result):
    return [(d.rule_id, d.line, d.column, d.end_line, d.end_column) for d in result.diagnostics]


def test_crlf_file_reports_the_same_positions_as_lf(lint, compliant_text):
    broken = compliant_text.replace("2021—2025 年", "2021—2026 年")
    assert _findings(lint(broken.replace("\n", "\r\n"))) == _findings(lint(broken))


def test_astral_character_counts_as_one_column(lint, compliant_text):
    broken = compliant_text.replace("2021—2025 年", "2021—2026 年")
    shifted = broken.replace("2021 年，在区委", "𠀀2021 年，在区委")
    before = next(d for d in lint(broken).diagnostics if d.rule_id == "LL601")
    after = next(d for d in lint(shifted).diagnostics if d.rule_id == "LL601")
    assert (after.line, after.column) == (before.line, before.column + 1)


def test_span_covers_the_original_text_with_its_extraction_spaces(lint, compliant_text):
    text = compliant_text.replace("2022 年 1 月 10 日", "2022 年 3 月 15 日")
    finding = next(d for d in lint(text).diagnostics if d.rule_id == "LL406")
    assert (finding.line, finding.column, finding.excerpt) == (62, 1, "2022 年 3 月 15 日")


def test_excerpt_is_the_original_text_under_the_span(lint, compliant_text):
    text = compliant_text.replace("（五）坚持", "(五)坚持")
    line = text.split("\n")
    for d in lint(text).diagnostics:
        if d.line == d.end_line:
            assert line[d.line - 1][d.column - 1:d.end_column - 1] == d.excerpt


REPORTISH = st.lists(
    st.sampled_from(list("一二三、（）()1.:：，。年月日报告法治政府建设局 \n\r#*X某𠀀\t")
                    + ["2023", "\r\n", "第一责任人", "合法性审查8%", "2024年2月30日"]),
    max_size=80).map("".join)


@settings(max_examples=150, deadline=None)
@given(REPORTISH)
def test_any_text_lints_without_error_and_positions_stay_inside_the_file(lint, text):
    if not text.strip():
        return
    result = lint(text)
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    for d in result.diagnostics:
        assert 1 <= d.line <= d.end_line <= len(lines)
        assert 1 <= d.column <= len(lines[d.line - 1]) + 1
        assert 1 <= d.end_column <= len(lines[d.end_line - 1]) + 1
