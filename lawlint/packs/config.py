"""Configuration files in, `Settings` out: what to run on a file and how strictly.

Found upwards from each linted file: the closest `.lawlint.yaml` / `.lawlint.yml`, or a
`pyproject.toml` with a `[tool.lawlint]` table. Validated against config.schema.json; an
error names the file, the line and the key. Command-line options override the file.
"""

from __future__ import annotations

import fnmatch
import os
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

from lawlint.packs import schema as packschema, yamlsource
from lawlint.errors import LawlintError
from lawlint.packs.packfile import DEFAULT_PACKS

CONFIG_FILES = (".lawlint.yaml", ".lawlint.yml", "pyproject.toml")
HABIT_THRESHOLD = 5   # a fixable rule on more lines than this is one finding (pipeline/habits.py)


def absolute(path: Path) -> Path:
    """An absolute, normalised path without following symlinks (Path.resolve() raises on a
    symlink loop, and a report path may be one)."""
    return Path(os.path.abspath(path))


class ConfigError(LawlintError):
    """A configuration file that cannot be read or breaks its schema."""


@dataclass(frozen=True, slots=True)
class Settings:
    """Effective settings for one file; paths and globs are relative to `root`."""

    root: Path
    source: str | None = None
    packs: tuple[str, ...] = DEFAULT_PACKS
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    severity: tuple[tuple[str, str], ...] = ()
    parameters: tuple[tuple[str, Any], ...] = ()
    fail_on: str = "error"
    require_reason: bool = False
    published: bool | None = None   # judge as the published copy; None: .html is, others not
    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    limits: tuple[tuple[str, Any], ...] = ()   # `limits:` (lawlint/limits.py), by name
    habit_threshold: int = HABIT_THRESHOLD     # `habit-threshold:`; 0 lists every finding
    error: str | None = None   # a configuration found for this file could not be used: why
    per_path: tuple[tuple[str, dict], ...] = field(default=(), compare=False)

    def relative(self, path: Path) -> str:
        try:
            return absolute(path).relative_to(absolute(self.root)).as_posix()
        except ValueError:
            return path.as_posix()

    def wants(self, path: Path) -> bool:
        """Whether a file found in a directory is to be linted (include/exclude globs)."""
        name = self.relative(path)
        if self.include and not any(fnmatch.fnmatch(name, g) for g in self.include):
            return False
        return not any(fnmatch.fnmatch(name, g) for g in self.exclude)

    def for_file(self, path: Path) -> Settings:
        """Apply the `per-path` entries whose glob matches this file."""
        name, result = self.relative(path), self
        for pattern, extra in self.per_path:
            if fnmatch.fnmatch(name, pattern):
                result = replace(
                    result,
                    select=tuple(extra.get("select", result.select)),
                    ignore=result.ignore + tuple(extra.get("ignore", ())),
                    severity=result.severity + tuple(extra.get("severity", {}).items()),
                    parameters=result.parameters + tuple(extra.get("parameters", {}).items()))
        return result


def discover(directory: Path) -> Settings | None:
    """Settings from the closest configuration file at or above `directory`, if any."""
    return _discover(absolute(directory))


@lru_cache(maxsize=256)
def _discover(directory: Path) -> Settings | None:
    for folder in (directory, *directory.parents):
        for name in CONFIG_FILES:
            candidate = folder / name
            if candidate.is_file() and (name != "pyproject.toml" or _has_tool_table(candidate)):
                return load(candidate)
    return None


def _has_tool_table(path: Path) -> bool:
    try:
        return "[tool.lawlint" in path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return False


def load(path: Path) -> Settings:
    """Read, validate and convert one configuration file."""
    try:
        text = yamlsource.read_text(path)          # refused over the yaml-bytes limit
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"cannot read configuration: {exc}", str(path)) from None
    except LawlintError as exc:
        raise ConfigError(exc.message, str(path), hint=exc.hint) from None
    data, lines = _parse(text, path)
    packschema.validate_once(text, data, lines, str(path), "config", ConfigError)
    return _settings(data, path)


def _parse(text: str, path: Path) -> tuple[dict, dict]:
    if path.name == "pyproject.toml":
        import tomllib  # its import compiles regexes: only pay for it when there is TOML

        try:
            table = tomllib.loads(text).get("tool", {}).get("lawlint", {})
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(f"invalid TOML: {exc}", str(path)) from None
        return table, _toml_lines(text, table)
    try:
        data, lines = yamlsource.load(text, str(path))
    except LawlintError as exc:
        raise ConfigError(exc.message, str(path), exc.line, hint=exc.hint) from None
    if data is None:
        return {}, {}
    if not isinstance(data, dict):
        raise ConfigError("the configuration must be a mapping of settings", str(path), 1)
    return data, lines


def _toml_lines(text: str, table: dict) -> dict[tuple, int]:
    """Approximate YAML-style line map for [tool.lawlint]: the line of each top-level key."""
    lines: dict[tuple, int] = {}
    in_table = False
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        if stripped.startswith("["):
            in_table = stripped.startswith("[tool.lawlint")
            if in_table:
                lines.setdefault((), number)
                key = stripped.strip("[]").split(".", 2)[2:] or []
                if key:
                    lines[(key[0].strip('"'),)] = number
            continue
        if in_table and "=" in stripped:
            key = stripped.split("=", 1)[0].strip().strip('"')
            if key in table:
                lines[(key,)] = number
    return lines


def _settings(data: dict, path: Path) -> Settings:
    return Settings(
        root=absolute(path.parent), source=str(path),
        packs=tuple(data.get("packs", DEFAULT_PACKS)),
        select=tuple(data.get("select", ())), ignore=tuple(data.get("ignore", ())),
        severity=tuple(data.get("severity", {}).items()),
        parameters=tuple(data.get("parameters", {}).items()),
        fail_on=data.get("fail-on", "error"), require_reason=data.get("require-reason", False),
        published=data.get("published"),
        include=tuple(data.get("include", ())), exclude=tuple(data.get("exclude", ())),
        per_path=tuple(data.get("per-path", {}).items()),
        limits=tuple(data.get("limits", {}).items()),
        habit_threshold=data.get("habit-threshold", HABIT_THRESHOLD),
    )
