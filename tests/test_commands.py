"""The pack commands: rules, explain, check-pack, test-pack; and --statistics."""

from __future__ import annotations

import json
import shutil

import pytest
from click.testing import CliRunner

from conftest import ROOT, SEEDS

from lawlint.cli import main


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def test_rules_lists_every_active_rule_with_its_basis():
    lines = run("rules").output.splitlines()
    from lawlint.packs.ruleset import BUILTIN_RULES

    built_in = len(BUILTIN_RULES)
    assert [line.split()[0] for line in lines[:built_in]] == [rule.id for rule in BUILTIN_RULES]
    assert len(lines) == built_in + 48 + 6 and lines[built_in].startswith("LL101  measures-missing")
    assert any(line.split()[:3] == ["LL107", "other-matters-missing", "off"] for line in lines)  # opt-in, listed
    assert lines[-1].startswith("TY203  approximation-clash")
    assert "《法治政府建设与责任落实督察工作规定》" in lines[built_in]


def test_rules_json_includes_composed_packs():
    rows = json.loads(run("rules", "--pack", "shenzhen-topics", "--format", "json").output)
    assert {row["id"] for row in rows} >= {"LL101", "SZ108", "LL001"}
    assert set(rows[0]) == {"id", "name", "severity", "kind", "pack", "basis", "enabled"}
    assert [row["enabled"] for row in rows if row["id"] == "LL107"] == [False]


@pytest.mark.parametrize("key", ["LL103", "causes-missing"])
def test_explain_shows_description_basis_parameters_and_examples(key):
    output = run("explain", key).output
    assert output.startswith("LL103 causes-missing  (warning; kind: phrase; pack: national)")
    for part in ("依据：", "参数 pattern:", "示例，不符合（会报告）：", "示例，符合（不报告）："):
        assert part in output


@pytest.mark.parametrize("key, shown", [
    ("M", ["部分 M：主要举措和成效", "+2  举措", "仅当其他部分都未达到阈值时计分", "2 个以上未命名任何部分的一级标题"]),
    ("P", ["部分 P：下一年度主要安排", "+3  下一步", "否决  制定", "为下一年度时 +1"]),
    ("organs", ["行政区划（乡级）：镇、乡、民族乡、苏木、民族苏木、街道", "党组", "委=委员会"]),
    ("LL101", ["LL101 measures-missing", "部分 M："]),          # a rule about a part shows its vocabulary
    ("LL407", ["LL407 signature-mismatch", "机关类型："]),      # and one about organs, the grammar
    ("LL401", ["公开稿（--published）：info"]),
])
def test_explain_documents_the_vocabulary_in_the_pack(key, shown):
    output = run("explain", key).output
    for part in shown:
        assert part in output, output


def test_explain_unknown_rule_is_a_usage_error():
    result = run("explain", "LL999")
    assert result.exit_code == 2 and "no rule 'LL999'" in result.output


def test_builtin_packs_pass_check_pack():
    result = run("check-pack", *sorted((ROOT / "rules").glob("*.yaml")))
    assert result.exit_code == 0, result.output
    assert "national.yaml: ok (48 rules, 130 examples)" in result.output
    assert "laws.yaml: ok (0 rules, 0 examples)" in result.output   # the registry: data only
    assert "typography.yaml: ok (6 rules, 28 examples)" in result.output


BAD_PACK = """\
name: bad
version: '1'
rules:
  - id: XX101
    name: never-fires
    severity: warning
    kind: phrase
    expect: absent
    pattern: 永远不会出现的词
    message: 出现了{nothing}
    basis: b
    examples:
      bad: ["这里没有那个词。"]
      good: ["这里也没有。"]
  - id: XX102
    name: no-examples
    severity: info
    kind: present
    scope: signature
    message: m
    basis: b
"""


def test_check_pack_reports_rules_that_never_fire_or_lack_examples(tmp_path):
    pack = tmp_path / "bad.yaml"
    pack.write_text(BAD_PACK, encoding="utf-8")
    result = run("check-pack", pack)
    assert result.exit_code == 1
    assert f"{pack}:4: XX101: the rule never fires" in result.output
    assert f"{pack}:4: XX101: message uses {{nothing}}" in result.output
    assert f"{pack}:15: XX102: no examples.bad" in result.output


def test_a_pack_with_nothing_to_load_says_what_it_needs_not_its_whole_text(tmp_path):
    pack = tmp_path / "p.yaml"
    pack.write_text("name: p\nversion: '1'\ndescription: " + "很长的说明" * 200 + "\n", encoding="utf-8")
    result = run("check-pack", pack)
    assert result.exit_code == 2 and "needs one of: rules, extends, laws" in result.output
    assert len(result.output) < 300


@pytest.mark.parametrize("body, expected", [
    ("kind: phrase\n    expect: absent\n    pattern: '(oops'\n", ":9: invalid regular expression"),
    ("kind: magic\n", ":7: 'magic' is not one of"),
])
def test_check_pack_rejects_unloadable_packs_with_exit_2(tmp_path, body, expected):
    pack = tmp_path / "p.yaml"
    pack.write_text("name: p\nversion: '1'\nrules:\n  - id: XX101\n    name: a\n    severity: info\n"
                    f"    {body}    message: m\n    basis: b\n", encoding="utf-8")
    result = run("check-pack", pack)
    assert result.exit_code == 2 and expected in result.output, result.output


def test_test_pack_runs_annotated_fixtures(tmp_path):
    shutil.copy(ROOT / "rules" / "national.yaml", tmp_path / "national.yaml")
    fixtures = tmp_path / "national.tests"
    fixtures.mkdir()
    text = (SEEDS / "004_3b8f22655ae3d0b6.txt").read_text(encoding="utf-8").split("\n")
    for number, ids in {3: "LL107", 5: "LL305", 11: "LL601", 25: "LL201", 33: "LL502",
                        35: "LL505", 37: "LL502", 41: "LL808", 47: "LL703", 49: "LL806 LL807",
                        51: "LL605 LL805"}.items():
        text[number - 1] += f"<!-- lawlint-expect {ids} -->"
    (fixtures / "004.txt").write_text("\n".join(text), encoding="utf-8")
    result = run("test-pack", tmp_path / "national.yaml")
    assert result.exit_code == 0, result.output
    assert "1 fixtures" in result.output
    (fixtures / "004.txt").write_text("\n".join(text).replace("<!-- lawlint-expect LL601 -->", ""),
                                      encoding="utf-8")
    failing = run("test-pack", tmp_path / "national.yaml")
    assert failing.exit_code == 1 and "004.txt:11: LL601: unexpected finding" in failing.output


def test_statistics_counts_findings_per_rule():
    lines = run(SEEDS, "--statistics").output.splitlines()
    assert lines[0].split() == ["10", "TY201", "warning", "miswritten-words"]
    assert lines[-1] == "5 files checked: 9 errors, 42 warnings, 12 info"   # LL107 off; habits once


def test_bare_lawlint_invocation_still_lints_paths():
    assert run(SEEDS / "004_3b8f22655ae3d0b6.txt").exit_code == run(
        "check", SEEDS / "004_3b8f22655ae3d0b6.txt").exit_code == 1


def test_the_worked_provincial_example_in_the_docs_passes_check_pack():
    result = run("check-pack", ROOT / "docs" / "examples" / "example-province.yaml")
    assert result.exit_code == 0 and "ok (2 rules, 4 examples)" in result.output, result.output
