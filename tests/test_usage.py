"""The genre's miswritten words (TY201, kind `substitute`): each entry of the pack names the
right form and fixes it where the fix is certain; the right uses of look-alike words stay
quiet (issue 15)."""

from __future__ import annotations

import pytest

from lawlint.packs.ruleset import load_ruleset
from lawlint.pipeline import fixer, linter
from lawlint.document import source

TITLE = "安溪县卫生健康局2023年法治政府建设年度报告\n"


def lint(text: str, ruleset=None):
    return linter.lint_source(source.from_text(TITLE + text, "report.txt"), ruleset or load_ruleset())


def usage(text: str, ruleset=None) -> list[tuple[str, str]]:
    return [(d.excerpt, d.message) for d in lint(text, ruleset).diagnostics if d.rule_id == "TY201"]


@pytest.mark.parametrize("text, found, expected", [
    ("截止至2023年底，共审查文件12件。", "截止至", "截至"),
    ("截止2023年12月31日，共审查文件12件。", "截止", "截至"),
    ("截止目前，共审查文件12件。", "截止", "截至"),
    ("推动各项工作纳入法制轨道。", "法制轨道", "法治轨道"),
    ("加快建设法制政府。", "法制政府", "法治政府"),
    ("共创建康中国。", "建康中国", "健康中国"),
])
def test_a_miswritten_word_is_named_with_its_right_form_and_fixed(text, found, expected):
    assert usage(text) == [(found, f"「{found}」应写作「{expected}」")]
    fixed = fixer.apply(TITLE + text, lint(text).diagnostics)[0]
    assert expected in fixed and found not in fixed.replace(expected, "")


@pytest.mark.parametrize("text", [
    "全年法制审核规范性文件12件，法制机构人员3名。",      # 法制 is right for the office and the review
    "报名截止日期为2024年1月5日，报名已于昨日截止。",       # 截止 after the time, or as a noun
    "截至2023年底，政府行为全面纳入法治轨道。",
])
def test_the_right_look_alike_words_stay_quiet(text):
    assert usage(text) == []


def test_an_entry_may_name_a_group_and_may_withhold_its_fix(tmp_path):
    pack = tmp_path / "words.yaml"
    pack.write_text(
        "name: words\nversion: '1'\nrules:\n"
        "  - id: XW101\n    name: w\n    severity: warning\n    kind: substitute\n"
        "    words:\n"
        "      - {pattern: '(网上)?政务服服务', expected: '\\1政务服务'}\n"
        "      - {pattern: '法制建设', expected: 法治建设, fix: false}\n"
        "    message: '{found} → {expected}'\n    basis: b\n", encoding="utf-8")
    found = [(d.message, bool(d.fix)) for d in lint("网上政务服服务，加强法制建设。", load_ruleset((str(pack),))).diagnostics]
    assert found == [("网上政务服服务 → 网上政务服务", True), ("法制建设 → 法治建设", False)]
