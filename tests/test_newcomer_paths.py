"""The four paths docs/architecture.md promises a newcomer, followed: a new rule, a new check
kind, a new input format and a new output format are each one place (plus a test)."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest

from conftest import COMPLIANT
from lawlint import checks, extract
from lawlint.checks import Context, Hit, regex_param, register
from lawlint.document import source
from lawlint.output import kinds_md
from lawlint.packs import schema
from lawlint.packs.ruleset import load_ruleset
from lawlint.pipeline import linter


def _lint(text: str, ruleset):
    return linter.lint_source(source.from_text(text, "report.txt"), ruleset)


def test_a_new_rule_is_an_entry_in_a_pack(tmp_path):
    pack = tmp_path / "mine.yaml"
    pack.write_text("""name: mine
version: "1"
extends: national
rules:
  - id: XY101
    name: no-legal-institution-typo
    severity: warning
    kind: phrase
    pattern: 法制机构改革
    expect: absent
    message: “{found}”应为法治机构改革
    basis: 用语规范
    examples:
      bad: ["推进法制机构改革。"]
      good: ["推进法治机构改革。"]
""", encoding="utf-8")
    ruleset = load_ruleset((str(pack),))
    text = COMPLIANT.read_text(encoding="utf-8").replace("主要举措和成效\n", "主要举措和成效\n推进法制机构改革。\n", 1)
    assert [d.rule_id for d in _lint(text, ruleset).diagnostics if d.rule_id.startswith("XY")] == ["XY101"]


class _NoWord:
    """Every match of `pattern` is a finding (a kind written in a test, as a newcomer would;
    registered by the fixture below, since the registry is process-wide)."""

    def __init__(self, params):
        self.pattern = checks.compile_pattern(params["pattern"])

    def run(self, ctx: Context) -> Iterator[Hit]:
        for match in self.pattern.finditer(ctx.doc.folded.text):
            yield Hit(ctx.doc.span(match.start(), match.end()), {"found": match.group(0)})


@pytest.fixture
def newcomer_kind(monkeypatch, tmp_path):
    """The kind registered above, with the pack schema regenerated as the newcomer would
    (`python -m lawlint.packs.schema pack > …`): here, in memory."""
    register("no-word", regex_param("pattern", "The word that must not appear."),
             provides=("found",))(_NoWord)
    shipped = schema.pack_schema
    monkeypatch.setattr(schema, "pack_schema", lambda name="pack": json.loads(
        schema.generated_pack_schema()) if name == "pack" else shipped(name))
    monkeypatch.setenv("LAWLINT_CACHE_DIR", str(tmp_path / "cache"))
    yield "no-word"
    checks.KINDS.pop("no-word")   # the registry is process-wide: leave it as the packs know it
    checks.SPECS.pop("no-word")


def test_a_new_kind_is_one_class_and_everything_else_follows(newcomer_kind, tmp_path):
    generated = json.loads(schema.generated_pack_schema())
    assert generated["$defs"][newcomer_kind]["required"] == ["pattern"]
    assert newcomer_kind in generated["$defs"]["rule"]["properties"]["kind"]["enum"]
    assert "### `no-word`" in kinds_md.render()
    pack = tmp_path / "kind.yaml"
    pack.write_text("name: kind\nversion: '1'\nrules:\n  - {id: XY201, name: w, severity: info, kind: no-word, "
                    "pattern: 依法, message: '{found}', basis: b}\n", encoding="utf-8")
    findings = _lint(COMPLIANT.read_text(encoding="utf-8"), load_ruleset((str(pack),))).diagnostics
    assert findings and {d.message for d in findings} == {"依法"}


def test_a_new_kinds_unknown_parameter_is_reported_from_its_declaration(newcomer_kind, tmp_path):
    from lawlint.errors import PackError

    pack = tmp_path / "kind.yaml"
    pack.write_text("name: kind\nversion: '1'\nrules:\n  - {id: XY202, name: w, severity: info, kind: no-word, "
                    "pattern: 依法, typo: 1, message: m, basis: b}\n", encoding="utf-8")
    with pytest.raises(PackError, match="typo"):
        load_ruleset((str(pack),))


def test_a_new_input_format_is_one_module(tmp_path, monkeypatch):
    (tmp_path / "upper.py").write_text(
        "from lawlint.document import source\n"
        "SUFFIXES = ('.upper',)\n"
        "def extract(data, name, encoding=None):\n"
        "    return source.from_text(data.decode('ascii').lower(), name, 'ascii')\n",
        encoding="utf-8")
    monkeypatch.setattr(extract, "__path__", [*extract.__path__, str(tmp_path)])
    monkeypatch.setattr(extract, "FORMATS", extract._formats())
    assert extract.from_bytes(b"ABC", "r.upper", ".upper").text == "abc"
    assert extract.FORMATS[".txt"].__name__ == "lawlint.extract.text"
