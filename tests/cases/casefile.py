"""A rule case (tests/cases/<ID>.yaml) in, the `Report` it states out: its own `text`, or the
compliant fixture with named parts restated, renamed or removed; positions are named by part.

The fixture's parts are found by their headings and places, never by line numbers, so a case
reads alone and survives edits to the fixture that keep its parts. The format: README.md
here; casecheck.py rejects a case this module would not build as meant.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "compliant.txt"
FRONT = ("title", "addressee", "opening")  # the lines above the first heading, in this order
SECTIONS = {"measures": "举措和成效", "responsibility": "第一责任人", "shortcomings": "不足",
            "plans": "工作思路", "other": "其他"}  # a section is named by a phrase of its heading
CLOSING = ("signature", "date")  # the last block of lines: 署名, then 成文日期 on the last line
NUMERALS = "一二三四五六七八九十"
TOP = re.compile(f"[{NUMERALS}]+、")
ITEM = re.compile(f"（([{NUMERALS}])）")


class CaseError(Exception):
    """A malformed case or fixture, said so that its author knows what to change."""


@dataclass(frozen=True, slots=True)
class Part:
    """Consecutive lines of a report: a named part, or (name None) blank lines between parts."""

    name: str | None
    lines: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Report:
    """The text a case lints, and each part's (name, first line, number of lines) in it."""

    text: str
    parts: tuple[tuple[str, int, int], ...] = ()

    def place(self, line: int, col: int) -> str:
        """A position as a case states it: 'part line:col' inside a part, else 'line:col'."""
        return f"{self.label(line)}:{col}"

    def label(self, line: int) -> str:
        """'part n' for the n-th line of a part, or the bare line number between parts."""
        for name, first, count in self.parts:
            if first <= line < first + count:
                return f"{name} {line - first + 1}"
        return str(line)

    def numbered(self) -> str:
        """The text with each line's label in front: what a failing case prints."""
        lines = self.text.split("\n")
        return "\n".join(f"{self.label(n):>16} | {line}" for n, line in enumerate(lines, 1))


@functools.cache
def layout() -> tuple[Part, ...]:
    """The compliant fixture cut into its named parts and the blank lines between them."""
    lines = FIXTURE.read_text(encoding="utf-8").split("\n")
    names = _name_lines(lines)
    missing = [n for n in (*FRONT, *SECTIONS, *CLOSING) if n not in names and n != "other"]
    if missing:
        raise CaseError(f"{FIXTURE.name}: parts not found: {', '.join(missing)}")
    parts: list[Part] = []
    for line, name in zip(lines, names):
        if parts and parts[-1].name == name:
            parts[-1] = Part(name, (*parts[-1].lines, line))
        else:
            parts.append(Part(name, (line,)))
    return tuple(parts)


def _name_lines(lines: list[str]) -> list[str | None]:
    """Each line's part; a blank line belongs to a part when the lines around it do."""
    filled = [i for i, line in enumerate(lines) if line.strip()]
    body = next((i for i in filled if TOP.match(lines[i])), None)
    if body is None or len([i for i in filled if i < body]) < len(FRONT):
        raise CaseError(f"{FIXTURE.name}: no {', '.join(FRONT)} above a heading 一、")
    closing = [i for i in filled if all(lines[j].strip() for j in range(i, len(lines)))]
    names = dict(zip(filled, FRONT)) | {i: "opening" for i in filled[len(FRONT):] if i < body}
    names |= dict(zip(closing, CLOSING[:1] * (len(closing) - 1) + CLOSING[1:]))
    current = section = ""
    for i in (i for i in filled if body <= i < closing[0]):
        if TOP.match(lines[i]):
            current = section = _section(lines[i])
        elif item := ITEM.match(lines[i]):
            current = f"{section}.{NUMERALS.index(item[1]) + 1}"
        names[i] = current
    named: list[str | None] = []
    for i in range(len(lines)):
        before = max((j for j in filled if j < i), default=None)
        after = min((j for j in filled if j > i), default=None)
        same = names.get(before) if names.get(before) == names.get(after) else None
        named.append(names.get(i, same))
    return named


def _section(heading: str) -> str:
    named = [name for name, phrase in SECTIONS.items() if phrase in heading]
    if len(named) != 1:
        raise CaseError(f"{FIXTURE.name}: heading {heading!r} names {named or 'no part'}")
    return named[0]


@functools.cache
def part_names() -> tuple[str, ...]:
    """Every part a case may state, in report order: the fixture's, and 'other', which it lacks."""
    names = [p.name for p in layout() if p.name]
    for previous, section in zip(SECTIONS, list(SECTIONS)[1:]):
        if section not in names:
            after = max(i for i, name in enumerate(names) if name.startswith(previous))
            names.insert(after + 1, section)
    return tuple(names)


def build(case: dict) -> Report:
    """The report a case lints: its text, or the fixture with parts removed (sections after them
    renumbered), then parts restated, then headings renamed."""
    if "text" in case:
        return Report(case["text"])
    parts = _without(list(layout()), case.get("without", []))
    for name in (n for n in part_names() if n in case):
        parts = _restate(parts, name, tuple(case[name].rstrip("\n").split("\n")))
    for name, heading in case.get("headings", {}).items():
        parts = [Part(p.name, (heading, *p.lines[1:])) if p.name == name else p for p in parts]
    return _join(parts)


def build_fixed(case: dict) -> Report:
    """The report `--fix` must write: the case's report with the parts `fixed` states."""
    if "text" in case:
        return Report(case["fixed"])
    edits = {key: case[key] for key in (*part_names(), "without", "headings") if key in case}
    headings = edits.get("headings", {}) | case["fixed"].get("headings", {})
    return build({**edits, **case["fixed"], "headings": headings})


def _without(parts: list[Part], names: list[str]) -> list[Part]:
    """The parts named (a section with its items) removed, each with the blank lines after it;
    the sections after a removed one renumbered, as an author would."""
    kept: list[Part] = []
    for previous, part in zip([None, *parts], parts):
        if _removed(part, names) or part.name is None and previous and _removed(previous, names):
            continue
        kept.append(part)
    if not set(names) & set(SECTIONS):
        return kept
    ordinals = iter(NUMERALS)
    return [Part(p.name, (TOP.sub(f"{next(ordinals)}、", p.lines[0], 1), *p.lines[1:]))
            if p.name in SECTIONS else p for p in kept]


def _removed(part: Part, names: list[str]) -> bool:
    return part.name is not None and (part.name in names or part.name.split(".")[0] in names)


def _restate(parts: list[Part], name: str, lines: tuple[str, ...]) -> list[Part]:
    """The part's lines replaced; a part the fixture lacks goes in after the parts before it."""
    if any(p.name == name for p in parts):
        return [Part(name, lines) if p.name == name else p for p in parts]
    order = part_names()
    at = max(i for i, p in enumerate(parts) if p.name and order.index(p.name) < order.index(name))
    return [*parts[:at + 1], Part(None, ("",)), Part(name, lines), *parts[at + 1:]]


def _join(parts: list[Part]) -> Report:
    spans, first = [], 1
    for part in parts:
        if part.name:
            spans.append((part.name, first, len(part.lines)))
        first += len(part.lines)
    return Report("\n".join(line for part in parts for line in part.lines), tuple(spans))

