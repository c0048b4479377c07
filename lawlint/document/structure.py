"""Source + Folded in, `Document` out: front matter, heading tree with the parts each heading
names, closing, report year and organ."""

from __future__ import annotations

from dataclasses import replace

import regex

from lawlint.document import dates, layout, ordinals, parts
from lawlint.document import Closing, Document, Heading, Line, Section
from lawlint.document.fold import Folded
from lawlint.document.grammar import Grammar
from lawlint.document.organs import organ_prefix
from lawlint.document.source import Source

_ORGAN_END = regex.compile(r"关于|(?<!\d)(?:19|20)\d\d(?:\s*年度?|(?!\d))|法治政府|法治建设|依法行政|法治")
_MAX_UNNUMBERED = 60
_OPENING = 400
_DEFAULT = Grammar()


def parse(source: Source, folded: Folded, year: int | None = None,
          grammar: Grammar = _DEFAULT) -> Document:
    """Parse a report; `year` overrides the report year read from the text."""
    lines = split_lines(folded.text)
    front = layout.front_matter(lines, grammar.organs)
    closing = layout.closing(lines, front.body_start, len(folded.text), grammar.organs)
    body = [line for line in lines if front.body_start <= line.start < closing.start and line.text]
    headings = _unnumbered_ranks([_heading(line, source, folded) for line in body])
    sections = _tree([h for h in headings if h is not None], closing.start)
    title_text = "".join(line.text for line in front.title)
    report_year, basis = _report_year(year, title_text, sections, closing, grammar,
                                      folded.text[front.body_start:front.body_start + _OPENING])
    sections = _named(sections, grammar, report_year)
    organ, organ_source = _organ(front, closing, grammar)
    return Document(source, folded, tuple(lines), front.letterhead, front.title, front.addressee,
                    front.body_start, sections, closing, report_year, organ, basis, organ_source)


def split_lines(text: str) -> list[Line]:
    """Folded text split at line breaks, keeping offsets."""
    lines, start = [], 0
    for part in text.split("\n"):
        lines.append(Line(part, start, start + len(part)))
        start += len(part) + 1
    return lines


def _heading(line: Line, source: Source, folded: Folded) -> Heading | None:
    """A numbered heading, or a Markdown / Word-style heading without a number (value 0)."""
    ordinal = ordinals.parse(line.text)
    if ordinal is None and len(line.text) > _MAX_UNNUMBERED:
        return None  # most body lines: a paragraph, not a heading
    first = folded.origin[line.start]
    level = folded.markdown.get(source.line_starts[source.location(first)[0] - 1])
    if ordinal is None:
        if level is None:
            return None
        return Heading(line, level, 0, "#", line.start, line.text, level)
    marker_start, marker_end = folded.span(line.start, line.start + ordinal.length)
    rest = line.text[ordinal.length:]
    return Heading(
        line=line, rank=ordinal.rank, value=ordinal.value,
        style=ordinals.style_of(source.text[marker_start:marker_end]),
        marker_end=line.start + ordinal.length,
        title=rest.split("。", 1)[0],
        markdown_level=level,
    )


def _unnumbered_ranks(headings: list[Heading | None]) -> list[Heading | None]:
    """Rank an unnumbered heading like the numbered ones at its Markdown level
    (「## 二、…」 and 「## 其他情况」 are siblings), else by its level."""
    by_level = {h.markdown_level: h.rank for h in headings if h and h.value and h.markdown_level}
    return [replace(h, rank=by_level.get(h.markdown_level, min(h.rank, 4)))
            if h and not h.value else h for h in headings]


def _tree(headings: list[Heading], body_end: int) -> tuple[Section, ...]:
    """Nest headings by rank: each section runs to the next heading of its rank or higher.
    One pass over a stack of open sections (ranks rising up the stack), not a search of the
    rest for each heading: 100k headings cost 10× what 10k do (issue 13)."""
    parents: list[int | None] = []
    ends = [body_end] * len(headings)
    stack: list[int] = []
    for index, heading in enumerate(headings):
        while stack and headings[stack[-1]].rank >= heading.rank:
            ends[stack.pop()] = heading.line.start
        parents.append(stack[-1] if stack else None)
        stack.append(index)
    return tuple(Section(index, heading, parents[index], heading.line.start, ends[index])
                 for index, heading in enumerate(headings))


def _named(sections: tuple[Section, ...], grammar: Grammar,
           year: int | None) -> tuple[Section, ...]:
    """Tag each top-level heading and its direct children with the parts they name. A child
    names a part only where its parent leaves room: under no part, under M (measures that
    hold the R or S item), or under a heading that names that part too."""
    named: list[Section] = []
    for section in sections:
        parent = named[section.parent] if section.parent is not None else None
        if parent is None:
            found = parts.name(grammar.elements, section.heading.title, year)
        elif parent.parent is None:
            found = parts.name(grammar.elements, section.heading.title, year)
            if parent.parts and "M" not in parent.parts:
                found = found & set(parent.parts)
        else:
            found = frozenset()
        named.append(Section(section.index, section.heading, section.parent, section.start,
                             section.end, _ordered(found, grammar, section, year)))   # not replace(): 5× dearer
    return tuple(named)


def _ordered(found, grammar: Grammar, section: Section, year: int | None) -> tuple[str, ...]:
    """Named parts, the best-scoring first (it decides the section's place in the order)."""
    if len(found) < 2:
        return tuple(found)
    scores = parts.scores(grammar.elements, section.heading.title, year)
    keys = [e.key for e in grammar.elements]
    return tuple(sorted(found, key=lambda key: (-scores[key], keys.index(key))))


def _report_year(given: int | None, title: str, sections: tuple[Section, ...], closing: Closing,
                 grammar: Grammar, opening: str) -> tuple[int | None, str | None]:
    """The report year, reasoned: the option, the title, the years of the part headings,
    the 成文日期 minus one, the opening sentences; never a year in 《》 or a range."""
    if given:
        return given, "option"
    title_years = dates.spoken_years(title)
    if title_years:
        return title_years[0], "title"
    heading_year = _year_from_headings(sections, grammar)
    if heading_year:
        return heading_year, "headings"
    written = closing.date.as_date() if closing.date else None
    if written is not None:
        return written.year - 1, "date"
    opening_years = dates.spoken_years(opening)
    return (opening_years[0], "opening") if opening_years else (None, None)


def _year_from_headings(sections: tuple[Section, ...], grammar: Grammar) -> int | None:
    """The year of the first heading that names a part and a year (P's year minus one)."""
    offsets = {element.key: element.year for element in grammar.elements}
    for section in sections:
        if section.parent is not None and sections[section.parent].parent is not None:
            continue
        years = dates.spoken_years(section.heading.title)
        found = parts.name(grammar.elements, section.heading.title, None)
        if years and found:
            key = min(found, key=lambda k: offsets.get(k, 0))
            return years[0] - offsets.get(key, 0)
    return None


def _organ(front, closing: Closing, grammar: Grammar) -> tuple[str | None, str | None]:
    """The organ the title names (its lines joined by a space, so that a joint title on two
    lines stays two units), else the letterhead's, else the signature's."""
    title = " ".join(line.text for line in front.title)
    named = organ_prefix(title, _ORGAN_END, grammar.organs) if title else None
    if named:
        return named.strip(), "title"
    if front.letterhead is not None:
        letterhead = regex.sub(r"文件$", "", front.letterhead.text)
        if grammar.organs.is_organ(letterhead):
            return letterhead, "letterhead"
    if closing.signed_by:
        return closing.signed_by, "signature"
    return None, None
