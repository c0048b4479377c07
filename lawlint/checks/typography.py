"""Kinds about 公文 typography: `punctuation` (half-width marks in Chinese text) and
`pairing` (《》 and “” that do not close what they opened).

`punctuation` reads the original text, because the folded view has already turned every
full-width mark into its half-width twin; `pairing` reads the folded lines, where a paragraph
split by a page break is one line again.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import regex

from lawlint.checks import Context, Hit, Param, register
from lawlint.document import Edit, Span

FULL_WIDTH = {",": "，", ":": "：", ";": "；", "?": "？", "!": "！", "(": "（", ")": "）"}
# Chinese context: Han characters, CJK and full-width punctuation, full-width digits.
_CHINESE = regex.compile(r"[\p{Han}\u3001-\u303f\uff01-\uff5e\u2014\u2018\u2019\u201c\u201d\u2026]")
_BLANK = " \t\u3000"
_TRANSPARENT = _BLANK + "*_"   # Markdown emphasis between a mark and its neighbour
# Text whose ASCII punctuation is not prose, each pattern searched only when its telltale
# occurs: comments, code, Markdown link targets, URLs, e-mail addresses.
_NOT_PROSE = (
    ("<!--", regex.compile(r"<!--.*?-->", regex.DOTALL)),
    ("`", regex.compile(r"```.*?```|`[^`\n]*`", regex.DOTALL)),
    ("](", regex.compile(r"\]\([^)\n]*\)")),
    ("://", regex.compile(r"(?:https?|ftp)://[!-~]*[\w/=#&%-]")),
    ("www.", regex.compile(r"www\.[!-~]*[\w/=#&%-]")),
    ("@", regex.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")),
)
_CANDIDATE = re.compile(r"[,:;?!()（）]")   # `re`: a plain class, and ~2× faster per match
# `re`: the `regex` module's match(text, pos) without endpos costs the length of all of `text`
_DOCUMENT_YEAR = re.compile(r"\d+号")


@dataclass(frozen=True, slots=True)
class _Mark:
    """One half-width mark (or bracket pair) to fix: where, how it is named, its edits."""

    span: Span
    found: str
    expected: str
    edits: tuple[Edit, ...]


@register("punctuation",
          Param("marks", {"type": "string", "minLength": 1, "pattern": "^[,:;?!()]+$"},
                "The ASCII marks to check (default all of , : ; ? ! ( )).", required=False),
          provides=("found", "expected", "count"))
class PunctuationCheck:
    """ASCII `marks` (of , : ; ? ! ( )) touching Chinese text should be full-width. Never
    inside numbers (1,000, 10:30), URLs, e-mail addresses, code, comments or Latin text, nor
    in a heading's ordinal (that is kind `ordinal-form`'s). 国发(2021)26号 gets the
    六角括号 of GB/T 9704 7.2.5 (发文字号): 国发〔2021〕26号. One finding per line: a line that has one such
    mark usually has them throughout (an input method or a conversion), and one fix covers all."""

    def __init__(self, params: Mapping[str, Any]):
        self.marks = set(params.get("marks", ",:;?!()"))

    def run(self, ctx: Context) -> Iterator[Hit]:
        source = ctx.doc.source
        skip = _skipped(ctx)
        line_of = source.location
        line, marks, opened = 0, [], _Opened(source.text)
        for match in _CANDIDATE.finditer(source.text):   # one pass; flushed per line
            at, mark = match.start(), match.group(0)
            if _inside(skip, at):
                continue
            here = line_of(at)[0]
            if here != line:
                yield from self._flush(source.text, marks, opened.clear())
                line, marks = here, []
            if mark in "(（":
                opened.open(at)
            elif mark in ")）" and opened:
                marks.append(self._pair(source.text, *opened.close(at)))
            elif mark in self.marks:
                marks.append(self._single(source.text, at))
        yield from self._flush(source.text, marks, opened.clear())

    def _flush(self, text: str, marks: list, opened: list[int]) -> Iterator[Hit]:
        """A line's finding: its marks, plus brackets it opened and never closed."""
        marks += [self._single(text, at) for at in opened if text[at] in self.marks]
        found = sorted(filter(None, marks), key=lambda mark: mark.span.start)
        if found:
            yield _one_finding(found)

    def _single(self, text: str, at: int) -> _Mark | None:
        mark = text[at]
        left, right = _neighbour(text, at, -1), _neighbour(text, at + 1, 1)
        if not (_chinese(text, left) or _chinese(text, right)) or _in_number(text, at):
            return None
        span = _with_blanks(text, at, at + 1, left, right)
        return _Mark(Span(at, at + 1), mark, FULL_WIDTH[mark], (Edit(span, FULL_WIDTH[mark]),))

    def _pair(self, text: str, start: int, end: int, chinese_inside: bool) -> _Mark | None:
        """A bracket pair in Chinese context: Chinese inside, or next to it (not after Latin)."""
        if text[start] != "(" and text[end] != ")":
            return None
        if "(" not in self.marks and ")" not in self.marks:
            return None
        left, right = _neighbour(text, start, -1), _neighbour(text, end + 1, 1)
        span = Span(start, end + 1)
        if end - start == 5 and text[start + 1:end].isdigit() and _chinese(text, left) \
                and _DOCUMENT_YEAR.match(text, end + 1):
            return _Mark(span, "()", "〔〕", (Edit(span, f"〔{text[start + 1:end]}〕"),))
        latin_before = left >= 0 and text[left].isascii() and text[left].isalnum()
        if not (chinese_inside or _chinese(text, left)
                or _chinese(text, right) and not latin_before):   # 「Smith (2020) 的」 is Latin
            return None
        edits = []
        if text[start] == "(":
            edits.append(Edit(_with_blanks(text, start, start + 1, left, -1), "（"))
        if text[end] == ")":
            edits.append(Edit(_with_blanks(text, end, end + 1, -1, right), "）"))
        return _Mark(span, text[start] + text[end], "（）", tuple(edits))


class _Opened:
    """The brackets open on a line, innermost last, each with whether Chinese text has been
    seen inside it yet. The text between marks is read once, for the innermost bracket; a
    closed pair hands what it held to the one around it. So 40k nested pairs cost 10× what
    4k do, where searching each pair's inside cost 100× (issue 13)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.stack: list[list] = []   # [offset, Chinese inside so far]
        self.read = 0                 # text before this offset is accounted for

    def __bool__(self) -> bool:
        return bool(self.stack)

    def open(self, at: int) -> None:
        self._reach(at)
        self.stack.append([at, False])
        self.read = at + 1

    def close(self, at: int) -> tuple[int, int, bool]:
        """(start, end, Chinese inside) of the pair that `at` closes."""
        self._reach(at)
        start, chinese = self.stack.pop()
        if self.stack and not self.stack[-1][1]:   # the pair, marks included, is inside it
            self.stack[-1][1] = chinese or _chinese(self.text, start) or _chinese(self.text, at)
        self.read = at + 1
        return start, at, chinese

    def clear(self) -> list[int]:
        """The offsets of the brackets left open (the line ended), and an empty stack."""
        left, self.stack = [start for start, _ in self.stack], []
        return left

    def _reach(self, at: int) -> None:
        """Account for the text between the last mark read and `at`: inside the innermost."""
        top = self.stack[-1] if self.stack else None
        if top is not None and not top[1] and self.read < at:   # endpos keeps it cheap: _DOCUMENT_YEAR
            top[1] = _CHINESE.search(self.text, self.read, at) is not None
        self.read = at


def _one_finding(marks: list[_Mark]) -> Hit:
    """A line's marks as one finding at its first mark: 「“,”×3、“()”」 → 「“，”、“（）”」,
    all fixed together."""
    counts = Counter((mark.found, mark.expected) for mark in marks)
    found = "、".join(f"“{f}”" + (f"×{n}" if n > 1 else "") for (f, _), n in counts.items())
    expected = "、".join(f"“{e}”" for _, e in counts)
    return Hit(marks[0].span,   # the caret marks the first; the message counts them all
               {"found": found, "expected": expected, "count": len(marks)},
               fix=tuple(edit for mark in marks for edit in mark.edits))


def _skipped(ctx: Context) -> list[tuple[int, int]]:
    """Original-text ranges this kind never touches: non-prose, heading ordinals (kind
    `ordinal-form`'s) and the addressee's closing colon (`addressee-form`'s)."""
    doc = ctx.doc
    text = doc.source.text
    ranges = [match.span() for telltale, pattern in _NOT_PROSE if telltale in text
              for match in pattern.finditer(text)]
    if doc.addressee is not None:
        span = doc.line_span(doc.addressee)
        ranges.append((span.end - 1, span.end))
    for section in doc.sections:
        heading = section.heading
        if heading.value:
            span = doc.span(heading.line.start, heading.marker_end)
            ranges.append((span.start, span.end))
    return _merged(ranges)


def _merged(ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sorted ranges with overlaps joined (a URL inside a Markdown link target)."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(ranges):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _inside(ranges: list[tuple[int, int]], offset: int) -> bool:
    index = bisect.bisect_right(ranges, (offset, float("inf"))) - 1
    return index >= 0 and ranges[index][0] <= offset < ranges[index][1]


def _neighbour(text: str, at: int, step: int) -> int:
    """Offset of the nearest character that is not blank or emphasis on the same line, or -1."""
    index = at if step > 0 else at - 1
    while 0 <= index < len(text) and text[index] in _TRANSPARENT:
        index += step
    if not 0 <= index < len(text) or text[index] in "\r\n":
        return -1
    return index


def _chinese(text: str, index: int) -> bool:
    return index >= 0 and _is_chinese(text[index])


@lru_cache(maxsize=8192)
def _is_chinese(char: str) -> bool:
    """Memoised: a report asks about the same few hundred characters again and again."""
    return _CHINESE.match(char) is not None


def _in_number(text: str, at: int) -> bool:
    """1,000 and 10:30 keep their ASCII marks."""
    return 0 < at < len(text) - 1 and text[at - 1].isdigit() and text[at + 1].isdigit()


def _with_blanks(text: str, start: int, end: int, left: int, right: int) -> Span:
    """Widen a mark's span over the blanks between it and Chinese neighbours: a full-width
    mark carries its own spacing, so 「不足 , 主要」 becomes 「不足，主要」."""
    if left >= 0 and _chinese(text, left) and text[left + 1:start].strip(_BLANK) == "":
        start = left + 1
    if right >= 0 and _chinese(text, right) and text[end:right].strip(_BLANK) == "":
        end = right
    return Span(start, end)


_OPENERS = {"《": "》", "“": "”", "‘": "’"}
_CLOSERS = {close: open_ for open_, close in _OPENERS.items()}


@register("pairing", provides=("found", "expected"))
class PairingCheck:
    """《》 “” ‘’ must close what they open within a paragraph: 「《纲要”」, 「“放管服“」 and an
    unclosed 《 are findings. No fix: which mark was meant is the author's call."""

    def __init__(self, params: Mapping[str, Any]):
        pass

    def run(self, ctx: Context) -> Iterator[Hit]:
        doc = ctx.doc
        for start, end in _paragraphs(doc):
            text = doc.text(start, end)
            if any(mark in text for mark in "《》“”‘’"):
                for offset, found, expected in _unpaired(text):
                    yield Hit(doc.span(start + offset, start + offset + 1),
                              {"found": found, "expected": expected})


_FINAL = tuple("。！？!?")


def _paragraphs(doc) -> Iterator[tuple[int, int]]:
    """Folded ranges of paragraphs: a line that does not end a sentence runs on into the
    next (PDF text and Markdown wrap one paragraph over several lines); a blank line or a
    sentence end closes it."""
    start = end = None
    for line in doc.lines:
        text = line.text.rstrip()
        if start is not None and not text:
            yield start, end
            start = None
        if not text:
            continue
        start, end = (line.start if start is None else start), line.end
        if text.endswith(_FINAL):
            yield start, end
            start = None
    if start is not None:
        yield start, end


_MARK = regex.compile(r"[《》“”‘’]")


def _unpaired(text: str) -> Iterator[tuple[int, str, str]]:
    """(offset, mark, what was expected there) for each mark that breaks the pairing."""
    stack: list[tuple[int, str]] = []
    for match in _MARK.finditer(text):
        offset, char = match.start(), match.group(0)
        if char in _OPENERS:
            if stack and stack[-1][1] == char:
                if _closed_later(text, match.end(), char):
                    # 「“平安建设宣传月、“12.4”」: the first was never closed; the second pairs on
                    yield stack[-1][0], char, f"与之配对的{_OPENERS[char]}"
                    stack[-1] = (offset, char)
                else:
                    yield offset, char, _OPENERS[char]   # 「“放管服“」: the second should close
                    stack.pop()
                continue
            stack.append((offset, char))
        elif not stack:
            yield offset, char, f"与之配对的{_CLOSERS[char]}"
        elif stack[-1][1] != _CLOSERS[char]:
            yield offset, char, _OPENERS[stack.pop()[1]]
        else:
            stack.pop()
    for offset, char in stack:
        yield offset, char, f"与之配对的{_OPENERS[char]}"


def _closed_later(text: str, start: int, opener: str) -> bool:
    """Whether the next mark of the opener's kind after `start` is its closer."""
    closer = _OPENERS[opener]
    for char in text[start:]:
        if char == closer:
            return True
        if char == opener:
            return False
    return False
