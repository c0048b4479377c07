"""The registry of check kinds, and the values a check sees (`Context`) and yields (`Hit`).

A kind is a class built once per rule from its validated YAML parameters; `run(ctx)` yields
hits and knows nothing of ids, severities or messages, which the engine stamps.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, Protocol

import regex

from lawlint.document import Document, Edit, Section, Span


# A sentence of folded text (full-width marks already half-width): what kinds that judge
# sentence by sentence iterate over.
SENTENCE = regex.compile(r"[^。;!?\n]+")


@dataclass(frozen=True, slots=True)
class Hit:
    """A defect found at `span`; `args` fill the rule's message template; `fix`, when the
    correction is certain, is the edits that make it (applied by `--fix`)."""

    span: Span
    args: Mapping[str, object] = field(default_factory=dict)
    mask: bool = False   # personal data: never show the text under the span
    fix: tuple[Edit, ...] = ()


@dataclass(frozen=True, slots=True)
class Element:
    """A required part of the report (M, S, R, P, O) and how its heading is recognised."""

    key: str
    label: str
    heading: TimedPattern
    topical_min: int | None = None
    short: str = ""


class Context:
    """One document plus the pack's parameters and elements, with shared derived facts."""

    def __init__(self, doc: Document, params: Mapping[str, Any], elements: tuple[Element, ...]):
        self.doc = doc
        self.params = params
        self.elements = elements

    @cached_property
    def roles(self) -> dict[int, str]:
        """Element key of each top-level section whose heading names one (section index → key)."""
        roles = {}
        for section in self.doc.top_sections:
            for element in self.elements:
                if element.heading.search(section.heading.title):
                    roles[section.index] = element.key
                    break
        return roles

    def present(self, key: str) -> bool:
        """The element has its own section, or (with `topical_min`) enough topical ones."""
        if self.sections_of(key):
            return True
        element = next((e for e in self.elements if e.key == key), None)
        return bool(element and element.topical_min and len(self.topical()) >= element.topical_min)

    def element_sections(self, key: str) -> tuple[Section, ...]:
        """The sections that make up an element: its own, or the topical ones that stand in
        for it (M written as 「二、依法履行职能」「三、完善制度体系」…)."""
        own = self.sections_of(key)
        if own or not self.present(key):
            return own
        return self.topical()

    def sections_of(self, key: str) -> tuple[Section, ...]:
        return tuple(s for s in self.doc.top_sections if self.roles.get(s.index) == key)

    def topical(self) -> tuple[Section, ...]:
        """Top-level sections that name no element: topical measures (「二、依法履行…职能」)."""
        return tuple(s for s in self.doc.top_sections if s.index not in self.roles)

    def label(self, key: str) -> str:
        return next((e.label for e in self.elements if e.key == key), key)

    def short(self, key: str) -> str:
        return next((e.short or e.label for e in self.elements if e.key == key), key)


class Check(Protocol):
    def run(self, ctx: Context) -> Iterator[Hit]: ...


KINDS: dict[str, type] = {}


def register(name: str) -> Callable[[type], type]:
    """Class decorator: make a check kind available to packs under `name`."""
    def add(cls: type) -> type:
        KINDS[name] = cls
        return cls
    return add


class TimedPattern:
    """A pack regex whose every search gives up after `TimedPattern.timeout` seconds.

    Pack authors write regexes; a catastrophic one must fail its rule, not hang the run."""

    __slots__ = ("pattern",)
    timeout: float = 2.0

    def __init__(self, pattern: regex.Pattern):
        self.pattern = pattern

    def search(self, text: str, pos: int = 0, endpos: int | None = None):
        return self.pattern.search(text, pos, endpos, timeout=TimedPattern.timeout)

    def match(self, text: str, pos: int = 0, endpos: int | None = None):
        return self.pattern.match(text, pos, endpos, timeout=TimedPattern.timeout)

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None):
        return self.pattern.finditer(text, pos, endpos, timeout=TimedPattern.timeout)


def compile_pattern(pattern: str) -> TimedPattern:
    """Compile a pack regex; the pack loader reports failures with file and line."""
    return TimedPattern(regex.compile(pattern))


def load_kinds() -> None:
    """Import every module that registers kinds (explicit, no discovery magic)."""
    from lawlint.checks import (  # noqa: F401
        closing, figures, front, headings, identifier, registry, sections, substance, text,
        typography)
