"""`--fix` lints again after each pass and fixes what a pass revealed, until nothing changes:
a fix that makes another finding (or makes another finding fixable) is followed up in the same
run, so one `--fix` leaves the report as a second `--fix` would."""

from __future__ import annotations

import re

import pytest
from click.testing import CliRunner

from conftest import COMPLIANT

from lawlint.cli import main
from lawlint.pipeline import fixer
from lawlint.pipeline.result import Diagnostic, Replacement

TEXT = COMPLIANT.read_text(encoding="utf-8")


def _half_width_level_two(text: str) -> str:
    """Every （一） heading written (一), except （三) written half one way, half the other."""
    text = re.sub(r"^（([一二三四五六七])）", r"(\1)", text, flags=re.M)
    return text.replace("(三)以良法", "（三)以良法")


# Each case: the report as broken, and as one `--fix` run must leave it.
REVEALED_BY_A_FIX = {
    # Pass 1 fixes the bracket pair; only then has the colon a Chinese neighbour (）) and is
    # TY101's in pass 2.
    "a-colon-after-a-fixed-bracket-becomes-full-width": (
        TEXT.replace("目前共收到信访件 106 件", "目前共收到信访件(含网上信访):106 件"),
        TEXT.replace("目前共收到信访件 106 件", "目前共收到信访件（含网上信访）：106 件")),
    # Pass 1 restyles the six (N) headings (TY102); only then is （N） the level's reference
    # style, and the mixed 「（三)」 gets a fixable LL502 in pass 2 (before, it was expected
    # to be 「(三)」, which is no fix).
    "a-mixed-heading-marker-follows-its-restyled-siblings": (_half_width_level_two(TEXT), TEXT),
}


@pytest.mark.parametrize("broken, fixed", REVEALED_BY_A_FIX.values(), ids=REVEALED_BY_A_FIX.keys())
def test_one_fix_run_fixes_what_its_first_pass_revealed(tmp_path, broken, fixed):
    report = tmp_path / "report.txt"
    report.write_text(broken, encoding="utf-8")
    result = CliRunner().invoke(main, ["--fix", str(report)])
    assert report.read_text(encoding="utf-8") == fixed
    assert result.exit_code == 0 and "[*]" not in result.output


def test_fix_counts_the_findings_of_every_pass(tmp_path):
    """Six fixable before the run, seven fixed: the seventh was only fixable after pass 1."""
    report = tmp_path / "report.txt"
    report.write_text(_half_width_level_two(TEXT), encoding="utf-8")
    before = CliRunner().invoke(main, [str(report), "--all"])   # the six, not their habit
    assert "[*] 6 fixable with --fix" in before.output
    assert "fixed 7 findings in 1 file" in CliRunner().invoke(main, ["--fix", str(report)]).output


def _finding(*edits: tuple[int, int, str], suppressed: bool = False) -> Diagnostic:
    return Diagnostic("TY101", "half-width-punctuation", "warning", "", "", 1, 1, 1, 1, "",
                      suppressed=suppressed,
                      fix=tuple(Replacement(start, end, text, 1, 1, 1, 1) for start, end, text in edits))


# One pass of fixes over 「abcdef」: (findings in file order, text after the pass, findings fixed).
ONE_PASS = {
    "edits-that-only-touch-are-both-applied": (
        [_finding((1, 2, "B")), _finding((2, 3, "C"))], "aBCdef", 2),
    "edits-that-only-touch-are-both-applied-in-either-order": (
        [_finding((2, 3, "C")), _finding((1, 2, "B"))], "aBCdef", 2),
    "an-edit-inside-one-taken-before-waits-for-the-next-pass": (
        [_finding((0, 4, "W")), _finding((1, 2, "B"))], "Wef", 1),
    "an-edit-around-one-taken-before-waits-for-the-next-pass": (
        [_finding((1, 2, "B")), _finding((0, 4, "W"))], "aBcdef", 1),
    "an-edit-overlapping-the-end-of-one-taken-before-waits": (
        [_finding((0, 2, "X")), _finding((1, 3, "Y"))], "Xcdef", 1),
    "an-edit-overlapping-the-start-of-one-taken-before-waits": (
        [_finding((1, 3, "Y")), _finding((0, 2, "X"))], "aYdef", 1),
    "an-insertion-where-a-taken-edit-starts-waits": (
        [_finding((2, 3, "C")), _finding((2, 2, "+"))], "abCdef", 1),
    "a-finding-after-one-that-waits-is-still-fixed": (
        [_finding((0, 2, "X")), _finding((1, 3, "Y")), _finding((4, 5, "E"))], "XcdEf", 2),
    "a-finding-is-fixed-whole-or-not-at-all": (
        [_finding((0, 2, "X")), _finding((4, 5, "E"), (1, 2, "B"))], "Xcdef", 1),
    "suppressed-findings-and-findings-without-a-fix-are-left-alone": (
        [_finding((0, 1, "A"), suppressed=True), _finding(), _finding((5, 6, "F"))], "abcdeF", 1),
}


@pytest.mark.parametrize("findings, text, count", ONE_PASS.values(), ids=ONE_PASS.keys())
def test_a_pass_applies_every_fix_that_overlaps_none_taken_before(findings, text, count):
    assert fixer.apply("abcdef", tuple(findings)) == (text, count)


def test_diff_is_a_unified_diff_of_exactly_the_fixed_lines(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "report.txt").write_text("标题\n\n区政府:\n\n正文,完。\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["--diff", "report.txt"])
    assert result.output == (
        "--- a/report.txt\n+++ b/report.txt\n@@ -1,5 +1,5 @@\n"
        " 标题\n \n-区政府:\n+区政府：\n \n-正文,完。\n+正文，完。\n")


@pytest.mark.parametrize("mode", [0o600, 0o640, 0o755])
def test_fix_keeps_the_file_mode(tmp_path, mode):
    report = tmp_path / "report.txt"
    report.write_text(TEXT.replace("按照有关规定，现将", "按照有关规定,现将"), encoding="utf-8")
    report.chmod(mode)
    CliRunner().invoke(main, ["--fix", str(report)])
    assert report.read_text(encoding="utf-8") == TEXT
    assert report.stat().st_mode & 0o7777 == mode


def test_a_fix_that_cannot_be_written_is_that_files_error(tmp_path, monkeypatch):
    def read_only(path, text, encoding):
        raise OSError("read-only file system")

    monkeypatch.setattr(fixer, "_write", read_only)
    report = tmp_path / "report.txt"
    broken = TEXT.replace("按照有关规定，现将", "按照有关规定,现将")
    report.write_text(broken, encoding="utf-8")
    result = CliRunner().invoke(main, ["--fix", str(report)])
    assert result.exit_code == 2
    assert "could not write the fix: read-only file system" in result.output
    assert report.read_text(encoding="utf-8") == broken
