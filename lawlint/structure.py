"""Source + Folded in, `Document` out: front matter, heading tree, closing, year and organ."""

from __future__ import annotations

from dataclasses import replace

import regex

from lawlint import layout, ordinals
from lawlint.document import Document, Heading, Line, Section
from lawlint.fold import Folded
from lawlint.source import Source

_YEAR = regex.compile(r"(?<!\d)((?:19|20)\d\d)(?:年|\s*年度)")
_MARKDOWN = regex.compile(r"[ \t\u3000]*(#{1,6})(?!#)")
_ORGAN_END = regex.compile(r"关于|(?:19|20)\d\d年|法治政府建设")
_MAX_UNNUMBERED = 60


def parse(source: Source, folded: Folded, year: int | None = None) -> Document:
    """Parse a report; `year` overrides the report year read from the text."""
    lines = split_lines(folded.text)
    letterhead, title, addressee, body_start = layout.front_matter(lines)
    closing = layout.closing(lines, body_start, len(folded.text))
    body = [line for line in lines if body_start <= line.start < closing.start and line.text]
    headings = _unnumbered_ranks([_heading(line, source, folded) for line in body])
    sections = _tree([h for h in headings if h is not None], closing.start)
    title_text = "".join(line.text for line in title)
    organ = _organ(title_text) or (closing.signature.text if closing.signature else None)
    report_year = year or _year(title_text) or _year(folded.text[body_start:body_start + 400])
    return Document(source, folded, tuple(lines), letterhead, title, addressee, body_start,
                    sections, closing, report_year, organ)


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
    markdown = _MARKDOWN.match(source.text, source.line_starts[source.location(first)[0] - 1])
    if ordinal is None:
        if markdown is None:
            return None
        level = len(markdown.group(1))
        return Heading(line, level, 0, "#", line.start, line.text, level)
    marker_start, marker_end = folded.span(line.start, line.start + ordinal.length)
    rest = line.text[ordinal.length:]
    return Heading(
        line=line, rank=ordinal.rank, value=ordinal.value,
        style=ordinals.style_of(source.text[marker_start:marker_end]),
        marker_end=line.start + ordinal.length,
        title=rest.split("。", 1)[0],
        markdown_level=len(markdown.group(1)) if markdown else None,
    )


def _unnumbered_ranks(headings: list[Heading | None]) -> list[Heading | None]:
    """Rank an unnumbered heading like the numbered ones at its Markdown level
    (「## 二、…」 and 「## 其他情况」 are siblings), else by its level."""
    by_level = {h.markdown_level: h.rank for h in headings if h and h.value and h.markdown_level}
    return [replace(h, rank=by_level.get(h.markdown_level, min(h.rank, 4)))
            if h and not h.value else h for h in headings]


def _tree(headings: list[Heading], body_end: int) -> tuple[Section, ...]:
    """Nest headings by rank: each section runs to the next heading of its rank or higher."""
    parents: list[int | None] = []
    stack: list[int] = []
    for index, heading in enumerate(headings):
        while stack and headings[stack[-1]].rank >= heading.rank:
            stack.pop()
        parents.append(stack[-1] if stack else None)
        stack.append(index)
    sections = []
    for index, heading in enumerate(headings):
        end = next((later.line.start for later in headings[index + 1:]
                    if later.rank <= heading.rank), body_end)
        sections.append(Section(index, heading, parents[index], heading.line.start, end))
    return tuple(sections)


def _year(text: str) -> int | None:
    match = _YEAR.search(text)
    return int(match.group(1)) if match else None


def _organ(title: str) -> str | None:
    """The organ that opens the title: what precedes 关于, the year, or 法治政府建设."""
    match = _ORGAN_END.search(title)
    organ = title[:match.start()] if match else ""
    return organ if len(organ) >= 2 else None
