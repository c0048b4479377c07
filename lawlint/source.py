"""Bytes in, `Source` out: the decoded original text and the only offset → line/column map.

Columns are 1-based Unicode code points; lines end at LF, CRLF or a lone CR, as editors count.
"""

from __future__ import annotations

import bisect
import codecs
import re
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

    def location(self, offset: int) -> tuple[int, int]:
        """Return the 1-based (line, column) of a character offset into `text`."""
        offset = max(0, min(offset, len(self.text)))
        index = bisect.bisect_right(self.line_starts, offset) - 1
        return index + 1, offset - self.line_starts[index] + 1

    def line_text(self, line: int) -> str:
        """Return line `line` (1-based) without its line break."""
        start = self.line_starts[line - 1]
        end = self.line_starts[line] if line < len(self.line_starts) else len(self.text)
        return self.text[start:end].rstrip("\r\n")

    @property
    def line_count(self) -> int:
        return len(self.line_starts)


def from_text(text: str, path: str = "<text>", encoding: str = "utf-8") -> Source:
    """Build a Source from already-decoded text."""
    starts = [0]
    starts.extend(match.end() for match in _LINE_BREAK.finditer(text))
    if len(starts) > 1 and starts[-1] == len(text):
        starts.pop()  # a final line break does not open an empty line
    return Source(path, text, tuple(starts), encoding)


def read(path: str | Path, display: str | None = None) -> Source:
    """Read and decode a report file; every failure is an `InputError` naming the file."""
    name = display or str(path)
    try:
        data = Path(path).read_bytes()
    except IsADirectoryError:
        raise InputError("is a directory, not a report", name) from None
    except OSError as exc:
        raise InputError(f"cannot read file: {exc.strerror}", name,
                         hint="check that the file exists and is readable") from None
    return from_bytes(data, name)


def from_bytes(data: bytes, path: str) -> Source:
    """Decode report bytes: UTF-8 (BOM optional), UTF-16 by BOM, else GB18030."""
    text, encoding = decode(data, path)
    return from_text(text, path, encoding)


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
    except UnicodeDecodeError as exc:
        raise InputError(f"invalid {encoding.upper()} at byte offset {exc.start}", path,
                         hint="save the report as UTF-8") from None
