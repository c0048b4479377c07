"""Kinds about the front matter: `title` (present, complete), `addressee` (present, format)."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from lawlint.checks import Context, Hit, compile_pattern, register
from lawlint.document import Edit, Span


@register("title")
class TitleCheck:
    """defect `missing`: no title. defect `incomplete`: the title lacks a `require`d part:
    an item's `pattern` must match the title, or its `part` (`organ`) must be named: by the
    title, or by the letterhead / 发文机关标志 of a report laid out as GB/T 9704 版头."""

    PROVIDES = ('missing', 'title')

    def __init__(self, params: Mapping[str, Any]):
        self.defect = params["defect"]
        self.require = [(item["label"], compile_pattern(item["pattern"]) if "pattern" in item
                         else item["part"]) for item in params.get("require", ())]

    def run(self, ctx: Context) -> Iterator[Hit]:
        doc = ctx.doc
        if not doc.title:
            if self.defect == "missing":
                yield Hit(doc.anchor())
            return
        if self.defect != "incomplete":
            return
        missing = [label for label, wanted in self.require if not _has(doc, wanted)]
        if missing:
            yield Hit(doc.span(doc.title[0].start, doc.title[-1].end),
                      {"missing": "、".join(missing), "title": doc.title_text})


@register("addressee")
class AddresseeCheck:
    """defect `missing`: no 主送机关 line. defect `format`: the line as written does not
    match `pattern` (e.g. end with a full-width colon)."""

    PROVIDES = ('found',)

    def __init__(self, params: Mapping[str, Any]):
        self.defect = params["defect"]
        self.pattern = compile_pattern(params["pattern"]) if "pattern" in params else None

    def run(self, ctx: Context) -> Iterator[Hit]:
        doc = ctx.doc
        line = doc.addressee
        if line is None:
            if self.defect == "missing":
                after = doc.title[-1] if doc.title else None
                yield Hit(doc.span(after.start, after.end) if after else doc.anchor())
            return
        if self.defect == "format" and self.pattern is not None:
            span = doc.span(line.start, line.end)
            written = doc.source.text[span.start:span.end]
            if not self.pattern.search(written):
                yield Hit(span, {"found": written}, fix=_colon_fix(written, span))


def _has(doc, wanted) -> bool:
    if wanted == "organ":
        return doc.organ_source in ("title", "letterhead")
    return wanted.search(doc.title_text) is not None


def _colon_fix(written: str, span: Span) -> tuple[Edit, ...]:
    """「区政府:」 → 「区政府：」 is certain; a line with no colon at all is left to the author."""
    stripped = written.rstrip()
    if not stripped.endswith(":"):
        return ()
    at = span.start + len(stripped) - 1
    return (Edit(Span(at, at + 1), "："),)
