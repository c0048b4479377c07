"""A report file of any supported format in, a `Source` of plain text out.

.txt and .md are decoded as they are; .docx, .pdf and .html/.htm are reduced to their text,
one line per paragraph (docx), per text line on each page (pdf) or per block (html), and the
Source remembers where each line came from so findings point where the user can look.
"""

from __future__ import annotations

from pathlib import Path

from lawlint.document import source
from lawlint.errors import InputError

TEXT_SUFFIXES = (".txt", ".md")
DOCUMENT_SUFFIXES = (".docx", ".pdf", ".html", ".htm")
SUFFIXES = TEXT_SUFFIXES + DOCUMENT_SUFFIXES


def read(path: str, name: str, encoding: str | None = None,
         max_bytes: int = source.MAX_BYTES) -> source.Source:
    """Read a report by its suffix; InputError for anything that cannot be turned into text."""
    suffix = Path(path).suffix.lower()
    data = source.read_bytes(path, name, max_bytes)
    return from_bytes(data, name, suffix, encoding)


def from_bytes(data: bytes, name: str, suffix: str, encoding: str | None = None) -> source.Source:
    if suffix == ".docx":
        from lawlint.extract import docx
        return docx.extract(data, name)
    if suffix == ".pdf":
        from lawlint.extract import pdf
        return pdf.extract(data, name)
    if suffix in (".html", ".htm"):
        from lawlint.extract import html
        return html.extract(source.from_bytes(data, name, encoding).text, name)
    return source.from_bytes(data, name, encoding)


def require_text(text: str, name: str, what: str) -> str:
    """An extracted document with no text at all is an error, not a clean pass."""
    if not text.strip():
        raise InputError(f"no text in this {what}", name,
                         hint="a scanned document needs OCR before it can be linted")
    return text
