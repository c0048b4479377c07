"""The hook and the wheel as users get them: real pre-commit, a real wheel build."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile

import pytest

from conftest import COMPLIANT, ROOT

pytestmark = pytest.mark.slow


def _git(cwd, *args):
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True)


@pytest.fixture(scope="module")
def document_repo(tmp_path_factory):
    """A document repository with one clean and one defective report, and a hook cache."""
    if shutil.which("git") is None or not (ROOT / ".git").exists():
        pytest.skip("needs git and a git checkout of lawlint")
    repo = tmp_path_factory.mktemp("documents")
    _git(repo, "init", "-q")
    (repo / "clean.txt").write_bytes(COMPLIANT.read_bytes())
    broken = COMPLIANT.read_text(encoding="utf-8").replace("\n重庆市渝北区卫生健康委员会\n2022", "\n2022")
    (repo / "unsigned.md").write_text(broken, encoding="utf-8")
    from builders import to_docx
    (repo / "clean.docx").write_bytes(to_docx(COMPLIANT.read_text(encoding="utf-8")))
    (repo / "unsigned.docx").write_bytes(to_docx(broken))
    _git(repo, "add", ".")
    return repo, tmp_path_factory.mktemp("pre-commit-home")


@pytest.mark.parametrize("hook, filename, expected_code", [
    ("lawlint", "clean.txt", 0), ("lawlint", "unsigned.md", 1),
    ("lawlint-docx", "clean.docx", 0), ("lawlint-docx", "unsigned.docx", 1),
])
def test_pre_commit_hooks_pass_clean_and_fail_defective_reports(document_repo, hook, filename,
                                                                 expected_code):
    repo, home = document_repo
    env = {**os.environ, "PRE_COMMIT_HOME": str(home)}
    done = subprocess.run(
        [sys.executable, "-m", "pre_commit", "try-repo", str(ROOT), hook, "--files", filename],
        cwd=repo, env=env, capture_output=True, text=True, timeout=900)
    assert done.returncode == expected_code, done.stdout + done.stderr
    if expected_code:
        assert "LL401" in done.stdout


def test_fix_hook_fixes_in_place_then_passes(document_repo):
    """pre-commit fails a hook that changed files; run again, the fixed report passes."""
    repo, home = document_repo
    env = {**os.environ, "PRE_COMMIT_HOME": str(home)}
    report = repo / "halfwidth.txt"
    report.write_text(COMPLIANT.read_text(encoding="utf-8").replace("按照有关规定，现将", "按照有关规定,现将"),
                      encoding="utf-8")
    _git(repo, "add", report.name)
    command = [sys.executable, "-m", "pre_commit", "try-repo", str(ROOT), "lawlint-fix",
               "--files", report.name]
    first = subprocess.run(command, cwd=repo, env=env, capture_output=True, text=True, timeout=900)
    assert first.returncode == 1 and "files were modified by this hook" in first.stdout, first.stdout
    assert report.read_text(encoding="utf-8") == COMPLIANT.read_text(encoding="utf-8")
    second = subprocess.run(command, cwd=repo, env=env, capture_output=True, text=True, timeout=900)
    assert second.returncode == 0, second.stdout + second.stderr


def test_wheel_ships_the_builtin_packs_and_schema(tmp_path):
    done = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
         "-w", str(tmp_path), str(ROOT)], capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    wheel = next(tmp_path.glob("lawlint-*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    assert "lawlint/rules/national.yaml" in names
    assert "lawlint/packs/schemas/pack.schema.json" in names
    assert {"lawlint/output/report.css", "lawlint/output/report.js", "lawlint/rules/shenzhen-topics.yaml",
            "lawlint/rules/typography.yaml"} <= set(names)
