"""成文日期 forms, calendar validity and deadlines.

GB/T 9704-2012 7.3.5.4: the date is written in Arabic numerals with the full year and no
leading zeros in month and day, e.g. 2024年1月29日.
"""

from __future__ import annotations

import datetime
import unicodedata
from dataclasses import dataclass

import regex

from lawlint.document.ordinals import CN_NUMERAL, cn_to_int

_CN = f"[{CN_NUMERAL}Oo]"
DATE = regex.compile(
    rf"(?P<y>\d{{4}}|\d{{2}}|{_CN}{{4}})年(?P<m>\d{{1,2}}|{_CN}{{1,2}})月(?P<d>\d{{1,2}}|{_CN}{{1,3}})日"
    r"|(?P<y>\d{4})(?P<sep>[.\-/])(?P<m>\d{1,2})(?P=sep)(?P<d>\d{1,2})(?!\d)"
)
STANDARD = regex.compile(r"\d{4}年[1-9]\d?月[1-9]\d?日")


@dataclass(frozen=True, slots=True)
class WrittenDate:
    """A date as written: its parts as numbers (None when unreadable) and whether the form
    is the GB/T 9704 one."""

    text: str
    year: int | None
    month: int | None
    day: int | None
    standard: bool
    year_digits: int = 4   # how many characters the year was written with (「24年」: 2)
    offset: int = 0        # where in the parsed (folded) text the date starts

    def as_date(self) -> datetime.date | None:
        """The calendar date, or None when it does not exist (2023年2月29日)."""
        if None in (self.year, self.month, self.day):
            return None
        try:
            return datetime.date(self.year, self.month, self.day)  # type: ignore[arg-type]
        except ValueError:
            return None


def parse(text: str) -> WrittenDate | None:
    """Parse the first date in a folded text, or None."""
    match = DATE.search(text)
    if match is None:
        return None
    year = _number(match.group("y"))
    if year is not None and year < 100:
        year += 2000  # 「24年1月29日」: a format defect (no full year), not a date in year 24
    return WrittenDate(
        text=match.group(0),
        year=year,
        month=_number(match.group("m")),
        day=_number(match.group("d")),
        standard=STANDARD.fullmatch(match.group(0)) is not None,
        year_digits=len(match.group("y")),
        offset=match.start(),
    )


def calendar_day(text: str | None) -> datetime.date | None:
    """The day a date written outside a parsed document names (a FileResult's 成文日期, a
    cell of a receipt log): full-width digits and the spaces PDFs put between characters
    (「2022 年 1 月 10 日」) allowed; None when there is no real date."""
    if not text:
        return None
    written = parse("".join(unicodedata.normalize("NFKC", text).split()))
    return written.as_date() if written else None


def is_date_line(folded_line: str) -> bool:
    """True when a folded line holds a date and nothing else."""
    return DATE.fullmatch(folded_line.strip()) is not None


def deadline(year: int, month_day: str) -> datetime.date:
    """The deadline date of a year from a pack parameter such as '03-01'."""
    month, day = (int(part) for part in month_day.split("-"))
    return datetime.date(year, month, day)


def _number(text: str | None) -> int | None:
    if text is None:
        return None
    return int(text) if text.isdigit() else cn_to_int(text)


# A year the text speaks of: 「2023年」, 「2023 年度」; not one inside 《…》 (a cited title),
# nor either end of a range (「2021—2025年」), nor a year run into other digits.
_SPOKEN_YEAR = regex.compile(
    r"(?<![\d\-—–~～至到])((?:19|20)\d\d)\s*(?:年度|年)(?!\s*[\-—–~～至到]\s*\d)")
_CITED = regex.compile(r"《[^《》\n]*》")


def spoken_years(text: str) -> list[int]:
    """Years the text names in its own voice, in order (cited titles and ranges left out)."""
    plain = _CITED.sub(lambda m: " " * len(m.group(0)), text) if "《" in text else text
    return [int(match.group(1)) for match in _SPOKEN_YEAR.finditer(plain)]
