"""Kinds about the closing block: `signature` (署名) and `date` (成文日期)."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from lawlint.document import dates
from lawlint.checks import Context, Hit, register
from lawlint.checks.headings import BASIS
from lawlint.document import Document, Edit, Span


def _end_anchor(doc: Document) -> Span:
    """Where a missing closing part belongs: next to the part that is there (the date or the
    signature), else at the body's last character."""
    present = doc.closing.date_line or doc.closing.signature
    if present is not None:
        return doc.line_span(present)
    line = next((line for line in reversed(doc.lines) if line.text and line.start < doc.body_end), None)
    return doc.span(line.end - 1, line.end) if line else doc.anchor()


@register("signature")
class SignatureCheck:
    """defect `missing`: no organ name above the date / at the end. defect `mismatch`: the
    signing organ is not the organ of the title (or letterhead), read with the pack's organ
    grammar: short forms, 党组 for its department and joint 党委 + 政府 signatures match."""

    PROVIDES = ('found', 'expected')

    def __init__(self, params: Mapping[str, Any]):
        self.defect = params["defect"]

    def run(self, ctx: Context) -> Iterator[Hit]:
        doc = ctx.doc
        closing = doc.closing
        if closing.signature is None:
            if self.defect == "missing":
                yield Hit(_end_anchor(doc))
            return
        named = doc.organ if doc.organ_source in ("title", "letterhead") else None
        if self.defect == "mismatch" and named and not ctx.organs.same(closing.signed_by, named):
            yield Hit(doc.span(closing.signatures[0].start, closing.signatures[-1].end),
                      {"found": closing.signed_by, "expected": named})


@register("date")
class DateCheck:
    """The 成文日期: defect `missing`, `format` (GB/T 9704), `invalid` (no such day),
    `year` (not the year after the report year), `late` (after the `parameter` deadline)."""

    PROVIDES = ('found', 'year', 'expected', 'deadline', 'basis')

    def __init__(self, params: Mapping[str, Any]):
        self.defect = params["defect"]
        self.parameter = params.get("parameter")

    def run(self, ctx: Context) -> Iterator[Hit]:
        doc = ctx.doc
        line, written = doc.closing.date_line, doc.closing.date
        if line is None or written is None:
            if self.defect == "missing":
                yield Hit(_end_anchor(doc))
            return
        span = doc.span(line.start, line.end)
        args = {"found": doc.source.text[span.start:span.end].strip(), "year": doc.year,
                "basis": BASIS.get(doc.year_basis, "")}
        day = written.as_date()
        if self.defect == "format" and not written.standard:
            yield Hit(span, args | {"expected": _standard(written)}, fix=_date_fix(doc, line, written))
        elif self.defect == "invalid" and day is None:
            yield Hit(span, args)
        elif day is not None:
            yield from self._timing(span, args, day, doc.year, ctx)

    def _timing(self, span, args, day, report_year, ctx) -> Iterator[Hit]:
        """LL405/LL406: due in the year after the report year, by the deadline of that year."""
        due_year = report_year + 1 if report_year else day.year
        if self.defect == "year" and report_year and day.year != due_year:
            yield Hit(span, args | {"expected": due_year})
        elif self.defect == "late" and day.year == due_year:
            limit = dates.deadline(due_year, str(ctx.params[self.parameter]))
            if day > limit:
                yield Hit(span, args | {"deadline": f"{limit.year}年{limit.month}月{limit.day}日"})


def _date_fix(doc: Document, line, written: dates.WrittenDate) -> tuple[Edit, ...]:
    """二〇二二年一月十日, 2022年01月10日 and 2022.1.10 become 2022年1月10日 when the day
    exists and the year was written in full (「22年」 leaves the century to the author)."""
    if written.as_date() is None or written.year_digits < 4:
        return ()
    at = line.text.find(written.text)
    if at < 0:
        return ()
    return (Edit(doc.span(line.start + at, line.start + at + len(written.text)),
                 _standard(written)),)


def _standard(written: dates.WrittenDate) -> str:
    if None in (written.year, written.month, written.day):
        return "2024年1月29日 的形式"
    return f"{written.year}年{written.month}月{written.day}日"
