"""YAML text in, (data, line map) out: so a schema error can name the line it is about.

Loads with PyYAML's safe composer (no object construction) and records the 1-based line of
every mapping value and sequence item, keyed by its path of keys and indexes.
"""

from __future__ import annotations

from typing import Any

import yaml

from lawlint.errors import PackError

Path = tuple[Any, ...]

try:  # the C loader is ~10x faster; fall back where libyaml is missing
    _Loader = yaml.CSafeLoader
except AttributeError:  # pragma: no cover
    _Loader = yaml.SafeLoader


def load(text: str, filename: str) -> tuple[Any, dict[Path, int]]:
    """Parse YAML safely (no tags beyond plain data); PackError with the line of an error."""
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        problem = getattr(exc, "problem", None) or str(exc)
        raise PackError(f"invalid YAML: {problem}", filename,
                        mark.line + 1 if mark else None) from None
    lines: dict[Path, int] = {}
    try:
        data = _build(node, (), lines) if node is not None else None
    except PackError as exc:
        raise PackError(exc.message, filename, exc.line) from None
    except yaml.YAMLError as exc:  # a scalar the safe constructor refuses
        mark = getattr(exc, "problem_mark", None)
        raise PackError(f"invalid YAML value: {getattr(exc, 'problem', exc)}", filename,
                        mark.line + 1 if mark else None) from None
    return data, lines


_STANDARD_TAGS = {f"tag:yaml.org,2002:{name}" for name in (
    "map", "seq", "str", "int", "float", "bool", "null", "timestamp", "binary")}


def _build(node: yaml.Node, path: Path, lines: dict[Path, int]) -> Any:
    lines[path] = node.start_mark.line + 1
    if node.tag not in _STANDARD_TAGS:
        raise PackError(f"unsupported YAML tag {node.tag!r}: packs and configurations are plain data",
                        None, node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        result = {}
        for key_node, value_node in node.value:
            key = _scalar(key_node)
            result[key] = _build(value_node, path + (key,), lines)
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_build(item, path + (index,), lines) for index, item in enumerate(node.value)]
    return _scalar(node)


_CONSTRUCTOR = yaml.constructor.SafeConstructor()


def _scalar(node: yaml.Node) -> Any:
    """A scalar's value by its resolved tag (int, float, bool, str…), never an object."""
    return _CONSTRUCTOR.construct_object(node, deep=True)


def line_of(lines: dict[Path, int], path: Path) -> int | None:
    """The line of the deepest recorded node on `path`."""
    for end in range(len(path), -1, -1):
        if path[:end] in lines:
            return lines[path[:end]]
    return None
