"""The pack's `laws` (laws, regulations and plans with their dates) as one index, and the
citations of a text (《…》, and 〈…〉 inside them) looked up in it.

Reports cite titles loosely: with or without 中华人民共和国, full- or half-width brackets, a
hyphen for the dash, the period's 年 left out. Every such form has one *key*; a citation
whose key is known is that entry, whatever its form, and a citation whose key is unknown but
within a small edit distance of a known title of the same genre is probably a miswritten one
(《基本医疗与健康促进法》 → 《基本医疗卫生与健康促进法》)."""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import regex

STATE_PREFIX = "中华人民共和国"
_DASHES = re.compile(r"\s*(?:[-‐‑‒–—―~～－]+|至)\s*")
_PERIOD = re.compile(r"\((\d{4})年?-(\d{4})年?\)")
_EDITION = re.compile(r"\((?:\d{4}年)?(?:修订|修正|修改|版|本)[^()]{0,6}\)$")
_BLANKS = re.compile(r"\s+")
_PLAIN = re.compile(r"[^\s()（）<>〈〉《》\-‐‑‒–—―~～－至]+")
_FIRST_YEAR = re.compile(r"(\d{4})年(?=—\d{4}年)")
# What a law-like title ends in; a near miss must end in the same word.
_GENRES = ("办法", "条例", "规定", "细则", "纲要", "规划", "法典", "决定", "准则", "规则", "法")
_CITATION = re.compile(r"《([^《》\n]{2,80})》")
_INNER = re.compile(r"<([^<>\n]{2,80})>|〈([^〈〉\n]{2,80})〉")
_MAX_EDITS = 2
_EDIT_SHARE = 5      # a near miss changes at most one character in five


def _half(text: str) -> str:
    return text.translate(_HALF)


# half-width brackets; a title quoted inside a title is 〈…〉 (or <…>) when cited, 《…》 in
# the registry's own titles
_HALF = {0xFF08: "(", 0xFF09: ")", 0x3000: " ", 0x3008: "《", 0x3009: "》", 0x3C: "《", 0x3E: "》"}


@lru_cache(maxsize=4096)   # the same titles are looked up by four rules, report after report
def key(title: str) -> str:
    """One form for every way of writing a title: no blanks, half-width brackets, one dash,
    no 年 in the period, no 中华人民共和国 and no edition note (（2021年修订）)."""
    if _PLAIN.fullmatch(title):   # most law titles: nothing to fold (the registry's 800 forms)
        return title.removeprefix(STATE_PREFIX)
    text = _BLANKS.sub("", _half(title))
    text = _DASHES.sub("-", text)
    text = _PERIOD.sub(r"(\1-\2)", text)
    text = _EDITION.sub("", text)
    return text.removeprefix(STATE_PREFIX)


def inner(title: str) -> str:
    """A title as it stands inside 《》: a title quoted in it takes 〈〉."""
    return title.replace("《", "〈").replace("》", "〉")


def cite(title: str) -> str:
    """《title》, nested marks as GB/T 15834 has them."""
    return f"《{inner(title)}》"


@lru_cache(maxsize=4096)
def written(title: str) -> str:
    """A title as written, less what is never wrong: blanks, bracket width, an edition note,
    年 after both years (2021年—2025年)."""
    return _EDITION.sub("", _FIRST_YEAR.sub(r"\1", _BLANKS.sub("", _half(title))))


def base(title_key: str) -> str:
    """A key without its period: 法治政府建设实施纲要(2021-2025) → 法治政府建设实施纲要."""
    return _PERIOD.sub("", title_key)


def genre(title_key: str) -> str | None:
    body = base(title_key)
    return next((word for word in _GENRES if body.endswith(word)), None)


def _date(value: Any) -> datetime.date | None:
    """YYYY-MM-DD (YAML may give a date object); YYYY-MM or YYYY mean the first day."""
    if value is None or isinstance(value, datetime.date):
        return value
    parts = [int(p) for p in str(value).split("-")]
    return datetime.date(parts[0], *(parts[1:] + [1, 1])[:2])


@dataclass(frozen=True, slots=True)
class Law:
    """One registry entry. `ends` is the first day it is no longer current: the day it was
    repealed or replaced, the day its successor took its place without repealing it, or the
    day after a plan's period; `amended` is None when the
    amendment history was not verified (then nothing is said about how new it is)."""

    title: str
    short: tuple[str, ...]
    type: str
    made: tuple[str, ...] | None   # adopted, in force, amended (ISO dates): None if not all known
    ends: datetime.date | None
    how: str            # how it ended: repealed (or replaced), superseded (no repeal), expired
    successor: str
    issued: str
    mentions: regex.Pattern | None
    source: str

    @property
    def last_made(self) -> datetime.date | None:
        """When it was last adopted, brought into force or amended, if its history is known
        (ISO dates order as strings: parsed only here, for the few laws a claim cites)."""
        return _date(max(self.made)) if self.made else None

    def forms(self) -> frozenset[str]:
        """The ways of writing it that are right (as `written` gives them): the title, its
        short forms, and either without 中华人民共和国."""
        names = [written(n) for n in (self.title, *self.short)]
        return frozenset(names) | {n.removeprefix(STATE_PREFIX) for n in names}

    def canonical(self, cited: str) -> str:
        """The right title in the form the author chose (with or without 中华人民共和国), as
        it stands between 《》 (a title quoted inside it in 〈〉)."""
        title = self.title
        if not cited.lstrip().startswith(STATE_PREFIX) and title.startswith(STATE_PREFIX):
            title = title.removeprefix(STATE_PREFIX)
        return inner(title)


def law_from(entry: Mapping[str, Any], successors: Mapping[str, Mapping[str, Any]]) -> Law:
    """A registry entry as the pack writes it."""
    period = entry.get("period")
    ends, how = _date(entry.get("repealed")), "repealed"
    if ends is None and entry.get("superseded"):
        ends, how = _date(entry["superseded"]), "superseded"
    if period and ends is None and (entry.get("successor") or entry.get("region", "全国") != "全国"):
        # a national plan with no successor yet stays the basis of work until one is issued;
        # a province's plan of an ended period has been followed by the next one
        ends, how = datetime.date(int(period[1]) + 1, 1, 1), "expired"
    amended, adopted = entry.get("amended"), entry.get("adopted") or entry.get("issued")
    made = None if amended is None or adopted is None else \
        tuple(str(d) for d in (adopted, entry.get("in_force"), *amended) if d)
    successor = entry.get("successor", "")
    issued = successors.get(successor, {}).get("issued") or successors.get(successor, {}).get("adopted")
    return Law(entry["title"], tuple(entry.get("short", ())), entry.get("type", ""), made,
               ends, how, successor, _month(issued),
               regex.compile(entry["mentions"]) if entry.get("mentions") else None,
               entry.get("source", ""))


def _month(value: Any) -> str:
    day = _date(value)
    return f"{day.year}年{day.month}月" if day else ""


@dataclass(frozen=True, slots=True)
class Citation:
    """A title between 《》 (or 〈〉 inside them) in folded text: the title's own range, and the
    range of the outermost 《…》 it sits in (what a sentence is read without)."""

    start: int
    end: int
    title: str
    outer_start: int
    outer_end: int


def citations(text: str, start: int = 0, end: int | None = None) -> Iterator[Citation]:
    """Every cited title, outer ones and the ones nested in them."""
    for match in _CITATION.finditer(text, start, len(text) if end is None else end):
        outer = (match.start(), match.end())
        yield Citation(match.start(1), match.end(1), match.group(1), *outer)
        for inner in _INNER.finditer(match.group(1)):
            group = 1 if inner.group(1) is not None else 2
            offset = match.start(1) + inner.start(group)
            yield Citation(offset, offset + len(inner.group(group)), inner.group(group), *outer)


class LawBook:
    """The registry: look a title up, or find the entry a miswritten title probably means."""

    def __init__(self, laws: Iterable[Law]):
        self.laws = tuple(laws)
        self.by_key: dict[str, Law] = {}
        self.bases: set[str] = set()
        self._by_genre: dict[str, list[tuple[str, Law]]] = {}
        for law in self.laws:
            for form in (law.title, *law.short):
                self.by_key.setdefault(key(form), law)
                self.bases.add(base(key(form)))
        for title_key, law in self.by_key.items():
            kind = genre(title_key)
            if kind:
                self._by_genre.setdefault(kind, []).append((title_key, law))

    @classmethod
    def from_pack(cls, entries: Iterable[Mapping[str, Any]]) -> LawBook:
        entries = list(entries)
        by_title = {entry["title"]: entry for entry in entries}
        return cls(law_from(entry, by_title) for entry in entries)

    def __bool__(self) -> bool:
        return bool(self.laws)

    def lookup(self, title: str) -> Law | None:
        return self.by_key.get(key(title))

    def known_base(self, title: str) -> bool:
        """The title names a known document, with some period or none (纲要 without years)."""
        return base(key(title)) in self.bases

    @lru_cache(maxsize=1024)   # noqa: B019 - one book per registry, kept for the process
    def nearest(self, title: str) -> Law | None:
        """The one entry of the same genre within a small edit distance, if exactly one is
        that near; an extension of a known title (…法实施条例) is another document."""
        cited = key(title)
        kind = genre(cited)
        if kind is None:
            return None
        found: dict[str, tuple[int, Law]] = {}
        for known, law in self._by_genre.get(kind, ()):
            limit = min(_MAX_EDITS, min(len(known), len(cited)) // _EDIT_SHARE)
            if limit < 1 or abs(len(known) - len(cited)) > limit or _extends(cited, known):
                continue
            distance = edit_distance(cited, known, limit)
            if distance <= limit:
                best = found.get(law.title)
                if best is None or distance < best[0]:
                    found[law.title] = (distance, law)
        if not found:
            return None
        ranked = sorted(found.values(), key=lambda item: item[0])
        if len(ranked) > 1 and ranked[0][0] == ranked[1][0]:
            return None   # two titles equally near: no guess
        return ranked[0][1]


def _extends(a: str, b: str) -> bool:
    return a.startswith(b) or b.startswith(a) or a.endswith(b) or b.endswith(a)


def edit_distance(a: str, b: str, limit: int) -> int:
    """Levenshtein distance, computed only in the band |i - j| <= limit; anything farther
    comes back as limit + 1 (titles are short and only near misses matter)."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    far = limit + 1
    previous = list(range(len(b) + 1))
    for i, char in enumerate(a, start=1):
        current = [far] * (len(b) + 1)
        if i <= limit:
            current[0] = i
        for j in range(max(1, i - limit), min(len(b), i + limit) + 1):
            current[j] = min(previous[j] + 1, current[j - 1] + 1,
                             previous[j - 1] + (char != b[j - 1]))
        if min(current) > limit:
            return far
        previous = current
    return min(previous[len(b)], far)


_BOOKS: dict[str, LawBook] = {}


def book_of(digest: str, entries: list[Mapping[str, Any]]) -> LawBook:
    """One LawBook per set of packs (their digest): packs are loaded many times in a run."""
    if digest not in _BOOKS:
        _BOOKS[digest] = LawBook.from_pack(entries)
    return _BOOKS[digest]
