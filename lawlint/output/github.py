"""GitHub Actions workflow commands: one `::error file=…,line=…::message` line per finding,
which the runner turns into an annotation on the file (no summary; the exit code says it).

Severities map to the three annotation levels (info → notice). Values are escaped as the
runner unescapes them: `%`, CR and LF everywhere, and also `:` and `,` inside properties.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TextIO

from lawlint.output import Display
from lawlint.pipeline.result import FileResult

LEVELS = {"error": "error", "warning": "warning", "info": "notice"}


def render(results: Iterable[FileResult], ruleset, out: TextIO, display: Display = Display()) -> None:
    for result in results:
        if display.quiet < 2:
            out.writelines(lines(result))


def lines(result: FileResult) -> Iterator[str]:
    """The workflow commands for one file, each ending in a newline."""
    path = _property(result.path)
    if result.error:
        yield f"::error file={path}::{_data(result.error)}\n"
        return
    for d in result.active:
        place = (f"file={path},line={d.line},col={d.column},"
                 f"endLine={d.end_line},endColumn={d.end_column},title={_property(d.rule_id)}")
        yield f"::{LEVELS[d.severity]} {place}::{_data(d.message)}\n"


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")
