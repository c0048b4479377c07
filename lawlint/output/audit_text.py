"""Audit renderers: a terminal summary, CSV for spreadsheets, JSON. (HTML: render_html.py.)"""

from __future__ import annotations

import csv
import json
from typing import TextIO

from lawlint import __version__
from lawlint.audit import matrix
from lawlint.audit.report import Audit


def text(audit: Audit, out: TextIO) -> None:
    files, found = audit.statuses(), audit.severities()
    out.write(f"lawlint audit: {len(audit.items)} files: {files['pass']} pass, {files['fail']} fail, "
              f"{files['error']} could not be read, {files['unsupported']} unsupported\n")
    out.write(f"findings: {found['error']} errors, {found['warning']} warnings, {found['info']} info\n")
    if audit.by_rule():
        out.write("\nmost frequent rules:\n")
        for rule_id, count in audit.by_rule().most_common(10):
            out.write(f"{count:>6}  {rule_id}  {audit.rule_names.get(rule_id, '')}\n")
    if audit.worst():
        out.write("\nfiles with the most errors:\n")
        for result in audit.worst():
            out.write(f"{result.count('error'):>6} errors {result.count('warning'):>4} warnings  {result.path}\n")
    unreadable = [r for r in audit.results if r.error]
    if unreadable:
        out.write("\ncould not be read or unsupported:\n")
        out.writelines(f"  {r.path}: {r.error}\n" for r in unreadable)
    if audit.notes:
        out.write("\nbatch notes:\n")
        out.writelines(f"  {note.path}: {note.message}\n" for note in audit.notes)


def csv_rows(audit: Audit) -> tuple[list[str], list[list[object]]]:
    rules = sorted(audit.rule_names)
    header = ["path", "status", "organ", "report_year", "date", "errors", "warnings", "info",
              *matrix.COLUMNS, *rules, "notes", "error"]
    rows = []
    for result in audit.results:
        by_rule = {rule: 0 for rule in rules}
        for diagnostic in result.active:
            by_rule[diagnostic.rule_id] = by_rule.get(diagnostic.rule_id, 0) + 1
        elements = audit.elements(result)
        rows.append([result.path, audit.status(result), result.organ or "", result.report_year or "",
                     result.date or "", result.count("error"), result.count("warning"), result.count("info"),
                     *(elements[c] for c in matrix.COLUMNS), *(by_rule[r] for r in rules),
                     "；".join(n.message for n in audit.notes_for(result.path)), result.error or ""])
    return header, rows


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def cell(value: object) -> object:
    """A CSV cell that a spreadsheet will not run: text starting with = + - @, a tab or a CR
    (a file name or an organ taken from a submission, `=HYPERLINK(…)`) gets a leading ', as
    OWASP advises for CSV injection; Excel and WPS then show it as text. Numbers stay numbers."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def csv_file(audit: Audit, out: TextIO) -> None:
    """UTF-8 with a BOM and CRLF rows, so Excel opens the Chinese text correctly; every text
    cell neutralised against formula injection (`cell`)."""
    out.write("\ufeff")
    writer = csv.writer(out, lineterminator="\r\n")
    header, rows = csv_rows(audit)
    writer.writerow(header)
    writer.writerows([cell(value) for value in row] for row in rows)


def json_file(audit: Audit, out: TextIO) -> None:
    """Streamed one file at a time: a batch of 10,000 reports never sits in memory as JSON."""
    files, found = audit.statuses(), audit.severities()
    head = {
        "schema": "lawlint-audit", "version": 1,
        "tool": {"name": "lawlint", "version": __version__},
        "summary": {"files": len(audit.items), "pass": files["pass"], "fail": files["fail"],
                    "unreadable": files["error"], "unsupported": files["unsupported"],
                    "errors": found["error"],
                    "warnings": found["warning"], "info": found["info"],
                    "by_rule": dict(audit.by_rule().most_common())},
    }
    out.write(json.dumps(head, ensure_ascii=False)[:-1] + ',"files":[\n')
    for index, r in enumerate(audit.results):
        row = {"path": r.path, "status": audit.status(r), "organ": r.organ,
               "report_year": r.report_year, "date": r.date, "error": r.error,
               "elements": audit.elements(r),
               "findings": [{"rule_id": d.rule_id, "severity": d.severity, "message": d.message,
                             "line": d.line, "column": d.column, "excerpt": d.excerpt}
                            for d in r.active],
               "notes": [{"kind": n.kind, "message": n.message} for n in audit.notes_for(r.path)]}
        out.write(("," if index else "") + json.dumps(row, ensure_ascii=False) + "\n")
    out.write("]}\n")
