"""Plain text and Markdown in, a Source out: decoded as they are (BOM, UTF-8, UTF-16,
GB18030… or the encoding asked for); Markdown marks stay in the text for the folder."""

from __future__ import annotations

from lawlint.document import source

SUFFIXES = (".txt", ".md")


def extract(data: bytes, name: str, encoding: str | None = None) -> source.Source:
    return source.from_bytes(data, name, encoding)
