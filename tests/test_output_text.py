"""Text output: excerpts fitted to the terminal with carets under the text they point at,
--no-show-source, -q and --silent, singular and plural in the summary."""

from __future__ import annotations

import io

import pytest
from click.testing import CliRunner

from conftest import COMPLIANT, SEEDS

from lawlint.cli import main
from lawlint.output import Display, text
from lawlint.pipeline.result import Diagnostic, FileResult

SEED = SEEDS / "004_3b8f22655ae3d0b6.txt"


def run(*args, env=None):
    return CliRunner().invoke(main, [str(a) for a in args], env=env)


def finding(line: int, column: int, end_column: int, severity: str = "warning") -> Diagnostic:
    return Diagnostic("LL999", "x", severity, "m", "b", line, column, line, end_column, "x")


def snippet(line: str, span: str, columns: int) -> tuple[str, str]:
    """The excerpt and caret lines under a finding on `span` (found in `line`)."""
    column = line.index(span) + 1
    result = FileResult("r.txt", (finding(1, column, column + len(span)),), text=line + "\n")
    out = io.StringIO()
    text.render([result], None, out, Display(width=columns, quiet=1))
    return tuple(out.getvalue().splitlines()[1:3])


_WIDE = "".join(chr(0x4E00 + i) for i in range(200))              # 400 cells, no repeats
_MIXED = "".join(chr(0x5000 + i) + ("ab" if i % 3 else "") for i in range(120))


@pytest.mark.parametrize("columns", [40, 80, 120])
@pytest.mark.parametrize("line, span", [
    (_WIDE, _WIDE[90:100]),        # a wide line: the finding in the middle
    (_WIDE, _WIDE[:6]),            # at the very start
    (_WIDE, _WIDE[190:]),          # at the very end
    (_WIDE, _WIDE[50:170]),        # a span longer than the room
    (_MIXED, _MIXED[150:170]),     # half- and full-width mixed
    ("（五）坚持执法为民", "（五）"),  # short: shown whole
])
def test_the_excerpt_fits_the_width_and_carets_sit_under_the_span(line, span, columns):
    shown, carets = snippet(line, span, columns)
    assert text.width(shown) <= columns and text.width(carets) <= columns
    gutter, body = shown[:9], shown[9:]
    prefix = "…" if body.startswith("…") else ""
    visible = body[len(prefix):len(body) - (1 if body.endswith("…") and not line.endswith("…") else 0)]
    left, start = line.index(visible), line.index(span)
    assert left <= start <= left + len(visible)
    assert carets.index("^") == len(gutter) + len(prefix) + text.width(line[left:start])
    assert carets.count("^") == max(1, text.width(line[start:min(start + len(span), left + len(visible))]))


@pytest.mark.parametrize("line, span, marks", [
    ("（五）坚持执法为民", "（五）", ("", "")),
    (_WIDE, _WIDE[:6], ("", "…")),
    (_WIDE, _WIDE[90:100], ("…", "…")),
    (_WIDE, _WIDE[190:], ("…", "")),
])
def test_a_line_wider_than_the_terminal_shows_a_window_with_marks(line, span, marks):
    body = snippet(line, span, 80)[0][9:]
    assert ("…" if body.startswith("…") else "", "…" if body.endswith("…") else "") == marks


def test_the_width_comes_from_columns_when_not_a_terminal():
    narrow = run(SEED, env={"COLUMNS": "40"}).output.splitlines()
    wide = run(SEED, env={"COLUMNS": "200"}).output.splitlines()
    assert max(text.width(line) for line in narrow if " | " in line) <= 40
    assert max(text.width(line) for line in wide if " | " in line) > 80


def test_piped_output_fits_80_columns_by_default():
    lines = run(SEED, env={"COLUMNS": ""}).output.splitlines()
    assert max(text.width(line) for line in lines if " | " in line) <= 80


def test_a_tab_counts_four_cells_and_the_caret_follows_it():
    shown, carets = snippet("\t（五）坚持", "（五）", 80)
    assert shown.endswith("|     （五）坚持") and carets.endswith("|     ^^^^^^")


def test_no_show_source_prints_no_excerpt_lines():
    shown = run(SEED).output.splitlines()
    hidden = run(SEED, "--no-show-source").output.splitlines()
    assert hidden == [line for line in shown if " | " not in line]
    assert len(hidden) < len(shown)


@pytest.mark.parametrize("flags, summary, findings", [
    ((), True, True),
    (("-q",), False, True),
    (("--quiet",), False, True),
    (("-qq",), False, False),
    (("--silent",), False, False),
    (("--statistics", "-q"), False, True),
    (("--statistics", "--silent"), False, False),
])
def test_quiet_hides_the_summary_and_silent_everything(flags, summary, findings):
    result = run(SEED, *flags)
    assert result.exit_code == 1
    assert ("1 file checked" in result.output) is summary
    assert ("LL502" in result.output) is findings
    assert ("fixable with --fix" in result.output) is (summary and "--statistics" not in flags)


@pytest.mark.parametrize("fmt", ["text", "json", "sarif", "github", "statistics"])
def test_silent_prints_nothing_in_any_format_and_keeps_the_exit_code(fmt):
    result = run(SEED, "--silent", "--format", fmt)
    assert (result.output, result.exit_code) == ("", 1)


def test_silent_still_writes_a_report_file_asked_for(tmp_path):
    out = tmp_path / "report.txt"
    result = run(SEED, "--silent", "-o", out)
    assert result.output == "" and result.exit_code == 1
    assert "LL502" in out.read_text(encoding="utf-8")


@pytest.mark.parametrize("counts, expected", [
    ((1, 0, 0, 0), "1 file checked: 0 errors, 0 warnings, 0 info"),
    ((1, 1, 1, 1), "1 file checked: 1 error, 1 warning, 1 info"),
    ((3, 2, 0, 2), "3 files checked: 2 errors, 0 warnings, 2 info"),
])
def test_summary_says_file_error_and_warning_in_the_singular_for_one(counts, expected):
    files, errors, warnings, info = counts
    findings = [finding(1, 1, 2, s) for s, n in (("error", errors), ("warning", warnings),
                                                  ("info", info)) for _ in range(n)]
    results = [FileResult("r0.txt", tuple(findings))] + [FileResult(f"r{i}.txt") for i in range(1, files)]
    assert text.summary(results) == expected


@pytest.mark.parametrize("copies, expected", [(1, "1 judged as published copy "), (2, "2 judged as published copies ")])
def test_published_copies_are_counted_in_the_singular_or_plural(copies, expected):
    results = [FileResult(f"r{i}.html", published=True) for i in range(copies)]
    assert expected in text.summary(results)


@pytest.mark.parametrize("files, expected", [(1, "fixed 1 finding in 1 file"), (2, "fixed 2 findings in 2 files")])
def test_fix_says_finding_and_file_in_the_singular_for_one(tmp_path, files, expected):
    for i in range(files):
        (tmp_path / f"r{i}.txt").write_text(
            COMPLIANT.read_text(encoding="utf-8").replace("按照有关规定，现将", "按照有关规定,现将"), encoding="utf-8")
    assert expected in CliRunner().invoke(main, ["--fix", str(tmp_path)]).stderr


def test_results_are_rendered_as_they_arrive():
    """Text output takes any iterable and writes each file before asking for the next."""
    out = io.StringIO()
    seen = []

    def results():
        for i in range(2):
            seen.append(out.getvalue())
            yield FileResult(f"r{i}.txt", (finding(1, 1, 2),), text="甲乙\n")

    text.render(results(), None, out, Display())
    assert seen[0] == "" and "r0.txt:1:1" in seen[1]


@pytest.mark.parametrize("separator", ["\u2028", "\x0c", "\x0b", "\x85", "\x1e"])
def test_the_excerpt_is_the_findings_own_line_whatever_other_characters_python_breaks_at(separator):
    """Source breaks lines at LF, CRLF and CR only; so must the excerpt, or it shows another line."""
    result = FileResult("r.txt", (finding(2, 1, 3),), text=f"第一行{separator}仍是第一行\n第二行\n")
    out = io.StringIO()
    text.render([result], None, out, Display(quiet=1))
    assert out.getvalue().splitlines()[1] == "     2 | 第二行"
