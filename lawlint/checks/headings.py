"""Kinds about headings: `numbering` (gaps, styles, levels) and `year` (years in headings)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Mapping
from typing import Any

import regex

from lawlint import ordinals
from lawlint.checks import Context, Hit, register
from lawlint.document import Document, Heading, Section


@register("numbering")
class NumberingCheck:
    """defect `gap`: siblings not numbered 1, 2, 3… under one parent. `style`: a written
    style other than the level's usual one ((五) among （一）). `level`: Markdown heading levels
    that disagree with the ordinal hierarchy."""

    PROVIDES = ('found', 'expected', 'line')

    def __init__(self, params: Mapping[str, Any]):
        self.defect = params["defect"]

    def run(self, ctx: Context) -> Iterator[Hit]:
        doc = ctx.doc
        finder = {"gap": _gaps, "style": _styles, "level": _levels}[self.defect]
        for section, args in finder(doc):
            yield Hit(_marker_span(doc, section.heading), args)


def _marker_span(doc: Document, heading: Heading):
    return doc.span(heading.line.start, heading.marker_end)


def _numbered(doc: Document) -> list[Section]:
    """Sections whose heading carries an ordinal (unnumbered Markdown/Word headings have 0)."""
    return [section for section in doc.sections if section.heading.value]


def _siblings(doc: Document) -> Iterator[list[Section]]:
    """Groups of sections with one parent and one rank, in document order."""
    groups: dict[tuple[int | None, int], list[Section]] = {}
    for section in _numbered(doc):
        groups.setdefault((section.parent, section.heading.rank), []).append(section)
    yield from groups.values()


def _gaps(doc: Document) -> Iterator[tuple[Section, dict]]:
    for group in _siblings(doc):
        for expected, section in enumerate(group, start=1):
            heading = section.heading
            if heading.value != expected:
                yield section, {"found": doc.text(heading.line.start, heading.marker_end),
                                "expected": ordinals.expected_marker(heading.rank, expected)}
                break  # one finding per sequence: later numbers follow from the first slip


def _styles(doc: Document) -> Iterator[tuple[Section, dict]]:
    """Headings written in a style other than the one most used at their rank."""
    by_rank: dict[int, Counter] = {}
    for section in _numbered(doc):
        by_rank.setdefault(section.heading.rank, Counter())[section.heading.style] += 1
    for section in _numbered(doc):
        heading = section.heading
        usual = by_rank[heading.rank].most_common(1)[0][0]
        if heading.style != usual:
            span = _marker_span(doc, heading)
            number = ordinals.int_to_cn(heading.value) if heading.rank <= 2 else str(heading.value)
            yield section, {"found": doc.source.text[span.start:span.end].strip(),
                            "expected": usual.replace("N", number)}


def _levels(doc: Document) -> Iterator[tuple[Section, dict]]:
    first_level: dict[int, tuple[int, Section]] = {}
    for section in doc.sections:
        level = section.heading.markdown_level
        if level is None:
            continue
        rank = section.heading.rank
        seen = first_level.setdefault(rank, (level, section))
        parent = doc.sections[section.parent] if section.parent is not None else None
        parent_level = parent.heading.markdown_level if parent else None
        if level != seen[0]:
            yield section, {"found": "#" * level, "expected": "#" * seen[0],
                            "line": doc.source.location(doc.span(seen[1].start, seen[1].start).start)[0]}
        elif parent_level is not None and level <= parent_level:
            yield section, {"found": "#" * level, "expected": "#" * (parent_level + 1),
                            "line": doc.source.location(doc.span(parent.start, parent.start).start)[0]}


@register("year")
class YearCheck:
    """A top-level element heading must name the year `offsets[KEY]` after the report year
    (0 for M, S, R; 1 for P), if it names a year at all."""

    PROVIDES = ('found', 'expected', 'element')

    _YEAR = regex.compile(r"(?<!\d)((?:19|20)\d\d)年")

    def __init__(self, params: Mapping[str, Any]):
        self.offsets = dict(params["offsets"])

    def run(self, ctx: Context) -> Iterator[Hit]:
        doc = ctx.doc
        if doc.year is None:
            return
        for section in doc.top_sections:
            key = ctx.roles.get(section.index)
            if key not in self.offsets:
                continue
            expected = doc.year + self.offsets[key]
            line = section.heading.line
            title_end = section.heading.marker_end - line.start + len(section.heading.title)
            for match in self._YEAR.finditer(line.text, 0, title_end):
                if int(match.group(1)) != expected:
                    yield Hit(doc.span(line.start + match.start(1), line.start + match.end(1)),
                              {"found": match.group(1), "expected": expected,
                               "element": ctx.label(key)})
