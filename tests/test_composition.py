"""Packs build on packs: extends, added rules, overrides, disable, parameters; and errors."""

from __future__ import annotations

import textwrap

import pytest

from lawlint.errors import PackError
from lawlint.packs.ruleset import load_ruleset

NEW_RULE = """
  - id: GD101
    name: county-office-not-copied
    severity: warning
    kind: phrase
    expect: present
    pattern: 抄送[:：].*依法治
    message: 未抄送本级党委法治建设议事协调机构
    basis: 省级指引
"""


def write(tmp_path, name: str, body: str):
    path = tmp_path / name
    path.write_text(textwrap.dedent(body), encoding="utf-8")
    return path


def test_extends_adds_rules_after_the_inherited_ones(tmp_path):
    pack = write(tmp_path, "gd.yaml", "name: gd\nversion: '1'\nextends: national\nrules:" + NEW_RULE)
    ruleset = load_ruleset((str(pack),))
    assert [r.id for r in ruleset.rules][-1] == "GD101"
    assert ruleset.find("LL101").pack == "national" and ruleset.find("GD101").pack == "gd"


def test_overrides_change_severity_message_and_kind_parameters(tmp_path):
    pack = write(tmp_path, "gd.yaml", """\
        name: gd
        version: '1'
        extends: national
        overrides:
          LL406: {severity: error, message: '超过省定期限 {deadline}'}
          LL103: {pattern: 原因|根源}
          LL107: {disable: true}
        parameters: {deadline: "04-01", legal_review_min_ratio: 0.05}
        """)
    ruleset = load_ruleset((str(pack),))
    late = ruleset.find("LL406")
    assert (late.severity, late.message, late.pack) == ("error", "超过省定期限 {deadline}", "gd")
    assert ruleset.find("LL103").params["pattern"] == "原因|根源"
    assert ruleset.find("LL107") is None
    assert ruleset.parameters["deadline"] == "04-01"
    assert ruleset.parameters["legal_review_min_ratio"] == 0.05


def test_parameter_override_changes_what_fires(tmp_path, compliant_text):
    from lawlint.pipeline import linter
    from lawlint.document import source
    pack = write(tmp_path, "p.yaml",
                 "name: p\nversion: '1'\nextends: national\nparameters: {deadline: '04-01'}\n")
    late = compliant_text.replace("2022 年 1 月 10 日", "2022 年 3 月 15 日")
    src = source.from_text(late)
    national = linter.lint_source(src, load_ruleset())
    provincial = linter.lint_source(src, load_ruleset((str(pack),)))
    assert "LL406" in {d.rule_id for d in national.diagnostics}
    assert "LL406" not in {d.rule_id for d in provincial.diagnostics}


def test_relative_extends_and_a_pack_listed_twice_load_once(tmp_path):
    write(tmp_path, "base.yaml", "name: base\nversion: '1'\nrules:" + NEW_RULE)
    child = write(tmp_path, "child.yaml", "name: child\nversion: '1'\nextends: [national, ./base.yaml]\n")
    ruleset = load_ruleset((str(child), str(tmp_path / "base.yaml")))
    assert [r.id for r in ruleset.rules].count("GD101") == 1


@pytest.mark.parametrize("name, files, message, line", [
    ("cycle", {"a.yaml": "name: a\nversion: '1'\nextends: ./b.yaml\n",
               "b.yaml": "name: b\nversion: '1'\nextends: ./a.yaml\n"}, "cycle", None),
    ("redefined-id", {"a.yaml": "name: a\nversion: '1'\nextends: national\nrules:\n  - id: LL101\n"
                      "    name: x\n    severity: info\n    kind: present\n    scope: signature\n"
                      "    message: m\n    basis: b\n"}, "duplicate rule id", 5),
    ("override-of-unknown-rule", {"a.yaml": "name: a\nversion: '1'\nextends: national\n"
                                  "overrides:\n  LL999: {severity: info}\n"}, "no pack defines", 5),
    ("override-with-a-typo", {"a.yaml": "name: a\nversion: '1'\nextends: national\n"
                              "overrides:\n  LL103: {patern: 原因}\n"}, "has no parameter 'patern'", 5),
    ("override-with-bad-severity", {"a.yaml": "name: a\nversion: '1'\nextends: national\n"
                                    "overrides:\n  LL103: {severity: fatal}\n"}, "'fatal' is not one of", 5),
    ("unknown-parent", {"a.yaml": "name: a\nversion: '1'\nextends: nowhere\n"}, "no such pack", None),
])
def test_composition_errors_name_file_and_line(tmp_path, name, files, message, line):
    for file, body in files.items():
        write(tmp_path, file, body)
    with pytest.raises(PackError) as caught:
        load_ruleset((str(tmp_path / "a.yaml"),))
    assert message in str(caught.value)
    if line is not None:
        assert caught.value.line == line and "a.yaml" in caught.value.path


def test_shenzhen_pack_extends_national_with_eight_info_topics():
    ruleset = load_ruleset(("shenzhen-topics",))
    topics = [r for r in ruleset.rules if r.pack == "shenzhen-topics"]
    assert len(topics) == 8 and {r.severity for r in topics} == {"info"}
    assert ruleset.find("LL101") is not None
