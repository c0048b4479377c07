"""Front matter and closing block of a report, found on folded lines (GB/T 9704-2012 layout).

Front: page furniture and the 版头 (skipped, see `furniture`), an optional letterhead or
发文机关标志, the title (the first run of title lines, 1–4), the addressee (主送机关: organ
names and a colon). Closing: signature (署名, one to three organ lines) above the date
(成文日期), then 版记 lines such as 抄送; a web page's footer below them is skipped.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import regex

from lawlint import dates, furniture, ordinals
from lawlint.document import Closing, Line
from lawlint.organs import OrganGrammar

_TITLE_WORD = regex.compile(r"报告|法治|建设|情况|总结|依法行政")
_TITLE_END = regex.compile(r"(?:报告|总结)$")
_YEAR_PIECE = regex.compile(r"(?:19|20)\d\d年度?$|^关于")
_SENTENCE = regex.compile(r"[。；;,]")
_COPY_TO = regex.compile(r"抄送|印发|\(此件")
_ATTACHMENT = regex.compile(r"附件\d*[:：]")
_NAME = regex.compile(r"[\p{Han}()（）、 ·]+")
_MAX_FRONT_LINES = 8
_MAX_TITLE_LINES = 4
_MAX_TITLE_LINE = 50
_MAX_SCAN = 40
_MAX_NAME = 40
_MAX_SIGNATURE_LINES = 3


@dataclass(frozen=True, slots=True)
class Front:
    """What stands above the body: letterhead or 发文机关标志, title lines, addressee."""

    letterhead: Line | None
    title: tuple[Line, ...]
    addressee: Line | None
    body_start: int


def front_matter(lines: Sequence[Line], organs: OrganGrammar) -> Front:
    """Skip furniture and the 版头, take the first run of title lines, then the addressee;
    the body starts after the last line that belongs to the front."""
    scan = _FrontScan(organs)
    for line in lines:
        if line.text and not scan.take(line):
            break
    return scan.result(lines)


class _FrontScan:
    """One pass over the leading lines; `take` says whether a line still belongs to the front."""

    def __init__(self, organs: OrganGrammar):
        self.organs = organs
        self.issuer: Line | None = None
        self.candidates: list[Line] = []
        self.addressee: Line | None = None
        self.last: Line | None = None   # the last furniture or 版头 line taken
        self.seen = 0

    def take(self, line: Line) -> bool:
        self.seen += 1
        text = line.text
        if self.seen > _MAX_SCAN or self.addressee is not None:
            return False
        found = furniture.kind(text)
        if found == "issuer" and not self.candidates:
            self.issuer = self.last = line
            return True
        if found or (dates.DATE.search(text) and not _TITLE_WORD.search(text)):
            self.last = line   # furniture, 版头, or a site name with the day's date
            return True
        if ordinals.parse(text) is not None or _is_body(text):
            return False
        if self.is_addressee(text):
            self.addressee = line
            return True
        if len(self.candidates) >= _MAX_FRONT_LINES:
            return False
        self.candidates.append(line)
        return True

    def is_addressee(self, text: str) -> bool:
        """「县委、县政府：」: organ names, then a colon."""
        return text.endswith((":", "：")) and len(text) <= _MAX_NAME \
            and self.organs.is_organ(text[:-1])

    def result(self, lines: Sequence[Line]) -> Front:
        title = _title_run(self.candidates, self.organs)
        letterhead = self.issuer
        if title and letterhead is None and len(title) > 1 and self.organs.is_organ(title[0].text) \
                and title[0].text in "".join(line.text for line in title[1:]):
            letterhead, title = title[0], title[1:]
        if not title and self.candidates and self.organs.is_organ(self.candidates[0].text):
            letterhead = letterhead or self.candidates[0]
        rest = self.candidates[self.candidates.index(title[-1]) + 1:] if title else []
        addressee = self.addressee
        if addressee is None and rest and self.organs.is_organ(rest[-1].text):
            addressee = rest[-1]  # 「区政府」 written without its colon
        ends = [line for line in (self.last, addressee, letterhead, *title) if line]
        ends += [line for line in rest if _repeats(line.text, title)]
        first = next((line for line in lines if line.text), None)
        body_start = max(line.end for line in ends) if ends else (first.start if first else 0)
        return Front(letterhead, title, addressee, body_start)


def _title_run(candidates: list[Line], organs: OrganGrammar) -> tuple[Line, ...]:
    """The first run of title-like lines, joined until a line completes the title (ends in
    报告 or 总结); a run that never names the report (报告, 法治, 情况…) is no title."""
    for start, first in enumerate(candidates):
        if not _title_like(first.text, organs):
            continue
        run: list[Line] = []
        for line in candidates[start:start + _MAX_TITLE_LINES]:
            if not _title_like(line.text, organs):
                break
            run.append(line)
            if _TITLE_END.search(line.text):
                break
        if _TITLE_WORD.search("".join(line.text for line in run)):
            return tuple(run)
    return ()


def _title_like(text: str, organs: OrganGrammar) -> bool:
    return len(text) <= _MAX_TITLE_LINE and (
        _TITLE_WORD.search(text) is not None or organs.is_organ(text)
        or _YEAR_PIECE.search(text) is not None)


def _repeats(text: str, title: tuple[Line, ...]) -> bool:
    """The page shows the title twice (as page heading and in the body)."""
    whole = "".join(line.text for line in title)
    return bool(whole) and (text == whole or (len(text) >= 6 and text in whole))


def _is_body(text: str) -> bool:
    return len(text) > 60 or text.endswith("。") or _SENTENCE.search(text) is not None


def closing(lines: Sequence[Line], body_start: int, text_end: int,
            organs: OrganGrammar) -> Closing:
    """Find signature, date, 抄送 and 附件 at the end of the report (a page footer skipped)."""
    content = [line for line in lines if line.text and line.start >= body_start]
    copy_to, tail = None, []
    while content and (_COPY_TO.match(content[-1].text) or furniture.kind(content[-1].text) == "web"):
        line = content.pop()
        tail.append(line)
        copy_to = line if line.text.startswith("抄送") else copy_to
    attachments = tuple(line for line in content if _ATTACHMENT.match(line.text))
    date_line = content.pop() if content and dates.is_date_line(content[-1].text) else None
    signatures: list[Line] = []
    if content and is_signature(content[-1].text):
        signatures.append(content.pop())
        while content and len(signatures) < _MAX_SIGNATURE_LINES and date_line \
                and organs.is_organ(content[-1].text) and organs.is_organ(signatures[-1].text):
            signatures.append(content.pop())   # a joint signature: 党委 above 政府
    signatures.reverse()
    start = min((line.start for line in (*signatures, date_line, *tail) if line), default=text_end)
    written = dates.parse(date_line.text) if date_line else None
    return Closing(start, signatures[0] if signatures else None, date_line, written, copy_to,
                   attachments, tuple(signatures))


def is_signature(text: str) -> bool:
    """A line that can be a signing organ: short, unpunctuated, not a heading or a date."""
    return (
        2 <= len(text) <= _MAX_NAME
        and _NAME.fullmatch(text) is not None
        and ordinals.parse(text) is None
    )
