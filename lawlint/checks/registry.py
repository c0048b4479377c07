"""Kind `registry`: citations of laws, regulations and plans that a dated registry says were
repealed, replaced or expired before the report year, with the successor named."""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterator, Mapping
from typing import Any

import regex

from lawlint.checks import Context, Hit, Param, compile_pattern, regex_param, register

_SENTENCE = re.compile(r"[^。;!?\n]*")   # re: regex's match(text, pos) costs the whole text's length
_REACH = 1000   # a sentence is looked for this far around a citation, never across the whole text
_YEAR = regex.compile(r"((?:19|20)\d\d)年")


_ENTRIES = Param("entries", {"type": "array", "minItems": 1, "items": {
    "type": "object", "additionalProperties": False,
    "required": ["name", "pattern", "until", "successor", "source"],
    "properties": {
        "name": {"type": "string"},
        "pattern": {"type": "string", "minLength": 1},
        "until": {"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}$",
                  "description": "Repealed, replaced or expired on this date."},
        "successor": {"type": "string"},
        "expired": {"type": "boolean",
                    "description": "It ran out (a plan whose period ended the day before `until`) "
                                   "rather than being replaced on `until`."},
        "source": {"type": "string", "minLength": 1, "description": "Where the date was verified."}}}},
    "The registry: one `{name, pattern, until, successor, source}` per law, regulation or plan "
    "(`expired: true` for a plan that ran out).",
    regex=True)


@register("registry", _ENTRIES,
          regex_param("historical", "Words that mark a sentence as history (收官, 期间, 原…)."),
          provides=("found", "successor", "date", "year", "status"))
class RegistryCheck:
    """Each entry: `pattern`, `until` (YYYY-MM-DD: repealed, replaced or expired), `successor`,
    `source`. A match is a finding when the report year begins on or after `until`, unless its
    sentence (the citation itself left out: 「纲要（2015—2020年）」 names its own years) is
    historical: it matches `historical`, or names a year before `until`."""

    def __init__(self, params: Mapping[str, Any]):
        self.entries = [(compile_pattern(e["pattern"]), datetime.date.fromisoformat(e["until"]),
                         e["successor"], bool(e.get("expired"))) for e in params["entries"]]
        self.historical = compile_pattern(params["historical"])

    def run(self, ctx: Context) -> Iterator[Hit]:
        doc = ctx.doc
        if doc.year is None:
            return
        text = doc.folded.text
        for pattern, until, successor, expired in self.entries:
            if datetime.date(doc.year, 1, 1) < until:
                continue
            for match in pattern.finditer(text, doc.body_start, doc.body_end):
                context = _sentence(text, match.start()).replace(match.group(0), "")
                if not self._historical(context, until):
                    yield Hit(doc.span(match.start(), match.end()),
                              {"found": match.group(0), "successor": successor, "year": doc.year,
                               "date": _day(until), "status": _status(until, successor, expired)})

    def _historical(self, sentence: str, until: datetime.date) -> bool:
        years = [int(y) for y in _YEAR.findall(sentence)]
        return self.historical.search(sentence) is not None or any(y < until.year for y in years)


def _day(day: datetime.date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def _status(until: datetime.date, successor: str, expired: bool) -> str:
    """How the entry ended: a plan ran out with its last day; a law was replaced on a day."""
    if expired:
        return f"已于{_day(until - datetime.timedelta(days=1))}到期，后续为{successor}"
    return f"已于{_day(until)}被{successor}取代"


def _sentence(text: str, offset: int) -> str:
    """The sentence around `offset`, within _REACH characters each way: a file of one long
    line with many citations must not cost the line's length per citation."""
    low = max(0, offset - _REACH)
    found = max(text.rfind(mark, low, offset) for mark in "。;!?\n")
    start = found + 1 if found >= 0 else low
    match = _SENTENCE.match(text, start, offset + _REACH)
    return match.group(0) if match else ""
