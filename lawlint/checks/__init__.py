"""The registry of check kinds, and the values a check sees (`Context`) and yields (`Hit`).

A kind is a class built once per rule from its validated YAML parameters; `run(ctx)` yields
hits and knows nothing of ids, severities or messages, which the engine stamps.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any, Protocol

import regex

from lawlint.document import Document, Edit, Section, Span
from lawlint.document.organs import OrganGrammar
from lawlint.document.parts import Element
from lawlint.checks.lawbook import LawBook
from lawlint.checks.params import (REGEX_DOC, KindSpec, Param, choice_param, element_param,
                                   elements_param, pack_parameter, regex_param, spec_of)
from lawlint.patterns import TimedPattern, compile_pattern

__all__ = ["REGEX_DOC", "SPECS", "Context", "Element", "Hit", "KINDS", "KindSpec", "Param", "SENTENCE",
           "TimedPattern", "sentences_about",
           "choice_param", "compile_pattern", "element_param", "elements_param", "pack_parameter",
           "regex_param", "register"]


# A sentence of folded text (full-width marks already half-width): what kinds that judge
# sentence by sentence iterate over.
SENTENCE = regex.compile(r"[^。;!?\n]+")


def sentences_about(doc: Document, topic: TimedPattern) -> Iterator[tuple[int, str]]:
    """(folded offset, text) of each body sentence that matches `topic`."""
    for line in doc.lines:
        if not doc.body_start <= line.start < doc.body_end or not topic.search(line.text):
            continue
        for sentence in SENTENCE.finditer(line.text):
            if topic.search(sentence.group()):
                yield line.start + sentence.start(), sentence.group()


@dataclass(frozen=True, slots=True)
class Hit:
    """A defect found at `span`; `args` fill the rule's message template; `fix`, when the
    correction is certain, is the edits that make it (applied by `--fix`)."""

    span: Span
    args: Mapping[str, object] = field(default_factory=dict)
    mask: bool = False   # personal data: never show the text under the span
    fix: tuple[Edit, ...] = ()


class Context:
    """One document plus the pack's parameters and elements, with shared derived facts."""

    def __init__(self, doc: Document, params: Mapping[str, Any], elements: tuple[Element, ...],
                 organs: OrganGrammar | None = None, laws: LawBook | None = None,
                 published: bool = False):
        self.doc = doc
        self.published = published   # judged as the copy the public sees (--published, .html)
        self.params = params
        self.elements = elements
        self.organs = organs or OrganGrammar.from_pack({})
        self.laws = laws or LawBook(())

    def present(self, key: str) -> bool:
        """The element is named by a heading at any level, or (with `topical_min`) enough
        topical top-level sections stand in for it."""
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
        """The outermost sections whose heading names the element, at any level."""
        return self.doc.part_sections(key)

    def topical(self) -> tuple[Section, ...]:
        """Top-level sections that name no element: topical measures (「二、依法履行…职能」)."""
        return tuple(s for s in self.doc.top_sections if not s.parts)

    def label(self, key: str) -> str:
        return next((e.label for e in self.elements if e.key == key), key)

    def short(self, key: str) -> str:
        return next((e.short or e.label for e in self.elements if e.key == key), key)


class Check(Protocol):
    def run(self, ctx: Context) -> Iterator[Hit]: ...


KINDS: dict[str, type] = {}
SPECS: dict[str, KindSpec] = {}


def register(name: str, *params: Param, provides: tuple[str, ...] = (),
             absence: bool = False, published: bool = False,
             habit: str = "") -> Callable[[type], type]:
    """Class decorator: make a check kind available to packs under `name`, with the
    parameters it takes, the message placeholders its hits fill, whether a hit means the
    part is absent, whether it judges only the published copy and which hit argument tells
    one habit from another (its whole contract)."""
    def add(cls: type) -> type:
        KINDS[name] = cls
        SPECS[name] = spec_of(name, cls, params, provides, absence, published, habit)
        return cls
    return add


def load_kinds() -> None:
    """Import every module that registers kinds (explicit, no discovery magic)."""
    from lawlint.checks import (  # noqa: F401
        citations, closing, doubled, figures, front, headings, identifier, names, presence,
        registry, relative, responsibility, scope, sections, substance, text, typography)
