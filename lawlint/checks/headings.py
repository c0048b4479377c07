"""Kinds about headings: the ordinals (`ordinal-sequence`, `ordinal-style`, `ordinal-form`),
Markdown levels (`heading-level`) and `year` (years in headings)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Mapping
from typing import Any

import regex

from lawlint.document import ordinals
from lawlint.checks import Context, Hit, Param, register
from lawlint.document import Document, Edit, Heading, Section


class _HeadingCheck:
    """A heading kind is a finder over the document: (section, args) for each slip, reported
    at the heading's marker; a kind that restyles markers fixes them to the standard style."""

    fixes = False

    def __init__(self, params: Mapping[str, Any]):
        pass

    def find(self, doc: Document) -> Iterator[tuple[Section, dict]]:
        raise NotImplementedError

    def run(self, ctx: Context) -> Iterator[Hit]:
        doc = ctx.doc
        for section, args in self.find(doc):
            span = _marker_span(doc, section.heading)
            fix = (Edit(span, args["expected"]),) \
                if self.fixes and _standard(args["expected"], section.heading) else ()
            yield Hit(span, args, fix=fix)


@register("ordinal-sequence", provides=("found", "expected"))
class OrdinalSequenceCheck(_HeadingCheck):
    """Siblings not numbered 1, 2, 3… under one parent; one finding per sequence, at its first
    slip. 1. 2. 3. running on across their （一）（二） parents is a convention, not a slip, and a
    second 「一、」 right after the first expects 「（一）」. No parameters."""

    def find(self, doc: Document) -> Iterator[tuple[Section, dict]]:
        return _gaps(doc)


@register("ordinal-style", provides=("found", "expected"))
class OrdinalStyleCheck(_HeadingCheck):
    """A written style other than the level's reference one ((五) among （一）): the GB/T 9704
    style if any heading of the level uses it, else the most used. Blanks inside a marker
    (「（ 一 ）」 from PDF text) are not a style. Fixable to the standard marker. No parameters."""

    fixes = True

    def find(self, doc: Document) -> Iterator[tuple[Section, dict]]:
        return _styles(doc)


@register("ordinal-form", provides=("found", "expected"))
class OrdinalFormCheck(_HeadingCheck):
    """A level written throughout in a style GB/T 9704 does not use: every （一） written (一),
    一. for 一、, 1、 for 1.; outliers are `ordinal-style`'s. Fixable. No parameters."""

    fixes = True

    def find(self, doc: Document) -> Iterator[tuple[Section, dict]]:
        return _forms(doc)


@register("heading-level",
          Param("authored", {"type": "array", "items": {"type": "string", "pattern": r"^\.\w+$"}},
                "File suffixes whose Markdown marks the author wrote (.md)."),
          Param("converted", {"type": "boolean"}, "Also judge other files, where marks are residue "
                "of a conversion: only a child not deeper than its parent.", required=False),
          provides=("found", "expected", "line", "relation", "level"))
class HeadingLevelCheck(_HeadingCheck):
    """Markdown heading levels (#, ##) that disagree with the ordinal hierarchy, in a file
    whose marks are the author's (suffix in `authored`): a rank written at two levels, or a
    child not deeper than its parent. In other files the marks are residue of a conversion
    (a PDF made into text) and say nothing of the report; with `converted: true` a child
    not deeper than its parent is reported there too."""

    def __init__(self, params: Mapping[str, Any]):
        self.authored = tuple(suffix.lower() for suffix in params["authored"])
        self.converted = bool(params.get("converted"))

    def find(self, doc: Document) -> Iterator[tuple[Section, dict]]:
        authored = doc.source.path.lower().endswith(self.authored)
        return _levels(doc, authored) if authored or self.converted else iter(())


def _marker_span(doc: Document, heading: Heading):
    return doc.span(heading.line.start, heading.marker_end)


def _standard(marker: str, heading: Heading) -> bool:
    return ordinals.style_of(marker) in STANDARD_STYLES[heading.rank]


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
    """The first slip of each sibling sequence. Two conventions are not slips: 1. 2. 3. that
    run on across their （一）（二） parents (4. opens the second group after 3.), and a second
    「一、」 right after the first, which is a level-2 item written one level too high: it
    gets 「（一）」 as the expected marker, not 「二、」."""
    last: dict[int, int] = {}
    for group in _siblings(doc):
        rank, first = group[0].heading.rank, group[0].heading.value
        start = first if rank >= 3 and last.get(rank) and first == last[rank] + 1 else 1
        for offset, section in enumerate(group):
            heading, expected = section.heading, start + offset
            if heading.value != expected:
                demoted = rank == 1 and offset == 1 and heading.value == 1 and first == 1
                marker = ordinals.expected_marker(2, 1) if demoted else \
                    ordinals.expected_marker(rank, expected)
                yield section, {"found": doc.text(heading.line.start, heading.marker_end),
                                "expected": marker}
                break  # one finding per sequence: later numbers follow from the first slip
        last[rank] = group[-1].heading.value


# GB/T 9704-2012 7.3.3: 一、 （一） 1. （1）; the third level's point may be full-width.
STANDARD_STYLES = {1: ("N、",), 2: ("（N）",), 3: ("N.", "N．"), 4: ("（N）",)}


def _reference_styles(doc: Document) -> dict[int, str]:
    """Per rank, the style headings should share: the standard one if any heading uses it,
    else the one most used."""
    by_rank: dict[int, Counter] = {}
    for section in _numbered(doc):
        by_rank.setdefault(section.heading.rank, Counter())[_style(section.heading)] += 1
    reference = {}
    for rank, counts in by_rank.items():
        standard = [style for style in STANDARD_STYLES[rank] if style in counts]
        reference[rank] = standard[0] if standard else counts.most_common(1)[0][0]
    return reference


def _style(heading: Heading) -> str:
    """The written style without the blanks PDF extraction puts inside （ 一 ）."""
    return heading.style.replace(" ", "").replace("\u3000", "")


def _styles(doc: Document) -> Iterator[tuple[Section, dict]]:
    """Headings written in a style other than their rank's reference style."""
    reference = _reference_styles(doc)
    for section in _numbered(doc):
        heading = section.heading
        usual = reference[heading.rank]
        if _style(heading) != usual:
            yield section, _restyle(doc, heading, usual)


def _forms(doc: Document) -> Iterator[tuple[Section, dict]]:
    """Headings in their rank's reference style when that style is not the standard one
    (every （一） written (一)); outliers are the `style` defect's."""
    reference = _reference_styles(doc)
    for section in _numbered(doc):
        heading = section.heading
        usual = reference[heading.rank]
        if _style(heading) == usual and usual not in STANDARD_STYLES[heading.rank]:
            yield section, _restyle(doc, heading, STANDARD_STYLES[heading.rank][0])


def _restyle(doc: Document, heading: Heading, style: str) -> dict:
    span = _marker_span(doc, heading)
    number = ordinals.int_to_cn(heading.value) if heading.rank <= 2 else str(heading.value)
    return {"found": doc.written(span).strip(),
            "expected": style.replace("N", number)}


def _levels(doc: Document, authored: bool) -> Iterator[tuple[Section, dict]]:
    first_level: dict[int, tuple[int, Section]] = {}
    for section in doc.sections:
        level = section.heading.markdown_level
        if level is None:
            continue
        rank = section.heading.rank
        seen = first_level.setdefault(rank, (level, section))
        parent = doc.sections[section.parent] if section.parent is not None else None
        parent_level = parent.heading.markdown_level if parent else None
        if level != seen[0] and authored:
            yield section, {"found": "#" * level, "expected": "#" * seen[0], "relation": "同级标题",
                            "level": "#" * seen[0],
                            "line": doc.source.location(doc.span(seen[1].start, seen[1].start).start)[0]}
        elif parent_level is not None and level <= parent_level:
            yield section, {"found": "#" * level, "expected": "#" * (parent_level + 1),
                            "relation": "上级标题", "level": "#" * parent_level,
                            "line": doc.source.location(doc.span(parent.start, parent.start).start)[0]}


_OFFSETS = Param("offsets", {"type": "object", "propertyNames": {"pattern": "^[A-Z]$"},
                             "additionalProperties": {"type": "integer"}},
                  "Element keys mapped to the expected distance from the report year, e.g. "
                  "`{M: 0, S: 0, R: 0, P: 1}`.")


@register("year", _OFFSETS, provides=("found", "expected", "element", "year", "basis"))
class YearCheck:
    """A heading that names an element must name the year `offsets[KEY]` after the report
    year (0 for M, S, R; 1 for P), if it names a year at all; a heading that names several
    elements may name the year of any of them."""

    _YEAR = regex.compile(r"(?<!\d)((?:19|20)\d\d)年")

    def __init__(self, params: Mapping[str, Any]):
        self.offsets = dict(params["offsets"])

    def run(self, ctx: Context) -> Iterator[Hit]:
        doc = ctx.doc
        if doc.year is None:
            return
        for section in doc.sections:
            keys = [key for key in section.parts if key in self.offsets]
            if not keys:
                continue
            allowed = {doc.year + self.offsets[key] for key in keys}
            line = section.heading.line
            title_end = section.heading.marker_end - line.start + len(section.heading.title)
            for match in self._YEAR.finditer(line.text, 0, title_end):
                if int(match.group(1)) not in allowed:
                    yield Hit(doc.span(line.start + match.start(1), line.start + match.end(1)),
                              {"found": match.group(1), "expected": doc.year + self.offsets[keys[0]],
                               "element": ctx.label(keys[0]), "year": doc.year,
                               "basis": BASIS.get(doc.year_basis, "")})


# How a message says where the report year was read (LL405, LL504).
BASIS = {"option": "据 --year", "title": "据标题", "headings": "据各部分标题",
         "date": "据成文日期", "opening": "据正文开头"}
