"""The heading-cue prefilter: the characters a pattern cannot match without. A wrong answer
would silently skip a search that matches, so every answer must hold for every match, and
anything the reader does not know is None (always search)."""

import pytest
import regex

from lawlint.document.prefilter import needed, needed_chars
from lawlint.patterns import compile_pattern


@pytest.mark.parametrize("pattern, chars", [
    ("法治", {"法"}),                              # a literal: one of its characters will do
    ("举措|成效", {"举", "成"}),                    # alternation: one of each branch
    ("(?:主要)?举措", {"举"}),                      # an optional part needs nothing
    ("合法性审[查核]", {"合"}),
    ("[查核]实", {"实"}),
    ("工作(?:安排|计划)", {"工"}),
    (r"\d+年", {"年"}),                            # a class escape needs nothing, a literal does
])
def test_what_every_match_must_hold(pattern, chars):
    assert needed(pattern) == chars


@pytest.mark.parametrize("pattern", [
    r"\p{Han}+", ".", "a*", r"(?=法)法", "(?i)abc", "x?",
])
def test_what_it_cannot_read_is_always_searched(pattern):
    assert needed(pattern) is None


def test_flags_that_change_what_a_literal_matches_turn_it_off():
    assert needed_chars(compile_pattern("(?i)abc")) is None
    assert needed_chars(compile_pattern("abc")) is not None


@pytest.mark.parametrize("pattern, text", [
    ("举措|成效", "二、主要成效"),
    ("(?:主要)?举措", "一、举措"),
    ("[查核]实", "核实情况"),
])
def test_a_matching_title_is_never_skipped(pattern, text):
    need = needed(pattern)
    assert regex.search(pattern, text) and not need.isdisjoint(set(text))
