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
    else GB18030."""
    if encoding:
        return from_text(_strict(data, encoding, path), path, encoding)
    text, found = decode(data, path)
    return from_text(text, path, found)


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
            return data.decode("gb18030"), "gb18030"
        except UnicodeDecodeError:
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
