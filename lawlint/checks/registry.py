"""Kind `registry`: citations of laws, regulations and plans that the pack's registry (`laws`)
says were repealed, replaced or ran out before the report year, with the successor named."""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterator, Mapping
from typing import Any

import regex

from lawlint.checks import Context, Hit, compile_pattern, regex_param, register
from lawlint.checks.citations import body_citations, quoted
from lawlint.checks.lawbook import Law, cite

_SENTENCE = re.compile(r"[^。;!?\n]*")   # re: regex's match(text, pos) costs the whole text's length
_REACH = 1000   # a sentence is looked for this far around a citation, never across the whole text
_YEAR = regex.compile(r"((?:19|20)\d\d)年")


@register("registry",
          regex_param("historical", "Words that mark a sentence as history (收官, 期间, 原…)."),
          provides=("found", "successor", "date", "year", "status"))
class RegistryCheck:
    """A citation (《title》 in any of its forms, or an entry's `mentions` such as 「七五普法」)
    of a registry entry that ended before the report year began is a finding, unless its
    sentence (the citation itself left out: 「纲要（2015—2020年）」 names its own years) is
    historical: it matches `historical`, or names a year before the entry ended."""

    def __init__(self, params: Mapping[str, Any]):
        self.historical = compile_pattern(params["historical"])

    def run(self, ctx: Context) -> Iterator[Hit]:
        doc = ctx.doc
        if doc.year is None or not ctx.laws:
            return
        start_of_year = datetime.date(doc.year, 1, 1)
        text = doc.folded.text
        seen: list[tuple[int, int]] = []
        for cited in body_citations(ctx):
            law = ctx.laws.lookup(cited.title)
            if law and law.ends and law.ends <= start_of_year:
                seen.append((cited.start, cited.end))
                if not self._historical(text, cited.outer_start, cited.outer_end, law.ends):
                    yield _hit(ctx, cited.start - 1, cited.end + 1, law)
        for law in ctx.laws.laws:
            if not (law.mentions and law.ends and law.ends <= start_of_year):
                continue
            for match in law.mentions.finditer(text, doc.body_start, doc.body_end):
                if any(a <= match.start() < b for a, b in seen):
                    continue
                if not self._historical(text, match.start(), match.end(), law.ends):
                    yield _hit(ctx, match.start(), match.end(), law)

    def _historical(self, text: str, start: int, end: int, until: datetime.date) -> bool:
        low, high = _sentence(text, start)
        context = text[low:start] + text[end:max(end, high)]
        years = [int(y) for y in _YEAR.findall(context)]
        return self.historical.search(context) is not None or any(y < until.year for y in years)


def _hit(ctx: Context, start: int, end: int, law: Law) -> Hit:
    """A finding quoting the citation as written ([start, end) takes in its marks)."""
    span = ctx.doc.span(start, end)
    return Hit(span, {"found": quoted(ctx, span), "successor": law.successor, "year": ctx.doc.year,
                "date": _day(law.ends), "status": status(law)})


def _day(day: datetime.date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def status(law: Law) -> str:
    """How the entry ended: a plan ran out with its last day; a law was replaced or repealed
    on a day; a document without end date was taken over by its successor."""
    successor = cite(law.successor) if law.successor else ""
    issued = f"（{law.issued}印发）" if law.issued else ""
    if law.how == "expired":
        end = _day(law.ends - datetime.timedelta(days=1))
        return f"已于{end}到期，后续为{successor}{issued}" if successor else f"已于{end}到期"
    if law.how == "superseded":
        return f"已由{successor}{issued}接替"
    return f"已于{_day(law.ends)}被{successor}取代" if successor else f"已于{_day(law.ends)}废止"


def _sentence(text: str, offset: int) -> tuple[int, int]:
    """The sentence around `offset`, within _REACH characters each way: a file of one long
    line with many citations must not cost the line's length per citation."""
    low = max(0, offset - _REACH)
    found = max(text.rfind(mark, low, offset) for mark in "。;!?\n")
    start = found + 1 if found >= 0 else low
    match = _SENTENCE.match(text, start, offset + _REACH)
    return start, match.end() if match else start
