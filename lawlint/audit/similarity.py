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

import base64
import functools
import re
import sys
import zlib
from array import array
from collections.abc import Iterable, Iterator

from lawlint.document import Document, Line
from lawlint.document.organs import OrganGrammar

BINS = 128
ROWS = 4                    # bins per band: 32 bands; candidates from a Jaccard of about 0.4
MIN_SHINGLES = 20           # fewer clauses than this (a cover page, an empty file): not compared
_MIN_CLAUSE = 6
_ENDS = ",，。;；:：!！?？、\n"      # what ends a clause
_CLAUSE_TEXT = re.compile(f"[^{_ENDS}]+")
_PIECE = re.compile(f"[^{_ENDS}]{{{_MIN_CLAUSE},}}")   # a clause long enough to count
_FIGURES = re.compile(r"[0-9０-９零〇一二两三四五六七八九十百千万亿]+(?:[.．][0-9０-９]+)?")
_MIX = 0x9E3779B1           # Knuth's multiplicative constant: spreads CRC32 values over 32 bits
_EMPTY = 0xFFFFFFFF


def mask_numbers(text: str) -> str:
    """Every figure (digits, Chinese numerals, a decimal) one #. (Spaces a PDF puts between
    characters are gone already: the lines are the folded text's.)"""
    return _FIGURES.sub("#", text)


def clauses(document: Document, grammar: OrganGrammar | None,
            boilerplate: Iterable[str] = ()) -> Iterator[tuple[int, str]]:
    """(shingle, the clause as the author wrote it) for each clause of the body's non-heading
    lines: the slow path, for quoting a ring's clauses; `fingerprints` gives the same
    shingles."""
    mask = _masker(document.organ, grammar, tuple(boilerplate))
    for line in _body(document):
        for clause in _CLAUSE_TEXT.finditer(line.text):
            written = document.written(document.span(line.start + clause.start(), line.start + clause.end()))
            for shingle in _shingles(mask(clause.group())):
                yield shingle, written


def fingerprints(document: Document, grammar: OrganGrammar | None = None,
                 boilerplate: Iterable[str] = ()) -> array:
    """Sorted, distinct shingles of the body (4 bytes each: 20,000 reports stay small). The
    whole body is masked at once: no mask spans a clause mark, so the shingles are those of
    `clauses`, at a fraction of the calls."""
    mask = _masker(document.organ, grammar, tuple(boilerplate))
    return array("I", sorted(set(_shingles(mask("\n".join(line.text for line in _body(document)))))))


def _body(document: Document) -> Iterator[Line]:
    """The body's lines but its headings (their wording is the 规定's, not the author's)."""
    headings = {section.heading.line.start for section in document.sections}
    for line in document.lines:
        if document.body_start <= line.start < document.body_end and line.start not in headings:
            yield line


def _shingles(masked: str) -> Iterator[int]:
    for piece in _PIECE.findall(masked):
        if "#" in piece or "■" in piece:   # mostly figures or names: nothing of the author's
            masks = piece.count("#") + piece.count("■")
            if len(piece) - masks < _MIN_CLAUSE or masks * 2 >= len(piece):
                continue
        yield zlib.crc32(piece.encode("utf-8"))


def _masker(organ: str | None, grammar: OrganGrammar | None, boilerplate: tuple[str, ...]):
    """text → the text as shingles see it: own names ■, numbers #, national wording cut
    (a clause mark in its place). Names and
    phrases are literal: str.replace, longest first, is many times faster than a regex
    alternation over a whole report."""
    own = _own_names(organ, grammar)
    phrases = _boilerplate(boilerplate)

    def mask(text: str) -> str:
        for name in own:
            text = text.replace(name, "■")
        text = mask_numbers(text)
        for phrase in phrases:
            text = text.replace(phrase, "，")
        return text
    return mask


@functools.lru_cache(maxsize=8)
def _boilerplate(phrases: tuple[str, ...]) -> tuple[str, ...]:
    """The packs' national wording, masked and stripped as text is, longest first."""
    return _longest_first(mask_numbers(phrase) for phrase in phrases)


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


def sketch_text(signature: array) -> str:
    """A sketch as JSON keeps it: base64 of its values as little-endian uint32."""
    values = array("I", signature)
    if sys.byteorder == "big":
        values.byteswap()
    return base64.b64encode(values.tobytes()).decode("ascii")


def sketch_from_text(text: str) -> array:
    values = array("I", base64.b64decode(text))
    if sys.byteorder == "big":
        values.byteswap()
    return values


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


def _own_names(organ: str | None, grammar: OrganGrammar | None) -> tuple[str, ...]:
    """The report's organ, each of its units, their places and what follows the place (the
    department's name): the words a template's user swaps for their own."""
    if not organ:
        return ()
    names = {organ}
    for unit in grammar.units(organ) if grammar is not None else ():
        names.add(unit)
        for end in range(2, len(unit)):
            if grammar.divisions and unit[:end].endswith(grammar.divisions):
                names.update((unit[:end], unit[end:]))
    return _longest_first(name for name in names if len(name) >= 2)


def _longest_first(words: Iterable[str]) -> tuple[str, ...]:
    return tuple(sorted(set(words), key=lambda word: (-len(word), word)))
