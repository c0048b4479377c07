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

from lawlint.document import dates, furniture, ordinals
from lawlint.document import Closing, Line
from lawlint.document.organs import OrganGrammar

_TITLE_WORD = regex.compile(r"报告|法治|建设|情况|总结|依法行政")
_TITLE_END = regex.compile(r"(?:报告|总结)$")
_SUBJECT = regex.compile(r"法治|依法行政|法制")
_KIND = regex.compile(r"报告|情况|总结")
_TAG = regex.compile(r"【[^】]{1,12}】")
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
    """Skip furniture and the 版头, take the title run nearest the body, then the addressee;
    every line above the first body line belongs to the front."""
    scan = _FrontScan(organs)
    stop = next((line for line in lines if line.text and not scan.take(line)), None)
    return scan.result(stop)


class _FrontScan:
    """One pass over the leading lines; `take` says whether a line still belongs to the front.
    Candidates are grouped into runs that furniture separates: a title never spans furniture."""

    def __init__(self, organs: OrganGrammar):
        self.organs = organs
        self.issuer: Line | None = None
        self.runs: list[list[Line]] = [[]]
        self.addressee: Line | None = None
        self.last: Line | None = None   # the last line taken
        self.seen = self.titled = 0

    def take(self, line: Line) -> bool:
        self.seen += 1
        text = line.text
        if self.seen > _MAX_SCAN or self.addressee is not None or self.titled > _MAX_FRONT_LINES:
            return False
        found = furniture.kind(text)
        if found == "issuer" and not any(self.runs):
            self.issuer = self.last = line
            return True
        if found or (dates.DATE.search(text) and not _TITLE_WORD.search(text)):
            self.last = line   # furniture, 版头, or a site name with the day's date
            if self.runs[-1]:
                self.runs.append([])
            return True
        if self.is_addressee(text):
            self.addressee = self.last = line
            return True
        if ordinals.parse(text) is not None or _is_body(text):
            return False
        line = _without_tag(line)
        self.titled += _title_like(line.text, self.organs)
        self.runs[-1].append(line)
        self.last = line
        return True

    def is_addressee(self, text: str) -> bool:
        """「县委、县政府：」: organ names, then a colon."""
        return text.endswith((":", "：")) and len(text) <= _MAX_NAME \
            and self.organs.is_organ(text[:-1])

    def result(self, stop: Line | None) -> Front:
        title, before = self._title()
        letterhead = self.issuer
        if title and letterhead is None and len(title) > 1 and self.organs.is_organ(title[0].text) \
                and title[0].text in "".join(line.text for line in title[1:]):
            letterhead, title = title[0], title[1:]
        if letterhead is None and before and self.organs.is_organ(before[-1].text):
            letterhead = before[-1]
        after = self._after(title)
        addressee = self.addressee
        if addressee is None and after and self.organs.is_organ(after[-1].text):
            addressee = after[-1]  # 「区政府」 written without its colon
        body_start = stop.start if stop else self.last.end if self.last else 0
        return Front(letterhead, title, addressee, body_start)

    def _title(self) -> tuple[tuple[Line, ...], list[Line]]:
        """The last run that names the report (a page heading often repeats or differs
        from the report's own title below it), and the candidates right above it (a site
        name across furniture is no letterhead)."""
        found: tuple[Line, ...] = ()
        before: list[Line] = []
        for run in self.runs:
            start = 0
            while start < len(run):
                title = _title_run(run[start:], self.organs)
                if title:
                    found, before = title, run[:start]
                start += len(title) or 1
        return found, before

    def _after(self, title: tuple[Line, ...]) -> list[Line]:
        lines = [line for run in self.runs for line in run]
        return lines[lines.index(title[-1]) + 1:] if title else []


def _without_tag(line: Line) -> Line:
    """「【法治建设报告】湖北省司法厅…报告」: a site's column tag glued before the title."""
    match = _TAG.match(line.text)
    if match and match.end() < len(line.text):
        return Line(line.text[match.end():], line.start + match.end(), line.end)
    return line


def _title_run(candidates: list[Line], organs: OrganGrammar) -> tuple[Line, ...]:
    """A run of title-like lines from the first candidate on, joined until a line completes
    the title (ends in 报告 or 总结); it must name the report: its subject and its kind."""
    run: list[Line] = []
    for line in candidates[:_MAX_TITLE_LINES]:
        if not _title_like(line.text, organs):
            break
        run.append(line)
        if _TITLE_END.search(line.text):
            break
    text = "".join(line.text for line in run)
    return tuple(run) if _SUBJECT.search(text) and _KIND.search(text) else ()


def _title_like(text: str, organs: OrganGrammar) -> bool:
    return len(text) <= _MAX_TITLE_LINE and (
        _TITLE_WORD.search(text) is not None or organs.is_organ(text)
        or _YEAR_PIECE.search(text) is not None)


def _is_body(text: str) -> bool:
    return len(text) > 60 or text.endswith(("。", ":", "：")) or _SENTENCE.search(text) is not None


def closing(lines: Sequence[Line], body_start: int, text_end: int,
            organs: OrganGrammar) -> Closing:
    """Find signature, date, 抄送 and 附件 at the end of the report (a page footer skipped)."""
    content = [line for line in lines if line.text and line.start >= body_start]
    copy_to, tail = None, []
    while content and (_COPY_TO.match(content[-1].text) or furniture.kind(content[-1].text) in ("web", "page")):
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
