"""Shared fixtures: the national rule set, a lint-a-string helper, the compliant report."""

from __future__ import annotations

from pathlib import Path

import pytest

from lawlint.pipeline import linter
from lawlint.packs import ruleset as rulepack
from lawlint.document import source

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
COMPLIANT = FIXTURES / "compliant.txt"
SHARED_SARIF_SCHEMA = ROOT.parent / "shared" / "schemas" / "sarif-schema-2.1.0.json"


@pytest.fixture(scope="session")
def sarif_validator():
    """A validator for the OASIS SARIF 2.1.0 schema in ../shared/schemas/ (CI runs with shared/
    beside the clone). No well-kept PyPI package ships that schema, so a clone without it skips
    the check and says why, rather than passing without checking."""
    if not SHARED_SARIF_SCHEMA.exists():
        pytest.skip(f"SARIF schema check: {SHARED_SARIF_SCHEMA} is not here (CI provides it)")
    import json

    import jsonschema
    return jsonschema.Draft4Validator(json.loads(SHARED_SARIF_SCHEMA.read_text(encoding="utf-8")))


@pytest.fixture(scope="session")
def ruleset():
    return rulepack.load_ruleset()


@pytest.fixture(scope="session")
def lint(ruleset):
    """Lint a report given as text; returns the FileResult."""
    def run(text: str, year: int | None = None, name: str = "report.txt", published: bool | None = None):
        return linter.lint_source(source.from_text(text, name), ruleset, year, published=published)
    return run


@pytest.fixture(scope="session")
def compliant_text() -> str:
    return COMPLIANT.read_text(encoding="utf-8")


def ids(result, floor: str = "warning") -> set[str]:
    """Rule ids of findings at or above a severity."""
    rank = {"info": 1, "warning": 2, "error": 3}
    return {d.rule_id for d in result.diagnostics if rank[d.severity] >= rank[floor]}
