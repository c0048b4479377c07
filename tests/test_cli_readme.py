"""What the README tells a user is true: the file types a directory yields, the cache and how
to turn it off, a pre-commit `rev` that exists, hook ids that exist, the output formats."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest

from conftest import ROOT

from lawlint import extract, output

README = (ROOT / "README.md").read_text(encoding="utf-8")
CLI_DOC = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("suffix", extract.SUFFIXES)
def test_the_readme_names_every_file_type_a_directory_yields(suffix):
    line = next(line for line in README.splitlines() if "lawlint submissions/ " in line)
    assert f"{suffix} " in line + " "


@pytest.mark.parametrize("words", ["LAWLINT_CACHE_DIR", "XDG_CACHE_HOME", "~/.cache/lawlint",
                                   "LAWLINT_NO_CACHE=1", "--no-cache"])
def test_the_readme_says_where_the_cache_is_and_how_to_turn_it_off(words):
    assert words in README


@pytest.mark.parametrize("name", output.names(output.LINT))
def test_the_readme_and_cli_doc_name_every_lint_format(name):
    assert f"`{name}`" in README and f"`{name}`" in CLI_DOC


def test_the_pre_commit_hook_ids_in_the_readme_exist():
    hooks = set(re.findall(r"^- id: (\S+)", (ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"), re.M))
    assert set(re.findall(r"- id: (\S+)", README)) <= hooks


def test_the_pre_commit_rev_in_the_readme_is_a_commit_of_this_repository():
    rev = re.search(r"^\s+rev: (\S+)", README, re.M).group(1)
    assert re.fullmatch(r"[0-9a-f]{40}|v\d+\.\d+\.\d+", rev), f"pre-commit needs a tag or a full hash: {rev}"
    if shutil.which("git") is None or not (ROOT / ".git").exists():
        pytest.skip("needs git and a git checkout of lawlint")
    shallow = subprocess.run(["git", "rev-parse", "--is-shallow-repository"], cwd=ROOT,
                             capture_output=True, text=True).stdout.strip()
    if shallow == "true":
        pytest.skip("a shallow clone does not hold the pinned commit")
    found = subprocess.run(["git", "cat-file", "-e", f"{rev}^{{commit}}"], cwd=ROOT, capture_output=True)
    assert found.returncode == 0, f"{rev} is not a commit here"
    hooks = subprocess.run(["git", "show", f"{rev}:.pre-commit-hooks.yaml"], cwd=ROOT,
                           capture_output=True, text=True).stdout
    assert "id: lawlint-docx" in hooks
