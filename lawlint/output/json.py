"""Machine output, schema `lawlint-json` version 1 (docs/json-output.md)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TextIO

from lawlint import __version__
from lawlint.output import jsonwriter
from lawlint.output.text import Tally
from lawlint.pipeline.result import Diagnostic, FileResult, Place

SCHEMA_VERSION = 1


def render(results: Iterable[FileResult], ruleset, out: TextIO, display=None) -> None:
    """One document, written as the results arrive: each file's part as it comes, the summary
    from counts kept on the way, so a batch is never held (it was, ~64 KB a report; issue 13).
    -q changes nothing here."""
    tally = Tally()
    document = {
        "schema": "lawlint-json",
        "version": SCHEMA_VERSION,
        "tool": {"name": "lawlint", "version": __version__},
        "packs": list(ruleset.packs) if ruleset else [],
        "files": jsonwriter.Stream(_file(result) for result in tally.counted(results)),
        "summary": jsonwriter.Later(lambda: _summary(tally)),
    }
    jsonwriter.stream(document, out)
    out.write("\n")


def _summary(tally: Tally) -> dict:
    counts = tally.counts
    return {"files": tally.files, "errors": counts["error"], "warnings": counts["warning"],
            "info": counts["info"], "suppressed": tally.suppressed, "fixable": tally.fixable,
            "unreadable": tally.failed}


def _file(result: FileResult) -> dict:
    return {
        "path": result.path,
        "error": result.error,
        "format": result.format,
        "encoding": result.encoding,
        "report_year": result.report_year,
        "organ": result.organ,
        "date": result.date,
        "published": result.published,
        "findings": [_finding(d) for d in result.diagnostics],
    }


def _finding(d: Diagnostic) -> dict:
    return {
        "rule_id": d.rule_id, "name": d.name, "severity": d.severity,
        "message": d.message, "basis": d.basis,
        "line": d.line, "column": d.column,
        "end_line": d.end_line, "end_column": d.end_column,
        "excerpt": d.excerpt,
        "suppressed": {"justification": d.justification} if d.suppressed else None,
        "fix": {"edits": [
            {"line": r.line, "column": r.column, "end_line": r.end_line,
             "end_column": r.end_column, "text": r.text} for r in d.fix]} if d.fix else None,
        **({"paragraph": d.paragraph} if d.paragraph is not None else {}),
        **({"page": d.page, "page_line": d.page_line} if d.page is not None else {}),
        **({"count": d.count, "related": [_place(p) for p in d.related]} if d.related else {}),
    }


def _place(p: Place) -> dict:
    """One place of a habit, where it is and what was found there."""
    return {"line": p.line, "column": p.column, "end_line": p.end_line,
            "end_column": p.end_column, "excerpt": p.excerpt, "message": p.message}
