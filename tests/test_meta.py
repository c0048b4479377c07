"""The design's promises, checked: every kind is registered, in the schema, documented and used;
docs/rules.md is generated from the packs; heavy modules stay out of the start-up path."""

from __future__ import annotations

import json
import subprocess
import sys

from conftest import COMPLIANT, ROOT

from lawlint import rulesdoc
from lawlint.checks import KINDS, load_kinds


def test_every_kind_is_in_the_schema_and_documented(ruleset):
    load_kinds()
    schema = json.loads((ROOT / "lawlint" / "schema" / "pack.schema.json").read_text(encoding="utf-8"))
    guide = (ROOT / "docs" / "writing-rules.md").read_text(encoding="utf-8")
    assert set(schema["$defs"]["rule"]["properties"]["kind"]["enum"]) == set(KINDS)
    assert set(KINDS) <= set(schema["$defs"])
    assert [kind for kind in KINDS if f"### `{kind}`" not in guide] == []
    assert {rule.kind for rule in ruleset.rules} == set(KINDS)


def test_rules_md_is_up_to_date(ruleset):
    expected = rulesdoc.render(ruleset)
    actual = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    assert actual == expected, "run: python -m lawlint.rulesdoc > docs/rules.md"


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
