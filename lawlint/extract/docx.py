"""A .docx in, a Source out: the body as Word shows it (list numbers, tracked changes
accepted, content controls, field results, text boxes: lawlint/extract/_wordml.py), one line
per paragraph (a soft line break inside a paragraph adds a line of that paragraph). Word
heading styles (Heading 1…, 标题 1…) become Markdown heading marks on their line, so the
parser sees a heading's level even when its text carries no ordinal.

A .docx is a zip of XML parts, so a small file can unpack to gigabytes or carry an entity
bomb: the package is checked against the limits in force (lawlint/limits.py) before
python-docx opens it (issue 13)."""

from __future__ import annotations

import copy
import io
import zipfile
import zlib
from collections.abc import Iterator

from lawlint import limits
from lawlint.document import source
from lawlint.errors import InputError
from lawlint.extract import require_text


SUFFIXES = (".docx",)
_UNREADABLE = "the file may be truncated or not a Word document; re-save it"


def extract(data: bytes, name: str, encoding: str | None = None) -> source.Source:
    """`encoding` is not used: a .docx says its own."""
    try:
        import docx
        from docx.opc.exceptions import PackageNotFoundError
        from lxml import etree
    except ImportError:  # pragma: no cover - a dependency
        raise InputError("reading .docx needs python-docx", name, hint="pip install python-docx") from None
    check_package(data, name)
    try:
        document = docx.Document(io.BytesIO(data))
    except etree.XMLSyntaxError as exc:
        raise _xml_error(exc, name) from None
    except (zipfile.BadZipFile, PackageNotFoundError, KeyError, ValueError, etree.ParserError) as exc:
        raise _unreadable(exc.__class__.__name__, name) from None
    return _source(document, name)


def _source(document, name: str) -> source.Source:
    """One line per paragraph of Word's final view (lawlint/extract/_wordml.py), a heading
    style's level as Markdown marks in front. The marks and the list number Word draws are
    not the file's text: their span is `generated`, so a finding there points at the
    paragraph's start."""
    from lawlint.extract import _wordml

    levels = _heading_levels(document)
    lines, numbers, generated, offset = [], [], [], 0
    for number, block in enumerate(_wordml.blocks(document), start=1):
        level = levels.get(block.style, 0)
        prefix = "#" * level + " " if level and not block.text.startswith("#") else ""
        if prefix or block.generated:
            generated.append((offset, offset + len(prefix) + block.generated))
        for part in (prefix + block.text).split("\n"):
            lines.append(part)
            numbers.append(number)
            offset += len(part) + 1
    text = require_text("\n".join(lines), name, ".docx")
    changes, comments = _wordml.revisions(document)
    return source.from_text(text, name, "docx", format="docx", paragraphs=tuple(numbers),
                            generated=tuple(generated), revisions=changes, comments=comments)


def _heading_levels(document) -> dict[str, int]:
    """Style id → heading level, for styles named Heading N, heading N or 标题 N."""
    levels = {}
    for style in document.styles:
        name = style.name or ""
        for prefix in ("Heading ", "heading ", "标题 "):
            if name.startswith(prefix) and name[len(prefix):].isdigit():
                levels[style.style_id] = min(int(name[len(prefix):]), 6)
    return levels


def check_package(data: bytes, name: str) -> None:
    """InputError unless every part of the package keeps within the limits in force.

    The sizes in the zip headers are checked first, at no cost. Then every part is unpacked
    once, in chunks, against a copy of its header that allows one chunk more than it
    declares: zipfile cuts a part off at its declared size, but python-docx's single read()
    inflates up to 2 GB before the cut, so a header that lies must be caught here. The XML
    parts are scanned on the way for a DTD and for over-long text nodes."""
    bounds = limits.current()
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            members = package.infolist()
            _check_headers(members, bounds, name)
            for member in members:
                _check_part(package, member, bounds, name)
    except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, RuntimeError,
            ValueError, OSError) as exc:
        raise _unreadable(exc.__class__.__name__, name) from None


def _check_headers(members: list[zipfile.ZipInfo], bounds: limits.Limits, name: str) -> None:
    """Sizes as the central directory declares them; Word stores or deflates, nothing else
    (bzip2 and lzma inflate without any bound inside zipfile)."""
    for member in members:
        if member.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise _unreadable(f"{member.filename} uses zip method {member.compress_type}; "
                              "Word only stores or deflates", name)
        if member.file_size > bounds.zip_member:
            raise limits.exceeded(f"{member.filename} unpacks to {limits.size(member.file_size)}, "
                                  "over {limit}", "zip_member", name)
    total = sum(member.file_size for member in members)
    if total > bounds.zip_total:
        raise limits.exceeded(f"the parts unpack to {limits.size(total)} together, over {{limit}}",
                              "zip_total", name)


def _check_part(package: zipfile.ZipFile, member: zipfile.ZipInfo, bounds: limits.Limits,
                name: str) -> None:
    probe = copy.copy(member)
    probe.file_size = member.file_size + _CHUNK  # so a part longer than its header shows
    scan = _XmlScan() if _parsed(member.filename) else None
    unpacked = 0
    with package.open(probe) as handle:
        while chunk := handle.read(_CHUNK):
            unpacked += len(chunk)
            if unpacked > member.file_size:
                raise _unreadable(f"{member.filename} unpacks to more than its zip header says", name)
            if scan is not None:
                scan.feed(chunk)
    if scan is None:
        return
    if scan.dtd:
        raise InputError(f"{member.filename} declares a DTD (<!DOCTYPE or <!ENTITY); "
                         "Word never writes one, an entity bomb does", name,
                         hint="re-save the document from Word")
    if scan.longest > bounds.xml_text:
        raise limits.exceeded(f"{member.filename} has a text node of {limits.size(scan.longest)}, "
                              "over {limit}", "xml_text", name)


_CHUNK = 1 << 20


def _parsed(filename: str) -> bool:
    """Whether python-docx parses this part as XML: relationships and Word's own parts, not
    the data an add-in keeps under customXml/ (read as bytes, and free to carry a DTD)."""
    lower = filename.lower()
    if lower.endswith(".rels"):
        return True
    return lower.endswith(".xml") and not lower.startswith("customxml/")
_DTD = tuple(marker.encode(codec) for marker in ("<!DOCTYPE", "<!ENTITY")
             for codec in ("utf-8", "utf-16-le", "utf-16-be"))
_OVERLAP = max(map(len, _DTD)) - 1


class _XmlScan:
    """What a streaming look at an XML part finds: a DTD marker anywhere (across chunk
    boundaries), and the longest run of bytes without '<'. That run is an upper bound on a
    text node (it also holds the tag before it), found at C speed with bytes.split; Word
    splits text into runs, so a real part never comes near the limit. lxml's own cap (10 MB
    per text node, python-docx parses without huge_tree) stays behind it."""

    def __init__(self) -> None:
        self.dtd = False
        self.longest = 0
        self._run = 0
        self._tail = b""

    def feed(self, chunk: bytes) -> None:
        window = self._tail + chunk
        self.dtd = self.dtd or any(marker in window for marker in _DTD)
        self._tail = window[-_OVERLAP:]
        pieces = chunk.split(b"<")
        if len(pieces) == 1:
            self._run += len(chunk)
        else:
            inner = max(map(len, pieces[1:-1]), default=0)
            self.longest = max(self.longest, self._run + len(pieces[0]), inner)
            self._run = len(pieces[-1])
        self.longest = max(self.longest, self._run)


def _unreadable(why: str, name: str) -> InputError:
    return InputError(f"not a readable .docx ({why})", name, hint=_UNREADABLE)


def _xml_error(exc, name: str) -> InputError:
    """lxml's own refusals: its resource limits (a text node over 10 MB, whatever
    --limit xml-text says) and entity amplification are named; other syntax errors are a
    broken file."""
    detail = str(exc).split(",")[0].strip()
    if "limit" in detail.lower() or "amplification" in detail.lower():
        return InputError(f"an XML part is beyond the XML parser's own limits ({detail})", name,
                          hint="Word never writes such a part; re-save the document from Word")
    return _unreadable(f"XMLSyntaxError: {detail}", name)
