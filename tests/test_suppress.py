"""Inline suppressions in .txt and .md: ranges, next line, whole file, reasons, misuse."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from conftest import COMPLIANT

from lawlint.cli import main

BASE = COMPLIANT.read_text(encoding="utf-8")
BROKEN = BASE.replace("（五）坚持", "(五)坚持").replace("（六）规范", "(六)规范")   # LL502 on 33 and 37


def lint(tmp_path, text, *args, suffix=".txt"):
    path = tmp_path / f"report{suffix}"
    path.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(main, [str(path), "--format", "json", *args])
    return result.exit_code, json.loads(result.output)["files"][0]["findings"]


def on_line(text: str, line: int, directive: str) -> str:
    lines = text.split("\n")
    lines.insert(line - 1, directive)
    return "\n".join(lines)


@pytest.mark.parametrize("suffix", [".txt", ".md"])
def test_disable_enable_range_suppresses_only_inside(tmp_path, suffix):
    text = on_line(BROKEN, 33, "<!-- lawlint-disable LL502 -- 原稿如此，待统一 -->")
    text = on_line(text, 36, "<!-- lawlint-enable LL502 -->")
    code, found = lint(tmp_path, text, "--fail-on", "warning", suffix=suffix)
    marks = [(f["line"], f["suppressed"]) for f in found if f["rule_id"] == "LL502"]
    assert marks == [(34, {"justification": "原稿如此，待统一"}), (39, None)]
    assert code == 1  # the finding outside the range still counts


def test_next_line_directive_skips_blank_lines(tmp_path):
    text = on_line(BROKEN, 32, "<!-- lawlint-disable-next-line numbering-style -- 引用原文 -->")
    _, found = lint(tmp_path, text)
    assert [f["suppressed"] is not None for f in found if f["rule_id"] == "LL502"] == [True, False]


def test_whole_file_directive_and_exit_code(tmp_path):
    text = "<!-- lawlint-disable-file LL5 -- 历史文稿 -->\n" + BROKEN
    code, found = lint(tmp_path, text, "--fail-on", "warning")
    assert code == 0
    assert all(f["suppressed"] == {"justification": "历史文稿"} for f in found if f["rule_id"] == "LL502")


def test_directive_lines_do_not_change_what_the_parser_sees(tmp_path):
    text = "<!-- lawlint-disable-file LL107 -->\n" + BASE
    _, found = lint(tmp_path, text, "--select", "LL0,LL107")   # LL107 runs when named
    assert {f["rule_id"] for f in found if not f["suppressed"]} == set()
    assert {f["rule_id"] for f in found if f["suppressed"]} == {"LL107"}


def test_unused_and_unknown_suppressions_are_reported(tmp_path):
    text = on_line(BASE, 9, "<!-- lawlint-disable-next-line LL601 -- 无 -->")
    text = on_line(text, 1, "<!-- lawlint-disable-file LL999 -->")
    _, found = lint(tmp_path, text)
    unused = [f["line"] for f in found if f["rule_id"] == "LL001"]
    unknown = [(f["line"], f["message"]) for f in found if f["rule_id"] == "LL004"]
    assert unused == [10] and unknown == [(1, "抑制指令“lawlint-disable-file LL999”写了不存在的规则 LL999，请改正规则编号")]


def test_suppression_of_a_deselected_rule_is_not_unused(tmp_path):
    text = on_line(BASE, 9, "<!-- lawlint-disable-next-line LL601 -- 无 -->")
    _, found = lint(tmp_path, text, "--select", "LL4")
    assert [f for f in found if f["rule_id"] == "LL001"] == []


def test_require_reason_reports_silent_suppressions(tmp_path):
    text = on_line(BROKEN, 33, "<!-- lawlint-disable-next-line LL502 -->")
    assert "LL002" not in {f["rule_id"] for f in lint(tmp_path, text)[1]}
    _, found = lint(tmp_path, text, "--require-reason")
    assert [f["line"] for f in found if f["rule_id"] == "LL002"] == [33]


def test_text_output_hides_suppressed_findings_and_counts_them(tmp_path):
    path = tmp_path / "r.md"
    path.write_text("<!-- lawlint-disable-file LL502 -- 原文 -->\n" + BROKEN, encoding="utf-8")
    output = CliRunner().invoke(main, [str(path)]).output
    assert "LL502" not in output and "2 suppressed" in output


def test_sarif_carries_suppressions_with_justification(tmp_path):
    path = tmp_path / "r.md"
    path.write_text("<!-- lawlint-disable-file LL502 -- 原文 -->\n" + BROKEN, encoding="utf-8")
    log = json.loads(CliRunner().invoke(main, [str(path), "--format", "sarif"]).output)
    suppressed = [r for r in log["runs"][0]["results"] if r["ruleId"] == "LL502"]
    assert suppressed and all(r["suppressions"] == [{"kind": "inSource", "status": "accepted",
                                                     "justification": "原文"}] for r in suppressed)


def test_sarif_with_suppressions_is_valid_sarif_2_1_0(tmp_path, sarif_validator):
    path = tmp_path / "r.md"
    path.write_text("<!-- lawlint-disable-file LL502 -- 原文 -->\n" + BROKEN, encoding="utf-8")
    sarif_validator.validate(json.loads(CliRunner().invoke(main, [str(path), "--format", "sarif"]).output))


@pytest.mark.parametrize("comment, rules, reason", [
    ("<!-- lawlint-disable-file LL999 -->", ("LL999",), ""),
    ("<!-- lawlint-disable LL103 LL104 -- 理由 -->", ("LL103", "LL104"), "理由"),
    ("<!--lawlint-disable-next-line LL603,LL601--原文引用-->", ("LL603", "LL601"), "原文引用"),
    ("<!-- lawlint-disable -->", (), ""),
])
def test_directive_syntax(comment, rules, reason):
    from lawlint.document import source
    from lawlint.pipeline import suppress
    found = suppress.directives(source.from_text(comment + "\n正文。<!-- 另一条注释 -->\n"))
    assert [(d.rules, d.reason) for d in found] == [(rules, reason)]


def test_an_enable_for_another_rule_does_not_end_a_disable_range(tmp_path):
    text = on_line(BROKEN, 33, "<!-- lawlint-disable LL502 -- 原稿如此 -->")
    text = on_line(text, 36, "<!-- lawlint-enable LL603 -->")
    _, found = lint(tmp_path, text)
    marks = [(f["line"], f["suppressed"] is not None) for f in found if f["rule_id"] == "LL502"]
    assert marks == [(34, True), (39, True)]
