"""Front matter and closing block of a report, found on folded lines (GB/T 9704-2012 layout).

Front: an optional letterhead (an organ name alone, 「清远市卫生健康局」), the title (1–4 lines),
the addressee (主送机关, ends with a colon). Closing: signature (署名) above the date (成文日期),
then 版记 lines such as 抄送.
"""

from __future__ import annotations

from collections.abc import Sequence

import regex

from lawlint import dates, ordinals
from lawlint.document import Closing, Line

ORGAN_SUFFIX = r"(?:局|委员会|委|政府|办公室|办|厅|院|部|署|中心|所|会|组|处|司|队|站)"
_ORGAN_ONLY = regex.compile(rf"\p{{Han}}{{2,30}}{ORGAN_SUFFIX}")
_TITLE_WORD = regex.compile(r"报告|法治|建设|情况|总结")
_RULE_LINE = regex.compile(r"[-*_=—]{3,}")
# GB/T 9704-2012 7.2: 份号, 密级和保密期限, 紧急程度 stand above the title
_HEADER_MARK = regex.compile(r"\d{6}|(?:绝密|机密|秘密)(?:★.{0,6})?|保密期限.{0,8}|特急|加急|特提|平急")
_SENTENCE = regex.compile(r"[。；;,]")
_COPY_TO = regex.compile(r"抄送|印发|\(此件")
_ATTACHMENT = regex.compile(r"附件\d*[:：]")
_ADDRESSEE_ORGAN = r"(?:委|政府|办|局|厅|委员会|办公室|部)"
_ONE_ADDRESSEE = rf"\p{{Han}}{{1,20}}{_ADDRESSEE_ORGAN}"
_BARE_ADDRESSEE = regex.compile(rf"(?:{_ONE_ADDRESSEE}、)*{_ONE_ADDRESSEE}")
_ADDRESSEE_END = regex.compile(ORGAN_SUFFIX + r"[:：]$")
_NAME = regex.compile(r"[\p{Han}()（）、 ·]+")
_MAX_FRONT_LINES = 8
_MAX_TITLE_LINES = 4
_MAX_NAME = 40


def front_matter(lines: Sequence[Line]) -> tuple[Line | None, tuple[Line, ...], Line | None, int]:
    """Return (letterhead, title lines, addressee, folded offset where the body starts)."""
    region = _front_region(lines)
    addressee_at = next((i for i, line in enumerate(region) if _is_addressee(line.text)), None)
    candidates = region if addressee_at is None else region[:addressee_at]
    candidates = [line for line in candidates
                  if not _RULE_LINE.fullmatch(line.text) and not _HEADER_MARK.fullmatch(line.text)]
    addressee = region[addressee_at] if addressee_at is not None else None
    if addressee is None and len(candidates) > 1 and _BARE_ADDRESSEE.fullmatch(candidates[-1].text):
        addressee = candidates.pop()  # 「区政府」 written without its colon
    letterhead = None
    if len(candidates) > 1 and _ORGAN_ONLY.fullmatch(candidates[0].text) \
            and candidates[0].text in "".join(line.text for line in candidates[1:]):
        letterhead, candidates = candidates[0], candidates[1:]
    title = tuple(candidates[:_MAX_TITLE_LINES])
    if not _TITLE_WORD.search("".join(line.text for line in title)):
        letterhead, title = letterhead or (title[0] if _is_organ(title) else None), ()
    last = addressee or (title[-1] if title else letterhead)
    body_start = last.end if last else (region[0].start if region else 0)
    return letterhead, title, addressee, body_start


def _front_region(lines: Sequence[Line]) -> list[Line]:
    """Leading non-blank lines that are neither headings nor body paragraphs."""
    region: list[Line] = []
    for line in lines:
        if not line.text:
            continue
        if len(region) >= _MAX_FRONT_LINES or ordinals.parse(line.text) is not None \
                or _is_body(line.text):
            break
        region.append(line)
    return region


def _is_body(text: str) -> bool:
    return len(text) > 60 or text.endswith("。") or _SENTENCE.search(text) is not None


def _is_addressee(text: str) -> bool:
    """「县委、县政府：」: organ names joined by 、, then a colon."""
    return (text.endswith((":", "：")) and len(text) <= _MAX_NAME
            and _ADDRESSEE_END.search(text) is not None)


def _is_organ(title: tuple[Line, ...]) -> bool:
    return len(title) == 1 and _ORGAN_ONLY.fullmatch(title[0].text) is not None


def closing(lines: Sequence[Line], body_start: int, text_end: int) -> Closing:
    """Find signature, date, 抄送 and 附件 at the end of the report."""
    content = [line for line in lines if line.text and line.start >= body_start]
    copy_to = None
    while content and _COPY_TO.match(content[-1].text):
        line = content.pop()
        copy_to = line if line.text.startswith("抄送") else copy_to
    attachments = tuple(line for line in content if _ATTACHMENT.match(line.text))
    date_line = content.pop() if content and dates.is_date_line(content[-1].text) else None
    signature = content.pop() if content and is_signature(content[-1].text) else None
    start = min((line.start for line in (signature, date_line, copy_to) if line), default=text_end)
    written = dates.parse(date_line.text) if date_line else None
    return Closing(start, signature, date_line, written, copy_to, attachments)


def is_signature(text: str) -> bool:
    """A line that can be a signing organ: short, unpunctuated, not a heading or a date."""
    return (
        2 <= len(text) <= _MAX_NAME
        and _NAME.fullmatch(text) is not None
        and ordinals.parse(text) is None
    )
