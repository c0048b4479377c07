"""Every output lawlint writes, lint and audit alike, in one registry.

A format is a name, what it renders (`LINT`: the FileResults of a run, as an iterable that
may still be arriving; `AUDIT`: an `Audit`), the function that renders it, and one line of
help. `lawlint --format` and `lawlint audit --format` take their choices from here.

Entries name their function as "module:function" instead of importing it: a run imports only
the format it writes (start-up is most of a pre-commit call), while `--help`, the choices and
shell completion still come from this table. A new format is its module plus one `register`
line below (tests and plugins may register a function object directly).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from importlib import import_module

LINT, AUDIT = "lint", "audit"


@dataclass(frozen=True, slots=True)
class Display:
    """How a lint format is to look, as the command line asked: colour, `-q` (1: findings
    only; 2: nothing), the excerpt under each finding, and the width it must fit."""

    color: bool = False
    quiet: int = 0
    show_source: bool = True
    width: int = 80
    tracked_fixes: bool = True     # a reviewed .docx: safe fixes as tracked changes


@dataclass(frozen=True, slots=True)
class Format:
    name: str
    renders: str                   # LINT or AUDIT
    target: str | Callable         # "module:function", imported when the format is chosen
    help: str = ""
    for_people: bool = False       # read on a console: degrade what it cannot show; else UTF-8
    files: bool = False            # writes files of its own: render(results, ruleset, path, display)

    def load(self) -> Callable:
        if callable(self.target):
            return self.target
        module, _, function = self.target.partition(":")
        return getattr(import_module(module), function)


_FORMATS: dict[tuple[str, str], Format] = {}


def register(name: str, renders: str, target: str | Callable, help: str = "",
             for_people: bool = False, files: bool = False) -> None:
    """Add (or replace) a format. A LINT function is called as `render(results, ruleset, out,
    display)`, an AUDIT one as `render(audit, out)`. A format `for_people` is written in the
    console's encoding, what it cannot encode degraded; any other is a file format that a
    program reads, always written as UTF-8 whatever the console (a GBK console on Windows).
    A format that writes `files` (a .docx per report, a workbook) is given the -o path, not a
    stream: `render(results, ruleset, path, display)` or, for an audit, `render(audit, path)`."""
    if renders not in (LINT, AUDIT):
        raise ValueError(f"a format renders {LINT!r} or {AUDIT!r}, not {renders!r}")
    _FORMATS[renders, name] = Format(name, renders, target, help, for_people, files)


def unregister(name: str, renders: str) -> None:
    _FORMATS.pop((renders, name), None)


def formats(renders: str) -> tuple[Format, ...]:
    """The formats of one kind, in the order they were registered."""
    return tuple(f for (kind, _), f in _FORMATS.items() if kind == renders)


def names(renders: str) -> tuple[str, ...]:
    return tuple(f.name for f in formats(renders))


def find(name: str, renders: str = LINT) -> Format:
    return _FORMATS[renders, name]


def get(name: str, renders: str = LINT) -> Callable:
    """The render function of a format, imported only now."""
    return find(name, renders).load()


register("text", LINT, "lawlint.output.text:render",
         "path:line:col, rule and message, the line with a caret (colour on a terminal)",
         for_people=True)
register("json", LINT, "lawlint.output.json:render", "schema lawlint-json 1 (docs/json-output.md)")
register("sarif", LINT, "lawlint.output.sarif:render", "SARIF 2.1.0 for code-scanning dashboards")
register("github", LINT, "lawlint.output.github:render",
         "GitHub Actions workflow commands: annotations on the changed files")
register("statistics", LINT, "lawlint.output.statistics:render",
         "a count per rule instead of each finding (same as --statistics)", for_people=True)
register("docx", LINT, "lawlint.output.docx_review:render",
         "a reviewed copy of each report with the findings as Word comments (-o FILE or FOLDER)",
         files=True)

register("text", AUDIT, "lawlint.output.audit_text:text", "a summary for the terminal",
         for_people=True)
register("csv", AUDIT, "lawlint.output.audit_text:csv_file", "one row per file (UTF-8 BOM, for Excel/WPS)")
register("json", AUDIT, "lawlint.output.audit_text:json_file", "schema lawlint-audit 1")
register("html", AUDIT, "lawlint.output.audit_html:html_file", "one self-contained page with the matrix")
register("xlsx", AUDIT, "lawlint.output.audit_xlsx:xlsx_file", "a workbook for the office: 汇总, 矩阵, 问题清单, 雷同, 未报送 (needs -o FILE)", files=True)
