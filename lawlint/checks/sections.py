"""Kinds about the required elements: `section` (present), `statement` and `statement-part`
(the R statement: present, and a part of its own), `order`."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from lawlint.checks import (Context, Hit, choice_param, compile_pattern, element_param, elements_param,
                            regex_param, register)


@register("section", element_param(doc="The element (pack `elements` key) that must be present."),
          provides=("element", "next_year"), absence=True)
class SectionCheck:
    """An element must be named by a heading somewhere in the tree (level 1 or 2), or, for
    an element with `topical_min`, that many topical sections such as 「二、依法履行…职能」
    stand in for it. The finding sits on the title (the whole document is concerned)."""

    def __init__(self, params: Mapping[str, Any]):
        self.element = params["element"]

    def run(self, ctx: Context) -> Iterator[Hit]:
        if ctx.present(self.element):
            return
        year = ctx.doc.year
        yield Hit(ctx.doc.anchor(), {"element": ctx.label(self.element),
                                     "next_year": year + 1 if year else "下一"})


_LEADERS_DID = "What the leaders did (主要负责同志…主持召开, 带头述法, 第一责任人…), matched in the body outside a cited title."


@register("statement", element_param(), regex_param("pattern", _LEADERS_DID),
          provides=("element",), absence=True)
class StatementCheck:
    """A statement (the R responsibility statement) must appear: a heading names the element,
    or `pattern` matches somewhere in the body outside a cited title (《…第一责任人职责规定》
    is the rule, not the statement). The finding sits on the title."""

    def __init__(self, params: Mapping[str, Any]):
        self.element = params["element"]
        self.pattern = compile_pattern(params["pattern"])

    def run(self, ctx: Context) -> Iterator[Hit]:
        doc = ctx.doc
        if ctx.sections_of(self.element):
            return
        if _first_uncited(self.pattern, doc.folded.text, doc.body_start, doc.body_end) is None:
            yield Hit(doc.anchor(), {"element": ctx.label(self.element)})


@register("statement-part", element_param(), regex_param("pattern", _LEADERS_DID),
          choice_param("where", ("heading", "sentence"), "Report only one case: a level-2 heading "
                       "(`heading`) or a sentence and no heading (`sentence`); both if left out.",
                       required=False),
          provides=("element", "found"))
class StatementPartCheck:
    """The statement is there but not as a part of its own: no level-1 heading names the
    element, and a level-2 heading does (the finding sits on it), or only a sentence inside
    another part matches `pattern` (the finding sits on the sentence). `where` keeps one of
    the two cases, so that a pack can weigh them apart (a sub-heading is easy to find, a
    sentence is not)."""

    def __init__(self, params: Mapping[str, Any]):
        self.element = params["element"]
        self.pattern = compile_pattern(params["pattern"])
        self.where = params.get("where")

    def run(self, ctx: Context) -> Iterator[Hit]:
        doc = ctx.doc
        own = ctx.sections_of(self.element)
        if any(section.parent is None for section in own):
            return
        label = ctx.label(self.element)
        if own:
            if self.where != "sentence":
                line = own[0].heading.line
                yield Hit(doc.span(line.start, line.end), {"element": label, "found": line.text})
            return
        match = _first_uncited(self.pattern, doc.folded.text, doc.body_start, doc.body_end)
        if match is not None and self.where != "heading":
            yield Hit(doc.span(match.start(), match.end()), {"element": label, "found": match.group(0)})


def _first_uncited(pattern, text: str, start: int, end: int):
    """The first match that is not inside a cited title: 「严格执行《党政主要负责人履行推进
    法治建设第一责任人职责规定》」 names the rule, it does not report what the leaders did."""
    for match in pattern.finditer(text, start, end):
        opened = text.rfind("《", start, match.start())
        if opened < 0 or text.rfind("》", opened, match.start()) >= 0:
            return match
    return None


@register("order",
          elements_param("sequence", "The elements in their expected order.", minItems=2, uniqueItems=True),
          elements_param("may_lead", "Elements that may come first instead.", required=False),
          elements_param("free", "Elements whose place is free (not checked).", required=False),
          provides=("found", "expected"))
class OrderCheck:
    """Elements should follow `sequence`; keys in `may_lead` may come first instead, keys
    in `free` may stand anywhere (R: M, R, S, P is as common as M, S, R, P). A top-level
    section counts as the element its heading names best, a topical one as M."""

    def __init__(self, params: Mapping[str, Any]):
        self.free = set(params.get("free", ()))
        self.sequence = [key for key in params["sequence"] if key not in self.free]
        self.may_lead = set(params.get("may_lead", ()))

    def run(self, ctx: Context) -> Iterator[Hit]:
        first: dict[str, Any] = {}
        for section in ctx.doc.top_sections:
            key = section.parts[0] if section.parts else "M"
            if key not in self.free:
                first.setdefault(key, section)
        found = [key for key in first if key in self.sequence]
        expected = sorted(found, key=self.sequence.index)
        if found == expected or (found and found[0] in self.may_lead
                                 and found[1:] == sorted(found[1:], key=self.sequence.index)):
            return
        wrong = next(key for key, want in zip(found, expected, strict=True) if key != want)
        heading = first[wrong].heading.line
        yield Hit(ctx.doc.span(heading.start, heading.end),
                  {"found": " → ".join(map(ctx.short, found)),
                   "expected": " → ".join(map(ctx.short, expected))})
