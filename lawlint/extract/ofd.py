"""An .ofd in, a Source out: the text layer of an OFD (GB/T 33190, the layout format that
电子公文 systems send), page by page in the order Document.xml lists the pages, one line per
printed line, remembering the page of every line as for a PDF.

An OFD is a zip of XML parts. OFD.xml names each document's Document.xml (DocBody/DocRoot),
which lists its pages (Pages/Page BaseLoc); a page's Content.xml holds Layers of TextObjects
(Boundary "x y w h" in mm, from the top left; an optional CTM), each with TextCodes whose X, Y
(the baseline) and DeltaX place the text inside the object. Lines are rebuilt from those
positions. Left out: template pages (running heads and page furniture drawn on every page
that names them), annotations, signatures and seals, attachments, and composite graphic
units; a page that has only images (a scan) has no text. Elements are matched by local name,
since producers write the 2016 namespace, the older one, or none.

The package goes through the zip checks a .docx gets first (lawlint/extract/_package.py,
issue 13): sizes from the zip headers, store and deflate only, headers that lie, a DTD in an
XML part."""

from __future__ import annotations

import io
import math
import posixpath
import re
import unicodedata
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from lawlint.document import source
from lawlint.errors import InputError
from lawlint.extract import _package

if TYPE_CHECKING:   # the XML parser is imported when an .ofd is read, not at every start-up
    import xml.etree.ElementTree as ET

SUFFIXES = (".ofd",)
_HINT = "the file may be truncated or damaged; export the OFD again, or lint the original .docx"


def extract(data: bytes, name: str, encoding: str | None = None) -> source.Source:
    """`encoding` is not used: the XML parts say their own."""
    lines, numbers = [], []
    for number, page in enumerate(_pages(data, name), start=1):
        lines.extend(page)
        numbers.extend([number] * len(page))
    text = "\n".join(lines)
    if not text.strip():
        raise InputError("no text layer (a scanned OFD?)", name,
                         hint="lint the original .docx, or run OCR to add a text layer")
    return source.from_text(text, name, "ofd", format="ofd", pages=tuple(numbers))


class _Broken(Exception):
    """What makes a package not an OFD lawlint can read; extract() names the file."""


def _pages(data: bytes, name: str) -> list[list[str]]:
    """The lines of each page, in page order."""
    import xml.etree.ElementTree as ET

    _package.check_package(data, name, OFD)
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            package = _Package(archive)
            return [_lines(package.xml(part)) for part in _page_parts(package)]
    except _Broken as exc:
        raise _unreadable(str(exc), name) from None
    except ET.ParseError as exc:
        raise _unreadable(f"XML: {exc}", name) from None
    except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, RuntimeError,
            ValueError, OSError) as exc:
        raise _unreadable(exc.__class__.__name__, name) from None


OFD = _package.Kind("OFD", "an OFD writer", _HINT, lambda part: part.lower().endswith(".xml"))


def _unreadable(why: str, name: str) -> InputError:
    return _package.unreadable(why, name, OFD)


# ---- the package: parts by name, locations resolved, XML parsed -------------------------

class _Package:
    """The parts of one OFD. Producers write locations relative to the part that names them,
    from the root, with a leading '/' or backslashes, and in any case: all are tried."""

    def __init__(self, archive: zipfile.ZipFile) -> None:
        self.archive = archive
        self.parts = {_normal(info.filename): info for info in archive.infolist()
                      if not info.is_dir()}
        self.folded = {part.casefold(): part for part in self.parts}

    def resolve(self, base: str, location: str | None, what: str) -> str:
        """The part `location` names, written in part `base`."""
        for candidate in _candidates(base, (location or "").strip().replace("\\", "/")):
            found = self.folded.get(candidate.casefold())
            if found is not None:
                return found
        raise _Broken(f"{what} {location or '(none)'} is missing")

    def xml(self, part: str) -> ET.Element:
        return _parsed(self.archive.read(self.parts[part]), part)


def _normal(location: str) -> str:
    return posixpath.normpath(location.replace("\\", "/").lstrip("/"))


def _candidates(base: str, location: str) -> list[str]:
    """Where a location may point: from the root if it starts with '/', else beside `base`
    as the standard says, then from the root as some producers mean."""
    if not location:
        return []
    if location.startswith("/"):
        return [_normal(location)]
    return [_normal(posixpath.join(posixpath.dirname(base), location)), _normal(location)]


_DECLARED = re.compile(rb"\A\s*<\?xml[^>]*?encoding\s*=\s*[\"']\s*(?:gb2312|gbk|gb18030|cp936)\s*"
                       rb"[\"'][^>]*\?>", re.IGNORECASE)


def _parsed(data: bytes, part: str) -> ET.Element:
    """An XML part, refused if it declares a DTD (check_package scans the parts named .xml;
    a location may name any part). GB-encoded parts, which expat cannot read, are decoded
    here: the standard says UTF-8, some producers write GBK."""
    import xml.etree.ElementTree as ET

    if _package.declares_dtd(data):
        raise _Broken(f"{part} declares a DTD")
    declared = _DECLARED.match(data)
    if declared:
        return ET.fromstring(data[declared.end():].decode("gb18030"))
    return ET.fromstring(data)


def _local(element: ET.Element) -> str:
    tag = element.tag
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _children(element: ET.Element | None, name: str) -> list[ET.Element]:
    return [child for child in element if _local(child) == name] if element is not None else []


def _child(element: ET.Element | None, name: str) -> ET.Element | None:
    return next(iter(_children(element, name)), None)


def _page_parts(package: _Package) -> list[str]:
    """The content part of every page, documents in OFD.xml's order, pages in each
    Document.xml's. Two pages drawing one part are refused: no producer writes that, and it
    would let a small file make lawlint parse one large part thousands of times."""
    root = package.xml(package.resolve("", "OFD.xml", "the root part"))
    if _local(root) != "OFD":
        raise _Broken(f"OFD.xml holds <{_local(root)}>, not <OFD>")
    parts: list[str] = []
    for body in _children(root, "DocBody"):
        document_path = package.resolve("OFD.xml", _text(_child(body, "DocRoot")), "DocRoot")
        pages = _child(package.xml(document_path), "Pages")
        for page in _children(pages, "Page"):
            what = f"page {len(parts) + 1}'s content"
            parts.append(package.resolve(document_path, page.get("BaseLoc"), what))
    if not parts:
        raise _Broken("it lists no pages")
    if len(set(parts)) < len(parts):
        raise _Broken("two pages share one content part")
    return parts


def _text(element: ET.Element | None) -> str | None:
    return element.text if element is not None else None


# ---- a page: text runs placed on it, then lines -------------------------------------------

@dataclass(frozen=True, slots=True)
class _Run:
    """One TextCode on the page: its text, where its baseline starts (mm, from the top left),
    its font size and how far it reaches to the right."""

    text: str
    x: float
    y: float
    size: float
    width: float


_SAME_LINE = 0.5   # baselines closer than half the smaller font size are one line
_WORD_GAP = 0.3    # a gap wider than this share of the font size is a space
_MIN_SIZE = 0.5    # mm, so a missing or zero Size still groups


def _lines(page: ET.Element) -> list[str]:
    """The page's printed lines, top to bottom, each read left to right."""
    runs = [run for element in _text_objects(page) for run in _runs(element)]
    return [_joined(row) for row in _rows(runs)]


def _text_objects(page: ET.Element) -> Iterator[ET.Element]:
    """The page's own TextObjects in every layer, inside PageBlocks too. A template the page
    names is not read: it is drawn on every page, the running head and page furniture."""
    for layer in _children(_child(page, "Content"), "Layer"):
        yield from (element for element in layer.iter() if _local(element) == "TextObject")


def _runs(element: ET.Element) -> Iterator[_Run]:
    """A TextObject's TextCodes placed on the page: object space through the CTM, then moved
    to the Boundary's corner. A TextCode without X or Y keeps the previous one's."""
    a, b, c, d, e, f = _transform(element)
    scale = math.sqrt(abs(a * d - b * c)) or 1.0
    size = _number(element.get("Size"), 0.0)
    x = y = 0.0
    for code in _children(element, "TextCode"):
        x, y = _number(code.get("X"), x), _number(code.get("Y"), y)
        text = _CONTROL.sub(" ", code.text or "")
        if text.strip():
            width = _advance(text, _deltas(code.get("DeltaX"), len(text) - 1), size)
            yield _Run(text, a * x + c * y + e, b * x + d * y + f, max(size * scale, _MIN_SIZE),
                       width * (math.hypot(a, b) or 1.0))


_CONTROL = re.compile("[\x00-\x1f\x7f\x85\u2028\u2029]")   # nothing may break a line


def _transform(element: ET.Element) -> tuple[float, ...]:
    """Object space to page space (a, b, c, d, e, f as in the CTM)."""
    box = _numbers(element.get("Boundary"), 4) or (0.0, 0.0, 0.0, 0.0)
    a, b, c, d, e, f = _numbers(element.get("CTM"), 6) or (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
    return a, b, c, d, e + box[0], f + box[1]


def _advance(text: str, deltas: list[float], size: float) -> float:
    """How far the text reaches: the DeltaX steps given, a full or half em for the rest."""
    steps = deltas + [_em(char, size) for char in text[len(deltas):-1]]
    return sum(steps) + _em(text[-1], size)


def _em(char: str, size: float) -> float:
    return size if unicodedata.east_asian_width(char) in ("W", "F") else size / 2


def _deltas(value: str | None, count: int) -> list[float]:
    """DeltaX as numbers, with its 'g N D' (N steps of D) shorthand; at most `count` kept, so
    a huge N costs nothing."""
    tokens, steps, index = (value or "").split(), [], 0
    while index < len(tokens) and len(steps) < count:
        if tokens[index] == "g" and index + 2 < len(tokens):
            repeat, step = _number(tokens[index + 1], 0.0), _number(tokens[index + 2], 0.0)
            steps.extend([step] * int(min(max(repeat, 0), count - len(steps))))
            index += 3
        else:
            steps.append(_number(tokens[index], 0.0))
            index += 1
    return steps


def _rows(runs: list[_Run]) -> list[list[_Run]]:
    """Runs grouped by baseline, top to bottom, each row left to right."""
    rows: list[list[_Run]] = []
    for run in sorted(runs, key=lambda run: (run.y, run.x)):
        anchor = rows[-1][0] if rows else None
        if anchor is not None and abs(run.y - anchor.y) <= _SAME_LINE * min(run.size, anchor.size):
            rows[-1].append(run)
        else:
            rows.append([run])
    return [sorted(row, key=lambda run: run.x) for row in rows]


def _joined(row: list[_Run]) -> str:
    """A row's runs as one line. Runs that touch are joined as they are (Chinese text is
    written without spaces, and a producer may place every character on its own); a gap
    wider than a Latin space becomes one space, so words, numbers and table cells stay
    apart. Folding deletes a space next to Chinese text, so matching never sees it."""
    pieces = [row[0].text]
    for before, run in zip(row, row[1:]):
        gap = run.x - (before.x + before.width)
        pieces.append((" " if gap > _WORD_GAP * min(before.size, run.size) else "") + run.text)
    return "".join(pieces)


def _number(value: str | None, default: float) -> float:
    try:
        number = float(value) if value is not None else default
    except ValueError:
        return default
    return number if math.isfinite(number) else default


def _numbers(value: str | None, count: int) -> tuple[float, ...] | None:
    """The first `count` numbers of an attribute ('x y w h', a CTM), or None if it has fewer."""
    try:
        numbers = [float(token) for token in (value or "").replace(",", " ").split()[:count]]
    except ValueError:
        return None
    if len(numbers) < count or not all(map(math.isfinite, numbers)):
        return None
    return tuple(numbers)
