"""Project configuration: discovery, what each setting does, CLI precedence, precise errors."""

from __future__ import annotations

import json
import textwrap

import pytest
from click.testing import CliRunner

from conftest import COMPLIANT

from lawlint.cli import main

LATE = COMPLIANT.read_text(encoding="utf-8").replace("2022 年 1 月 10 日", "2022 年 3 月 15 日")


def project(tmp_path, config: str, name: str = ".lawlint.yaml", report: str = LATE,
            report_path: str = "reports/r.txt"):
    tmp_path.mkdir(parents=True, exist_ok=True)
    (tmp_path / name).write_text(textwrap.dedent(config), encoding="utf-8")
    target = tmp_path / report_path
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(report, encoding="utf-8")
    return target


def findings(*args, cwd=None) -> tuple[int, dict[str, str]]:
    result = CliRunner().invoke(main, [*map(str, args), "--format", "json"])
    data = json.loads(result.output) if result.output.startswith("{") else {"files": []}
    found = {f["rule_id"]: f["severity"] for file in data["files"] for f in file["findings"]}
    return result.exit_code, found


def test_no_configuration_uses_national_defaults(tmp_path):
    report = tmp_path / "r.txt"
    report.write_text(LATE, encoding="utf-8")
    code, found = findings(report)
    assert (code, found.get("LL406")) == (0, "warning")


@pytest.mark.parametrize("config, expected_code, check", [
    ("severity: {LL406: error}\n", 1, lambda f: f["LL406"] == "error"),
    ("severity: {LL4: info}\n", 0, lambda f: f["LL406"] == "info"),
    ("severity: {date-late: error}\n", 1, lambda f: f["LL406"] == "error"),
    ("ignore: [LL406]\n", 0, lambda f: "LL406" not in f),
    ("ignore: [date-late]\n", 0, lambda f: "LL406" not in f),
    ("select: [LL4]\n", 0, lambda f: set(f) == {"LL406"}),
    ("parameters: {deadline: '04-01'}\n", 0, lambda f: "LL406" not in f),
    ("fail-on: warning\n", 1, lambda f: "LL406" in f),
    ("packs: [shenzhen-topics]\n", 0, lambda f: "LL406" in f),
])
def test_yaml_configuration_settings(tmp_path, config, expected_code, check):
    report = project(tmp_path, config)
    code, found = findings(report)
    assert code == expected_code and check(found), found


def test_pyproject_tool_table_is_found_upwards(tmp_path):
    report = project(tmp_path, '[project]\nname = "docs"\n\n[tool.lawlint]\nfail-on = "warning"\n'
                     'severity = { LL406 = "error" }\n', name="pyproject.toml")
    assert findings(report) == (1, {"LL406": "error"})


def test_pyproject_without_a_lawlint_table_is_skipped(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "x"\n', encoding="utf-8")
    report = project(tmp_path / "sub", "fail-on: warning\n")
    assert findings(report)[0] == 1


def test_closest_configuration_wins(tmp_path):
    project(tmp_path, "fail-on: warning\n")
    inner = project(tmp_path / "reports", "fail-on: error\n", report_path="r.txt")
    assert findings(inner)[0] == 0


def test_per_path_settings_apply_to_matching_files(tmp_path):
    report = project(tmp_path, """\
        fail-on: warning
        per-path:
          "drafts/*": {ignore: [LL406]}
        """, report_path="drafts/d.txt")
    final = tmp_path / "final" / "f.txt"
    final.parent.mkdir()
    final.write_text(LATE, encoding="utf-8")
    assert findings(report)[0] == 0 and findings(final)[0] == 1


def test_include_and_exclude_filter_directory_walks_only(tmp_path):
    project(tmp_path, "exclude: ['archive/*']\n", report_path="archive/old.txt")
    (tmp_path / "current.txt").write_text(LATE, encoding="utf-8")
    result = CliRunner().invoke(main, [str(tmp_path)])
    assert "1 file checked" in result.output
    named = CliRunner().invoke(main, [str(tmp_path / "archive" / "old.txt")])
    assert "1 file checked" in named.output


def test_command_line_overrides_configuration(tmp_path):
    report = project(tmp_path, "fail-on: warning\nignore: [LL406]\n")
    assert findings(report, "--fail-on", "error")[0] == 0
    assert "LL406" not in findings(report)[1] and "LL406" in findings(report, "--isolated")[1]
    other = tmp_path / "other.yaml"
    other.write_text("severity: {LL406: error}\n", encoding="utf-8")
    assert findings(report, "--config", other)[1]["LL406"] == "error"


def test_pack_paths_in_configuration_are_relative_to_it(tmp_path):
    (tmp_path / "packs").mkdir()
    (tmp_path / "packs" / "local.yaml").write_text(
        "name: local\nversion: '1'\nextends: national\noverrides:\n  LL406: {severity: error}\n",
        encoding="utf-8")
    report = project(tmp_path, "packs: [packs/local.yaml]\n")
    assert findings(report) == (1, {"LL406": "error"})


@pytest.mark.parametrize("name, config, expected", [
    (".lawlint.yaml", "fail-on: sometimes\n", ".lawlint.yaml:1: 'sometimes' is not one of"),
    (".lawlint.yaml", "select: [LL1]\nignroe: [LL2]\n", ".lawlint.yaml:1: Additional properties"),
    (".lawlint.yaml", "severity:\n  LL406: fatal\n", ".lawlint.yaml:2: 'fatal' is not one of"),
    (".lawlint.yaml", "select: [LL1\n", ".lawlint.yaml:2: invalid YAML"),
    ("pyproject.toml", "[tool.lawlint]\nselect = ['LL1']\nfail-on = 3\n",
     "pyproject.toml:3: 3 is not one of"),
])
def test_configuration_errors_name_file_line_and_key(tmp_path, name, config, expected):
    report = project(tmp_path, config, name=name)
    result = CliRunner().invoke(main, [str(report)])
    assert result.exit_code == 2 and expected in result.output, result.output
