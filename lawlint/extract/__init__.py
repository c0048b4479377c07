"""A report file of any supported format in, a `Source` of plain text out.

.txt and .md are decoded as they are; .docx, .pdf and .html/.htm are reduced to their text,
one line per paragraph (docx), per text line on each page (pdf) or per block (html), and the
Source remembers where each line came from so findings point where the user can look.

Each module here is one format (its SUFFIXES and extract(data, name, encoding)); this package
finds them, so a new input format is one new module.
"""

from __future__ import annotations

from pathlib import Path
from types import ModuleType

from lawlint.document import source
from lawlint.errors import InputError


def read(path: str, name: str, encoding: str | None = None,
         max_bytes: int = source.MAX_BYTES) -> source.Source:
    """Read a report by its suffix; InputError for anything that cannot be turned into text."""
    suffix = Path(path).suffix.lower()
    data = source.read_bytes(path, name, max_bytes)
    return from_bytes(data, name, suffix, encoding)


def from_bytes(data: bytes, name: str, suffix: str, encoding: str | None = None) -> source.Source:
    """The text of a report's bytes, by the format its suffix names (plain text when unknown)."""
    reader = FORMATS.get(suffix.lower(), FORMATS[".txt"])
    return reader.extract(data, name, encoding)


def require_text(text: str, name: str, what: str) -> str:
    """An extracted document with no text at all is an error, not a clean pass."""
    if not text.strip():
        raise InputError(f"no text in this {what}", name,
                         hint="a scanned document needs OCR before it can be linted")
    return text


def _formats() -> dict[str, ModuleType]:
    """Every module of this package is a format: its SUFFIXES and its extract(). Adding a
    format is adding a module (heavy libraries are imported inside extract(), not here)."""
    import importlib
    import pkgutil

    found: dict[str, ModuleType] = {}
    for module in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name != "text"):
        reader = importlib.import_module(f"{__name__}.{module.name}")
        found.update(dict.fromkeys(reader.SUFFIXES, reader))
    return found


FORMATS = _formats()
SUFFIXES = tuple(FORMATS)
