"""`--fix` and `--diff` as users run them: files rewritten in their own encoding and line
endings, idempotent, never for extracted formats or suppressed findings; fixes in JSON/SARIF."""

from __future__ import annotations

import codecs
import json
import shutil

import pytest
from click.testing import CliRunner

from builders import to_docx
from conftest import COMPLIANT, SEEDS

from lawlint.cli import main

BROKEN = COMPLIANT.read_text(encoding="utf-8").replace("按照有关规定，现将", "按照有关规定,现将") \
    .replace("（五）坚持", "(五)坚持")


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


@pytest.mark.parametrize("encoding, bom", [
    ("utf-8", b""), ("utf-8", codecs.BOM_UTF8), ("gb18030", b""),
    ("utf-16-le", codecs.BOM_UTF16_LE), ("utf-16-be", codecs.BOM_UTF16_BE),
])
@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_fix_keeps_encoding_bom_and_line_endings(tmp_path, encoding, bom, newline):
    report = tmp_path / "report.txt"
    report.write_bytes(bom + BROKEN.replace("\n", newline).encode(encoding))
    result = run("--fix", report)
    assert "fixed 2 findings in 1 file" in result.output
    data = report.read_bytes()
    assert data.startswith(bom)
    assert data[len(bom):].decode(encoding) == COMPLIANT.read_text(encoding="utf-8").replace("\n", newline)


def test_fix_is_idempotent_and_leaves_nothing_fixable(tmp_path):
    report = tmp_path / "report.txt"
    report.write_text(BROKEN, encoding="utf-8")
    run("--fix", report)
    once = report.read_bytes()
    again = run("--fix", report)
    assert report.read_bytes() == once and "fixed" not in again.output
    assert run("--diff", report).exit_code == 0


def test_fix_reports_what_is_left_and_exits_on_it(tmp_path):
    report = tmp_path / "report.txt"
    report.write_text(BROKEN.replace("\n重庆市渝北区卫生健康委员会\n2022", "\n2022"), encoding="utf-8")
    result = run("--fix", report)
    assert result.exit_code == 1
    assert "LL401" in result.output and "TY101" not in result.output


def test_diff_shows_the_fix_and_writes_nothing(tmp_path):
    report = tmp_path / "report.txt"
    report.write_text(BROKEN, encoding="utf-8")
    result = run("--diff", report)
    assert result.exit_code == 1
    assert f"--- a/{report.as_posix()}" in result.output
    assert "-按照有关规定,现将" in result.output and "+按照有关规定，现将" in result.output
    assert "-(五)坚持" in result.output and "+（五）坚持" in result.output
    assert report.read_text(encoding="utf-8") == BROKEN


def test_suppressed_findings_are_not_fixed(tmp_path):
    report = tmp_path / "report.md"
    text = BROKEN.replace("按照有关规定,现将", "<!-- lawlint-disable-next-line TY101 -- 引文原样 -->\n按照有关规定,现将")
    report.write_text(text, encoding="utf-8")
    run("--fix", report)
    fixed = report.read_text(encoding="utf-8")
    assert "按照有关规定,现将" in fixed and "（五）坚持" in fixed


def test_extracted_formats_are_never_rewritten(tmp_path):
    report = tmp_path / "report.docx"
    report.write_bytes(to_docx(BROKEN))
    before = report.read_bytes()
    result = run("--fix", report, "--format", "json")
    assert report.read_bytes() == before
    findings = json.loads(result.output)["files"][0]["findings"]
    assert {f["rule_id"] for f in findings} >= {"TY101", "LL502"}
    assert all(f["fix"] is None for f in findings)


@pytest.mark.parametrize("args, message", [
    (["--fix", "--diff", "x.txt"], "--fix and --diff exclude each other"),
    (["--fix", "-"], "--fix works on files, not on '-'"),
])
def test_impossible_fix_requests_are_usage_errors(args, message):
    result = run(*args)
    assert result.exit_code == 2 and message in result.output


def test_json_carries_each_fix_as_edits_with_positions():
    data = json.loads(CliRunner().invoke(main, ["-", "--format", "json"], input=BROKEN.encode()).output)
    finding = next(f for f in data["files"][0]["findings"] if f["rule_id"] == "TY101")
    assert finding["fix"] == {"edits": [
        {"line": 7, "column": 7, "end_line": 7, "end_column": 8, "text": "，"}]}
    assert data["summary"]["fixable"] == 2


def _sarif_of_broken() -> dict:
    return json.loads(CliRunner().invoke(main, ["-", "--format", "sarif"], input=BROKEN.encode()).output)


def test_sarif_carries_each_fix_as_a_replacement():
    result = next(r for r in _sarif_of_broken()["runs"][0]["results"] if r["ruleId"] == "LL502")
    replacement = result["fixes"][0]["artifactChanges"][0]["replacements"][0]
    assert replacement == {"deletedRegion": {"startLine": 33, "startColumn": 1, "endLine": 33,
                                             "endColumn": 4},
                           "insertedContent": {"text": "（五）"}}


def test_sarif_fixes_are_valid_sarif(sarif_validator):
    sarif_validator.validate(_sarif_of_broken())


def test_fixing_copies_of_the_seeds_leaves_no_fixable_finding(tmp_path):
    """The issue's acceptance: --fix on copies of the seeds, then nothing fixable is left."""
    for seed in SEEDS.glob("*.txt"):
        shutil.copy(seed, tmp_path / seed.name)
    first = run("--fix", tmp_path)
    assert "fixed" in first.output
    after = json.loads(run(tmp_path, "--format", "json").output)
    assert after["summary"]["fixable"] == 0
    assert not any(f["rule_id"] in ("TY101", "TY102") for file in after["files"] for f in file["findings"])
    snapshot = {path.name: path.read_bytes() for path in tmp_path.iterdir()}
    run("--fix", tmp_path)
    assert {path.name: path.read_bytes() for path in tmp_path.iterdir()} == snapshot
