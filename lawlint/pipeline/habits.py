"""Diagnostics in, diagnostics out: each habit folded into one finding.

A habit is one fixable rule firing on more than `threshold` distinct lines of a file (ASCII
commas throughout, every ordinal in half-width brackets): a reviewer wants it said once, not
thirty times. A kind may tell several habits of one rule apart (`habit`: a word list's 截止至
is one habit, its 建康中国 another finding). Its unsuppressed, fixable findings become one finding at the first place, whose
message gives the count and the lines, which carries every place (`related`) and the union
of their fixes. Each place keeps its own fix, so --fix edits exactly as it would unfolded
(fixer.units). Suppressed findings are the author's decision and stay as they are; findings
without a fix are not a habit a fix can remove, and stay one by one.
"""

from __future__ import annotations

from dataclasses import replace

from lawlint.pipeline.result import Diagnostic, Place

_LINES_SHOWN = 8   # lines named in the message; the rest are in `related`


def fold(diagnostics: tuple[Diagnostic, ...], threshold: int) -> tuple[Diagnostic, ...]:
    """The findings with every habit folded, in the same order (a habit stands where its
    first place stood); `threshold` 0 folds nothing."""
    if threshold <= 0:
        return diagnostics
    groups: dict[tuple[str, str], list[Diagnostic]] = {}
    for d in diagnostics:
        if _foldable(d):
            groups.setdefault((d.rule_id, d.habit), []).append(d)
    firsts = {id(found[0]): found for found in groups.values()
              if len({d.line for d in found}) > threshold}
    if not firsts:
        return diagnostics
    folded = {id(d) for found in firsts.values() for d in found}
    return tuple(habit(firsts[id(d)]) if id(d) in firsts else d
                 for d in diagnostics if id(d) in firsts or id(d) not in folded)


def _foldable(d: Diagnostic) -> bool:
    return bool(d.fix) and not d.suppressed and not d.related


def habit(found: list[Diagnostic]) -> Diagnostic:
    """One finding for a rule's places: the first one's, its message ending in the count."""
    first = found[0]
    places = tuple(Place(d.line, d.column, d.end_line, d.end_column, d.excerpt, d.message,
                         d.offset, d.fix) for d in found)
    return replace(first, message=first.message + tail(places),
                   fix=tuple(r for d in found for r in d.fix), related=places)


def tail(places: tuple[Place, ...]) -> str:
    """「（全文 17 行有同类问题：第 13、14、16… 行等）」: how many lines (a place may hold
    several marks, so lines are what the count can say truly), and where to look."""
    lines = sorted({p.line for p in places})
    shown = "、".join(map(str, lines[:_LINES_SHOWN]))
    more = "等" if len(lines) > _LINES_SHOWN else ""
    return f"（全文 {len(lines)} 行有同类问题：第 {shown} 行{more}）"
