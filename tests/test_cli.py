"""The command line: exit codes, formats, stdin, selection, errors. Exact, via CliRunner."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from conftest import COMPLIANT, SEEDS

from lawlint.cli import main


def run(*args, input=None):
    return CliRunner().invoke(main, [str(a) for a in args], input=input)


@pytest.mark.parametrize("args, code", [
    ((COMPLIANT,), 0),
    ((SEEDS,), 1),
    ((COMPLIANT, "--fail-on", "info"), 0),                       # LL107 (info) is off by default
    ((COMPLIANT, "--fail-on", "info", "--select", "LL107"), 1),   # selected by its id, it runs
    ((SEEDS, "--fail-on", "never"), 0),
    ((SEEDS / "004_3b8f22655ae3d0b6.txt", "--ignore", "LL601"), 0),   # LL502 is a warning
    ((SEEDS / "004_3b8f22655ae3d0b6.txt", "--ignore", "LL601", "--fail-on", "warning"), 1),
    ((SEEDS / "004_3b8f22655ae3d0b6.txt", "--select", "LL5,LL108", "--fail-on", "warning"), 1),
    ((SEEDS / "004_3b8f22655ae3d0b6.txt", "--select", "signature-missing"), 0),
    (("missing.txt",), 2),
    ((COMPLIANT, "--pack", "no-such-pack"), 2),
])
def test_exit_codes(args, code):
    assert run(*args).exit_code == code


@pytest.mark.parametrize("fmt", ["text", "json", "sarif"])
def test_exit_code_is_the_same_for_every_format(fmt):
    assert run(SEEDS, "--format", fmt).exit_code == 1
    assert run(COMPLIANT, "--format", fmt).exit_code == 0


def test_text_output_shows_location_rule_snippet_and_caret():
    broken = COMPLIANT.read_text(encoding="utf-8").replace("（五）坚持", "(五)坚持")
    result = run("-", input=broken.encode("utf-8"))
    lines = result.output.splitlines()
    at = lines.index("<stdin>:33:1: warning LL502 [*] 序号“(五)”与同级标题写法不一致，应为“（五）”")
    assert lines[at + 1].startswith("    33 | (五)坚持执法为民")
    assert lines[at + 2] == "       | ^^^^"  # (五) is 4 cells: 五 is double-width
    assert lines[-1] == "1 file checked: 0 errors, 1 warning, 0 info"


def test_caret_aligns_under_wide_characters():
    broken = COMPLIANT.read_text(encoding="utf-8").replace("2021—2025 年", "2021—2026 年")
    lines = run("-", input=broken.encode("utf-8")).output.splitlines()
    at = next(i for i, line in enumerate(lines) if "LL601" in line)
    snippet, caret = lines[at + 1], lines[at + 2]
    from lawlint.output.text import width
    assert width(snippet[:snippet.index("2021—2026")]) == caret.index("^")


def test_unreadable_file_is_reported_and_the_rest_still_linted(tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"PK\x03\x04\x00\x00garbage")
    result = run(bad, COMPLIANT)
    assert result.exit_code == 2
    assert "bad.txt: error: binary file" in result.output
    assert "2 files checked" in result.output


def test_json_output_schema():
    data = json.loads(run(SEEDS / "000_9cfde12bd7801c2f.txt", "--format", "json").output)
    assert (data["schema"], data["version"]) == ("lawlint-json", 1)
    finding = next(f for f in data["files"][0]["findings"] if f["rule_id"] == "LL105")
    assert finding == {
        "rule_id": "LL105", "name": "responsibility-not-section", "severity": "warning",
        "message": "第一责任人履职情况没有自己的标题，只在其他部分中提到一句（“党政主要负责人履行推进法治建设"
                   "第一责任人职责”）：应单列一部分写明主要负责人的履职",
        "basis": "《法治政府建设与责任落实督察工作规定》（厅字〔2019〕28号）年度报告内容",
        "line": 18, "column": 338, "end_line": 18, "end_column": 360,
        "excerpt": "党政主要负责人履行推进法治建设第一责任人职责", "suppressed": None, "fix": None,
    }
    assert data["files"][0]["report_year"] == 2021
    assert data["summary"]["errors"] == 2


def test_sarif_output_has_code_point_columns_relative_uris_fingerprints_and_help():
    log = json.loads(run(SEEDS, "--format", "sarif").output)
    run_ = log["runs"][0]
    assert run_["columnKind"] == "unicodeCodePoints"
    result = run_["results"][0]
    assert result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].startswith("seeds/") \
        or not result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].startswith("file:")
    assert result["partialFingerprints"]["lawlint/v1"]
    assert all(rule["helpUri"].endswith("#" + rule["id"].lower()) for rule in run_["tool"]["driver"]["rules"])


def test_sarif_output_is_valid_sarif_2_1_0(sarif_validator):
    sarif_validator.validate(json.loads(run(SEEDS, "--format", "sarif").output))


def test_stdin_and_output_file(tmp_path):
    out = tmp_path / "report.json"
    result = run("-", "--format", "json", "--output", out, input=COMPLIANT.read_bytes())
    assert result.exit_code == 0 and result.output == ""
    assert json.loads(out.read_text(encoding="utf-8"))["files"][0]["path"] == "<stdin>"


def test_year_option_overrides_the_report_year():
    result = run(COMPLIANT, "--year", "2020", "--format", "json")
    ids = {f["rule_id"] for f in json.loads(result.output)["files"][0]["findings"]}
    assert "LL405" in ids and result.exit_code == 1


def test_directory_is_searched_recursively_and_an_unsupported_format_is_a_row_not_silence(tmp_path, monkeypatch):
    monkeypatch.setenv("LAWLINT_SOFFICE", str(tmp_path / "no-soffice"))   # .doc: as without LibreOffice
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.md").write_bytes(COMPLIANT.read_bytes())
    (tmp_path / "b.txt").write_bytes(COMPLIANT.read_bytes())
    (tmp_path / "c.doc").write_bytes(b"\xd0\xcf\x11\xe0")   # legacy Word: needs LibreOffice
    (tmp_path / "notes.log").write_bytes(b"not a report")     # not a document at all: not walked
    result = run(tmp_path)
    assert "3 files checked" in result.output and result.exit_code == 2
    assert "c.doc: error: unsupported format (.doc) (" in result.output
    assert "这种格式不能直接检查，请用 Word 或 WPS 打开，另存为 .docx 后再提交；或安装 LibreOffice" in result.output


def test_a_run_that_finds_no_reports_is_a_usage_error(tmp_path):
    result = run(tmp_path)
    assert result.exit_code == 2 and "no report files" in result.output


def test_broken_pack_names_file_line_and_rule(tmp_path):
    pack = tmp_path / "broken.yaml"
    pack.write_text(
        "name: broken\nversion: '1'\nrules:\n"
        "  - id: XX001\n    name: bad-regex\n    severity: error\n    kind: phrase\n"
        "    expect: absent\n    pattern: '(unclosed'\n    message: m\n    basis: b\n",
        encoding="utf-8")
    result = CliRunner().invoke(main, [str(COMPLIANT), "--pack", str(pack)])
    assert result.exit_code == 2
    assert f"{pack}:9: invalid regular expression" in result.output
    assert "[XX001.pattern]" in result.output


@pytest.mark.parametrize("rule_yaml, expected", [
    ("  - id: XX001\n    name: a\n    severity: error\n    kind: nope\n    message: m\n    basis: b\n",
     ":7: 'nope' is not one of"),
    ("  - id: XX001\n    name: a\n    severity: fatal\n    kind: present\n    scope: signature\n"
     "    message: m\n    basis: b\n", ":6: 'fatal' is not one of"),
    ("  - id: XX001\n    name: a\n    severity: error\n    kind: present\n    scope: signature\n"
     "    message: m\n    basis: b\n"
     "  - id: XX001\n    name: b\n    severity: error\n    kind: present\n    scope: signature\n"
     "    message: m\n    basis: b\n", ":11: duplicate rule id (already defined in p.yaml on line 4)"),
])
def test_pack_errors_are_precise(tmp_path, rule_yaml, expected):
    pack = tmp_path / "p.yaml"
    pack.write_text(f"name: p\nversion: '1'\nrules:\n{rule_yaml}", encoding="utf-8")
    result = CliRunner().invoke(main, [str(COMPLIANT), "--pack", str(pack)])
    assert result.exit_code == 2 and expected in result.output, result.output


def test_python_dash_m_runs_the_same_command():
    import subprocess
    import sys
    done = subprocess.run([sys.executable, "-m", "lawlint", str(COMPLIANT)], capture_output=True)
    assert done.returncode == 0 and b"1 file checked" in done.stdout


def test_colour_is_used_only_when_asked_or_on_a_terminal():
    plain = run(SEEDS / "003_ad30e693d927473c.txt").output
    coloured = run(SEEDS / "003_ad30e693d927473c.txt", "--color").output
    assert "\x1b[" not in plain and "\x1b[" in coloured
    assert "LL301" in coloured


_WEB_COPY = "<html><body><h1>某县卫生健康局2023年法治政府建设年度报告</h1>" \
            "<p>一、2023年推进法治政府建设的主要举措和成效</p><p>全年审查文件12件。</p></body></html>"
_MISSING = {"LL303", "LL401", "LL402"}


@pytest.mark.parametrize("suffix, flags, config, published", [
    (".html", (), None, True),                     # a web page is the published copy
    (".html", ("--submitted",), None, False),
    (".txt", (), None, False),
    (".txt", ("--published",), None, True),
    (".txt", (), "published: true\n", True),
    (".txt", ("--submitted",), "published: true\n", False),
])
def test_published_copies_make_a_missing_addressee_and_closing_info(
        tmp_path, suffix, flags, config, published):
    report = tmp_path / f"report{suffix}"
    text = _WEB_COPY if suffix == ".html" else "某县卫生健康局2023年法治政府建设年度报告\n" \
        "一、2023年推进法治政府建设的主要举措和成效\n全年审查文件12件。\n"
    report.write_text(text, encoding="utf-8")
    if config:
        (tmp_path / ".lawlint.yaml").write_text(config, encoding="utf-8")
    data = json.loads(run(report, "--format", "json", *flags).output)
    file = data["files"][0]
    severities = {f["rule_id"]: f["severity"] for f in file["findings"] if f["rule_id"] in _MISSING}
    assert file["published"] is published
    assert set(severities) == _MISSING
    assert set(severities.values()) == ({"info"} if published else {"warning", "error"})
    assert {f["rule_id"] for f in file["findings"] if f["severity"] == "error"} & {"LL101"} == set()


def test_text_output_says_when_a_file_was_judged_as_published(tmp_path):
    report = tmp_path / "report.html"
    report.write_text(_WEB_COPY, encoding="utf-8")
    assert "1 judged as published copy" in run(report).output


@pytest.mark.parametrize("args, code", [
    ((SEEDS, "--exit-zero"), 0),
    ((SEEDS, "--exit-zero", "--fail-on", "info"), 0),
    ((SEEDS, "--fail-on", "never"), 0),
])
def test_exit_zero_is_fail_on_never(args, code):
    assert run(*args).exit_code == code


def test_output_format_is_an_alias_of_format():
    assert json.loads(run(COMPLIANT, "--output-format", "json").output)["schema"] == "lawlint-json"


@pytest.mark.parametrize("counts, expected", [
    ((1, 0, 1, 0), "1 file checked: 0 errors, 1 warning, 0 info"),
    ((2, 1, 2, 3), "2 files checked: 1 error, 2 warnings, 3 info"),
])
def test_summary_counts_are_singular_or_plural(counts, expected):
    from lawlint.pipeline.result import Diagnostic, FileResult
    from lawlint.output.text import summary

    files, errors, warnings, info = counts
    def finding(severity):
        return Diagnostic("LL101", "x", severity, "m", "b", 1, 1, 1, 2, "x", 0)
    results = [FileResult(f"r{i}.txt") for i in range(files)]
    results[0] = FileResult("r0.txt", tuple(finding(s) for s, n in
                                            (("error", errors), ("warning", warnings), ("info", info))
                                            for _ in range(n)))
    assert summary(results) == expected
