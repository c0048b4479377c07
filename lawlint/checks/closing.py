"""Kinds about the closing block: `signature` (署名 names the title's organ) and the
成文日期's `date-form`, `date-real`, `date-year` and `date-deadline`. Whether they are there at
all is kind `present`."""

from __future__ import annotations

import datetime
from collections.abc import Iterator, Mapping
from typing import Any

from lawlint.checks import (Context, Hit, Param, compile_pattern, pack_parameter, regex_param,
                            register)
from lawlint.checks.headings import BASIS
from lawlint.document import Document, Edit, dates

_DATE_ARGS = ("found", "year", "basis")


@register("signature", provides=("found", "expected"))
class SignatureCheck:
    """The signing organ is not the organ of the title (or letterhead), read with the pack's
    organ grammar: short forms, 党组 for its department and joint 党委 + 政府 signatures
    match. No parameters."""

    def __init__(self, params: Mapping[str, Any]):
        pass

    def run(self, ctx: Context) -> Iterator[Hit]:
        doc = ctx.doc
        closing = doc.closing
        named = doc.organ if doc.organ_source in ("title", "letterhead") else None
        if closing.signature is not None and named and not ctx.organs.same(closing.signed_by, named):
            yield Hit(doc.span(closing.signatures[0].start, closing.signatures[-1].end),
                      {"found": closing.signed_by, "expected": named})


class _DateCheck:
    """The parts every 成文日期 kind shares: the date line, its span and the common args."""

    def __init__(self, params: Mapping[str, Any]):
        self.parameter = params.get("parameter")

    def run(self, ctx: Context) -> Iterator[Hit]:
        doc = ctx.doc
        line, written = doc.closing.date_line, doc.closing.date
        if line is None or written is None:
            return
        span = doc.span(line.start, line.end)
        args = {"found": doc.written(span).strip(), "year": doc.year,
                "basis": BASIS.get(doc.year_basis, "")}
        yield from self.judge(ctx, line, written, span, args)

    def judge(self, ctx, line, written, span, args) -> Iterator[Hit]:
        raise NotImplementedError


@register("date-form", provides=(*_DATE_ARGS, "expected"))
class DateFormCheck(_DateCheck):
    """The 成文日期 is not in GB/T 9704 form (Arabic numerals, full year, no leading zeros).
    Fixable when the day exists and the year is written in full (二〇二二年一月十日,
    2022年01月10日, 2022.1.10 → 2022年1月10日). No parameters."""

    def judge(self, ctx, line, written, span, args) -> Iterator[Hit]:
        if not written.standard:
            yield Hit(span, args | {"expected": _standard(written)}, fix=_date_fix(ctx.doc, line, written))


@register("date-real", provides=_DATE_ARGS)
class DateRealCheck(_DateCheck):
    """The 成文日期 names no such day (2023年2月30日). No parameters."""

    def judge(self, ctx, line, written, span, args) -> Iterator[Hit]:
        if written.as_date() is None:
            yield Hit(span, args)


@register("date-year", provides=(*_DATE_ARGS, "expected"))
class DateYearCheck(_DateCheck):
    """The 成文日期 is not in the year after the report year (the report is due then).
    No parameters."""

    def judge(self, ctx, line, written, span, args) -> Iterator[Hit]:
        day, report_year = written.as_date(), ctx.doc.year
        if day is not None and report_year and day.year != report_year + 1:
            yield Hit(span, args | {"expected": report_year + 1})


@register("date-deadline", pack_parameter("Pack parameter: the deadline as MM-DD, e.g. `deadline`."),
          provides=(*_DATE_ARGS, "deadline"))
class DateDeadlineCheck(_DateCheck):
    """The 成文日期 falls after the deadline (the pack parameter named by `parameter`) of the
    year the report is due (the year after the report year; the date's own year when the
    report year is unknown)."""

    def judge(self, ctx, line, written, span, args) -> Iterator[Hit]:
        day, report_year = written.as_date(), ctx.doc.year
        if day is None:
            return
        due_year = report_year + 1 if report_year else day.year
        if day.year == due_year:
            limit = dates.deadline(due_year, str(ctx.params[self.parameter]))
            if day > limit:
                yield Hit(span, args | {"deadline": f"{limit.year}年{limit.month}月{limit.day}日"})


def _date_fix(doc: Document, line, written: dates.WrittenDate) -> tuple[Edit, ...]:
    """二〇二二年一月十日, 2022年01月10日 and 2022.1.10 become 2022年1月10日 when the day
    exists and the year was written in full (「22年」 leaves the century to the author)."""
    if written.as_date() is None or written.year_digits < 4:
        return ()
    at = line.start + written.offset   # the closing block parsed the date from this line
    return (Edit(doc.span(at, at + len(written.text)), _standard(written)),)


def _standard(written: dates.WrittenDate) -> str:
    if None in (written.year, written.month, written.day):
        return "2024年1月29日 的形式"
    return f"{written.year}年{written.month}月{written.day}日"


@register("publication-deadline", regex_param("stamp", "The page's publication date, with named "
                                               "groups `y`, `m`, `d` (发布时间：2024-03-28)."),
          pack_parameter("Pack parameter: the publication deadline as MM-DD."),
          Param("since", {"type": "integer", "minimum": 2000},
                "The first report year the deadline applies to."),
          provides=("found", "deadline", "year"), published=True)
class PublicationDeadlineCheck:
    """The published copy (--published, or a web page) carries its publication date (the
    发布时间 line above the title) and it is after the deadline of the year after the report
    year. Only the page furniture before the report is read: a date in the body is the
    report's own, and a copy not said to be the published one may be a re-post."""

    def __init__(self, params: Mapping[str, Any]):
        self.stamp = compile_pattern(params["stamp"])
        self.parameter = params["parameter"]
        self.since = int(params["since"])

    def run(self, ctx: Context) -> Iterator[Hit]:
        doc = ctx.doc
        if not ctx.published or doc.year is None or doc.year < self.since:
            return
        match = self.stamp.search(doc.folded.text, 0, doc.body_start)
        if match is None:
            return
        try:
            day = datetime.date(int(match.group("y")), int(match.group("m")), int(match.group("d")))
        except ValueError:
            return   # not a calendar date: nothing to compare
        limit = dates.deadline(doc.year + 1, str(ctx.params[self.parameter]))
        if day > limit:
            yield Hit(doc.span(match.start(), match.end()),
                      {"found": match.group(0).strip(), "year": doc.year,
                       "deadline": f"{limit.year}年{limit.month}月{limit.day}日"})
