"""Kinds about the required elements: `section` (present), `statement` (R), `order`."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from lawlint.checks import Context, Hit, compile_pattern, register


@register("section")
class SectionCheck:
    """An element must be named by a heading somewhere in the tree (level 1 or 2), or, for
    an element with `topical_min`, that many topical sections such as 「二、依法履行…职能」
    stand in for it."""

    PROVIDES = ('element', 'next_year')

    def __init__(self, params: Mapping[str, Any]):
        self.element = params["element"]

    def run(self, ctx: Context) -> Iterator[Hit]:
        if ctx.present(self.element):
            return
        year = ctx.doc.year
        yield Hit(ctx.doc.anchor(), {"element": ctx.label(self.element),
                                     "next_year": year + 1 if year else "下一"})


@register("statement")
class StatementCheck:
    """A statement (the R responsibility statement) must appear, as a part of its own.

    defect `missing`: no heading names the element and `pattern` (what the leaders did:
    主要负责同志…主持召开, 带头述法, 第一责任人…) matches nowhere in the body outside a
    cited title (《…第一责任人职责规定》 is the rule, not the statement);
    defect `not-section`: no level-1 heading names it; it is a level-2 item (reported at that
    heading) or only a sentence inside another part.
    """

    PROVIDES = ('element', 'found')

    def __init__(self, params: Mapping[str, Any]):
        self.element = params["element"]
        self.pattern = compile_pattern(params["pattern"])
        self.defect = params["defect"]

    def run(self, ctx: Context) -> Iterator[Hit]:
        doc = ctx.doc
        own = ctx.sections_of(self.element)
        if any(section.parent is None for section in own):
            return
        if own:
            if self.defect == "not-section":
                line = own[0].heading.line
                yield Hit(doc.span(line.start, line.end),
                          {"element": ctx.label(self.element), "found": line.text})
            return
        match = _first_uncited(self.pattern, doc.folded.text, doc.body_start, doc.body_end)
        if self.defect == "missing" and match is None:
            yield Hit(doc.anchor(), {"element": ctx.label(self.element)})
        elif self.defect == "not-section" and match is not None:
            yield Hit(doc.span(match.start(), match.end()),
                      {"element": ctx.label(self.element), "found": match.group(0)})


def _first_uncited(pattern, text: str, start: int, end: int):
    """The first match that is not inside a cited title: 「严格执行《党政主要负责人履行推进
    法治建设第一责任人职责规定》」 names the rule, it does not report what the leaders did."""
    for match in pattern.finditer(text, start, end):
        opened = text.rfind("《", start, match.start())
        if opened < 0 or text.rfind("》", opened, match.start()) >= 0:
            return match
    return None


@register("order")
class OrderCheck:
    """Elements should follow `sequence`; keys in `may_lead` may come first instead, keys
    in `free` may stand anywhere (R: M, R, S, P is as common as M, S, R, P). A top-level
    section counts as the element its heading names best, a topical one as M."""

    PROVIDES = ('found', 'expected')

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
