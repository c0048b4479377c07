"""The document model: plain frozen values that `structure.parse` builds and checks read.

Every part keeps folded offsets (`start`, `end` into `Folded.text`); `Document.span` maps
them to a `Span` of the original text, which is what findings carry.
"""

from __future__ import annotations

from dataclasses import dataclass

from lawlint.document.dates import WrittenDate
from lawlint.document.fold import Folded
from lawlint.document.source import Source


@dataclass(frozen=True, slots=True)
class Span:
    """A range [start, end) of character offsets into `Source.text`."""

    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Edit:
    """Replace the original text under `span` with `text`: one step of a safe fix."""

    span: Span
    text: str


@dataclass(frozen=True, slots=True)
class Line:
    """One folded line (a page-break-split paragraph counts as one)."""

    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Heading:
    """A numbered heading: rank 1–4 (一、 （一） 1. （1）), value, written style and marker."""

    line: Line
    rank: int
    value: int
    style: str
    marker_end: int
    title: str
    markdown_level: int | None


@dataclass(frozen=True, slots=True)
class Section:
    """A heading and everything up to the next heading of the same or a higher level."""

    index: int
    heading: Heading
    parent: int | None
    start: int
    end: int
    parts: tuple[str, ...] = ()   # the elements (M, S, R, P, O) its heading names, best first


@dataclass(frozen=True, slots=True)
class Closing:
    """The block after the body: signature (署名), date (成文日期), 抄送 and 附件 lines."""

    start: int
    signature: Line | None = None
    date_line: Line | None = None
    date: WrittenDate | None = None
    copy_to: Line | None = None
    attachments: tuple[Line, ...] = ()
    signatures: tuple[Line, ...] = ()   # every line of the signature (joint: 党委 and 政府)

    @property
    def signed_by(self) -> str | None:
        return " ".join(line.text for line in self.signatures) if self.signatures else None


@dataclass(frozen=True, slots=True)
class Document:
    """A parsed report."""

    source: Source
    folded: Folded
    lines: tuple[Line, ...]
    letterhead: Line | None
    title: tuple[Line, ...]
    addressee: Line | None
    body_start: int
    sections: tuple[Section, ...]
    closing: Closing
    year: int | None
    organ: str | None
    year_basis: str | None = None    # where the year was read: option, title, headings, date, opening
    organ_source: str | None = None  # where the organ was read: title, letterhead, signature

    @property
    def title_text(self) -> str:
        return "".join(line.text for line in self.title)

    @property
    def body_end(self) -> int:
        return self.closing.start

    @property
    def top_sections(self) -> tuple[Section, ...]:
        return tuple(section for section in self.sections if section.parent is None)

    def part_sections(self, key: str) -> tuple[Section, ...]:
        """The outermost sections whose heading names element `key`, at any level."""
        named = {s.index for s in self.sections if key in s.parts}
        return tuple(self.sections[i] for i in sorted(named)
                     if not self._ancestor_in(self.sections[i], named))

    def _ancestor_in(self, section: Section, indices: set[int]) -> bool:
        parent = section.parent
        while parent is not None:
            if parent in indices:
                return True
            parent = self.sections[parent].parent
        return False

    def text(self, start: int, end: int) -> str:
        """Folded text between two folded offsets."""
        return self.folded.text[start:end]

    def span(self, start: int, end: int) -> Span:
        """Map a folded range to the original text."""
        return Span(*self.folded.span(start, end))

    def written(self, span: Span) -> str:
        """The original text under a span, as the author wrote it (full-width marks, blanks
        and all): what a message quotes and a fix replaces."""
        return self.source.text[span.start:span.end]

    def line_span(self, line: Line) -> Span:
        return self.span(line.start, line.end)

    def anchor(self) -> Span:
        """Where a finding about the whole file points: the title's first character, else the
        addressee's, else the report's first line (page furniture and the 版头 are not the report)."""
        first = self.title[0] if self.title else self.addressee or next(
            (line for line in self.lines if line.text and line.start >= self.body_start),
            next((line for line in self.lines if line.text), None))
        return self.span(first.start, first.start + 1) if first else Span(0, 0)
