"""Kind `doubled-character`: a character typed twice (政务服服事项, 加强对对), which no spell
checker of words sees because each half is a word.

Chinese doubles characters on purpose (常常, 层层, 件件落实, 实实在在), and two words may
meet on the same character (学习|习近平, 治安|安全, 部门|门户). A pair is a finding only when
it is none of these: not in the pack's lists, not AABB, and not where a word of jieba's
dictionary (two characters or more) ends or starts. jieba's word list is read only for a
pair the lists leave open."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

import regex

from lawlint.checks import Context, Hit, Param, register

_PAIR = regex.compile(r"(\p{Han})\1")


@register("doubled-character",
          Param("reduplicated", {"type": "string", "minLength": 1},
                "Characters that double as a matter of grammar (件件, 户户), written together."),
          Param("allowed", {"type": "array", "items": {"type": "string", "pattern": r"^(.)\1$"}},
                "Doubled words that are right wherever they stand (常常, 层层)."),
          provides=("found", "char"))
class DoubledCharacterCheck:
    """Each pair of one Han character twice in the body that is not grammar (see module)."""

    def __init__(self, params: Mapping[str, Any]):
        self.reduplicated = frozenset(params["reduplicated"])
        self.allowed = frozenset(params["allowed"])

    def run(self, ctx: Context) -> Iterator[Hit]:
        doc = ctx.doc
        text = doc.folded.text
        for match in _PAIR.finditer(text, doc.body_start, doc.body_end, overlapped=True):
            start, end = match.span()
            pair = match.group(0)
            if (match.group(1) in self.reduplicated or pair in self.allowed
                    or _aabb(text, start) or _joined(text, start) or _joined_word(pair)):
                continue
            yield Hit(doc.span(start, end), {"found": pair, "char": match.group(1)})


def _aabb(text: str, start: int) -> bool:
    """实实在在, 认认真真: the pair is half of a doubled two-character word, or 在在 of it."""
    after = text[start + 2:start + 4]
    before = text[max(0, start - 2):start]
    return (len(after) == 2 and after[0] == after[1]) or (len(before) == 2 and before[0] == before[1])


def _joined_word(pair: str) -> bool:
    """A doubled word of the dictionary (渐渐, 默默) not in the pack's list."""
    from lawlint.checks.substance import dictionary_words

    return pair in dictionary_words()


def _joined(text: str, start: int) -> bool:
    """The pair is the seam of two words: a dictionary word of two or more characters ends
    with the first (学习|习近平, 派出所|所长) or starts with the second (市|市场, 会|会议)."""
    from lawlint.checks.substance import dictionary_words

    words = dictionary_words()
    left = any(text[j:start + 1] in words for j in range(max(0, start - 3), start))
    return left or any(text[start + 1:k] in words for k in range(start + 3, start + 6))
