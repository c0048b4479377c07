"""A pattern in, the characters it cannot match without out: a set test that skips most
searches of short strings (a heading title scored against every cue of every part).

A search of the `regex` module with a time limit costs ~1.3 µs however short the string, and
the parser scores some 600 (title, cue) pairs per report; most titles hold none of a cue's
characters. The reader knows plain syntax only (literals, groups, alternation, classes,
quantifiers); for anything else it says None and the pattern is always searched.
"""

from __future__ import annotations

import regex

from lawlint.patterns import TimedPattern

_QUANTIFIERS = "?*+{"
_CLASS_ESCAPES = "dDwWsS"
_ANCHOR_ESCAPES = "bBAZ"


class _Unsupported(Exception):
    pass


def needed_chars(timed: TimedPattern) -> frozenset[str] | None:
    """`needed` for a compiled pack pattern (None when its flags change what a literal matches)."""
    if timed.pattern.flags & (regex.IGNORECASE | regex.VERBOSE):
        return None
    return needed(timed.pattern.pattern)


def needed(pattern: str) -> frozenset[str] | None:
    """Characters of which every match holds at least one, or None when that cannot be said
    (a class, `.`, an optional part, or syntax this reader does not know, such as \\p{Han}
    or a lookaround: then the pattern is simply always searched)."""
    try:
        need, end = _alternation(pattern, 0)
    except (_Unsupported, IndexError, ValueError):
        return None
    return need if end == len(pattern) else None


def _alternation(p: str, i: int) -> tuple[frozenset[str] | None, int]:
    branches = []
    while True:
        need, i = _sequence(p, i)
        branches.append(need)
        if i < len(p) and p[i] == "|":
            i += 1
            continue
        break
    if any(need is None for need in branches):
        return None, i
    return frozenset().union(*branches), i


def _sequence(p: str, i: int) -> tuple[frozenset[str] | None, int]:
    best = None
    while i < len(p) and p[i] not in "|)":
        need, i = _atom(p, i)
        low, i = _quantifier(p, i)
        if low and need is not None and (best is None or len(need) < len(best)):
            best = need
    return best, i


def _atom(p: str, i: int) -> tuple[frozenset[str] | None, int]:
    char = p[i]
    if char == "(":
        if p.startswith("(?", i) and not p.startswith("(?:", i):
            raise _Unsupported(p[i:i + 3])   # lookaround, flags, named group, comment
        need, i = _alternation(p, i + (3 if p.startswith("(?:", i) else 1))
        if p[i] != ")":
            raise _Unsupported(")")
        return need, i + 1
    if char == "[":
        return _class(p, i + 1)
    if char == "\\":
        return _escape(p, i + 1)
    if char in ".^$":
        return None, i + 1
    if char in "*+?{})]":
        raise _Unsupported(char)
    return frozenset(char), i + 1


def _escape(p: str, i: int) -> tuple[frozenset[str] | None, int]:
    char = p[i]
    if char in _CLASS_ESCAPES or char in _ANCHOR_ESCAPES:
        return None, i + 1
    if char.isalnum() or char.isspace():
        raise _Unsupported("\\" + char)   # \p{…}, \N{…}, \x41, a back-reference…
    return frozenset(char), i + 1


def _class(p: str, i: int) -> tuple[frozenset[str] | None, int]:
    negated = p[i] == "^"
    i += negated
    chars: set[str] = set()
    first = True
    while p[i] != "]" or first:
        first = False
        char = p[i]
        if char == "[":
            raise _Unsupported("[[")   # a POSIX class or a nested set
        if char == "\\":
            if p[i + 1].isalnum() or p[i + 1].isspace():
                raise _Unsupported("\\" + p[i + 1])
            char = p[i + 1]
            i += 1
        if p[i + 1] == "-" and p[i + 2] != "]":
            negated = True   # a range: too many characters to list, so no requirement
            i += 2
        chars.add(char)
        i += 1
    return (None if negated else frozenset(chars)), i + 1


def _quantifier(p: str, i: int) -> tuple[bool, int]:
    """Whether the atom before `i` must occur at least once, and where the quantifier ends."""
    if i >= len(p) or p[i] not in _QUANTIFIERS:
        return True, i
    if p[i] == "{":
        end = p.index("}", i)
        low, _, high = p[i + 1:end].partition(",")
        if not (low.isdigit() or low == "") or not (high.isdigit() or high == ""):
            raise _Unsupported("{")   # fuzzy matching {e<=1} and the like
        least, i = int(low or 0), end + 1
    else:
        least, i = (1 if p[i] == "+" else 0), i + 1
    if i < len(p) and p[i] in "?+":
        i += 1
    if i < len(p) and p[i] in _QUANTIFIERS:
        raise _Unsupported("quantifier")
    return least > 0, i
