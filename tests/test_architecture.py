"""The layout docs/architecture.md promises: each package imports only from the layers
below it (anywhere in a module, lazy imports included), so there are no import loops."""

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "lawlint"

# Lowest first. A module may import from its own layer's package and from any lower layer.
LAYERS = (
    ("__init__", "errors", "limits", "patterns", "usercache"),
    ("document",),
    ("extract",),
    ("checks",),
    ("packs",),
    ("pipeline",),
    ("audit",),
    ("output",),
    ("cli", "__main__"),
)
RANK = {name: rank for rank, names in enumerate(LAYERS) for name in names}


def _package_of(path: Path) -> str:
    relative = path.relative_to(PACKAGE)
    return relative.parts[0] if len(relative.parts) > 1 else relative.stem


def _imported_packages(text: str):
    for node in ast.walk(ast.parse(text)):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.split(".")[0] == "lawlint":
            parts = node.module.split(".")
            names = [parts[1]] if len(parts) > 1 else [alias.name for alias in node.names]
            yield from ((name, node.lineno) for name in names)
        elif isinstance(node, ast.Import):
            for alias in node.names:
                parts = alias.name.split(".")
                if parts[0] == "lawlint" and len(parts) > 1:
                    yield parts[1], node.lineno


def upward_imports(own: str, text: str) -> list[str]:
    return [f"line {line}: {own} imports {name}" for name, line in _imported_packages(text)
            if name in RANK and RANK[name] > RANK[own]]


MODULES = sorted(PACKAGE.rglob("*.py"))


def test_every_top_level_name_has_a_layer():
    names = {_package_of(path) for path in MODULES}
    assert names <= set(RANK), f"add to LAYERS: {sorted(names - set(RANK))}"


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_imports_point_down_the_layers(path):
    assert not upward_imports(_package_of(path), path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("own, text, upward", [
    ("document", "from lawlint.checks import KINDS", ["line 1: document imports checks"]),
    ("checks", "def f():\n    from lawlint.cli import main", ["line 2: checks imports cli"]),
    ("checks", "import lawlint.pipeline.linter", ["line 1: checks imports pipeline"]),
    ("pipeline", "from lawlint import errors, document", []),
    ("cli", "from lawlint.pipeline import linter", []),
])
def test_an_upward_import_is_caught_wherever_it_stands(own, text, upward):
    assert upward_imports(own, text) == upward
