"""The roster (名单) of a batch audit: read the units that must report and the receipt log
(收文登记), and account for a batch against them: which submission is whose, who sent
nothing, what matches nobody, and who was late.

Matching trusts the report's own organ first (exact, after the organ grammar's normal form),
then the grammar's looser `same()` when it names exactly one unit, then the file name. It never
guesses between two units, and a unit never takes a report whose organ or file name names
another place (two counties' 「司法局」 keep their own reports).
"""

from __future__ import annotations

import codecs
import csv
import datetime
import io
import os
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path, PurePath, PurePosixPath

from lawlint.audit.roster_model import Accounting, Unit
from lawlint.document import dates
from lawlint.document.organs import OrganGrammar
from lawlint.errors import InputError, UsageError
from lawlint.pipeline.result import FileResult

# Accepted headers, most specific first: the first one a header row has names the column.
NAME_HEADERS = ("单位名称", "机关名称", "单位", "名称")
SHORT_HEADERS = ("简称", "别称")
LEVEL_HEADERS = ("层级", "级别")
PARENT_HEADERS = ("上级单位", "主管单位", "上级")
FILE_HEADERS = ("文件名", "文件", "路径")
DATE_HEADERS = ("收文日期", "收到日期", "日期")

HEADER_ROWS = 5              # a header may sit below a title row or two
MIN_FILE_NAME_SHORT = 3      # a shorter 简称 (「教育」) says too little inside a file name
_LIST = re.compile(r"[、，,;；/／\s]+")   # between several short names in one cell
_NOTE = re.compile(r"\(.*\)$")            # 「单位名称（全称）」: a note after the header word
_HAN = re.compile(r"[\u4e00-\u9fff]+")


# --- reading tables -------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class _Table:
    """A sheet as rows of cells, each row with its 1-based line (CSV) or row (Excel) number."""

    path: str
    rows: tuple[tuple[int, tuple[object, ...]], ...]


def _read_table(path: str | os.PathLike, what: str) -> _Table:
    """A .csv or .xlsx file as rows; one InputError for anything that stops the reading."""
    name = os.fspath(path)
    suffix = Path(name).suffix.lower()
    if os.path.isdir(name):
        raise InputError(f"a folder, not a {what} file", name, hint="name a .csv or .xlsx file")
    if not os.path.exists(name):
        raise InputError(f"no such {what} file", name, hint="name a .csv or .xlsx file")
    if suffix in (".xlsx", ".xlsm"):
        return _Table(name, _xlsx_rows(name, what))
    if suffix in (".csv", ".txt"):
        return _Table(name, _csv_rows(name, what))
    hint = "open it in Excel and save it as .xlsx or CSV" if suffix in (".xls", ".et", ".ods") \
        else "a roster or receipt log is a .csv or .xlsx file"
    raise InputError(f"cannot read a {what} from a {suffix or 'suffix-less'} file", name, hint=hint)


def _csv_rows(name: str, what: str) -> tuple[tuple[int, tuple[object, ...]], ...]:
    try:
        data = Path(name).read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read the {what}: {exc.strerror}", name) from None
    text = _decode(data, name)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text))
    rows, line = [], 1
    try:
        for cells in reader:
            rows.append((line, tuple(cells)))
            line = reader.line_num + 1
    except csv.Error as exc:
        raise InputError(f"not a readable CSV ({exc})", name, line) from None
    return tuple(rows)


def _decode(data: bytes, name: str) -> str:
    """UTF-8 (with or without BOM), else GB18030, which Excel on Chinese Windows writes;
    UTF-16 when it starts with its BOM (Excel's 「Unicode 文本」)."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", errors="replace")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("gb18030")
    except UnicodeDecodeError as exc:
        raise InputError(f"not UTF-8 or GB18030 text (byte {exc.start})", name,
                         hint="save it from Excel as 「CSV UTF-8」 or as .xlsx") from None


def _delimiter(text: str) -> str:
    """Comma, or tab for a tab-separated export (Excel's 「Unicode 文本」)."""
    head = [line for line in text.splitlines()[:HEADER_ROWS + 1] if line.strip()]
    return "\t" if sum(line.count("\t") for line in head) > sum(line.count(",") for line in head) else ","


def _xlsx_rows(name: str, what: str) -> tuple[tuple[int, tuple[object, ...]], ...]:
    """The first sheet's values. Its dimensions are reset: some writers record them wrongly,
    and read-only mode would then cut rows off."""
    import openpyxl

    try:
        book = openpyxl.load_workbook(name, read_only=True, data_only=True)
        try:
            sheet = book.worksheets[0]
            sheet.reset_dimensions()
            return tuple((number, tuple(cells)) for number, cells
                         in enumerate(sheet.iter_rows(min_row=1, values_only=True), 1))
        finally:
            book.close()
    except OSError as exc:
        raise InputError(f"cannot read the {what}: {exc.strerror or exc}", name) from None
    except Exception as exc:   # a damaged workbook fails anywhere inside openpyxl
        raise InputError(f"not a readable .xlsx {what} ({exc.__class__.__name__})", name,
                         hint="open it in Excel and save it again as .xlsx") from None


def _text(cell: object) -> str:
    """A cell as text: integral numbers without 「.0」, spaces (U+3000 too) trimmed."""
    if cell is None:
        return ""
    if isinstance(cell, float) and cell.is_integer():
        cell = int(cell)
    return str(cell).strip()


def _squeeze(text: str) -> str:
    """Full-width letters and digits as half-width, no spaces at all: how names compare."""
    return "".join(unicodedata.normalize("NFKC", text).split())


def _header_word(cell: object) -> str:
    return _NOTE.sub("", _squeeze(_text(cell)).strip("*★"))


@dataclass(frozen=True, slots=True)
class _Header:
    line: int
    columns: dict[str, int]      # role → column index


def _find_header(table: _Table, roles: Mapping[str, Sequence[str]], required: Sequence[str],
                 what: str) -> _Header:
    """The first of the first rows that names every required column; else an InputError
    that lists the headers found and the ones accepted."""
    for line, cells in table.rows[:HEADER_ROWS]:
        columns = _columns(cells, roles)
        if all(role in columns for role in required):
            return _Header(line, columns)
    found = _likely_header(table)
    missing = [role for role in required if role not in _columns(found, roles)]
    accepted = "; ".join(f"{role}: {' / '.join(roles[role])}" for role in missing)
    raise InputError(f"no {' and no '.join(missing)} column in the first {HEADER_ROWS} rows of the "
                     f"{what} (headers found: {'、'.join(found) if found else 'none'})", table.path,
                     hint=f"accepted headers — {accepted}")


def _columns(cells: Sequence[object], roles: Mapping[str, Sequence[str]]) -> dict[str, int]:
    """role → the column of its first accepted header in this row."""
    words = [_header_word(cell) for cell in cells]
    columns = {}
    for role, aliases in roles.items():
        column = next((words.index(alias) for alias in aliases if alias in words), None)
        if column is not None:
            columns[role] = column
    return columns


def _likely_header(table: _Table) -> list[str]:
    """The filled cells of the fullest of the first rows: what the user meant as the header."""
    rows = [[_text(cell) for cell in cells if _text(cell)] for _, cells in table.rows[:HEADER_ROWS]]
    return max(rows, key=len, default=[])


def _cell(cells: Sequence[object], column: int | None) -> str:
    return _text(cells[column]) if column is not None and column < len(cells) else ""


# --- the roster -----------------------------------------------------------------------------

def load_units(path: str | os.PathLike) -> tuple[Unit, ...]:
    """The units of a roster (.csv or .xlsx), in file order. Rows without a unit name are
    skipped (totals, notes); a unit listed twice is an error, since reports are matched to
    units by name."""
    table = _read_table(path, "roster")
    roles = {"unit-name": NAME_HEADERS, "short-names": SHORT_HEADERS,
             "level": LEVEL_HEADERS, "parent": PARENT_HEADERS}
    header = _find_header(table, roles, ("unit-name",), "roster")
    units: list[Unit] = []
    seen: dict[str, int] = {}
    for line, cells in table.rows:
        if line <= header.line:
            continue
        unit = _unit(cells, header.columns)
        if unit is None:
            continue
        key = _squeeze(unit.name)
        if key in seen:
            raise InputError(f"unit 「{unit.name}」 is listed twice (rows {seen[key]} and {line})",
                             table.path, line, hint="list each unit once; name units of "
                             "different places in full (安溪县司法局, 永春县司法局)")
        seen[key] = line
        units.append(unit)
    if not units:
        raise InputError("the roster lists no units (no names under its unit-name column)",
                         table.path, header.line)
    return tuple(units)


def _unit(cells: Sequence[object], columns: Mapping[str, int]) -> Unit | None:
    name = "".join(_cell(cells, columns["unit-name"]).split())
    if not name or _header_word(name) in NAME_HEADERS:   # a blank row, or the header repeated
        return None
    shorts = _LIST.split(_cell(cells, columns.get("short-names")))
    short = tuple(dict.fromkeys(s for s in shorts if s and s != name))
    return Unit(name, short, "".join(_cell(cells, columns.get("level")).split()),
                "".join(_cell(cells, columns.get("parent")).split()))


# --- the receipt log ------------------------------------------------------------------------

def load_received(path: str | os.PathLike) -> dict[str, datetime.date]:
    """File name (as written in the log) → the date the office received it. A file logged
    twice with two different dates is an error: which receipt counts is the office's call."""
    table = _read_table(path, "receipt log")
    header = _find_header(table, {"file": FILE_HEADERS, "date": DATE_HEADERS},
                          ("file", "date"), "receipt log")
    received: dict[str, datetime.date] = {}
    lines: dict[str, int] = {}
    for line, cells in table.rows:
        if line <= header.line:
            continue
        file = _cell(cells, header.columns["file"])
        cell = cells[header.columns["date"]] if header.columns["date"] < len(cells) else None
        if not file or not _text(cell):
            continue
        date = _receipt_date(cell, table.path, line)
        if file in received and received[file] != date:
            raise InputError(f"「{file}」 is logged twice with different dates "
                             f"(rows {lines[file]} and {line})", table.path, line,
                             hint="keep the receipt that counts")
        received.setdefault(file, date)
        lines.setdefault(file, line)
    return received


def _receipt_date(cell: object, path: str, line: int) -> datetime.date:
    if isinstance(cell, datetime.datetime):
        return cell.date()
    if isinstance(cell, datetime.date):
        return cell
    date = dates.calendar_day(_text(cell))
    if date is None:
        raise InputError(f"「{_text(cell)}」 is not a date", path, line,
                         hint="write 2025-03-02, 2025/3/2 or 2025年3月2日")
    return date


# --- deadlines --------------------------------------------------------------------------------

def default_deadline(report_year: int, month_day: str = "03-01") -> datetime.date:
    """The deadline for reports on `report_year`: `month_day` of the following year (the
    national pack's parameter `deadline`; 县级以上政府部门 report by 3月1日)."""
    try:
        return dates.deadline(report_year + 1, month_day)
    except ValueError:
        raise UsageError(f"deadline {month_day!r} is not a month and day",
                         hint="write it as MM-DD, e.g. 03-01") from None


@lru_cache(maxsize=1)
def national_grammar() -> OrganGrammar:
    """The organ grammar of the built-in national pack, built once."""
    from lawlint.packs.ruleset import load_ruleset

    return load_ruleset(("national",)).grammar.organs


# --- matching ---------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class _Entry:
    """One unit as the matcher sees it. `forms` are its most specific full names (under its
    parent's place when its name names none) for `same()`; `placed` those of them that name a
    place, with their places, for place checks; `keys` the normal forms of its name and short
    names for exact matching; `texts` what may stand for it in a file name."""

    unit: Unit
    forms: tuple[str, ...]
    placed: tuple[tuple[str, tuple[str, ...]], ...]
    keys: frozenset[str]
    texts: frozenset[str]


@dataclass(frozen=True, slots=True)
class _Organ:
    """A report's organ read once: its text for the grammar and its keys."""

    text: str
    whole: tuple[str, ...]       # keys of the name as a whole (squeezed, then as spaced)
    parts: tuple[str, ...]       # keys of each unit of a joint report of departments


class _CharIndex:
    """Unit names by their characters, to find the few that `same()` could accept: it holds
    only when one name's characters are a subset of the other's. A name is filed under its
    rarest character (the candidates whose characters all lie in the organ's) and under each
    of its characters (the candidates that hold all of the organ's)."""

    def __init__(self, names: Sequence[tuple[frozenset[str], str, int]]):
        self.names = names
        self.containing: dict[str, list[int]] = {}
        for number, (chars, _, _) in enumerate(names):
            for char in chars:
                self.containing.setdefault(char, []).append(number)
        self.by_rarest: dict[str, list[int]] = {}
        for number, (chars, _, _) in enumerate(names):
            self.by_rarest.setdefault(self._rarest(chars), []).append(number)

    def _rarest(self, chars: frozenset[str]) -> str:
        return min(chars, key=lambda char: (len(self.containing.get(char, ())), char), default="")

    def candidates(self, chars: frozenset[str]) -> Iterable[tuple[str, int]]:
        """(name, unit index) of names whose characters are a subset or a superset of `chars`
        (none for an organ of division words alone, such as 「县」: it names no unit)."""
        if not chars:
            return
        numbers = {number for char in (*chars, "") for number in self.by_rarest.get(char, ())}
        numbers |= set(self.containing.get(self._rarest(chars), ()))
        for number in sorted(numbers):
            own, name, index = self.names[number]
            if own <= chars or chars <= own:
                yield name, index


class _Matcher:
    """The roster indexed for matching: exact keys and file-name texts in dicts, and unit
    names by character for the grammar's (slower) `same()`."""

    def __init__(self, units: Iterable[Unit], grammar: OrganGrammar):
        self.grammar = grammar
        self.division_chars = frozenset("".join(grammar.divisions))
        self.division_at = re.compile("|".join(map(re.escape, grammar.divisions)) or "(?!)")
        self.entries = tuple(self._entry(unit) for unit in units)
        self.by_key: dict[str, set[int]] = {}
        self.by_text: dict[str, set[int]] = {}
        for index, entry in enumerate(self.entries):
            for key in entry.keys:
                self.by_key.setdefault(key, set()).add(index)
            for text in entry.texts:
                self.by_text.setdefault(text, set()).add(index)
        self.by_chars = _CharIndex([(self._chars(form), form, index)
                                    for index, entry in enumerate(self.entries) for form in entry.forms])
        self.longest_text = max(map(len, self.by_text), default=0)

    # -- names

    def _key(self, name: str, units: Sequence[str] | None = None) -> str:
        """A name's normal form: each unit as the grammar writes it in full."""
        units = self.grammar.units(name) if units is None else units
        return "+".join(self.grammar.normal(unit) for unit in units) if units else _squeeze(name)

    def _chars(self, name: str) -> frozenset[str]:
        """What `same()` compares, as a set: the characters of the normal form less those of
        division words (a bare 「县」 may be left out). A name the grammar cannot read is taken
        as written, as `same()` takes it."""
        units = self.grammar.units(name)
        text = "".join(map(self.grammar.normal, units)) if units else name
        return frozenset(text) - self.division_chars

    def places(self, name: str) -> tuple[str, ...]:
        """The places a name opens with (「泉州市安溪县卫生健康局」: 泉州市, 安溪县), or ()."""
        units = self.grammar.units(name)
        text = self.grammar.normal(units[0]) if units else name
        places: list[str] = []
        start = 0
        while (end := self._place_end(text, start)) is not None:
            places.append(text[start:end])
            start = end
        return tuple(places)

    def _place_end(self, text: str, start: int) -> int | None:
        """Where a place starting at `start` ends: a name of Han characters, then a division
        word (长延堡街道, 广西壮族自治区). A one-character name gives way to a longer one
        (泉州市, not 「泉州」; 和县 when nothing longer follows), and a name with 和 inside is
        a department's words (住房和城乡建设局), not a place."""
        fallback = None
        for at in range(start + 1, len(text)):
            division = self.division_at.match(text, at)
            if division is None:
                continue
            name = text[start:at]
            if not _HAN.fullmatch(name) or "和" in name[1:]:
                break
            if len(name) > 1:
                return division.end()
            fallback = fallback or division.end()
        return fallback

    def organ(self, organ: str) -> _Organ:
        """Read a report's organ. A letterhead spaced out (「安 溪 县 卫 生 健 康 局」) reads
        squeezed; a joint name (「中共安溪县委 安溪县人民政府」) keeps its units apart."""
        squeezed = _squeeze(organ)
        spaced = " ".join(unicodedata.normalize("NFKC", organ).split())
        squeezed_units = self.grammar.units(squeezed)
        spaced_units = squeezed_units if spaced == squeezed else self.grammar.units(spaced)
        joint = len(spaced_units) > 1 and all(u.endswith(self.grammar.types) for u in spaced_units)
        text = spaced if joint or not squeezed_units and spaced_units else squeezed
        whole = (self._key(squeezed, squeezed_units), self._key(spaced, spaced_units))
        parts = tuple(self.grammar.normal(unit) for unit in spaced_units) if joint else ()
        return _Organ(text, tuple(dict.fromkeys(whole)), parts)

    # -- the roster's side

    def _entry(self, unit: Unit) -> _Entry:
        name = _squeeze(unit.name)
        shorts = tuple(short for short in map(_squeeze, unit.short) if short)
        parent = self.places(_squeeze(unit.parent)) if unit.parent else ()
        placed_names = self._placed(name, parent)
        short_places = parent if placed_names else self.places(name)
        placed_shorts = tuple(form for short in shorts for form in self._placed(short, short_places))
        forms = tuple(dict.fromkeys((*(placed_names or (name,)), *placed_shorts)))
        placed = tuple((form, places) for form in forms if (places := self.places(form)))
        keys = frozenset(map(self._key, (name, *placed_names, *shorts, *placed_shorts)))
        texts = {name, *forms, *shorts}
        texts |= {key for key in map(self._key, forms) if "+" not in key}
        texts |= {short for form in forms for short in self._short_forms(form)}
        return _Entry(unit, forms, placed, keys,
                      frozenset(text for text in texts if len(text) >= MIN_FILE_NAME_SHORT))

    def _placed(self, name: str, places: tuple[str, ...]) -> tuple[str, ...]:
        """A name under its parent's places when it names none (卫生健康局 under 安溪县人民政府:
        安溪县卫生健康局; under 泉州市安溪县: both), a bare 「县」 giving way (县卫生健康局)."""
        if not places or places[-1] in name:
            return ()
        division = next(d for d in self.grammar.divisions if places[-1].endswith(d))
        bare = name.startswith(division) and len(name) > len(division) + 1
        names = (name, name[len(division):]) if bare else (name,)
        return tuple("".join(places[start:]) + each for start in range(len(places)) for each in names)

    def _short_forms(self, form: str) -> Iterable[str]:
        """How a file name may shorten a full name the pack's way (安溪县人民政府: 安溪县政府),
        as long as the short form still ends in an organ type."""
        for short, full in self.grammar.expand:
            if form.endswith(full) and (candidate := form[:-len(full)] + short).endswith(self.grammar.types):
                yield candidate

    # -- one submission

    def match(self, result: FileResult) -> Unit | None:
        """The one unit a submission is from, or None (no unit, or two it might be). When the
        organ leaves two or more units open, the file name may choose only among them."""
        organ = self.organ(result.organ) if result.organ and result.organ.strip() else None
        allowed: set[int] | None = None
        if organ is not None:
            for step in (self._by_key, self._by_grammar):
                found = step(organ) if allowed is None else step(organ) & allowed
                if len(found) == 1:
                    return self.entries[found.pop()].unit
                allowed = found or allowed
        found = self._by_file_name(result.path, organ, allowed)
        return self.entries[found].unit if found is not None else None

    def _by_key(self, organ: _Organ) -> set[int]:
        """Step 1: the organ's normal form is a unit's name or short name: the whole name, else
        (a joint report of departments) each of its units."""
        for key in organ.whole:
            if found := self.by_key.get(key):
                return set(found)
        return {index for part in organ.parts for index in self.by_key.get(part, ())}

    def _by_grammar(self, organ: _Organ) -> set[int]:
        """Step 2: the grammar's `same()` (人社局 for 人力资源和社会保障局, a higher place left
        out), tried on the unit names whose characters could pass it."""
        return {index for form, index in self.by_chars.candidates(self._chars(organ.text))
                if self.grammar.same(form, organ.text)}

    def _by_file_name(self, path: str, organ: _Organ | None, allowed: set[int] | None) -> int | None:
        """Step 3: the longest unit name or short name (≥3 characters) in the file name; two
        units at that length is no match. Units whose place the organ or the file name
        contradicts, and units outside `allowed`, are passed over."""
        stem = _squeeze(PurePath(path.replace("\\", "/")).stem)
        organ_places = self.places(organ.text) if organ is not None else ()
        best: set[int] = set()
        best_length = 0
        for start in range(len(stem)):
            for length in range(min(self.longest_text, len(stem) - start), max(best_length, 1) - 1, -1):
                text = stem[start:start + length]
                hits = {index for index in self.by_text.get(text, ())
                        if (allowed is None or index in allowed)
                        and self._place_agrees(self.entries[index], organ, organ_places, stem[:start], text)}
                if hits:
                    best = best | hits if length == best_length else hits
                    best_length = length
                    break
        return next(iter(best)) if len(best) == 1 else None

    def _place_agrees(self, entry: _Entry, organ: _Organ | None, organ_places: tuple[str, ...],
                      before: str, matched: str) -> bool:
        """A unit of one place never takes a report its organ says is of another place, nor
        one whose file name writes another place right before the matched name (「永春县」 in
        「永春县司法局.docx」 is not 安溪县司法局's, whose short name 「司法局」 matched)."""
        if not entry.placed:
            return True
        if organ is not None and organ_places and not any(
                organ_places[0] in form or places[0] in organ.text for form, places in entry.placed):
            return False
        named = "" if self.places(matched) else self._place_before(before)
        return not named or any(named.endswith(places[-1]) or named in form
                                for form, places in entry.placed)

    def _place_before(self, text: str) -> str:
        """The place a file name writes at the end of `text` (「2024年永春县」: 年永春县, which
        ends in 永春县), or 「」."""
        if not text.endswith(self.grammar.divisions):
            return ""
        for start in range(max(0, len(text) - 12), len(text) - 1):
            places = self.places(text[start:])
            if places and "".join(places) == text[start:]:
                return text[start:]
        return ""


def account(units: Sequence[Unit], results: Iterable[FileResult], deadline: datetime.date,
            received: Mapping[str, datetime.date] | None = None,
            grammar: OrganGrammar | None = None) -> Accounting:
    """The roster against a batch: each submission matched to at most one unit, and every
    submission received (or, without a receipt, dated) after the deadline. An unreadable one
    is matched by its file name: its unit did submit, and the office must ask for a copy it
    can read, not for a report."""
    matcher = _Matcher(units, grammar or national_grammar())
    submitted = list(results)
    matches: dict[str, str] = {}
    unmatched: list[str] = []
    for result in submitted:
        unit = matcher.match(result)
        if unit is None:
            unmatched.append(result.path)
        else:
            matches[result.path] = unit.name
    late = _late(submitted, deadline, _Receipts(received or {}))
    return Accounting(tuple(units), matches, tuple(unmatched), late, deadline.isoformat())


# --- lateness ---------------------------------------------------------------------------------

class _Receipts:
    """Receipt dates found by a submission's path: the full path or a trailing part of it as
    logged, else its file name, else its name without suffix (when that is unambiguous)."""

    def __init__(self, received: Mapping[str, datetime.date]):
        self.by_path: dict[str, datetime.date] = {}
        by_name: dict[str, set[datetime.date]] = {}
        for logged, date in received.items():
            path = PurePosixPath(_squeeze(logged).replace("\\", "/"))
            self.by_path[str(path)] = date
            for name in (path.name, path.stem):
                by_name.setdefault(name, set()).add(date)
        self.by_name = {name: next(iter(found)) for name, found in by_name.items() if len(found) == 1}

    def date_of(self, path: str) -> datetime.date | None:
        parts = PurePosixPath(_squeeze(path).replace("\\", "/")).parts
        for start in range(len(parts)):
            if (date := self.by_path.get("/".join(parts[start:]).replace("//", "/"))) is not None:
                return date
        if not parts:
            return None
        name = PurePosixPath(parts[-1])
        return self.by_name.get(name.name) or self.by_name.get(name.stem)


def _late(results: Iterable[FileResult], deadline: datetime.date, receipts: _Receipts) -> dict[str, str]:
    """path → why it is late: the receipt date when there is one, else the 成文日期."""
    late: dict[str, str] = {}
    for result in results:
        received = receipts.date_of(result.path)
        if received is not None:
            if received > deadline:
                late[result.path] = f"收文日期 {_chinese(received)} 晚于报送期限 {_chinese(deadline)}"
            continue
        written = dates.calendar_day(result.date)
        if written is not None and written > deadline:
            late[result.path] = f"成文日期 {_chinese(written)} 晚于报送期限 {_chinese(deadline)}（无收文日期）"
    return late


def _chinese(date: datetime.date) -> str:
    return f"{date.year}年{date.month}月{date.day}日"
