"""The list numbers Word draws in front of paragraphs (「一、」「（一）」「1.」), rendered from
numbering.xml as Word counts them, for lawlint/extract/_wordml.py.

A paragraph is numbered by its own w:numPr or by its style's (through w:basedOn); w:num
points at an abstract list whose levels give the start, the number format (chineseCounting,
decimal, decimalEnclosedCircle…), the text around it (lvlText "%1、", "（%2）") and when a
level starts again. Counters are kept per abstract list, so lists that share one continue
each other, as Word does unless a w:num overrides a level's start. python-docx exposes none
of this, so the parts' lxml elements are read directly.
"""

from __future__ import annotations

from dataclasses import dataclass, field

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _w(name: str) -> str:
    return f"{{{W}}}{name}"


def _val(element, child: str, default: str | None = None) -> str | None:
    found = element.find(_w(child)) if element is not None else None
    value = found.get(_w("val")) if found is not None else None
    return default if value is None else value


def _int(text: str | None, default: int) -> int:
    try:
        return int(text) if text is not None else default
    except ValueError:
        return default


@dataclass(frozen=True, slots=True)
class Level:
    start: int = 1
    format: str = "decimal"
    text: str = "%1."
    suffix: str = "tab"
    restart: int | None = None   # restart after this level (0-based; -1 never); None: any higher
    legal: bool = False          # w:isLgl: every number shown in decimal
    style: str | None = None     # the paragraph style linked to this level

    @classmethod
    def read(cls, element) -> Level:
        restart = _val(element, "lvlRestart")
        return cls(start=_int(_val(element, "start"), 1), format=_val(element, "numFmt", "decimal"),
                   text=_val(element, "lvlText", ""), suffix=_val(element, "suff", "tab"),
                   restart=_int(restart, 0) - 1 if restart is not None else None,
                   legal=element.find(_w("isLgl")) is not None, style=_val(element, "pStyle"))


@dataclass
class _List:
    levels: dict[int, Level]
    counters: dict[int, int] = field(default_factory=dict)


class Numbering:
    """Labels for the paragraphs of one document, in the order they are asked for."""

    def __init__(self, nums: dict[str, tuple[str, dict[int, int]]], abstracts: dict[str, _List],
                 styles: dict[str, tuple[str | None, object]]) -> None:
        self.nums = nums            # numId → (abstractNumId, {level: start override})
        self.abstracts = abstracts
        self.styles = styles        # styleId → (basedOn, its w:numPr or None)
        self.overridden: set[tuple[str, int]] = set()

    @classmethod
    def of(cls, document) -> Numbering:
        """The document's numbering and styles; an empty Numbering when it has none."""
        return cls(*_parts(document))

    def label(self, paragraph) -> str:
        """The number Word shows in front of this paragraph and what follows it ('一、',
        '（二）', '3. '); '' when it is not numbered (or is a bullet)."""
        found = self._num_pr(paragraph)
        if found is None:
            return ""
        num_id, level = found
        entry = self.nums.get(num_id)
        listed = self.abstracts.get(entry[0]) if entry else None
        if listed is None or level not in listed.levels:
            return ""
        self._count(num_id, entry[1], listed, level)
        shown = listed.levels[level]
        if shown.format in ("bullet", "none"):
            return ""
        text = shown.text
        for number in range(9):
            if f"%{number + 1}" in text:
                value = listed.counters.get(number, listed.levels.get(number, Level()).start)
                form = "decimal" if shown.legal else listed.levels.get(number, Level()).format
                text = text.replace(f"%{number + 1}", render(value, form))
        return text + (" " if shown.suffix == "space" else "")

    def _count(self, num_id: str, overrides: dict[int, int], listed: _List, level: int) -> None:
        counters = listed.counters
        if level in overrides and (num_id, level) not in self.overridden:
            self.overridden.add((num_id, level))
            counters[level] = overrides[level]
        elif level in counters:
            counters[level] += 1
        else:
            counters[level] = listed.levels[level].start
        for deeper in [key for key in counters if key > level]:
            restart = listed.levels.get(deeper, Level()).restart
            if restart is None or (restart >= 0 and level <= restart):
                del counters[deeper]

    def _num_pr(self, paragraph) -> tuple[str, int] | None:
        """(numId, level) from the paragraph's own w:numPr, else from its style chain."""
        properties = paragraph.find(_w("pPr"))
        own = properties.find(_w("numPr")) if properties is not None else None
        num_id, level = _val(own, "numId"), _val(own, "ilvl")
        style = _val(properties, "pStyle")
        if num_id is None:
            num_id, style_level = self._from_style(style)
            level = level if level is not None else style_level
        if num_id is None or num_id == "0":
            return None
        if level is None:
            level = self._level_of_style(num_id, style)
        return num_id, _int(level, 0)

    def _from_style(self, style: str | None) -> tuple[str | None, str | None]:
        seen = set()
        while style is not None and style not in seen:
            seen.add(style)
            based_on, num_pr = self.styles.get(style, (None, None))
            if num_pr is not None:
                return _val(num_pr, "numId"), _val(num_pr, "ilvl")
            style = based_on
        return None, None

    def _level_of_style(self, num_id: str, style: str | None) -> str:
        """A style linked to a list level names no level itself: the level names the style."""
        entry = self.nums.get(num_id)
        listed = self.abstracts.get(entry[0]) if entry else None
        for number, level in (listed.levels.items() if listed else ()):
            if style is not None and level.style == style:
                return str(number)
        return "0"


def _parts(document):
    nums, abstracts, styles = {}, {}, {}
    try:
        numbering = document.part.numbering_part.element
    except (KeyError, NotImplementedError, AttributeError):
        numbering = None
    if numbering is not None:
        for abstract in numbering.iterchildren(_w("abstractNum")):
            levels = {_int(level.get(_w("ilvl")), 0): Level.read(level)
                      for level in abstract.iterchildren(_w("lvl"))}
            abstracts[abstract.get(_w("abstractNumId"))] = _List(levels)
        for num in numbering.iterchildren(_w("num")):
            overrides = {_int(override.get(_w("ilvl")), 0): _int(_val(override, "startOverride"), 1)
                         for override in num.iterchildren(_w("lvlOverride"))
                         if override.find(_w("startOverride")) is not None}
            nums[num.get(_w("numId"))] = (_val(num, "abstractNumId"), overrides)
    try:
        style_root = document.styles.element
    except (KeyError, NotImplementedError, AttributeError):
        style_root = None
    for style in style_root.iterchildren(_w("style")) if style_root is not None else ():
        properties = style.find(_w("pPr"))
        num_pr = properties.find(_w("numPr")) if properties is not None else None
        styles[style.get(_w("styleId"))] = (_val(style, "basedOn"), num_pr)
    return nums, abstracts, styles


# ---- number formats ---------------------------------------------------------------------------

_DIGITS = "〇一二三四五六七八九"
_LEGAL = "零壹贰叁肆伍陆柒捌玖"
_STEMS = "甲乙丙丁戊己庚辛壬癸"
_BRANCHES = "子丑寅卯辰巳午未申酉戌亥"


def _chinese(n: int, digits: str = _DIGITS, units: str = "十百千") -> str:
    """1 → 一, 10 → 十, 11 → 十一, 20 → 二十, 105 → 一百零五 (as Word counts in Chinese)."""
    if n <= 0 or n >= 10000:
        return str(n)
    parts, zero = [], False
    for power, unit in ((1000, units[2]), (100, units[1]), (10, units[0]), (1, "")):
        digit, n = divmod(n, power)
        if digit:
            if zero:
                parts.append(digits[0])
            parts.append(("" if power == 10 and digit == 1 and not parts else digits[digit]) + unit)
            zero = False
        elif parts:
            zero = True
    return "".join(parts)


def _letters(n: int, alphabet: str) -> str:
    """Word's letters: A…Z, then AA…ZZ (the letter repeated), not spreadsheet columns."""
    if n <= 0:
        return str(n)
    return alphabet[(n - 1) % 26] * ((n - 1) // 26 + 1)


def _roman(n: int) -> str:
    if not 0 < n < 4000:
        return str(n)
    out = ""
    for value, numeral in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
                           (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        count, n = divmod(n, value)
        out += numeral * count
    return out


def _enclosed(first: int, last: int):
    return lambda n: chr(first + n - 1) if 1 <= n <= last else str(n)


_FORMATS = {
    "decimal": str,
    "decimalZero": lambda n: f"{n:02d}",
    "decimalFullWidth": lambda n: str(n).translate({ord(d): 0xFF10 + int(d) for d in "0123456789"}),
    "decimalFullWidth2": lambda n: str(n).translate({ord(d): 0xFF10 + int(d) for d in "0123456789"}),
    "decimalHalfWidth": str,
    "decimalEnclosedCircle": _enclosed(0x2460, 20),
    "decimalEnclosedCircleChinese": _enclosed(0x2460, 20),
    "decimalEnclosedParen": _enclosed(0x2474, 20),
    "decimalEnclosedFullstop": _enclosed(0x2488, 20),
    "chineseCounting": _chinese,
    "chineseCountingThousand": _chinese,
    "japaneseCounting": _chinese,
    "taiwaneseCounting": _chinese,
    "chineseLegalSimplified": lambda n: _chinese(n, _LEGAL, "拾佰仟"),
    "ideographLegalTraditional": lambda n: _chinese(n, "零壹貳參肆伍陸柒捌玖", "拾佰仟"),
    "ideographTraditional": lambda n: _STEMS[(n - 1) % 10] if n > 0 else str(n),
    "ideographZodiac": lambda n: _BRANCHES[(n - 1) % 12] if n > 0 else str(n),
    "upperLetter": lambda n: _letters(n, "ABCDEFGHIJKLMNOPQRSTUVWXYZ"),
    "lowerLetter": lambda n: _letters(n, "abcdefghijklmnopqrstuvwxyz"),
    "upperRoman": _roman,
    "lowerRoman": lambda n: _roman(n).lower(),
}


def render(n: int, form: str) -> str:
    """A counter in a numFmt; an unknown format is shown in decimal, as Word falls back."""
    return _FORMATS.get(form, str)(n)
