"""A case (a dict from tests/cases/<ID>.yaml) in, `CaseError` out for a key, part or position
that the runner would not take as meant: an unknown key, a part the compliant report lacks, a
heading to rename that is not there, a position a reader cannot count to."""

from __future__ import annotations

import re

from cases.casefile import CaseError, layout, part_names

CASE_KEYS = ("name", "text", "file", "published", "without", "headings", "year", "expect", "only", "fixed")
POSITION = re.compile(r"(?:(\S+) )?([1-9]\d*):([1-9]\d*)")


def check(case: dict) -> None:
    """Raise CaseError for a key, part or position the runner would not take as meant."""
    parts = part_names()
    if unknown := [key for key in case if key not in (*CASE_KEYS, *parts)]:
        raise CaseError(f"unknown key {unknown[0]!r}: a case has {', '.join(CASE_KEYS)}, "
                        f"or states a part: {', '.join(parts)}")
    if not isinstance(case.get("expect"), list):
        raise CaseError("no expect: list the findings ('part line:col'), or [] for none")
    edits = {key: case[key] for key in (*parts, "without", "headings") if key in case}
    if "text" in case and edits:
        raise CaseError(f"text and {next(iter(edits))!r}: a case gives a whole text or edits "
                        "parts of the compliant report, not both")
    _check_edits(edits)
    for position in case["expect"]:
        _check_position(case, str(position), parts)
    if "fixed" in case and isinstance(case["fixed"], str) != ("text" in case):
        raise CaseError("fixed: the whole fixed text for a text case, else a mapping of parts")
    if isinstance(case.get("fixed"), dict):
        if unknown := [key for key in case["fixed"] if key not in (*parts, "headings")]:
            raise CaseError(f"fixed: unknown part {unknown[0]!r}; parts: {', '.join(parts)}")
        _check_edits(case["fixed"], "fixed: ")


def _check_edits(edits: dict, where: str = "") -> None:
    fixture = [p.name for p in layout() if p.name]
    for name in [*edits.get("without", []), *edits.get("headings", {})]:
        if name not in fixture:
            raise CaseError(f"{where}part {name!r} is not in the compliant report, so it has "
                            f"no heading to rename or lines to remove; its parts: "
                            f"{', '.join(fixture)}")
        if name in edits:
            raise CaseError(f"{where}part {name!r} is restated and also removed or renamed")
    if not isinstance(edits.get("without", []), list):
        raise CaseError(f"{where}without: a list of parts, as in [shortcomings]")
    if any(not isinstance(h, str) or "\n" in h for h in edits.get("headings", {}).values()):
        raise CaseError(f"{where}headings: a heading is one line; restate the part instead")
    if bad := [name for name, text in edits.items() if name not in ("without", "headings")
               and not isinstance(text, str)]:
        raise CaseError(f"{where}part {bad[0]!r}: give its lines as text (a block scalar)")


def _check_position(case: dict, position: str, parts: tuple[str, ...]) -> None:
    match = POSITION.fullmatch(position)
    if not match:
        raise CaseError(f"expect: {position!r} is not 'part line:col' (a text case: 'line:col')")
    part, line = match[1], int(match[2])
    if "text" in case and part:
        raise CaseError(f"expect: {position!r}: a text case has no parts; say 'line:col'")
    if "text" not in case and part not in parts:
        raise CaseError(f"expect: {position!r} names no part of the report, as in "
                        f"'shortcomings 1:1'; parts: {', '.join(parts)}")
    if "text" not in case and line > 1 and part not in case:
        raise CaseError(f"expect: {position!r} is in a part the case does not state; state "
                        f"{part!r} so that a reader can count to its line {line}")
