"""A pack reference in, a `PackFile` out: the file found (built-in name or path), its YAML
parsed safely with line numbers, and validated against the shipped pack schema."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from lawlint import limits, usercache
from lawlint.packs import schema as packschema, yamlsource
from lawlint.errors import PackError


@dataclass(frozen=True, slots=True)
class PackFile:
    """One validated pack file: its data, the YAML line of every node, where it lives."""

    name: str
    path: Path
    data: dict[str, Any]
    lines: dict[tuple, int]
    digest: str

    def line(self, *path: Any) -> int | None:
        return yamlsource.line_of(self.lines, path)

    @property
    def extends(self) -> list[str]:
        value = self.data.get("extends", [])
        return [value] if isinstance(value, str) else list(value)


DEFAULT_PACKS = ("national", "typography")   # what runs when no configuration names packs


def builtin_dir() -> Path:
    """Where the built-in packs live: inside the wheel, or `rules/` of a source checkout."""
    packaged = Path(str(resources.files("lawlint"))) / "rules"
    return packaged if packaged.is_dir() else Path(__file__).resolve().parents[2] / "rules"


def builtin_names() -> list[str]:
    return sorted(path.stem for path in builtin_dir().glob("*.yaml"))


def resolve(reference: str, relative_to: Path | None = None) -> Path:
    """A pack given as a path (relative to `relative_to` if set) or a built-in name."""
    path = Path(reference)
    if relative_to is not None and not path.is_absolute():
        path = relative_to / path
    if path.suffix in (".yaml", ".yml") or path.exists():
        return path
    builtin = builtin_dir() / f"{reference}.yaml"
    if builtin.is_file():
        return builtin
    raise PackError(f"no such pack: {reference!r}", hint=f"built-in packs: {', '.join(builtin_names())}")


def load(path: Path) -> PackFile:
    """Read, parse and validate one pack file (cached by content)."""
    try:
        text = yamlsource.read_text(path)          # refused over the yaml-bytes limit
    except (OSError, UnicodeDecodeError) as exc:
        raise PackError(f"cannot read pack: {exc}", str(path)) from None
    return _parse(text, str(path))


_CACHE: dict[tuple[str, str], PackFile] = {}
_FORMAT = "1"   # of the cached parse: change it when yamlsource's output changes


def _parse(text: str, filename: str) -> PackFile:
    key = (filename, text)
    if key not in _CACHE:
        data, lines = _parsed(text, filename)
        if not isinstance(data, dict):
            raise PackError("a pack must be a YAML mapping with name, version and rules", filename, 1)
        packschema.validate_once(text, data, lines, filename)
        digest = hashlib.sha256(text.encode()).hexdigest()
        _CACHE[key] = PackFile(data["name"], Path(filename), data, lines, digest)
    return _CACHE[key]


def _parsed(text: str, filename: str) -> tuple[Any, dict]:
    """The YAML of a pack with its node lines, kept in the user cache by content: parsing the
    registry of laws (3,000 lines) costs ~45 ms, reading it back ~3 ms, on every start."""
    digest = hashlib.sha256(f"{_FORMAT}\0{limits.current()!r}\0{text}".encode()).hexdigest()
    return usercache.kept(f"packs/{digest}.marshal", lambda: yamlsource.load(text, filename))
