"""Limits on what one input may cost, checked before the work: a hostile file is refused in
one line, it never spends minutes or gigabytes (issue 13).

Each limit has a name (`--limit NAME=VALUE` on the command line, `limits:` in the
configuration) and a default that no real report comes near. The limits in force are a
context variable set by the pipeline for one file, like the regex time limit, so readers deep
in extract/ and packs/ read them without a parameter threaded through every call.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, fields, replace

from lawlint.errors import InputError, LawlintError, UsageError

MB = 1024 * 1024


@dataclass(frozen=True, slots=True)
class Limits:
    """Every limit and its default. Sizes are in bytes; DESCRIPTIONS says what each is for."""

    zip_member: int = 64 * MB       # uncompressed size of one member of a .docx or .ofd (from its header)
    zip_total: int = 256 * MB       # uncompressed size of all members of a .docx or .ofd together
    xml_text: int = 8 * MB          # one XML text node of a .docx or .ofd (below lxml's 10,000,000 bytes)
    pdf_pages: int = 2000           # pages of a PDF
    pdf_stream: int = 64 * MB       # decompressed size of one PDF stream
    pdf_total: int = 256 * MB       # decoded stream bytes one PDF may make lawlint read, all pages
    html_depth: int = 512           # nesting depth of HTML elements
    yaml_bytes: int = 2 * MB        # size of a rule pack or configuration file
    yaml_nodes: int = 200_000       # YAML nodes after aliases are expanded (alias bombs)

    def with_values(self, values: Mapping[str, str | int]) -> Limits:
        """These limits with some changed by name ('zip-member' or 'zip_member'); sizes take
        a suffix (KB, MB, GB). UsageError for an unknown name or a bad value."""
        changes = {}
        for key, value in values.items():
            name = str(key).replace("-", "_")
            if name not in NAMES:
                raise UsageError(f"unknown limit {key!r}",
                                 hint="known limits: " + ", ".join(n.replace("_", "-") for n in NAMES))
            changes[name] = _number(str(key), value)
        return replace(self, **changes)


NAMES = tuple(field.name for field in fields(Limits))
SIZES = frozenset({"zip_member", "zip_total", "xml_text", "pdf_stream", "pdf_total", "yaml_bytes"})
DESCRIPTIONS = {
    "zip_member": "uncompressed size of one part of a .docx or .ofd, read from the zip header before unpacking",
    "zip_total": "uncompressed size of all parts of a .docx or .ofd together",
    "xml_text": "longest text node in the XML of a .docx or .ofd",
    "pdf_pages": "pages of a PDF",
    "pdf_stream": "decompressed size of one PDF stream",
    "pdf_total": "decoded stream bytes read for one PDF, a content stream counted for each page that draws it",
    "html_depth": "nesting depth of elements in an HTML page",
    "yaml_bytes": "size of a rule pack or configuration file",
    "yaml_nodes": "YAML values of a pack or configuration, aliases expanded (stops alias bombs)",
}
_UNITS = {"": 1, "B": 1, "K": 1024, "KB": 1024, "M": MB, "MB": MB, "G": 1024 * MB, "GB": 1024 * MB}


def _number(key: str, value: str | int) -> int:
    if isinstance(value, int) and not isinstance(value, bool):
        number = value
    else:
        text = str(value).strip().upper()
        digits = text.rstrip("KMGB")
        unit = text[len(digits):]
        try:
            number = int(float(digits) * _UNITS[unit])
        except (ValueError, KeyError):
            raise UsageError(f"limit {key!r} needs a number (sizes may end in KB, MB or GB), "
                             f"not {value!r}") from None
    if number <= 0:
        raise UsageError(f"limit {key!r} must be positive, not {value!r}")
    return number


def parse(assignments: tuple[str, ...]) -> dict[str, str]:
    """`--limit zip-member=100MB --limit pdf-pages=5000` as a dict; UsageError for 'x' with no '='."""
    values = {}
    for assignment in assignments:
        key, sep, value = assignment.partition("=")
        if not sep or not key.strip():
            raise UsageError(f"--limit takes NAME=VALUE, not {assignment!r}",
                             hint="for example --limit zip-member=100MB")
        values[key.strip()] = value.strip()
    return values


DEFAULT = Limits()
_CURRENT: ContextVar[Limits] = ContextVar("limits", default=DEFAULT)


def current() -> Limits:
    """The limits in force for the input in hand."""
    return _CURRENT.get()


@contextmanager
def applied(limits: Limits) -> Iterator[None]:
    """Everything read inside this block is held to `limits`."""
    token = _CURRENT.set(limits)
    try:
        yield
    finally:
        _CURRENT.reset(token)


def size(number: int) -> str:
    """A size for a message: '64 MB', '512 KB', '900 B'."""
    for unit, factor in (("GB", 1024 * MB), ("MB", MB), ("KB", 1024)):
        if number >= factor:
            return f"{number / factor:.4g} {unit}"
    return f"{number} B"


def exceeded(what: str, name: str, path: str | None, line: int | None = None,
             error: type[LawlintError] = InputError) -> LawlintError:
    """The one line for an input over limit `name`: `what` with '{limit}' spelled out ('the
    zip-member limit of 64 MB', as in force now) and, as the hint, how to raise it."""
    option, value = name.replace("_", "-"), getattr(current(), name)
    shown, unit = (size(value), "SIZE") if name in SIZES else (f"{value:,}", "N")
    return error(what.replace("{limit}", f"the {option} limit of {shown}"), path, line,
                 hint=f"if the file is genuine, raise it with --limit {option}={unit}")
