"""Kind `present`: a part of the document must be there (Vale's existence rule, scoped to
the title, the addressee, the signature or the date)."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from typing import Any

from lawlint.checks import Context, Hit, choice_param, register
from lawlint.document import Document, Span


def _after_title(doc: Document) -> Span:
    """The addressee belongs under the title."""
    return doc.line_span(doc.title[-1]) if doc.title else doc.anchor()


def _end_anchor(doc: Document) -> Span:
    """Where a missing closing part belongs: next to the part that is there (the date or the
    signature), else at the body's last character."""
    present = doc.closing.date_line or doc.closing.signature
    if present is not None:
        return doc.line_span(present)
    line = next((line for line in reversed(doc.lines) if line.text and line.start < doc.body_end), None)
    return doc.span(line.end - 1, line.end) if line else doc.anchor()


# scope: (is it there?, where the finding goes when it is not)
_SCOPES: dict[str, tuple[Callable[[Document], bool], Callable[[Document], Span]]] = {
    "title": (lambda doc: bool(doc.title), lambda doc: doc.anchor()),
    "addressee": (lambda doc: doc.addressee is not None, _after_title),
    "signature": (lambda doc: doc.closing.signature is not None, _end_anchor),
    "date": (lambda doc: doc.closing.date_line is not None and doc.closing.date is not None,
             _end_anchor),
}


@register("present", choice_param("scope", tuple(_SCOPES), "The part of the document that must be there."),
          absence=True)
class PresentCheck:
    """The `scope` must be there: the title; the addressee (主送机关, reported under the
    title); the signature (an organ name above the date or at the end) or the 成文日期 (both
    reported next to the closing part that is there, else at the body's last character).
    No placeholders."""

    def __init__(self, params: Mapping[str, Any]):
        self.present, self.anchor = _SCOPES[params["scope"]]

    def run(self, ctx: Context) -> Iterator[Hit]:
        if not self.present(ctx.doc):
            yield Hit(self.anchor(ctx.doc))
