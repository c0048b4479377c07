"""Hostile and broken input: each bad file is one clear error, the rest of the batch is still
linted, nothing hangs or ends in a traceback."""

from __future__ import annotations

import os

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from builders import scanned_pdf, to_docx, to_pdf
from conftest import COMPLIANT

from lawlint.cli import main

GOOD = COMPLIANT.read_bytes()


def run(*args):
    result = CliRunner().invoke(main, [str(a) for a in args])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result


def sized(path, size: int):
    with open(path, "wb") as handle:   # sparse: no disk is used for the zeros
        handle.truncate(size)
    return path


HOSTILE = {
    "empty.txt": (lambda p: p.write_bytes(b""), "file is empty"),
    "binary.txt": (lambda p: p.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), "binary file"),
    "nul.md": (lambda p: p.write_bytes("报告\x00正文".encode()), "binary file"),
    "truncated.docx": (lambda p: p.write_bytes(to_docx("报告正文。\n")[:300]), "not a readable .docx"),
    "not-a-zip.docx": (lambda p: p.write_bytes(b"plain text, not a zip"), "not a readable .docx"),
    "encrypted.pdf": (lambda p: p.write_bytes(to_pdf("报告正文。\n", encrypt="secret")), "encrypted PDF"),
    "scanned.pdf": (lambda p: p.write_bytes(scanned_pdf()), "no text layer"),
    "broken.pdf": (lambda p: p.write_bytes(b"%PDF-1.7\n1 0 obj <<"), "PDF"),
    "huge.txt": (lambda p: sized(p, 50 * 1024 * 1024), "file too large (50.0 MB"),
    "dangling.txt": (lambda p: os.symlink(p.parent / "nowhere.txt", p), "cannot read file"),
    "loop.txt": (lambda p: os.symlink(p, p), "cannot read file"),
    "pipe.txt": (lambda p: os.mkfifo(p), "not a regular file"),
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_each_hostile_file_is_one_clear_error_and_the_batch_goes_on(tmp_path, name):
    make, message = HOSTILE[name]
    make(tmp_path / name)
    (tmp_path / "good.txt").write_bytes(GOOD)
    result = run(tmp_path)
    errors = [line for line in result.output.splitlines() if ": error: " in line]
    assert len(errors) == 1 and name in errors[0] and message in errors[0], result.output
    assert "2 files checked" in result.output and result.exit_code == 2


def test_directory_symlink_loop_is_not_followed(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "good.txt").write_bytes(GOOD)
    os.symlink(tmp_path, tmp_path / "sub" / "back")
    result = run(tmp_path)
    assert "1 file checked" in result.output and result.exit_code == 0


def test_one_five_megabyte_line_is_linted(tmp_path):
    line = "我局全面推进依法行政，合法性审查文件12件，取得明显成效" * 180000
    path = tmp_path / "long.txt"
    path.write_text("安溪县卫生健康局2023年法治政府建设年度报告\n" + line + "\n", encoding="utf-8")
    result = run(path, "--select", "LL1,LL2,LL3")
    assert "1 file checked" in result.output and "error: " not in result.output.split("checked")[0]


def test_mixed_line_endings_keep_exact_positions(tmp_path):
    text = COMPLIANT.read_text(encoding="utf-8").replace("2021—2025 年", "2021—2026 年")
    lines = text.split("\n")
    mixed = "".join(line + ("\r\n", "\n", "\r")[i % 3] for i, line in enumerate(lines))
    (tmp_path / "lf.txt").write_text(text, encoding="utf-8", newline="")
    (tmp_path / "mixed.txt").write_text(mixed, encoding="utf-8", newline="")
    import json
    data = json.loads(run(tmp_path, "--format", "json").output)
    positions = [[(f["rule_id"], f["line"], f["column"]) for f in file["findings"]] for file in data["files"]]
    assert positions[0] == positions[1] and ("LL601", 11, 97) in positions[0]


CATASTROPHIC = """\
name: slow
version: '1'
extends: national
rules:
  - id: SL101
    name: backtracking
    severity: warning
    kind: phrase
    expect: absent
    pattern: '(\\w|\\w\\w)+\\d'
    message: m
    basis: b
"""


def test_catastrophic_pack_regex_fails_its_rule_not_the_run(tmp_path):
    pack = tmp_path / "slow.yaml"
    pack.write_text(CATASTROPHIC, encoding="utf-8")
    report = tmp_path / "r.txt"
    report.write_bytes(GOOD.replace("区政府：".encode(), ("a" * 40 + "!").encode()))
    result = run(report, "--pack", pack, "--regex-timeout", "0.2")
    assert "LL003 规则 SL101 未能检查本文件" in result.output
    assert "LL101" not in result.output and "LL303" in result.output   # the other rules ran


@pytest.mark.parametrize("option, body", [
    ("--pack", "name: x\nversion: '1'\nrules: !!python/object/apply:os.system ['echo pwned']\n"),
    ("--config", "fail-on: !!python/name:os.system\n"),
])
def test_yaml_never_constructs_objects(tmp_path, option, body):
    path = tmp_path / "evil.yaml"
    path.write_text(body, encoding="utf-8")
    result = run(COMPLIANT, option, path)
    assert result.exit_code == 2 and "unsupported YAML tag" in result.output


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_arbitrary_text_never_raises_and_findings_point_at_their_text(lint, text):
    if not text.strip() or "\x00" in text:
        return
    result = lint(text)
    from lawlint.document import source
    src = source.from_text(text)
    for d in result.diagnostics:
        start = src.line_starts[d.line - 1] + d.column - 1
        assert d.excerpt.rstrip("…") == text[start:start + len(d.excerpt.rstrip("…"))]
