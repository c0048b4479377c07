"""Suppressions at the edges of the file and the exact words of LL001: a directive reaches
the first and the last line, an unused one is reported whatever else is deselected, and its
message names the directive as written and only the rules that do not exist."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from conftest import COMPLIANT

from lawlint.cli import main

BASE = COMPLIANT.read_text(encoding="utf-8")          # 62 lines; the date is the last
LAST_DATE = "2022 年 1 月 10 日"
BAD_DATE = BASE.replace(LAST_DATE, "2022.1.10")       # LL403 on the last line


def findings(text: str, *args: str) -> list[tuple[str, int, bool]]:
    output = CliRunner().invoke(main, ["-", "--format", "json", *args], input=text.encode()).output
    return [(f["rule_id"], f["line"], f["suppressed"] is not None)
            for f in json.loads(output)["files"][0]["findings"]]


def messages(text: str, rule_id: str, *args: str) -> list[str]:
    output = CliRunner().invoke(main, ["-", "--format", "json", *args], input=text.encode()).output
    return [f["message"] for f in json.loads(output)["files"][0]["findings"] if f["rule_id"] == rule_id]


def before_last_line(text: str, directive: str) -> str:
    head, last = text.rsplit("\n", 1)
    return f"{head}\n{directive}\n{last}"


# (report, the finding that must come out suppressed, and nothing reported as unused)
AT_THE_EDGES = {
    "a-file-directive-at-the-end-covers-the-first-line": (
        BASE.lstrip("\n") + "\n<!-- lawlint-disable-file LL107 -- 无其他事项 -->", ("LL107", 1, True)),
    "a-next-line-directive-reaches-the-last-line": (
        before_last_line(BAD_DATE, "<!-- lawlint-disable-next-line LL403 -- 原件如此 -->"),
        ("LL403", 63, True)),
}


@pytest.mark.parametrize("text, finding", AT_THE_EDGES.values(), ids=AT_THE_EDGES.keys())
def test_directives_reach_the_first_and_the_last_line(text, finding):
    found = findings(text, "--select", "LL0,LL107,LL403")   # LL107 (off by default) runs when named
    assert finding in found
    assert [f for f in found if f[0] == "LL001"] == []


def test_a_next_line_directive_on_the_last_line_silences_nothing_and_says_so():
    found = findings(BASE + "\n<!-- lawlint-disable-next-line LL107 -->", "--select", "LL0,LL107")
    assert ("LL001", 63, False) in found and ("LL107", 3, False) in found


# (directive, the LL001 message it gets when it silences nothing)
UNUSED = {
    "a-known-rule-no-complaint-about-the-name": (
        "<!-- lawlint-disable-next-line LL601 -- 无 -->",
        "抑制指令“lawlint-disable-next-line LL601”没有抑制任何发现，应删除"),
    "an-id-prefix-is-a-known-rule-too": (
        "<!-- lawlint-disable-next-line LL6 -- 无 -->",
        "抑制指令“lawlint-disable-next-line LL6”没有抑制任何发现，应删除"),
    "a-directive-for-every-rule": (
        "<!-- lawlint-disable-next-line -- 无 -->",
        "抑制指令“lawlint-disable-next-line”没有抑制任何发现，应删除"),
}


@pytest.mark.parametrize("directive, message", UNUSED.values(), ids=UNUSED.keys())
def test_an_unused_directive_is_named_as_written(directive, message):
    text = BASE.replace("\n一、2021 年推进", f"\n{directive}\n一、2021 年推进")
    assert messages(text, "LL001") == [message]


@pytest.mark.parametrize("directive, message", [
    ("<!-- lawlint-disable-next-line LL998 LL999 -->",
     "抑制指令“lawlint-disable-next-line LL998 LL999”写了不存在的规则 LL998、LL999，请改正规则编号"),
    ("<!-- lawlint-disable-next-line LL601 ll6 -->",
     "抑制指令“lawlint-disable-next-line LL601 ll6”写了不存在的规则 ll6，请改正规则编号"),
])
def test_a_directive_naming_no_rule_is_ll004_naming_every_unknown_one(directive, message):
    text = BASE.replace("\n一、2021 年推进", f"\n{directive}\n一、2021 年推进")
    assert messages(text, "LL004") == [message] and messages(text, "LL001") == []


def test_ignoring_ll002_still_reports_unused_directives():
    text = BASE.replace("\n一、2021 年推进", "\n<!-- lawlint-disable-next-line LL601 -- 无 -->\n一、2021 年推进")
    assert [f[0] for f in findings(text, "--ignore", "LL002")].count("LL001") == 1


@pytest.mark.parametrize("args", [("--ignore", "LL601"), ("--select", "LL0,LL1")])
def test_a_directive_for_a_deselected_rule_is_not_unused(args):
    text = BASE.replace("\n一、2021 年推进", "\n<!-- lawlint-disable-next-line LL601 -- 无 -->\n一、2021 年推进")
    assert "LL001" not in [f[0] for f in findings(text, *args)]
