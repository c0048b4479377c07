"""Machine output, schema `lawlint-json` version 1 (docs/json-output.md)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TextIO

from lawlint import __version__
from lawlint.output import jsonwriter
from lawlint.pipeline.result import FileResult

SCHEMA_VERSION = 1


def render(results: Iterable[FileResult], ruleset, out: TextIO, display=None) -> None:
    """One document, so the results are collected first (-q changes nothing here)."""
    results = list(results)
    document = {
        "schema": "lawlint-json",
        "version": SCHEMA_VERSION,
        "tool": {"name": "lawlint", "version": __version__},
        "packs": list(ruleset.packs) if ruleset else [],
        "files": [_file(result) for result in results],
        "summary": {
            "files": len(results),
            "errors": sum(r.count("error") for r in results),
            "warnings": sum(r.count("warning") for r in results),
            "info": sum(r.count("info") for r in results),
            "suppressed": sum(r.suppressed_count for r in results),
            "fixable": sum(r.fixable_count for r in results),
            "unreadable": sum(1 for r in results if r.error),
        },
    }
    jsonwriter.dump(document, out)
    out.write("\n")


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
        "findings": [
            {
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
            }
            for d in result.diagnostics
        ],
    }
