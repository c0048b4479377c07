"""Human output: `path:line:col: severity ID message`, the source line, a caret under the span,
then a summary. Each file is written as its result arrives (a batch streams).

The excerpt fits the width it is given (the terminal's, else 80): cells are counted as a
terminal counts them (CJK characters take two), so carets sit under the text they point at,
and a long line shows a window around the finding with … marks instead of wrapping. Colour
only when asked (a terminal), through rich; otherwise plain text with no escape codes.
"""

from __future__ import annotations

import io
import re
import unicodedata
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import TextIO

from lawlint.output import Display
from lawlint.pipeline.result import Diagnostic, FileResult

_STYLES = {"error": "bold red", "warning": "yellow", "info": "cyan"}
_MIN_ROOM = 20     # cells of excerpt kept however narrow the terminal
_TAB = "    "


def render(results: Iterable[FileResult], ruleset, out: TextIO, display: Display = Display()) -> None:
    if display.quiet >= 2:
        for _ in results:   # --silent: the run still happens (the exit code needs it)
            pass
        return
    write = _writer(out, display.color)
    tally = Tally()
    for result in results:
        tally.add(result)
        for line in _file_lines(result, display):
            write(*line)
    if not display.quiet:
        for line in _closing_lines(tally):
            write(*line)


def _writer(out: TextIO, color: bool):
    if not color:
        return lambda text, style=None: out.write(text + "\n")
    from rich.console import Console
    from rich.text import Text

    console = Console(file=out, highlight=False, soft_wrap=True, force_terminal=True)
    return lambda text, style=None: console.print(Text(text, style=style or ""))


# Lines as Source numbers them (LF, CRLF, a lone CR): str.splitlines() also breaks at \x0b,
# \x0c, \x1c-\x1e, \x85 and \u2028, which would show a finding under another line's text.
_LINE_BREAK = re.compile(r"\r\n|\r|\n")


def _file_lines(result: FileResult, display: Display) -> Iterator[tuple[str, str | None]]:
    if result.error:
        yield f"{result.path}: error: {result.error}", "bold red"
        return
    source_lines = _masked(_LINE_BREAK.split(result.text or ""), result.diagnostics) \
        if display.show_source else []
    for diagnostic in result.active:
        where = diagnostic.place()
        yield (f"{result.path}{':' if where[0].isdigit() else ': '}{where}: "
               f"{diagnostic.severity} {diagnostic.rule_id}{' [*]' if diagnostic.fix else ''} "
               f"{diagnostic.message}",
               _STYLES[diagnostic.severity])
        if 0 < diagnostic.line <= len(source_lines):
            yield from _snippet(source_lines[diagnostic.line - 1], diagnostic, display.width)


def _closing_lines(tally: Tally) -> Iterator[tuple[str, str | None]]:
    if tally.fixable:
        yield f"[*] {tally.fixable} fixable with --fix (--diff shows the changes)", None
    if tally.habits:
        yield (f"{_count(tally.habits, 'habit')} shown as one finding each ({tally.places} places; "
               "--all lists every one)"), None
    yield tally.summary(), "bold"


def _masked(lines: list[str], diagnostics) -> list[str]:
    """Source lines with every masked span (personal data) replaced by its masked excerpt,
    so no snippet shows a value that another finding on the same line hides. Each line is
    rebuilt once, however many spans it has (per span, a long line cost its length each)."""
    edited: dict[int, io.StringIO] = {}
    for d in diagnostics:
        if d.masked and d.line == d.end_line and 0 < d.line <= len(lines):
            buffer = edited.get(d.line)
            if buffer is None:
                buffer = edited[d.line] = io.StringIO(lines[d.line - 1])
            buffer.seek(min(d.column - 1, buffer.seek(0, io.SEEK_END)))   # past the end: append
            buffer.write(d.excerpt)
    for number, buffer in edited.items():
        lines[number - 1] = buffer.getvalue()
    return lines


def _snippet(line: str, diagnostic: Diagnostic, columns: int = 80):
    """The source line (a window of it when it is wider than the room left after the gutter)
    and a caret line under the span."""
    start = min(diagnostic.column - 1, len(line))
    end = diagnostic.end_column - 1 if diagnostic.end_line == diagnostic.line else len(line)
    end = min(max(end, start + 1), len(line))
    number = diagnostic.paragraph or diagnostic.page_line or diagnostic.line
    gutter = f"{number:>6} | "
    left, stop = window(line, start, max(columns - len(gutter), _MIN_ROOM))
    prefix, suffix = ("…" if left > 0 else ""), ("…" if stop < len(line) else "")
    yield gutter + prefix + line[left:stop].replace("\t", _TAB) + suffix, None
    carets = "^" * max(1, width(line[start:min(end, stop)]))
    yield " " * (len(gutter) - 2) + "| " + " " * (len(prefix) + width(line[left:start])) + carets, \
        _STYLES[diagnostic.severity]


def window(line: str, start: int, room: int) -> tuple[int, int]:
    """The slice [left, stop) of `line` to show in `room` cells, … marks included: all of it
    when it fits; else up to a third of the room as context before `start`, then as much as
    fits after it."""
    if fits(line, room):
        return 0, len(line)
    left, before = start, 0
    while left > 0 and before + _cell(line[left - 1]) <= room // 3 - 1:   # 1: the … mark
        left -= 1
        before += _cell(line[left])
    used = (1 if left > 0 else 0) + before
    stop = start
    while stop < len(line):
        need = _cell(line[stop]) + (1 if stop + 1 < len(line) else 0)   # a … after it
        if used + need > room:
            break
        used += _cell(line[stop])
        stop += 1
    return left, stop


def width(text: str) -> int:
    """Terminal cells: 2 for wide and full-width characters, 0 for combining marks, 4 for a
    tab (shown as four spaces)."""
    return sum(map(_cell, text))


@lru_cache(maxsize=2)
def fits(text: str, room: int) -> bool:
    """Whether `text` takes at most `room` cells. Asked once per line (the findings on a line
    pass the same string: a hit costs a hash the string keeps), and read a room's worth at a
    time, so a long line is known not to fit from its start: the width of all of it for each
    finding made a long line with many findings cost its length squared (issue 13)."""
    cells = 0
    for at in range(0, len(text), room + 1):
        cells += width(text[at:at + room + 1])
        if cells > room:
            return False
    return True


@lru_cache(maxsize=4096)
def _cell(char: str) -> int:
    if char == "\t":
        return len(_TAB)
    if unicodedata.combining(char):
        return 0
    return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


class Tally:
    """What the summary says, counted as results pass (a batch is never held for it)."""

    def __init__(self) -> None:
        self.files = self.failed = self.suppressed = self.fixable = self.published = 0
        self.habits = self.places = 0   # findings that stand for many places, and those places
        self.counts = {"error": 0, "warning": 0, "info": 0}

    def add(self, result: FileResult) -> None:
        self.files += 1
        self.failed += 1 if result.error else 0
        self.suppressed += result.suppressed_count
        self.fixable += result.fixable_count
        self.published += 1 if result.published and not result.error else 0
        for d in result.active:
            self.counts[d.severity] += 1
            if d.related:
                self.habits += 1
                self.places += len(d.related)

    def counted(self, results: Iterable[FileResult]) -> Iterator[FileResult]:
        """The results, each added as it passes (for a format that writes the totals last)."""
        for result in results:
            self.add(result)
            yield result

    def summary(self) -> str:
        counts = self.counts
        text = (f"{_count(self.files, 'file')} checked: {_count(counts['error'], 'error')}, "
                f"{_count(counts['warning'], 'warning')}, {counts['info']} info")
        text += f", {self.suppressed} suppressed" if self.suppressed else ""
        text += f", {self.failed} could not be read" if self.failed else ""
        if self.published:
            text += (f"\n{self.published} judged as published cop{'ies' if self.published != 1 else 'y'} "
                     "(--published; .html by default): a missing addressee, signature or date is info")
        return text


def summary(results: Iterable[FileResult]) -> str:
    tally = Tally()
    for result in results:
        tally.add(result)
    return tally.summary()
