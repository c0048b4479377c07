"""SARIF 2.1.0 output for code-scanning tools: columns in Unicode code points, relative URIs,
rule metadata with help links, and stable partial fingerprints."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TextIO

from lawlint import __version__
from lawlint.output import jsonwriter
from lawlint.packs.ruleset import INTERNAL_ERROR
from lawlint.pipeline.result import Diagnostic, FileResult, Place

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
HELP_URI = "https://github.com/lawlint/lawlint/blob/main/docs/rules.md#{anchor}"
_LEVELS = {"error": "error", "warning": "warning", "info": "note"}


def render(results: Iterable[FileResult], ruleset, out: TextIO, display=None) -> None:
    """One document, written as the results arrive: each finding as its file comes, and only
    the unreadable files kept for the notifications at the end, so a batch is never held (it
    was, ~150 KB a report; issue 13). -q changes nothing here."""
    rules = [*ruleset.all_rules, INTERNAL_ERROR] if ruleset else []   # LL000 is never selected, may occur
    index = {rule.id: i for i, rule in enumerate(rules)}
    unreadable: list[tuple[str, str]] = []
    run = {
        "tool": {"driver": {
            "name": "lawlint", "version": __version__, "informationUri": HELP_URI.split("/blob")[0],
            "rules": [_rule(rule) for rule in rules],
        }},
        "originalUriBaseIds": {"SRCROOT": {"uri": Path.cwd().as_uri() + "/"}},
        "columnKind": "unicodeCodePoints",
        "results": jsonwriter.Stream(_results(results, index, unreadable)),
        "invocations": jsonwriter.Later(lambda: [_invocation(unreadable)]),
    }
    jsonwriter.stream({"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}, out)
    out.write("\n")


def _results(results: Iterable[FileResult], index: dict[str, int],
             unreadable: list[tuple[str, str]]) -> Iterator[dict]:
    """Each finding's SARIF result; the (path, error) of each file that could not be read,
    and of each check lawlint failed in (LL000), goes to `unreadable`: the run was not a
    success, whatever the findings."""
    for result in results:
        if result.error:
            unreadable.append((result.path, result.error))
        for d in result.diagnostics:
            if d.rule_id == INTERNAL_ERROR.id:
                unreadable.append((result.path, d.message))
            yield _result(result.path, d, index)


def _invocation(unreadable: list[tuple[str, str]]) -> dict:
    return {
        "executionSuccessful": not unreadable,
        "toolExecutionNotifications": [
            {"level": "error", "message": {"text": error},
             "locations": [{"physicalLocation": {"artifactLocation": _artifact(path)}}]}
            for path, error in unreadable
        ],
    }


def _rule(rule) -> dict:
    return {
        "id": rule.id, "name": rule.name,
        "shortDescription": {"text": rule.message.split("：")[0].split("{")[0] or rule.name},
        "fullDescription": {"text": rule.description or rule.message},
        "help": {"text": f"{rule.description}\n依据：{rule.basis}"},
        "helpUri": HELP_URI.format(anchor=rule.id.lower()),
        "defaultConfiguration": {"level": _LEVELS[rule.severity]},
        "properties": {"basis": rule.basis, "kind": rule.kind},
    }


def _result(path: str, d: Diagnostic, index: dict[str, int]) -> dict:
    result = {
        "ruleId": d.rule_id,
        "level": _LEVELS[d.severity],
        "message": {"text": d.message},
        "locations": [{"physicalLocation": {
            "artifactLocation": _artifact(path),
            "region": _region(d),
        }}],
        "partialFingerprints": {"lawlint/v1": _fingerprint(d)},
    }
    if d.rule_id in index:
        result["ruleIndex"] = index[d.rule_id]
    if d.related:
        result["relatedLocations"] = _related(path, d)
    if d.fix:
        result["fixes"] = [{
            "description": {"text": d.message},
            "artifactChanges": [{"artifactLocation": _artifact(path), "replacements": [
                {"deletedRegion": {"startLine": r.line, "startColumn": r.column,
                                   "endLine": r.end_line, "endColumn": r.end_column},
                 "insertedContent": {"text": r.text}} for r in d.fix]}],
        }]
    if d.suppressed:
        result["suppressions"] = [{"kind": "inSource", "status": "accepted",
                                   **({"justification": d.justification} if d.justification else {})}]
    return result


def _related(path: str, d: Diagnostic) -> list[dict]:
    """A habit's places, each with what was found there (its first place is the result's)."""
    total, artifact = len(d.related), _artifact(path)
    return [{"id": number, "physicalLocation": {"artifactLocation": artifact,
                                                "region": _text_region(p)},
             "message": {"text": f"第 {number} 处（共 {total} 处）：{p.message}"}}
            for number, p in enumerate(d.related, start=1)]


def _region(d: Diagnostic) -> dict:
    """Lines and columns of the text; for .docx the paragraph is the line (a finding across
    paragraphs ends at the end of its first one); PDF pages go in properties."""
    region = _text_region(d)
    if d.paragraph is not None:
        region.update(startLine=d.paragraph, endLine=d.paragraph)
    if d.page is not None:
        region["properties"] = {"page": d.page, "pageLine": d.page_line}
    return region


def _text_region(p: Diagnostic | Place) -> dict:
    """Where in the text: lines and code-point columns, the excerpt as the snippet."""
    return {"startLine": p.line, "startColumn": p.column, "endLine": p.end_line,
            "endColumn": max(p.end_column, p.column), "snippet": {"text": p.excerpt}}


def _artifact(path: str) -> dict:
    """A URI relative to the working directory when the file is under it."""
    absolute = Path(os.path.abspath(path)) if path != "<stdin>" else None
    if absolute is not None:
        try:
            return {"uri": absolute.relative_to(Path.cwd()).as_posix(), "uriBaseId": "SRCROOT"}
        except ValueError:
            return {"uri": absolute.as_uri()}
    return {"uri": path.replace(os.sep, "/")}


def _fingerprint(d: Diagnostic) -> str:
    """Stable across edits elsewhere in the file: rule id + the flagged text, not its line."""
    return hashlib.sha256(f"{d.rule_id}\0{d.excerpt}".encode()).hexdigest()[:32]
