"""Copy-paste between submissions: sentence-anchored fingerprints and an inverted index.

A fingerprint is the CRC32 of the 8 characters after each clause mark (， 。 ； ：) of the
folded body: copied text keeps its clauses, while boilerplate every report shares is dropped by
ignoring fingerprints found in too many files. Pairs share fingerprints through the index, so
the cost grows with shared clauses, not with the square of the number of files.
"""

from __future__ import annotations

import zlib
from array import array
from collections import Counter, defaultdict
from dataclasses import dataclass

import regex

from lawlint.document import Document

_ANCHOR = regex.compile(r"[,。;:](?=([^\n,。;:]{8}))")
_MIN_FINGERPRINTS = 20
# A clause found in more files than this is boilerplate (or a template all offices use): it
# is not counted, which also bounds the pair counting to 50²/2 per clause.
COMMON_FILES = 50


def fingerprints(document: Document) -> array:
    """Sorted, distinct CRC32 values of the body's clause openings."""
    body = document.folded.text[document.body_start:document.body_end]
    return array("I", sorted({zlib.crc32(m.group(1).encode("utf-8")) for m in _ANCHOR.finditer(body)}))


@dataclass(frozen=True, slots=True)
class Pair:
    first: str
    second: str
    similarity: float


def similar_pairs(prints: dict[str, array], threshold: float = 0.6,
                  ceiling: int = COMMON_FILES) -> list[Pair]:
    """Pairs of files whose fingerprints overlap (Jaccard) at least `threshold`."""
    usable = {path: fp for path, fp in prints.items() if len(fp) >= _MIN_FINGERPRINTS}
    index: dict[int, list[str]] = defaultdict(list)
    for path, fp in usable.items():
        for value in fp:
            index[value].append(path)
    shared: Counter = Counter()
    for paths in index.values():
        if 1 < len(paths) <= ceiling:
            for i, first in enumerate(paths):
                for second in paths[i + 1:]:
                    shared[(first, second)] += 1
    pairs = []
    for (first, second), count in shared.items():
        union = len(usable[first]) + len(usable[second]) - count   # distinct values each
        if union and count / union >= threshold:
            pairs.append(Pair(*sorted((first, second)), round(count / union, 3)))
    return sorted(pairs, key=lambda p: (-p.similarity, p.first, p.second))
