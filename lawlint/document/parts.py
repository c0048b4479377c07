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

from dataclasses import dataclass, field

import regex

from lawlint.document.prefilter import needed_chars
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
    needs: frozenset[str] | None = field(default=None, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "needs", needed_chars(self.pattern))


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
    veto_needs: frozenset[str] | None = field(default=None, init=False, repr=False, compare=False)
    cue_needs: frozenset[str] | None = field(default=None, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "veto_needs", needed_chars(self.veto) if self.veto else None)
        if self.cues and all(cue.needs is not None for cue in self.cues):   # one test for all
            object.__setattr__(self, "cue_needs", frozenset().union(*(c.needs for c in self.cues)))

    def vetoed(self, title: str, chars: set[str]) -> bool:
        """Whether the veto occurs in the title (`chars`: the title's characters)."""
        if self.veto is None:
            return False
        needs = self.veto_needs
        return (needs is None or not needs.isdisjoint(chars)) and self.veto.search(title) is not None


def name(elements: tuple[Element, ...], title: str, report_year: int | None) -> frozenset[str]:
    """The keys of the elements a heading title names."""
    return frozenset(key for key, score in scores(elements, title, report_year).items()
                     if score >= THRESHOLD)


def scores(elements: tuple[Element, ...], title: str, report_year: int | None) -> dict[str, int]:
    """Each element's score for a heading title; fallback cues only when nothing else names."""
    found = _cue_scores(elements, title)
    years = {int(y) for y in _YEAR.findall(title)}
    if not years or report_year is None:
        return found
    fits = {e.key for e in elements if found[e.key] and report_year + e.year in years}
    return {key: score + (YEAR_WEIGHT if key in fits else -YEAR_WEIGHT if score and fits else 0)
            for key, score in found.items()}


def _cue_scores(elements: tuple[Element, ...], title: str) -> dict[str, int]:
    """Each element's cue score (0 when vetoed), fallback cues counted only when no element
    reaches the threshold without them. Each cue and veto is searched at most once, a veto
    only for an element that scored."""
    chars = set(title)
    totals = [_sum(e, title, chars, False) for e in elements]
    vetoed = [bool(total) and e.vetoed(title, chars) for e, total in zip(elements, totals)]
    if not any(total >= THRESHOLD and not veto for total, veto in zip(totals, vetoed)):
        for index, e in enumerate(elements):
            extra = _sum(e, title, chars, True)
            if extra and not totals[index]:
                vetoed[index] = e.vetoed(title, chars)
            totals[index] += extra
    return {e.key: 0 if veto else total for e, total, veto in zip(elements, totals, vetoed)}


def _sum(element: Element, title: str, chars: set[str], fallback: bool) -> int:
    """The weight of the cues (the fallback ones, or the others) that occur in the title."""
    if element.cue_needs is not None and element.cue_needs.isdisjoint(chars):
        return 0   # the title holds none of the characters any of them needs
    total = 0
    for cue in element.cues:   # a loop, not sum() of a generator: this runs ~200 times a report
        if bool(cue.fallback) == fallback and (cue.needs is None or not cue.needs.isdisjoint(chars)) \
                and cue.pattern.search(title) is not None:
            total += cue.weight
    return total
