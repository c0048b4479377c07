"""Findings about one file that need the whole batch: a report whose year or organ suggests a
stale file (an old year among this year's submissions; one organ twice). Copies between
reports are rings (rings.py), not notes about each pair."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass

from lawlint.audit.item import Item


@dataclass(frozen=True, slots=True)
class Note:
    """A batch-level observation about one file."""

    path: str
    kind: str      # stale-year | same-organ | previous
    message: str


def notes(items: list[Item]) -> list[Note]:
    found = _stale_years(items) + _same_organ(items)
    return sorted(found, key=lambda n: (n.path, n.kind))


def _some(paths: list[str], count: int, shown: int = 3) -> str:
    """A few names and a count: a note about one file must stay small in a batch of 10,000."""
    more = f" 等 {count} 份" if count > shown else ""
    return "、".join(paths[:shown]) + more


def _stale_years(items: list[Item]) -> list[Note]:
    years = Counter(i.result.report_year for i in items if i.result.report_year)
    if sum(years.values()) < 3:
        return []
    usual, count = years.most_common(1)[0]
    if count * 2 <= sum(years.values()):
        return []  # no clear majority year: nothing stands out
    return [Note(i.result.path, "stale-year", f"报告年度 {i.result.report_year} 与本批次多数（{usual}）不同，"
                                              "疑为旧稿或错报")
            for i in items if i.result.report_year and i.result.report_year != usual]


def _same_organ(items: list[Item]) -> list[Note]:
    by_organ: dict[str, list[Item]] = defaultdict(list)
    for item in items:
        if item.result.organ:
            by_organ[item.result.organ].append(item)
    result = []
    for organ, group in by_organ.items():
        if len(group) < 2:
            continue
        newest = max(i.result.report_year or 0 for i in group)
        paths = [i.result.path for i in group]
        for index, item in enumerate(group):
            others = _some(_first_others(paths, index), len(group) - 1)
            year = item.result.report_year or 0
            why = "疑为旧稿" if year < newest else "重复报送"
            result.append(Note(item.result.path, "same-organ",
                               f"{organ} 另有报告 {others}（本件 {year or '年度不明'}），{why}"))
    return result


def _first_others(paths: list[str], index: int, shown: int = 3) -> list[str]:
    """The first `shown` paths but the one at `index`: a note names a few of the others, so
    it never lists them all (that made a group of n files cost n², issue 13)."""
    return [path for at, path in enumerate(paths[:shown + 1]) if at != index][:shown]
