"""YAML text in, (data, line map) out: so a schema error can name the line it is about.

Loads with PyYAML's safe composer (no object construction) and records the 1-based line of
every mapping value and sequence item, keyed by its path of keys and indexes.

Every pack and configuration goes through here, so here they are held to the limits in
force (lawlint/limits.py, issue 13): yaml_bytes before parsing, yaml_nodes (values counted
with aliases expanded, which stops alias bombs) after composing and before building.
"""

from __future__ import annotations

import io
import os
from pathlib import Path as FilePath
from typing import Any

import yaml

from lawlint import limits
from lawlint.errors import PackError

Path = tuple[Any, ...]

try:  # the C loader is ~10x faster; fall back where libyaml is missing
    _Loader = yaml.CSafeLoader
except AttributeError:  # pragma: no cover
    _Loader = yaml.SafeLoader


def read_text(path: FilePath) -> str:
    """A pack or configuration file's text, refused (PackError) when it is over yaml_bytes
    before it is read; OSError and UnicodeDecodeError as Path.read_text raises them."""
    limit = limits.current().yaml_bytes
    with open(path, "rb") as handle:
        _check_size(os.fstat(handle.fileno()).st_size, str(path), limit)
        data = handle.read(limit + 1)             # never more, whatever the file is
    _check_size(len(data), str(path), limit)
    return io.TextIOWrapper(io.BytesIO(data), encoding="utf-8").read()   # newlines as read_text


def load(text: str, filename: str) -> tuple[Any, dict[Path, int]]:
    """Parse YAML safely (no tags beyond plain data); PackError with the line of an error."""
    bounds = limits.current()
    _check_size(len(text.encode("utf-8", "surrogatepass")), filename, bounds.yaml_bytes)
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        problem = getattr(exc, "problem", None) or str(exc)
        raise PackError(f"invalid YAML: {problem}", filename,
                        mark.line + 1 if mark else None) from None
    if node is None:
        return None, {}
    try:
        _check_expanded(node, bounds.yaml_nodes)
        builder = _Builder()
        return builder.build(node, ()), builder.lines
    except PackError as exc:
        raise PackError(exc.message, filename, exc.line, hint=exc.hint) from None
    except RecursionError:
        raise PackError("values nest too deeply (through aliases)", filename, None) from None
    except yaml.YAMLError as exc:  # a scalar the safe constructor refuses
        mark = getattr(exc, "problem_mark", None)
        raise PackError(f"invalid YAML value: {getattr(exc, 'problem', exc)}", filename,
                        mark.line + 1 if mark else None) from None


def _check_size(size: int, filename: str, limit: int) -> None:
    if size > limit:
        raise limits.exceeded(f"file is {limits.size(size)}, over {{limit}}", "yaml_bytes",
                              filename, error=PackError)


def _check_expanded(root: yaml.Node, limit: int) -> None:
    """PackError when the document holds more than `limit` values once its aliases are
    expanded, or an alias inside its own anchor (a value that contains itself).

    The composed graph keeps an alias as a second reference to its anchor's node, so
    composing costs the text's size; expanding is what explodes. Each node's expanded size
    is added up once, children first (an alias counts the whole size of its anchor), without
    expanding anything, before _Builder expands for real. Counting on the composed graph
    keeps the C composer; counting inside compose_node would need the pure-Python one."""
    sizes: dict[int, int] = {}
    stack: list[tuple[yaml.Node, bool]] = [(root, False)]
    expanding: set[int] = set()                 # the nodes on the path being added up
    while stack:
        node, done = stack.pop()
        if done:
            expanding.discard(id(node))
            sizes[id(node)] = 1 + sum(sizes[id(child)] for child in _children(node))
        elif id(node) in expanding:
            raise PackError("a value contains itself (an alias inside its own anchor)",
                            None, node.start_mark.line + 1)
        elif id(node) not in sizes:
            expanding.add(id(node))
            stack.append((node, True))
            stack.extend((child, False) for child in _children(node))
    if sizes[id(root)] > limit:
        culprit = _largest_within(root, sizes, limit)
        raise limits.exceeded(f"{sizes[id(culprit)]:,} YAML nodes once aliases are expanded, "
                              "over {limit} (an alias bomb?)", "yaml_nodes", None,
                              culprit.start_mark.line + 1, PackError)


def _largest_within(node: yaml.Node, sizes: dict[int, int], limit: int) -> yaml.Node:
    """The innermost node that alone is over the limit: the anchor that explodes."""
    while True:
        over = next((child for child in _children(node) if sizes[id(child)] > limit), None)
        if over is None:
            return node
        node = over


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.MappingNode):
        return [child for pair in node.value for child in pair]
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    return []


_STANDARD_TAGS = {f"tag:yaml.org,2002:{name}" for name in (
    "map", "seq", "str", "int", "float", "bool", "null", "timestamp", "binary")}


class _Builder:
    """Plain data from a composed node, with the line of every value by its path. One per
    load: the safe constructor remembers every node it built."""

    def __init__(self) -> None:
        self.lines: dict[Path, int] = {}
        self._constructor = yaml.constructor.SafeConstructor()

    def build(self, node: yaml.Node, path: Path) -> Any:
        self.lines[path] = node.start_mark.line + 1
        if node.tag not in _STANDARD_TAGS:
            raise PackError(f"unsupported YAML tag {node.tag!r}: packs and configurations are plain data",
                            None, node.start_mark.line + 1)
        if isinstance(node, yaml.MappingNode):
            result = {}
            for key_node, value_node in node.value:
                key = self.scalar(key_node)
                result[key] = self.build(value_node, path + (key,))
            return result
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, path + (index,)) for index, item in enumerate(node.value)]
        return self.scalar(node)

    def scalar(self, node: yaml.Node) -> Any:
        """A scalar's value by its resolved tag (int, float, bool, str…), never an object."""
        if not isinstance(node, yaml.ScalarNode):
            raise PackError("a mapping key must be a plain value, not a list or mapping",
                            None, node.start_mark.line + 1)
        return self._constructor.construct_object(node, deep=True)


def line_of(lines: dict[Path, int], path: Path) -> int | None:
    """The line of the deepest recorded node on `path`."""
    for end in range(len(path), -1, -1):
        if path[:end] in lines:
            return lines[path[:end]]
    return None
