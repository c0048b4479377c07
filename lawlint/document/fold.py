"""Source in, `Folded` out: the noise-tolerant view that every matcher runs on.

Folding only maps characters one to one or deletes them, so `origin[i]` (the offset in
`Source.text` of folded character i) is exact and every match maps back to the original.
What folds: full-width ASCII to half-width, odd spaces to plain ones, traditional characters
to simplified ones (「法治政府建設」 → 「法治政府建设」); deleted: HTML comments, CR of CRLF,
line indentation and trailing blanks, Markdown heading marks, spaces that PDF extraction puts
inside Chinese text (「清 远 市」, 「2023 年」), and the line breaks of a paragraph split by a
page break (「亲」 / 「自抓」), never next to page furniture (「浏览量：1」 / 「2022年，…」).
"""

from __future__ import annotations

import re
from array import array
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache

import regex

from lawlint.document import dates, furniture, ordinals, tradsimp
from lawlint.document.source import Source

# ＊ (U+FF0A) stays: ＊＊ is a template placeholder, ** is Markdown emphasis.
_WIDTH = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F) if code != 0xFF0A}
_WIDTH.update({0x3000: 0x20, 0x00A0: 0x20, 0x0009: 0x20, 0x000B: 0x20, 0x000C: 0x20,
               0x2002: 0x20, 0x2003: 0x20, 0x200B: 0x20, 0xFEFF: 0x20})
# The characters to narrow, found with `re` (several times faster than `regex` on a plain
# class) and replaced one distinct character at a time: str.translate looks every character
# of the text up in the table, which costs ~8× more on Chinese text. Written as ranges: `re`
# compiles a class of 100 single characters above U+00FF in 0.5 ms, these in 0.3 ms.
_WIDE = re.compile("[\t\x0b\x0c\xa0\u2002\u2003\u200b\u3000\ufeff\uff01-\uff09\uff0b-\uff5e]")
_NARROW = {chr(code): chr(value) for code, value in _WIDTH.items()}
_CJK = regex.compile(r"[\p{Han}\u3001-\u303f\u2014\u2018\u2019\u201c\u201d\u2026\u00b7]")
_SPACES = re.compile(" +")
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)    # lawlint directives, editors' notes
_MARKDOWN = re.compile(r"^[ ]*#{1,6}(?!#)[ ]*", re.MULTILINE)
_CRLF = re.compile(r"\r(?=\n)")
_KEPT_RUN = re.compile(b"\x00+")
_BREAK = re.compile("[\r\n]")
_SENTENCE_END = "。！？!?；;:："
_BODY_PUNCTUATION = regex.compile(r"[,，。；;、“”:：]")
_MAX_PAGE_BREAK_BLANKS = 3
_LONG_LINE = 50


@dataclass(frozen=True, slots=True)
class Folded:
    """Folded text; `origin` has one entry per folded character plus one for the end.
    `markdown` keeps what folding deleted but the parser needs: the level of each Markdown
    heading mark (「## 二、…」), by the original offset of its line."""

    text: str
    origin: array
    markdown: Mapping[int, int] = field(default_factory=dict)

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Map a folded range [start, end) to the original range it came from."""
        if end <= start:
            return self.origin[start], self.origin[start]
        return self.origin[start], self.origin[end - 1] + 1


def fold(source: Source) -> Folded:
    """Fold a source into its matching view."""
    text = tradsimp.simplify(_narrowed(source.text))
    deleted = bytearray(len(text))
    markdown: dict[int, int] = {}
    for pattern, marker in ((_COMMENT, "<!--"), (_MARKDOWN, "#"), (_CRLF, "\r")):
        if marker in text:
            for match in pattern.finditer(text):
                deleted[match.start():match.end()] = b"\x01" * (match.end() - match.start())
                if marker == "#":
                    markdown[match.start()] = match.group(0).count("#")
    for match in _SPACES.finditer(text):
        if _droppable(text, match.start(), match.end()):
            deleted[match.start():match.end()] = b"\x01" * (match.end() - match.start())
    _delete_page_breaks(text, deleted)
    pieces: list[str] = []
    origin = array("l")
    identity = _identity(len(text))
    for run in _KEPT_RUN.finditer(bytes(deleted)):
        pieces.append(text[run.start():run.end()])
        origin.extend(identity[run.start():run.end()])
    origin.append(len(text))
    return Folded("".join(pieces).replace("\r", "\n"), origin, markdown)


def _narrowed(text: str) -> str:
    """`text.translate(_WIDTH)`, replacing only the wide characters that occur."""
    for char in set(_WIDE.findall(text)):
        text = text.replace(char, _NARROW[char])
    return text


# 0, 1, 2, …: a kept run's origin entries are a slice of it (a copy, not a Python loop over a
# range). A memo grown on demand to the longest text folded, up to _IDENTITY_MAX entries.
_IDENTITY = array("l")
_IDENTITY_MAX = 1 << 21


def _identity(size: int) -> array:
    if len(_IDENTITY) < size:
        if size > _IDENTITY_MAX:
            return array("l", range(size))   # a huge file: not worth keeping
        _IDENTITY.extend(range(len(_IDENTITY), max(size, 2 * len(_IDENTITY), 1 << 14)))
    return _IDENTITY


def _droppable(text: str, start: int, end: int) -> bool:
    """Indentation, trailing blanks, and spaces next to Chinese text (「2023 年」, 「清 远」);
    spaces between Latin words stay."""
    before = text[start - 1] if start else "\n"
    after = text[end] if end < len(text) else "\n"
    if before in "\r\n" or after in "\r\n":
        return True
    return _is_cjk(before) or _is_cjk(after)


@lru_cache(maxsize=8192)
def _is_cjk(char: str) -> bool:
    return _CJK.match(char) is not None


def _delete_page_breaks(text: str, deleted: bytearray) -> None:
    """Re-join a paragraph that a page break split: delete the break between its halves."""
    lines = _content_lines(text, deleted)
    for (_, end, line), (next_start, _, next_line), blanks in _neighbours(lines):
        if blanks <= _MAX_PAGE_BREAK_BLANKS and _ends_open(line) and _continues(next_line) \
                and not furniture.is_furniture(line) and not furniture.is_furniture(next_line):
            deleted[end:next_start] = b"\x01" * (next_start - end)


def _content_lines(text: str, deleted: bytearray) -> list[tuple[int, int, str]]:
    """Each line as (content start, content end, content), content being what folding keeps.
    As `[^\\r\\n]*` matches: a line, then an empty match at its end; an empty line once."""
    lines = []
    start = 0
    for line in _BREAK.split(text):
        end = start + len(line)
        if line:
            first = deleted.find(0, start, end)
            if first < 0:
                lines.append((end, end, ""))
            else:
                last = deleted.rfind(0, start, end) + 1
                lines.append((first, last, text[first:last]))
        lines.append((end, end, ""))
        start = end + 1
    return lines


def _neighbours(lines):
    """Yield consecutive non-blank lines with the number of blank lines between them."""
    previous, blanks = None, 0
    for line in lines:
        if not line[2]:
            blanks += 1
            continue
        if previous is not None:
            yield previous, line, blanks
        previous, blanks = line, 0


def _ends_open(line: str) -> bool:
    """A line that stops mid-sentence and reads as body text (not a title or heading)."""
    if line[-1] in _SENTENCE_END or line.startswith("#"):
        return False
    if ordinals.parse(line) is not None and len(line) < _LONG_LINE and "。" not in line:
        return False  # a heading; a numbered paragraph 「1.突出…。我局…」 has a full stop
    return len(line) >= _LONG_LINE or _BODY_PUNCTUATION.search(line) is not None


def _continues(line: str) -> bool:
    """A line that can be the second half of a split paragraph (not a heading, date or name)."""
    if ordinals.parse(line) is not None or dates.is_date_line(line) or line.startswith("#"):
        return False
    return len(line) >= 30 or _BODY_PUNCTUATION.search(line) is not None
