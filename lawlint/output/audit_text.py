"""Audit renderers: a terminal summary, CSV for spreadsheets, JSON. (HTML: render_html.py.)"""

from __future__ import annotations

import csv
import json
from typing import TextIO

from lawlint import __version__
from lawlint.audit import matrix
from lawlint.audit.report import Audit


_SHOWN = 10   # lines a list gets in the summary before "… and N more (--verbose)"


def text(audit: Audit, out: TextIO) -> None:
    """What an office acts on first (rings, roster gaps), then counts, then the worst files:
    one line per ring or unit, every list cut at ten lines unless --verbose."""
    files, found = audit.statuses(), audit.severities()
    out.write(f"lawlint audit: {len(audit.items)} files: {files['pass']} pass, {files['fail']} fail, "
              f"{files['error']} could not be read, {files['unsupported']} unsupported\n")
    out.write(f"findings: {found['error']} errors, {found['warning']} warnings, {found['info']} info\n")
    _rings(audit, out)
    _roster(audit, out)
    if audit.by_rule():
        out.write("\nmost frequent rules:\n")
        for rule_id, count in audit.by_rule().most_common(10):
            out.write(f"{count:>6}  {rule_id}  {audit.title(rule_id)}\n")
    if audit.worst():
        out.write("\nfiles with the most errors:\n")
        for result in audit.worst():
            out.write(f"{result.count('error'):>6} errors {result.count('warning'):>4} warnings  {result.path}\n")
    unreadable = [f"  {r.path}: {r.error}\n" for r in audit.results if r.error]
    _listed(out, "could not be read or unsupported:", unreadable, audit.verbose)
    _listed(out, "batch notes:", [f"  {note.path}: {note.message}\n" for note in audit.notes], audit.verbose)


def _rings(audit: Audit, out: TextIO) -> None:
    if not audit.rings:
        return
    copied = sum(ring.size for ring in audit.rings)
    lines = []
    for number, ring in enumerate(audit.rings, 1):
        first = f"最早 {ring.first_organ or ring.first}（{ring.first_date}）；" if ring.first else ""
        members = ring.members if audit.verbose else ring.members[:3]
        more = "" if len(members) == ring.size else f" 等 {ring.size} 份"
        lines.append(f"  {number:>3}. {ring.size} 份，相同 {ring.share:.0%}；{first}{'、'.join(members)}{more}\n")
        if audit.verbose:
            lines += [f"       「{clause}」\n" for clause in ring.clauses]
    rings = f"{len(audit.rings)} ring" + ("s" if len(audit.rings) > 1 else "")
    _listed(out, f"copy rings (雷同): {rings}, {copied} reports", lines, audit.verbose)


def _roster(audit: Audit, out: TextIO) -> None:
    accounting = audit.accounting
    if accounting is None:
        return
    missing, duplicates = accounting.missing, accounting.duplicates
    out.write(f"\nroster (名单): {len(accounting.units)} units, {len(accounting.units) - len(missing)} "
              f"submitted, {len(missing)} missing (未报送), {len(accounting.unmatched)} unmatched, "
              f"{len(duplicates)} with two or more, {len(accounting.late)} late (deadline {accounting.deadline})\n")
    _listed(out, "  未报送:", [f"    {unit.name}\n" for unit in missing], audit.verbose)
    _listed(out, "  未匹配名单的报告:", [f"    {path}\n" for path in accounting.unmatched], audit.verbose)
    _listed(out, "  重复报送:", [f"    {name}: {'、'.join(paths)}\n" for name, paths in duplicates.items()],
            audit.verbose)
    _listed(out, "  逾期:", [f"    {path}: {why}\n" for path, why in accounting.late.items()], audit.verbose)


def _listed(out: TextIO, heading: str, lines: list[str], verbose: bool) -> None:
    if not lines:
        return
    out.write(("\n" if not heading.startswith(" ") else "") + heading + "\n")
    shown = lines if verbose else lines[:_SHOWN]
    out.writelines(shown)
    if len(shown) < len(lines):
        out.write(f"  … and {len(lines) - len(shown)} more (--verbose)\n")


def csv_rows(audit: Audit) -> tuple[list[str], list[list[object]]]:
    """One row per matrix row: every file, and with a roster every unit that sent nothing
    (status not-submitted) with the unit and lateness columns filled."""
    rules = sorted(audit.rule_names)
    header = ["path", "status", "organ", "report_year", "date", "errors", "warnings", "info",
              *matrix.COLUMNS, *rules, "ring", "notes", "error", "unit", "late"]
    rows = []
    for row in audit.rows():
        unit = row.unit.name if row.unit else ""
        result = row.result
        if result is None:
            rows.append(["", "not-submitted", "", "", "", "", "", "", *("" for _ in matrix.COLUMNS),
                         *("" for _ in rules), "", "", "", unit, ""])
            continue
        by_rule = {rule: 0 for rule in rules}
        for diagnostic in result.active:
            by_rule[diagnostic.rule_id] = by_rule.get(diagnostic.rule_id, 0) + 1
        elements = audit.elements(result)
        rows.append([result.path, audit.status(result), result.organ or "", result.report_year or "",
                     result.date or "", result.count("error"), result.count("warning"), result.count("info"),
                     *(elements[c] for c in matrix.COLUMNS), *(by_rule[r] for r in rules),
                     audit.ring_of(result.path) or "", "；".join(n.message for n in audit.notes_for(result.path)),
                     result.error or "", unit, row.late or ""])
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


def _roster_json(audit: Audit) -> dict:
    accounting = audit.accounting
    if accounting is None:
        return {}
    return {"roster": {
        "deadline": accounting.deadline, "units": len(accounting.units),
        "missing": [{"name": u.name, "short": list(u.short), "level": u.level, "parent": u.parent}
                    for u in accounting.missing],
        "unmatched": list(accounting.unmatched),
        "duplicates": {name: list(paths) for name, paths in accounting.duplicates.items()},
        "late": dict(accounting.late)}}


def _unit_json(audit: Audit, path: str) -> dict:
    """With a roster: the unit a file answers for, and why it is late when it is."""
    if audit.accounting is None:
        return {}
    return {"unit": audit.accounting.matches.get(path), "late": audit.accounting.late.get(path)}


def _sketch(audit: Audit, path: str) -> dict:
    """The file's MinHash sketch (base64 of 128 little-endian uint32) and its clause count:
    what `lawlint audit --previous this.json` next year compares against."""
    item = audit.item(path)
    if item is None or not len(item.sketch):
        return {}
    from lawlint.audit.similarity import sketch_text

    return {"clauses": len(item.fingerprints), "sketch": sketch_text(item.sketch)}


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
        "rings": [{"members": list(ring.members), "share": ring.share, "clauses": list(ring.clauses),
                   "first": ring.first, "first_organ": ring.first_organ, "first_date": ring.first_date}
                  for ring in audit.rings],
        **_roster_json(audit),
    }
    out.write(json.dumps(head, ensure_ascii=False)[:-1] + ',"files":[\n')
    for index, r in enumerate(audit.results):
        row = {"path": r.path, "status": audit.status(r), "organ": r.organ,
               "report_year": r.report_year, "date": r.date, "error": r.error,
               "elements": audit.elements(r),
               "findings": [{"rule_id": d.rule_id, "severity": d.severity, "message": d.message,
                             "line": d.line, "column": d.column, "excerpt": d.excerpt}
                            for d in r.active],
               "notes": [{"kind": n.kind, "message": n.message} for n in audit.notes_for(r.path)],
               "ring": audit.ring_of(r.path), **_unit_json(audit, r.path), **_sketch(audit, r.path)}
        out.write(("," if index else "") + json.dumps(row, ensure_ascii=False) + "\n")
    out.write("]}\n")
