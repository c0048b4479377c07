"""Pack regexes with a time limit: a catastrophic pattern fails its rule, never hangs a run."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

import regex

DEFAULT_TIMEOUT = 2.0
# The limit for the run in hand: set by the pipeline from the options (--regex-timeout) for
# the span of one file, never on the class, so two runs in one process cannot disturb each other.
_TIMEOUT: ContextVar[float] = ContextVar("regex_timeout", default=DEFAULT_TIMEOUT)


@contextmanager
def regex_timeout(seconds: float) -> Iterator[None]:
    """Every pack regex searched inside this block gives up after `seconds`."""
    token = _TIMEOUT.set(seconds)
    try:
        yield
    finally:
        _TIMEOUT.reset(token)


def current_timeout() -> float:
    return _TIMEOUT.get()


class TimedPattern:
    """A pack regex whose every search gives up after the current `regex_timeout`.

    Pack authors write regexes; a catastrophic one must fail its rule, not hang the run."""

    __slots__ = ("pattern",)

    def __init__(self, pattern: regex.Pattern):
        self.pattern = pattern

    def search(self, text: str, pos: int = 0, endpos: int | None = None):
        return self.pattern.search(text, pos, endpos, timeout=_TIMEOUT.get())

    def match(self, text: str, pos: int = 0, endpos: int | None = None):
        return self.pattern.match(text, pos, endpos, timeout=_TIMEOUT.get())

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None):
        return self.pattern.finditer(text, pos, endpos, timeout=_TIMEOUT.get())


def compile_pattern(pattern: str) -> TimedPattern:
    """Compile a pack regex; the pack loader reports failures with file and line."""
    return TimedPattern(regex.compile(pattern))
