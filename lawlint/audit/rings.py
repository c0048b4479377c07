"""Copy rings: groups of submissions written from one template (organ names, numbers and
dates swapped), found by MinHash and locality-sensitive hashing over clause shingles."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Ring:
    """One template and the submissions copied from it.

    `members` are paths, the earliest 成文日期 first (then by path); `share` is the mean part
    of a member's clauses that most members of the ring also have; `clauses` are up to three
    of those shared clauses as one member wrote them; `first` is the member dated earliest,
    when the dates are known (the organ that likely wrote the template)."""

    members: tuple[str, ...]
    share: float
    clauses: tuple[str, ...] = ()
    first: str | None = None
    first_organ: str | None = None
    first_date: str | None = None

    @property
    def size(self) -> int:
        return len(self.members)
