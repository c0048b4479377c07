"""What two submissions share: clause shingles that survive a template's swaps, and MinHash
sketches of them for locality-sensitive hashing.

A report copied from a template keeps its clauses and changes its organ's name, its figures
and its dates. So a body line is masked first (the report's own organ and place become ■,
every number #), the national wording every report quotes (the packs' `boilerplate:`) is
cut out, and what is left is split into clauses; each clause of six characters or more is a
shingle (its CRC32). Headings are left out: their wording is the 规定's.

A sketch is a one-permutation MinHash (Li, Owen and Zhang 2012; empty bins filled by
rotation, Shrivastava and Li 2014): one hash per shingle instead of one per shingle and
permutation, so sketching stays linear in the text in pure Python. Its 128 bins, cut into
bands of four, are the keys under which similar reports meet (rings.py, previous.py); the
share of equal bins estimates the Jaccard similarity where the shingles are not at hand (a
previous audit's JSON).
"""

from __future__ import annotations

import zlib
from array import array
from collections.abc import Iterable, Iterator

import regex

from lawlint.document import Document
from lawlint.document.organs import OrganGrammar

BINS = 128
ROWS = 4                    # bins per band: 32 bands; candidates from a Jaccard of about 0.4
MIN_SHINGLES = 20           # fewer clauses than this (a cover page, an empty file): not compared
_MIN_CLAUSE = 6
_CLAUSE = regex.compile(r"[,，。;；:：!！?？、\n]+")
_NUMBER = regex.compile(r"[0-9０-９]+(?:[.．][0-9０-９]+)?|[零〇一二两三四五六七八九十百千万亿]+")
_MARKS = regex.compile(r"[\s#■*`>|\-—–_（）()《》〈〉“”\"'‘’「」【】\[\]]+")
_MIX = 0x9E3779B1           # Knuth's multiplicative constant: spreads CRC32 values over 32 bits
_EMPTY = 0xFFFFFFFF


def mask_numbers(text: str) -> str:
    return _NUMBER.sub("#", text)


def clauses(document: Document, grammar: OrganGrammar | None,
            boilerplate: Iterable[str] = ()) -> Iterator[tuple[int, str]]:
    """(shingle, the clause as written) for each clause of the body's non-heading lines."""
    own = _own_names(document.organ, grammar)
    cut = _alternation(mask_numbers(phrase) for phrase in boilerplate)
    headings = {section.heading.line.start for section in document.sections}
    for line in document.lines:
        if not document.body_start <= line.start < document.body_end or line.start in headings:
            continue
        for clause in _CLAUSE.split(line.text):
            masked = mask_numbers(own.sub("■", clause) if own else clause)
            for piece in _CLAUSE.split(cut.sub("，", masked)) if cut is not None else (masked,):
                core = _MARKS.sub("", piece)
                if len(core) >= _MIN_CLAUSE and core.count("#") * 2 < len(core):
                    yield zlib.crc32(core.encode("utf-8")), clause


def fingerprints(document: Document, grammar: OrganGrammar | None = None,
                 boilerplate: Iterable[str] = ()) -> array:
    """Sorted, distinct shingles of the body (4 bytes each: 20,000 reports stay small)."""
    return array("I", sorted({shingle for shingle, _ in clauses(document, grammar, boilerplate)}))


def sketch(shingles: array) -> array:
    """The one-permutation MinHash of a shingle set: BINS values (empty for a small set)."""
    if len(shingles) < MIN_SHINGLES:
        return array("I")
    bins = [_EMPTY] * BINS
    for shingle in shingles:
        mixed = (shingle * _MIX) & 0xFFFFFFFF
        slot, value = mixed >> 25, mixed & 0x1FFFFFF
        if value < bins[slot]:
            bins[slot] = value
    return array("I", _densified(bins))


def _densified(bins: list[int]) -> list[int]:
    """An empty bin borrows the next filled bin to its right (circularly), offset by the
    distance, so that two sets agree on it exactly when they agree on the one it borrows."""
    filled = [i for i, value in enumerate(bins) if value != _EMPTY]
    if len(filled) == BINS:
        return bins
    result = bins[:]
    for i, value in enumerate(bins):
        if value == _EMPTY:
            distance = next(d for d in range(1, BINS) if bins[(i + d) % BINS] != _EMPTY)
            result[i] = (bins[(i + distance) % BINS] + distance * 0x2000000) & 0xFFFFFFFF
    return result


def bands(signature: array) -> Iterator[tuple[int, bytes]]:
    """(band number, key): two reports sharing any key are candidates."""
    raw = signature.tobytes()
    width = ROWS * signature.itemsize
    for band in range(len(signature) // ROWS):
        yield band, raw[band * width:(band + 1) * width]


def estimated_jaccard(a: array, b: array) -> float:
    if not a or len(a) != len(b):
        return 0.0
    return sum(x == y for x, y in zip(a, b)) / len(a)


def overlap(a: array, b: array) -> tuple[int, float]:
    """Shared shingles, and their share of the smaller set: a report copied into a longer
    one, or padded with a few paragraphs of its own, still counts as copied."""
    shared = len(set(a).intersection(b))
    smaller = min(len(a), len(b))
    return shared, shared / smaller if smaller else 0.0


def _own_names(organ: str | None, grammar: OrganGrammar | None) -> regex.Pattern | None:
    """The report's organ, each of its units, their places and what follows the place (the
    department's name): the words a template's user swaps for their own."""
    if not organ:
        return None
    names = {organ}
    units = grammar.units(organ) if grammar is not None else ()
    for unit in units:
        names.add(unit)
        for end in range(2, len(unit)):
            if grammar.divisions and unit[:end].endswith(grammar.divisions):
                names.update((unit[:end], unit[end:]))
    return _alternation(name for name in names if len(name) >= 2)


def _alternation(words: Iterable[str]) -> regex.Pattern | None:
    ordered = sorted(set(words), key=len, reverse=True)
    return regex.compile("|".join(map(regex.escape, ordered))) if ordered else None
