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
from lawlint.errors import InputError, UnsupportedFormat

_SAVE_AS = "请用 Word 或 WPS 打开，另存为 .docx 后再提交"
# Formats a submitting unit sends that lawlint cannot read: found in a folder they are
# reported (one row each, with advice), not skipped; named directly they get the same advice.
UNSUPPORTED = {
    ".pages": f"这种格式不能直接检查，{_SAVE_AS}",   # .doc, .wps, .rtf, .odt…: office.py (LibreOffice)
    **dict.fromkeys((".jpg", ".jpeg", ".png", ".tif", ".tiff", ".bmp", ".gif", ".heic", ".webp"),
                    "图片没有可检查的文字，请提交原始 .docx；扫描件需先做文字识别（OCR）"),
    **dict.fromkeys((".zip", ".rar", ".7z"), "压缩包不能直接检查，请解压后检查其中的报告"),
}


def read(path: str, name: str, encoding: str | None = None,
         max_bytes: int = source.MAX_BYTES) -> source.Source:
    """Read a report by its suffix; InputError for anything that cannot be turned into text."""
    suffix = Path(path).suffix.lower()
    refuse_unsupported(name, suffix)
    data = source.read_bytes(path, name, max_bytes)
    return from_bytes(data, name, suffix, encoding)


def from_bytes(data: bytes, name: str, suffix: str, encoding: str | None = None) -> source.Source:
    """The text of a report's bytes, by the format its suffix names (plain text when unknown)."""
    refuse_unsupported(name, suffix)
    reader = FORMATS.get(suffix.lower(), FORMATS[".txt"])
    return reader.extract(data, name, encoding)


def refuse_unsupported(name: str, suffix: str) -> None:
    advice = UNSUPPORTED.get(suffix.lower())
    if advice is not None:
        raise UnsupportedFormat(f"unsupported format ({suffix.lower()})", name, hint=advice)


def require_text(text: str, name: str, what: str) -> str:
    """An extracted document with no text at all is an error, not a clean pass."""
    if not text.strip():
        raise InputError(f"no text in this {what}", name,
                         hint="a scanned document needs OCR before it can be linted")
    return text


def _formats() -> dict[str, ModuleType]:
    """Every module of this package is a format: its SUFFIXES and its extract(). Adding a
    format is adding a module (heavy libraries are imported inside extract(), not here);
    a module whose name starts with _ is a helper of formats, not one."""
    import importlib
    import pkgutil

    found: dict[str, ModuleType] = {}
    modules = [module for module in pkgutil.iter_modules(__path__) if not module.name.startswith("_")]
    for module in sorted(modules, key=lambda m: m.name != "text"):
        reader = importlib.import_module(f"{__name__}.{module.name}")
        found.update(dict.fromkeys(reader.SUFFIXES, reader))
    return found


FORMATS = _formats()
SUFFIXES = tuple(FORMATS)
