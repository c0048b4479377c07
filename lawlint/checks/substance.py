"""Kinds about substance: `extent` (an element that is there only in name) and
`boilerplate` (stock phrases standing in for facts). Both are hints: a reviewer reads them as
"look here", which is why packs give them severity info."""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Iterator, Mapping
from typing import Any

import regex

from lawlint.checks import Context, Hit, compile_pattern, register
from lawlint.document import Document, Section

_CONTENT = regex.compile(r"[\p{Han}\p{L}\p{N}]")
_SENTENCE = regex.compile(r"[^。;!?\n]+")
# 「一是…二是…」「第一，…」「首先…其次…」 and inline (1) or 1. items
_ENUMERATION = regex.compile(
    r"(?:^|[。;:，,])\s*(?:[一二三四五六七八九十]是|第[一二三四五六七八九十][,、]|首先|其次|再次|此外|另外|最后)"
    r"|(?:^|[。;:])\s*(?:\(\d{1,2}\)|\d{1,2}[.、])(?!\d)",
    regex.MULTILINE)


def content_length(text: str) -> int:
    """Characters that carry content: Han, letters, digits (not spaces or punctuation)."""
    return len(_CONTENT.findall(text))


@register("extent")
class ExtentCheck:
    """The element's own sections must name at least `min_items` distinct items (child
    sections, 一是/二是 enumerations, or sentences matching `cue`) and take at least the share
    of the body given by pack parameter `parameter`. A missing element is another rule's."""

    PROVIDES = ("element", "items", "share", "min_items", "min_share")

    def __init__(self, params: Mapping[str, Any]):
        self.element = params["element"]
        self.min_items = int(params["min_items"])
        self.parameter = params["parameter"]
        self.cue = compile_pattern(params["cue"])

    def run(self, ctx: Context) -> Iterator[Hit]:
        sections = ctx.sections_of(self.element)
        if not sections:
            return
        doc = ctx.doc
        body = content_length(doc.text(doc.body_start, doc.body_end)) or 1
        share = sum(content_length(doc.text(s.start, s.end)) for s in sections) / body
        items = self._items(doc, sections)
        min_share = float(ctx.params[self.parameter])
        if items >= self.min_items and share >= min_share:
            return
        heading = sections[0].heading.line
        yield Hit(doc.line_span(heading), {
            "element": ctx.label(self.element), "items": items, "share": f"{share:.1%}",
            "min_items": self.min_items, "min_share": f"{min_share:.0%}"})

    def _items(self, doc: Document, sections: tuple[Section, ...]) -> int:
        indices = {s.index for s in sections}
        children = sum(1 for s in doc.sections if s.parent in indices)
        text = "\n".join(_body_of(doc, s) for s in sections)
        enumerated = len(_ENUMERATION.findall(text))
        cued = sum(1 for sentence in _SENTENCE.finditer(text) if self.cue.search(sentence.group()))
        return max(children, enumerated, cued)


def _body_of(doc: Document, section: Section) -> str:
    """A section's text without its heading line."""
    return doc.text(section.heading.line.end, section.end)


@register("boilerplate")
class BoilerplateCheck:
    """Stock phrases (`pattern`) per 1,000 words of the body above pack parameter
    `parameter`. Words are counted with jieba, loaded only for a report with at least
    `min_count` stock phrases: fewer can never be a finding, and most reports stop there."""

    PROVIDES = ("count", "density", "limit", "phrases")

    def __init__(self, params: Mapping[str, Any]):
        self.pattern = compile_pattern(params["pattern"])
        self.min_count = int(params["min_count"])
        self.parameter = params["parameter"]

    def run(self, ctx: Context) -> Iterator[Hit]:
        doc = ctx.doc
        found = list(self.pattern.finditer(doc.folded.text, doc.body_start, doc.body_end))
        if len(found) < self.min_count:
            return
        limit = float(ctx.params[self.parameter])
        density = len(found) * 1000 / (word_count(doc.text(doc.body_start, doc.body_end)) or 1)
        if density <= limit:
            return
        common = Counter(match.group(0) for match in found).most_common(3)
        yield Hit(doc.span(found[0].start(), found[0].end()), {
            "count": len(found), "density": f"{density:.1f}", "limit": f"{limit:g}",
            "phrases": "、".join(f"“{phrase}”×{times}" for phrase, times in common)})


def word_count(text: str) -> int:
    """Words in Chinese text as jieba segments it (punctuation and blanks are not words)."""
    return sum(1 for token in _segmenter().cut(text) if _CONTENT.search(token))


_JIEBA = None


def _segmenter():
    """jieba, imported and initialised once per process (≈0.7 s: never on a report that
    cannot be a finding)."""
    global _JIEBA
    if _JIEBA is None:
        import jieba

        jieba.setLogLevel(logging.ERROR)
        jieba.initialize()
        _JIEBA = jieba
    return _JIEBA
