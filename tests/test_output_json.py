"""The JSON writer behind --format json and sarif: the bytes of `json.dumps(..., indent=2)`."""

from __future__ import annotations

import io
import json

import pytest

from conftest import SEEDS

from lawlint.output import jsonwriter

_TRICKY = [
    "", "plain", "中文，全角：标点", 'quotes " and \\ backslash', "tab\tnew\nline\rcr",
    "\x00\x01\x1f\x7f control", "\u2028\u2029 separators", "emoji 😀 and 𠀀", "\ud800 lone surrogate",
    "</script>", "%0A already escaped",
]
_VALUES = [
    {}, [], (), 0, -1, 10**30, 1.5, -0.0, 1e300, float("nan"), float("inf"), True, False, None,
    *_TRICKY,
    {"k": _TRICKY},
    {text: text for text in _TRICKY},
    {"nested": {"empty": {}, "list": [], "deep": [[[{"a": [1, {"b": None}]}]]]}},
    {"mixed": [1, "a", None, {"x": 1}, [], [2.5, True]]},
    {1: "int key", 2.5: "float key", None: "none key", True: "bool key"},
    {1: {"int key": "before a nested value"}},
    [("tuple", 1), ["list", 2]],
]


@pytest.mark.parametrize("ensure_ascii", [False, True])
@pytest.mark.parametrize("value", _VALUES, ids=range(len(_VALUES)))
def test_the_writer_gives_the_bytes_of_json_dumps_with_indent_2(value, ensure_ascii):
    assert jsonwriter.dumps(value, ensure_ascii) == json.dumps(value, ensure_ascii=ensure_ascii, indent=2)


@pytest.mark.parametrize("fmt", ["json", "sarif"])
def test_json_and_sarif_output_on_the_seeds_are_json_dumps_with_indent_2(fmt, ruleset):
    from lawlint.output import get
    from lawlint.pipeline import linter

    resolver = linter.Resolver(linter.Options())
    results = list(linter.lint_paths([str(SEEDS)], resolver, None))
    out = io.StringIO()
    get(fmt)(iter(results), resolver.ruleset(resolver.settings(None)), out)
    document = json.loads(out.getvalue())
    assert out.getvalue() == json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def test_dump_writes_what_dumps_returns():
    out = io.StringIO()
    jsonwriter.dump({"a": [1, {"b": "中"}]}, out)
    assert out.getvalue() == jsonwriter.dumps({"a": [1, {"b": "中"}]})
