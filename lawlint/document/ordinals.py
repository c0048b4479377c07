"""Heading ordinals of 公文 (一、 （一） 1. （1）) and Chinese numerals.

GB/T 9704-2012 7.3.3: the levels run 一、 → （一） → 1. → （1）. Parsing runs on folded text
(full-width brackets already half-width), so the written style is read from the original.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

_CN_DIGIT = {"〇": 0, "○": 0, "零": 0, "O": 0, "o": 0, "一": 1, "二": 2, "三": 3, "四": 4,
             "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
CN_NUMERAL = "〇○零一二三四五六七八九十"

_ORDINAL = regex.compile(
    r"(?P<cn>[一二三四五六七八九十]{1,3})(?:、|\.(?!\d)|,)"
    r"|\((?P<pcn>[一二三四五六七八九十]{1,3})\)、?"
    r"|(?P<ar>\d{1,2})(?:\.|、)(?![\d%])"
    r"|\((?P<par>\d{1,2})\)"
)
_NUMBER = regex.compile(r"[一二三四五六七八九十]+|\d+")


@dataclass(frozen=True, slots=True)
class Ordinal:
    """A heading marker at the start of a folded line: its rank (1–4), value and length."""

    rank: int
    value: int
    length: int


def parse(folded_line: str) -> Ordinal | None:
    """Return the ordinal that opens a folded line, or None."""
    match = _ORDINAL.match(folded_line)
    if match is None:
        return None
    for rank, group in enumerate(("cn", "pcn", "ar", "par"), start=1):
        digits = match.group(group)
        if digits is not None:
            value = int(digits) if rank >= 3 else cn_to_int(digits)
            if value is None or value == 0:
                return None
            return Ordinal(rank, value, match.end())
    return None


def style_of(marker: str) -> str:
    """Reduce a written marker such as '（五）' or '1、' to its style, e.g. '（N）', 'N、'."""
    return _NUMBER.sub("N", marker.strip())


def cn_to_int(text: str) -> int | None:
    """Convert a Chinese numeral up to 99 (一, 十二, 二十九) or a digit string (二〇二四) to int."""
    if not text:
        return None
    if "十" not in text:
        value = 0
        for char in text:
            if char not in _CN_DIGIT:
                return None
            value = value * 10 + _CN_DIGIT[char]
        return value
    tens, _, units = text.partition("十")
    high = 1 if tens == "" else _CN_DIGIT.get(tens) if len(tens) == 1 else None
    low = 0 if units == "" else _CN_DIGIT.get(units) if len(units) == 1 else None
    if high is None or low is None:
        return None
    return high * 10 + low


def int_to_cn(value: int) -> str:
    """Write 1–99 as a Chinese ordinal numeral (for messages such as 'expected （三）')."""
    digits = "〇一二三四五六七八九"
    if value < 10:
        return digits[value]
    tens, units = divmod(value, 10)
    return ("" if tens == 1 else digits[tens]) + "十" + ("" if units == 0 else digits[units])


def expected_marker(rank: int, value: int) -> str:
    """Return the standard marker for a rank and value: 三、 （三） 3. （3）."""
    number = int_to_cn(value) if rank <= 2 else str(value)
    return {1: f"{number}、", 2: f"（{number}）", 3: f"{number}.", 4: f"（{number}）"}[rank]
