"""Which parts of the report (M, S, R, P, O) a heading names: a score from the pack's cues.

Real reports word their headings freely (「一、工作完成情况」, 「一、2017年法治政府建设情况」,
「四、2022年工作思路目标举措」), so a heading is scored, not matched: each cue of an element
adds its weight, a `veto` cue silences the element, and a year in the heading adds
`YEAR_WEIGHT` when it is the element's year (the report year, or the next for P) and takes it
away from the other cued elements (「2025年工作思路和举措」 in a 2024 report is P, not M); a
year that fits no cued element changes nothing, so LL504 can report the slip. A `fallback` cue (「…情况」, 「总结」) counts only when no other element
reaches the threshold, so 「履行第一责任人职责情况」 is R, not M. A heading names every element
that reaches `THRESHOLD` (「主要举措、成效和不足」 names M and S).
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from lawlint.patterns import TimedPattern

THRESHOLD = 2
YEAR_WEIGHT = 1
_YEAR = regex.compile(r"(?<!\d)((?:19|20)\d\d)\s*年")


@dataclass(frozen=True, slots=True)
class Cue:
    pattern: TimedPattern
    weight: int
    fallback: bool = False
    source: str = ""


@dataclass(frozen=True, slots=True)
class Element:
    """A part of the report the 规定 lists, with the vocabulary its headings use."""

    key: str
    label: str
    cues: tuple[Cue, ...]
    veto: TimedPattern | None = None
    year: int = 0              # the heading's year relative to the report year (P: +1)
    topical_min: int | None = None
    short: str = ""


def name(elements: tuple[Element, ...], title: str, report_year: int | None) -> frozenset[str]:
    """The keys of the elements a heading title names."""
    return frozenset(key for key, score in scores(elements, title, report_year).items()
                     if score >= THRESHOLD)


def scores(elements: tuple[Element, ...], title: str, report_year: int | None) -> dict[str, int]:
    """Each element's score for a heading title; fallback cues only when nothing else names."""
    found = _cue_scores(elements, title, fallback=False)
    if not any(score >= THRESHOLD for score in found.values()):
        found = _cue_scores(elements, title, fallback=True)
    years = {int(y) for y in _YEAR.findall(title)}
    if not years or report_year is None:
        return found
    fits = {e.key for e in elements if found[e.key] and report_year + e.year in years}
    return {key: score + (YEAR_WEIGHT if key in fits else -YEAR_WEIGHT if score and fits else 0)
            for key, score in found.items()}


def _cue_scores(elements: tuple[Element, ...], title: str, fallback: bool) -> dict[str, int]:
    return {e.key: 0 if e.veto is not None and e.veto.search(title) else
            sum(cue.weight for cue in e.cues
                if (fallback or not cue.fallback) and cue.pattern.search(title))
            for e in elements}
