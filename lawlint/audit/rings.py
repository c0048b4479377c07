"""Copy rings: groups of submissions written from one template (organ names, numbers and
dates swapped), found by MinHash and locality-sensitive hashing over clause shingles."""

from __future__ import annotations

import datetime
from collections import Counter
from dataclasses import dataclass

from lawlint.audit.similarity import bands, overlap
from lawlint.document import dates


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


def find(items, threshold: float = 0.6, clause_text=None) -> tuple[Ring, ...]:
    """The rings of a batch, largest first.

    Reports meet in LSH buckets (32 bands of their sketches); in each bucket every report is
    checked against the bucket's first one, and joined to its ring when they share at least
    `threshold` of the smaller one's clauses (`similarity.overlap`). So the cost grows with
    the batch, not with its square, and a template copied by 2,000 units is one ring like
    any other: nothing is dropped for being frequent (the national wording was cut out
    before, from the packs' `boilerplate:`, not from what this batch happens to share).
    `clause_text(path)` gives a member's clauses as written ({shingle: text}); without it a
    ring has no quoted clauses."""
    usable = [item for item in items if not item.result.error and len(item.sketch)]
    rings = _Rings(len(usable))
    for bucket in _buckets(usable):
        first = bucket[0]
        for other in bucket[1:]:
            if rings.root(first) != rings.root(other) and \
                    overlap(usable[first].fingerprints, usable[other].fingerprints)[1] >= threshold:
                rings.join(first, other)
    groups = [[usable[i] for i in members] for members in rings.groups() if len(members) > 1]
    found = [_describe(group, clause_text) for group in groups]
    return tuple(sorted(found, key=lambda ring: (-ring.size, ring.members[0])))


def _buckets(usable) -> list[list[int]]:
    index: dict[tuple[int, bytes], list[int]] = {}
    for number, item in enumerate(usable):
        for key in bands(item.sketch):
            index.setdefault(key, []).append(number)
    return [bucket for bucket in index.values() if len(bucket) > 1]


class _Rings:
    """Union-find over report numbers (path halving, union by size)."""

    def __init__(self, count: int):
        self.parent = list(range(count))
        self.size = [1] * count

    def root(self, node: int) -> int:
        parent = self.parent
        while parent[node] != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    def join(self, a: int, b: int) -> None:
        a, b = self.root(a), self.root(b)
        if self.size[a] < self.size[b]:
            a, b = b, a
        self.parent[b] = a
        self.size[a] += self.size[b]

    def groups(self) -> list[list[int]]:
        by_root: dict[int, list[int]] = {}
        for node in range(len(self.parent)):
            by_root.setdefault(self.root(node), []).append(node)
        return list(by_root.values())


def _describe(group, clause_text) -> Ring:
    """A ring's members by date, how much of each most of them share, and what they share."""
    dated = sorted(group, key=lambda item: (dates.calendar_day(item.result.date) or _NEVER, item.result.path))
    counts = Counter(shingle for item in group for shingle in item.fingerprints)
    most = len(group) / 2
    common = {shingle for shingle, count in counts.items() if count > most}
    share = sum(sum(s in common for s in item.fingerprints) / len(item.fingerprints)
                for item in group) / len(group)
    first = dated[0].result
    day = dates.calendar_day(first.date)
    known = day is not None and (len(dated) == 1 or day != dates.calendar_day(dated[1].result.date))
    quoted: tuple[str, ...] = ()
    if clause_text is not None:
        texts = clause_text(first.path)
        ranked = sorted((s for s in common if s in texts), key=lambda s: (-counts[s], -len(texts[s])))
        quoted = tuple(texts[s].strip() for s in ranked[:3])
    return Ring(tuple(item.result.path for item in dated), round(share, 3), quoted,
                first.path if known else None, first.organ if known else None,
                first.date if known else None)


_NEVER = datetime.date.max

