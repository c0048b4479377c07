"""The design's promises, checked: every kind is registered, in the schema, documented and used;
docs/rules.md is generated from the packs; heavy modules stay out of the start-up path."""

from __future__ import annotations

import json
import subprocess
import sys

from conftest import COMPLIANT, ROOT

from lawlint.output import rules_md as rulesdoc
from lawlint.checks import KINDS, SPECS, load_kinds


def test_the_pack_schema_is_generated_from_the_kinds_declarations():
    from lawlint.packs.schema import generated_pack_schema

    shipped = (ROOT / "lawlint" / "packs" / "schemas" / "pack.schema.json").read_text(encoding="utf-8")
    assert shipped == generated_pack_schema(), \
        "run: python -m lawlint.packs.schema pack > lawlint/packs/schemas/pack.schema.json"


def test_the_kinds_reference_is_generated_from_the_kinds_declarations():
    from lawlint.output import kinds_md

    page = (ROOT / "docs" / "writing-rules.md").read_text(encoding="utf-8")
    assert kinds_md.updated(page) == page, "run: python -m lawlint.output.kinds_md"


def test_every_kind_is_in_the_schema_and_documented(ruleset):
    load_kinds()
    schema = json.loads((ROOT / "lawlint" / "packs" / "schemas" / "pack.schema.json").read_text(encoding="utf-8"))
    guide = (ROOT / "docs" / "writing-rules.md").read_text(encoding="utf-8")
    assert set(schema["$defs"]["rule"]["properties"]["kind"]["enum"]) == set(KINDS)
    assert set(KINDS) <= set(schema["$defs"])
    assert [kind for kind in KINDS if f"### `{kind}`" not in guide] == []
    assert {rule.kind for rule in ruleset.rules} == set(KINDS)


def test_every_kind_and_parameter_is_described_where_it_is_declared():
    load_kinds()
    assert [name for name, spec in SPECS.items() if not spec.doc] == []
    assert [(name, p.name) for name, spec in SPECS.items() for p in spec.params
            if not p.json_schema().get("description")] == []


def test_sarif_help_uris_point_at_anchors_that_exist():
    page = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    from lawlint.packs.ruleset import load_ruleset
    for rule in load_ruleset(("shenzhen-topics",)).all_rules:
        assert f'<a id="{rule.id.lower()}"></a>' in page


def test_every_built_in_rule_has_a_short_chinese_title():
    """The audit page and workbook name rules in Chinese: every shipped rule carries one."""
    import regex

    from lawlint.packs.packfile import builtin_names
    from lawlint.packs.ruleset import BUILTIN_RULES, load_ruleset

    rules = [*BUILTIN_RULES, *(r for name in builtin_names() for r in load_ruleset((name,)).all_rules)]
    untitled = [r.id for r in rules if not regex.fullmatch(r"[\p{Han}“”、0-9]{2,16}", r.title)]
    assert untitled == []


def test_rules_md_is_up_to_date():
    expected = rulesdoc.render()
    actual = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    assert actual == expected, "run: python -m lawlint.output.rules_md > docs/rules.md"


def test_linting_one_file_does_not_import_jieba_jsonschema_or_rich(tmp_path):
    """Warm start (pack already validated) as in a pre-commit hook, output piped."""
    env_code = (
        f"import sys, runpy; sys.argv = ['lawlint', {str(COMPLIANT)!r}];\n"
        "try:\n    runpy.run_module('lawlint', run_name='__main__')\n"
        "except SystemExit:\n    pass\n"
        "print(sorted(m for m in ('jieba', 'jsonschema', 'rich') if m in sys.modules))"
    )
    subprocess.run([sys.executable, "-m", "lawlint", str(COMPLIANT)], capture_output=True)
    done = subprocess.run([sys.executable, "-c", env_code], capture_output=True, text=True)
    assert done.stdout.strip().splitlines()[-1] == "[]"


def test_shipped_pack_digests_are_current_and_the_packs_valid():
    """The runtime trusts these digests instead of importing jsonschema for built-in packs."""
    from lawlint.packs import packfile, schema as packschema, yamlsource
    manifest = (ROOT / "lawlint" / "packs" / "schemas" / "validated-packs.txt").read_text(encoding="utf-8")
    assert manifest == packschema.shipped_manifest(), \
        "run: python -m lawlint.packs.schema > lawlint/packs/schemas/validated-packs.txt"
    for path in sorted(packfile.builtin_dir().glob("*.yaml")):
        data, lines = yamlsource.load(path.read_text(encoding="utf-8"), str(path))
        packschema.validate(data, lines, str(path), packschema.pack_schema())


def test_configuration_docs_cover_every_setting_of_the_schema():
    schema = json.loads((ROOT / "lawlint" / "packs" / "schemas" / "config.schema.json").read_text(encoding="utf-8"))
    page = (ROOT / "docs" / "configuration.md").read_text(encoding="utf-8")
    assert [key for key in schema["properties"] if f"\n{key}:" not in page] == []


def test_startup_benchmark_runs():
    done = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "startup.py"), "1"],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "| lawlint FILE, warm cache |" in done.stdout and "004_3b8f22655ae3d0b6.txt" in done.stdout


def test_batch_benchmark_runs_on_a_small_corpus():
    done = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "batch.py"), "20"],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert "| 20 | 2 |" in done.stdout and "| 1031 KB |" in done.stdout


def test_before_after_benchmark_runs_against_a_revision():
    done = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "compare.py"), "HEAD", "1", "10"],
                          capture_output=True, text=True, timeout=300, cwd=ROOT)
    assert done.returncode == 0, done.stderr
    assert "| one file, new process (1 runs) |" in done.stdout and "after / before" in done.stdout
