"""`--format github`: one workflow command per finding, escaped as the Actions runner reads them."""

from __future__ import annotations

import io

import pytest
from click.testing import CliRunner

from conftest import COMPLIANT, SEEDS

from lawlint.cli import main
from lawlint.output import github
from lawlint.pipeline.result import Diagnostic, FileResult


def finding(severity="error", message="缺少署名", rule_id="LL401", suppressed=False):
    return Diagnostic(rule_id, "x", severity, message, "b", 52, 30, 53, 4, "x", suppressed=suppressed)


def rendered(*results: FileResult) -> str:
    out = io.StringIO()
    github.render(iter(results), None, out)
    return out.getvalue()


@pytest.mark.parametrize("severity, level", [("error", "error"), ("warning", "warning"), ("info", "notice")])
def test_severities_map_to_error_warning_and_notice(severity, level):
    assert rendered(FileResult("r.txt", (finding(severity),))) == \
        f"::{level} file=r.txt,line=52,col=30,endLine=53,endColumn=4,title=LL401::缺少署名\n"


@pytest.mark.parametrize("message, data", [
    ("100% 完成", "100%25 完成"),
    ("第一行\n第二行", "第一行%0A第二行"),
    ("a\r\nb", "a%0D%0Ab"),
    ("时间：2023年, 地点", "时间：2023年, 地点"),       # ':' and ',' stay as they are in the message
    ("::error::injected", "::error::injected"),          # harmless after the first '::'
])
def test_the_message_escapes_percent_cr_and_lf(message, data):
    assert rendered(FileResult("r.txt", (finding(message=message),))).endswith(f"::{data}\n")


@pytest.mark.parametrize("path, escaped", [
    ("reports/a,b.txt", "reports/a%2Cb.txt"),
    ("C:/reports/r.txt", "C%3A/reports/r.txt"),
    ("100%/r.txt", "100%25/r.txt"),
    ("上报/区政府.txt", "上报/区政府.txt"),
])
def test_properties_also_escape_colon_and_comma(path, escaped):
    assert rendered(FileResult(path, (finding(),))).startswith(f"::error file={escaped},line=52,")


def test_an_unreadable_file_is_an_error_annotation_on_the_file():
    assert rendered(FileResult("bad.txt", error="binary file: 50% NUL\nbytes")) == \
        "::error file=bad.txt::binary file: 50%25 NUL%0Abytes\n"


def test_suppressed_findings_are_not_annotated():
    assert rendered(FileResult("r.txt", (finding(suppressed=True),))) == ""


@pytest.mark.parametrize("args, code", [((SEEDS,), 1), ((COMPLIANT,), 0), ((SEEDS, "--exit-zero"), 0)])
def test_the_github_format_prints_only_commands_and_keeps_the_exit_code(args, code):
    result = CliRunner().invoke(main, [*map(str, args), "--format", "github"])
    assert result.exit_code == code
    assert all(line.startswith(("::error ", "::warning ", "::notice ")) for line in result.output.splitlines())
