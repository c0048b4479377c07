"""Pack regexes with a time limit: a catastrophic pattern fails its rule, never hangs a run."""

from __future__ import annotations

import regex


class TimedPattern:
    """A pack regex whose every search gives up after `TimedPattern.timeout` seconds.

    Pack authors write regexes; a catastrophic one must fail its rule, not hang the run."""

    __slots__ = ("pattern",)
    timeout: float = 2.0

    def __init__(self, pattern: regex.Pattern):
        self.pattern = pattern

    def search(self, text: str, pos: int = 0, endpos: int | None = None):
        return self.pattern.search(text, pos, endpos, timeout=TimedPattern.timeout)

    def match(self, text: str, pos: int = 0, endpos: int | None = None):
        return self.pattern.match(text, pos, endpos, timeout=TimedPattern.timeout)

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None):
        return self.pattern.finditer(text, pos, endpos, timeout=TimedPattern.timeout)


def compile_pattern(pattern: str) -> TimedPattern:
    """Compile a pack regex; the pack loader reports failures with file and line."""
    return TimedPattern(regex.compile(pattern))
