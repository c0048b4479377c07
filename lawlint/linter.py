"""Paths in, FileResults out: collect report files, read, fold, parse, run the rules.

A file that cannot be read becomes a result with `error` set; the batch always continues.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from lawlint import engine, fold, source, structure
from lawlint.diagnostic import FileResult
from lawlint.errors import InputError
from lawlint.rulepack import RuleSet

SUFFIXES = (".txt", ".md")
STDIN = "-"


def collect(paths: Iterable[str]) -> Iterator[str]:
    """Expand directories (recursively, *.txt and *.md, sorted); keep files and '-' as given."""
    for path in paths:
        if path != STDIN and os.path.isdir(path):
            yield from _walk(path)
        else:
            yield path


def _walk(root: str) -> Iterator[str]:
    found = []
    for folder, dirs, files in os.walk(root):  # followlinks=False: no symlink loops
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        found.extend(os.path.join(folder, f) for f in files if f.endswith(SUFFIXES))
    yield from sorted(found)


def lint_source(src: source.Source, ruleset: RuleSet, year: int | None = None) -> FileResult:
    """Lint one decoded report."""
    folded = fold.fold(src)
    document = structure.parse(src, folded, year)
    diagnostics = engine.run(document, ruleset)
    return FileResult(src.path, diagnostics, None, document.year, document.organ, src.encoding)


def lint_path(path: str, ruleset: RuleSet, year: int | None = None,
              stdin: bytes | None = None, stdin_name: str = "<stdin>") -> FileResult:
    """Lint one file (or stdin for '-'); read errors become the result's `error`."""
    try:
        if path == STDIN:
            src = source.from_bytes(stdin or b"", stdin_name)
        else:
            src = source.read(path, display=_display(path))
    except InputError as exc:
        return FileResult(_display(path) if path != STDIN else stdin_name, error=_reason(exc))
    return lint_source(src, ruleset, year)


def lint_paths(paths: Iterable[str], ruleset: RuleSet, year: int | None = None,
               stdin: bytes | None = None) -> list[FileResult]:
    return [lint_path(path, ruleset, year, stdin) for path in collect(paths)]


def _display(path: str) -> str:
    """Paths as the user typed them, with forward slashes."""
    return Path(path).as_posix()


def _reason(error: InputError) -> str:
    text = error.message
    return f"{text} ({error.hint})" if error.hint else text
