"""Nothing lost (issue 13): one file lawlint fails on is that file's error and the rest of the
batch is still reported, in lint, --fix and audit, in one process or several; every failure
exits 2 in one line (a traceback only with --debug); machine output is UTF-8 on any console;
audit CSV cells cannot run as formulas; formats lawlint cannot read are rows with advice."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import COMPLIANT, ROOT

from lawlint.cli import main

GOOD = COMPLIANT.read_bytes()
WITNESSED = GOOD.replace("依法".encode(), "依法,".encode(), 1)   # one TY101 finding: the rules ran
POISON = "毒丸".encode()   # a report holding this makes the patched stage raise


def run(*args, **env):
    result = CliRunner().invoke(main, [str(a) for a in args], env=env or None)
    assert isinstance(result.exception, SystemExit) or result.exception is None, result.exception
    return result


def batch(tmp_path: Path, count: int = 40, poisoned: tuple[int, ...] = (17,)) -> Path:
    """`count` good reports (enough for worker processes), the `poisoned` ones marked."""
    for index in range(count):
        data = WITNESSED + (POISON if index in poisoned else b"")
        (tmp_path / f"r{index:02d}.txt").write_bytes(data)
    return tmp_path


@pytest.fixture
def parser_raises(monkeypatch):
    """structure.parse raises on a poisoned report (forked workers inherit the patch)."""
    from lawlint.document import structure

    real = structure.parse

    def parse(source, *args, **kwargs):
        if "毒丸" in source.text:
            raise ValueError("boom in the parser")
        return real(source, *args, **kwargs)

    monkeypatch.setattr(structure, "parse", parse)


@pytest.fixture
def check_raises(monkeypatch):
    """The check behind LL201 raises on a poisoned report."""
    from lawlint.packs.ruleset import load_ruleset

    kind = type(load_ruleset().find("LL201").check)
    real = kind.run

    def run_check(self, ctx):
        if "毒丸" in ctx.doc.source.text:
            raise KeyError("boom in a check")
        return real(self, ctx)

    monkeypatch.setattr(kind, "run", run_check)


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_file_lawlint_fails_on_is_its_error_and_every_other_file_is_reported(tmp_path, parser_raises, jobs):
    result = run(batch(tmp_path), "--isolated", "--format", "json", "--jobs", jobs)
    files = json.loads(result.stdout)["files"]
    assert [Path(f["path"]).name for f in files] == [f"r{i:02d}.txt" for i in range(40)]
    broken = [f for f in files if f["error"]]
    assert [Path(f["path"]).name for f in broken] == ["r17.txt"]
    assert "lawlint 内部错误" in broken[0]["error"] and "ValueError: boom in the parser" in broken[0]["error"]
    assert result.exit_code == 2 and "Traceback" not in result.stderr


def test_a_worker_process_killed_on_a_file_fails_that_file_only(tmp_path, monkeypatch):
    """As when the kernel kills a worker for memory, or a C library crashes."""
    from lawlint.document import structure

    real = structure.parse

    def parse(source, *args, **kwargs):
        if "毒丸" in source.text:
            os._exit(9)
        return real(source, *args, **kwargs)

    monkeypatch.setattr(structure, "parse", parse)
    result = run(batch(tmp_path), "--isolated", "--format", "json", "--jobs", "2")
    files = json.loads(result.stdout)["files"]
    assert len(files) == 40 and [Path(f["path"]).name for f in files if f["error"]] == ["r17.txt"]
    assert "工作进程意外退出" in files[17]["error"] and result.exit_code == 2


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_the_audit_reports_every_file_when_lawlint_fails_on_one(tmp_path, parser_raises, jobs):
    result = run("audit", batch(tmp_path), "--isolated", "--no-cache", "--format", "json", "--jobs", jobs)
    rows = [json.loads(line.lstrip(",")) for line in result.stdout.splitlines()[1:-1]]
    assert len(rows) == 40 and [r["status"] for r in rows].count("error") == 1
    assert result.exit_code == 2


def test_fix_fixes_the_other_files_when_lawlint_fails_on_one(tmp_path, parser_raises):
    folder = batch(tmp_path, count=3, poisoned=(1,))
    for path in folder.iterdir():
        path.write_bytes(path.read_bytes().replace("区政府：".encode(), "区政府:".encode()))
    result = run(folder, "--isolated", "--fix")
    assert result.exit_code == 2 and "r01.txt: error: lawlint 内部错误" in result.stdout
    assert "区政府：".encode() in (folder / "r00.txt").read_bytes()   # fixed all the same


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_check_that_raises_is_ll000_the_other_rules_run_and_the_run_exits_2(tmp_path, check_raises, jobs):
    result = run(batch(tmp_path), "--isolated", "--format", "json", "--jobs", jobs)
    files = json.loads(result.stdout)["files"]
    internal = [(Path(f["path"]).name, d["message"]) for f in files for d in f["findings"] if d["rule_id"] == "LL000"]
    assert internal == [("r17.txt", "lawlint 内部错误，规则 LL201 检查本文件时出错（KeyError: 'boom in a check'）；"
                                    "请报告此问题，加 --debug 可看到详细信息")]
    assert all(f["findings"] for f in files) and result.exit_code == 2


def test_debug_shows_the_traceback_and_without_it_there_is_none(tmp_path, parser_raises, monkeypatch):
    monkeypatch.setenv("LAWLINT_DEBUG", "0")   # --debug sets it (for the workers); undone after the test
    folder = batch(tmp_path, count=2, poisoned=(0,))
    quiet, debug = run(folder, "--isolated"), run(folder, "--isolated", "--debug")
    assert "Traceback" not in quiet.stderr + quiet.stdout
    assert "Traceback" in debug.stderr and "boom in the parser" in debug.stderr
    assert quiet.exit_code == debug.exit_code == 2


def test_a_crash_outside_any_file_is_one_line_and_exit_2_never_1(monkeypatch):
    from lawlint import output

    def render(*_args):
        raise RuntimeError("the formatter broke")

    monkeypatch.setattr(output, "get", lambda *_: render)
    result = run(COMPLIANT, "--isolated")
    assert result.exit_code == 2
    assert result.stderr.strip().splitlines() == [
        "lawlint: error: lawlint 内部错误，运行时出错（RuntimeError: the formatter broke）；"
        "请报告此问题，加 --debug 可看到详细信息"]


@pytest.mark.parametrize("command", [(), ("audit", "--no-cache")])
@pytest.mark.parametrize("target, message", [
    ("missing/x.json", "cannot write {}: no folder"),
    (".", "cannot write {}: it is a directory"),
])
def test_an_unwritable_output_is_one_line_and_exit_2_before_any_work(tmp_path, command, target, message):
    target = tmp_path / target
    result = run(*command, COMPLIANT, "--isolated", "--format", "json", "-o", target)
    assert result.exit_code == 2 and "Traceback" not in result.stderr
    assert message.format(target) in result.stderr or "is a directory" in result.stderr


@pytest.mark.parametrize("args, unknown", [
    (("--select", "LL999"), "'LL999' in select"),
    (("--select", "ll4"), "'ll4' in select"),
    (("--select", "LL4,LL9"), "'LL9' in select"),
    (("--ignore", "LL999"), "'LL999' in ignore"),
    (("--ignore", "no-such-rule"), "'no-such-rule' in ignore"),
])
def test_a_rule_id_that_names_no_rule_is_a_usage_error_not_a_silent_pass(args, unknown):
    result = run(COMPLIANT, "--isolated", *args)
    assert result.exit_code == 2 and f"no rule matches {unknown}" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_a_configuration_that_selects_no_rule_is_an_error_naming_it(tmp_path, monkeypatch):
    """The working folder's configuration is the run's: one line, before any file. One found
    beside the files is theirs: an error on each file it governs, naming it."""
    (tmp_path / ".lawlint.yaml").write_text("select: [LL999]\n", encoding="utf-8")
    (tmp_path / "r.txt").write_bytes(GOOD)
    lint = run(tmp_path / "r.txt")
    assert lint.exit_code == 2
    assert f"r.txt: error: {tmp_path / '.lawlint.yaml'}: no rule matches 'LL999' in select" in lint.stdout
    monkeypatch.chdir(tmp_path)
    for command in ((), ("audit", "--no-cache")):
        own = run(*command, "r.txt")
        assert own.exit_code == 2 and own.stdout == "" and "no rule matches 'LL999' in select" in own.stderr


HOSTILE_CONFIGURATIONS = [
    "a0: &a0 [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]\n" for i in range(1, 10)),
    "packs: [/nonexistent/pack.yaml]\n",
    "fail-on: [not, a, level]\n",
]


def senders(tmp_path: Path, configuration: str) -> Path:
    for folder in ("a-sender", "b-sender", "c-sender"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "report.txt").write_bytes(GOOD)
    (tmp_path / "b-sender" / ".lawlint.yaml").write_text(configuration, encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize("hostile", HOSTILE_CONFIGURATIONS)
def test_a_broken_configuration_inside_a_linted_tree_costs_its_folder_not_the_run(tmp_path, hostile):
    result = run(senders(tmp_path, hostile), "--format", "json")
    assert result.exit_code == 2 and "Traceback" not in result.stderr
    files = {Path(f["path"]).parent.name: f for f in json.loads(result.stdout)["files"]}
    assert set(files) == {"a-sender", "b-sender", "c-sender"}
    assert "b-sender/.lawlint.yaml" in files["b-sender"]["error"]
    assert files["a-sender"]["error"] is None and files["c-sender"]["error"] is None


@pytest.mark.parametrize("configuration", [*HOSTILE_CONFIGURATIONS, "ignore: [LL1, LL2, LL3, LL4, LL6, TY]\n",
                                           "exclude: ['**', '*', '*/*']\n"])
def test_the_audit_judges_every_submission_by_the_offices_rules_never_by_one_it_brought(
        tmp_path, monkeypatch, configuration):
    office = tmp_path / "office"
    office.mkdir()
    monkeypatch.chdir(office)
    (tmp_path / "in").mkdir()
    result = run("audit", senders(tmp_path / "in", configuration), "--no-cache", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(result.stdout.lstrip("\ufeff"))))
    assert [Path(row["path"]).parent.name for row in rows] == ["a-sender", "b-sender", "c-sender"]
    judged = [{k: v for k, v in row.items() if k not in ("path", "notes")} for row in rows]
    assert judged[0] == judged[1] == judged[2]   # same report, same rules: same row (but the notes)


def test_known_ids_prefixes_and_names_still_select():
    assert run(COMPLIANT, "--isolated", "--select", "LL4,LL601,unpaired-marks").exit_code == 0


def test_a_limit_option_with_an_unknown_name_or_bad_value_is_a_usage_error():
    for value, says in (("zip-size=1MB", "unknown limit 'zip-size'"), ("pdf-pages=many", "needs a number"),
                        ("pdf-pages", "NAME=VALUE"), ("zip-member=-1", "must be positive")):
        result = run(COMPLIANT, "--limit", value)
        assert result.exit_code == 2 and says in result.stderr, (value, result.stderr)


# ---- consoles that cannot show every character --------------------------------------------

UNENCODABLE = "\n附：关于•䶮的说明:见附件\n".encode()   # 「:」 a fixable finding on that line


def lawlint(*args, encoding="gbk", cwd=None):
    env = {**os.environ, "PYTHONIOENCODING": encoding}
    return subprocess.run([sys.executable, "-m", "lawlint", *map(str, args)], capture_output=True,
                          env=env, cwd=cwd, timeout=120)


@pytest.fixture(scope="module")
def unencodable(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("gbk") / "䶮.txt"
    path.write_bytes(GOOD + UNENCODABLE)
    return path


def test_text_output_on_a_gbk_console_degrades_what_it_cannot_show(unencodable):
    done = lawlint(unencodable, "--isolated")
    assert done.returncode in (0, 1) and done.stderr == b""
    text = done.stdout.decode("gbk")
    assert "\\u4dae" in text and "\\u2022" in text and "1 file checked" in text


def test_diff_on_a_gbk_console_degrades_too(unencodable):
    done = lawlint(unencodable, "--isolated", "--diff")
    assert done.returncode == 1 and done.stderr == b"" and b"+++ b/" in done.stdout
    assert "\\u2022".encode() in done.stdout


@pytest.mark.parametrize("args", [("--format", "json"), ("--format", "sarif"), ("--format", "github")])
def test_machine_formats_are_utf8_on_a_gbk_console(unencodable, args):
    done = lawlint(unencodable, "--isolated", *args)
    text = done.stdout.decode("utf-8")   # raises if it were GBK
    assert done.stderr == b"" and done.returncode in (0, 1)
    assert ("%E4%B6%AE" if args[1] == "sarif" else "䶮") in text   # SARIF writes paths as URIs
    if args[1] != "github":
        json.loads(text)


def test_the_audit_csv_on_a_gbk_console_is_utf8_with_its_bom(unencodable):
    done = lawlint("audit", unencodable, "--isolated", "--no-cache", "--format", "csv")
    rows = list(csv.reader(io.StringIO(done.stdout.decode("utf-8-sig"))))
    assert rows[1][0].endswith("䶮.txt") and b"Traceback" not in done.stderr


# ---- audit CSV: no formulas ----------------------------------------------------------------

def test_audit_csv_cells_from_outside_cannot_run_as_formulas(tmp_path, monkeypatch):
    from lawlint.output.audit_text import cell

    monkeypatch.chdir(tmp_path)   # `lawlint audit *`: the names come as the shell found them
    names = ['=HYPERLINK("http:x","a").txt', "+1+1.txt", "@SUM(A1).txt", "organ.txt"]
    for name in names[:3]:
        (tmp_path / name).write_bytes(GOOD)
    (tmp_path / "organ.txt").write_bytes(GOOD.replace("重庆市渝北区卫生健康委员会".encode(), '=cmd|" /C calc"!A0'.encode(), 1))
    out = tmp_path / "audit.csv"
    run("audit", *names, "--isolated", "--no-cache", "--format", "csv", "-o", out)
    rows = list(csv.reader(io.StringIO(out.read_text(encoding="utf-8-sig"))))
    cells = [value for row in rows[1:] for value in row]
    assert not [value for value in cells if value[:1] in ("=", "+", "-", "@", "\t", "\r")]
    assert [row[0] for row in rows[1:]] == ["'" + name for name in names[:3]] + ["organ.txt"]
    assert [cell(v) for v in ("=1+1", "+1", "-1", "@SUM(A1)", "\t=1", "\r=1", "正文", 3, "")] == [
        "'=1+1", "'+1", "'-1", "'@SUM(A1)", "'\t=1", "'\r=1", "正文", 3, ""]


# ---- formats lawlint cannot read -----------------------------------------------------------

UNSUPPORTED = {"old.doc": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "wps.wps": b"\xd0\xcf\x11\xe0",
               "scan.png": b"\x89PNG\r\n\x1a\n", "letter.rtf": b"{\\rtf1"}
NO_SOFFICE = {"LAWLINT_SOFFICE": "/nonexistent/soffice"}   # .doc, .wps, .rtf: as without LibreOffice


def test_an_audit_reports_every_unsupported_file_as_a_row_with_advice(tmp_path):
    for name, data in UNSUPPORTED.items():
        (tmp_path / name).write_bytes(data)
    (tmp_path / "good.docx").write_bytes(__import__("builders").to_docx(GOOD.decode()))
    result = run("audit", tmp_path, "--isolated", "--no-cache", "--format", "json", **NO_SOFFICE)
    head = json.loads(result.stdout.splitlines()[0].split(',"files"')[0] + "}")
    rows = [json.loads(line.lstrip(",")) for line in result.stdout.splitlines()[1:-1]]
    assert head["summary"]["unsupported"] == 4 and head["summary"]["files"] == 5
    by_name = {Path(row["path"]).name: row for row in rows}
    assert {name for name, row in by_name.items() if row["status"] == "unsupported"} == set(UNSUPPORTED)
    assert "另存为 .docx" in by_name["old.doc"]["error"] and "OCR" in by_name["scan.png"]["error"]
    assert result.exit_code == 2


@pytest.mark.parametrize("name", sorted(UNSUPPORTED))
def test_an_unsupported_file_named_directly_gets_advice_not_binary_file(tmp_path, name):
    (tmp_path / name).write_bytes(UNSUPPORTED[name])
    result = run(tmp_path / name, **NO_SOFFICE)
    assert result.exit_code == 2 and "unsupported format" in result.stdout and "binary file" not in result.stdout


# ---- encodings -----------------------------------------------------------------------------

def big5_report() -> bytes:
    import opencc

    return opencc.OpenCC("s2t").convert(GOOD.decode()).encode("cp950", errors="replace")


def test_big5_is_detected_and_ll005_says_which_encoding_was_used(tmp_path):
    (tmp_path / "big5.txt").write_bytes(big5_report())
    data = json.loads(run(tmp_path / "big5.txt", "--isolated", "--format", "json").stdout)
    file = data["files"][0]
    assert file["encoding"] == "cp950" and file["findings"][0]["rule_id"] == "LL005"
    assert "以 cp950 解码" in file["findings"][0]["message"]
    assert {d["rule_id"] for d in file["findings"]} & {"LL101", "LL301"} == set()   # read as a report


def test_gb18030_is_read_without_a_guess(tmp_path):
    (tmp_path / "gb.txt").write_bytes(GOOD.decode().encode("gb18030"))
    file = json.loads(run(tmp_path / "gb.txt", "--isolated", "--format", "json").stdout)["files"][0]
    assert file["encoding"] == "gb18030" and "LL005" not in {d["rule_id"] for d in file["findings"]}


def test_encoding_big5_reads_what_windows_writes_as_big5(tmp_path):
    (tmp_path / "euro.txt").write_bytes(big5_report() + "\n€\n".encode("cp950"))   # cp950 only
    result = run(tmp_path / "euro.txt", "--isolated", "--encoding", "big5")
    assert "error:" not in result.stdout and result.exit_code in (0, 1)


# ---- a batch of N files always yields N results --------------------------------------------

SUFFIXES = (".txt", ".md", ".docx", ".pdf", ".html", ".doc", ".ofd")


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(st.binary(max_size=400), st.sampled_from(SUFFIXES)), min_size=1, max_size=8))
def test_a_batch_of_n_files_always_yields_n_results_whatever_their_bytes(tmp_path_factory, files):
    from lawlint.pipeline import linter

    folder = tmp_path_factory.mktemp("any")
    for index, (data, suffix) in enumerate(files):
        (folder / f"f{index}{suffix}").write_bytes(data)
    resolver = linter.Resolver(linter.Options(isolated=True, jobs=1))
    results = list(linter.lint_paths([str(folder)], resolver))
    assert sorted(Path(r.path).name for r in results) == sorted(f"f{i}{s}" for i, (_, s) in enumerate(files))


def test_sarif_says_the_run_failed_when_a_check_raised(tmp_path, check_raises, sarif_validator):
    result = run(batch(tmp_path, count=2, poisoned=(1,)), "--isolated", "--format", "sarif")
    document = json.loads(result.stdout)
    sarif_validator.validate(document)
    sarif_run = document["runs"][0]
    invocation = sarif_run["invocations"][0]
    assert invocation["executionSuccessful"] is False and result.exit_code == 2
    assert "规则 LL201" in invocation["toolExecutionNotifications"][0]["message"]["text"]
    internal = [r for r in sarif_run["results"] if r["ruleId"] == "LL000"]
    assert len(internal) == 1 and sarif_run["tool"]["driver"]["rules"][internal[0]["ruleIndex"]]["id"] == "LL000"


def test_a_broken_configuration_of_the_office_stops_the_audit_in_one_line(tmp_path, monkeypatch):
    (tmp_path / ".lawlint.yaml").write_text("fail-on: [x]\n", encoding="utf-8")
    (tmp_path / "r.txt").write_bytes(GOOD)
    monkeypatch.chdir(tmp_path)
    result = run("audit", "r.txt", "--no-cache")
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr.startswith(f"lawlint: error: {tmp_path / '.lawlint.yaml'}:1:") and len(result.stderr.splitlines()) == 1
