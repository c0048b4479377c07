"""Bytes in, `Source` out: the decoded original text and the only offset → line/column map.

Columns are 1-based Unicode code points; lines end at LF, CRLF or a lone CR, as editors count.
"""

from __future__ import annotations

from bisect import bisect_right
import codecs
import re
import stat
from dataclasses import dataclass
from pathlib import Path

from lawlint.errors import InputError

_LINE_BREAK = re.compile(r"\r\n|\r|\n")


@dataclass(frozen=True, slots=True)
class Source:
    """A report's original text, as decoded, with the start offset of every line."""

    path: str
    text: str
    line_starts: tuple[int, ...]
    encoding: str = "utf-8"
    format: str = "text"
    paragraphs: tuple[int, ...] = ()  # .docx: the paragraph number of each line
    pages: tuple[int, ...] = ()       # .pdf: the page number of each line
    detected: bool = False            # the encoding was guessed by detection (LL005 says which)
    generated: tuple[tuple[int, int], ...] = ()   # spans the reader drew (a Word list number)
    revisions: int = 0                # .docx: tracked changes not yet accepted (LL006)
    comments: int = 0                 # .docx: comments left in the body (LL006)
    notes: tuple[tuple[int, int, str], ...] = ()  # .docx: (first line, last line, text) of each
                                                  # Word comment that is a lawlint directive

    def location(self, offset: int) -> tuple[int, int]:
        """Return the 1-based (line, column) of a character offset into `text`."""
        if offset < 0:
            offset = 0
        elif offset > len(self.text):
            offset = len(self.text)
        starts = self.line_starts
        index = bisect_right(starts, offset) - 1
        return index + 1, offset - starts[index] + 1

    def line_text(self, line: int) -> str:
        """Return line `line` (1-based) without its line break."""
        start = self.line_starts[line - 1]
        end = self.line_starts[line] if line < len(self.line_starts) else len(self.text)
        return self.text[start:end].rstrip("\r\n")

    @property
    def line_count(self) -> int:
        return len(self.line_starts)

    def paragraph_of(self, line: int) -> int | None:
        """The .docx paragraph (1-based) that a line of extracted text came from."""
        return self.paragraphs[line - 1] if 0 < line <= len(self.paragraphs) else None

    def page_of(self, line: int) -> tuple[int, int] | None:
        """The PDF (page, line on that page) of a line of extracted text."""
        if not 0 < line <= len(self.pages):
            return None
        page = self.pages[line - 1]
        return page, line - self.pages.index(page)


def from_text(text: str, path: str = "<text>", encoding: str = "utf-8", **origin) -> Source:
    """Build a Source from already-decoded text (`origin`: format, paragraphs, pages)."""
    starts = [0]
    starts.extend(match.end() for match in _LINE_BREAK.finditer(text))
    if len(starts) > 1 and starts[-1] == len(text):
        starts.pop()  # a final line break does not open an empty line
    return Source(path, text, tuple(starts), encoding, **origin)


MAX_BYTES = 20 * 1024 * 1024


def read_bytes(path: str | Path, name: str, max_bytes: int = MAX_BYTES) -> bytes:
    """A file's bytes; every failure (missing, unreadable, a loop, too large) is an InputError."""
    try:
        info = Path(path).stat()
        if not stat.S_ISREG(info.st_mode):
            raise InputError("not a regular file (a pipe, socket or device)", name,
                             hint="lint the report file itself")
        size = info.st_size
        if size > max_bytes:
            raise InputError(f"file too large ({size / 1048576:.1f} MB; the limit is "
                             f"{max_bytes / 1048576:.0f} MB)", name, hint="raise it with --max-size")
        return Path(path).read_bytes()
    except IsADirectoryError:
        raise InputError("is a directory, not a report", name) from None
    except OSError as exc:
        raise InputError(f"cannot read file: {exc.strerror}", name,
                         hint="check that the file exists and is readable") from None


def read(path: str | Path, display: str | None = None, encoding: str | None = None,
         max_bytes: int = MAX_BYTES) -> Source:
    """Read and decode a text report file."""
    name = display or str(path)
    return from_bytes(read_bytes(path, name, max_bytes), name, encoding)


def from_bytes(data: bytes, path: str, encoding: str | None = None) -> Source:
    """Decode report bytes: `encoding` if given, else UTF-8 (BOM optional), UTF-16 by BOM,
    else GB18030, else (when GB18030 gives implausible text) what detection finds."""
    if encoding:
        return from_text(_strict(data, _SUPERSETS.get(_codec(encoding), encoding), path), path, encoding)
    text, found = decode(data, path)
    return from_text(text, path, found, detected=found not in _EXPECTED)


_EXPECTED = frozenset({"utf-8", "utf-8-sig", "utf-16", "gb18030"})
# What a Chinese office means by these names is the code page Windows writes: Big5 as cp950
# (it has the characters Microsoft added, which strict big5 refuses), GBK as GB18030.
_SUPERSETS = {"big5": "cp950", "gbk": "gb18030", "gb2312": "gb18030", "cp936": "gb18030"}


def _codec(name: str) -> str:
    try:
        return codecs.lookup(name).name
    except LookupError:
        return name


def _implausible(text: str) -> bool:
    """GB18030 decodes almost any bytes, Big5 included, into characters; a real report in
    simplified Chinese keeps nearly all of them within GB2312's 6,763 common ones (measured:
    0.4% outside on a seed), Big5 bytes read as GB18030 leave over half outside."""
    wide = sum(1 for ch in text if ord(ch) > 0x7F)
    if wide < 20:
        return False
    common = len(text.encode("gb2312", "ignore").decode("gb2312"))
    return (len(text) - common) > 0.2 * wide


_DETECTABLE = frozenset({"big5", "cp950", "big5hkscs"})   # what else a Chinese office sends


def _detect(data: bytes) -> tuple[str, str] | None:
    """The text and encoding charset-normalizer finds most plausible, if it is one a report
    may come in (Big5 from Taiwan, Hong Kong or Macao sources); a Latin code page 'found' in
    random bytes would only turn garbage into nonsense findings."""
    from charset_normalizer import from_bytes as detect   # only for a file that needs it

    best = detect(data).best()
    if best is None or _codec(best.encoding) not in _DETECTABLE:
        return None
    codec = _SUPERSETS.get(_codec(best.encoding), _codec(best.encoding))
    try:
        return data.decode(codec), codec
    except UnicodeDecodeError:
        return None


def decode(data: bytes, path: str) -> tuple[str, str]:
    """Return (text, encoding name) or raise an InputError that says how to fix the file."""
    if not data.strip():
        raise InputError("file is empty", path, hint="a report needs a title, a body and a closing")
    if data.startswith(codecs.BOM_UTF8):
        return _strict(data[3:], "utf-8", path), "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _strict(data, "utf-16", path), "utf-16"
    if b"\x00" in data:
        raise InputError("binary file (contains NUL bytes), not a text report", path,
                         hint="export the report as UTF-8 text")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as utf8_error:
        try:
            text = data.decode("gb18030")
            return (_implausible(text) and _detect(data)) or (text, "gb18030")
        except UnicodeDecodeError:
            detected = _detect(data)
            if detected:
                return detected
            raise InputError(
                f"not valid UTF-8 (byte {data[utf8_error.start]:#04x} at offset {utf8_error.start})"
                " nor GB18030", path, hint="save the report as UTF-8") from None


def _strict(data: bytes, encoding: str, path: str) -> str:
    try:
        return data.decode(encoding)
    except LookupError:
        raise InputError(f"unknown encoding {encoding!r}", path,
                         hint="use a Python codec name such as utf-8, gb18030, big5") from None
    except UnicodeDecodeError as exc:
        raise InputError(f"invalid {encoding.upper()} at byte offset {exc.start}", path,
                         hint="save the report as UTF-8") from None
