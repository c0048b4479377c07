"""The roster (名单) as data: the units that must report, and how a batch accounts for them.

`roster.py` reads a roster and matches submissions to its units; renderers read only these
plain values."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Unit:
    """One unit that must report: its full name, the short names it also goes by (简称),
    its level (省级/地级/县级/乡级 or the office's own words) and its parent unit."""

    name: str
    short: tuple[str, ...] = ()
    level: str = ""
    parent: str = ""


@dataclass(frozen=True)
class Accounting:
    """The roster against one batch: who submitted what, who did not, what matches nobody,
    and who was late. `matches` maps a submission's path to its unit's name; `late` maps a
    late submission's path to the reason in Chinese (which date, which deadline)."""

    units: tuple[Unit, ...]
    matches: Mapping[str, str] = field(default_factory=dict)
    unmatched: tuple[str, ...] = ()
    late: Mapping[str, str] = field(default_factory=dict)
    deadline: str = ""            # ISO date the batch was judged against

    @property
    def missing(self) -> tuple[Unit, ...]:
        """未报送: units no submission matched."""
        submitted = set(self.matches.values())
        return tuple(unit for unit in self.units if unit.name not in submitted)

    @property
    def duplicates(self) -> dict[str, tuple[str, ...]]:
        """Units with two or more submissions: unit name → their paths."""
        by_unit: dict[str, list[str]] = {}
        for path, name in self.matches.items():
            by_unit.setdefault(name, []).append(path)
        return {name: tuple(paths) for name, paths in by_unit.items() if len(paths) > 1}
