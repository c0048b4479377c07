"""Human output: `path:line:col: severity ID message`, the source line, a caret under the span.

Carets are aligned by display width (CJK characters take two cells). Colour only when asked
(a terminal), through rich; otherwise plain text with no escape codes.
"""

from __future__ import annotations

import unicodedata
from typing import TextIO

from lawlint.pipeline.result import Diagnostic, FileResult

_WINDOW = 60  # display cells of context shown before a span on long lines
_WIDTH = 100
_STYLES = {"error": "bold red", "warning": "yellow", "info": "cyan"}


def render(results: list[FileResult], ruleset, out: TextIO, color: bool = False, **_: object) -> None:
    lines = list(_lines(results))
    if color:
        from rich.console import Console
        from rich.text import Text

        console = Console(file=out, highlight=False, soft_wrap=True, force_terminal=True)
        for text, style in lines:
            console.print(Text(text, style=style or ""))
    else:
        out.write("".join(text + "\n" for text, _ in lines))


def _lines(results: list[FileResult]):
    for result in results:
        if result.error:
            yield f"{result.path}: error: {result.error}", "bold red"
            continue
        source_lines = _masked((result.text or "").splitlines(), result.diagnostics)
        for diagnostic in result.active:
            where = diagnostic.place()
            yield (f"{result.path}{':' if where[0].isdigit() else ': '}{where}: "
                   f"{diagnostic.severity} {diagnostic.rule_id}{' [*]' if diagnostic.fix else ''} "
                   f"{diagnostic.message}",
                   _STYLES[diagnostic.severity])
            if 0 < diagnostic.line <= len(source_lines):
                yield from _snippet(source_lines[diagnostic.line - 1], diagnostic)
    fixable = sum(result.fixable_count for result in results)
    if fixable:
        yield f"[*] {fixable} fixable with --fix (--diff shows the changes)", None
    yield summary(results), "bold"


def _masked(lines: list[str], diagnostics) -> list[str]:
    """Source lines with every masked span (personal data) replaced by its masked excerpt,
    so no snippet shows a value that another finding on the same line hides."""
    for d in diagnostics:
        if d.masked and d.line == d.end_line and 0 < d.line <= len(lines):
            text, start = lines[d.line - 1], d.column - 1
            lines[d.line - 1] = text[:start] + d.excerpt + text[start + len(d.excerpt):]
    return lines


def _snippet(line: str, diagnostic: Diagnostic):
    """The source line (windowed when long) and a caret line under the span."""
    start = diagnostic.column - 1
    end = diagnostic.end_column - 1 if diagnostic.end_line == diagnostic.line else len(line)
    line = line.replace("\t", "    ")
    end = min(max(end, start + 1), start + _WIDTH)
    left = start
    while left > 0 and width(line[left - 1:start]) <= _WINDOW:
        left -= 1
    prefix = "…" if left > 0 else ""
    cells, stop = width(prefix), left
    while stop < len(line) and cells < _WIDTH:
        cells += width(line[stop])
        stop += 1
    suffix = "…" if stop < len(line) else ""
    number = diagnostic.paragraph or diagnostic.page_line or diagnostic.line
    gutter = f"{number:>6} | "
    yield gutter + prefix + line[left:stop] + suffix, None
    carets = "^" * max(1, width(line[start:min(end, stop)]))
    yield " " * (len(gutter) - 2) + "| " + " " * width(prefix + line[left:start]) + carets, \
        _STYLES[diagnostic.severity]


def width(text: str) -> int:
    """Terminal cells: 2 for wide and full-width characters, 0 for combining marks."""
    cells = 0
    for char in text:
        if unicodedata.combining(char):
            continue
        cells += 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1
    return cells


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


def summary(results: list[FileResult]) -> str:
    counts = {s: sum(r.count(s) for r in results) for s in ("error", "warning", "info")}
    failed = sum(1 for r in results if r.error)
    suppressed = sum(r.suppressed_count for r in results)
    text = (f"{_count(len(results), 'file')} checked: {_count(counts['error'], 'error')}, "
            f"{_count(counts['warning'], 'warning')}, {counts['info']} info")
    text += f", {suppressed} suppressed" if suppressed else ""
    text += f", {failed} could not be read" if failed else ""
    published = sum(1 for r in results if r.published and not r.error)
    if published:
        text += (f"\n{published} judged as published cop{'ies' if published != 1 else 'y'} "
                 "(--published; .html by default): a missing addressee, signature or date is info")
    return text
