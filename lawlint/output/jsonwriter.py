"""`json.dumps(value, indent=2)`, byte for byte, at close to the speed of the C encoder.

CPython's C encoder is not used once `indent` is set: the pure-Python one then took a quarter
of `lawlint DIR --format json`. Here one small recursive function walks the nesting, and each
run of scalar items in a container (a finding's fields, an edit) goes to the C encoder in one
call, with an item separator that carries the newline and indent of its depth. That is exact
because an encoded string never holds a raw newline: only the separators between items do.

A `Stream` is a list whose items are made as they are written and a `Later` a value made
when the writer reaches it: `stream()` writes a document holding them as it goes, so a batch's
findings are held one file at a time and totals counted on the way can follow them.

Types outside what JSON output holds (anything but dict, list, tuple, str, int, float, bool,
None), and dict keys that are not strings next to a nested value, are handed to
`json.dumps(..., indent=2)` itself, so the bytes are the standard library's either way.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from functools import lru_cache
from json.encoder import c_make_encoder, encode_basestring, encode_basestring_ascii
from typing import Any, TextIO

_INDENT = "  "
_SCALARS = frozenset((str, int, float, bool, type(None)))


def dumps(value: Any, ensure_ascii: bool = False) -> str:
    """What `json.dumps(value, ensure_ascii=ensure_ascii, indent=2)` returns."""
    return "".join(_chunks(value, ensure_ascii))


def dump(value: Any, out: TextIO, ensure_ascii: bool = False) -> None:
    """What `json.dump(value, out, ensure_ascii=ensure_ascii, indent=2)` writes."""
    out.writelines(_chunks(value, ensure_ascii))


def stream(value: Any, out: TextIO, ensure_ascii: bool = False) -> None:
    """What `dump` writes, for a value that may hold `Stream` and `Later` parts, written as it
    is made. JSON's own types only: there is no falling back once bytes are out."""
    try:
        _encode(value, "\n", out.write, ensure_ascii)
    except _Unusual:
        raise TypeError("stream() writes dict, list, tuple, str, int, float, bool and None "
                        "only, with str keys") from None


class Stream:
    """A JSON list whose items an iterable makes as they are written (held one at a time)."""

    __slots__ = ("items",)

    def __init__(self, items: Iterable[Any]) -> None:
        self.items = items


class Later:
    """A JSON value made when the writer reaches it: totals of a `Stream` written before it."""

    __slots__ = ("make",)

    def __init__(self, make: Callable[[], Any]) -> None:
        self.make = make


def _chunks(value: Any, ensure_ascii: bool) -> list[str]:
    chunks: list[str] = []
    try:
        _encode(value, "\n", chunks.append, ensure_ascii)
    except _Unusual:
        return [json.dumps(value, ensure_ascii=ensure_ascii, indent=2)]
    return chunks


class _Unusual(Exception):
    """A value the fast path leaves to the standard library."""


@lru_cache(maxsize=64)
def _flat(inner: str, ensure_ascii: bool) -> Callable[[Any], str]:
    """The C encoder for scalars whose items sit at indent `inner` (made once per depth)."""
    if c_make_encoder is None:   # an interpreter without the C accelerator
        return json.JSONEncoder(ensure_ascii=ensure_ascii, separators=("," + inner, ": ")).encode
    encode = c_make_encoder(None, _unknown, encode_basestring_ascii if ensure_ascii else encode_basestring,
                            None, ": ", "," + inner, False, False, True)
    return lambda value: "".join(encode(value, 0))


def _unknown(value: Any) -> Any:
    raise TypeError(f"Object of type {type(value).__name__} is not JSON serializable")


def _encode(value: Any, newline: str, emit: Callable[[str], Any], ensure_ascii: bool) -> None:
    kind = type(value)
    if kind in _SCALARS:
        emit(json.dumps(value, ensure_ascii=ensure_ascii))
    elif kind is Later:
        _encode(value.make(), newline, emit, ensure_ascii)
    elif kind is Stream:
        _encode_items(value.items, newline, emit, ensure_ascii)
    elif kind is not dict and kind is not list and kind is not tuple:
        raise _Unusual
    elif not value:
        emit("{}" if kind is dict else "[]")
    elif kind is dict:
        _encode_dict(value, newline, emit, ensure_ascii)
    elif _SCALARS.issuperset(map(type, value)):
        encoded = _flat(newline + _INDENT, ensure_ascii)(value)
        emit("[" + newline + _INDENT + encoded[1:-1] + newline + "]")
    else:
        _encode_items(value, newline, emit, ensure_ascii)


def _encode_items(items: Iterable[Any], newline: str, emit: Callable[[str], Any],
                  ensure_ascii: bool) -> None:
    """A list item by item (`[]` when there is none)."""
    inner = newline + _INDENT
    separator = "[" + inner
    for item in items:
        emit(separator)
        _encode(item, inner, emit, ensure_ascii)
        separator = "," + inner
    emit("[]" if separator[0] == "[" else newline + "]")


def _encode_dict(value: dict, newline: str, emit: Callable[[str], Any], ensure_ascii: bool) -> None:
    inner = newline + _INDENT
    flat = _flat(inner, ensure_ascii)
    if _SCALARS.issuperset(map(type, value.values())):
        emit("{" + inner + flat(value)[1:-1] + newline + "}")
        return
    string = encode_basestring_ascii if ensure_ascii else encode_basestring
    separator, run = "{" + inner, {}
    for key, item in value.items():
        if type(item) in _SCALARS:
            run[key] = item
            continue
        if type(key) is not str:
            raise _Unusual
        if run:
            emit(separator + flat(run)[1:-1])
            separator, run = "," + inner, {}
        emit(separator + string(key) + ": ")
        _encode(item, inner, emit, ensure_ascii)
        separator = "," + inner
    if run:
        emit(separator + flat(run)[1:-1])
    emit(newline + "}")
