"""A .docx in, a Source out: body paragraphs and table-cell paragraphs in reading order, one
line per paragraph (a soft line break inside a paragraph adds a line of that paragraph).
Word heading styles (Heading 1…, 标题 1…) become Markdown heading marks on their line, so
the parser sees a heading's level even when its text carries no ordinal."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator

from lawlint.document import source
from lawlint.errors import InputError
from lawlint.extract import require_text


SUFFIXES = (".docx",)


def extract(data: bytes, name: str, encoding: str | None = None) -> source.Source:
    """`encoding` is not used: a .docx says its own."""
    try:
        import docx
        from docx.opc.exceptions import PackageNotFoundError
    except ImportError:  # pragma: no cover - a dependency
        raise InputError("reading .docx needs python-docx", name, hint="pip install python-docx") from None
    try:
        document = docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, PackageNotFoundError, KeyError, ValueError) as exc:
        raise InputError(f"not a readable .docx ({exc.__class__.__name__})", name,
                         hint="the file may be truncated or not a Word document; re-save it") from None
    lines, numbers = [], []
    for number, (text, level) in enumerate(_paragraphs(document), start=1):
        prefix = "#" * level + " " if level and not text.startswith("#") else ""
        for part in (prefix + text).split("\n"):
            lines.append(part)
            numbers.append(number)
    text = require_text("\n".join(lines), name, ".docx")
    return source.from_text(text, name, "docx", format="docx", paragraphs=tuple(numbers))


def _paragraphs(document) -> Iterator[tuple[str, int]]:
    """(text, Word heading level or 0) of each paragraph, tables included, in order."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    for block in document.element.body.iterchildren():
        tag = block.tag.rsplit("}", 1)[-1]
        if tag == "p":
            paragraph = Paragraph(block, document)
            yield paragraph.text, _heading_level(paragraph)
        elif tag == "tbl":
            for row in Table(block, document).rows:
                for cell in row.cells:
                    for paragraph in cell.paragraphs:
                        yield paragraph.text, 0


def _heading_level(paragraph) -> int:
    name = (paragraph.style.name if paragraph.style is not None else "") or ""
    for prefix in ("Heading ", "heading ", "标题 "):
        if name.startswith(prefix) and name[len(prefix):].isdigit():
            return min(int(name[len(prefix):]), 6)
    return 0
